"""Link newly stored articles to what the store already holds: near-duplicates, stories,
events and quotes reported by several outlets.

Runs inside the ingest transaction, right after a batch's rows are inserted, so a
batch is linked completely or not at all. Only the new articles are processed; old
ones are never re-analysed. Work is set-based: a handful of queries per batch fetch
candidates through indexes (LSH band keys, features in a date window, events of the
same type and actors), and the decisions are made in Python.

Order: a batch's articles are linked in (published, id) order, each able to join the
clusters of stored articles and of the batch articles before it, so a batch gives the
same result whatever the order of its input. Across batches, an article can only
join clusters that exist when it is stored (docs/dedup.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pyarrow as pa
from rapidfuzz import fuzz

from eventwire.dedup import embed
from eventwire.dedup.features import raw_features, weigh
from eventwire.dedup.signatures import band_keys, from_blob, signature, similarity, to_blob
from eventwire.dedup.stories import rounded_cosine, story_score
from eventwire.models import Analysis, known_actor_id

STORY_CANDIDATES = 20  # best feature matches kept per new article (embeddings: every one in the window)
NEAR_DUPLICATE_WINDOW_DAYS = 30  # copies of a story circulate for days, not months
EVENT_REPORT_WINDOW_DAYS = 14  # an event is matched with events first reported this close


@dataclass(frozen=True, slots=True)
class DedupConfig:
    near_duplicate: float = 0.6  # estimated shingle Jaccard for a syndicated copy / light rewrite
    story_similarity: float = 0.54  # story score (eventwire.dedup.stories) to join an existing story
    embedding_weight: float = 0.6  # share of the embedding cosine in an English pair's score
    cross_language_similarity: float = 0.65  # embedding cosine that joins across languages
    story_window_days: int = 3
    story_decay_per_day: float = 0.15  # score lost per day apart, beyond the first
    event_window_days: int = 1
    quote_similarity: float = 80.0  # rapidfuzz token_set_ratio for the same quote


@dataclass(slots=True)
class EventKey:
    id: str
    type: str
    source: str | None
    target: str | None
    date: dt.date | None
    place: str | None
    place_precision: str | None
    country: str | None
    story: str | None
    confidence: float
    # Articles that report this event. Two reports in one article are one event only if the
    # article's own coreference said so (eventwire/resolve/event_coref.py): an event never
    # takes a second mention from an article that already reports it.
    articles: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.articles.add(article_of(self.id))


def _is_english(language: str | None) -> bool:
    """As ``Article.is_english``, for a stored article's ``language`` column."""
    return language in (None, "en")


def article_of(event_id: str) -> str:
    """The article an event (or mention) id starts from: ``<article id>#e<idx>``."""
    return event_id.rsplit("#e", 1)[0]


class Linker:
    """Assigns canonical article, story, event and quote cluster ids for new articles."""

    def __init__(self, con: duckdb.DuckDBPyConnection, config: DedupConfig | None = None) -> None:
        self.con = con
        self.config = config or DedupConfig()
        self.days: dict[str, dt.date] = {}

    def link(self, analyses: Sequence[Analysis], today: dt.date) -> None:
        """Link a batch whose rows are stored; ``today`` dates articles without a date.

        Every lookup is bounded by a range of ``day`` (published, else ingest date) so
        DuckDB skips old row groups and the cost per article stays flat as the store grows.
        """
        if not analyses:
            return
        self.days = {a.article.id: a.article.published or today for a in analyses}
        ordered = sorted(analyses, key=lambda a: (self.days[a.article.id], a.article.id))
        canonical, stories = self._link_articles(ordered)
        touched_events = self._link_events([a.article.id for a in ordered], stories)
        self._link_quotes([a.article.id for a in ordered], stories)
        refresh_events(self.con, touched_events, min(self.days.values()))
        refresh_stories(self.con, set(stories.values()), min(self.days.values()))

    def _day_range(self, margin: int) -> tuple[dt.date, dt.date]:
        pad = dt.timedelta(days=margin)
        return min(self.days.values()) - pad, max(self.days.values()) + pad

    # -- articles and stories ------------------------------------------------------------

    def _link_articles(self, ordered: list[Analysis]) -> tuple[dict[str, str], dict[str, str]]:
        """Canonical (near-duplicate) and story id of each new article, stored in ``articles``."""
        ids = [a.article.id for a in ordered]
        sigs = {
            a.article.id: from_blob(a.signature) if a.signature else signature(a.article.body)
            for a in ordered
        }
        self._insert_signatures(sigs)
        near = self._near_duplicate_candidates(ids)
        probes = self._store_features(ordered)
        sparse = self._story_candidates(ordered, probes)
        similar = self._score_stories(ordered, sparse)
        canonical, stories = link_articles_in_order(ids, sigs, near, similar, self.config)
        self._update(
            "articles",
            "id",
            {"id": ids, "canonical_id": [canonical[a] for a in ids], "story_id": [stories[a] for a in ids]},
        )
        return canonical, stories

    def _insert_signatures(self, sigs: dict[str, np.ndarray]) -> None:
        self._append(
            "article_signatures",
            {"article_id": list(sigs), "signature": [to_blob(s) for s in sigs.values()]},
        )
        bands = [(key, aid) for aid, sig in sigs.items() for key in band_keys(sig)]
        self._append(
            "article_bands",
            {
                "band_key": [k for k, _ in bands],
                "article_id": [a for _, a in bands],
                "day": [self.days[a] for _, a in bands],
            },
        )

    def _near_duplicate_candidates(self, ids: list[str]) -> dict[str, list[tuple]]:
        low, high = self._day_range(NEAR_DUPLICATE_WINDOW_DAYS)
        rows = self.con.execute(
            """WITH new AS (SELECT * FROM article_bands
                            WHERE day BETWEEN ? AND ? AND list_contains(?, article_id)),
                    near AS (SELECT DISTINCT new.article_id AS new_id, b.article_id
                             FROM new JOIN article_bands b
                               ON b.band_key = new.band_key AND b.article_id <> new.article_id
                             WHERE b.day BETWEEN ? AND ?)
               SELECT near.new_id, s.article_id, s.signature, a.canonical_id, a.story_id
               FROM near JOIN article_signatures s ON s.article_id = near.article_id
               JOIN articles a ON a.id = near.article_id""",
            [low, high, ids, low, high],
        ).fetchall()
        found: dict[str, list[tuple]] = {}
        for new_id, *candidate in rows:
            found.setdefault(new_id, []).append(tuple(candidate))
        return found

    def _store_features(self, ordered: list[Analysis]) -> pa.Table:
        """Insert IDF-weighted features of the new articles; return them as a probe table.

        Document frequencies include the batch itself, so the first batch of an empty
        store is already weighted sensibly.
        """
        raw = {a.article.id: a.features or raw_features(a) for a in ordered}
        counts: dict[str, int] = {}
        for feats in raw.values():
            for feature in feats:
                counts[feature] = counts.get(feature, 0) + 1
        names = sorted(counts)
        self.con.register("_batch_df", pa.table({"feature": names, "df": [counts[n] for n in names]}))
        try:
            self.con.execute(
                """INSERT INTO feature_df SELECT feature, df FROM _batch_df
                   ON CONFLICT (feature) DO UPDATE SET df = df + excluded.df"""
            )
            df = dict(
                self.con.execute(
                    "SELECT f.feature, f.df FROM feature_df f JOIN _batch_df b ON b.feature = f.feature"
                ).fetchall()
            )
        finally:
            self.con.unregister("_batch_df")
        total = int(self.con.execute("SELECT count(*) FROM article_signatures").fetchall()[0][0])
        columns: dict[str, list] = {"article_id": [], "feature": [], "weight": [], "day": []}
        for analysis in ordered:
            weights = weigh(raw[analysis.article.id], df, total)
            columns["article_id"].extend([analysis.article.id] * len(weights))
            columns["feature"].extend(weights)
            columns["weight"].extend(weights.values())
            columns["day"].extend([self.days[analysis.article.id]] * len(weights))
        table = pa.table(columns, schema=_FEATURE_SCHEMA)
        self._append("article_features", table)
        return table

    def _story_candidates(self, ordered: list[Analysis], probes: pa.Table) -> dict[tuple[str, str], float]:
        """(new id, candidate id) -> feature cosine, for the ``STORY_CANDIDATES`` best candidates
        of each new article (ranked by the cosine less the day decay)."""
        window = self.config.story_window_days
        low, high = self._day_range(window)
        self.con.register("_probe", probes)
        try:
            rows = self.con.execute(
                """SELECT p.article_id AS new_id, f.article_id, sum(f.weight * p.weight) AS dot
                   FROM _probe p
                   JOIN article_features f ON f.feature = p.feature AND f.article_id <> p.article_id
                   WHERE f.day BETWEEN ? AND ? AND abs(date_diff('day', f.day, p.day)) <= ?
                   GROUP BY p.article_id, f.article_id
                   QUALIFY row_number() OVER (
                       PARTITION BY p.article_id
                       ORDER BY sum(f.weight * p.weight) * (1 - ? * greatest(
                           abs(date_diff('day', any_value(f.day), any_value(p.day))) - 1, 0)) DESC,
                                f.article_id) <= ?""",
                [low, high, window, self.config.story_decay_per_day, STORY_CANDIDATES],
            ).fetchall()
        finally:
            self.con.unregister("_probe")
        return {(new_id, cand): dot for new_id, cand, dot in rows}

    def _score_stories(
        self, ordered: list[Analysis], sparse: dict[tuple[str, str], float]
    ) -> dict[str, list[tuple]]:
        """new id -> [(candidate id, candidate story or None if in this batch, story score)].

        Candidates are blocked by day: every stored article within ``story_window_days`` is
        compared by embedding (its vector is read from ``article_embeddings``), so the work
        per article depends on how many articles a week brings, not on the size of the store.
        """
        ids = [a.article.id for a in ordered]
        vectors = embed.embed([embed.lead_text(a.article.title, a.article.body) for a in ordered])
        blobs = [embed.to_blob(v) for v in vectors]
        self._append(
            "article_embeddings",
            {"article_id": ids, "day": [self.days[a] for a in ids], "embedding": blobs},
        )
        low, high = self._day_range(self.config.story_window_days)
        rows = self.con.execute(
            """SELECT e.article_id, e.day, e.embedding, a.story_id, a.language
               FROM article_embeddings e JOIN articles a ON a.id = e.article_id
               WHERE e.day BETWEEN ? AND ? AND a.day BETWEEN ? AND ?""",
            [low, high, low, high],
        ).fetchall()
        english = {a.article.id: a.article.is_english for a in ordered}
        english.update({r[0]: _is_english(r[4]) for r in rows if r[0] not in english})
        probe = np.stack([embed.from_blob(b) for b in blobs]).astype(np.float64)
        stored = (
            np.stack([embed.from_blob(r[2]) for r in rows]).astype(np.float64) if rows else np.zeros((0, 1))
        )
        cos = embed.cosines(probe, stored)
        batch = set(ids)
        found: dict[str, list[tuple]] = {}
        for i, new_id in enumerate(ids):
            day = self.days[new_id]
            for j, (cand, cand_day, _blob, story, _lang) in enumerate(rows):
                days = (cand_day - day).days
                if cand == new_id or abs(days) > self.config.story_window_days:
                    continue
                score = story_score(
                    rounded_cosine(cos[i, j]), sparse.get((new_id, cand), 0.0),
                    english[new_id] and english[cand], days, self.config,
                )  # fmt: skip
                found.setdefault(new_id, []).append((cand, None if cand in batch else story, score))
        return found

    # -- events and quotes ----------------------------------------------------------------

    def _link_events(self, ids: list[str], stories: dict[str, str]) -> set[str]:
        """Point event mentions of the new articles at matching events; return touched ids."""
        rows = self.con.execute(
            """SELECT m.article_id, m.idx, m.event_id, m.type, m.source_actor, m.target_actor,
                      m.date, m.place_id, m.place_precision, p.country, m.confidence
               FROM event_mentions m LEFT JOIN places p ON p.id = m.place_id
               WHERE m.day BETWEEN ? AND ? AND list_contains(?, m.article_id)""",
            [*self._day_range(0), ids],
        ).fetchall()
        if not rows:
            return set()
        rank = {aid: i for i, aid in enumerate(ids)}
        rows.sort(key=lambda r: (rank[r[0]], r[1]))
        known = self._candidate_events(rows, stories)
        updates: dict[str, list] = {"article_id": [], "idx": [], "event_id": []}
        merged_away, touched = [], set()
        for (aid, idx, own, *_), match in zip(
            rows, link_events_in_order(rows, stories, known, self.config.event_window_days), strict=True
        ):
            if match is None:
                touched.add(own)
                continue
            updates["article_id"].append(aid)
            updates["idx"].append(idx)
            updates["event_id"].append(match)
            merged_away.append(own)
            touched.add(match)
        new_events = [r[2] for r in rows]
        self._update("events", "id", {"id": new_events, "story_id": [stories[r[0]] for r in rows]}, 0)
        if updates["idx"]:
            self._update("event_mentions", ("article_id", "idx"), updates, 0)
            self.con.execute("DELETE FROM events WHERE list_contains(?, id)", [merged_away])
        return touched

    def _candidate_events(self, rows: list[tuple], stories: dict[str, str]) -> list[EventKey]:
        """Stored events that could match any new mention: same type, shared actor or story."""
        types = sorted({r[3] for r in rows})
        actors = sorted({a for r in rows for a in (r[4], r[5]) if a})
        dates = [r[6] for r in rows if r[6]]
        window = dt.timedelta(days=self.config.event_window_days)
        low = min(dates) - window if dates else None
        high = max(dates) + window if dates else None
        found = self.con.execute(
            """SELECT id, type, source_actor, target_actor, date, place_id, place_precision, country,
                      story_id, confidence
               FROM events
               WHERE day BETWEEN ? AND ? AND story_id IS NOT NULL AND list_contains(?, type)
                 AND (list_contains(?, story_id) OR list_contains(?, source_actor)
                      OR list_contains(?, target_actor))
                 AND (date IS NULL OR ?::DATE IS NULL OR date BETWEEN ?::DATE AND ?::DATE)""",
            [*self._day_range(EVENT_REPORT_WINDOW_DAYS), types, sorted(set(stories.values())),
             actors, actors, low, low, high],
        ).fetchall()  # fmt: skip
        return [EventKey(*row) for row in found]

    def _link_quotes(self, ids: list[str], stories: dict[str, str]) -> None:
        """Give each quote the cluster id of the same quote in an earlier article of its story."""
        rows = self.con.execute(
            """SELECT article_id, idx, text FROM quotes
               WHERE day BETWEEN ? AND ? AND list_contains(?, article_id)""",
            [*self._day_range(0), ids],
        ).fetchall()
        if not rows:
            return
        known = self.con.execute(
            """SELECT a.story_id, q.cluster_id, q.text FROM quotes q JOIN articles a ON a.id = q.article_id
               WHERE q.day BETWEEN ? AND ? AND list_contains(?, a.story_id) AND q.cluster_id IS NOT NULL""",
            [*self._day_range(EVENT_REPORT_WINDOW_DAYS), sorted(set(stories.values()))],
        ).fetchall()
        by_story: dict[str, list[tuple[str, str]]] = {}
        for story, cluster, text in known:
            by_story.setdefault(story, []).append((cluster, text))
        rank = {aid: i for i, aid in enumerate(ids)}
        rows.sort(key=lambda r: (rank[r[0]], r[1]))
        clusters = cluster_quotes_in_order(rows, stories, by_story, self.config.quote_similarity)
        self._update(
            "quotes",
            ("article_id", "idx"),
            {"article_id": [r[0] for r in rows], "idx": [r[1] for r in rows], "cluster_id": clusters},
            0,
        )

    # -- set-based writes ---------------------------------------------------------------------

    def _append(self, table: str, data: dict[str, list] | pa.Table) -> None:
        arrow = data if isinstance(data, pa.Table) else pa.table(data)
        if arrow.num_rows == 0:
            return
        self.con.register("_append", arrow)
        try:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _append")
        finally:
            self.con.unregister("_append")

    def _update(
        self, table: str, key: str | tuple[str, ...], data: dict[str, list], margin: int | None = None
    ) -> None:
        """Set columns of the rows named by ``key``; ``margin``: rows lie within the batch's days."""
        keys = (key,) if isinstance(key, str) else key
        columns = [c for c in data if c not in keys]
        where = " AND ".join(f"{table}.{k} = _changes.{k}" for k in keys)
        params: list = []
        if margin is not None:
            where += f" AND {table}.day BETWEEN ? AND ?"
            params = list(self._day_range(margin))
        self.con.register("_changes", pa.table(data))
        try:
            self.con.execute(
                f"UPDATE {table} SET {', '.join(f'{c} = _changes.{c}' for c in columns)} "
                f"FROM _changes WHERE {where}",
                params,
            )
        finally:
            self.con.unregister("_changes")


_FEATURE_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("feature", pa.string()),
        ("weight", pa.float64()),
        ("day", pa.date32()),
    ]
)


# -- decisions shared by this linker and the Spark engine (eventwire/spark/dedup.py) ----------


def link_articles_in_order(
    ids: list[str],
    sigs: dict[str, np.ndarray],
    near: dict[str, list[tuple]],
    similar: dict[str, list[tuple]],
    config: DedupConfig,
) -> tuple[dict[str, str], dict[str, str]]:
    """Canonical and story id of each article of ``ids``, linked in that order.

    ``near``: id -> near-duplicate candidates (id, signature blob, canonical, story);
    ``similar``: id -> story candidates (id, story, story score, eventwire.dedup.stories).
    A candidate that is in ``ids`` counts only when it comes earlier, with the ids decided
    for it here.
    """
    rank = {aid: i for i, aid in enumerate(ids)}
    canonical: dict[str, str] = {}
    stories: dict[str, str] = {}
    for aid in ids:
        copy = best_copy(aid, sigs[aid], near.get(aid, []), rank, canonical, stories, config.near_duplicate)
        if copy:
            canonical[aid], stories[aid] = copy
            continue
        canonical[aid] = aid
        best = best_story(aid, similar.get(aid, []), rank, stories, config.story_similarity)
        stories[aid] = best or f"s:{aid}"
    return canonical, stories


def link_events_in_order(
    rows: list[tuple], stories: dict[str, str], known: list[EventKey], window_days: int
) -> list[str | None]:
    """For each event mention, in order, the id of the known event it reports, or None.

    ``rows``: (article id, idx, own event id, type, source, target, date, place id, place
    precision, country, confidence). A mention that matches nothing starts an event of its
    own and is appended to ``known`` for the mentions after it.
    """
    matches: list[str | None] = []
    for aid, _idx, own, etype, source, target, date, place, precision, country, confidence in rows:
        key = EventKey(own, etype, source, target, date, place, precision, country, stories[aid], confidence)
        match = matching_event(key, known, window_days)
        if match is None:
            known.append(key)
        matches.append(match.id if match else None)
    return matches


def cluster_quotes_in_order(
    rows: list[tuple], stories: dict[str, str], by_story: dict[str, list[tuple[str, str]]], threshold: float
) -> list[str]:
    """Cluster id of each quote (article id, idx, text), in order; ``by_story``: known (cluster, text)."""
    clusters: list[str] = []
    for aid, idx, text in rows:
        pool = by_story.setdefault(stories[aid], [])
        cluster = quote_cluster(text, pool, threshold, f"{aid}#q{idx}")
        pool.append((cluster, text))
        clusters.append(cluster)
    return clusters


def best_copy(
    aid: str,
    sig: np.ndarray,
    candidates: list[tuple],
    rank: dict[str, int],
    canonical: dict[str, str],
    stories: dict[str, str],
    threshold: float,
) -> tuple[str, str] | None:
    """(canonical, story) of the most similar earlier text, if it is a near-duplicate.

    ``candidates``: (id, signature blob, canonical, story); a candidate in ``rank`` is linked
    in this run and counts only when it comes before ``aid``, with the ids decided for it.
    """
    best: tuple[float, str, str] | None = None
    for cand, blob, cand_canonical, cand_story in candidates:
        if cand in rank:  # same batch: only articles linked before this one
            if rank[cand] > rank[aid]:
                continue
            cand_canonical, cand_story = canonical[cand], stories[cand]
        score = similarity(sig, from_blob(blob))
        if score >= threshold and (best is None or score > best[0]):
            best = (score, cand_canonical or cand, cand_story)
    return (best[1], best[2]) if best else None


def best_story(
    aid: str, candidates: list[tuple], rank: dict[str, int], stories: dict[str, str], threshold: float
) -> str | None:
    """The story of the best-scoring earlier candidate (id, story, score) at or over ``threshold``."""
    best: tuple[float, str] | None = None
    for cand, story, score in candidates:
        if cand in rank:
            if rank[cand] > rank[aid]:
                continue
            story = stories[cand]
        if score >= threshold and (best is None or (score, story) > best):
            best = (score, story)
    return best[1] if best else None


def matching_event(key: EventKey, known: list[EventKey], window_days: int) -> EventKey | None:
    """The best known event that is the same happening as ``key``, if any."""
    own = article_of(key.id)
    matches = [
        e for e in known if e.id != key.id and own not in e.articles and same_event(key, e, window_days)
    ]
    if not matches:
        return None
    best = min(
        matches,
        key=lambda e: (e.story != key.story, e.date != key.date, -(e.confidence or 0), e.id),
    )
    best.articles.add(own)
    return best


def quote_cluster(text: str, pool: list[tuple[str, str]], threshold: float, own: str) -> str:
    """The cluster of the first (cluster, text) in ``pool`` that is the same quote, else ``own``."""
    return next((c for c, other in pool if fuzz.token_set_ratio(text, other) >= threshold), own)


def same_event(a: EventKey, b: EventKey, window_days: int) -> bool:
    """Same type; actors and place compatible; same day (± window) or, undated, same story.

    Only firm evidence can tell two reports apart: actors resolved to a known record
    (not ``unk:``, which is often a description such as "two civilians" in one report
    and "villagers" in another) and places attached to the event itself (``exact``,
    not the nearest or the actor's country); a country and a place inside it agree.
    """
    if a.type != b.type:
        return False
    for x, y in ((a.source, b.source), (a.target, b.target)):
        if known_actor_id(x) and known_actor_id(y) and x != y:
            return False
    if _opposite(a, b):
        return False  # RSF shelling the army and the army bombing RSF are two acts
    if not _places_agree(a, b):
        return False
    shares_actor = (a.source and a.source == b.source) or (a.target and a.target == b.target)
    if not shares_actor:
        return False
    if a.date and b.date:
        return abs((a.date - b.date).days) <= window_days
    return a.story == b.story


def _opposite(a: EventKey, b: EventKey) -> bool:
    """An actor that does the act in one report and suffers it in the other, and is not on
    the same side in both: opposite directions."""
    crossed = _shared(a.source, b.target) or _shared(a.target, b.source)
    return crossed and not (_shared(a.source, b.source) or _shared(a.target, b.target))


def _shared(x: str | None, y: str | None) -> bool:
    return x is not None and x == y


def _places_agree(a: EventKey, b: EventKey) -> bool:
    if a.place_precision != "exact" or b.place_precision != "exact" or a.place == b.place:
        return True
    if a.place is None or b.place is None:
        return True
    a_country = a.place.removeprefix("country:") if a.place.startswith("country:") else None
    b_country = b.place.removeprefix("country:") if b.place.startswith("country:") else None
    return (a_country is not None and a_country == b.country) or (
        b_country is not None and b_country == a.country
    )


def refresh_events(con: duckdb.DuckDBPyConnection, event_ids: set[str], since: dt.date | None = None) -> None:
    """Recompute mention counts, sources, first/last seen and merged confidence; drop orphans.

    ``num_articles`` counts every article that reports the event; ``num_sources`` the
    independent sources among them, as GDELT's NumArticles and NumSources: a syndicated copy
    (``canonical_id``: another outlet's copy of the same text) counts as its original's
    outlet, and an article without an outlet is a source of its own. Mentions are read from
    the events' first day (or ``since``) on, so old row groups are skipped.
    """
    if not event_ids:
        return
    ids = sorted(event_ids)
    low = _earliest(con, "events", ids, since)
    con.execute(
        """UPDATE events SET num_articles = s.n, num_sources = s.ns, first_seen = s.fs,
                  last_seen = s.ls, confidence = s.conf
           FROM (SELECT m.event_id, count(DISTINCT m.article_id) AS n,
                        count(DISTINCT coalesce(o.outlet, a.canonical_id, a.id)) AS ns,
                        min(coalesce(CAST(a.published AS TIMESTAMP), a.ingested_at)) AS fs,
                        max(coalesce(CAST(a.published AS TIMESTAMP), a.ingested_at)) AS ls,
                        max(m.confidence) AS conf
                 FROM event_mentions m JOIN articles a ON a.id = m.article_id
                 LEFT JOIN (SELECT id, outlet FROM articles WHERE day >= ?) o
                   ON o.id = coalesce(a.canonical_id, a.id)
                 WHERE m.day >= ? AND list_contains(?, m.event_id) GROUP BY m.event_id) AS s
           WHERE events.id = s.event_id""",
        [_originals_from(low), low, ids],
    )
    con.execute(
        """DELETE FROM events WHERE list_contains(?, id) AND id NOT IN
           (SELECT event_id FROM event_mentions WHERE day >= ? AND list_contains(?, event_id))""",
        [ids, low, ids],
    )


def _originals_from(low: dt.date) -> dt.date:
    """The earliest day a syndicated copy's original can have: copies are matched within
    ``NEAR_DUPLICATE_WINDOW_DAYS``, so the join on originals reads only that far back."""
    margin = dt.timedelta(days=NEAR_DUPLICATE_WINDOW_DAYS)
    return low - margin if low > dt.date.min + margin else low


def _earliest(con: duckdb.DuckDBPyConnection, table: str, ids: list[str], since: dt.date | None) -> dt.date:
    """The earliest day the rows ``ids`` of ``table`` (events or stories) cover, or ``since``."""
    column = "day" if table == "events" else "CAST(first_seen AS DATE)"
    first = con.execute(f"SELECT min({column}) FROM {table} WHERE list_contains(?, id)", [ids]).fetchall()
    days = [d for d in (first[0][0], since) if d is not None]
    return min(days) if days else dt.date.min


def refresh_stories(
    con: duckdb.DuckDBPyConnection, story_ids: set[str], since: dt.date | None = None
) -> None:
    """Rebuild the rows of the given stories from their articles (sources counted as in
    :func:`refresh_events`).

    ``since``: the earliest day of the new articles; the stories' older articles are found
    from the stories' own first_seen, so only the row groups of that period are read.
    """
    if not story_ids:
        return
    ids = sorted(story_ids)
    low = _earliest(con, "stories", ids, since)
    con.execute("DELETE FROM stories WHERE list_contains(?, id)", [ids])
    con.execute(
        """INSERT INTO stories
           SELECT a.story_id, arg_min(coalesce(a.title, left(a.body, 120)),
                                      coalesce(CAST(a.published AS TIMESTAMP), a.ingested_at)),
                  count(*), count(DISTINCT coalesce(o.outlet, a.canonical_id, a.id)),
                  min(coalesce(CAST(a.published AS TIMESTAMP), a.ingested_at)),
                  max(coalesce(CAST(a.published AS TIMESTAMP), a.ingested_at))
           FROM articles a LEFT JOIN (SELECT id, outlet FROM articles WHERE day >= ?) o
             ON o.id = coalesce(a.canonical_id, a.id)
           WHERE a.day >= ? AND list_contains(?, a.story_id) GROUP BY a.story_id""",
        [_originals_from(low), low, ids],
    )
