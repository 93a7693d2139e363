"""The ``eventwire`` command line: a thin layer over :mod:`eventwire.jobs` and the store."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from eventwire import jobs
from eventwire.config import PipelineConfig
from eventwire.errors import EventwireError, InputError
from eventwire.pipeline import Pipeline
from eventwire.progress import count_articles, progress_bar
from eventwire.progress import enabled as progress_enabled
from eventwire.render import analysis_summary, table
from eventwire.store.database import Store
from eventwire.store.export import export_store

app = typer.Typer(
    help="Read news, write event data: who did or said what to whom, where, when, according to whom.",
    no_args_is_help=True,
    add_completion=False,
)


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


class ModelName(StrEnum):
    sm = "sm"
    md = "md"


Paths = Annotated[list[str], typer.Argument(help="Files, folders, '-' for stdin, or URLs.")]
Published = Annotated[
    str | None,
    typer.Option(help="Publication date (YYYY-MM-DD) for articles that carry none."),
]
Model = Annotated[ModelName, typer.Option(help="spaCy model: md (default, more accurate) or sm.")]
KbFiles = Annotated[list[Path] | None, typer.Option("--kb", help="Extra actor knowledge-base CSV.")]
GazFiles = Annotated[list[Path] | None, typer.Option("--gazetteer", help="Extra gazetteer CSV of places.")]
DbPath = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]
MinConfidence = Annotated[
    float | None,
    typer.Option(
        min=0.0, max=1.0,
        help="Keep events at or above this calibrated confidence (default: the threshold chosen with "
        "the event scorer on the article dev half; 0 keeps every candidate).",
    ),
]  # fmt: skip


def _show_version(value: bool) -> None:
    if value:
        from eventwire import __version__

        typer.echo(f"eventwire {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool, typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    pass


def _report_error(err: InputError) -> None:
    typer.secho(f"error: {err}", fg=typer.colors.RED, err=True)


def _pipeline(
    model: ModelName, kb: list[Path] | None, gazetteer: list[Path] | None, batch_size: int = 32,
    min_confidence: float | None = None,
) -> Pipeline:  # fmt: skip
    config = PipelineConfig(
        model=model.value,
        kb_files=tuple(kb or ()),
        gazetteer_files=tuple(gazetteer or ()),
        batch_size=batch_size,
        min_confidence=min_confidence,
    )
    return Pipeline(config)


def _model_file(value: Path | None) -> Path | None:
    """A model's ``--out``: a file whose folder exists, checked before minutes of training."""
    if value is None:
        return None
    if value.is_dir():
        raise typer.BadParameter(
            f"{value} is a folder; give the model file's path (e.g. {value / 'model.json'})"
        )
    if not value.parent.is_dir():
        raise typer.BadParameter(f"{value.parent} does not exist; create it or give another path")
    return value


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


@app.command()
def extract(
    paths: Paths,
    published: Published = None,
    format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.json,
    model: Model = ModelName.md,
    kb: KbFiles = None,
    gazetteer: GazFiles = None,
    min_confidence: MinConfidence = None,
) -> None:
    """Print what each article contains (JSON, JSON Lines or a readable table)."""
    pipeline = _pipeline(model, kb, gazetteer, min_confidence=min_confidence)
    errors: list[InputError] = []

    def on_error(err: InputError) -> None:
        errors.append(err)
        _report_error(err)

    count = 0
    for count, analysis in enumerate(jobs.extract(paths, pipeline, _date(published), on_error), 1):
        if format is OutputFormat.table:
            typer.echo(analysis_summary(analysis) + "\n")
        elif format is OutputFormat.jsonl:
            typer.echo(json.dumps(analysis.to_dict(), ensure_ascii=False))
        else:  # one JSON array, written as the analyses come
            record = json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2)
            typer.echo(("[\n" if count == 1 else ",\n") + record, nl=False)
    if format is OutputFormat.json:
        typer.echo("\n]" if count else "[]")
    if errors:
        raise typer.Exit(code=1)


@app.command()
def ingest(
    paths: Paths,
    db: DbPath,
    published: Published = None,
    model: Model = ModelName.md,
    kb: KbFiles = None,
    gazetteer: GazFiles = None,
    batch_size: Annotated[int, typer.Option(help="Articles per batch and per transaction.")] = 32,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Report each batch.")] = False,
    min_confidence: MinConfidence = None,
) -> None:
    """Analyse articles and store them with all extractions; re-running changes nothing."""
    pipeline = _pipeline(model, kb, gazetteer, batch_size, min_confidence)
    total = count_articles(paths) if progress_enabled() else None

    with progress_bar("ingest", total) as bar:

        def on_batch(report: jobs.IngestReport) -> None:
            bar.update(completed=report.read)
            if verbose:
                typer.echo(
                    f"committed: {report.read} read, {report.inserted} new, {report.skipped} already stored",
                    err=True,
                )

        # the file is open only while a batch is written: `eventwire serve` can read it meanwhile
        with Store(db, hold_lock=False) as store:
            report = jobs.ingest(paths, pipeline, store, _date(published), on_batch)
    for err in report.errors:
        _report_error(err)
    for warning in report.warnings:  # e.g. a text cut at the maximum article size
        typer.secho(f"warning: {warning}", fg=typer.colors.YELLOW, err=True)
    typer.echo(
        f"read {report.read} articles: {report.inserted} new, {report.replaced} updated, "
        f"{report.skipped} already stored, {len(report.errors)} errors -> {db}"
    )
    if report.errors:
        raise typer.Exit(code=1)


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="SQL over the tables in docs/schema.md.")],
    db: DbPath,
    format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
    width: Annotated[int, typer.Option(min=0, help="Clip table cells to N characters (0: never).")] = 0,
) -> None:
    """Run SQL against a store and print the result.

    The connection is read-only and sandboxed: it reads the store's tables and nothing else
    (no other file, no COPY ... TO, no extension installs; docs/reliability.md)."""
    _require_db(db)
    with Store(db, sandbox=True) as store:
        names, rows = store.query(sql)
    if format is OutputFormat.table:
        typer.echo(table(names, rows, max_cell=width or None))
        return
    records = [dict(zip(names, row, strict=True)) for row in rows]
    if format is OutputFormat.jsonl:
        for record in records:
            typer.echo(json.dumps(record, default=str, ensure_ascii=False))
    else:
        typer.echo(json.dumps(records, default=str, ensure_ascii=False, indent=2))


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="Folder to write one file per table into.")],
    db: DbPath,
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.parquet,
) -> None:
    """Export every table to Parquet, CSV or JSON Lines."""
    _require_db(db)
    with Store(db, read_only=True) as store:
        written = export_store(store, format.value, out)
    for path in written:
        typer.echo(str(path))


@app.command()
def migrate(
    db: DbPath,
    apply: Annotated[
        bool, typer.Option("--apply", help="Upgrade now, in one transaction (ingest also does it).")
    ] = False,
) -> None:
    """Show what upgrading a store to this version's schema changes; --apply does it."""
    from eventwire.store.migrate import preview

    _require_db(db)
    plan = preview(db)
    typer.echo(plan.describe())
    if apply and plan.needed:
        Store(db).close()  # opening for writing upgrades, all or nothing
        typer.echo(f"upgraded {db}")
    elif plan.needed:
        typer.echo("run again with --apply to upgrade (eventwire ingest upgrades it too)")


class EvalTask(StrEnum):
    quotes = "quotes"
    events = "events"
    geo = "geo"
    dedup = "dedup"
    articles = "articles"
    all = "all"


@app.command()
def evaluate(
    task: Annotated[EvalTask, typer.Argument(help="What to score, or all.")],
    data: Annotated[Path | None, typer.Option(help="Gold data folder (default: ../shared/data/...).")] = None,
    split: Annotated[str, typer.Option(help="Split of the gold data to use.")] = "dev",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    errors: Annotated[int, typer.Option(help="List the N worst errors with evidence.")] = 0,
    limit: Annotated[int | None, typer.Option(help="Score only the first N documents.")] = None,
    model: Model = ModelName.md,
    min_confidence: Annotated[
        float | None, typer.Option(help="articles: score only events at or above this confidence.")
    ] = None,
) -> None:
    """Score eventwire against gold data: precision, recall and F1 per class."""
    from eventwire.evaluate import TASKS, EvalOptions, GoldDataMissing, run_evaluation

    options = EvalOptions(
        split=split, model=model.value, errors=errors, limit=limit, min_confidence=min_confidence
    )
    names = list(TASKS) if task is EvalTask.all else [task.value]
    if split == "test" and errors and "articles" in names:
        raise typer.BadParameter(
            "the test split is scored, never read for errors (use dev or train)", param_hint="--errors"
        )
    if data is not None and len(names) > 1:
        raise typer.BadParameter("--data names one task's gold data; use it with one task")
    reports = []
    with progress_bar("evaluate", len(names), unit="tasks") as bar:
        for name in names:
            bar.update(description=f"evaluate {name}")
            try:
                report = run_evaluation(name, data, options)
            except GoldDataMissing as exc:
                typer.secho(f"skipped: {exc}", fg=typer.colors.YELLOW, err=True)
                continue
            finally:
                bar.advance()
            reports.append(report)
            if not as_json:
                typer.echo(report.text + "\n")
                if report.errors and "worst errors" not in report.text:
                    typer.echo(_error_lines(report.errors) + "\n")
    if as_json:
        payload = [r.as_dict() for r in reports]
        typer.echo(json.dumps(payload[0] if len(payload) == 1 else payload, indent=2))


def _error_lines(errors: list[dict]) -> str:
    """The worst errors a task listed, one line each (``--json`` gives them whole)."""
    lines = [f"{len(errors)} worst errors"]
    for error in errors:
        line = json.dumps(error, ensure_ascii=False)
        lines.append(f"- {line[:400]}{'…' if len(line) > 400 else ''}")
    return "\n".join(lines)


@app.command("train-scorer")
def train_scorer(
    out: Annotated[
        Path | None,
        typer.Option(help="Where to write the model (default: the shipped one).", callback=_model_file),
    ] = None,
    gsr: Annotated[
        Path | None,
        typer.Option(help="PLOVER GSR folder (default ../shared/data/plover-gsr; skipped if absent)."),
    ] = None,
    cross_validate: Annotated[bool, typer.Option(help="Also report GSR type accuracy by 5-fold CV.")] = True,
    threshold_only: Annotated[
        bool,
        typer.Option(help="Keep the weights; choose the threshold again on the dev half (same rule)."),
    ] = False,
    model: Model = ModelName.md,
) -> None:
    """Train the event scorer on the article train half (+ GSR dev); threshold from the dev half."""
    from eventwire.config import SCORER_PATH
    from eventwire.evaluate.train_scorer import GSR, rechoose_threshold, train

    if threshold_only:
        report = rechoose_threshold(model.value, path=out or SCORER_PATH)
    else:
        report = train(model.value, gsr=gsr or GSR, out=out or SCORER_PATH, cross_validate=cross_validate)
    typer.echo(report.text)


@app.command("train-triggers")
def train_triggers(
    out: Annotated[
        Path | None,
        typer.Option(help="Where to write the model (default: the shipped one).", callback=_model_file),
    ] = None,
    model: Model = ModelName.md,
) -> None:
    """Train the learned trigger model on the article train half (grouped 5-fold CV figures)."""
    from eventwire.config import TRIGGER_MODEL_PATH
    from eventwire.evaluate.train_triggers import train

    report = train(model.value, out=out or TRIGGER_MODEL_PATH)
    typer.echo(report.text)


@app.command("train-cues")
def train_cues(
    data: Annotated[Path, typer.Option(help="The PolNeAR folder (its train split is used).")] = Path(
        "../shared/data/polnear"
    ),
    out: Annotated[
        Path | None,
        typer.Option(help="Where to write the model (default: the shipped one).", callback=_model_file),
    ] = None,
    model: Model = ModelName.md,
) -> None:
    """Train the learned attribution-cue model on the PolNeAR train split (grouped 5-fold threshold)."""
    from eventwire.config import CUE_MODEL_PATH
    from eventwire.evaluate.train_cues import train

    typer.echo(train(data, model.value, out=out or CUE_MODEL_PATH))


@app.command("train-coref")
def train_coref(
    out: Annotated[
        Path | None,
        typer.Option(help="Where to write the model (default: the shipped one).", callback=_model_file),
    ] = None,
    model: Model = ModelName.md,
) -> None:
    """Train the event coreference pair model on the article train half (grouped 5-fold CV figures)."""
    from eventwire.config import COREF_PATH
    from eventwire.evaluate.train_coref import train

    _, text = train(model.value, out=out or COREF_PATH)
    typer.echo(text)


@app.command("train-arguments")
def train_arguments(
    out: Annotated[
        Path | None,
        typer.Option(help="Where to write the model (default: the shipped one).", callback=_model_file),
    ] = None,
    model: Model = ModelName.md,
) -> None:
    """Train the argument ranker on the article train half (grouped 5-fold CV figures)."""
    from eventwire.config import ARGUMENTS_PATH
    from eventwire.evaluate.train_arguments import train

    _, text = train(model.value, out=out or ARGUMENTS_PATH)
    typer.echo(text)


@app.command("bench-growth")
def bench_growth(
    articles: Annotated[int, typer.Option(help="Articles to store in all.")] = 100_000,
    checkpoints: Annotated[
        str, typer.Option(help="Comma-separated store sizes to time.")
    ] = "1000,10000,100000",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Ingest cost per article as the store grows (storing and deduplication, no NLP)."""
    from eventwire.bench.growth import run_growth

    sizes = [int(size) for size in checkpoints.split(",") if size.strip()]
    points = run_growth(articles, [s for s in sizes if s <= articles])
    if as_json:
        typer.echo(json.dumps([{"stored": p.stored, "ms_per_article": p.ms_per_article} for p in points]))
        return
    rows = [(p.stored, f"{p.ms_per_article:.2f}") for p in points]
    typer.echo(table(["stored articles", "ms per article"], rows))


@app.command()
def bench(
    articles: Annotated[int, typer.Option(help="Articles in the corpus.")] = 200,
    model: Model = ModelName.md,
    processes: Annotated[int | None, typer.Option(help="Worker processes (default: every core).")] = None,
    data: Annotated[
        Path | None, typer.Option(help="Build the corpus from these articles, not the examples.")
    ] = None,
    parse: Annotated[
        str, typer.Option(help="selective (default), full, or both to compare them.")
    ] = "selective",
    batch_size: Annotated[
        int, typer.Option(help="Articles per task sent to a worker, and per store transaction.")
    ] = 32,
    store: Annotated[bool, typer.Option("--store", help="Also time storing in DuckDB.")] = False,
    repeat: Annotated[int, typer.Option(help="Runs of each measurement; the fastest counts.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    engine: Annotated[
        str, typer.Option(help="multiprocess (default), or spark: local[1] and local[2] vs multi-process.")
    ] = "multiprocess",
    scaling: Annotated[
        bool, typer.Option("--scaling", help="Stage time on one article as it grows (--sizes sentences).")
    ] = False,
    sizes: Annotated[str, typer.Option(help="--scaling: sentences, comma-separated.")] = "100,1000,10000",
) -> None:
    """Throughput and peak memory of each stage and the whole pipeline, vs bare spaCy."""
    from eventwire.bench import report
    from eventwire.bench.run import BenchOptions, run_benchmark

    if scaling:
        _bench_scaling(sizes, model, as_json)
        return
    if engine == "spark":
        _bench_spark(articles, model, data, batch_size, as_json)
        return
    if engine != "multiprocess":
        raise typer.BadParameter("choose multiprocess or spark", param_hint="--engine")

    options = BenchOptions(
        articles=articles, model=model.value, processes=processes, data=data,
        batch_size=batch_size, parse=parse, store=store, repeat=repeat,
    )  # fmt: skip
    modes = 2 if parse == "both" else 1
    with progress_bar("bench", 1 + repeat * (1 + modes), unit="steps") as bar:
        steps = itertools.count()

        def step(line: str) -> None:  # each line starts a step: corpus, then each timed run
            bar.update(completed=next(steps), description=line.split(";")[0])

        result = run_benchmark(options, progress=step)
        bar.update(completed=1 + repeat * (1 + modes), description="bench done")
    if as_json:
        typer.echo(json.dumps(report.as_dict(result), indent=2))
    else:
        typer.echo(report.render(result))


@app.command()
def serve(
    db: DbPath,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    kb: KbFiles = None,
    token: Annotated[
        str | None,
        typer.Option(envvar="EVENTWIRE_TOKEN", help="API token /api/extract requires (or EVENTWIRE_TOKEN)."),
    ] = None,
    allow_host: Annotated[
        list[str] | None,
        typer.Option("--allow-host", help="A Host name clients use beyond loopback ('*': any); repeatable."),
    ] = None,
    show_origin: Annotated[
        bool, typer.Option("--show-origin", help="Show articles.origin in full (paths on this machine).")
    ] = False,
    extract_workers: Annotated[int, typer.Option(min=1, help="Processes for /api/extract.")] = 1,
    extract_queue: Annotated[int, typer.Option(min=0, help="Extract requests that may wait.")] = 4,
    max_chars: Annotated[int, typer.Option(min=1, help="Longest text /api/extract takes.")] = 100_000,
    extract_timeout: Annotated[float, typer.Option(min=1, help="Seconds an extract may take.")] = 60.0,
    shutdown_timeout: Annotated[float, typer.Option(min=0, help="Seconds shutdown waits.")] = 10.0,
) -> None:
    """Serve the HTTP API (/api/..., OpenAPI at /docs) and the web UI (/) over a store.

    The store is opened read-only for each request: `eventwire ingest` can add to it meanwhile,
    and the next request sees what it committed. Limits and access: docs/reliability.md.
    """
    import uvicorn

    from eventwire.serve.api import create_app
    from eventwire.serve.extract import ExtractLimits
    from eventwire.serve.guard import ServeOptions, allowed_hosts

    _require_db(db)
    limits = ExtractLimits(extract_workers, extract_queue, max_chars, extract_timeout)
    options = ServeOptions(
        token=token or None, allowed_hosts=allowed_hosts(host, allow_host or []), show_origin=show_origin,
        max_body_bytes=max(1_000_000, 8 * max_chars), extract=limits,
    )  # fmt: skip
    application = create_app(db, tuple(kb or ()), options)
    # past shutdown_timeout, requests still open are cut off: SIGTERM never waits for an analysis
    uvicorn.run(
        application, host=host, port=port, log_level="info", timeout_graceful_shutdown=int(shutdown_timeout)
    )


@app.command()
def watch(
    db: DbPath,
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            help="Feed URLs (RSS, Atom, news sitemaps) or files listing them, one a line; "
            "none: every feed already in the store."
        ),
    ] = None,
    every: Annotated[str, typer.Option(help="Time between polls of a feed: 30s, 15m, 1h.")] = "15m",
    once: Annotated[
        bool, typer.Option("--once", help="Poll every feed now, store what is new, exit.")
    ] = False,
    status: Annotated[
        bool, typer.Option("--status", help="Show the feeds and the latest fetch errors, then exit.")
    ] = False,
    max_items: Annotated[int, typer.Option(min=1, help="Pages fetched per feed per round.")] = 50,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds to wait for a server.")] = 20.0,
    retries: Annotated[int, typer.Option(min=0, help="Retries on 5xx and timeouts (never on 4xx).")] = 2,
    delay: Annotated[float, typer.Option(min=0.0, help="Seconds between requests to one host.")] = 1.0,
    per_host: Annotated[int, typer.Option(min=1, help="Requests in flight to one host.")] = 2,
    max_mb: Annotated[float, typer.Option(min=0.01, help="Largest page or feed read, in MB.")] = 5.0,
    contact: Annotated[
        str | None, typer.Option(help="URL (or mailto:) in the User-Agent for site owners to reach you.")
    ] = None,
    model: Model = ModelName.md,
    kb: KbFiles = None,
    gazetteer: GazFiles = None,
    batch_size: Annotated[int, typer.Option(help="Articles per batch and per transaction.")] = 32,
    min_confidence: MinConfidence = None,
) -> None:
    """Follow RSS/Atom feeds and news sitemaps: poll them and store new articles as they appear."""
    from eventwire.follow.display import choose_display, render_status
    from eventwire.follow.http import DEFAULT_CONTACT, FetchPolicy
    from eventwire.follow.state import status_tables
    from eventwire.follow.watch import Watcher, WatchOptions, parse_interval
    from eventwire.ingest.feeds import read_feed_list

    if status:
        _require_db(db)
        with Store(db, read_only=True) as store:
            typer.echo(render_status(*status_tables(store)))
        return
    feeds = list(read_feed_list(sources or []))
    policy = FetchPolicy(
        timeout=timeout, retries=retries, delay=delay, per_host=per_host,
        max_bytes=int(max_mb * 1_000_000), contact=contact or DEFAULT_CONTACT,
    )  # fmt: skip
    options = WatchOptions(every=parse_interval(every), max_items=max_items, policy=policy)
    pipeline = _pipeline(model, kb, gazetteer, batch_size, min_confidence)
    display = choose_display()
    try:
        report = Watcher(db, pipeline, display, options).run(feeds, once=once)
    except KeyboardInterrupt:
        raise typer.Exit(code=130) from None
    finally:
        display.close()
    typer.echo(f"stored {report.stored} new articles, {report.errors} fetch errors -> {db}")
    if report.errors:
        raise typer.Exit(code=1)


def _bench_scaling(sizes: str, model: ModelName, as_json: bool) -> None:
    """``bench --scaling``: each stage's time on one article of each size (docs/benchmarks.md)."""
    from eventwire.bench.scaling import as_dict, render, run_scaling

    try:
        counts = tuple(int(size) for size in sizes.split(",") if size.strip())
    except ValueError:
        raise typer.BadParameter("sizes are whole numbers of sentences: 100,1000,10000") from None
    points = run_scaling(counts, model.value, progress=lambda line: typer.echo(line, err=True))
    typer.echo(json.dumps(as_dict(points), indent=2) if as_json else render(points))


def _bench_spark(articles: int, model: ModelName, data: Path | None, batch_size: int, as_json: bool) -> None:
    """``bench --engine spark``: the Spark engine on local[1] and local[2] vs the multi-process path."""
    from eventwire.spark.bench import render, run_spark_bench

    result = run_spark_bench(
        articles, model.value, data=data, batch_size=batch_size,
        progress=lambda line: typer.echo(line, err=True),
    )  # fmt: skip
    typer.echo(json.dumps(result.as_dict(), indent=2) if as_json else render(result))


@app.command("spark-ingest")
def spark_ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders Spark can read; *.parquet: rows.")],
    out: Annotated[str, typer.Option("--out", help="Folder for the Parquet tables (overwritten).")],
    master: Annotated[str, typer.Option(help="Spark master: local[*], local[2]...")] = "local[*]",
    published: Published = None,
    model: Model = ModelName.md,
    kb: KbFiles = None,
    gazetteer: GazFiles = None,
    batch_size: Annotated[int, typer.Option(help="Articles per pipeline batch in a worker.")] = 32,
    partitions: Annotated[int | None, typer.Option(help="Analysis partitions (default: 4 per core).")] = None,
    max_feature_df: Annotated[
        int | None, typer.Option(help="Story candidates: skip features in more articles (docs/scale.md).")
    ] = None,
    min_confidence: MinConfidence = None,
) -> None:
    """Analyse a corpus on Spark; write the store's tables as Parquet by day, bad records in errors."""
    from eventwire.spark.job import SparkOptions, run_ingest
    from eventwire.spark.session import spark_session

    config = _pipeline_config(model, kb, gazetteer, batch_size, min_confidence)
    options = SparkOptions(partitions=partitions, published=_date(published), max_feature_df=max_feature_df)
    spark = spark_session(master, batch_size=batch_size)
    try:
        report = run_ingest(spark, paths, out, config, options)
    finally:
        spark.stop()
    typer.echo(
        f"stored {report.articles} articles ({report.duplicates} repeated content skipped), "
        f"{report.errors} errors, {report.rows.get('events', 0)} events in {report.seconds['total']:.1f} s "
        f"-> {out} ({report.parquet_bytes / 1e6:.1f} MB Parquet)"
    )
    if report.errors:
        typer.echo(f"the errors table lists them: eventwire import-parquet {out} --db FILE", err=True)


@app.command("import-parquet")
def import_parquet(
    folder: Annotated[Path, typer.Argument(help="Output folder of eventwire spark-ingest.")],
    db: DbPath,
) -> None:
    """Load a Spark run's Parquet tables into a DuckDB store, in one transaction."""
    from eventwire.spark.importer import import_parquet as load

    counts = load(folder, db)
    typer.echo(table(["table", "rows"], sorted(counts.items())))


def _pipeline_config(
    model: ModelName, kb: list[Path] | None, gazetteer: list[Path] | None, batch_size: int,
    min_confidence: float | None,
) -> PipelineConfig:  # fmt: skip
    return PipelineConfig(
        model=model.value, kb_files=tuple(kb or ()), gazetteer_files=tuple(gazetteer or ()),
        batch_size=batch_size, min_confidence=min_confidence,
    )  # fmt: skip


def _require_db(db: Path) -> None:
    if not db.is_file():
        raise typer.BadParameter(f"database file {db} does not exist", param_hint="--db")


def main() -> None:
    """Entry point that turns eventwire's own errors into one clear line and exit code 2."""
    try:
        app()
    except EventwireError as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        sys.exit(2)
