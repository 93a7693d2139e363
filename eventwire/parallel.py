"""Analyse articles in several worker processes, one spaCy model per worker.

Each worker builds one :class:`Pipeline` when it starts (model and data files
loaded once per process, never per task) and analyses chunks of articles. Results
come back in input order. spaCy Docs are dropped in the worker
(``analysis.docs = []``): every stage has already run there, so only the extracted
records travel back. A worker pickles its chunk's results itself and the parent unpickles
them with the cyclic garbage collector paused (:func:`unpickle_paused`).

    from eventwire.parallel import analyze_parallel
    for analysis in analyze_parallel(articles, PipelineConfig(), processes=2):
        ...

Workers are started with ``spawn``, so a script that uses this must guard its entry
point with ``if __name__ == "__main__":``.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
import pickle
import resource
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, TypeVar

from eventwire.config import PipelineConfig
from eventwire.errors import EventwireError, InputError
from eventwire.models import Analysis, Article

T = TypeVar("T")
R = TypeVar("R")

# An English paragraph run once per worker so that lazily built parts (the language
# detector, spaCy's first-batch allocations, dateparser) are ready before real work is
# timed. It is longer than 200 characters on purpose: on shorter texts lingua loads its
# 1- to 5-gram models, about 200 MB more per process. Its full date is read as the
# publication date, which dates the arrest: dateparser builds its parsers on the first
# explicit date and the first time of day (about 0.6 s, once per process).
WARMUP_TEXT = (
    "Police arrested two protesters in the capital at 7:30 a.m. on March 3, 2015, "
    "officials said, after a march against the new fuel prices turned violent. “We will "
    "not accept this,” the opposition leader told reporters outside the court. The interior "
    "ministry accused the organisers of planning the clashes and said it would ban further "
    "rallies."
)
WORKER_START_TIMEOUT_S = 600


class WorkerPool:
    """``processes`` workers, each set up once by ``setup(*args)``; ordered, bounded map.

    The constructor returns when every worker has finished its setup, so the time
    to load models is ``load_seconds`` and never part of a measured run.
    """

    def __init__(self, processes: int, setup: Callable[..., None], args: tuple[Any, ...]) -> None:
        self.processes = max(1, processes)
        context = multiprocessing.get_context(start_method())
        self._barrier = context.Barrier(self.processes)
        start = time.perf_counter()
        self._executor = ProcessPoolExecutor(
            self.processes, mp_context=context, initializer=_setup_worker,
            initargs=(self._barrier, setup, args),
        )  # fmt: skip
        try:
            ready = [self._executor.submit(_wait_ready) for _ in range(self.processes)]
            for future in ready:
                future.result(timeout=WORKER_START_TIMEOUT_S)
        except (BrokenProcessPool, threading.BrokenBarrierError, TimeoutError) as exc:
            self.close()
            raise EventwireError(
                f"worker processes failed to start ({type(exc).__name__}); see the error above. "
                "A script must guard its entry point with `if __name__ == '__main__':`"
            ) from None
        self.load_seconds = time.perf_counter() - start

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._barrier.abort()  # frees any worker still waiting for the others
        self._executor.shutdown(wait=True, cancel_futures=True)

    def map(self, function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """``function(item)`` in the workers, results in input order, two items per worker in flight."""
        iterator = iter(items)
        pending: deque[Future[R]] = deque()
        while True:
            while len(pending) < 2 * self.processes:
                item = next(iterator, _END)
                if item is _END:
                    break
                pending.append(self._executor.submit(function, item))
            if not pending:
                return
            yield pending.popleft().result()


_END: Any = object()


@dataclass(slots=True)
class ChunkResult:
    """What a worker sends back for one chunk of articles."""

    analyses: list[Analysis]
    timings: dict[str, float]  # stage -> seconds spent on this chunk
    parse_stats: dict[str, int]  # sentences / tokens seen and parsed
    pid: int
    max_rss_kb: int  # the worker's peak resident memory so far
    errors: list[InputError] = field(default_factory=list)  # articles a stage failed on, left out


@dataclass(slots=True)
class PoolStats:
    """Totals over every chunk analysed by an :class:`AnalyzerPool`."""

    timings: Counter[str] = field(default_factory=Counter)
    parse_stats: Counter[str] = field(default_factory=Counter)
    worker_rss_kb: dict[int, int] = field(default_factory=dict)  # pid -> peak
    load_seconds: float = 0.0  # starting the workers: model load and warm-up


class AnalyzerPool:
    """Worker processes that each hold one Pipeline; use as a context manager."""

    def __init__(self, config: PipelineConfig, processes: int | None = None) -> None:
        self.config = config
        self.workers = WorkerPool(processes or os.cpu_count() or 1, _load_pipeline, (config,))
        self.stats = PoolStats(load_seconds=self.workers.load_seconds)

    def __enter__(self) -> AnalyzerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.workers.close()

    def analyze(
        self,
        articles: Iterable[Article],
        published: dt.date | None = None,
        chunk_size: int | None = None,
        on_error: Callable[[InputError], None] = lambda err: None,
    ) -> Iterator[Analysis]:
        """Analyses in input order, ``chunk_size`` articles per task (default: the batch size);
        an article that makes a stage raise is left out and handed to ``on_error``."""
        size = chunk_size or self.config.batch_size
        iterator = iter(articles)
        chunks = iter(lambda: list(islice(iterator, size)), [])
        for blob in self.workers.map(_analyze_chunk, ((c, published) for c in chunks)):
            result: ChunkResult = unpickle_paused(blob)
            self.stats.timings.update(result.timings)
            self.stats.parse_stats.update(result.parse_stats)
            peak = max(result.max_rss_kb, self.stats.worker_rss_kb.get(result.pid, 0))
            self.stats.worker_rss_kb[result.pid] = peak
            for error in result.errors:
                on_error(error)
            yield from result.analyses


def analyze_parallel(
    articles: Iterable[Article],
    config: PipelineConfig | None = None,
    processes: int | None = None,
    published: dt.date | None = None,
) -> Iterator[Analysis]:
    """Analyses of ``articles`` in input order, from ``processes`` workers (default: all cores).

    The analyses carry every extracted record but no spaCy Docs (``docs == []``).
    With ``processes=1`` the work runs in this process, without workers.
    """
    config = config or PipelineConfig()
    if processes == 1:
        from eventwire.pipeline import Pipeline

        for analysis in Pipeline(config).analyze(articles, published):
            analysis.docs = []
            yield analysis
        return
    with AnalyzerPool(config, processes) as pool:
        yield from pool.analyze(articles, published)


def peak_rss_kb() -> int:
    """This process's peak resident memory in kB (ru_maxrss is bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def unpickle_paused(blob: bytes) -> Any:
    """``pickle.loads`` with the cyclic garbage collector paused. A chunk's analyses are
    tens of thousands of new container objects (spans, mentions, lists): each allocation
    threshold crossed while they are built started a collection that walked the ones built
    so far, half the time of unpickling them. Nothing built here is garbage yet."""
    with collector_paused():
        return pickle.loads(blob)


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off inside the block, and on again after it if it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def start_method() -> str:
    """spawn: each worker is a fresh interpreter that inherits no threads, open files or
    DuckDB handles, and its peak memory is its own (a forked child's peak starts at its
    parent's), so the benchmark's sum of peaks counts nothing twice."""
    return "spawn"


# --- worker side: one of each per worker process ----------------------------------

_BARRIER: Any = None
_PIPELINE: Any = None


def _setup_worker(barrier: Any, setup: Callable[..., None], args: tuple[Any, ...]) -> None:
    global _BARRIER
    _BARRIER = barrier
    try:
        setup(*args)
    except BaseException:
        barrier.abort()  # the others stop waiting; the parent reports the failure
        raise


def _wait_ready() -> None:
    """Returns once every worker is set up (so each of these ran on a different worker)."""
    _BARRIER.wait(timeout=WORKER_START_TIMEOUT_S)


def _load_pipeline(config: PipelineConfig) -> None:
    global _PIPELINE
    from eventwire.pipeline import Pipeline

    _PIPELINE = Pipeline(config)
    _PIPELINE.analyze_text(WARMUP_TEXT)
    settle_heap()


def settle_heap() -> None:
    """Move every object alive now (the model's vocabulary, the knowledge base, the
    gazetteer: about 170,000 of them) out of the cyclic garbage collector's reach. They live
    as long as the worker, yet each full collection walked them all again (about 0.1 s, a
    few times per hundred articles). Garbage is collected first, so none is kept."""
    gc.collect()
    gc.freeze()


def _analyze_chunk(task: tuple[list[Article], dt.date | None]) -> bytes:
    """The chunk's :class:`ChunkResult`, pickled here so that the parent can unpickle it
    with :func:`unpickle_paused` (the executor would unpickle it in its own thread)."""
    articles, published = task
    pipeline = _PIPELINE
    pipeline.timings.clear()
    pipeline.parser.reset_stats()
    errors: list[InputError] = []

    def on_error(article: Article, stage: str, exc: Exception) -> None:
        # imported on the first failure only: eventwire.jobs imports the store (DuckDB and
        # pyarrow, about 70 MiB of each worker's resident memory), which a worker never uses
        from eventwire.jobs import failure

        errors.append(failure(article, stage, exc))

    # A chunk allocates millions of objects (tokens, spans, mentions, per-Doc caches) and
    # frees nearly all of them by reference counting, yet the cyclic collector started a
    # pass every 700 allocations (about 1,100 passes per 200 bench articles, pickling the
    # results included), walking what the chunk had built so far: 0.5-0.56 s of about 31
    # CPU s. Paused for the chunk, it collects the chunk's cycles once, when its Docs are
    # dropped (0.31 s in all); the same garbage is freed, peak memory is the same.
    with collector_paused():
        analyses = pipeline.analyze_batch(articles, published, on_error)
        for analysis in analyses:
            analysis.docs = []
        pipeline.forget(analyses)  # they leave this process: what stages keep about them is dead weight
        gc.collect()
        result = ChunkResult(
            analyses=analyses,
            timings=dict(pipeline.timings),
            parse_stats=dict(pipeline.parser.stats),
            pid=os.getpid(),
            max_rss_kb=peak_rss_kb(),
            errors=errors,
        )
        return pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
