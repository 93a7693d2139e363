"""Measure throughput and memory: bare spaCy, the eventwire pipeline and (optionally) the store.

Both measurements use the same mechanism: a pool of K worker processes, each
loading the model once in its initialiser and warming up before the clock starts,
fed the same chunks of the same articles. Bare spaCy runs ``nlp.pipe`` with every
component the model ships enabled and discards the Docs, once as spaCy ships (the target's
reference) and once with its layers multiplying through numpy's BLAS as the pipeline's do
(``eventwire/nlp/matmul.py``), so that the report also says what the stages alone cost
against the same spaCy; the pipeline runs
``Pipeline.analyze_batch`` and sends back the extracted records. Throughput is
wall-clock time in the parent from the first chunk sent to the last result
received; model loading and warm-up are reported apart. Peak memory is the sum of
each worker's peak resident set size plus the parent's.
"""

from __future__ import annotations

import math
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.bench.corpus import DEFAULT_SEED, build_corpus, corpus_words
from eventwire.bench.machine import machine_info
from eventwire.config import PipelineConfig
from eventwire.errors import EventwireError
from eventwire.models import Analysis, Article
from eventwire.parallel import WARMUP_TEXT, AnalyzerPool, WorkerPool, peak_rss_kb

PARSE_MODES = ("selective", "full", "both")


@dataclass(slots=True)
class BenchOptions:
    articles: int = 200
    model: str = "md"
    processes: int | None = None  # default: every core
    data: Path | None = None
    batch_size: int = 32  # articles per task sent to a worker (at most)
    spacy_batch_size: int = PipelineConfig.spacy_batch_size  # docs per nlp.pipe batch, both sides
    parse: str = "selective"  # selective, full or both
    store: bool = False
    repeat: int = 1  # runs of each measurement; the fastest counts
    seed: int = DEFAULT_SEED

    def __post_init__(self) -> None:
        if self.articles < 1:
            raise EventwireError(f"--articles must be >= 1, got {self.articles}")
        if self.parse not in PARSE_MODES:
            raise EventwireError(f"--parse must be one of {', '.join(PARSE_MODES)}")
        if self.repeat < 1:
            raise EventwireError(f"--repeat must be >= 1, got {self.repeat}")
        self.processes = max(1, self.processes or os.cpu_count() or 1)


@dataclass(slots=True)
class Measure:
    """One timed run over the whole corpus."""

    name: str
    seconds: float
    articles: int
    words: int
    load_seconds: float = 0.0
    peak_rss_mb: float = 0.0  # parent + workers
    parent_rss_mb: float = 0.0
    worker_rss_mb: list[float] = field(default_factory=list)
    stages: dict[str, float] = field(default_factory=dict)  # seconds summed over workers
    parse_stats: dict[str, int] = field(default_factory=dict)

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


@dataclass(slots=True)
class BenchResult:
    options: BenchOptions
    machine: dict[str, Any]
    corpus: dict[str, Any]
    bare: Measure
    pipelines: list[Measure]  # the first is the configured default (selective unless --parse full)
    bare_numpy_blas: Measure | None = None  # bare spaCy multiplying as the pipeline's spaCy does
    store: Measure | None = None
    load_after: tuple[float, float, float] | None = None


def run_benchmark(options: BenchOptions, progress: Callable[[str], None] = lambda s: None) -> BenchResult:
    """Build the corpus, then time bare spaCy and the pipeline on it with K processes each."""
    articles = build_corpus(options.articles, options.data, seed=options.seed)
    words = corpus_words(articles)
    k = options.processes or 1
    chunk = max(1, min(options.batch_size, math.ceil(len(articles) / (2 * k))))
    machine = machine_info()
    modes = ["selective", "full"] if options.parse == "both" else [options.parse]
    progress(f"corpus: {len(articles)} articles, {words} words; {k} processes, chunks of {chunk}")
    bare_runs: list[Measure] = []
    same_blas_runs: list[Measure] = []
    pipe_runs: dict[str, list[Measure]] = {m: [] for m in modes}
    analyses: list[Analysis] = []
    with (
        BarePool(options.model, k) as bare,
        BarePool(options.model, k, numpy_gemm=True) as same_blas,
        _PipelinePools(options, modes, k) as pools,
    ):
        for r in range(options.repeat):
            progress(f"run {r + 1}/{options.repeat}: bare spaCy")
            bare_runs.append(bare.measure(articles, words, options.spacy_batch_size, chunk))
            progress(f"run {r + 1}/{options.repeat}: bare spaCy, numpy BLAS")
            same_blas_runs.append(same_blas.measure(articles, words, options.spacy_batch_size, chunk))
            for mode, pool in pools.items():
                progress(f"run {r + 1}/{options.repeat}: pipeline ({mode} parse)")
                pipe_runs[mode].append(_measure_pipeline(pool, mode, articles, words, chunk))
        if options.store:  # after the timed runs, so that holding the results skews no peak
            analyses = list(pools[modes[0]].analyze(articles, chunk_size=chunk))
    store = _measure_store(analyses, words, options.batch_size) if options.store else None
    return BenchResult(
        options=options,
        machine=machine,
        corpus={
            "source": str(options.data) if options.data else "bundled examples",
            "articles": len(articles),
            "words": words,
            "words_per_article": round(words / len(articles), 1),
            "seed": options.seed,
            "chunk_size": chunk,
        },
        bare=_fastest(bare_runs),
        bare_numpy_blas=_fastest(same_blas_runs),
        pipelines=[_fastest(pipe_runs[m]) for m in modes],
        store=store,
        load_after=os.getloadavg(),
    )


def _fastest(runs: Sequence[Measure]) -> Measure:
    best = min(runs, key=lambda m: m.seconds)
    peak = max(runs, key=lambda m: m.peak_rss_mb)
    best.peak_rss_mb, best.parent_rss_mb = peak.peak_rss_mb, peak.parent_rss_mb
    best.worker_rss_mb = peak.worker_rss_mb
    return best


class _PipelinePools:
    """Context manager over one AnalyzerPool per parse mode."""

    def __init__(self, options: BenchOptions, modes: list[str], k: int) -> None:
        self.pools: dict[str, AnalyzerPool] = {}
        try:
            for mode in modes:
                config = PipelineConfig(
                    model=options.model,
                    batch_size=options.batch_size,
                    spacy_batch_size=options.spacy_batch_size,
                    selective_parse=mode == "selective",
                )
                self.pools[mode] = AnalyzerPool(config, k)
        except BaseException:
            self.__exit__()
            raise

    def __enter__(self) -> dict[str, AnalyzerPool]:
        return self.pools

    def __exit__(self, *exc: object) -> None:
        for pool in self.pools.values():
            pool.close()


def _measure_pipeline(
    pool: AnalyzerPool, mode: str, articles: list[Article], words: int, chunk: int
) -> Measure:
    """Time one pass over the corpus; the analyses are counted, not kept."""
    pool.stats.timings.clear()
    pool.stats.parse_stats.clear()
    start = time.perf_counter()
    done = sum(1 for _ in pool.analyze(articles, chunk_size=chunk))
    assert done == len(articles)
    seconds = time.perf_counter() - start
    parent, workers = peak_rss_kb(), list(pool.stats.worker_rss_kb.values())
    measure = Measure(
        name=f"pipeline ({mode} parse)",
        seconds=seconds,
        articles=len(articles),
        words=words,
        load_seconds=pool.stats.load_seconds,
        peak_rss_mb=(parent + sum(workers)) / 1024,
        parent_rss_mb=parent / 1024,
        worker_rss_mb=[kb / 1024 for kb in workers],
        stages=dict(pool.stats.timings),
        parse_stats=dict(pool.stats.parse_stats),
    )
    return measure


def _measure_store(analyses: list[Analysis], words: int, batch_size: int) -> Measure:
    from eventwire.store.database import Store

    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        start = time.perf_counter()
        with Store(Path(tmp) / "bench.duckdb") as store:
            for i in range(0, len(analyses), batch_size):
                store.write_batch(analyses[i : i + batch_size])
        seconds = time.perf_counter() - start
    parent = peak_rss_kb() / 1024
    return Measure("store (DuckDB)", seconds, len(analyses), words, peak_rss_mb=parent,
                   parent_rss_mb=parent)  # fmt: skip


class BarePool:
    """K workers that each load the spaCy model once and run ``nlp.pipe`` on chunks of texts;
    ``numpy_gemm``: its layers multiply through numpy's BLAS, as the pipeline's do."""

    def __init__(self, model: str, processes: int, numpy_gemm: bool = False) -> None:
        self.name = "bare spaCy nlp.pipe" + (", numpy BLAS" if numpy_gemm else "")
        self.workers = WorkerPool(processes, _load_bare_model, (model, numpy_gemm))
        self.load_seconds = self.workers.load_seconds
        self.worker_rss_kb: dict[int, int] = {}

    def __enter__(self) -> BarePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.workers.close()

    def measure(self, articles: list[Article], words: int, batch_size: int, chunk: int) -> Measure:
        texts = [article.text for article in articles]
        tasks = [(texts[i : i + chunk], batch_size) for i in range(0, len(texts), chunk)]
        start = time.perf_counter()
        for pid, rss in self.workers.map(_bare_chunk, tasks):
            self.worker_rss_kb[pid] = max(rss, self.worker_rss_kb.get(pid, 0))
        seconds = time.perf_counter() - start
        parent, workers = peak_rss_kb(), list(self.worker_rss_kb.values())
        return Measure(self.name, seconds, len(articles), words, self.load_seconds,
                       (parent + sum(workers)) / 1024, parent / 1024,
                       [kb / 1024 for kb in workers])  # fmt: skip


_NLP: Any = None


def _load_bare_model(model: str, numpy_gemm: bool = False) -> None:
    global _NLP
    from eventwire.nlp import load_model
    from eventwire.nlp.matmul import use_numpy_gemm

    _NLP = load_model(model)
    if numpy_gemm:
        use_numpy_gemm(_NLP)
    _NLP(WARMUP_TEXT)


def _bare_chunk(task: tuple[list[str], int]) -> tuple[int, int]:
    texts, batch_size = task
    for _doc in _NLP.pipe(texts, batch_size=batch_size):
        pass
    return os.getpid(), peak_rss_kb()
