"""The ``eventwire`` command line: a thin layer over :mod:`eventwire.jobs` and the store."""

from __future__ import annotations

import datetime as dt
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

    for analysis in jobs.extract(paths, pipeline, _date(published), on_error):
        if format is OutputFormat.table:
            typer.echo(analysis_summary(analysis) + "\n")
        elif format is OutputFormat.jsonl:
            typer.echo(json.dumps(analysis.to_dict(), ensure_ascii=False))
        else:
            typer.echo(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2))
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

    def on_batch(report: jobs.IngestReport) -> None:
        if verbose:
            typer.echo(
                f"committed: {report.read} read, {report.inserted} new, {report.skipped} already stored",
                err=True,
            )

    with Store(db) as store:
        report = jobs.ingest(paths, pipeline, store, _date(published), on_batch)
    for err in report.errors:
        _report_error(err)
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
) -> None:
    """Run SQL against a store and print the result."""
    _require_db(db)
    with Store(db, read_only=True) as store:
        names, rows = store.query(sql)
    if format is OutputFormat.table:
        typer.echo(table(names, rows))
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
    if data is not None and len(names) > 1:
        raise typer.BadParameter("--data names one task's gold data; use it with one task")
    reports = []
    for name in names:
        try:
            report = run_evaluation(name, data, options)
        except GoldDataMissing as exc:
            typer.secho(f"skipped: {exc}", fg=typer.colors.YELLOW, err=True)
            continue
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
        Path | None, typer.Option(help="Where to write the model (default: the shipped one).")
    ] = None,
    gsr: Annotated[
        Path | None,
        typer.Option(help="PLOVER GSR folder (default ../shared/data/plover-gsr; skipped if absent)."),
    ] = None,
    cross_validate: Annotated[bool, typer.Option(help="Also report GSR type accuracy by 5-fold CV.")] = True,
    model: Model = ModelName.md,
) -> None:
    """Train the event scorer on the article train half (+ GSR dev); threshold from the dev half."""
    from eventwire.config import SCORER_PATH
    from eventwire.evaluate.train_scorer import GSR, train

    report = train(model.value, gsr=gsr or GSR, out=out or SCORER_PATH, cross_validate=cross_validate)
    typer.echo(report.text)


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
) -> None:
    """Throughput and peak memory of each stage and the whole pipeline, vs bare spaCy."""
    from eventwire.bench import report
    from eventwire.bench.run import BenchOptions, run_benchmark

    options = BenchOptions(
        articles=articles, model=model.value, processes=processes, data=data,
        batch_size=batch_size, parse=parse, store=store, repeat=repeat,
    )  # fmt: skip
    result = run_benchmark(options, progress=lambda line: typer.echo(line, err=True))
    if as_json:
        typer.echo(json.dumps(report.as_dict(result), indent=2))
    else:
        typer.echo(report.render(result))


@app.command()
def serve(
    db: DbPath,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the HTTP API (/api/..., OpenAPI at /docs) and the web UI (/) over a store."""
    import uvicorn

    from eventwire.serve.api import create_app

    _require_db(db)
    uvicorn.run(create_app(db), host=host, port=port, log_level="info")


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
