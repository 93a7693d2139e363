"""``POST /api/extract``: analysis in worker processes, bounded in number, queue, size and time.

The pipeline runs in ``workers`` processes of their own (started on the first request, the
spaCy model loaded once in each), never in the server's: an analysis holds no lock and no
thread the reads need, so listings, tables and the UI answer while texts are analysed. At
most ``workers`` texts are analysed and ``queue`` wait; one more is refused at once (503,
``Retry-After``). A text longer than ``max_chars`` is refused (413) before any work. A
request waits at most ``timeout_s`` for a worker (and for its model to load: 503 "still
loading" meanwhile); an analysis still running ``timeout_s`` after it started is stopped
(its worker is killed and replaced) and the request gets 503. The server never waits for
an analysis, nor does shutdown (``close``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import queue
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from eventwire.config import PipelineConfig


class _Loading(Exception):
    """The worker was still loading the model when the request's time ran out."""


class ExtractRefused(Exception):
    """The request cannot be served now or at all: ``status`` is the HTTP status to answer."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status, self.detail = status, detail


@dataclass(frozen=True, slots=True)
class ExtractLimits:
    workers: int = 1  # processes analysing at once (each holds a spaCy model, ~0.6 GB)
    queue: int = 4  # requests that may wait for a worker; one more gets 503 at once
    max_chars: int = 100_000  # longer texts get 413
    timeout_s: float = 60.0  # per request, waiting included (the first one loads the model)


@dataclass(frozen=True, slots=True)
class Task:
    text: str
    published: dt.date | None
    meta: dict[str, str | None]
    min_confidence: float | None


class ExtractPool:
    """Worker processes for /api/extract; thread-safe, used from the server's request threads."""

    def __init__(self, config: PipelineConfig, limits: ExtractLimits) -> None:
        self.config, self.limits = config, limits
        self._admitted = threading.BoundedSemaphore(limits.workers + limits.queue)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._started = 0
        self._busy: set[_Worker] = set()
        self._closed = False

    def analyze(self, task: Task) -> dict[str, Any]:
        """The analysis as JSON, or :class:`ExtractRefused` with the status to answer."""
        if len(task.text) > self.limits.max_chars:
            raise ExtractRefused(
                413, f"text of {len(task.text):,} characters is over the limit of {self.limits.max_chars:,}"
            )
        if self._closed or not self._admitted.acquire(blocking=False):
            waiting = self.limits.workers + self.limits.queue
            raise ExtractRefused(503, f"busy: {waiting} texts are being analysed or waiting; try again soon")
        try:
            deadline = time.monotonic() + self.limits.timeout_s
            worker = self._take(deadline)
            return self._run(worker, task, deadline)
        finally:
            self._admitted.release()

    def close(self, grace_s: float = 2.0) -> None:
        """Stop every worker: idle ones are asked to exit, the rest are killed after ``grace_s``."""
        self._closed = True
        with self._lock:
            workers = list(self._busy)
        while True:
            try:
                workers.append(self._idle.get_nowait())
            except queue.Empty:
                break
        for worker in workers:
            worker.stop()
        deadline = time.monotonic() + grace_s
        for worker in workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            worker.kill()

    def _take(self, deadline: float) -> _Worker:
        """An idle worker, a new one while fewer than ``workers`` run, else wait for one."""
        with contextlib.suppress(queue.Empty):
            return self._idle.get_nowait()
        with self._lock:
            start = self._started < self.limits.workers
            if start:
                self._started += 1
        if start:
            try:
                return _Worker.start(self.config)
            except (OSError, RuntimeError) as exc:
                with self._lock:
                    self._started -= 1
                raise ExtractRefused(503, f"cannot start an analysis worker ({exc})") from None
        try:
            return self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise ExtractRefused(503, f"no worker was free within {self.limits.timeout_s:g} s") from None

    def _run(self, worker: _Worker, task: Task, deadline: float) -> dict[str, Any]:
        with self._lock:
            self._busy.add(worker)
        try:
            status, payload = worker.call(task, deadline, self.limits.timeout_s)
        except _Loading:
            with self._lock:
                self._busy.discard(worker)
            self._idle.put(worker)  # it goes on loading; the next request finds it readier
            raise ExtractRefused(503, "the worker is still loading the model; try again soon") from None
        except (TimeoutError, EOFError, OSError) as exc:
            self._retire(worker)
            if isinstance(exc, TimeoutError):
                raise ExtractRefused(503, f"analysis stopped after {self.limits.timeout_s:g} s") from None
            raise ExtractRefused(503, "the analysis worker stopped (out of memory?); try again") from None
        with self._lock:
            self._busy.discard(worker)
        if self._closed:
            worker.kill()
        else:
            self._idle.put(worker)
        if status == "invalid":
            raise ExtractRefused(422, payload)
        if status == "failed":
            raise ExtractRefused(503, f"the analysis failed: {payload}")
        return dict(payload)

    def _retire(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._busy.discard(worker)
            self._started -= 1


class _Worker:
    """One process with a pipeline, spoken to over a pipe: a task in, ``(status, payload)`` out."""

    def __init__(self, process: Any, conn: Connection) -> None:
        self.process, self.conn = process, conn
        self.ready = False

    @classmethod
    def start(cls, config: PipelineConfig) -> _Worker:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(target=_worker_main, args=(child, config), daemon=True)
        process.start()
        child.close()
        return cls(process, parent)

    def call(self, task: Task, deadline: float, limit_s: float) -> tuple[str, Any]:
        """The task's result; waits for the model until ``deadline``, then ``limit_s`` for the work."""
        if not self.ready:
            try:
                self._receive(deadline)  # ("ready", None) once the model is loaded and warm
            except TimeoutError:
                raise _Loading from None
            self.ready = True
        self.conn.send(task)
        return self._receive(time.monotonic() + limit_s)

    def _receive(self, deadline: float) -> tuple[str, Any]:
        if not self.conn.poll(max(0.0, deadline - time.monotonic())):
            raise TimeoutError
        status, payload = self.conn.recv()
        return str(status), payload

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        with contextlib.suppress(OSError):
            self.conn.close()


def _worker_main(conn: Connection, config: PipelineConfig) -> None:
    """A worker's life: load the pipeline once, then answer tasks until told to stop."""
    from eventwire.errors import InputError
    from eventwire.pipeline import Pipeline

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops us
    pipeline = Pipeline(config)
    pipeline.warm_up()  # lazily built parts, before the first timed analysis
    conn.send(("ready", None))
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        try:
            analysis = pipeline.analyze_text(task.text, task.published, **task.meta)
        except InputError as exc:
            conn.send(("invalid", exc.problem))
            continue
        except Exception as exc:  # noqa: BLE001 - a bug on one text must not end the worker
            conn.send(("failed", " ".join(f"{type(exc).__name__}: {exc}".split())[:300]))
            continue
        if task.min_confidence is not None:  # stricter than the pipeline's own threshold
            analysis.events = [e for e in analysis.events if e.confidence >= task.min_confidence]
        conn.send(("ok", analysis.to_dict()))
