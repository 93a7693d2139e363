"""Grounding stage: where and when each event happened.

Place, in order (``PlaceRef.precision``):
- ``exact``: a place mention in the event trigger's syntactic subtree, reached through a
  locative preposition ("in Gaza", "into Israel", "out of the region"); "the region",
  "the territory", "the enclave" there refer back to the last region-like place mentioned
  before the trigger; never the point a distance is measured from ("300 km from Lahore"),
  nor, for an act said or imposed from afar (an accusation, a demand, sanctions), a
  capital that is its source or target ("Moscow condemns Washington");
- ``nearest``: the place mention closest to the trigger in the same sentence;
- ``dateline``: the place of the article's dateline ("KHARKIV, Ukraine -");
- ``country-only``: the country of the target, else of the source actor.

Date (``date_precision`` day, month, year or unknown): a DATE entity of the trigger's
sentence that :mod:`eventwire.resolve.event_dates` attaches to the event by the dependency
parse (its own clause first, then a clause that holds it; the day a reporting verb gives,
"said on Saturday", and dates of nearby clauses only weakly; never another act's date),
nearest first within a rank, normalised against the publication date by
:mod:`eventwire.resolve.dates` (past tense unless the trigger is governed by will/would/
shall); never defaulted to the publication date, and a dateline's date ("QUITO, Jun 14
(EFE).-") is no event's. Without a publication date, unknown.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from typing import Any

from eventwire.config import PipelineConfig
from eventwire.extract.event_actors import done_at_a_place
from eventwire.models import Analysis, Entity, Event, Place, PlaceRef, Section, Span
from eventwire.nlp.columns import columns, ids
from eventwire.nlp.datelines import dateline_at, is_dateline_date
from eventwire.nlp.tree import children, ordered_subtree_at
from eventwire.resolve.dates import publication_date_from_text, resolve_date
from eventwire.resolve.event_dates import OWN, WEAK, Attachment, DateAttacher, own_clause_at
from eventwire.resolve.gazetteer import Gazetteer
from eventwire.resolve.places import region_like

LOCATIVE_PREPS = frozenset(
    [
        "in",
        "into",
        "inside",
        "near",
        "across",
        "at",
        "from",
        "on",
        "out",
        "of",
        "toward",
        "towards",
        "within",
        "outside",
        "throughout",
        "around",
    ]
)
# Prepositions that, inside an actor's phrase, say where the actor is ("the embassy in Nairobi").
_LOCATING = LOCATIVE_PREPS - {"of", "from", "on", "at"}
ANAPHORIC_PLACES = frozenset({"region", "territory", "enclave", "strip", "area", "country"})
_SPOKEN = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "SANCTION"})
_DISTANCE_UNITS = frozenset(
    {"km", "kms", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters"}
    | {"yards"}
)
# Words between a distance and the place it is measured from: "away", a bearing.
_BEARINGS = frozenset(
    {"away", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
    | {"north-east", "north-west", "south-east", "south-west", "northern", "southern", "eastern", "western"}
)
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
# The words of a present "be ... to" that tells an act still to come: "is due to meet",
# "are set to sign", "is scheduled to vote", "is expected to announce", "are going to hold".
SCHEDULED = frozenset({"due", "set", "scheduled", "slated", "expected", "poised", "going", "about"})


class GroundingStage:
    """Reads ``events``, ``places``, ``entities``, ``docs``; writes each event's place and date."""

    name = "grounding"

    def __init__(self, config: PipelineConfig) -> None:
        self.gazetteer = Gazetteer(config.gazetteer_files)
        self.dates = DateAttacher()

    def __call__(self, analysis: Analysis) -> Analysis:
        article = analysis.article
        body = next((d for d in analysis.docs if d.section is Section.BODY), None)
        if body is None:
            return analysis
        body_text = body.text
        if article.published is None:
            article.published = publication_date_from_text(body_text)
        grounded = []
        for event in analysis.events:
            trigger = body.token_at(event.trigger.start) if event.section is Section.BODY else None
            if trigger is not None:
                grounded.append((event, trigger, _locative_tokens(trigger)))
        if not grounded:
            return analysis
        spans = ((span, place) for place in analysis.places for span in place.mentions)
        mentions = _PlaceMentions(sorted(spans, key=lambda m: m[0].start))
        dateline = self._dateline(analysis, body, body_text)
        claimed = _claimed_spans(grounded, body, mentions)
        dates = _Dates(analysis)
        triggers = {trigger.i for _, trigger, _ in grounded}
        for event, trigger, locatives in grounded:
            event.place = self._place(event, trigger, locatives, body, mentions, claimed, dateline)
            self._date(event, trigger, body, analysis, dates, triggers)
        return analysis

    def _place(
        self,
        event: Event,
        trigger: Any,
        locatives: list[Any],
        body: Any,
        mentions: _PlaceMentions,
        claimed: dict[int, set],
        dateline: PlaceRef | None,
    ) -> PlaceRef | None:
        sentence = trigger.sent
        in_sentence = mentions.starting(sentence.start_char + body.offset, sentence.end_char + body.offset)
        target = event.target
        hit = [t.idx + body.offset for t in trigger.children if t.dep_ in ("dobj", "nsubjpass")]
        spoken = _spoken(event)
        for span, place in in_sentence:  # the place itself was hit: "shelled Kharkiv"
            if place.feature_type == "country":
                continue
            if spoken and _names_a_side(event, span, body):
                continue  # "Moscow condemns Washington": the government named, not where
            token = body.token_at(span.start)
            if token is not None and _measured_from(token):
                continue  # "hit a base some 300 km from Lahore"
            if (target and target.start <= span.start < target.end) or any(
                span.start <= at < span.end for at in hit
            ):
                return _ref(place, "exact", span)
        for token in locatives:
            if _measured_from(token):
                continue  # "some 300 km from Lahore": where it is not
            start = token.idx + body.offset
            for span, place in in_sentence:
                if span.start <= start < span.end:
                    return _ref(place, "exact", span)
            if token.lower_ in ANAPHORIC_PLACES and token.pos_ == "NOUN":
                antecedent = mentions.antecedent(start, event)
                if antecedent is not None:
                    phrase = token.doc[token.left_edge.i : token.i + 1]
                    evidence = Span(phrase.text, phrase.start_char + body.offset, start + len(token))
                    return _ref(antecedent, "exact", evidence)
        taken = claimed.get(sentence.start_char, set())
        free = [
            (s, p) for s, p in in_sentence
            if (s.start, s.end) not in taken and not _names_a_side(event, s, body)
        ]  # fmt: skip
        if free:
            span, place = min(free, key=lambda m: abs(m[0].start - event.trigger.start))
            return _ref(place, "nearest", span)
        if dateline is not None:
            return dateline
        return self._country_only(event)

    def _country_only(self, event: Event) -> PlaceRef | None:
        for mention in (event.target, event.source):
            entry = self.gazetteer.country(mention.country if mention else None)
            if entry is not None:
                place = Place(entry.id, entry.name, "country", entry.country, None, entry.lat, entry.lon)
                return _ref(place, "country-only", None)
        return None

    def _dateline(self, analysis: Analysis, body: Any, body_text: str) -> PlaceRef | None:
        """The place the body's dateline names: its city before its country ("AFP, YANGON,
        Myanmar" gives Yangon)."""
        dateline = dateline_at(body_text)
        if dateline is None:
            return None
        start, end = body.offset + dateline.start, body.offset + dateline.place_end
        named = [(s, p) for p in analysis.places for s in p.mentions if start <= s.start < end]
        if not named:
            return None
        span, place = min(named, key=lambda item: item[0].start)
        return _ref(place, "dateline", span)

    def _date(
        self, event: Event, trigger: Any, body: Any, analysis: Analysis, index: _Dates, triggers: set[int]
    ) -> None:
        published = analysis.article.published
        if published is None:
            return
        sent = trigger.sent
        low, high = sent.start_char + body.offset, sent.end_char + body.offset
        text = analysis.article.text
        ranked = []
        for entity in index.inside(low, high):
            if not _same_paragraph(text, entity.start, event.trigger.start) or _in_dateline(text, entity):
                continue
            root = _root_at(body, entity)
            how = self.dates.attach(event, trigger, root, triggers, body.offset) if root is not None else None
            how = Attachment(OWN) if root is None else how
            if how is not None:  # the event's own clause first, then a clause above it; nearest first
                ranked.append((how.rank, abs(entity.start - event.trigger.start), entity, root, how))
        for _, _, entity, root, how in sorted(ranked, key=lambda item: item[:2]):
            past = not _is_future(root if root is not None else trigger)
            day, precision = resolve_date(entity.text, published, past)
            if day is None:
                continue
            if how.shift and precision == "day":
                day += dt.timedelta(days=how.shift)
            event.date, event.date_precision = day, precision
            event.date_evidence = Span(entity.text, entity.start, entity.end)
            if how.rank >= WEAK:
                event.signals["date_weak"] = 1.0
            return


def _spoken(event: Event) -> bool:
    """An act said, asked or imposed from afar (an accusation, a demand, a threat, sanctions),
    not done at a place nor met or signed at one: a place that names its source or target is
    the government it stands for, never where the act happened."""
    return event.type in _SPOKEN or (event.type == "COERCE" and not done_at_a_place(event.type, event.cameo))


def _measured_from(token: Any) -> bool:
    """Whether the place word ``token`` is the point a distance is measured from ("300 km
    from Lahore", "20 miles north of Kandahar", "40 kilometres away from Goma")."""
    while token.dep_ == "compound" and token.head.i != token.i:  # "Dera" of "Dera Ismail Khan"
        token = token.head
    prep = token.head
    doc = token.doc
    before = prep.i - 1
    while before >= 0 and doc[before].lower_ in _BEARINGS:
        before -= 1
    return prep.lower_ in ("from", "of") and before >= 0 and doc[before].lower_ in _DISTANCE_UNITS


def _names_a_side(event: Event, span: Span, body: Any) -> bool:
    """A place named in the event's own source or target ("Russia's embassy said", "Asmara
    dismissed", "warned Israel") tells who acted or was acted on, not where: never the
    nearest place. One the side's words locate ("the embassy in Nairobi") still is."""
    for side in (event.source, event.target):
        if side is None or not side.start <= span.start < side.end:
            continue
        token = body.token_at(span.start)
        before = token.doc[token.i - 1] if token is not None and token.i > 0 else None
        return before is None or before.lower_ not in _LOCATING or before.idx + body.offset < side.start
    return False


def _claimed_spans(
    grounded: list[tuple[Event, Any, list[Any]]], body: Any, mentions: _PlaceMentions
) -> dict[int, set]:
    """Place mentions each event's own clause attaches by a preposition, per sentence:
    another event in the sentence must not take them as its "nearest" place ("attacks
    against Hamas, and rockets into Israel": Israel is where the rockets went)."""
    claimed: dict[int, set] = {}
    for _, trigger, locatives in grounded:
        for start in {token.idx + body.offset for token in locatives}:
            for span in mentions.holding(start):
                claimed.setdefault(trigger.sent.start_char, set()).add((span.start, span.end))
    return claimed


class _PlaceMentions:
    """The article's place mentions in text order, searched by offset (bisection), so that
    grounding an event costs the same in a long article as in a short one (walking every
    mention for every event made long articles quadratic). Spans never end before they start."""

    def __init__(self, mentions: list[tuple[Span, Place]]) -> None:
        self.items = mentions  # sorted by start
        self.starts = [span.start for span, _ in mentions]
        self.longest = max((span.end - span.start for span, _ in mentions), default=0)
        self.regions = [i for i, (_, place) in enumerate(mentions) if region_like(place)]
        # per country, its region-like mentions (not the country itself) and, at each, the
        # most-mentioned place so far (ties: the latest): _antecedent's choice, as a prefix
        self.by_country: dict[str, tuple[list[int], list[int]]] = {}
        for i in self.regions:
            place = mentions[i][1]
            if place.country and place.feature_type != "country":
                indices, best = self.by_country.setdefault(place.country, ([], []))
                ahead = not best or len(place.mentions) >= len(mentions[best[-1]][1].mentions)
                top = i if ahead else best[-1]
                indices.append(i)
                best.append(top)

    def starting(self, low: int, high: int) -> list[tuple[Span, Place]]:
        """Mentions that start in ``low:high``, in text order."""
        return self.items[bisect_left(self.starts, low) : bisect_left(self.starts, high)]

    def holding(self, char: int) -> list[Span]:
        """Spans that hold the character at ``char``."""
        low = bisect_left(self.starts, char - self.longest + 1)
        return [span for span, _ in self.items[low : bisect_right(self.starts, char)] if char < span.end]

    def antecedent(self, start: int, event: Event) -> Place | None:
        """What "the region" at ``start`` refers back to, among the region-like mentions that
        end by ``start``: the most-mentioned one in the country of the event's target (else
        source) actor, "drive it [Hamas] out of the region" being Hamas's region; else the
        latest one. None when there is none."""
        sure = bisect_right(self.starts, start - self.longest)  # these end by start
        near = [
            i for i in range(sure, bisect_right(self.starts, start))
            if self.items[i][0].end <= start and region_like(self.items[i][1])
        ]  # fmt: skip
        for mention in (event.target, event.source):
            country = mention.country if mention else None
            if not country:
                continue
            indices, best = self.by_country.get(country, ([], []))
            count = bisect_left(indices, sure)
            found = [best[count - 1]] if count else []
            found += [i for i in near if self._in_country(i, country)]
            if found:  # the most talked-about such place; ties go to the latest
                return self.items[max(found, key=lambda i: (len(self.items[i][1].mentions), i))][1]
        if near:
            return self.items[near[-1]][1]
        count = bisect_left(self.regions, sure)
        return self.items[self.regions[count - 1]][1] if count else None

    def _in_country(self, index: int, country: str) -> bool:
        place = self.items[index][1]
        return place.country == country and place.feature_type != "country"


class _Dates:
    """The body's DATE and TIME entities by offset (bisection), in the entities' order."""

    def __init__(self, analysis: Analysis) -> None:
        self.entities = sorted(
            ((e.start, i, e) for i, e in enumerate(analysis.entities)
             if e.label in ("DATE", "TIME") and e.section is Section.BODY),
            key=lambda item: item[:2],
        )  # fmt: skip
        self.starts = [start for start, _, _ in self.entities]

    def inside(self, low: int, high: int) -> list[Entity]:
        """Those that lie within ``low:high``, in the order of ``analysis.entities``."""
        window = self.entities[bisect_left(self.starts, low) : bisect_right(self.starts, high)]
        return [e for _, i, e in sorted(window, key=lambda item: item[1]) if e.end <= high]


def _is_future(token: Any) -> bool:
    """Whether the verb governing ``token`` is future or conditional ("will strike on Monday")
    or an act still to come ("is to meet on Friday", "is due to be held on Friday")."""
    for node in (token, *token.ancestors):
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "aux":
            return _future_aux(node) or _scheduled(node)
    return False


def _future_aux(verb: Any) -> bool:
    return any(lower in FUTURE_AUX for _, _, lower in children(verb))


def _scheduled(verb: Any) -> bool:
    """The infinitive of a present "be to" or "be due / set / scheduled to" ("the council is
    to vote", "talks are due to be held", "talks due to open"): the act is planned, so its
    weekday is the next one. Told in the past ("were due to meet on Monday") it may be over."""
    infinitive = any(c.dep_ in ("aux", "auxpass") and c.tag_ == "TO" for c in verb.children)
    if verb.dep_ != "xcomp" or not infinitive:
        return False
    governor = verb.head
    if governor.lemma_ == "be":
        be = governor
    elif governor.lower_ in SCHEDULED:
        if _future_aux(governor):
            return True
        be = next((c for c in governor.children if c.lemma_ == "be" and c.dep_ in ("aux", "auxpass")), None)
        if be is None and governor.dep_ == "acomp":
            be = governor.head  # "talks are due to ...": "due" complements the copula
        if be is None:  # "talks due to be held on Friday": the plan, told with no tense
            return governor.tag_ not in ("VBD", "VBZ", "VBP")  # not "police set out to"
    else:
        return False
    return be is not None and be.lemma_ == "be" and (be.tag_ in ("VBZ", "VBP") or _future_aux(be))


def _in_dateline(text: str, entity: Entity) -> bool:
    """The date of a dateline ("QUITO, Jun 14 (EFE).-"): when the story was filed, no event's."""
    return is_dateline_date(text, entity.start, entity.end)


def _root_at(body: Any, entity: Entity) -> Any:
    """The syntactic root of an entity's tokens, None when they do not align with the body."""
    span = body.doc.char_span(entity.start - body.offset, entity.end - body.offset, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _same_paragraph(text: str, a: int, b: int) -> bool:
    low, high = sorted((a, b))
    return "\n" not in text[low:high]


# The clauses of their own a place is not looked for in, and the subject's words: "rebels in
# Yemen fired at a tanker in the Red Sea" happened in the Red Sea; Yemen says where the
# rebels are from.
_PLACE_CLAUSES = frozenset({"conj", "ccomp", "advcl", "parataxis"})
_PLACE_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_POBJ = ids(("pobj",))  # label and word ids, as the Doc's columns hold them
_BELOW_PLACE = ids(("compound", "pobj"))
_LOCATIVE_IDS = ids(LOCATIVE_PREPS)


def _locative_tokens(trigger: Any) -> list[Any]:
    """Objects of locative prepositions in the trigger's own clause, nearest first (with the
    compounds and objects below each, in ``token.subtree``'s order). Read from the Doc's
    columns (:mod:`eventwire.nlp.columns`): a Token only for each word kept."""
    doc = trigger.doc
    c = columns(doc)
    deps, lower, head = c.dep, c.lower, c.head
    found = []
    for i in own_clause_at(doc, trigger.i, subject=False, clauses=_PLACE_CLAUSES, subjects=_PLACE_SUBJECTS):
        if deps[i] in _POBJ and lower[head[i]] in _LOCATIVE_IDS:
            found.append(i)
            found.extend(j for j in ordered_subtree_at(doc, i) if j != i and deps[j] in _BELOW_PLACE)
    return [doc[i] for i in sorted(found, key=lambda i: abs(i - trigger.i))]


def _ref(place: Place, precision: str, evidence: Span | None) -> PlaceRef:
    return PlaceRef(place.id, place.name, place.country, place.lat, place.lon, precision, evidence)
