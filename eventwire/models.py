"""The typed records that flow between pipeline stages.

Every extracted field points back to the article with character offsets into
``Article.text`` (the full text as read), so a user can always see why a value
was produced. Records are plain dataclasses: cheap to build in the hot path and
trivially turned into JSON rows by :func:`to_jsonable`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import accumulate
from typing import Any


class Section(StrEnum):
    """Which part of an article a span comes from; captions are never the story."""

    TITLE = "title"
    CAPTION = "caption"
    BODY = "body"


class Modality(StrEnum):
    ACTUAL = "actual"
    THREATENED = "threatened"  # threatened or intended
    NEGATED = "negated"  # denied or negated
    HYPOTHETICAL = "hypothetical"  # conditional, hypothetical, requested
    ALLEGED = "alleged"  # hedged report: allegedly, reportedly, is accused of


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of evidence: the exact text and its offsets into ``Article.text``."""

    text: str
    start: int
    end: int

    def __reduce__(self) -> tuple[type[Span], tuple[str, int, int]]:
        """Pickled as a constructor call: a frozen slotted dataclass otherwise pickles through
        ``dataclasses``' generic state functions, which call ``fields()`` for every Span
        (analyses cross processes with thousands of them)."""
        return Span, (self.text, self.start, self.end)


@dataclass(slots=True)
class Article:
    """One news article as read, split into its parts.

    ``text`` is the whole text all offsets refer to; ``title``, ``caption``,
    ``body`` etc. are views of it, with their offsets in ``sections``.
    """

    id: str
    text: str
    body: str
    title: str | None = None
    image_slug: str | None = None
    caption: str | None = None
    photo_credit: str | None = None
    published: dt.date | None = None
    language: str | None = None
    url: str | None = None
    outlet: str | None = None
    origin: str = ""  # where it was read from: path, path:line, "<stdin>"
    content_hash: str = ""
    sections: dict[str, tuple[int, int]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    boilerplate: list[tuple[int, int]] = field(default_factory=list)  # link/label lines of the body
    _furniture: _Furniture | None = field(
        default=None, init=False, repr=False, compare=False, metadata={"internal": True}
    )

    @property
    def is_english(self) -> bool:
        return self.language in (None, "en")

    def in_boilerplate(self, offset: int) -> bool:
        """Whether ``offset`` falls in a furniture line ("MORE: ...", "Related ...")."""
        furniture = self._furniture
        if furniture is None or not furniture.indexes(self.boilerplate):
            furniture = self._furniture = _Furniture(self.boilerplate)
        return furniture.holds(offset)


class _Furniture:
    """The boilerplate lines by start, with the furthest end so far: one bisection per
    offset (the event stage asks for every sentence; walking every line was quadratic).
    Built again when ``Article.boilerplate`` is replaced or grows."""

    __slots__ = ("lines", "count", "starts", "reach")

    def __init__(self, lines: list[tuple[int, int]]) -> None:
        self.lines, self.count = lines, len(lines)
        ordered = sorted(lines)
        self.starts = [start for start, _ in ordered]
        self.reach = list(accumulate((end for _, end in ordered), max))

    def indexes(self, lines: list[tuple[int, int]]) -> bool:
        return lines is self.lines and len(lines) == self.count

    def holds(self, offset: int) -> bool:
        earlier = bisect_right(self.starts, offset)  # the lines starting by ``offset``
        return earlier > 0 and self.reach[earlier - 1] > offset


@dataclass(slots=True)
class Entity:
    """A named-entity mention from the NLP stage."""

    text: str
    label: str
    start: int
    end: int
    section: Section = Section.BODY


UNKNOWN_ACTOR_PREFIX = "unk:"  # ids of actors kept with their text, not in the knowledge base


def known_actor_id(actor_id: str | None) -> str | None:
    """The id when it names a knowledge-base actor; None for no actor or an unknown one."""
    return actor_id if actor_id and not actor_id.startswith(UNKNOWN_ACTOR_PREFIX) else None


@dataclass(slots=True)
class Actor:
    """A canonical actor: a knowledge-base record or an unknown kept with its text."""

    id: str  # KB id (e.g. "isis", "country:ISR", "person:israel-katz") or "unk:<slug>"
    name: str
    kind: str  # country, person, armed_group, party, igo, media, government_body, group...
    country: str | None = None  # ISO 3166-1 alpha-3
    sectors: list[str] = field(default_factory=list)  # CAMEO-style: GOV, MIL, REB, MED...
    wikidata: str | None = None
    known: bool = True  # False when not in the knowledge base
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Mention:
    """An actor as it appears in a quote or event: the words, and who they resolve to."""

    text: str
    start: int
    end: int
    actor: str | None = None  # Actor.id
    country: str | None = None
    sectors: list[str] = field(default_factory=list)

    def copy(self) -> Mention:
        """The same words and actor, with a sectors list of its own: a side filled from
        another event's must not change with it."""
        return Mention(self.text, self.start, self.end, self.actor, self.country, list(self.sectors))


@dataclass(slots=True)
class Place:
    """A gazetteer record with the spans that mention it."""

    id: str  # "geonames:<id>", "country:<ISO3>", "ew:<slug>" or "unk:<slug>"
    name: str
    feature_type: str  # country, region, city, camp, territory, ...
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class PlaceRef:
    """Where an event happened, and how directly the text says so."""

    place: str  # Place.id
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str  # exact, nearest, dateline, country-only
    evidence: Span | None = None


@dataclass(slots=True)
class CitedSource:
    """An outlet the article relies on ("Reuters reported", "according to the Times")."""

    name: str  # canonical outlet name
    actor: str | None  # Actor.id of the outlet
    mentions: list[Span] = field(default_factory=list)


QUOTE_KINDS = ("speech", "accusation", "threat", "demand", "stance", "topic", "report")


@dataclass(slots=True)
class Quote:
    """What someone stated (``kind`` "speech", in ``Analysis.quotes``), or another content
    attributed to a source (in ``Analysis.attributions``; kinds in docs/schema.md)."""

    text: str
    start: int
    end: int
    direct: bool
    speaker: Mention | None = None
    cue: Span | None = None
    reported_by: str | None = None  # CitedSource.name
    section: Section = Section.BODY
    kind: str = "speech"  # one of QUOTE_KINDS
    # The speaker's own words inside a reported clause that states them: a direct quote for
    # the event stages, folded into the clause before output (extract/quotes.py); not output.
    in_clause: bool = field(default=False, metadata={"internal": True})


@dataclass(slots=True)
class JudgedAct:
    """The act a judgement is about when its phrase does not say who did it ("condemned the
    killing of a policeman"): its PLOVER type and trigger, for the discourse to name the doer."""

    type: str
    trigger: Span


# An event's date_precision: "story" is a day the story tells (its lede's, or its publication
# day), not said of the act itself (resolve/story_dates.py); a weak day.
DATE_PRECISIONS = ("day", "story", "month", "year", "unknown")
DAY_PRECISIONS = frozenset({"day", "story"})


@dataclass(slots=True)
class Event:
    type: str  # PLOVER type
    cameo: str | None
    evidence: Span
    trigger: Span
    source: Mention | None = None
    target: Mention | None = None
    modality: Modality = Modality.ACTUAL
    alleged: bool = False
    date: dt.date | None = None
    date_precision: str = "unknown"  # one of DATE_PRECISIONS
    date_evidence: Span | None = None
    place: PlaceRef | None = None
    confidence: float = 0.5
    reported_by: str | None = None
    quote: int | None = None  # index into Analysis.quotes when said inside a quote
    section: Section = Section.BODY
    mentions: list[Span] = field(default_factory=list)  # other reports of this act in the article
    # What the extractor saw (pattern, clause, position), for the event scorer; not output.
    signals: dict[str, float] = field(default_factory=dict, metadata={"internal": True})
    # Whom the discourse may name as the target (resolve/implicit_args.py): the act judged
    # ("condemned the killing"), or what a response answers: "act" ("Mexico refused"),
    # "words" ("the rebels dismissed the claim").
    judged: JudgedAct | None = field(default=None, metadata={"internal": True})
    answers: str | None = field(default=None, metadata={"internal": True})
    # An event noun told without its participants ("the talks", "larger protests"): the
    # discourse names them (resolve/implicit_args.py) or the event is dropped.
    open_sides: bool = field(default=False, metadata={"internal": True})


@dataclass(slots=True)
class Analysis:
    """Everything known about one article; each stage reads some fields and fills others."""

    article: Article
    docs: list[Any] = field(default_factory=list)  # nlp.SectionDoc, kept untyped to avoid a spaCy import
    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)  # statements: kind "speech" only
    attributions: list[Quote] = field(default_factory=list)  # other attributed contents (not quotes)
    cited_sources: list[CitedSource] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # What deduplication compares (eventwire.dedup.fingerprint): base feature weights and
    # the MinHash signature of the body. Computed in the pipeline, so in worker processes.
    features: dict[str, float] = field(default_factory=dict)
    signature: bytes | None = None

    def to_dict(self) -> dict[str, Any]:
        """The documented output record (docs/schema.md)."""
        art = self.article
        article = {
            "id": art.id,
            "title": art.title,
            "image_slug": art.image_slug,
            "caption": art.caption,
            "photo_credit": art.photo_credit,
            "published": art.published.isoformat() if art.published else None,
            "language": art.language,
            "url": art.url,
            "outlet": art.outlet,
            "origin": art.origin,
            "content_hash": art.content_hash,
            "sections": {k: list(v) for k, v in art.sections.items()},
            "boilerplate": [list(span) for span in art.boilerplate],
            "warnings": list(art.warnings),
            "body": art.body,
            "text": art.text,
        }
        return {
            "article": article,
            "entities": to_jsonable(self.entities),
            "actors": to_jsonable(self.actors),
            "places": to_jsonable(self.places),
            "quotes": to_jsonable(self.quotes),
            "attributions": to_jsonable(self.attributions),
            "cited_sources": to_jsonable(self.cited_sources),
            "events": to_jsonable(self.events),
        }


def to_jsonable(value: Any) -> Any:
    """Dataclasses, enums and dates to plain JSON types (fast path for lists of records)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_jsonable(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not f.metadata.get("internal")
        }
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
