"""Deduplication and story linking over a whole Spark run, with the single-machine decisions.

The DuckDB linker (``eventwire.dedup.linker``) links articles one after another in
(day, id) order. Here the same happens in four steps, so that only the cheap, ordered part
runs per group and everything else is a join:

1. **Weights.** Document frequencies of the story features over the run (``feature_df``),
   then each article's weights with :func:`~eventwire.dedup.features.weigh`, as a DuckDB
   store written in one batch computes them.
2. **Candidates.** Near-duplicates: an equality join on the MinHash LSH band keys within
   ``NEAR_DUPLICATE_WINDOW_DAYS``, scored with :func:`~eventwire.dedup.signatures.similarity`.
   Stories: a join on shared features within ``story_window_days`` gives each article's
   ``STORY_CANDIDATES`` best feature cosines (ranked less the day decay); every pair within
   ``story_window_days`` is scored by embedding (the lead embedded once per article, as the
   DuckDB linker does) with :func:`~eventwire.dedup.stories.story_score`. Only earlier
   articles over the threshold can be chosen, so only those become edges.
3. **Components.** Connected components of those edges (``components.py``): two articles
   in different components can never influence each other.
4. **Decisions.** Each component, in (day, id) order, through the linker's own
   :func:`~eventwire.dedup.linker.link_articles_in_order`. Events are blocked by (type,
   story) and (type, actor, day ± 1), the superset of what
   :func:`~eventwire.dedup.linker.same_event` can accept, and decided per component with
   :func:`~eventwire.dedup.linker.matching_event`; quotes per story with
   :func:`~eventwire.dedup.linker.quote_cluster`.

Story ids, canonical ids, event ids and quote clusters are those of a DuckDB store that
ingested the same articles in one batch (``tests/test_spark.py``). Known differences are
documented in docs/scale.md: exact floating-point ties, and the pairwise windows (14 days
for events and quotes) that bound the work of a long-running story.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyarrow as pa

from eventwire.dedup import embed
from eventwire.dedup.features import weigh
from eventwire.dedup.linker import (
    EVENT_REPORT_WINDOW_DAYS,
    NEAR_DUPLICATE_WINDOW_DAYS,
    STORY_CANDIDATES,
    DedupConfig,
    EventKey,
    link_articles_in_order,
    matching_event,
    quote_cluster,
)
from eventwire.dedup.signatures import from_blob, similarity
from eventwire.dedup.stories import rounded_cosine, story_score
from eventwire.spark.components import connected_components

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame


@dataclass(slots=True)
class Linked:
    """What linking decides, as DataFrames keyed like the tables they update."""

    articles: DataFrame  # article_id, canonical_id, story_id
    weights: DataFrame  # article_features: article_id, feature, weight, day
    feature_df: DataFrame  # feature, df
    embeddings: DataFrame  # article_embeddings: article_id, day, embedding
    mentions: DataFrame  # article_id, idx, event_id
    quotes: DataFrame  # article_id, idx, cluster_id


def link(
    arts: DataFrame,
    texts: DataFrame,
    mentions: DataFrame,
    quotes: DataFrame,
    places: DataFrame,
    config: DedupConfig,
    max_feature_df: int | None = None,
) -> Linked:
    """``arts``: article_id, day, is_english, signature, bands, features (one row per stored article);
    ``texts``: article_id, title, body; ``mentions``, ``quotes``, ``places``: rows of those tables."""
    feature_df, weights = _weights(arts)
    weights = weights.persist()
    near = _near_duplicates(arts, config)
    sparse = _sparse_candidates(weights, feature_df, config, max_feature_df)
    embeddings = _embeddings(arts, texts).persist()
    similar = _story_candidates(embeddings, sparse, config)
    decided = _decide_articles(arts, near, similar, config).persist()
    return Linked(
        articles=decided,
        weights=weights,
        feature_df=feature_df,
        embeddings=embeddings.select("article_id", "day", "embedding"),
        mentions=_link_events(mentions, places, decided, config),
        quotes=_link_quotes(quotes, decided, config),
    )


def _earlier(a: str, b: str) -> Column:
    """Spark condition: article ``b`` comes before ``a`` in (day, id) order."""
    from pyspark.sql import functions as F

    return (F.col(f"{b}_day") < F.col(f"{a}_day")) | (
        (F.col(f"{b}_day") == F.col(f"{a}_day")) & (F.col(f"{b}_id") < F.col(f"{a}_id"))
    )


# --- 1. weights --------------------------------------------------------------------------------


def _weights(arts: DataFrame) -> tuple[DataFrame, DataFrame]:
    from pyspark.sql import functions as F

    feats = arts.select("article_id", "day", F.posexplode("features").alias("pos", "f")).select(
        "article_id", "day", "pos", F.col("f.feature").alias("feature"), F.col("f.weight").alias("base")
    )
    feature_df = feats.groupBy("feature").agg(F.count("*").cast("int").alias("df"))
    total = arts.count()
    grouped = (
        feats.join(feature_df, "feature")
        .groupBy("article_id", "day")
        .agg(F.collect_list(F.struct("pos", "feature", "base", "df")).alias("feats"))
    )
    schema = "article_id STRING, feature STRING, weight DOUBLE, day DATE"
    return feature_df, grouped.mapInArrow(lambda it: _weigh_batches(it, total), schema)


def _weigh_batches(batches: Iterator[pa.RecordBatch], total: int) -> Iterator[pa.RecordBatch]:
    out_schema = pa.schema(
        [
            ("article_id", pa.string()),
            ("feature", pa.string()),
            ("weight", pa.float64()),
            ("day", pa.date32()),
        ]
    )
    for batch in batches:
        columns: dict[str, list] = {"article_id": [], "feature": [], "weight": [], "day": []}
        for aid, day, feats in zip(*(batch.column(c).to_pylist() for c in ("article_id", "day", "feats")),
                                   strict=True):  # fmt: skip
            ordered = sorted(feats, key=lambda f: f["pos"])  # the article's own feature order
            raw = {f["feature"]: f["base"] for f in ordered}
            weights = weigh(raw, {f["feature"]: f["df"] for f in ordered}, total)
            columns["article_id"].extend([aid] * len(weights))
            columns["feature"].extend(weights)
            columns["weight"].extend(weights.values())
            columns["day"].extend([day] * len(weights))
        yield pa.RecordBatch.from_pydict(columns, schema=out_schema)


# --- 2. candidates -----------------------------------------------------------------------------


def _near_duplicates(arts: DataFrame, config: DedupConfig) -> DataFrame:
    """(a_id, b_id, b_signature): earlier texts b whose estimated Jaccard with a is a near-duplicate."""
    from pyspark.sql import functions as F

    bands = arts.select("article_id", "day", F.explode("bands").alias("band_key"))
    a = bands.select(F.col("article_id").alias("a_id"), F.col("day").alias("a_day"), "band_key")
    b = bands.select(F.col("article_id").alias("b_id"), F.col("day").alias("b_day"), "band_key")
    pairs = (
        a.join(b, "band_key")
        .where(_earlier("a", "b") & (F.abs(F.datediff("a_day", "b_day")) <= NEAR_DUPLICATE_WINDOW_DAYS))
        .select("a_id", "b_id")
        .distinct()
    )
    sigs = arts.select("article_id", "signature")
    a_sigs = sigs.withColumnRenamed("article_id", "a_id").withColumnRenamed("signature", "a_sig")
    b_sigs = sigs.withColumnRenamed("article_id", "b_id").withColumnRenamed("signature", "b_sig")
    with_sigs = pairs.join(a_sigs, "a_id").join(b_sigs, "b_id")
    threshold = config.near_duplicate
    schema = "a_id STRING, b_id STRING, b_sig BINARY"
    return with_sigs.mapInArrow(lambda it: _similar_pairs(it, threshold), schema)


def _similar_pairs(batches: Iterator[pa.RecordBatch], threshold: float) -> Iterator[pa.RecordBatch]:
    schema = pa.schema([("a_id", pa.string()), ("b_id", pa.string()), ("b_sig", pa.binary())])
    for batch in batches:
        keep: dict[str, list] = {"a_id": [], "b_id": [], "b_sig": []}
        for a_id, b_id, a_sig, b_sig in zip(
            *(batch.column(c).to_pylist() for c in ("a_id", "b_id", "a_sig", "b_sig")), strict=True
        ):
            if similarity(from_blob(a_sig), from_blob(b_sig)) >= threshold:
                keep["a_id"].append(a_id)
                keep["b_id"].append(b_id)
                keep["b_sig"].append(b_sig)
        yield pa.RecordBatch.from_pydict(keep, schema=schema)


def _sparse_candidates(
    weights: DataFrame, feature_df: DataFrame, config: DedupConfig, max_df: int | None
) -> DataFrame:
    """(a_id, b_id, dot): a's ``STORY_CANDIDATES`` best feature cosines (ranked less the day decay)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    window = config.story_window_days
    probe = weights if max_df is None else weights.join(feature_df.where(F.col("df") <= max_df), "feature")
    a = probe.select(F.col("article_id").alias("a_id"), F.col("day").alias("a_day"), "feature",
                     F.col("weight").alias("a_w"))  # fmt: skip
    b = probe.select(F.col("article_id").alias("b_id"), F.col("day").alias("b_day"), "feature",
                     F.col("weight").alias("b_w"))  # fmt: skip
    joined = a.join(b, "feature").where(
        (F.col("a_id") != F.col("b_id")) & (F.abs(F.datediff("b_day", "a_day")) <= window)
    )
    if max_df is not None:  # blocked on rare features only: score the pairs on all their features
        pairs = joined.select("a_id", "a_day", "b_id", "b_day").distinct()
        full_a = weights.select(F.col("article_id").alias("a_id"), "feature", F.col("weight").alias("a_w"))
        full_b = weights.select(F.col("article_id").alias("b_id"), "feature", F.col("weight").alias("b_w"))
        joined = pairs.join(full_a, "a_id").join(full_b, ["b_id", "feature"])
    gap = F.greatest(F.abs(F.datediff("b_day", "a_day")) - 1, F.lit(0))
    scored = joined.groupBy("a_id", "a_day", "b_id", "b_day").agg(
        F.sum(F.col("a_w") * F.col("b_w")).alias("dot")
    )
    scored = scored.withColumn("ranked", F.col("dot") * (1 - config.story_decay_per_day * gap))
    best = Window.partitionBy("a_id").orderBy(F.col("ranked").desc(), F.col("b_id"))
    top = scored.withColumn("n", F.row_number().over(best)).where(F.col("n") <= STORY_CANDIDATES)
    return top.select("a_id", "b_id", "dot")


def _embeddings(arts: DataFrame, texts: DataFrame) -> DataFrame:
    """article_id, day, is_english, embedding: each article's lead embedded once."""
    embedded = texts.mapInArrow(_embed_batches, "article_id STRING, embedding BINARY")
    return arts.select("article_id", "day", "is_english").join(embedded, "article_id")


def _embed_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    schema = pa.schema([("article_id", pa.string()), ("embedding", pa.binary())])
    for batch in batches:
        ids, titles, bodies = (batch.column(c).to_pylist() for c in ("article_id", "title", "body"))
        vectors = embed.embed([embed.lead_text(t, b or "") for t, b in zip(titles, bodies, strict=True)])
        yield pa.RecordBatch.from_pydict(
            {"article_id": ids, "embedding": [embed.to_blob(v) for v in vectors]}, schema=schema
        )


def _story_candidates(embeddings: DataFrame, sparse: DataFrame, config: DedupConfig) -> DataFrame:
    """(a_id, b_id, score): earlier articles b within the window whose story score reaches the threshold."""
    from pyspark.sql import functions as F

    window = config.story_window_days
    a = embeddings.select(F.col("article_id").alias("a_id"), F.col("day").alias("a_day"),
                          F.col("is_english").alias("a_en"), F.col("embedding").alias("a_emb"))  # fmt: skip
    b = embeddings.select(
        F.col("article_id").alias("b_id"), F.col("day").alias("b_day"), F.col("is_english").alias("b_en"),
        F.col("embedding").alias("b_emb"),
        F.explode(F.sequence(F.date_sub("day", window), F.date_add("day", window))).alias("a_day"),
    )  # fmt: skip
    pairs = (
        a.join(b, "a_day")
        .where(_earlier("a", "b"))
        .join(sparse, ["a_id", "b_id"], "left")
        .select("a_id", "b_id", "a_day", "b_day", "a_en", "b_en", "a_emb", "b_emb", "dot")
    )
    return pairs.mapInArrow(lambda it: _score_pairs(it, config), "a_id STRING, b_id STRING, score DOUBLE")


def _score_pairs(batches: Iterator[pa.RecordBatch], config: DedupConfig) -> Iterator[pa.RecordBatch]:
    schema = pa.schema([("a_id", pa.string()), ("b_id", pa.string()), ("score", pa.float64())])
    names = ("a_id", "b_id", "a_day", "b_day", "a_en", "b_en", "a_emb", "b_emb", "dot")
    for batch in batches:
        keep: dict[str, list] = {"a_id": [], "b_id": [], "score": []}
        for a_id, b_id, a_day, b_day, a_en, b_en, a_emb, b_emb, dot in zip(
            *(batch.column(c).to_pylist() for c in names), strict=True
        ):
            a_vec, b_vec = embed.from_blob(a_emb).astype("float64"), embed.from_blob(b_emb).astype("float64")
            cosine = float(a_vec @ b_vec)
            score = story_score(
                rounded_cosine(cosine), dot or 0.0, bool(a_en and b_en), (b_day - a_day).days, config
            )
            if score >= config.story_similarity:
                keep["a_id"].append(a_id)
                keep["b_id"].append(b_id)
                keep["score"].append(score)
        yield pa.RecordBatch.from_pydict(keep, schema=schema)


# --- 3 and 4. components and decisions --------------------------------------------------------

_DECIDED = "article_id STRING, canonical_id STRING, story_id STRING"


def _decide_articles(arts: DataFrame, near: DataFrame, similar: DataFrame, config: DedupConfig) -> DataFrame:
    from pyspark.sql import functions as F

    near = near.persist()
    similar = similar.persist()
    edges = near.select(F.col("a_id").alias("src"), F.col("b_id").alias("dst")).union(
        similar.select(F.col("a_id").alias("src"), F.col("b_id").alias("dst"))
    )
    components = connected_components(edges)
    near_lists = near.groupBy("a_id").agg(F.collect_list(F.struct("b_id", "b_sig")).alias("near"))
    story_lists = similar.groupBy("a_id").agg(F.collect_list(F.struct("b_id", "score")).alias("similar"))
    members = (
        arts.select("article_id", "day", "is_english", "signature")
        .join(components.withColumnRenamed("node", "article_id"), "article_id")
        .join(near_lists.withColumnRenamed("a_id", "article_id"), "article_id", "left")
        .join(story_lists.withColumnRenamed("a_id", "article_id"), "article_id", "left")
    )
    linked = members.groupBy("component").applyInArrow(lambda t: _decide_component(t, config), _DECIDED)
    alone = arts.join(components.withColumnRenamed("node", "article_id"), "article_id", "left_anti").select(
        "article_id",
        F.col("article_id").alias("canonical_id"),
        F.concat(F.lit("s:"), F.col("article_id")).alias("story_id"),
    )
    return linked.union(alone)


def _decide_component(table: pa.Table, config: DedupConfig) -> pa.Table:
    """Canonical and story ids of one component's articles, linked in (day, id) order."""
    rows = sorted(table.to_pylist(), key=lambda r: (r["day"], r["article_id"]))
    ids = [r["article_id"] for r in rows]
    sigs = {r["article_id"]: from_blob(r["signature"]) for r in rows}
    near = {r["article_id"]: [(c["b_id"], c["b_sig"], None, None) for c in r["near"] or []] for r in rows}
    similar = {r["article_id"]: [(c["b_id"], None, c["score"]) for c in r["similar"] or []] for r in rows}
    canonical, stories = link_articles_in_order(ids, sigs, near, similar, config)
    return pa.table(
        {
            "article_id": ids,
            "canonical_id": [canonical[a] for a in ids],
            "story_id": [stories[a] for a in ids],
        }
    )


# --- events ------------------------------------------------------------------------------------

_EVENT_FIELDS = (
    "article_id", "idx", "event_id", "type", "source_actor", "target_actor", "date", "place_id",
    "place_precision", "country", "confidence", "story_id", "day",
)  # fmt: skip


def _link_events(
    mentions: DataFrame, places: DataFrame, decided: DataFrame, config: DedupConfig
) -> DataFrame:
    """(article_id, idx, event_id): the event each mention reports."""
    from pyspark.sql import functions as F

    rows = (
        mentions.join(places.select(F.col("id").alias("place_id"), "country"), "place_id", "left")
        .join(decided.select("article_id", "story_id"), "article_id")
        .select(*_EVENT_FIELDS)
        .persist()
    )
    # Blocks: what same_event() can accept shares a (type, story), or is dated within a day
    # of the other and shares its source or target.
    dated = F.col("date").isNotNull()
    spread = range(-config.event_window_days, config.event_window_days + 1)
    near_days = F.array(*(F.date_add("date", k) for k in spread))
    keys = F.array_compact(
        F.array(
            F.concat_ws("|", F.lit("story"), "type", "story_id"),
            F.when(
                dated & F.col("source_actor").isNotNull(),
                F.concat_ws("|", F.lit("src"), "type", "source_actor", "date"),
            ),
            F.when(
                dated & F.col("target_actor").isNotNull(),
                F.concat_ws("|", F.lit("tgt"), "type", "target_actor", "date"),
            ),
        )
    )
    probes = F.array_compact(
        F.flatten(
            F.array(
                F.array(F.concat_ws("|", F.lit("story"), "type", "story_id")),
                F.transform(near_days, lambda d: F.when(
                    dated & F.col("source_actor").isNotNull(),
                    F.concat_ws("|", F.lit("src"), "type", "source_actor", d))),
                F.transform(near_days, lambda d: F.when(
                    dated & F.col("target_actor").isNotNull(),
                    F.concat_ws("|", F.lit("tgt"), "type", "target_actor", d))),
            )
        )
    )  # fmt: skip
    home = rows.select(F.col("event_id").alias("src"), F.explode(keys).alias("key"))
    probe = rows.select(F.col("event_id").alias("dst"), F.explode(probes).alias("key"))
    edges = home.join(probe, "key").where(F.col("src") != F.col("dst")).select("src", "dst").distinct()
    components = connected_components(edges).withColumnRenamed("node", "event_id")
    grouped = rows.join(components, "event_id")
    window = config.event_window_days
    linked = grouped.groupBy("component").applyInArrow(
        lambda t: _decide_events(t, window), "article_id STRING, idx INT, event_id STRING"
    )
    alone = rows.join(components, "event_id", "left_anti").select("article_id", "idx", "event_id")
    return linked.union(alone)


def _decide_events(table: pa.Table, window_days: int) -> pa.Table:
    """Each mention's event, in (day, article, idx) order: the best earlier event it reports
    (``matching_event``), else its own.

    Known events are indexed by the blocks ``same_event`` needs, (type, story) and (type,
    actor, date), so each mention is compared with those only, not with every event before
    it; ``matching_event`` picks the same event from them as from the whole list.
    """
    rows = sorted(table.to_pylist(), key=lambda r: (r["day"], r["article_id"], r["idx"]))
    index: dict[tuple, list[EventKey]] = {}
    out: dict[str, list] = {"article_id": [], "idx": [], "event_id": []}
    for r in rows:
        key = EventKey(
            r["event_id"], r["type"], r["source_actor"], r["target_actor"], r["date"], r["place_id"],
            r["place_precision"], r["country"], r["story_id"], r["confidence"],
        )  # fmt: skip
        probes = _event_blocks(key, window_days)
        candidates = {id(k): k for block in probes for k in index.get(block, ())}
        match = matching_event(key, list(candidates.values()), window_days)
        if match is None:
            for block in _event_blocks(key, 0):
                index.setdefault(block, []).append(key)
        out["article_id"].append(r["article_id"])
        out["idx"].append(r["idx"])
        out["event_id"].append(match.id if match else r["event_id"])
    return pa.table(out, schema=pa.schema([("article_id", pa.string()), ("idx", pa.int32()),
                                           ("event_id", pa.string())]))  # fmt: skip


def _event_blocks(key: EventKey, window_days: int) -> list[tuple]:
    """Index keys of an event (``window_days=0``) or the keys to look up for a mention (the
    event window): every event ``same_event`` can accept shares one of them."""
    blocks: list[tuple] = [("story", key.type, key.story)]
    if key.date is not None:
        days = [key.date + dt.timedelta(days=k) for k in range(-window_days, window_days + 1)]
        for role, actor in (("src", key.source), ("tgt", key.target)):
            if actor:
                blocks.extend((role, key.type, actor, day) for day in days)
    return blocks


# --- quotes ------------------------------------------------------------------------------------


def _link_quotes(quotes: DataFrame, decided: DataFrame, config: DedupConfig) -> DataFrame:
    """(article_id, idx, cluster_id): the same quote in an earlier article of the story, or its own."""
    from pyspark.sql import functions as F

    rows = quotes.select("article_id", "idx", "text", "day").join(
        decided.select("article_id", "story_id"), "article_id"
    )
    threshold = config.quote_similarity
    return (
        rows.groupBy("story_id")
        .applyInArrow(
            lambda t: _cluster_story_quotes(t, threshold), "article_id STRING, idx INT, cluster_id STRING"
        )
        .select("article_id", "idx", "cluster_id")
        .where(F.col("article_id").isNotNull())
    )


def _cluster_story_quotes(table: pa.Table, threshold: float) -> pa.Table:
    rows = sorted(table.to_pylist(), key=lambda r: (r["day"], r["article_id"], r["idx"]))
    pool: deque[tuple[dt.date, str, str]] = deque()
    out: dict[str, list] = {"article_id": [], "idx": [], "cluster_id": []}
    for r in rows:
        while pool and (r["day"] - pool[0][0]).days > EVENT_REPORT_WINDOW_DAYS:
            pool.popleft()
        own = f"{r['article_id']}#q{r['idx']}"
        cluster = quote_cluster(r["text"], [(c, text) for _, c, text in pool], threshold, own)
        pool.append((r["day"], cluster, r["text"]))
        out["article_id"].append(r["article_id"])
        out["idx"].append(r["idx"])
        out["cluster_id"].append(cluster)
    return pa.table(out, schema=pa.schema([("article_id", pa.string()), ("idx", pa.int32()),
                                           ("cluster_id", pa.string())]))  # fmt: skip
