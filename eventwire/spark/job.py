"""``eventwire spark-ingest``: read, analyse, link and write a whole corpus with Spark.

    read (files or Parquet rows -> articles, errors)
      -> repartition -> analyse (mapInArrow, one cached Pipeline per Python worker)
      -> drop repeated content -> link (eventwire.spark.dedup) -> Parquet, one folder per table

The tables are those of the DuckDB store (docs/schema.md), partitioned by ``day`` where
rows belong to one article; ``errors`` holds every record that was not stored and why.
``eventwire import-parquet`` loads the folder into a DuckDB store.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.config import PipelineConfig
from eventwire.dedup.linker import DedupConfig
from eventwire.ingest.sources import READERS
from eventwire.spark.dedup import link
from eventwire.spark.schema import (
    ALL_TABLES,
    ERRORS_TABLE,
    arrow_schema,
    spark_ddl,
    table_columns,
)
from eventwire.spark.worker import (
    READ_SCHEMA,
    WorkerSettings,
    analyze_articles,
    analyzed_schema,
    error_row,
    fingerprint,
    read_files,
)

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

    from eventwire.pipeline import Pipeline

# Tables partitioned by the day of the article their rows belong to.
DAY_PARTITIONED = (
    "articles", "entities", "actor_mentions", "place_mentions", "quotes", "cited_sources",
    "event_mentions", "events", "article_signatures", "article_bands", "article_features",
)  # fmt: skip
MANIFEST = "run.json"
MAX_ROWS_PER_FILE = 500_000
CLASH = "the same article id is read again later, with other text; the later version is stored"


@dataclass(slots=True)
class SparkOptions:
    partitions: int | None = None  # analysis partitions (default: 4 x the cores Spark has)
    published: dt.date | None = None
    max_feature_df: int | None = None  # story blocking: skip features this common (None: all)
    dedup: DedupConfig = field(default_factory=DedupConfig)


@dataclass(slots=True)
class SparkReport:
    out: str
    articles: int = 0  # stored
    duplicates: int = 0  # same content as an earlier record: not stored again
    errors: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)  # analyse, link_and_write, total
    parquet_bytes: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def run_ingest(
    spark: SparkSession,
    sources: Sequence[str | Path],
    out: str | Path,
    config: PipelineConfig,
    options: SparkOptions | None = None,
    factory: Callable[[PipelineConfig], Pipeline] | None = None,
) -> SparkReport:
    """Analyse every article in ``sources`` and write the store's tables as Parquet under ``out``."""
    from pyspark.sql import functions as F

    options = options or SparkOptions()
    start = time.perf_counter()
    ingested_at = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    settings = WorkerSettings(config, fingerprint(config), ingested_at, options.published, factory)
    read, analyzed, input_errors = analysis(spark, sources, settings, options.partitions)
    read, analyzed = read.persist(), analyzed.persist()
    analyzed.count()
    analysed_at = time.perf_counter()
    stored, clashes = _unique(analyzed)
    stored = stored.persist()
    report = SparkReport(out=str(out), articles=stored.count())
    report.duplicates = analyzed.where(F.size("errors") == 0).count() - report.articles - clashes.count()
    tables = _tables(stored, options.dedup, options.max_feature_df)
    errors = _errors(spark, read, analyzed, clashes, input_errors)
    tables[ERRORS_TABLE] = errors
    for name in ALL_TABLES:
        _write(tables[name], Path(str(out)) / name if "://" not in str(out) else f"{out}/{name}", name)
    finished = time.perf_counter()
    report.rows = {name: _written_rows(spark, out, name) for name in ALL_TABLES}
    report.errors = report.rows[ERRORS_TABLE]
    report.seconds = {
        "analyse": round(analysed_at - start, 2),
        "link_and_write": round(finished - analysed_at, 2),
        "total": round(finished - start, 2),
    }
    report.parquet_bytes = parquet_bytes(out)
    for frame in (read, analyzed, stored):
        frame.unpersist()
    if "://" not in str(out):
        (Path(out) / MANIFEST).write_text(json.dumps(report.as_dict(), indent=2) + "\n", encoding="utf-8")
    return report


def analysis(
    spark: SparkSession, sources: Sequence[str | Path], settings: WorkerSettings, partitions: int | None
) -> tuple[DataFrame, DataFrame, list[dict]]:
    """The read records, the analysed articles (lazy DataFrames) and the errors found on the driver."""
    from pyspark.sql import functions as F

    inputs, input_errors = read_inputs(spark, sources)
    read = inputs.mapInArrow(read_files, spark_ddl(READ_SCHEMA))
    parts = partitions or 4 * spark.sparkContext.defaultParallelism
    analyzed = (
        read.where(F.col("article").isNotNull())
        .repartition(parts)
        .mapInArrow(lambda it: analyze_articles(it, settings), spark_ddl(analyzed_schema()))
    )
    return read, analyzed, input_errors


def _written_rows(spark: SparkSession, out: str | Path, table: str) -> int:
    """Rows of a written table, from the Parquet footers when ``out`` is a local folder."""
    folder = Path(str(out)) / table
    if "://" in str(out):
        return spark.read.parquet(f"{out}/{table}").count()
    import pyarrow.parquet as pq

    return sum(pq.ParquetFile(f).metadata.num_rows for f in folder.rglob("*.parquet"))


def parquet_bytes(out: str | Path) -> int:
    """Bytes of every Parquet file under ``out`` (a local folder; 0 elsewhere)."""
    root = Path(str(out))
    return sum(p.stat().st_size for p in root.rglob("*.parquet")) if root.is_dir() else 0


# --- reading -----------------------------------------------------------------------------------


def read_inputs(spark: SparkSession, sources: Sequence[str | Path]) -> tuple[DataFrame, list[dict]]:
    """Input records (``path``, ``content``, ``kind``, ``seq``) and errors found on the driver.

    Files are read whole (``binaryFile``) and parsed in the workers by eventwire's readers;
    a source ending in ``.parquet`` is read as rows with a ``text`` column and optional
    metadata columns (``id``, ``url``, ``outlet``, ``title``, ``published``, ``language``).
    ``seq`` orders the records as ``eventwire ingest`` reads them: sources in the order
    given, files of a folder in sorted path order, records in file order.
    """
    from pyspark.sql import functions as F

    frames: list[DataFrame] = []
    errors: list[dict] = []
    for number, source in enumerate(sources):
        name = str(source)
        local = "://" not in name
        if local and not Path(name).exists():
            errors.append(error_row(name, None, "read", "no such file or folder"))
            continue
        prefix = F.lit(f"{number:05d}\x00")
        if name.rstrip("/").lower().endswith(".parquet"):
            rows = spark.read.parquet(name)
            if "text" not in rows.columns:
                errors.append(error_row(name, None, "read", "Parquet input has no 'text' column"))
                continue
            path = F.input_file_name()
            frames.append(rows.select(
                path.alias("path"), F.to_json(F.struct(*rows.columns)).cast("binary").alias("content"),
                F.lit("record").alias("kind"),
                F.concat(prefix, F.translate(path, "/", "\x01"), F.lit("\x00"),
                         F.lpad(F.monotonically_increasing_id().cast("string"), 20, "0")).alias("seq"),
            ))  # fmt: skip
            continue
        folder = Path(name).suffix.lower() not in READERS
        if (
            local
            and folder
            and not any(p.suffix.lower() in READERS for p in Path(name).rglob("*") if p.is_file())
        ):
            errors.append(
                error_row(name, None, "read", f"folder holds no readable files ({', '.join(READERS)})")
            )
            continue
        files = spark.read.format("binaryFile").option("recursiveFileLookup", str(folder).lower()).load(name)
        if folder:
            suffixes = "|".join(s.lstrip(".") for s in READERS)
            files = files.where(F.lower("path").rlike(rf"\.({suffixes})$"))
        frames.append(files.select(
            "path", "content", F.lit("file").alias("kind"),
            F.concat(prefix, F.translate("path", "/", "\x01")).alias("seq"),
        ))  # fmt: skip
    schema = "path STRING, content BINARY, kind STRING, seq STRING"
    combined = spark.createDataFrame([], schema)
    for frame in frames:
        combined = combined.unionByName(frame)
    return combined, errors


# --- tables ------------------------------------------------------------------------------------


def _unique(analyzed: DataFrame) -> tuple[DataFrame, DataFrame]:
    """Articles to store (first of each content, last of each id) and the id clashes left out."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    ok = analyzed.where(F.size("errors") == 0)
    by_content = Window.partitionBy("content_hash").orderBy("seq")
    first = ok.withColumn("n", F.row_number().over(by_content)).where(F.col("n") == 1).drop("n")
    by_id = Window.partitionBy("article_id").orderBy(F.col("seq").desc())
    ranked = first.withColumn("n", F.row_number().over(by_id))
    return ranked.where(F.col("n") == 1).drop("n"), ranked.where(F.col("n") > 1).drop("n")


def _rows(stored: DataFrame, table: str) -> DataFrame:
    """The rows of ``table`` from every stored article, with the article's ``day`` and ``seq``."""
    from pyspark.sql import functions as F

    columns = [name for name, _ in table_columns(table)]
    extra = [c for c in ("day",) if c not in columns]
    exploded = stored.select("seq", *extra, F.explode(table).alias("r"))
    return exploded.select(*(F.col(f"r.{c}").alias(c) for c in columns), *extra, "seq")


def _first_by_id(rows: DataFrame) -> DataFrame:
    """Shared records: the row of the first article (input order) that names each id."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    first = Window.partitionBy("id").orderBy("seq")
    return rows.withColumn("n", F.row_number().over(first)).where(F.col("n") == 1).drop("n", "seq", "day")


def _tables(stored: DataFrame, dedup: DedupConfig, max_feature_df: int | None) -> dict[str, DataFrame]:
    from pyspark.sql import functions as F

    own = ("entities", "actor_mentions", "place_mentions", "cited_sources")
    tables = {name: _rows(stored, name).drop("seq") for name in own}
    tables["actors"] = _first_by_id(_rows(stored, "actors"))
    tables["places"] = _first_by_id(_rows(stored, "places")).persist()
    arts = stored.select("article_id", "day", "is_english", "signature", "bands", "features")
    mentions = _rows(stored, "event_mentions").drop("seq").persist()
    quotes = _rows(stored, "quotes").drop("seq")
    texts = _rows(stored, "articles").select(F.col("id").alias("article_id"), "title", "body")
    linked = link(arts, texts, mentions, quotes, tables["places"], dedup, max_feature_df)
    articles = (
        _rows(stored, "articles")
        .drop("canonical_id", "story_id")
        .join(linked.articles.withColumnRenamed("article_id", "id"), "id")
    )
    tables["articles"] = articles.persist()
    tables["event_mentions"] = (
        mentions.drop("event_id").join(linked.mentions, ["article_id", "idx"]).persist()
    )
    tables["quotes"] = quotes.drop("cluster_id").join(linked.quotes, ["article_id", "idx"], "left")
    tables["events"] = _events(stored, tables["event_mentions"], tables["articles"])
    tables["stories"] = _stories(tables["articles"])
    tables["articles"] = tables["articles"].drop("seq")
    tables["article_signatures"] = stored.select("article_id", "signature", "day")
    tables["article_bands"] = stored.select(F.explode("bands").alias("band_key"), "article_id", "day")
    tables["article_features"] = linked.weights
    tables["feature_df"] = linked.feature_df
    tables["article_embeddings"] = linked.embeddings
    return tables


def _seen() -> Any:
    from pyspark.sql import functions as F

    return F.coalesce(F.col("published").cast("timestamp_ntz"), F.col("ingested_at"))


def _events(stored: DataFrame, mentions: DataFrame, articles: DataFrame) -> DataFrame:
    """One row per event: its first report's row, counts and times over every report, merged confidence."""
    from pyspark.sql import functions as F

    reports = mentions.join(
        articles.select(F.col("id").alias("article_id"), "outlet", "published", "ingested_at", "story_id"),
        "article_id",
    )
    stats = (
        reports.join(_sources(articles), "article_id")
        .groupBy("event_id")
        .agg(
            F.countDistinct("article_id").cast("int").alias("num_articles"),
            F.countDistinct("source").cast("int").alias("num_sources"),
            F.min(_seen()).alias("first_seen"),
            F.max(_seen()).alias("last_seen"),
            F.max("confidence").alias("confidence"),
        )
    )
    first = stored.select(F.col("article_id").alias("root_article"), F.explode("events").alias("r")).select(
        "root_article", *(F.col(f"r.{c}").alias(c) for c, _ in table_columns("events")
                          if c not in ("num_articles", "num_sources", "first_seen", "last_seen",
                                       "confidence", "story_id"))
    )  # fmt: skip
    stories = articles.select(F.col("id").alias("root_article"), "story_id")
    columns = [name for name, _ in table_columns("events")]
    return (
        first.join(stats.withColumnRenamed("event_id", "id"), "id")
        .join(stories, "root_article")
        .select(*columns)
    )


def _sources(articles: DataFrame) -> DataFrame:
    """article_id, source: the independent source an article counts as (as ``refresh_events``):
    its original's outlet for a syndicated copy, the article itself when there is no outlet."""
    from pyspark.sql import functions as F

    originals = articles.select(F.col("id").alias("original"), F.coalesce("outlet", "id").alias("source"))
    return (
        articles.select(F.col("id").alias("article_id"), F.coalesce("canonical_id", "id").alias("original"))
        .join(originals, "original")
        .select("article_id", "source")
    )


def _stories(articles: DataFrame) -> DataFrame:
    from pyspark.sql import functions as F

    title = F.coalesce(F.col("title"), F.substring("body", 1, 120))
    sourced = articles.join(_sources(articles).withColumnRenamed("article_id", "id"), "id")
    return sourced.groupBy(F.col("story_id").alias("id")).agg(
        F.min_by(title, F.struct(_seen(), F.col("seq"))).alias("title"),  # ties: input order
        F.count("*").cast("int").alias("num_articles"),
        F.countDistinct("source").cast("int").alias("num_sources"),
        F.min(_seen()).alias("first_seen"),
        F.max(_seen()).alias("last_seen"),
    )


def _errors(
    spark: SparkSession, read: DataFrame, analyzed: DataFrame, clashes: DataFrame, found: list[dict]
) -> DataFrame:
    from pyspark.sql import functions as F

    ddl = spark_ddl(arrow_schema(ERRORS_TABLE))
    columns = [name for name, _ in table_columns(ERRORS_TABLE)]
    parts = [
        read.select(F.explode("errors").alias("e")).select("e.*"),
        analyzed.select(F.explode("errors").alias("e")).select("e.*"),
        clashes.select(
            F.element_at("articles", 1)["origin"].alias("origin"),
            "article_id",
            F.lit("store").alias("stage"),
            F.lit(CLASH).alias("reason"),
            F.length(F.element_at("articles", 1)["text"]).cast("bigint").alias("chars"),
        ),
        spark.createDataFrame(found, ddl) if found else spark.createDataFrame([], ddl),
    ]  # fmt: skip
    combined = parts[0].select(*columns)
    for part in parts[1:]:
        combined = combined.unionByName(part.select(*columns))
    return combined


def _write(frame: DataFrame, path: Path | str, table: str) -> None:
    """One folder per day, few files in each: a day's rows go to one task (a file per
    ``MAX_ROWS_PER_FILE`` rows), so small runs do not leave a file per task and day."""
    if table in DAY_PARTITIONED:
        writer = frame.repartition("day").write.partitionBy("day")
    else:
        writer = frame.repartition(1).write  # shared tables: one file (the shuffle keeps the rest parallel)
    writer.mode("overwrite").option("maxRecordsPerFile", MAX_ROWS_PER_FILE).parquet(str(path))
