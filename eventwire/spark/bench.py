"""``eventwire bench --engine spark``: the Spark engine on local[1] and local[2] next to the
multi-process path, on the same corpus.

For each: the time to start (Spark: the session's JVM, then one task per core that builds
the cached Pipeline in its Python worker; multi-process: the workers loading the model),
articles/s once started (reading and analysing the whole corpus, results materialised,
Spark writing them to its ``noop`` sink), and for Spark the whole ``spark-ingest`` run
(analysis again, linking, Parquet) with the Parquet bytes per article.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from eventwire.bench.corpus import build_corpus, corpus_words
from eventwire.bench.machine import machine_info
from eventwire.config import PipelineConfig
from eventwire.errors import InputError
from eventwire.ingest import read_sources
from eventwire.parallel import WARMUP_TEXT, AnalyzerPool


@dataclass(slots=True)
class EngineRun:
    name: str
    cores: int
    start_s: float  # to a warm engine: JVM + workers with the Pipeline, or worker processes
    analyse_s: float  # the whole corpus, once started
    articles: int
    session_s: float | None = None  # Spark: of start_s, the SparkSession (the JVM, first time only)
    ingest_s: float | None = None  # Spark: the whole spark-ingest run on a warm session
    link_and_write_s: float | None = None
    parquet_bytes: int | None = None
    compact_bytes: int | None = None  # the same tables rewritten as one file each (no per-file overhead)
    worker_rss_mb: list[float] = field(default_factory=list)  # Python workers after the analysis
    jvm_rss_mb: float | None = None  # Spark: the driver/executor JVM (local mode: one process)

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.analyse_s if self.analyse_s else 0.0


@dataclass(slots=True)
class SparkBench:
    articles: int
    words: int
    model: str
    machine: dict[str, Any]
    runs: list[EngineRun] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for run, raw in zip(self.runs, data["runs"], strict=True):
            raw["articles_per_s"] = round(run.articles_per_s, 2)
        return data


def run_spark_bench(
    articles: int = 200,
    model: str = "md",
    cores: tuple[int, ...] = (1, 2),
    data: Path | None = None,
    batch_size: int = 32,
    progress: Any = lambda line: None,
) -> SparkBench:
    corpus = build_corpus(articles, data)
    config = PipelineConfig(model=model, batch_size=batch_size)
    with tempfile.TemporaryDirectory(prefix="eventwire-spark-bench-") as tmp:
        feed = Path(tmp) / "corpus.jsonl"
        _write_corpus(corpus, feed)
        read = [a for a in read_sources([feed]) if not isinstance(a, InputError)]
        result = SparkBench(len(read), corpus_words(read), model, machine_info())
        for k in cores:
            progress(f"multi-process path, {k} process(es)")
            result.runs.append(_multiprocess(read, config, k))
        for k in cores:
            progress(f"Spark local[{k}]")
            result.runs.append(_spark(feed, config, k, len(read), Path(tmp) / f"out-{k}"))
    return result


def _write_corpus(corpus: list, path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for a in corpus:
            record = {"id": a.id, "published": a.published.isoformat() if a.published else None,
                      "outlet": a.outlet, "url": a.url, "language": a.language, "text": a.text}  # fmt: skip
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _multiprocess(articles: list, config: PipelineConfig, k: int) -> EngineRun:
    start = time.perf_counter()
    with AnalyzerPool(config, k) as pool:
        started = time.perf_counter()
        done = sum(1 for _ in pool.analyze(articles))
        finished = time.perf_counter()
    return EngineRun(f"multi-process, {k} process(es)", k, started - start, finished - started, done)


def _spark(feed: Path, config: PipelineConfig, k: int, expected: int, out: Path) -> EngineRun:
    from eventwire.spark.job import SparkOptions, analysis, run_ingest
    from eventwire.spark.session import spark_session
    from eventwire.spark.worker import WorkerSettings, fingerprint

    start = time.perf_counter()
    spark = spark_session(f"local[{k}]", batch_size=config.batch_size)
    session_s = time.perf_counter() - start
    try:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        settings = WorkerSettings(config, fingerprint(config), now)
        warm = feed.parent / f"warmup-{k}.jsonl"
        warm.write_text(
            "".join(json.dumps({"id": f"w{i}", "text": WARMUP_TEXT}) + "\n" for i in range(k)),
            encoding="utf-8",
        )
        _, warmed, _ = analysis(spark, [warm], settings, partitions=k)
        warmed.write.format("noop").mode("overwrite").save()  # one Pipeline per Python worker
        started = time.perf_counter()
        _, analyzed, _ = analysis(spark, [feed], settings, partitions=4 * k)
        analyzed.write.format("noop").mode("overwrite").save()
        finished = time.perf_counter()
        workers, jvm = _spark_memory()
        report = run_ingest(spark, [feed], out, config, SparkOptions(partitions=4 * k))
        compact = _compact_bytes(spark, out, out.parent / f"compact-{k}")
    finally:
        spark.stop()
    assert report.articles == expected, (report.articles, expected)
    return EngineRun(
        f"Spark local[{k}]", k, started - start, finished - started, expected, session_s,
        report.seconds["total"], report.seconds["link_and_write"], report.parquet_bytes, compact,
        workers, jvm,
    )  # fmt: skip


def _compact_bytes(spark: Any, out: Path, compact: Path) -> int:
    """Parquet bytes of the run's tables, each rewritten as one file: what a large run costs per
    article, without the footers of a small run's many small files."""
    from eventwire.spark.job import parquet_bytes
    from eventwire.spark.schema import ALL_TABLES

    for table in ALL_TABLES:
        if (out / table).is_dir():
            spark.read.parquet(str(out / table)).repartition(1).write.mode("overwrite").parquet(
                str(compact / table)
            )
    return parquet_bytes(compact)


def _spark_memory() -> tuple[list[float], float | None]:
    """Resident MiB of each Spark Python worker holding a Pipeline, and of the JVM."""
    import psutil

    workers, jvm = [], None
    for proc in psutil.Process().children(recursive=True):
        try:
            cmdline = " ".join(proc.cmdline())
            rss = proc.memory_info().rss / 2**20
        except psutil.Error:
            continue
        if "java" in cmdline and "SparkSubmit" in cmdline:
            jvm = round(rss, 1)
        elif "pyspark" in cmdline and rss > 300:  # the daemon forks workers; only loaded ones count
            workers.append(round(rss, 1))
    return workers, jvm


def render(result: SparkBench) -> str:
    """The table ``eventwire bench --engine spark`` prints."""
    m = result.machine
    lines = [
        f"eventwire bench --engine spark: {result.articles} articles, {result.words:,} words, model "
        f"{result.model}; {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, load {m['load_before']}",
        "",
        f"{'':32}  {'start s':>8}  {'articles/s':>10}  {'vs multi-process':>16}  {'ingest s':>8}  "
        f"{'link+write s':>12}  {'Parquet B/article':>17}  {'compact':>7}",
    ]
    base = {r.cores: r.articles_per_s for r in result.runs if r.name.startswith("multi")}
    for r in result.runs:
        ratio = (
            f"{r.articles_per_s / base[r.cores]:.2f}x"
            if r.name.startswith("Spark") and base.get(r.cores)
            else ""
        )
        lines.append(
            f"{r.name:32}  {r.start_s:8.1f}  {r.articles_per_s:10.1f}  {ratio:>16}  "
            f"{_opt(r.ingest_s):>8}  {_opt(r.link_and_write_s):>12}  "
            f"{(f'{r.parquet_bytes / r.articles:,.0f}' if r.parquet_bytes else ''):>17}  "
            f"{(f'{r.compact_bytes / r.articles:,.0f}' if r.compact_bytes else ''):>7}"
        )
        if r.session_s is not None:
            lines.append(
                f"{'':34}of which SparkSession {r.session_s:.1f} s (the JVM starts with the first one)"
            )
        if r.worker_rss_mb:
            lines.append(f"{'':34}Python workers {', '.join(f'{w:,.0f}' for w in r.worker_rss_mb)} MiB, "
                         f"JVM {r.jvm_rss_mb or 0:,.0f} MiB (resident, after the analysis)")  # fmt: skip
    lines += [
        "",
        "start s: Spark: session (JVM) + one task per core building the Pipeline in its Python worker; "
        "multi-process: workers loading the model",
        "articles/s: reading and analysing the corpus once started; ingest s: the whole spark-ingest run "
        "(analysis again, linking, Parquet) on the warm session",
        "Parquet B/article: as written (a folder per day); compact: each table rewritten as one file",
    ]
    return "\n".join(lines)


def _opt(value: float | None) -> str:
    return f"{value:.1f}" if value is not None else ""
