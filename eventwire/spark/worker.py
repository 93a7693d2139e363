"""What runs in Spark's Python workers: reading input records and analysing articles.

Both functions take and yield Arrow record batches (``mapInArrow``). The expensive
state, a :class:`Pipeline` with its spaCy model and data files, is built once per Python
worker process by :func:`pipeline_for` and cached in this module, keyed by the run's
configuration and a fingerprint of its data files that the driver computes, so every task
a reused worker runs (``spark.python.worker.reuse``, on by default) finds it loaded.

A record that cannot be read, is too large, or makes a stage raise becomes a row of the
``errors`` table; the other articles of its batch are analysed again one by one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import pickle
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from eventwire.config import PipelineConfig
from eventwire.dedup.features import raw_features
from eventwire.dedup.signatures import band_keys, from_blob, signature, to_blob
from eventwire.errors import InputError, RecordTooLarge
from eventwire.ingest.build import build_article
from eventwire.ingest.sources import READERS, decode
from eventwire.models import Analysis, Article
from eventwire.parallel import WARMUP_TEXT
from eventwire.pipeline import Pipeline
from eventwire.spark.schema import ERRORS_TABLE, struct_type
from eventwire.store.rows import article_rows

PipelineFactory = Callable[[PipelineConfig], Pipeline]
# Tables whose rows the analysis of one article gives (docs/schema.md).
ROW_TABLES = (
    "articles", "entities", "actors", "actor_mentions", "places", "place_mentions", "quotes",
    "cited_sources", "event_mentions", "events",
)  # fmt: skip


@dataclass(frozen=True)
class WorkerSettings:
    """Everything a worker needs, pickled with the task closure."""

    config: PipelineConfig
    fingerprint: str  # of the data files and model names: part of the cache key
    ingested_at: dt.datetime
    published: dt.date | None = None
    factory: PipelineFactory | None = None  # default: Pipeline (tests inject failing stages)


def fingerprint(config: PipelineConfig) -> str:
    """Hash of what a worker's Pipeline is built from: the config and every data file it names."""
    digest = hashlib.sha256(repr(config).encode())
    for path in (config.scorer_path, *config.kb_files, *config.gazetteer_files):
        if Path(path).is_file():
            digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]


# --- the per-worker cache ------------------------------------------------------------------

_PIPELINES: dict[tuple[str, str], Pipeline] = {}


def pipeline_for(settings: WorkerSettings) -> Pipeline:
    """This worker's Pipeline for ``settings``: built and warmed up on first use, then reused."""
    factory = settings.factory or Pipeline
    key = (settings.fingerprint, f"{factory.__module__}.{factory.__qualname__}")
    pipeline = _PIPELINES.get(key)
    if pipeline is None:
        _PIPELINES.clear()  # one pipeline per worker: a new config replaces the old one
        pipeline = factory(settings.config)
        pipeline.analyze_text(WARMUP_TEXT)
        _PIPELINES[key] = pipeline
    return pipeline


# --- reading ---------------------------------------------------------------------------------

READ_SCHEMA = pa.schema(
    [
        ("seq", pa.string()),  # input order: path parts, then record number
        ("article", pa.binary()),  # a pickled Article, or null for an error
        ("errors", pa.list_(struct_type(ERRORS_TABLE))),
    ]
)


def read_files(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Files (``path``, ``content``, ``kind``) to articles, one row per article or error.

    ``kind`` is ``file`` (read by the reader for the file's extension, as ``eventwire
    ingest`` does) or ``record`` (a JSON object from a Parquet row, with ``text``).
    """
    for batch in batches:
        rows: list[dict[str, Any]] = []
        for path, content, kind, seq in zip(
            *(batch.column(name).to_pylist() for name in ("path", "content", "kind", "seq")), strict=True
        ):
            origin = local_path(path)
            results = _read_record(content, origin) if kind == "record" else _read_file(content, origin)
            for number, result in enumerate(results):
                rows.append(_read_row(f"{seq}\x00{number:09d}", result))
        yield pa.RecordBatch.from_pylist(rows, schema=READ_SCHEMA)


def local_path(uri: str) -> str:
    """``file:/a/b.txt`` as ``/a/b.txt`` (what ``eventwire ingest`` names it); other URIs as they are."""
    return uri.removeprefix("file://").removeprefix("file:") if uri.startswith("file:") else uri


def _read_file(content: bytes, origin: str) -> Iterator[Article | InputError]:
    reader = READERS.get(Path(origin).suffix.lower())
    if reader is None:
        yield InputError(origin, f"unknown file type {Path(origin).suffix!r}; expected {', '.join(READERS)}")
        return
    try:
        text = decode(content, origin)
    except InputError as err:
        yield err
        return
    try:
        yield from reader(text, origin)
    except Exception as exc:  # a reader bug must not stop the job
        yield InputError(origin, f"cannot read ({type(exc).__name__}: {exc})")


def _read_record(content: bytes, origin: str) -> Iterator[Article | InputError]:
    record = json.loads(content)
    text = record.get("text")
    where = f"{origin} (id {record['id']})" if record.get("id") else origin
    if not isinstance(text, str) or not text.strip():
        yield InputError(where, "record has no 'text' field or it is empty")
        return
    try:
        yield build_article(text, where, record)
    except InputError as err:
        yield err


def _read_row(seq: str, result: Article | InputError) -> dict[str, Any]:
    if isinstance(result, RecordTooLarge):  # the same limit as ``eventwire ingest``
        error = error_row(result.origin, None, "size", result.problem, result.chars)
        return {"seq": seq, "article": None, "errors": [error]}
    if isinstance(result, InputError):
        return {
            "seq": seq,
            "article": None,
            "errors": [error_row(result.origin, None, "read", result.problem)],
        }
    return {"seq": seq, "article": pickle.dumps(result, protocol=5), "errors": []}


def error_row(
    origin: str | None, article_id: str | None, stage: str, reason: str, chars: int | None = None
) -> dict[str, Any]:
    return {"origin": origin, "article_id": article_id, "stage": stage, "reason": reason, "chars": chars}


# --- analysing -------------------------------------------------------------------------------


def analyzed_schema() -> pa.Schema:
    """One row per article: its rows of every table, what deduplication compares, or its error."""
    return pa.schema(
        [
            ("seq", pa.string()),
            ("article_id", pa.string()),
            ("content_hash", pa.string()),
            ("day", pa.date32()),
            ("is_english", pa.bool_()),
            ("signature", pa.binary()),
            ("bands", pa.list_(pa.int64())),
            ("features", pa.list_(pa.struct([("feature", pa.string()), ("weight", pa.float64())]))),
            *((table, pa.list_(struct_type(table))) for table in ROW_TABLES),
            ("errors", pa.list_(struct_type(ERRORS_TABLE))),
        ]
    )


def analyze_articles(batches: Iterator[pa.RecordBatch], settings: WorkerSettings) -> Iterator[pa.RecordBatch]:
    """Rows (``seq``, ``article``) to analysed rows; the Pipeline is built before the loop."""
    pipeline = pipeline_for(settings)
    schema = analyzed_schema()
    size = settings.config.batch_size
    for batch in batches:
        seqs = batch.column("seq").to_pylist()
        blobs = batch.column("article").to_pylist()
        for start in range(0, len(blobs), size):
            chunk = list(zip(seqs[start : start + size], blobs[start : start + size], strict=True))
            rows = _analyze_chunk(pipeline, chunk, settings)
            yield pa.RecordBatch.from_pylist(rows, schema=schema)


def _analyze_chunk(
    pipeline: Pipeline, chunk: list[tuple[str, bytes]], settings: WorkerSettings
) -> list[dict[str, Any]]:
    """Analysed rows of pickled articles; each is unpickled afresh, as the pipeline changes it."""
    articles = [pickle.loads(blob) for _, blob in chunk]
    try:
        analyses = pipeline.analyze_batch(articles, settings.published)
    except Exception:
        if len(chunk) > 1:  # find the article at fault; analyse the others again
            return [row for item in chunk for row in _analyze_chunk(pipeline, [item], settings)]
        return [_failed_row(chunk[0][0], articles[0], pipeline)]
    return [_analyzed_row(seq, a, settings.ingested_at) for (seq, _), a in zip(chunk, analyses, strict=True)]


def _analyzed_row(seq: str, analysis: Analysis, ingested_at: dt.datetime) -> dict[str, Any]:
    analysis.docs = []  # as the multi-process path: only extracted records leave the worker
    art = analysis.article
    sig = from_blob(analysis.signature) if analysis.signature else signature(art.body)
    features = analysis.features or raw_features(analysis)
    row: dict[str, Any] = {
        "seq": seq, "article_id": art.id, "content_hash": art.content_hash,
        "day": art.published or ingested_at.date(), "is_english": art.is_english,
        "signature": to_blob(sig), "bands": band_keys(sig),
        "features": [{"feature": f, "weight": w} for f, w in features.items()], "errors": [],
    }  # fmt: skip
    row.update(article_rows(analysis, ingested_at))
    return row


def _failed_row(seq: str, article: Article, pipeline: Pipeline) -> dict[str, Any]:
    stage, reason = failing_stage(pipeline)
    error = error_row(article.origin, article.id, stage, reason, len(article.text))
    return {"seq": seq, "article_id": article.id, "errors": [error]}


def failing_stage(pipeline: Pipeline) -> tuple[str, str]:
    """(stage, reason) of the exception being handled: the stage ``analyze_batch`` was running."""
    import sys

    exc = sys.exc_info()[1]
    stage = "language/nlp"
    for frame, _ in traceback.walk_tb(exc.__traceback__ if exc else None):
        current = frame.f_locals.get("stage")
        if frame.f_code.co_name == "analyze_batch" and current in pipeline.stages:
            stage = current.name
    return stage, f"{type(exc).__name__}: {exc}"[:2000]
