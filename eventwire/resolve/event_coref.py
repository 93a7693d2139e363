"""Event coreference within one article: one event per act, with every mention of it.

A headline, the lede and a later recap often report the same act ("IS threatens Hamas",
"... threatened to drive it out", "ISIS also accuses Hamas ..."). Counting each as an
event inflates every count a researcher makes, so mentions of one act become one
:class:`~eventwire.models.Event` whose ``evidence`` is its clearest mention and whose
``mentions`` are the others.

Two events are one act when all of these hold (docs/ontology.md, coding rule 2):

* the same PLOVER type and a compatible modality (alleged and actual are one act
  reported with and without a hedge; a threat is not the act threatened);
* the same direction: each side names the same actor, or (within one paragraph) one
  mention leaves it empty; at least one side names the same actor in both (a pronoun's
  antecedent counts: "Moyo was detained ... he was detained during the rally"); a headline
  may describe a side the body names ("pro-democracy official" for the person named below),
  or name it with the same head noun ("Zim police" for "police in central Zimbabwe"); a state
  and its official are one side where the other side is the same ("Hungary blocks aid to
  Ukraine", "Orbán vetoed the aid for Ukraine"), but two officials are two people;
  a side only described may be described again by other words for the same kind of people of
  one country, referring back or counted alike, where both mentions tell one specific act
  ("police detained 26 activists", "26 citizens have been detained": :func:`_kindred`);
* compatible dates (not two different days) and places (not two different exact places);
* no side counted by two different numbers ("killed two soldiers", "shot dead a soldier");
* an act whose sides came from another act (``implicit_participants``: "the crowd also
  called a general strike") joins only an act told with its word, unless it is definite.

A definite event noun ("the arrest", "Muzenda's arrest", "the latest attack") refers back to
an act already reported: it joins the most recent compatible act of its type anywhere
before it, its sides need only not contradict that act's. A headline told alone so far and a
mention of its type in the lede are one act unless a side names another actor (headline
grammar misreads sides: "official freed a day after kidnapping").

Opposite directions, a side named two ways (different targets, or sources), dates, places,
counts or two different specific acts ("deposed" and "imposed a state of emergency") never
merge (:func:`conflicts`). Where the rules join no act, a learned pair model
(:mod:`eventwire.resolve.coref_model`, ``eventwire train-coref``) may: a headline or recap
whose sides were resolved differently ("an Iranian diplomat based in Oslo" for "Iranian
ex-diplomat"); and a spoken act (accusing, demanding, praising ...) that the rules join by its
sides alone joins only where the model does not find it unlikely (:func:`_unlikely`): one
speaker makes many statements to one addressee in a story. Events are taken in text order
and joined to the first compatible group; a second pass (:func:`rejoin`) joins a group to an
earlier one that later mentions completed ("he was detained", "Aronyan was arrested", "held
him overnight"); a last pass (:func:`agglomerate`) joins whole groups, best pair first, whose
mentions the model finds one act on average. The group's sides, date and place fill in from
its mentions, a side another mention names replacing one only described.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from eventwire.config import PipelineConfig
from eventwire.extract.event_lexicon import MEDIATION
from eventwire.extract.event_scorer import PRONOUNS
from eventwire.models import (
    UNKNOWN_ACTOR_PREFIX,
    Analysis,
    Event,
    Mention,
    Modality,
    PlaceRef,
    Section,
    Span,
    known_actor_id,
)
from eventwire.resolve.actors import resolver_for
from eventwire.resolve.coref_model import PairModel, pair_model_for
from eventwire.resolve.groups import GENERIC_PEOPLE, STATE_AGENTS, count_of
from eventwire.resolve.pair_cues import ACT_CUES, act_cues

_COMPATIBLE_MODALITY = {Modality.ALLEGED: Modality.ACTUAL}
_SECTION_RANK = {Section.BODY: 0, Section.TITLE: 1, Section.CAPTION: 2}


class _Named(NamedTuple):
    """A side named (not only described) in one mention: its actor, the state it is an
    official of, and its head noun (:func:`_named_apart`)."""

    actor: str
    official_of: str | None
    head: str
    individual: bool = False  # one person only described ("pro-democracy official"): :func:`_individual`


@dataclass(slots=True)
class _Act:
    # The knowledge base's titles of one person (KnowledgeBase.person_titles, a user's KB files
    # included) its mentions are read with (:func:`_individual`), in add and in _named_apart
    person_titles: frozenset[str] = field(kw_only=True)
    events: list[Event] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)  # the actors its mentions name on each side
    targets: set[str] = field(default_factory=set)
    source_counts: set[Count] = field(default_factory=set)  # the numbers its mentions count each side by
    target_counts: set[Count] = field(default_factory=set)
    # each side's officials of a state ("Orbán": "country:HUN"), a pronoun's antecedent included
    source_officials: dict[str, str] = field(default_factory=dict)
    target_officials: dict[str, str] = field(default_factory=dict)
    # What the hard constraints (:func:`conflicts`) and the rules read of every mention, kept
    # as each mention is added, so that comparing an event with an act told forty times costs
    # a few set lookups, not forty readings of each mention's sides (tests/test_scaling.py)
    parties: set[tuple[str | None, str | None]] = field(default_factory=set)  # (_party, _party)
    side_actors: tuple[set[str], set[str]] = field(default_factory=lambda: (set(), set()))
    named: tuple[set[_Named], set[_Named]] = field(default_factory=lambda: (set(), set()))
    kinds: tuple[set[_Kind], set[_Kind]] = field(default_factory=lambda: (set(), set()))  # _kinds_of
    body_acts: set[str] = field(default_factory=set)  # specific CAMEO acts told in the body
    when_where: dict[tuple[object, ...], Event] = field(default_factory=dict)  # one per date and place
    by_trigger: dict[int, list[Event]] = field(default_factory=dict)
    nouns: set[str] = field(default_factory=set)
    told_outside_title: bool = False

    @property
    def officials(self) -> tuple[dict[str, str], dict[str, str]]:
        return self.source_officials, self.target_officials

    @property
    def counts(self) -> tuple[set[Count], set[Count]]:
        return self.source_counts, self.target_counts

    @property
    def compared(self) -> list[Event]:
        """The mentions a new one is compared with: all of them, up to a bound (the first,
        often the headline, and the latest), so that an act reported hundreds of times in a
        very long text costs no more per comparison than one reported a dozen times."""
        if len(self.events) <= MAX_COMPARED_MENTIONS:
            return self.events
        return self.events[:1] + self.events[-(MAX_COMPARED_MENTIONS - 1) :]

    def add(self, event: Event) -> None:
        self.events.append(event)
        self.parties.add((_party(event.source), _party(event.target)))
        sides = (event.source, event.target)
        for actors, named, mention in zip(self.side_actors, self.named, sides, strict=True):
            actor = side_actor(mention)
            if actor is not None:
                actors.add(actor)
            name = _actor(mention)
            if mention is not None and name is not None and not name.startswith(UNKNOWN_ACTOR_PREFIX):
                individual = _individual(mention, self.person_titles)
                named.add(_Named(name, official_of(mention), _head_key(mention), individual))
        for kinds, mention in zip(self.kinds, sides, strict=True):
            kinds.update(_kinds_of(mention))
        code = specific_act(event) if event.section is Section.BODY else None
        if code is not None:
            self.body_acts.add(code)
        self.when_where.setdefault(_when_where(event), event)
        self.by_trigger.setdefault(event.trigger.start, []).append(event)
        self.nouns.add(_noun(event))
        self.told_outside_title = self.told_outside_title or event.section is not Section.TITLE
        for officials, mention in (
            (self.source_officials, event.source),
            (self.target_officials, event.target),
        ):
            actor, state = side_actor(mention), official_of(mention)
            if actor is not None and state is not None:
                officials[actor] = state
        for counts, mention in ((self.source_counts, event.source), (self.target_counts, event.target)):
            count = count_in(mention)
            if count is not None:
                counts.add(count)
        for side, mention in ((self.sources, event.source), (self.targets, event.target)):
            actor = _actor(mention)
            if actor is None:
                continue
            if not actor.startswith(UNKNOWN_ACTOR_PREFIX):  # a name supersedes a headline's
                side.difference_update({a for a in side if a.startswith(UNKNOWN_ACTOR_PREFIX)})  # description
            side.add(actor)


def _actor(mention: Mention | None) -> str | None:
    """The side's actor for matching; a pronoun's guessed antecedent is too weak to join acts."""
    if mention is None or mention.text.lower() in PRONOUNS:
        return None
    return side_actor(mention)


_STATE_SIDE = STATE_AGENTS | {"GOV"}  # an unknown group in one of these sectors acts as its state


def side_actor(mention: Mention | None) -> str | None:
    """The side's actor for matching, a pronoun's guessed antecedent included. A state's
    forces and unnamed officials act as the state (CAMEO codes Zimbabwe's police ZWECOP):
    "police", "police in central Zimbabwe", "Zimbabwe" and "the Zimbabwean army" are one side
    for matching mentions of an act; named people and other groups stay themselves."""
    if mention is None or mention.actor is None:
        return None
    actor, country, sectors = mention.actor, mention.country, mention.sectors
    if country and sectors and not actor.startswith(("person:", "country:")):
        if actor.startswith(UNKNOWN_ACTOR_PREFIX):
            state = not _STATE_SIDE.isdisjoint(sectors)
        else:  # a known group is the state's only if that is what it is first: the army, not
            state = sectors[0] in STATE_AGENTS  # the RSF (REB|MIL), who fight the army
        if state:
            return f"country:{country}"
    return actor


# Who speaks and acts for a state: its leaders, ministers and officials ("Orbán", "the
# Hungarian leader", "Turkish Defence Minister Hulusi Akar"), not its opposition or citizens.
_OFFICIAL_SECTORS = frozenset({"GOV", "LEG", "JUD"}) | STATE_AGENTS


def official_of(mention: Mention | None) -> str | None:
    """The state (``country:XXX``) a side acts for when it is that state's official."""
    if mention is None or mention.country is None or _OFFICIAL_SECTORS.isdisjoint(mention.sectors):
        return None
    actor = side_actor(mention)
    return (
        f"country:{mention.country}"
        if actor is not None and actor.startswith(("person:", UNKNOWN_ACTOR_PREFIX))
        else None
    )


def _modality(event: Event) -> Modality:
    return _COMPATIBLE_MODALITY.get(event.modality, event.modality)


def _side_agrees(ours: str | None, theirs: str | None) -> bool:
    return ours is None or theirs is None or ours == theirs


def _named_vs_described(ours: str | None, theirs: str | None) -> bool:
    """A headline names sides loosely: "pro-democracy official" for Raymond Muzenda."""
    return _side_agrees(ours, theirs) or bool(
        ours and theirs and (ours.startswith(UNKNOWN_ACTOR_PREFIX) or theirs.startswith(UNKNOWN_ACTOR_PREFIX))
    )


def _same_head(ours: Mention | None, theirs: Mention | None) -> bool:
    """A headline's side and the body's with one head noun, whatever each resolved to: "Zim
    police" and "police in central Zimbabwe", "Syrian government" and "the Assad government"."""
    if ours is None or theirs is None or _named_vs_described(_actor(ours), _actor(theirs)):
        return True
    return head_noun(ours.text) == head_noun(theirs.text) != ""


# Readings of a side's words alone, kept for the words seen last: an act's counts and head
# nouns are read against every later mention of its type (about 40,000 readings per 400
# articles, of a few thousand phrases). Bounded; a Count is immutable, so sharing is safe.
_PHRASES_KEPT = 4096


_POSTMODIFIER = re.compile(r"\s(?:in|of|from|at|on|for|with|who|which|that)\s|,")


@lru_cache(maxsize=_PHRASES_KEPT)
def head_noun(phrase: str) -> str:
    """The last word before any postmodifier: "police" in "police in central Zimbabwe"."""
    words = _POSTMODIFIER.split(phrase.lower(), maxsplit=1)[0].split()
    return words[-1] if words else ""


def _equal(ours: str | None, theirs: str | None) -> bool:
    return ours == theirs


class Paragraphs:
    """Which paragraph (line) an offset is in, by bisecting the article's line breaks once;
    ``body_start``: where the body (and its lede) starts."""

    def __init__(self, text: str, body_start: int = 0) -> None:
        self.text = text
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self.body_start = body_start

    def in_lede(self, offset: int) -> bool:
        """Whether ``offset`` is in the body's first few hundred characters."""
        return 0 <= offset - self.body_start < EARLY_CHARS

    def of(self, offset: int) -> int:
        return bisect_right(self.breaks, offset)

    def one_sentence(self, a: int, b: int) -> bool:
        """Whether no sentence ends between offsets ``a`` and ``b`` (a few words apart)."""
        return _SENTENCE_END.search(self.text, min(a, b), max(a, b)) is None


def same_act(act: _Act, event: Event, paragraphs: Paragraphs, anaphoric: bool = False) -> bool:
    """Whether the rules join ``event`` to ``act`` (module docstring; :func:`join_path`)."""
    return join_path(act, event, paragraphs, anaphoric) is not None


def join_path(act: _Act, event: Event, paragraphs: Paragraphs, anaphoric: bool = False) -> str | None:
    """Which of the rules joins ``event`` to ``act``, ``None`` where none does: a definite
    noun's look-back (``definite``), a headline and its lede (``headline_lede``), a headline
    whose sides are compatible (``headline``) or share head nouns (``headline_head``), and in
    the body sides that name the same actors (``same_sides``), leave one unsaid within a
    paragraph (``one_empty``), tell a state and its official (``official``), describe one kind
    of people (``kindred``), or each name one half a few words apart (``halves``). Where two
    of the body's hold, the rarer is told (``_BODY_PATHS``); audits read the path
    (scripts/coref_audit.py)."""
    first = act.events[0]
    if event.type != first.type or _modality(event) != _modality(first):
        return None
    if _counts_differ(act, event) or _reversed(act, event) or _other_party(act, event):
        return None
    if not anaphoric and other_act(act, event):
        return None
    source, target = _actor(event.source), _actor(event.target)
    sides = ((act.sources, source), (act.targets, target))
    states = _states(act, sides, (official_of(event.source), official_of(event.target)))
    if anaphoric:  # "the arrest": the act already told, unless a side contradicts it
        agree = all(_side_agrees(ours, theirs) for names, theirs in sides for ours in (names or [None]))
        return "definite" if agree and _time_and_place_agree(act, event) else None
    if event.signals.get("implicit_participants") and _noun(event) not in act.nouns:
        return None  # "a general strike" by the crowd that "marched": its crowd's other act
    if _headline_and_lede(act, event, paragraphs):
        joined = not _named_apart(act, event) and _time_and_place_agree(act, event)
        return "headline_lede" if joined else None
    headline = event.section is Section.TITLE or not act.told_outside_title
    if headline:  # a headline sums up the lede: its sides need only be compatible, not shared
        if all(
            _named_vs_described(ours, theirs) or _acts_for(officials, ours, theirs, state)
            for (names, theirs), state, officials in zip(sides, states, act.officials, strict=True)
            for ours in (names or [None])
        ):
            return "headline"
        if all(
            _same_head(e.source, event.source) and _same_head(e.target, event.target) for e in act.compared
        ):
            return "headline_head"
        return None
    here = paragraphs.of(event.evidence.start)
    near = any(paragraphs.of(e.evidence.start) == here for e in act.compared)
    # far apart, a side left unsaid may be another party: "they agreed" is not every deal
    agrees = _side_agrees if near else _equal
    mentions = (event.source, event.target)
    paths = set()
    for (names, theirs), state, officials, kinds, named, counts, mention in zip(
        sides, states, act.officials, act.kinds, act.named, act.counts, mentions, strict=True
    ):
        ours_all = names or [None]
        if all(ours == theirs for ours in ours_all):
            paths.add("same_sides")
        elif all(agrees(ours, theirs) for ours in ours_all):
            paths.add("one_empty")
        elif all(agrees(ours, theirs) or _acts_for(officials, ours, theirs, state) for ours in ours_all):
            paths.add("official")
        elif _kindred(kinds, named, counts, mention) and _told_alike(act, event):
            paths.add("kindred")
        else:
            return None
    if not _shares_a_side(act, event, sides):
        if not _halves(act, event, paragraphs):
            return None  # at least one side names the same actor
        paths.add("halves")
    if not _time_and_place_agree(act, event):
        return None
    return next(path for path in _BODY_PATHS if path in paths)


# The body's paths of :func:`join_path`, the rarer first: the one a join is told by.
_BODY_PATHS = ("halves", "kindred", "official", "one_empty", "same_sides")


def _headline_and_lede(act: _Act, event: Event, paragraphs: Paragraphs) -> bool:
    """A headline told alone so far, and a mention of its type in the lede: the headline
    sums up the lede, so its sides, which headline grammar often leaves unsaid or misreads
    ("official freed a day after kidnapping"), need only not name others (:func:`_named_apart`)."""
    return (
        event.section is Section.BODY
        and paragraphs.in_lede(event.evidence.start)
        and not act.told_outside_title
    )


def _states(
    act: _Act, sides: tuple[tuple[set[str], str | None], ...], states: tuple[str | None, str | None]
) -> tuple[str | None, str | None]:
    """The state each side of the event acts for, kept only where the other side names the
    act's own actor: a state does many acts of one type ("arrested Moyo", "imposed a curfew")."""
    (sources, source), (targets, target) = sides
    return (
        states[0] if target is not None and target in targets else None,
        states[1] if source is not None and source in sources else None,
    )


def _acts_for(officials: dict[str, str], ours: str | None, theirs: str | None, state: str | None) -> bool:
    """One side told as the state and as its official: "Hungary blocked the aid" and "Orbán
    vetoed the aid", "Ecuador expels ambassador" and "Correa ordered the expulsion". ``state``:
    the country ``theirs`` is an official of; ``officials``: the act's on that side. Another
    official of the same state is another person ("the army chief asked him to resign", "the
    police chief likewise called on him to step down")."""
    if ours is None or theirs is None:
        return False
    if ours == state:
        return all(official == theirs for official in officials)
    return officials.get(ours) == theirs


def _reversed(act: _Act, event: Event) -> bool:
    """The other direction of a mutual act ("X and Y agreed": X -> Y and Y -> X, coding rule
    2) is another event, even where both sides share a head noun ("the two countries")."""
    source, target = _party(event.source), _party(event.target)
    if source is None or target is None or source == target:
        return False
    return (target, source) in act.parties


def _other_party(act: _Act, event: Event) -> bool:
    """Two pairs one trigger gave for parties named together ("police detained him and his
    deputy", "X and Y condemned Z") are one event per party (coding rule 2), whatever a
    pronoun among them resolved to: a side named by other words is another party."""
    return any(
        _other_words(e.source, event.source) or _other_words(e.target, event.target)
        for e in act.by_trigger.get(event.trigger.start, ())
    )


def _other_words(ours: Mention | None, theirs: Mention | None) -> bool:
    """Another party: named by other words, or by the same words read as several parties
    ("X and Y said [they] would ...", "[U.S. and European] forces": one mention per actor)."""
    if ours is None or theirs is None:
        return False
    if (ours.start, ours.end) != (theirs.start, theirs.end):
        return True
    return bool(known_actor_id(ours.actor) and known_actor_id(theirs.actor)) and ours.actor != theirs.actor


def _party(mention: Mention | None) -> str | None:
    """The side as a party to a mutual act: an official as the state it acts for."""
    return official_of(mention) or side_actor(mention)


def _noun(event: Event) -> str:
    """The trigger's last word, roughly: "protest" for "protests" and "street protest"."""
    words = event.trigger.text.lower().split()
    return words[-1][:7] if words else ""


def _counts_differ(act: _Act, event: Event) -> bool:
    """A side counted by two different numbers is two acts: "killed two soldiers" and "shot
    dead a soldier" (the actor alone no longer tells them apart: both are the army's men)."""
    for counts, mention in ((act.source_counts, event.source), (act.target_counts, event.target)):
        count = count_in(mention) if counts else None
        if count is not None and any(count.differs(other) for other in counts):
            return True
    return False


class Count(NamedTuple):
    """The number a side is counted by, and the noun it counts (singular, roughly)."""

    number: str
    noun: str
    article: bool  # counted by "a" or "an" only: "a soldier", "an army patrol"
    further: bool = False  # counted as more of them: "another 30,000 Peruvians", "other soldiers"

    def differs(self, other: Count) -> bool:
        """Two numbers count one thing differently; "a" counts only the same noun: the attack on
        "an army patrol" that "killed 14 soldiers", the raid on "a camp" that killed six. "Another
        30,000" counted after "30,000" are others, though the number is the same."""
        if self.further != other.further:
            return True
        if self.number == other.number:
            return False
        return not (self.article or other.article) or self.noun == other.noun


def count_in(mention: Mention | None) -> Count | None:
    return _count_in_words(mention.text) if mention is not None else None


@lru_cache(maxsize=_PHRASES_KEPT)
def _count_in_words(text: str) -> Count | None:
    number = count_of(text)
    if number is None:
        return None
    first = text.split(maxsplit=1)[0].lower()
    noun = head_noun(text).removesuffix("s")
    return Count(number, noun, first in ("a", "an"), first in ("another", "other"))


def _shares_a_side(act: _Act, event: Event, sides: tuple[tuple[set[str], str | None], ...]) -> bool:
    """One side names the same actor in both. A pronoun's antecedent may show it ("he was
    detained" after "Moyo was detained"), though it never keeps two acts apart."""
    if any(theirs is not None and theirs in names for names, theirs in sides):
        return True
    theirs = (side_actor(event.source), side_actor(event.target))
    pairs = zip(act.side_actors, theirs, strict=True)
    return any(actor is not None and actor in known for known, actor in pairs)


def _halves(act: _Act, event: Event, paragraphs: Paragraphs) -> bool:
    """Two mentions a few words apart in one sentence that each name one side of the act, the
    victim in one and the doer in the other: "two soldiers were killed in an attack by
    rebels" (not "... after the rebels hit a ship. The rebels said five of their fighters
    were killed": those are two acts)."""
    close = any(
        abs(e.evidence.start - event.evidence.start) <= CLOSE_CHARS
        and paragraphs.one_sentence(e.evidence.start, event.evidence.start)
        for e in act.compared
    )
    source, target = _actor(event.source), _actor(event.target)
    doer_only = source is not None and target is None and not act.sources and bool(act.targets)
    victim_only = target is not None and source is None and not act.targets and bool(act.sources)
    return close and (doer_only or victim_only)


def _dates_agree(a: Event, b: Event) -> bool:
    """Not two different days, months or years, compared at the coarser of the two precisions
    ("clashes in August" and "clashes on Friday" of another month are two acts, as are the
    2008 and the 2011 clashes)."""
    precisions = (a.date_precision, b.date_precision)
    if a.date is None or b.date is None or not set(precisions) <= _COMPARED_PRECISIONS:
        return True
    if _weak_date(a) != _weak_date(b):
        return True  # "wounded, the governor said on Saturday": the act may be Friday's strike
    if a.date_precision == b.date_precision == "day":
        return a.date == b.date
    if "year" in precisions:
        return a.date.year == b.date.year
    return (a.date.year, a.date.month) == (b.date.year, b.date.month)


_COMPARED_PRECISIONS = frozenset({"day", "month", "year"})


def _weak_date(event: Event) -> bool:
    """The date came from the speaking of a report, or another clause (resolve/event_dates.py)."""
    return event.signals.get("date_weak") == 1.0


def _time_and_place_agree(act: _Act, event: Event) -> bool:
    """Whether the event's day and exact place agree with every mention of the act (one of
    each date and place is enough)."""
    others = act.when_where.values()
    return all(_dates_agree(other, event) and _places_agree(other, event) for other in others)


def _when_where(event: Event) -> tuple[object, ...]:
    """What :func:`_dates_agree` and :func:`_places_agree` read of an event."""
    place = (event.place.place, event.place.precision) if event.place is not None else None
    return event.date, event.date_precision, _weak_date(event), place


def _places_agree(a: Event, b: Event) -> bool:
    """Not two different exact places. A country and a place in it are one place told at two
    precisions ("arrested in Zimbabwe", "arrested in Masvingo"), as the cross-article linker
    reads them (dedup/linker.py)."""
    if a.place is None or b.place is None or "exact" not in (a.place.precision, b.place.precision):
        return True
    if a.place.precision == b.place.precision == "exact":
        return a.place.place == b.place.place or _within(a.place, b.place) or _within(b.place, a.place)
    return True


def _within(place: PlaceRef, country: PlaceRef) -> bool:
    """Whether ``place`` lies in ``country`` when that is a whole country ("country:ZWE")."""
    return country.place.startswith("country:") and place.country == country.place.removeprefix("country:")


def merge(act: _Act) -> Event:
    """The act's clearest mention, with the others as ``mentions`` and their details filled in."""
    ranked = sorted(
        act.events,
        key=lambda e: (
            _SECTION_RANK.get(e.section, 3), -(e.source is not None) - (e.target is not None),
            e.signals.get("implicit_participants", 0.0),  # sides named in its own clause first
            -e.confidence, e.evidence.start,
        ),
    )  # fmt: skip
    main = ranked[0]
    for other in ranked[1:]:
        if not any(_overlaps(other.evidence, seen) for seen in [main.evidence, *main.mentions]):
            main.mentions.append(other.evidence)  # two triggers of one clause are one report
        if _names_better(other.source, main.source):
            main.source = other.source
        if _names_better(other.target, main.target):
            main.target = other.target
        if other.date is not None and (main.date is None or (_weak_date(main) and not _weak_date(other))):
            main.date, main.date_precision = other.date, other.date_precision
            main.date_evidence = other.date_evidence
            main.signals["date_weak"] = other.signals.get("date_weak", 0.0)
        if other.place is not None and (main.place is None or _finer(other, main)):
            main.place = other.place
        main.alleged = main.alleged and other.alleged
        main.reported_by = main.reported_by or other.reported_by
        main.confidence = max(main.confidence, other.confidence)
    main.mentions.sort(key=lambda s: s.start)
    return main


def _names_better(other: Mention | None, main: Mention | None) -> bool:
    """Whether another mention's side should stand for the act's: the main mention leaves it
    unsaid, names no actor, or only describes whom another mention names ("an army general",
    "General Alzate")."""
    if other is None:
        return False
    if main is None:
        return True
    ours, theirs = main.actor, _actor(other) and other.actor
    if not theirs or theirs.startswith(UNKNOWN_ACTOR_PREFIX):
        return False
    # "the presidential decree", an unresolved "he": words that name no actor at all
    return ours is None or ours.startswith(UNKNOWN_ACTOR_PREFIX)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


_PRECISION_RANK = {"exact": 0, "nearest": 1, "dateline": 2, "country-only": 3}


def _finer(a: Event, b: Event) -> bool:
    assert a.place is not None and b.place is not None
    return _PRECISION_RANK.get(a.place.precision, 9) < _PRECISION_RANK.get(b.place.precision, 9)


INHERIT_WITHIN_CHARS = 1200  # about two paragraphs
CLOSE_CHARS = 120  # one clause: "two soldiers were killed in an attack by rebels"
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z\"“‘(])|\n")
MAX_CANDIDATE_ACTS = 64  # an act is looked for among the latest acts of its type only
MAX_COMPARED_MENTIONS = 16  # and compared with at most this many of its mentions (_Act.compared)


def inherit_sources(events: list[Event]) -> None:
    """An act told without its doer ("Boutar was also arrested", "the arrest drew protests")
    takes the source of the latest earlier act of the same type and kind (:func:`_same_kind`)
    that names one, within a couple of paragraphs: news names the doer once and then leaves
    it implied. An act told in a quote lends no doer to the narration around it: the reporter
    names the doer of what it tells in its own words (train half: of 6 such loans none was
    right; 2 were acts gold codes with no source). The speaker of a reporting frame told
    beside the act ("Norland expelled two diplomats, calling them spies") still lends: such a
    speaker is the doer far more often than not (train half: 40 right, 6 wrong; of 7 loans
    from it 3 right, 2 wrong or sourceless). The scorer sees the ``inherited_source`` signal."""
    for i, event in enumerate(events):
        if event.source is not None or event.section is not Section.BODY:
            continue
        earlier = [
            e for e in events[max(0, i - MAX_CANDIDATE_ACTS) : i]
            if e.type == event.type and e.source is not None and e.section is Section.BODY
            and 0 <= event.evidence.start - e.evidence.start <= INHERIT_WITHIN_CHARS
            and (event.target is None or _actor(e.source) != _actor(event.target))
            and (e.quote is None or event.quote is not None)  # a quote names no doer for the narration
            and _same_kind(e, event)
        ]  # fmt: skip
        if earlier:  # the main act before it, not one recalled in a clause ("four days after X hit ...")
            main = [e for e in earlier if not e.signals.get("subordinate")]
            event.source = (main or earlier)[-1].source
            event.signals["inherited_source"] = 1.0


def _same_kind(donor: Event, event: Event) -> bool:
    """Whether an act may lend its doer to an act told without one: the same CAMEO act ("was
    also arrested" after an arrest), or one of them told only by its type ("the crackdown",
    CAMEO 170 or 190). Sanctions, a curfew or an expulsion lend no doer to the arrests told
    after them: news names who imposed a measure, not who made each arrest under it."""
    ours, theirs = (event.cameo or "")[:3], (donor.cameo or "")[:3]
    return not ours or not theirs or ours == theirs or ours.endswith("0") or theirs.endswith("0")


MAX_PAIRED_ACTS = 8  # the model weighs the latest acts of a type the rules leave open only
MAX_PAIRED_MENTIONS = 3  # and each one's first (often the headline) and latest mentions
EARLY_CHARS = 400  # the lede: the first paragraph or two of the body


def conflicts(act: _Act, event: Event) -> bool:
    """What coding rule 2 says is never one act, whatever else they share: another type or
    modality, a side counted by two different numbers, the other direction of a mutual act,
    another party one trigger gave (:func:`_other_party`), a side named two different ways,
    two different days or exact places."""
    first = act.events[0]
    if event.type != first.type or _modality(event) != _modality(first):
        return True
    if _counts_differ(act, event) or _reversed(act, event) or _named_apart(act, event):
        return True
    if _other_party(act, event):
        return True
    if other_act(act, event):
        return True
    return not _time_and_place_agree(act, event)


def specific_act(event: Event) -> str | None:
    """The event's CAMEO act to three digits where it names one, not only its kind: "173"
    (arrest), not "170" (coerce)."""
    code = (event.cameo or "")[:3]
    return code if len(code) == 3 and not code.endswith("0") else None


def other_act(act: _Act, event: Event) -> bool:
    """Two different specific acts of one type told in the body are two acts, however alike
    their sides: a coup and the prime minister's arrest, an arrest and a ban on gatherings, a
    summons and an accusation (train half: of the pairs the rules joined with two specific
    codes, 2 in 3 were two gold events). A headline sums up its story in other words
    ("deposes" for the arrest told below), and a meeting's visit, talks and hosting (CAMEO 042,
    046, 043) tell one consultation: those keep the other rules' word."""
    if event.type == "CONSULT" or event.section is not Section.BODY:
        return False
    theirs = specific_act(event)
    return bool(act.body_acts) and theirs is not None and theirs not in act.body_acts


def _named_apart(act: _Act, event: Event) -> bool:
    """A side named (not only described) two ways in the act and the event, neither the
    other's state or official, nor one head noun told two ways ("the Syrian government", "the
    Assad government"): the AU and the World Bank each suspending Sudan are two acts."""
    for named, mention in zip(act.named, (event.source, event.target), strict=True):
        theirs = _actor(mention)
        if mention is None or theirs is None or theirs.startswith(UNKNOWN_ACTOR_PREFIX):
            continue
        state, head = official_of(mention), _head_key(mention)
        individual, person = _individual(mention, act.person_titles), theirs.startswith(_PERSON)
        for ours in named:
            if ours.actor == theirs or ours.actor == state or ours.official_of == theirs:
                continue
            if (ours.individual and person) or (individual and ours.actor.startswith(_PERSON)):
                continue  # "a pro-democracy official", then "Raymond Muzenda": one person
            if not head or ours.head != head:
                return True
    return False


_PERSON = "person:"


def _individual(mention: Mention, person_titles: frozenset[str]) -> bool:
    """One person only described, whatever actor the description resolved to ("a pro-democracy
    official", "a leading Hong Kong activist": a role of a country or a party): no person's name
    resolved in it, a singular head that titles one person (``person_titles``: the knowledge
    base's, :meth:`~eventwire.resolve.kb.KnowledgeBase.person_titles`), no number but one, no
    second party. A plural is told by the head word's trailing "s" ("officials"): a mention
    keeps its words only, not their tokens or tags."""
    if (mention.actor or "").startswith(_PERSON) or " and " in mention.text:
        return False
    head = head_noun(mention.text)
    one = not head.endswith("s") and head not in GENERIC_PEOPLE and count_of(mention.text) in (None, "1")
    return one and head in person_titles


class _Kind(NamedTuple):
    """What a described side is: its country and one of its sectors ("ARM", "CVL" for "26
    activists" in Armenia)."""

    country: str
    sector: str


def _kinds_of(mention: Mention | None) -> set[_Kind]:
    """The kinds of a side only described (an unknown actor of a known country), else none."""
    if mention is None or mention.country is None or known_actor_id(mention.actor) or not mention.actor:
        return set()
    return {_Kind(mention.country, sector) for sector in mention.sectors}


_REFERRING_BACK = frozenset({"the", "these", "those"})


def _kindred(kinds: set[_Kind], named: set[_Named], counts: set[Count], mention: Mention | None) -> bool:
    """A side the act only describes, described again by other words for the same kind of
    people of one country, either referring back ("at least eight women activists" ... "the
    women") or counted by the same number ("26 activists" ... "26 citizens"). News varies its
    words for one group; a group counted differently or only "a" few is another
    (:func:`_counts_differ`), and a side any mention names keeps the other rules' word."""
    if named or kinds.isdisjoint(_kinds_of(mention)):
        return False
    assert mention is not None  # it has kinds
    if mention.text.split(maxsplit=1)[0].lower() in _REFERRING_BACK:
        return True
    count = count_in(mention)
    return count is not None and not count.article and any(count.number == c.number for c in counts)


def _told_alike(act: _Act, event: Event) -> bool:
    """The event tells a specific act one of the act's mentions tells ("detained" and
    "arrested": CAMEO 173), not only its type: tear gas fired at protesters and protesters
    arrested are two acts of coercion, though both are the police's against protesters."""
    code = specific_act(event)
    return code is not None and any(specific_act(e) == code for e in act.compared)


def _described_apart(a: Event, b: Event) -> bool:
    """Two targets each only described, as different kinds of people: "cracking down on
    smugglers" and "arrested six men" are two acts unless the rules, reading the sides, say
    otherwise. Two descriptions of one kind are the pair model's to weigh (:func:`_one_kind`)."""
    ours, theirs = _actor(a.target), _actor(b.target)
    return bool(
        ours and theirs and ours != theirs and ours.startswith(UNKNOWN_ACTOR_PREFIX)
        and theirs.startswith(UNKNOWN_ACTOR_PREFIX) and a.target and b.target
        and not _one_head(a.target, b.target) and not _one_kind(a.target, b.target)
    )  # fmt: skip


def _one_kind(a: Mention, b: Mention) -> bool:
    """Two descriptions of one kind of people, by other words: resolved to one kind of actor
    ("peaceful marchers" and "dozens of protesters": ``unk:peaceful-protesters``,
    ``unk:protesters``), or of one country and sector ("the marchers", "a crowd" in one
    country's capital). Train half: joining these where the model finds them likely makes 6 false events
    fewer and loses no true one; dev 3 fewer (vetoing every description by other words also
    kept out "arrests of critics" from the arrest of "the lawmaker": a kind the model misjudges)."""
    if _described_kind(a) == _described_kind(b) != "":
        return True
    return not _kinds_of(a).isdisjoint(_kinds_of(b))


def _described_kind(mention: Mention) -> str:
    """The last word of an unknown actor's id, singular: "protester" for "unk:peaceful-protesters"."""
    actor = mention.actor or ""
    return actor.removeprefix(UNKNOWN_ACTOR_PREFIX).rsplit("-", 1)[-1].removesuffix("s")


def _one_head(a: Mention, b: Mention) -> bool:
    """One head noun, singular or plural: "the crowd" and "the crowds"."""
    return _head_key(a) == _head_key(b) != ""


def _head_key(mention: Mention) -> str:
    return head_noun(mention.text).removesuffix("s")


@dataclass(frozen=True, slots=True)
class Pair:
    """What pair features read about the article: its paragraphs and where its body starts,
    and the knowledge base's titles of one person its mentions are read with (:class:`_Act`)."""

    paragraphs: Paragraphs
    body_start: int = 0
    person_titles: frozenset[str] = field(kw_only=True)
    # each earlier mention as an act of its own (the rules' verdicts read one), built once per
    # mention: the model compares a mention with many later ones; by id, the event kept with it
    singles: dict[int, tuple[Event, _Act]] = field(default_factory=dict, compare=False, repr=False)
    scores: dict[tuple[int, int, bool], float] = field(default_factory=dict, compare=False, repr=False)

    def single(self, event: Event) -> _Act:
        """``event`` alone as an act. The article's events are not changed while they are
        compared (they are merged after), so the act read once stays true."""
        kept = self.singles.get(id(event))
        if kept is None or kept[0] is not event:
            act = _Act(person_titles=self.person_titles)
            act.add(event)
            kept = self.singles[id(event)] = (event, act)
        return kept[1]

    def probability(self, model: PairModel, a: Event, b: Event, definite: bool = False) -> float:
        """The model's probability that an earlier mention ``a`` and a later ``b`` are one act,
        read once per pair: the passes of :func:`corefer` ask again of the same pairs."""
        key = (id(a), id(b), definite)
        p = self.scores.get(key)
        if p is None:
            p = self.scores[key] = model.probability(pair_features(a, b, self, definite))
        return p


def pair_features(a: Event, b: Event, pair: Pair, definite: bool = False) -> dict[str, float]:
    """The pair model's inputs for an earlier mention ``a`` and a later one ``b`` of one type
    (coref_model.py): the rules' own verdicts, how each side compares, the trigger, how far
    apart and in which sections, modality, a definite noun, dates and places."""
    single = pair.single(a)
    paragraphs = pair.paragraphs
    values = {"bias": 1.0, "rule_same": float(same_act(single, b, paragraphs))}
    if definite:
        values["definite"] = 1.0
        values["rule_anaphoric"] = float(same_act(single, b, paragraphs, anaphoric=True))
    for side, x, y in (("source", a.source, b.source), ("target", a.target, b.target)):
        values[f"{side}={_compare(x, y)}"] = 1.0
        if x is not None and y is not None:
            values[f"{side}_words"] = _jaccard(x.text, y.text)
    values["same_noun"] = float(_noun(a) == _noun(b))
    values.update(act_cues(a, b))
    values["same_cameo"] = float(a.cameo is not None and a.cameo == b.cameo)
    nominal = (a.signals.get("pos=NOUN") == 1.0, b.signals.get("pos=NOUN") == 1.0)
    values[f"nominal={int(nominal[0])}{int(nominal[1])}"] = 1.0
    chars = max(0, b.evidence.start - a.evidence.start)
    values["distance"] = min(math.log1p(chars / 100), 5.0) / 5.0
    gap = paragraphs.of(b.evidence.start) - paragraphs.of(a.evidence.start)
    values["same_paragraph"] = float(gap == 0)
    values["next_paragraph"] = float(gap == 1)
    values["same_sentence"] = float(
        chars <= CLOSE_CHARS * 3 and paragraphs.one_sentence(a.evidence.start, b.evidence.start)
    )
    values[f"sections={_place_in(a, pair)}-{_place_in(b, pair)}"] = 1.0
    values["same_modality"] = float(a.modality == b.modality)
    for name in ("implicit_participants", "inherited_source", "implied_source", "subordinate"):
        values[f"{name}_either"] = float(bool(a.signals.get(name) or b.signals.get(name)))
    values["in_quote_either"] = float(a.quote is not None or b.quote is not None)
    values[f"dates={_compare_dates(a, b)}"] = 1.0
    values[f"places={_compare_places(a, b)}"] = 1.0
    return values


def _compare(x: Mention | None, y: Mention | None) -> str:
    """How two mentions of one side compare, the first that holds of the rules' verdicts."""
    if x is None and y is None:
        return "both_empty"
    if x is None or y is None:
        return "one_empty"
    ours, theirs = _actor(x), _actor(y)
    if ours is not None and ours == theirs:
        return "same"
    if side_actor(x) is not None and side_actor(x) == side_actor(y):
        return "antecedent"  # a pronoun's
    if any(
        state is not None and state == side_actor(other)
        for state, other in ((official_of(x), y), (official_of(y), x))
    ):
        return "official"  # a state and its official
    if _one_head(x, y):
        return "same_head"
    if x.text.lower() in PRONOUNS or y.text.lower() in PRONOUNS:
        return "pronoun"  # "it opened fire": whoever the pronoun meant, it names no one else
    if _named_vs_described(ours, theirs):
        return "described"
    return "differ"


_WORD = re.compile(r"[a-z]{3,}")


def _jaccard(a: str, b: str) -> float:
    ours, theirs = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(ours & theirs) / len(ours | theirs) if ours and theirs else 0.0


def _place_in(event: Event, pair: Pair) -> str:
    """title, caption, lede (the body's first few hundred characters) or body."""
    if event.section is not Section.BODY:
        return event.section.value
    return "lede" if event.evidence.start - pair.body_start < EARLY_CHARS else "body"


def _compare_dates(a: Event, b: Event) -> str:
    if a.date is None and b.date is None:
        return "none"
    if a.date is None or b.date is None:
        return "one"
    return "same" if a.date == b.date else "differ"


def _compare_places(a: Event, b: Event) -> str:
    if a.place is None and b.place is None:
        return "none"
    if a.place is None or b.place is None:
        return "one"
    return "same" if a.place.place == b.place.place else "differ"


_PAIR_PREFIXES = frozenset({"source", "target", "nominal", "sections", "dates", "places"})
_PAIR_NAMES = frozenset(
    {"bias", "rule_same", "rule_anaphoric", "definite", "source_words", "target_words", "same_noun",
     "same_cameo", "distance", "same_paragraph", "next_paragraph", "same_sentence", "same_modality",
     "implicit_participants_either", "inherited_source_either", "implied_source_either",
     "subordinate_either", "in_quote_either", *ACT_CUES}
)  # fmt: skip


def known_pair_feature(name: str) -> bool:
    """Whether :func:`pair_features` computes a feature of that name."""
    return name in _PAIR_NAMES or name.split("=", 1)[0] in _PAIR_PREFIXES


class Merge(NamedTuple):
    """One join coreference made, for audits (scripts/coref_audit.py): the path that made it
    (:func:`join_path`'s, ``model``, a spoken act the model confirmed ``spoken/...``, the
    second pass's ``rejoin/...``, the last pass's ``agglomerate``) and the evidence of the
    act's mentions and of the mentions that joined it, and the trigger of the first of those."""

    path: str
    type: str
    into: tuple[Span, ...]
    joined: tuple[Span, ...]
    trigger: Span


def _record(trace: list[Merge] | None, path: str, into: _Act, joined: list[Event]) -> None:
    if trace is not None:
        evidence = tuple(e.evidence for e in into.events)
        spans = tuple(e.evidence for e in joined)
        trace.append(Merge(path, into.events[0].type, evidence, spans, joined[0].trigger))


def corefer(
    events: list[Event], text: str, anaphoric: frozenset[int] = frozenset(), model: PairModel | None = None,
    body_start: int = 0, trace: list[Merge] | None = None, person_titles: frozenset[str] = frozenset(),
    apart: frozenset[int] = frozenset(),
) -> list[Event]:  # fmt: skip
    """Events of one article, mentions of one act merged; text order of first mention kept.
    ``anaphoric``: ids of the events whose trigger is a definite event noun. ``person_titles``:
    the knowledge base's titles of one person (:func:`_individual`; none by default).
    ``apart``: ids of the events whose own words tell another act than those told before
    (:func:`told_apart`): none of the three passes joins one to an earlier act the body
    told (a headline's may still be its act). Without
    ``model``, an event joins the first act the rules accept; with it, acts the hard
    constraints forbid (:func:`conflicts`) are never joined, and where the rules accept no
    act the model may join the one it finds likeliest (:func:`_likeliest`). ``trace``, where
    given, gets every join (:class:`Merge`)."""
    acts: list[_Act] = []
    by_type: dict[str, list[_Act]] = {}  # only acts of the event's type are candidates
    paragraphs = Paragraphs(text, body_start)
    pair = Pair(paragraphs, body_start, person_titles=person_titles) if model is not None else None
    for event in sorted(events, key=lambda e: e.evidence.start):
        candidates = by_type.setdefault(event.type, [])
        recent = candidates[-MAX_CANDIDATE_ACTS:]  # bounded work on very long texts
        definite = id(event) in anaphoric
        if id(event) in apart:  # "police also arrested ...": not an act the body told before
            recent = [a for a in recent if not a.told_outside_title]
        if model is not None and pair is not None:
            act, path = _likeliest(recent, event, pair, model, definite)
        else:
            order = reversed(recent) if definite else iter(recent)
            paths = ((a, join_path(a, event, paragraphs, anaphoric=definite)) for a in order)
            act, path = next(((a, p) for a, p in paths if p is not None), (None, None))
        if act is None:
            act = _Act(person_titles=person_titles)
            acts.append(act)
            candidates.append(act)
        else:
            _record(trace, path or "", act, [event])
        act.add(event)
    kept = rejoin(acts, paragraphs, model, pair, trace, apart)
    if model is not None and pair is not None:
        kept = agglomerate(kept, pair, model, trace, apart)
    merged = [merge(act) for act in kept]
    return sorted(merged, key=lambda e: min([e.evidence.start, *(s.start for s in e.mentions)]))


def rejoin(
    acts: list[_Act], paragraphs: Paragraphs, model: PairModel | None = None, pair: Pair | None = None,
    trace: list[Merge] | None = None, apart: frozenset[int] = frozenset(),
) -> list[_Act]:  # fmt: skip
    """A second pass: each act joins the first earlier act of its type that the rules accept
    for its first mention (with ``model``, a spoken act only where the model does not find it
    unlikely: :func:`_unlikely`) and that none of its mentions conflicts with, unless that
    mention is told apart (``apart``: :func:`corefer`) from an act the body told. The first pass
    compared that mention with the earlier act as it stood then; a mention later in the text
    may have named what it lacked ("he was detained ..." before "Pashinyan was detained")."""
    kept: list[_Act] = []
    by_type: dict[str, list[_Act]] = {}
    for act in acts:
        first = act.events[0]
        candidates = by_type.setdefault(first.type, [])
        into = next(
            (
                earlier
                for earlier in candidates[-MAX_CANDIDATE_ACTS:]
                if not _kept_apart(earlier, first, apart)
                and not any(conflicts(earlier, e) for e in act.events)
                and same_act(earlier, first, paragraphs)
                and (model is None or pair is None or not _unlikely(earlier, first, pair, model, False))
            ),
            None,
        )
        if into is None:
            kept.append(act)
            candidates.append(act)
            continue
        if trace is not None:
            spoken = model is not None and pair is not None and _left_to_model(into, first, pair, False)
            path = f"rejoin/{'spoken/' if spoken else ''}{join_path(into, first, paragraphs)}"
            _record(trace, path, into, act.events)
        for event in act.events:
            into.add(event)
    return kept


# How far under the pair model's threshold two whole acts may join on the average of their
# mentions' probabilities (:func:`agglomerate`). Chosen on the train half (0.05, 0.1, 0.2:
# false events 689 -> 689 / 672 / 656, true 1689 -> 1689 / 1685 / 1675; events F1 best at 0.1).
LINK_MARGIN = 0.1


def agglomerate(
    acts: list[_Act], pair: Pair, model: PairModel, trace: list[Merge] | None = None,
    apart: frozenset[int] = frozenset(),
) -> list[_Act]:  # fmt: skip
    """A last pass over whole acts, best pair first: two acts of one type join where the pair
    model, averaged over their mentions (each act's first and latest), finds them one act,
    within the hard constraints, unless the later act's first mention is told apart
    (``apart``: :func:`corefer`) from an act the body told. The passes before compare one
    mention with the acts told before it, in text order, so an act told twice by other words
    ("fired on the marchers", "the shooting killed dozens") stays two when neither report
    alone was likely enough; the average of every pair of their reports is a surer sign than
    the likeliest one pair, so the bar is a little lower (``LINK_MARGIN``). Only the latest
    ``MAX_PAIRED_ACTS`` acts of a type are compared with each; each pair of acts is read once
    until either changes."""
    bar = model.threshold - LINK_MARGIN

    def probability(a: Event, b: Event) -> float:
        return pair.probability(model, a, b) if _start(a) <= _start(b) else pair.probability(model, b, a)

    def link(earlier: _Act, later: _Act) -> float | None:
        ours, theirs = _paired(earlier), _paired(later)
        triggers = {e.trigger.start for e in earlier.events}
        if any(e.trigger.start in triggers for e in later.events):
            return None  # one trigger with a list of sides: one act each
        if _kept_apart(earlier, later.events[0], apart):
            return None
        if conflicts(earlier, later.events[0]):
            return None  # most acts kept apart are kept apart by the first mention: cheap first
        average = sum(probability(a, b) for a in ours for b in theirs) / (len(ours) * len(theirs))
        if average <= bar:
            return average  # never joined: the constraints need not be read
        if any(conflicts(earlier, e) for e in later.events[1:]):  # the first was read above
            return None
        if any(conflicts(later, e) for e in earlier.events):
            return None
        if any(_described_apart(*sorted((a, b), key=_start)) for a in ours for b in theirs):
            return None
        return average

    order = {id(act): i for i, act in enumerate(acts)}
    by_type: dict[str, list[_Act]] = {}
    for act in acts:
        by_type.setdefault(act.events[0].type, []).append(act)
    kept: list[_Act] = []
    links: dict[tuple[int, int], float | None] = {}  # by the two acts' ids, until either changes
    for group in by_type.values():
        while True:
            best, best_p = None, bar
            for i, earlier in enumerate(group):
                for j in range(i + 1, min(len(group), i + 1 + MAX_PAIRED_ACTS)):
                    key = (id(earlier), id(group[j]))
                    if key not in links:
                        links[key] = link(earlier, group[j])
                    p = links[key]
                    if p is not None and p > best_p:
                        best, best_p = (i, j), p
            if best is None:
                break
            into, joined = group[best[0]], group.pop(best[1])
            _record(trace, "agglomerate", into, joined.events)
            for event in joined.events:
                into.add(event)
            changed = {id(into), id(joined)}
            links = {key: p for key, p in links.items() if changed.isdisjoint(key)}
        kept.extend(group)
    return sorted(kept, key=lambda act: order[id(act)])


def _kept_apart(act: _Act, event: Event, apart: frozenset[int]) -> bool:
    """Whether ``event``, told apart from the acts before it (:func:`told_apart`), is kept
    from ``act``: an act the body told. A headline told alone may still be its act ("Police
    arrest 20 protesters", then "Police fired tear gas ... They also arrested 20 people")."""
    return id(event) in apart and act.told_outside_title


def _paired(act: _Act) -> list[Event]:
    """The mentions of an act the pair model reads: its first and latest (every pass that
    asks the model about an act reads these)."""
    return act.events[:1] + act.events[1:][-MAX_PAIRED_MENTIONS:]


def _start(event: Event) -> int:
    return event.evidence.start


def _likeliest(
    acts: list[_Act], event: Event, pair: Pair, model: PairModel, definite: bool
) -> tuple[_Act | None, str | None]:
    """The act the rules join (within the hard constraints), else the allowed act whose
    likeliest mention the model scores highest over its threshold: a headline or a recap
    whose sides were resolved differently ("an Iranian diplomat based in Oslo"); with the
    path that joins it (:class:`Merge`)."""
    allowed = [act for act in acts if not conflicts(act, event)]
    order = reversed(allowed) if definite else iter(allowed)  # "the arrest": the latest act told
    for a in order:
        path = join_path(a, event, pair.paragraphs, anaphoric=definite)
        if path is None:
            continue
        if not _left_to_model(a, event, pair, definite):
            return a, path
        if not _doubted(a, event, pair, model):
            return a, f"spoken/{path}"
    best, best_p = None, model.threshold
    for act in allowed[-MAX_PAIRED_ACTS:]:
        if any(e.trigger.start == event.trigger.start or _described_apart(e, event) for e in act.compared):
            continue  # one trigger with a list of sides ("accused the two groups"): one act each
        p = max(pair.probability(model, e, event, definite) for e in _paired(act))
        if p > best_p:
            best, best_p = act, p
    return best, "model"


# The verbal acts of coding rule 4 (docs/ontology.md): accusing, threatening, demanding,
# rejecting, praising, promising. One speaker says many of them to one addressee in one story
# ("X accused Y of A ... X also accused Y of B"), so the same sides join two reports of a
# statement less often than two reports of an arrest or a strike.
SPOKEN_TYPES = frozenset({"ACCUSE", "THREATEN", "REQUEST", "REJECT", "SUPPORT", "AGREE"})
# Under this pair probability the rules' join of a spoken act is left to the model. Chosen out
# of fold on the train half (each article coded with a model fitted on the other folds: events
# F1 0.622 -> 0.625, triples 775 -> 783 true positives; flat from 0.25 to 0.55; applied to
# every type it adds as many false positives as true ones).
SPOKEN_CONFIRM = 0.4


def _unlikely(act: _Act, event: Event, pair: Pair, model: PairModel, definite: bool) -> bool:
    """Whether the model finds a spoken act the rules join to ``act`` unlikely to be one
    statement: the rules join a spoken act by its sides alone, right little more than half the
    time outside a headline and its lede (train half, against 70% for other acts); the pair
    model also weighs the words, the distance and the sections. A definite noun ("the
    accusation") and a headline's lede keep the rules' word."""
    return _left_to_model(act, event, pair, definite) and _doubted(act, event, pair, model)


def _left_to_model(act: _Act, event: Event, pair: Pair, definite: bool) -> bool:
    """Whether the rules' join of ``event`` to ``act`` is a spoken act's, left to the model."""
    return event.type in SPOKEN_TYPES and not definite and not _headline_and_lede(act, event, pair.paragraphs)


def _doubted(act: _Act, event: Event, pair: Pair, model: PairModel) -> bool:
    """Whether the model scores every mention of ``act`` paired with ``event`` under
    :data:`SPOKEN_CONFIRM`."""
    return max(pair.probability(model, e, event) for e in _paired(act)) < SPOKEN_CONFIRM


class EventCorefStage:
    """Reads ``events`` (grounded); writes them back, one per act, with ``mentions``."""

    name = "event_coref"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config
        self.model = pair_model_for(str(config.coref_path)) if config.coref_path is not None else None
        # titles of one person from the resolver's knowledge base, the user's KB files included
        self.person_titles = resolver_for(tuple(config.kb_files), config.model).kb.person_titles()
        self.trace: dict[str, list[Merge]] | None = None  # by article id, where an audit asks

    def __call__(self, analysis: Analysis) -> Analysis:
        events = sorted(analysis.events, key=lambda e: e.evidence.start)  # doers filled: implied_doers.py
        body = analysis.article.sections.get(Section.BODY.value, (0, 0))
        trace = None if self.trace is None else self.trace.setdefault(analysis.article.id, [])
        definite = definite_nouns(analysis, events)
        apart = told_apart(analysis, events)
        acts = corefer(
            events, analysis.article.text, definite, self.model, body[0], trace, self.person_titles, apart
        )
        analysis.events = [act for act in acts if not meets_no_one(act)]
        return analysis


def meets_no_one(act: Event) -> bool:
    """A verb of meeting, visiting or hosting whose act, all its mentions joined, names no
    other party: a body meeting by itself ("the council has been meeting") or a visit to a
    place ("visited a factory"), no consultation (coding rule 8). A mediator is the third
    side of the parties' act and needs no party of its own. Judged after coreference, so
    that a mention naming no one ("they met again on Monday") joins the act that names both."""
    verb = act.signals.get("pos=VERB") == 1.0
    return act.type == "CONSULT" and verb and act.target is None and act.cameo != MEDIATION


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def definite_nouns(analysis: Analysis, events: list[Event]) -> frozenset[int]:
    """Ids of the events whose trigger is an event noun with a definite determiner or a
    possessor: "the arrest", "this attack", "Muzenda's arrest", "their offensive"."""
    nouns = [event for event in events if event.signals.get("pos=NOUN") == 1.0]
    return frozenset(
        id(event)
        for event, head in _trigger_heads(analysis, nouns)
        if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in head.children)
    )


# Words that tell an act besides one told before ("police also arrested", "arrested him too")
_ADDITIVE = frozenset({"also", "too"})
# and words that put it before the story's time: "the previous talks", "its earlier visit"
_EARLIER = frozenset({"previous", "earlier", "former"})
_PERIODS = frozenset({"week", "month", "year"})  # "last year's attack", "clashed last month"


def told_apart(analysis: Analysis, events: list[Event]) -> frozenset[int]:
    """Ids of the events whose trigger's own modifiers tell another act than those the body
    told before it: an additive adverb ("the two countries also signed an agreement",
    "journalists have also been arrested": a further act of the kind, not a retelling), or a
    time before the story's ("the previous talks", "last year's air strikes", "the killing of
    four soldiers last month": background, not the news). A retelling names its act again
    without them ("the arrest", "he was detained on Sunday")."""
    return frozenset(
        id(event)
        for event, head in _trigger_heads(analysis, events)
        if any(_sets_apart(modifier, event.type in SPOKEN_TYPES) for modifier in head.children)
    )


def _sets_apart(modifier: Any, spoken: bool) -> bool:
    """Whether a modifier of a trigger tells another act (:func:`told_apart`). A statement
    tells many things at once ("ISIS accused Hamas of A ... ISIS also accuses Hamas of B": one
    video), so an additive adverb sets no spoken act apart (``spoken``: :data:`SPOKEN_TYPES`)."""
    word, dep = modifier.lower_, modifier.dep_
    if dep == "advmod":
        return word in _ADDITIVE and not spoken
    if dep == "amod":
        return word in _EARLIER
    if dep in ("npadvmod", "poss") and word in _PERIODS:
        return any(c.lower_ == "last" for c in modifier.children)
    return False


def _trigger_heads(analysis: Analysis, events: list[Event]) -> Iterator[tuple[Event, Any]]:
    """Each event with the token heading its trigger ("strikes" of "air strikes"), where a
    parsed section holds it."""
    # each token's start, read (in C, not token by token) only from a doc holding a trigger
    starts: dict[int, Any] = {}
    for event in events:
        for sd in analysis.docs:
            doc = sd.doc
            if not len(doc) or not doc[0].idx + sd.offset <= event.trigger.start < sd.offset + len(sd.text):
                continue
            offsets = starts.get(id(sd))
            if offsets is None:
                # signed, as the offset looked up: numpy would copy an unsigned array to floats
                # on every search for a Python int, a pass over the whole article each time
                offsets = starts[id(sd)] = doc.to_array("IDX").astype("int64")
            index = int(offsets.searchsorted(event.trigger.start - sd.offset, side="right")) - 1
            head = doc[index]
            while head.dep_ == "compound" and head.head.i != head.i:
                head = head.head
            yield event, head
            break
