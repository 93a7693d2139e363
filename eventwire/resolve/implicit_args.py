"""Sides a clause leaves to the discourse: whom a judgement or a response is aimed at, and
who took part in a protest or talks told as a bare noun.

News names who did an act once, then judges or answers the act without naming them again:

* "Gunmen killed a police officer ... The minister condemned the killing": a judgement of
  an act is aimed at its doer (``JUDGES_THE_DOER`` in :mod:`eventwire.extract.judged_acts`).
  When the judged act's phrase names no doer (``Event.judged``), the doer is the source of
  the act it refers to: the latest earlier act of its type told with the same word ("the
  coup" after "an army coup"), else the latest earlier act of its type, else the next one;
  an act done to someone else than the phrase names ("the killing [of the officer]") is
  another act. An act done to an act ("police dispersed the rally", ``ACTS_ON_ACTS``) is
  aimed at that act's doer the same way: the crowd of the rally told before;
* "The US asked Mexico to extradite him. Mexico refused": a response that names no one
  (``Event.answers``) is aimed at whoever made the latest earlier act aimed at the
  responder; force answers force ("troops hit back"), words answer anything. A response
  to a thing said ("the rebels dismissed the claim") with no such act answers the latest
  statement before it by someone else (``Analysis.quotes``).

* "Thousands marched on parliament ... The deaths swelled into larger protests", "Kenya
  and Somalia agreed ... the deal is the outcome of years of negotiations": a protest or
  talks noun with no participant in its phrase (``Event.open_sides``) is by the crowd of
  the nearest protest that names its doers, or between the two parties of the nearest
  talks or agreement that names both. A protest with no such act near is still a protest
  by someone: by protesters the article does not name ("Mass demonstrations have swept the
  country"), an unknown group actor ``unk:protesters`` (signal ``implied_crowd``); outside
  photo captions. Talks with no such act near are between the story's two parties, as for
  a fight below ("South Korea and Japan ... despite months of talks"); with neither, they
  are no event (coding rule 3).
* "Rebels and troops clashed near the border ... New fighting flared there on Monday": a
  fight both sides take part in told as a bare noun ("clashes broke out on July 24", "a
  2011 clash") is between the two parties of the nearest fight told both ways that names
  them, else between the story's two parties ("the two sides" of
  :meth:`~eventwire.resolve.actors.ActorResolver.story_pair`), one event in each direction
  (coding rule 2; signal ``implicit_fight``). Only a fight its own clause dates is a
  specific act (coding rule 1); "the fighting" undated is the conflict at large, told by
  the acts that named its sides.

Only an act the article reports fills a side, within a couple of paragraphs, and only from
an act with one doer ("X and Y clashed", told in both directions, has none); only a side
the clause left empty is filled. Runs before event coreference, on one event per mention.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace

from eventwire.config import PipelineConfig
from eventwire.extract.event_lexicon import MEDIATION
from eventwire.models import UNKNOWN_ACTOR_PREFIX, Actor, Analysis, Event, Mention, Quote, Section, Span
from eventwire.resolve.actors import resolver_for
from eventwire.resolve.counterparts import counterparts, protest_crowds, protest_states
from eventwire.resolve.event_coref import INHERIT_WITHIN_CHARS, MAX_CANDIDATE_ACTS, head_noun, side_actor
from eventwire.resolve.yielding import yielded_to

WITHIN_CHARS = INHERIT_WITHIN_CHARS  # about two paragraphs, as for inherited sources
SAME_WORD_CHARS = 2400  # "the coup" refers further back, to the act told with its word
_NEIGHBOURS = 8  # a judged act's own event is emitted with its judgement's sentence
_FORCE = frozenset({"ASSAULT", "COERCE"})
# A decision judged ("criticized the ruling", ``JudgedAct.type`` empty) is made by the act
# told with its word, of any type but fighting or protest: "the court banned the party ...
# the ban"; "the move", "the decision" alone may refer to any act, and name no one.
_NOT_DECIDED = frozenset({"ASSAULT", "PROTEST"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "his", "its", "their"})


def _same_party(a: Mention, b: Mention) -> bool:
    """One actor, or one group noun ("a police officer" and "the officer", "army troops"
    and "the troops")."""
    actor = side_actor(a)
    if actor is not None and actor == side_actor(b):
        return True
    head = head_noun(a.text)
    return head not in _PRONOUNS and head == head_noun(b.text) != ""


def _word(trigger: Span) -> str:
    """The trigger's word family, roughly: "kill" for "killing" and "killed"."""
    words = trigger.text.lower().split()
    return words[0][:4] if words else ""


class _Acts:
    """The events of one article in text order, and which triggers name a single doer."""

    def __init__(self, events: list[Event]) -> None:
        doers: dict[int, set[str | None]] = defaultdict(set)
        for event in events:
            doers[event.trigger.start].add(side_actor(event.source))
        self.events = events
        self.single = {start for start, names in doers.items() if len(names) == 1 and None not in names}
        sides = {(e.trigger.start, side_actor(e.source), side_actor(e.target)) for e in events}
        # fights told both ways ("X and Y clashed", "X fought Y"): each side with the other
        self.fights = {at for at, a, b in sides if a and b and (at, b, a) in sides}

    def doer_for(self, event: Event, candidate: Event) -> bool:
        """Whether ``candidate``, a body act with one named doer, may name someone ``event``
        is aimed at (not its own source)."""
        return (
            candidate.trigger.start in self.single and candidate.section is Section.BODY
            and side_actor(candidate.source) != side_actor(event.source)
        )  # fmt: skip

    def before(self, i: int) -> list[Event]:
        return self.events[max(0, i - MAX_CANDIDATE_ACTS) : i]

    def after(self, i: int) -> list[Event]:
        return self.events[i + 1 : i + 1 + MAX_CANDIDATE_ACTS]

    def done_to(self, i: int, trigger: Span) -> Mention | None:
        """Whom the act with this trigger, next to event ``i``, was done to, if it says."""
        near = self.events[max(0, i - _NEIGHBOURS) : i + _NEIGHBOURS]
        return next((e.target for e in near if e.trigger.start == trigger.start and e.target), None)


def _fill(event: Event, source: Mention) -> None:
    event.target = source.copy()
    event.signals["implicit_target"] = 1.0


def _refers(act: Event, judgement: Event, done_to: Mention | None, acts: _Acts) -> bool:
    """Whether ``act`` may be the act judged: of its type, done to whom the judged act was
    (where both say), by someone else than the judge."""
    judged = judgement.judged
    assert judged is not None
    agrees = done_to is None or act.target is None or _same_party(act.target, done_to)
    of_type = act.type == judged.type or (not judged.type and act.type not in _NOT_DECIDED)
    same = of_type and act.trigger.start != judged.trigger.start
    return same and agrees and acts.doer_for(judgement, act)


def judged_doers(events: list[Event]) -> None:
    """Targets of judgements of acts told without their doer. ``events`` in text order.
    The acts are read at the first judgement (most articles have none), before any is filled."""
    acts: _Acts | None = None
    for i, event in enumerate(events):
        judged = event.judged
        if judged is None or event.target is not None or event.source is None:
            continue
        acts = _Acts(events) if acts is None else acts
        at, done_to = judged.trigger.start, acts.done_to(i, judged.trigger)
        earlier = [
            e for e in acts.before(i)
            if 0 < at - e.evidence.start <= SAME_WORD_CHARS and _refers(e, event, done_to, acts)
        ]  # fmt: skip
        same_word = [e for e in earlier if _word(e.trigger) == _word(judged.trigger)]
        before = [e for e in earlier if at - e.evidence.start <= WITHIN_CHARS]
        after = [
            e for e in acts.after(i)
            if 0 < e.evidence.start - at <= WITHIN_CHARS and _refers(e, event, done_to, acts)
        ]  # fmt: skip
        if not judged.type:  # "the ban", "the verdict": made by the act told with its word
            before, after = [], []
        found = same_word[-1] if same_word else before[-1] if before else after[0] if after else None
        if found is not None and found.source is not None and not _same_party(found.source, event.source):
            _fill(event, found.source)


class _Statements:
    """The article's statements by offset, for the latest one before a response."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = sorted((q for q in quotes if q.speaker is not None), key=lambda q: q.start)
        self.starts = [q.start for q in self.quotes]

    def speaker_before(self, event: Event) -> Mention | None:
        """The speaker of the latest statement before the event, within ``WITHIN_CHARS``,
        when someone else than its source made it."""
        at = event.evidence.start
        end = bisect_left(self.starts, at)
        for quote in reversed(self.quotes[max(0, end - _NEIGHBOURS) : end]):
            if at - quote.start > WITHIN_CHARS:
                return None
            speaker = quote.speaker
            if speaker is not None and side_actor(speaker) is not None:
                return None if event.source and _same_party(speaker, event.source) else speaker
        return None


def answered(events: list[Event], quotes: list[Quote]) -> None:
    """Targets of responses that name no one to answer. ``events`` in text order. The acts
    and statements are read at the first response (most articles have none), before any is filled."""
    acts: _Acts | None = None
    statements: _Statements | None = None
    for i, event in enumerate(events):
        responder = event.source
        if not event.answers or event.target is not None or side_actor(responder) is None:
            continue
        assert responder is not None
        acts = _Acts(events) if acts is None else acts
        statements = _Statements(quotes) if statements is None else statements
        force = event.type in _FORCE
        found = next(
            (
                e for e in reversed(acts.before(i))
                if 0 < event.evidence.start - e.evidence.start <= WITHIN_CHARS
                and (e.type in _FORCE or not force) and e.target is not None
                and _same_party(e.target, responder) and acts.doer_for(event, e)
            ),
            None,
        )  # fmt: skip
        if found is not None and found.source is not None:
            _fill(event, found.source)
        elif event.answers == "words":
            speaker = statements.speaker_before(event)
            if speaker is not None:
                _fill(event, speaker)


_PLURALS = frozenset({"people", "they", "them", "crowd", "crowds"})


def _crowd(mention: Mention) -> bool:
    """Whether a protest's doer may be the crowd of another: a group, not one person or a
    state ("the man", "Hong Kong": a misread doer, or whom the protest was about)."""
    actor = side_actor(mention) or ""
    if actor.startswith(("person:", "country:")):
        return False
    head = head_noun(mention.text)
    return not actor.startswith(UNKNOWN_ACTOR_PREFIX) or head.endswith("s") or head in _PLURALS


# Acts whose participants name those of a protest, talks or fight noun told without them.
_TOLD_BY = {
    "PROTEST": frozenset({"PROTEST"}), "CONSULT": frozenset({"CONSULT", "AGREE"}),
    "ASSAULT": frozenset({"ASSAULT"}),  # a fight, by the two sides of another told both ways
}  # fmt: skip
# Open acts that fall back on the story's two parties when no act near names theirs: a fight
# ("new fighting flared") and talks ("despite months of talks", "negotiations stalled").
_STORY_PAIR_TYPES = frozenset({"ASSAULT", "CONSULT"})
# The signal of an event given its sides so: fights apart from protests and talks, for the scorer.
_FILLED = {"ASSAULT": "implicit_fight"}


def _parties(event: Event, other: Event, fights: set[int]) -> list[tuple[Mention, Mention | None]]:
    """The (source, target) pairs ``other`` gives an open ``event``: a protest's crowd (its
    doers, not whom it was aimed at), the two parties of talks or of a fight, each with the
    other."""
    if other.open_sides or other.section is not Section.BODY or other.type not in _TOLD_BY[event.type]:
        return []
    if other.signals.get("mediation"):
        return []  # "talks mediated by Oman": Oman deals with each side, it is not one
    source, target = other.source, other.target
    if source is None or side_actor(source) is None:
        return []
    if event.type == "PROTEST":
        return [(source, None)] if _crowd(source) else []
    if event.type == "ASSAULT" and other.trigger.start not in fights:
        return []  # "gunmen killed a guard": one side's act, not a fight's two sides
    if target is None or side_actor(target) in (None, side_actor(source)):
        return []
    return [(source, target), (target, source)]


CROWD = Actor(UNKNOWN_ACTOR_PREFIX + "protesters", "protesters", "group", None, ["CVL"], known=False)


def _specific(event: Event) -> bool:
    """Whether an open fight is one specific act: its own clause dates it ("clashes broke
    out on July 24", "a 2011 clash"), not a weak date of the sentence."""
    return event.date is not None and not event.signals.get("date_weak")


def _both_ways(pair: list[Mention]) -> list[tuple[Mention, Mention | None]]:
    return [(pair[0], pair[1]), (pair[1], pair[0])] if len(pair) == 2 else []


def participants(
    events: list[Event], crowd: Actor | None = None, story_pair: Callable[[int], list[Mention]] | None = None
) -> list[Event]:
    """``events`` with each open protest, talks or fight noun given the participants of the
    nearest act that names them (the latest before it, else the next), within
    ``WITHIN_CHARS``; a protest with none, by ``crowd`` (unnamed protesters) outside
    captions; talks or a dated fight with none, between the ``story_pair`` at its offset;
    else left out. ``events`` in text order."""
    acts: _Acts | None = None  # read at the first open act: most articles have none
    out: list[Event] = []
    for i, event in enumerate(events):
        if not event.open_sides:
            out.append(event)
            continue
        acts = _Acts(events) if acts is None else acts
        if event.type == "ASSAULT" and not _specific(event):
            continue  # "the fighting has killed 36": the conflict at large
        at = event.evidence.start
        near = [
            *(e for e in reversed(acts.before(i)) if 0 <= at - e.evidence.start <= WITHIN_CHARS),
            *(e for e in acts.after(i) if 0 <= e.evidence.start - at <= WITHIN_CHARS),
        ]
        pairs = next((found for e in near if (found := _parties(event, e, acts.fights))), [])
        if not pairs and event.type in _STORY_PAIR_TYPES and story_pair is not None:
            pairs = _both_ways(story_pair(event.trigger.start))  # "new fighting flared", "months of talks"
        in_story = event.section is not Section.CAPTION  # a photo's crowd is not the story's
        if not pairs and crowd is not None and event.type == "PROTEST" and in_story:
            word = event.trigger
            mention = Mention(word.text, word.start, word.end, crowd.id, crowd.country, list(crowd.sectors))
            out.append(
                replace(
                    event, source=mention, target=None, mentions=list(event.mentions), open_sides=False,
                    signals={**event.signals, "implied_crowd": 1.0},
                )
            )  # fmt: skip
            continue
        for source, target in pairs:
            filled = _FILLED.get(event.type, "implicit_participants")
            signals = {**event.signals, filled: 1.0, "pairs": float(len(pairs))}
            out.append(
                replace(
                    event, source=source.copy(), target=target.copy() if target else None, signals=signals,
                    mentions=list(event.mentions), open_sides=False,
                )
            )  # fmt: skip
    return out


def mediated_parties(events: list[Event], story_pair: Callable[[int], list[Mention]]) -> list[Event]:
    """A mediator deals with each party of the act it mediates, one event each (coding rule
    2): where the words name one party or none ("the EU, which mediated the negotiations", "a
    swap brokered by Oman" with Iran), the story's two parties at that point, when the one
    named is one of them and the mediator is neither."""
    by_trigger: dict[int, list[Event]] = defaultdict(list)
    for event in events:
        if event.cameo == MEDIATION and event.source is not None and not event.open_sides:
            by_trigger[event.trigger.start].append(event)
    added: dict[int, list[Event]] = {}
    dropped: set[int] = set()
    for start, told in by_trigger.items():
        parties = {side_actor(e.target) for e in told if e.target is not None}
        if len(parties) > 1:
            continue  # "brokered by the UN between X and Y": both named
        pair = story_pair(start)
        actors = [side_actor(m) for m in pair]
        if len(pair) != 2 or None in actors or not parties <= set(actors):
            continue
        for event in told:
            if side_actor(event.source) in actors:
                continue
            missing = [m for m, a in zip(pair, actors, strict=True) if a not in parties]
            signals = {**event.signals, "implicit_participants": 1.0}
            new = [
                replace(event, target=m.copy(), mentions=list(event.mentions), signals=signals)
                for m in missing
            ]
            added.setdefault(id(event), []).extend(new)
            if event.target is None:
                dropped.add(id(event))
    out: list[Event] = []
    for event in events:
        if id(event) not in dropped:
            out.append(event)
        out.extend(added.get(id(event), []))
    return out


class ImplicitArgsStage:
    """Reads ``events`` (one per mention); fills the sides the discourse gives."""

    name = "implicit_args"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config
        self.resolver = resolver_for(tuple(config.kb_files), config.model)

    def __call__(self, analysis: Analysis) -> Analysis:
        events = sorted(analysis.events, key=lambda e: e.evidence.start)
        judged_doers(events)  # "condemned the killing": aimed at the killers named before
        answered(events, analysis.quotes)  # "Mexico refused": aimed at whoever asked
        crowd = next((a for a in analysis.actors if a.id == CROWD.id), None)
        if crowd is None:
            crowd = replace(CROWD, sectors=list(CROWD.sectors), mentions=[])
        pair = lambda at: self.resolver.story_pair(analysis, at)  # noqa: E731
        analysis.events = participants(events, crowd, pair)  # "the talks": between the parties of the deal
        analysis.events = mediated_parties(analysis.events, pair)  # "X, which mediated the talks"
        if crowd not in analysis.actors and any(e.source is not None and e.source.actor == crowd.id
                                                for e in analysis.events):  # fmt: skip
            analysis.actors.append(crowd)
        if protest_crowds(analysis.events, crowd) and crowd not in analysis.actors:
            analysis.actors.append(crowd)  # "10,000 people joined the protest": the crowd
        link = lambda s, e, h: self.resolver.link(analysis, s, e, head=h)  # noqa: E731
        if yielded_to(analysis, analysis.events, crowd, link) and crowd not in analysis.actors:
            analysis.actors.append(crowd)  # "stepped down in the face of mass protests": the crowd
        counterparts(analysis.events)  # "the rebels agreed to pull out": aimed at whom they fight
        protest_states(analysis.events, analysis.actors)  # "thousands marched in Minsk": against the state
        return analysis
