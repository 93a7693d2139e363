"""Targets a coder infers from the story, not from the clause: the other side of a war for
a truce or a withdrawal, the state a domestic protest is against.

Coders give a side the clause leaves empty when the story names it plainly elsewhere:

* "The rebels agreed to pull out of the town", "the junta declared a ceasefire": a retreat
  or a concession by one party to a conflict is aimed at the other party, the one it
  fights. The counterpart is the actor the source's hostile acts in the article (attacks,
  coercion, threats: ``_CONFLICT``) are most often with, either way, when one stands out
  (signal ``counterpart``);
* "Pakistani troops violated the ceasefire", "Russian bombardment", "the army seized the
  ridge": a fight or a seizure by one of the story's two parties (the two named together
  most, :meth:`~eventwire.resolve.actors.ActorResolver.story_pair`) that names no one it hit
  is aimed at the other party, when the article sets the two against each other (signal
  ``story_foe``; after the scorer, in :class:`.story_targets.StoryTargetStage`);
* "Thousands took to the streets of Minsk", "protests swept the country": a protest at
  home with no one named to protest against is against the state where it happens, the
  country's own government (signal ``protest_state``). The target is the country actor
  (``country:XXX``, sector GOV) at its latest mention before the protest, else the next;
  a protest at a foreign embassy or against a named party has its target from the clause.
  A blockade (CAMEO 144: "demonstrators blocked roads with burning tyres") is no demand
  made of anyone: it is aimed at whom its clause names, if anyone, never at the state by
  default (train, session 32: all 5 such matched fills were acts gold codes with no target);
* "Some 10,000 people joined the demonstration ... Police detained more than a dozen
  people", "security forces fired tear gas": people who protest are the crowd
  (``protesters``, as demonstrators and marchers are), and a state force's coercion or
  force near a protest that names no one, or only plain people ("people", "two men"), is
  aimed at that protest's crowd (signal ``protest_crowd``).

Only a side the clause left empty is filled, only with an actor the article names, and
never with the source's own side. Runs in :class:`.implicit_args.ImplicitArgsStage`, after
the discourse fills protests and talks told as bare nouns, on one event per mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace

from eventwire.models import UNKNOWN_ACTOR_PREFIX, Actor, Event, Mention
from eventwire.resolve.event_coref import side_actor
from eventwire.resolve.groups import STATE_AGENTS

# Acts whose two sides make a conflict: the parties a retreat or concession is aimed at.
_CONFLICT = frozenset({"ASSAULT", "COERCE", "THREATEN"})
# Acts aimed at the other party of the source's conflict when the clause names no one.
_YIELDING = frozenset({"RETREAT", "CONCEDE", "AGREE", "REJECT"})
# Coercion that takes by force from another side: seizing ground, property or power (CAMEO 171).
_SEIZURE = "171"
_MIN_ACTS = 2  # one act with someone is an episode, not the story's conflict
_PRONOUNS = frozenset({"we", "us", "our", "it", "its", "they", "them", "their"})
# Protest by obstruction (CAMEO 144: blocking roads, barricades, sit-ins that stop traffic):
# a disruption, aimed at whom its clause names if anyone, not a demand made of the state.
_OBSTRUCTION = "144"


def _standing_out(parties: Iterable[tuple[str, Mention]]) -> Mention | None:
    """The party named most often among ``parties`` (actor, mention), at least
    ``_MIN_ACTS`` times and more often than any other; its first mention."""
    counts: Counter[str] = Counter()
    first: dict[str, Mention] = {}
    for actor, mention in parties:
        counts[actor] += 1
        first.setdefault(actor, mention)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < _MIN_ACTS or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return first[ranked[0][0]]


def _foes(events: Iterable[Event]) -> dict[str, list[tuple[str, Mention]]]:
    """The other side of each hostile act each actor did or suffered, in text order: one
    pass over the article for all its sources (a pass per source grew with the article)."""
    out: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
    for event in events:
        if event.type not in _CONFLICT or event.source is None or event.target is None:
            continue
        doer, done_to = side_actor(event.source), side_actor(event.target)
        if doer is None or done_to is None or doer == done_to:
            continue
        out[doer].append((done_to, event.target))
        out[done_to].append((doer, event.source))
    return out


def counterparts(events: list[Event]) -> None:
    """Targets of retreats, concessions, truces and refusals by one party to the article's
    conflict, with no one named: the party it fights (``_foes``). The hostile acts it reads
    are never the yielding acts it fills, so their sides are read once, before any is filled."""
    foes: dict[str, Mention | None] = {}
    hostile: dict[str, list[tuple[str, Mention]]] | None = None  # read at the first yielding act
    for event in events:
        if event.type not in _YIELDING or event.target is not None or event.open_sides:
            continue
        source = side_actor(event.source)
        if source is not None and source not in foes:
            hostile = _foes(events) if hostile is None else hostile
            foes[source] = _standing_out(hostile.get(source, []))
        other = foes.get(source) if source is not None else None
        if other is not None:
            event.target = other.copy()
            event.signals["counterpart"] = 1.0


def _forcible(event: Event) -> bool:
    """A fight, or a seizure (CAMEO 171: of ground, property, power), taken from someone."""
    return event.type == "ASSAULT" or (event.type == "COERCE" and (event.cameo or "").startswith(_SEIZURE))


def fight_counterparts(events: list[Event], story_pair: Callable[[int], list[Mention]]) -> None:
    """Targets of fights told with one side ("Pakistani troops violated the ceasefire",
    "Russian bombardment", "the side that attacked"): a fight is two-sided, and one by a
    party of the story's two (``story_pair`` at its word: the two named together most in
    the ten sentences before) that names no one it hit is aimed at the other party, when the
    story sets the two against each other: another hostile act (``_CONFLICT``) between them,
    either way, or both told as doers of this one ("Armenia and Azerbaijan went to war").
    Two parties named together that no hostile act sets apart ("the US and Israel", "the
    U.N. and the U.S.") are allies or a list, not the two sides of a fight (signal
    ``story_foe``)."""
    opposed: set[frozenset[str]] | None = None  # read at the first fight that names one side
    doers: dict[int, set[str | None]] = defaultdict(set)
    for event in events:
        doers[event.trigger.start].add(side_actor(event.source))
    for event in events:
        if not _forcible(event) or event.target is not None or event.open_sides:
            continue
        source = side_actor(event.source)
        if source is None:
            continue
        pair = story_pair(event.trigger.start)
        parties = [side_actor(m) for m in pair]
        if len(pair) != 2 or None in parties or parties[0] == parties[1] or source not in parties:
            continue
        other = pair[1 - parties.index(source)]
        other_id = side_actor(other)
        if opposed is None:
            opposed = {
                frozenset((doer, done_to)) for e in events if e.type in _CONFLICT
                if (doer := side_actor(e.source)) and (done_to := side_actor(e.target)) and doer != done_to
            }  # fmt: skip
        if frozenset((source, other_id)) in opposed or other_id in doers[event.trigger.start]:
            event.target = other.copy()
            event.signals["story_foe"] = 1.0


def named_states(actors: Iterable[Actor]) -> list[Actor]:
    """The article's country actors that it names (the states themselves, not their people
    or organs), in the actors' order: whom a protest or a statement may be aimed at."""
    return [a for a in actors if a.id == f"country:{a.country}" and a.mentions]


class StateMentions:
    """A country's mentions that may stand for its government, sorted by offset, read once
    per article (sorting them per protest grew with the article)."""

    def __init__(self, state: Actor) -> None:
        names = re.compile(rf"\b(?:{re.escape(state.name)}|government)$", re.IGNORECASE)  # not "Iran's envoy"
        spans = sorted((s for s in state.mentions if s.text.lower() not in _PRONOUNS), key=lambda s: s.start)
        self.state = state
        self.spans = [s for s in spans if names.search(s.text)] or spans
        self.starts = [s.start for s in self.spans]

    def at(self, at: int) -> Mention | None:
        """The country's latest mention before offset ``at``, else its first, as the
        government: one that ends with its name or "government" ("Belarus", "the Belarusian
        government"), not its people, forces or officials ("Georgians", "Nepalese soldiers",
        "Iran's envoy"), where the article has one; else another of its mentions; never a
        pronoun ("we" in a quote), and none when the article has only those."""
        if not self.spans:
            return None  # only "we" in quotes: no mention to show as the state
        before = bisect_left(self.starts, at)
        span = self.spans[before - 1] if before else self.spans[0]
        state = self.state
        return Mention(span.text, span.start, span.end, state.id, state.country, ["GOV"])


def protest_states(events: list[Event], actors: list[Actor]) -> None:
    """Targets of protests at home that name no one to protest against: the government of
    the country where they happen (the place's, else the crowd's), when the article names
    that country and the crowd is not its state; not of a blockade ("blocked roads"), which
    makes no demand of anyone."""
    states = {a.country: a for a in named_states(actors)}
    mentions: dict[str, StateMentions] = {}
    for event in events:
        if event.type != "PROTEST" or event.target is not None or event.source is None:
            continue
        if (event.cameo or "").startswith(_OBSTRUCTION):
            continue  # "demonstrators blocked roads": a disruption, aimed at no one
        crowd = event.source
        country = (event.place.country if event.place else None) or crowd.country
        if crowd.country and country != crowd.country:
            continue  # "Egyptians protested outside the embassy" in Cairo of someone else
        state = states.get(country)
        if state is None or side_actor(crowd) == state.id:
            continue
        if state.id not in mentions:
            mentions[state.id] = StateMentions(state)
        event.target = mentions[state.id].at(event.evidence.start)
        if event.target is not None:
            event.signals["protest_state"] = 1.0


# Nouns that name people by no role of their own ("people", "two men", "thousands", "the
# crowds"): at a protest, its crowd. A closed class; roles ("activists", "students",
# "supporters of X") say who they are and stay themselves.
_PLAIN_PEOPLE = frozenset({
    "people", "persons", "men", "women", "youths", "crowd", "crowds", "thousands", "hundreds", "dozens",
})  # fmt: skip
# A state force's acts on a crowd: dispersing, detaining, beating, firing on it.
_CROWD_CONTROL = frozenset({"COERCE", "ASSAULT"})
# Coercion that falls on a country, a place or an office, not on a crowd: seizing power or
# property (CAMEO 171: a coup), restrictions (172: curfews, bans, states of emergency),
# expulsions (174).
_RESTRICTIONS = ("171", "172", "174")
_NEAR_PROTEST = 1200  # about two paragraphs, as for the sides the discourse gives


def _plain_people(mention: Mention | None) -> bool:
    """Whether a side is an unknown group of plain people ("unk:people", "unk:young-men")."""
    actor = mention.actor if mention is not None else None
    if actor is None or not actor.startswith(UNKNOWN_ACTOR_PREFIX):
        return False
    return actor[len(UNKNOWN_ACTOR_PREFIX) :].rsplit("-", 1)[-1] in _PLAIN_PEOPLE


def _state_side(mention: Mention | None) -> bool:
    """Whether a side is a state, its government or one of its forces (police, troops)."""
    if mention is None or mention.actor is None:
        return False
    return mention.actor.startswith("country:") or (
        bool(mention.sectors) and mention.sectors[0] in STATE_AGENTS | {"GOV"}
    )


def protest_crowds(events: list[Event], crowd: Actor) -> bool:
    """People who protest are the crowd ("Some 10,000 people joined the demonstration"),
    and a state force's coercion near a protest with no one, or plain people, on its
    receiving end is aimed at the protest's crowd ("police fired tear gas", "police
    detained more than a dozen people"); with no one, at each crowd of a protest by several
    ("cracked down on protests by lawyers and teachers": one event each, appended to
    ``events``). Returns whether ``crowd`` now has a side."""
    used = False
    for event in events:
        if event.type == "PROTEST" and event.source is not None and _plain_people(event.source):
            event.source = replace(event.source, actor=crowd.id, sectors=list(crowd.sectors))  # same words
            used = True
    protests = _Protests([e for e in events if e.type == "PROTEST" and e.source is not None
                          and not _state_side(e.source)])  # fmt: skip
    for event in list(events):
        if event.type not in _CROWD_CONTROL or not _state_side(event.source) or event.open_sides:
            continue
        if (event.cameo or "").startswith(_RESTRICTIONS):
            continue  # a coup, a curfew, a ban: not done to the crowd
        if event.target is not None and not _plain_people(event.target):
            continue
        protest = protests.nearest(event.evidence.start)
        if protest is None:
            continue
        crowd_side = protest.source
        if crowd_side is None or side_actor(crowd_side) == side_actor(event.source):
            continue
        if event.target is None:
            event.target = crowd_side.copy()
            for fellow in protests.fellows(protest, event.source):  # "protests by lawyers and teachers"
                aimed = replace(event, target=fellow.copy(), signals=dict(event.signals), mentions=[])
                aimed.signals["protest_crowd"] = 1.0
                events.append(aimed)
        else:  # "detained two men": the same words, the crowd's actor
            event.target = replace(
                event.target,
                actor=crowd_side.actor,
                country=crowd_side.country,
                sectors=list(crowd_side.sectors),
            )
        event.signals["protest_crowd"] = 1.0
        used = used or crowd_side.actor == crowd.id
    return used


class _Protests:
    """The protests of an article by offset, for the one nearest an act (a scan of every
    protest per act grew with the article)."""

    def __init__(self, protests: list[Event]) -> None:
        order = sorted(range(len(protests)), key=lambda n: protests[n].evidence.start)
        self.protests = [(protests[n].evidence.start, n, protests[n]) for n in order]
        self.starts = [start for start, _, _ in self.protests]
        self.by_word: dict[int, list[Event]] = defaultdict(list)  # the crowds of one act's word
        for protest in protests:
            self.by_word[protest.trigger.start].append(protest)

    def fellows(self, protest: Event, against: Mention | None) -> list[Mention]:
        """The other doers of ``protest``'s act (its word, a list of crowds): "a march by
        farmers and students" is each one's, and so is an act of force against it."""
        seen = {side_actor(protest.source), side_actor(against)}
        out = []
        for other in self.by_word[protest.trigger.start]:
            actor = side_actor(other.source)
            if other.source is not None and actor not in seen:
                seen.add(actor)
                out.append(other.source)
        return out

    def nearest(self, at: int) -> Event | None:
        """The protest within ``_NEAR_PROTEST`` characters of ``at`` nearest it; of those as
        near, the first one given."""
        low = bisect_left(self.starts, at - _NEAR_PROTEST)
        high = bisect_right(self.starts, at + _NEAR_PROTEST)
        near = self.protests[low:high]
        if not near:
            return None
        return min(near, key=lambda p: (abs(p[0] - at), p[1]))[2]
