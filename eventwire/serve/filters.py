"""Filters of the API's listings (and so of the web UI, whose URL carries the same names).

A query string is split as in datasette: names that start with ``_`` are controls (paging,
sort, grouping), the others are filters. Every filter name is checked against the listing's
own list and every value is bound as a parameter: user input never becomes SQL text. Text
filters are case-insensitive. ``actor`` takes a name or an id: a name is matched through the
knowledge base's names and aliases ("Hizbollah", "RSF", "the U.S."), then the store's own
actor names; ``q`` is a free-text search (every word, or "quoted phrase", must occur), done
with plain string functions, so it needs no DuckDB extension.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.resolve.kb import KnowledgeBase, load_knowledge_base, normalise
from eventwire.serve.reader import Cursor, fetch_dicts

# name -> what it does (shown in the OpenAPI description and the UI's help)
EVENT_FILTERS: dict[str, str] = {
    "q": 'words that must all occur in the evidence, actor texts or place ("quoted phrase" kept whole)',
    "actor": "actor name or id, as source or target; names match the knowledge base's aliases",
    "source": "actor name or id, as source",
    "target": "actor name or id, as target",
    "type": "PLOVER type, any case; repeat or comma-separate for several",
    "modality": "actual, threatened, negated, hypothetical, alleged; several allowed",
    "country": "ISO 3166-1 alpha-3 code or country name of the event's place; several allowed",
    "place": "place name (part of it, any case) or place id",
    "outlet": "outlet of any article that reports the event (part of the name, any case)",
    "since": "first day (YYYY-MM-DD) of the event's date, or of its first report when undated",
    "until": "last day (YYYY-MM-DD), same date as since",
    "min_confidence": "lowest calibrated confidence, 0-1",
    "story": "story cluster id",
    "article": "id of an article that reports the event",
}
QUOTE_FILTERS: dict[str, str] = {
    "q": "words that must all occur in the quote, its speaker or its cue",
    "actor": "speaker: actor name or id (knowledge-base aliases match)",
    "kind": "speech, accusation, threat, demand, stance, topic, report; several allowed",
    "outlet": "the article's outlet (part of the name, any case)",
    "reported_by": "outlet the quote is relied on from (part of the name, any case)",
    "since": "first day (YYYY-MM-DD) of the article",
    "until": "last day (YYYY-MM-DD) of the article",
    "story": "story cluster id",
    "article": "article id",
}
MULTI = frozenset({"type", "modality", "country", "kind"})  # code-like values: "a,b" is two
_TERM = re.compile(r'"([^"]+)"|(\S+)')


class FilterError(ValueError):
    """A filter name or value the listing does not take (an HTTP 400)."""


@dataclass(slots=True)
class Filters:
    """The filter values of one request, checked against a listing's filter names."""

    values: dict[str, list[str]]

    @classmethod
    def parse(cls, items: Iterable[tuple[str, str]], allowed: Mapping[str, str]) -> Filters:
        values: dict[str, list[str]] = {}
        unknown: list[str] = []
        for name, raw in items:
            if name.startswith("_"):
                continue
            if name not in allowed:
                unknown.append(name)
                continue
            parts = raw.split(",") if name in MULTI else [raw]
            values.setdefault(name, []).extend(p.strip() for p in parts if p.strip())
        if unknown:
            raise FilterError(
                f"unknown filter(s) {', '.join(sorted(set(unknown)))}; filters: {', '.join(allowed)}"
            )
        return cls({k: v for k, v in values.items() if v})

    def one(self, name: str) -> str | None:
        found = self.values.get(name)
        return found[-1] if found else None

    def many(self, name: str) -> list[str]:
        return list(dict.fromkeys(self.values.get(name, [])))

    def date(self, name: str) -> dt.date | None:
        value = self.one(name)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise FilterError(f"{name}={value!r} is not a date in YYYY-MM-DD form") from None

    def number(self, name: str, low: float, high: float) -> float | None:
        value = self.one(name)
        if value is None:
            return None
        try:
            number = float(value)
        except ValueError:
            raise FilterError(f"{name}={value!r} is not a number") from None
        if not low <= number <= high:
            raise FilterError(f"{name}={value!r} is not between {low:g} and {high:g}")
        return number

    def without(self, *names: str) -> Filters:
        return Filters({k: v for k, v in self.values.items() if k not in names})


@dataclass(slots=True)
class Where:
    """A WHERE clause under construction: SQL text with ``?`` and the values they bind."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    resolved: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # actor names -> ids
    notes: list[str] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    @property
    def sql(self) -> str:
        return " AND ".join(f"({c})" for c in self.clauses) or "TRUE"


def terms(query: str) -> list[str]:
    """Search terms, lower case: words, and "quoted phrases" kept whole."""
    return [(phrase or word).lower() for phrase, word in _TERM.findall(query) if (phrase or word).strip()]


class ActorNames:
    """Actor names and country names to ids, through the knowledge base and the store."""

    def __init__(self, kb_files: tuple[Path, ...] = ()) -> None:
        self.kb_files = kb_files
        self._kb: KnowledgeBase | None = None
        self._lock = threading.Lock()

    @property
    def kb(self) -> KnowledgeBase:
        with self._lock:
            if self._kb is None:
                self._kb = load_knowledge_base(self.kb_files)
            return self._kb

    def warm(self) -> None:
        """Load the knowledge base in the background (about a second), before a filter needs it."""
        threading.Thread(target=lambda: self.kb, name="load-kb", daemon=True).start()

    def ids(self, cur: Cursor, value: str) -> list[str]:
        """Actor ids a name (any case, an alias, a spelling variant) or an id stands for."""
        text, low = value.strip(), value.strip().lower()
        exact = "SELECT id FROM actors WHERE lower(id) = ? OR lower(name) = ?"
        found = {r["id"] for r in fetch_dicts(cur, exact, [low, low])}
        kb = self.kb
        key = normalise(text)
        for index in (kb.names, kb.demonyms):
            if key in index:
                found.add(index[key])
        if text.upper() in kb.acronyms:
            found.add(kb.acronyms[text.upper()])
        if not found and text:
            match = kb.lookup(text[:1].upper() + text[1:])  # fuzzy: "Hizbulla"
            if match is not None:
                found.add(match.record.id)
        if not found and text:
            partial = (
                "SELECT id FROM actors WHERE contains(lower(name), ?) OR contains(lower(id), ?) LIMIT 50"
            )
            found = {r["id"] for r in fetch_dicts(cur, partial, [low, low])}
        return sorted(found)

    def countries(self, value: str) -> list[str]:
        """ISO3 codes for a code or a country name, alias or demonym ("sdn", "Sudanese")."""
        text = value.strip()
        if len(text) == 3 and text.isalpha():
            return [text.upper()]
        key = normalise(text)
        kb = self.kb
        actor_id = kb.names.get(key) or kb.demonyms.get(key)
        record = kb.get(actor_id) if actor_id else None
        if record is not None and record.id.startswith("country:") and record.country:
            return [record.country]
        return [text.upper()]

    def labelled(self, cur: Cursor, ids: list[str]) -> list[dict[str, Any]]:
        names = {
            r["id"]: r["name"]
            for r in fetch_dicts(cur, "SELECT id, name FROM actors WHERE list_contains(?, id)", [ids])
        }
        out = []
        for actor_id in ids:
            record = self.kb.get(actor_id)
            out.append({"id": actor_id, "name": names.get(actor_id) or (record.name if record else actor_id)})
        return out


def _actor_clause(
    where: Where, cur: Cursor, names: ActorNames, name: str, value: str, columns: list[str]
) -> None:
    ids = names.ids(cur, value)
    where.resolved.setdefault(name, []).extend(names.labelled(cur, ids))
    if not ids:
        where.notes.append(f"no actor matches {value!r}")
    where.add(" OR ".join(f"list_contains(?::VARCHAR[], {c})" for c in columns), *([ids] * len(columns)))


def _text_clause(where: Where, query: str, haystack: str, extra: str | None = None) -> None:
    """Every term in ``haystack`` (an SQL expression), or in ``extra`` (an SQL condition on ?)."""
    for term in terms(query):
        if extra:
            where.add(f"contains(lower({haystack}), ?) OR {extra}", term, term)
        else:
            where.add(f"contains(lower({haystack}), ?)", term)


EVENT_TEXT = "concat_ws(' ', e.evidence, e.source_text, e.target_text, e.place_name, e.type)"
EVENT_TIME = "coalesce(e.date, e.day)"  # the event's date, else the day it was first reported


def event_where(filters: Filters, cur: Cursor, names: ActorNames) -> Where:
    """The WHERE clause over ``events e`` for these filters."""
    where = Where()
    if query := filters.one("q"):
        in_mentions = "e.id IN (SELECT event_id FROM event_mentions WHERE contains(lower(evidence), ?))"
        _text_clause(where, query, EVENT_TEXT, in_mentions)
    for name, columns in (("actor", ["e.source_actor", "e.target_actor"]), ("source", ["e.source_actor"]),
                          ("target", ["e.target_actor"])):  # fmt: skip
        for value in filters.many(name):
            _actor_clause(where, cur, names, name, value, columns)
    if types := filters.many("type"):
        where.add("list_contains(?::VARCHAR[], e.type)", [t.upper() for t in types])
    if modalities := filters.many("modality"):
        where.add("list_contains(?::VARCHAR[], e.modality)", [m.lower() for m in modalities])
    if countries := filters.many("country"):
        codes = sorted({code for value in countries for code in names.countries(value)})
        where.add("list_contains(?::VARCHAR[], e.country)", codes)
    if place := filters.one("place"):
        where.add("contains(lower(e.place_name), ?) OR lower(e.place_id) = ?", place.lower(), place.lower())
    for outlet in filters.many("outlet"):
        where.add(
            "e.id IN (SELECT m.event_id FROM event_mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE contains(lower(a.outlet), ?))",
            outlet.lower(),
        )
    if (since := filters.date("since")) is not None:
        where.add(f"{EVENT_TIME} >= ?", since)
    if (until := filters.date("until")) is not None:
        where.add(f"{EVENT_TIME} <= ?", until)
    if (confidence := filters.number("min_confidence", 0.0, 1.0)) is not None:
        where.add("e.confidence >= ?", confidence)
    if story := filters.one("story"):
        where.add("e.story_id = ?", story)
    if article := filters.one("article"):
        where.add("e.id IN (SELECT event_id FROM event_mentions WHERE article_id = ?)", article)
    return where


def quote_where(filters: Filters, cur: Cursor, names: ActorNames) -> Where:
    """The WHERE clause over ``quotes qt JOIN articles a`` for these filters."""
    where = Where()
    if query := filters.one("q"):
        _text_clause(where, query, "concat_ws(' ', qt.text, qt.speaker_text, qt.cue)")
    for value in filters.many("actor"):
        _actor_clause(where, cur, names, "actor", value, ["qt.speaker_actor"])
    if kinds := filters.many("kind"):
        where.add("list_contains(?::VARCHAR[], coalesce(qt.kind, 'speech'))", [k.lower() for k in kinds])
    for outlet in filters.many("outlet"):
        where.add("contains(lower(a.outlet), ?)", outlet.lower())
    for outlet in filters.many("reported_by"):
        where.add("contains(lower(qt.reported_by), ?)", outlet.lower())
    if (since := filters.date("since")) is not None:
        where.add("a.day >= ?", since)
    if (until := filters.date("until")) is not None:
        where.add("a.day <= ?", until)
    if story := filters.one("story"):
        where.add("a.story_id = ?", story)
    if article := filters.one("article"):
        where.add("qt.article_id = ?", article)
    return where


def order_by(sort: str | None, columns: list[str], alias: str, default: str) -> str:
    """``ORDER BY`` for ``_sort=column`` or ``_sort=-column`` (descending); names are checked."""
    if not sort:
        return default
    name = sort.removeprefix("-")
    if name not in columns:
        raise FilterError(f"cannot sort by {name!r}; columns: {', '.join(columns)}")
    direction = "DESC" if sort.startswith("-") else "ASC"
    return f'{alias}."{name}" {direction} NULLS LAST, {default}'
