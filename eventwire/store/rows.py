"""Flatten an :class:`Analysis` into rows of the DuckDB tables (docs/schema.md)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from eventwire.models import Analysis, Event, Mention, Span

Row = dict[str, Any]

# Tables that hold one article's rows, in the order they are written and deleted.
ARTICLE_TABLES = (
    "articles", "entities", "actor_mentions", "place_mentions",
    "quotes", "cited_sources", "event_mentions",
)  # fmt: skip


def article_rows(analysis: Analysis, ingested_at: dt.datetime) -> dict[str, list[Row]]:
    """Rows per table for one article; canonical actors/places/events are returned too."""
    art = analysis.article
    aid = art.id
    day = art.published or ingested_at.date()
    rows: dict[str, list[Row]] = {
        "articles": [
            {
                "id": aid, "content_hash": art.content_hash, "title": art.title,
                "image_slug": art.image_slug, "caption": art.caption,
                "photo_credit": art.photo_credit, "published": art.published,
                "language": art.language, "url": art.url, "outlet": art.outlet,
                "origin": art.origin, "body": art.body, "text": art.text,
                "sections": json.dumps({k: list(v) for k, v in art.sections.items()}),
                "warnings": json.dumps(art.warnings), "ingested_at": ingested_at,
                "day": art.published or ingested_at.date(),
            }
        ],
        "entities": [
            {"article_id": aid, "idx": i, "text": e.text, "label": e.label,
             "start_char": e.start, "end_char": e.end, "section": e.section.value}
            for i, e in enumerate(analysis.entities)
        ],
        "actors": [
            {"id": a.id, "name": a.name, "kind": a.kind, "country": a.country,
             "sectors": list(a.sectors), "wikidata": a.wikidata, "known": a.known}
            for a in analysis.actors
        ],
        "actor_mentions": [
            {"article_id": aid, "actor_id": a.id, **_span(m)}
            for a in analysis.actors for m in a.mentions
        ],
        "places": [
            {"id": p.id, "name": p.name, "feature_type": p.feature_type, "country": p.country,
             "admin1": p.admin1, "lat": p.lat, "lon": p.lon}
            for p in analysis.places
        ],
        "place_mentions": [
            {"article_id": aid, "place_id": p.id, **_span(m)}
            for p in analysis.places for m in p.mentions
        ],
        # statements first (Event.quote indexes them), then the other attributed contents
        "quotes": [
            {**_quote_row(aid, i, q), "day": day}
            for i, q in enumerate([*analysis.quotes, *analysis.attributions])
        ],
        "cited_sources": [
            {"article_id": aid, "name": s.name, "actor_id": s.actor,
             "mentions": json.dumps([[m.start, m.end] for m in s.mentions])}
            for s in analysis.cited_sources
        ],
        "event_mentions": [
            {**_event_mention_row(aid, i, e), "day": day} for i, e in enumerate(analysis.events)
        ],
    }  # fmt: skip
    rows["events"] = [
        _event_row(m, e, art.outlet, ingested_at)
        for m, e in zip(rows["event_mentions"], analysis.events, strict=True)
    ]
    return rows


def event_id(article_id: str, idx: int) -> str:
    """Id of the event a mention starts; dedup may later point the mention at another one."""
    return f"{article_id}#e{idx}"


def _span(span: Span) -> Row:
    return {"text": span.text, "start_char": span.start, "end_char": span.end}


def _mention(prefix: str, mention: Mention | None) -> Row:
    if mention is None:
        return {f"{prefix}_text": None, f"{prefix}_start": None, f"{prefix}_end": None,
                f"{prefix}_actor": None}  # fmt: skip
    return {
        f"{prefix}_text": mention.text, f"{prefix}_start": mention.start,
        f"{prefix}_end": mention.end, f"{prefix}_actor": mention.actor,
    }  # fmt: skip


def _quote_row(aid: str, idx: int, quote: Any) -> Row:
    cue = quote.cue
    return {
        "article_id": aid, "idx": idx, "text": quote.text, "start_char": quote.start,
        "end_char": quote.end, "direct": quote.direct, **_mention("speaker", quote.speaker),
        "cue": cue.text if cue else None, "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None, "reported_by": quote.reported_by,
        "section": quote.section.value, "kind": quote.kind,
    }  # fmt: skip


def _event_mention_row(aid: str, idx: int, event: Event) -> Row:
    place = event.place
    return {
        "event_id": event_id(aid, idx), "article_id": aid, "idx": idx,
        "type": event.type, "cameo": event.cameo, "modality": event.modality.value,
        "alleged": event.alleged, **_mention("source", event.source),
        **_mention("target", event.target), "date": event.date,
        "date_precision": event.date_precision,
        "date_text": event.date_evidence.text if event.date_evidence else None,
        "place_id": place.place if place else None, "place_name": place.name if place else None,
        "place_precision": place.precision if place else None,
        "confidence": event.confidence, "reported_by": event.reported_by,
        "quote_idx": event.quote, "section": event.section.value,
        "evidence": event.evidence.text, "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end, "trigger": event.trigger.text,
        "trigger_start": event.trigger.start, "trigger_end": event.trigger.end,
        "other_mentions": json.dumps([[m.start, m.end] for m in event.mentions]),
    }  # fmt: skip


def _event_row(mention: Row, event: Event, outlet: str | None, seen: dt.datetime) -> Row:
    place = event.place
    return {
        "id": mention["event_id"], "type": event.type, "cameo": event.cameo,
        "modality": event.modality.value, "alleged": event.alleged,
        "source_actor": mention["source_actor"], "source_text": mention["source_text"],
        "target_actor": mention["target_actor"], "target_text": mention["target_text"],
        "date": event.date, "date_precision": event.date_precision,
        "place_id": place.place if place else None, "place_name": place.name if place else None,
        "place_precision": place.precision if place else None,
        "country": place.country if place else None, "lat": place.lat if place else None,
        "lon": place.lon if place else None, "confidence": event.confidence,
        "num_articles": 1, "num_sources": 1 if outlet else 0,
        "first_seen": seen, "last_seen": seen, "evidence": event.evidence.text,
        "day": mention["day"],
    }  # fmt: skip
