"""Link newly stored articles to what the store already holds: near-duplicates, stories,
events and quotes reported by several outlets.

Runs inside the ingest transaction, right after a batch's rows are inserted, so a
batch is linked completely or not at all. Only the new articles are processed;
old ones are never re-analysed. Articles of a batch are linked one at a time in
(published, id) order, so the result does not depend on the order of a batch's
input; across batches, an article can only join clusters that exist when it is
stored (documented in docs/dedup.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import pyarrow as pa
from rapidfuzz import fuzz

from eventwire.dedup.features import raw_features, weigh
from eventwire.dedup.signatures import band_keys, from_blob, signature, similarity, to_blob
from eventwire.models import Analysis


@dataclass(frozen=True, slots=True)
class DedupConfig:
    near_duplicate: float = 0.6  # estimated shingle Jaccard for a syndicated copy / light rewrite
    story_similarity: float = 0.3  # feature cosine to join an existing story
    story_window_days: int = 3
    event_window_days: int = 1
    quote_similarity: float = 80.0  # rapidfuzz token_set_ratio for the same quote


class Linker:
    """Assigns canonical article, story, event and quote cluster ids for new articles."""

    def __init__(self, con: duckdb.DuckDBPyConnection, config: DedupConfig | None = None) -> None:
        self.con = con
        self.config = config or DedupConfig()

    def link(self, analyses: Sequence[Analysis]) -> None:
        ordered = sorted(analyses, key=lambda a: (a.article.published or dt.date.max, a.article.id))
        touched_events: set[str] = set()
        touched_stories: set[str] = set()
        for analysis in ordered:
            story = self._link_article(analysis)
            touched_stories.add(story)
            touched_events.update(self._link_events(analysis.article.id, story))
            self._link_quotes(analysis.article.id, story)
        refresh_events(self.con, touched_events)
        refresh_stories(self.con, touched_stories)

    # -- articles and stories ------------------------------------------------------------

    def _link_article(self, analysis: Analysis) -> str:
        """Set canonical_id and story_id of one article; return its story id."""
        article = analysis.article
        sig = signature(article.body)
        keys = band_keys(sig)
        canonical, story = self._near_duplicate(article.id, sig, keys)
        self.con.execute("INSERT INTO article_signatures VALUES (?, ?)", [article.id, to_blob(sig)])
        self.con.executemany(
            "INSERT INTO article_bands VALUES (?, ?)", [[key, article.id] for key in keys]
        )
        weights = self._store_features(analysis)
        if story is None:
            story = self._similar_story(article.id, article.published, weights)
        self.con.execute(
            "UPDATE articles SET canonical_id = ?, story_id = ? WHERE id = ?",
            [canonical or article.id, story or f"s:{article.id}", article.id],
        )
        return story or f"s:{article.id}"

    def _near_duplicate(
        self, article_id: str, sig: object, keys: list[int]
    ) -> tuple[str | None, str | None]:
        rows = self.con.execute(
            """SELECT DISTINCT s.article_id, s.signature, a.canonical_id, a.story_id
               FROM article_bands b
               JOIN article_signatures s ON s.article_id = b.article_id
               JOIN articles a ON a.id = b.article_id
               WHERE list_contains(?, b.band_key) AND b.article_id <> ?""",
            [keys, article_id],
        ).fetchall()
        best = max(
            ((similarity(sig, from_blob(blob)), cid or aid, story) for aid, blob, cid, story in rows),
            default=None,
        )
        if best and best[0] >= self.config.near_duplicate:
            return best[1], best[2]
        return None, None

    def _store_features(self, analysis: Analysis) -> dict[str, float]:
        article = analysis.article
        feats = raw_features(analysis)
        if not feats:
            return {}
        names = list(feats)
        df = dict(
            self.con.execute(
                "SELECT feature, df FROM feature_df WHERE list_contains(?, feature)", [names]
            ).fetchall()
        )
        total = self.con.execute("SELECT count(*) FROM article_signatures").fetchall()[0][0]
        weights = weigh(feats, df, int(total))
        table = pa.table(
            {
                "article_id": [article.id] * len(weights),
                "feature": list(weights),
                "weight": list(weights.values()),
                "published": [article.published] * len(weights),
            }
        )
        self.con.register("_new_features", table)
        try:
            self.con.execute("INSERT INTO article_features SELECT * FROM _new_features")
            self.con.execute(
                """INSERT INTO feature_df SELECT feature, 1 FROM _new_features
                   ON CONFLICT (feature) DO UPDATE SET df = df + 1"""
            )
        finally:
            self.con.unregister("_new_features")
        return weights

    def _similar_story(
        self, article_id: str, published: dt.date | None, weights: dict[str, float]
    ) -> str | None:
        if not weights:
            return None
        window = self.config.story_window_days
        table = pa.table({"feature": list(weights), "w": list(weights.values())})
        self.con.register("_probe", table)
        try:
            rows = self.con.execute(
                """SELECT a.story_id, sum(f.weight * p.w) AS score
                   FROM article_features f
                   JOIN _probe p ON p.feature = f.feature
                   JOIN articles a ON a.id = f.article_id
                   WHERE f.article_id <> ? AND a.story_id IS NOT NULL
                     AND (CAST(? AS DATE) IS NULL OR f.published IS NULL
                          OR f.published BETWEEN CAST(? AS DATE) - ?::INTEGER
                                             AND CAST(? AS DATE) + ?::INTEGER)
                   GROUP BY f.article_id, a.story_id
                   ORDER BY score DESC, a.story_id LIMIT 1""",
                [article_id, published, published, window, published, window],
            ).fetchall()
        finally:
            self.con.unregister("_probe")
        if rows and rows[0][1] >= self.config.story_similarity:
            return str(rows[0][0])
        return None

    # -- events and quotes ----------------------------------------------------------------

    def _link_events(self, article_id: str, story: str) -> set[str]:
        """Point each event mention of the article at a matching known event; return touched ids."""
        mentions = self.con.execute(
            """SELECT idx, event_id, type, source_actor, target_actor, date, place_id
               FROM event_mentions WHERE article_id = ? ORDER BY idx""",
            [article_id],
        ).fetchall()
        touched = set()
        for idx, own_id, etype, source, target, date, place in mentions:
            self.con.execute("UPDATE events SET story_id = ? WHERE id = ?", [story, own_id])
            match = self._matching_event(own_id, etype, source, target, date, place, story)
            if match is None:
                touched.add(own_id)
                continue
            self.con.execute(
                "UPDATE event_mentions SET event_id = ? WHERE article_id = ? AND idx = ?",
                [match, article_id, idx],
            )
            self.con.execute("DELETE FROM events WHERE id = ?", [own_id])
            touched.add(match)
        return touched

    def _matching_event(
        self,
        own_id: str,
        etype: str,
        source: str | None,
        target: str | None,
        date: dt.date | None,
        place: str | None,
        story: str,
    ) -> str | None:
        """Same type, compatible actors and place, and the same day (± window) or story."""
        rows = self.con.execute(
            """SELECT id FROM events
               WHERE id <> ? AND type = ? AND story_id IS NOT NULL
                 AND (source_actor IS NULL OR ?::VARCHAR IS NULL OR source_actor = ?)
                 AND (target_actor IS NULL OR ?::VARCHAR IS NULL OR target_actor = ?)
                 AND (coalesce(source_actor = ?, false) OR coalesce(target_actor = ?, false)
                      OR story_id = ?)
                 AND (place_id IS NULL OR ?::VARCHAR IS NULL OR place_id = ?)
                 AND CASE WHEN date IS NOT NULL AND ?::DATE IS NOT NULL
                          THEN abs(date_diff('day', date, ?::DATE)) <= ?
                          ELSE story_id = ? END
               ORDER BY (story_id = ?) DESC, (date = ?::DATE) DESC NULLS LAST,
                        confidence DESC, id
               LIMIT 1""",
            [own_id, etype, source, source, target, target, source, target, story,
             place, place, date, date, self.config.event_window_days, story, story, date],
        ).fetchall()  # fmt: skip
        return str(rows[0][0]) if rows else None

    def _link_quotes(self, article_id: str, story: str) -> None:
        """Give each quote the cluster id of the same quote in another article of its story."""
        quotes = self.con.execute(
            "SELECT idx, text FROM quotes WHERE article_id = ? ORDER BY idx", [article_id]
        ).fetchall()
        if not quotes:
            return
        known = self.con.execute(
            """SELECT q.cluster_id, q.text FROM quotes q JOIN articles a ON a.id = q.article_id
               WHERE a.story_id = ? AND q.article_id <> ? AND q.cluster_id IS NOT NULL
               ORDER BY q.cluster_id""",
            [story, article_id],
        ).fetchall()
        for idx, text in quotes:
            cluster = next(
                (
                    cid
                    for cid, other in known
                    if fuzz.token_set_ratio(text, other) >= self.config.quote_similarity
                ),
                f"{article_id}#q{idx}",
            )
            self.con.execute(
                "UPDATE quotes SET cluster_id = ? WHERE article_id = ? AND idx = ?",
                [cluster, article_id, idx],
            )


def refresh_events(con: duckdb.DuckDBPyConnection, event_ids: set[str]) -> None:
    """Recompute mention counts, outlets, first/last seen and merged confidence; drop orphans."""
    if not event_ids:
        return
    ids = sorted(event_ids)
    con.execute(
        """UPDATE events SET num_articles = s.n, num_sources = s.ns, first_seen = s.fs,
                  last_seen = s.ls, confidence = s.conf
           FROM (SELECT m.event_id, count(DISTINCT m.article_id) AS n,
                        count(DISTINCT a.outlet) AS ns,
                        min(coalesce(CAST(a.published AS TIMESTAMP), a.ingested_at)) AS fs,
                        max(coalesce(CAST(a.published AS TIMESTAMP), a.ingested_at)) AS ls,
                        1 - product(1 - least(m.confidence, 0.99)) AS conf
                 FROM event_mentions m JOIN articles a ON a.id = m.article_id
                 WHERE list_contains(?, m.event_id) GROUP BY m.event_id) AS s
           WHERE events.id = s.event_id""",
        [ids],
    )
    con.execute(
        """DELETE FROM events WHERE list_contains(?, id)
           AND id NOT IN (SELECT event_id FROM event_mentions)""",
        [ids],
    )


def refresh_stories(con: duckdb.DuckDBPyConnection, story_ids: set[str]) -> None:
    """Rebuild the rows of the given stories from their articles."""
    if not story_ids:
        return
    ids = sorted(story_ids)
    con.execute("DELETE FROM stories WHERE list_contains(?, id)", [ids])
    con.execute(
        """INSERT INTO stories
           SELECT story_id, arg_min(coalesce(title, left(body, 120)),
                                    coalesce(CAST(published AS TIMESTAMP), ingested_at)),
                  count(*), count(DISTINCT outlet),
                  min(coalesce(CAST(published AS TIMESTAMP), ingested_at)),
                  max(coalesce(CAST(published AS TIMESTAMP), ingested_at))
           FROM articles WHERE list_contains(?, story_id) GROUP BY story_id""",
        [ids],
    )
