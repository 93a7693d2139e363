"""Whole-article gold (eval/articles/): load and validate, without running the pipeline.

The format and the coding rules are in ``eval/articles/README.md``. Validation is strict
because a gold string that is not in the text silently turns into a miss: every evidence
and quote content must be an exact substring of the article, types and modalities must be
known, and ids unique. ``python -m eventwire.evaluate.article_gold FILE...`` checks files.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import InputError

PLOVER_TYPES = frozenset(
    [
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    ]
)
MODALITIES = frozenset({"actual", "alleged", "threatened", "negated", "hypothetical"})


@dataclass(frozen=True, slots=True)
class GoldActor:
    name: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class GoldSpan:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class GoldEvent:
    type: str
    source: GoldActor | None
    target: GoldActor | None
    modality: str
    evidence: list[GoldSpan]
    date: str | None = None
    place: str | None = None
    cameo: str | None = None


@dataclass(slots=True)
class GoldQuote:
    speaker: str | None
    speaker_text: str | None
    content: GoldSpan
    direct: bool
    cue: str | None = None


@dataclass(slots=True)
class GoldArticle:
    id: str
    text: str
    published: str | None
    outlet: str | None
    source_url: str | None
    events: list[GoldEvent] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)
    cited_sources: list[str] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)


def _span(text: str, needle: Any, origin: str, what: str, after: int = 0) -> GoldSpan:
    if not isinstance(needle, str) or not needle.strip():
        raise InputError(origin, f"{what} must be a non-empty string")
    at = text.find(needle, after)
    if at < 0:
        at = text.find(needle)
    if at < 0:
        raise InputError(origin, f"{what} {needle!r} is not an exact substring of the text")
    return GoldSpan(needle, at, at + len(needle))


def _actor(value: Any, origin: str) -> GoldActor | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("name"), str) or not value["name"].strip():
        raise InputError(origin, "an actor is null or an object with a 'name' string")
    country = value.get("country")
    if country is not None and (not isinstance(country, str) or len(country) != 3 or not country.isupper()):
        raise InputError(origin, f"actor country {country!r} is not an ISO alpha-3 code")
    return GoldActor(value["name"].strip(), country)


def _event(raw: Any, text: str, origin: str) -> GoldEvent:
    if not isinstance(raw, dict):
        raise InputError(origin, "an event must be an object")
    if raw.get("type") not in PLOVER_TYPES:
        raise InputError(origin, f"unknown PLOVER type {raw.get('type')!r}")
    modality = raw.get("modality", "actual")
    if modality not in MODALITIES:
        raise InputError(origin, f"unknown modality {modality!r} (one of {', '.join(sorted(MODALITIES))})")
    evidence = raw.get("evidence")
    if isinstance(evidence, str):
        evidence = [evidence]
    if not isinstance(evidence, list) or not evidence:
        raise InputError(origin, "'evidence' must be a non-empty list of substrings of the text")
    source, target = _actor(raw.get("source"), origin), _actor(raw.get("target"), origin)
    if source is None and target is None:
        raise InputError(origin, "an event needs an actor on at least one side (coding rule 3)")
    return GoldEvent(
        type=raw["type"],
        source=source,
        target=target,
        modality=modality,
        evidence=[_span(text, e, origin, "evidence") for e in evidence],
        date=raw.get("date"),
        place=raw.get("place"),
        cameo=str(raw["cameo"]) if raw.get("cameo") is not None else None,
    )


def _quote(raw: Any, text: str, origin: str) -> GoldQuote:
    if not isinstance(raw, dict):
        raise InputError(origin, "a quote must be an object")
    return GoldQuote(
        speaker=raw.get("speaker"),
        speaker_text=raw.get("speaker_text"),
        content=_span(text, raw.get("content"), origin, "quote content"),
        direct=bool(raw.get("direct", False)),
        cue=raw.get("cue"),
    )


def parse_article(raw: Any, origin: str) -> GoldArticle:
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or not raw["text"].strip():
        raise InputError(origin, "each line needs an object with a non-empty 'text' string")
    if not isinstance(raw.get("id"), str):
        raise InputError(origin, "each article needs an 'id' string")
    text = raw["text"]
    events = [_event(e, text, f"{origin} event {i}") for i, e in enumerate(raw.get("events") or [], start=1)]
    quotes = [_quote(q, text, f"{origin} quote {i}") for i, q in enumerate(raw.get("quotes") or [], start=1)]
    return GoldArticle(
        id=raw["id"],
        text=text,
        published=raw.get("published"),
        outlet=raw.get("outlet"),
        source_url=raw.get("source_url"),
        events=events,
        quotes=quotes,
        cited_sources=list(raw.get("cited_sources") or []),
        raw=raw,
    )


def load(path: Path) -> list[GoldArticle]:
    """Articles of one JSONL file; any bad line is an InputError naming file, line and problem."""
    articles: list[GoldArticle] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            origin = f"{path}:{number}"
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(origin, f"malformed JSON ({exc.msg})") from None
            article = parse_article(raw, origin)
            if article.id in seen:
                raise InputError(origin, f"duplicate article id {article.id!r}")
            seen.add(article.id)
            articles.append(article)
    return articles


def main(argv: list[str]) -> int:
    status = 0
    for name in argv:
        try:
            articles = load(Path(name))
        except (InputError, OSError) as exc:
            print(f"error: {exc}")
            status = 1
            continue
        events = sum(len(a.events) for a in articles)
        quotes = sum(len(a.quotes) for a in articles)
        types = sorted({e.type for a in articles for e in a.events})
        summary = f"{len(articles)} articles, {events} events, {quotes} quotes"
        print(f"{name}: ok, {summary}; types: {' '.join(types)}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
