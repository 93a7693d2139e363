"""The story's own state as the addressee of a statement the clause aims at no one.

A story about one country quotes others speaking about it without naming it again:
"Pakistan, Iran and China have pledged to send food and tents" in a story of an Afghan
earthquake, "Bolivia and Chile pressed for aid to be let in" in a story of Israel's war,
"Obama voiced deep concern" after a coup in Honduras. Coders aim such a verbal act (a
promise, a demand, a criticism, a threat, a refusal) at the state the story is about.

Train census (session 20, emitted events matched to gold, target left empty by every
earlier stage, source not of the story's state): filling the story's state gained 33
triples of ACCUSE, AGREE, REQUEST, THREATEN and REJECT and lost 10 whose gold has no target;
for the other types it lost as many as it gained (MOBILIZE, SUPPORT, COERCE), so they are
left alone. The story's state is the country the article names as a state most often,
strictly more often than any other; a tie names no one.

The story's own state speaks too ("Moscow is not prepared to offer a cease-fire" in a story
of Russia's war on Ukraine, "he refused to see Colombian migrants treated as criminals" by
Colombia's president in a story of its row with the US): such a statement aimed at no one
is aimed at the story's other state, the country named as a state most often after it, at
least ``MIN_OTHER_MENTIONS`` times and strictly more often than any third (session 21, train:
+5 lenient and +4 strict triples, dev +4 and +2; at least 2 mentions gained one fewer on
train, at least 5 lost one on dev).

Runs after the event scorer: the scorer learnt its weights on the sides the clause and the
nearby discourse give, and a story-level guess must not sway whether an act is reported
(signal ``story_state``). With the scorer off (``score_events=False``: the pipeline that
builds the scorer's training rows, whose features must be the sides the scorer sees when it
scores) the stage is off too. Only a side left empty is filled, never with the source's own
country.
"""

from __future__ import annotations

from collections.abc import Iterable

from eventwire.config import PipelineConfig
from eventwire.models import Actor, Analysis, Event
from eventwire.resolve.actors import resolver_for
from eventwire.resolve.counterparts import StateMentions, fight_counterparts, named_states
from eventwire.resolve.event_coref import side_actor

# Verbal acts aimed at someone, whom a story about one state aims at that state.
ADDRESSED = frozenset({"ACCUSE", "AGREE", "REQUEST", "THREATEN", "REJECT"})
MIN_OTHER_MENTIONS = 3  # a state named once or twice is a passing reference, not a party


def _states(actors: Iterable[Actor]) -> list[Actor]:
    """The article's country actors named as states, the most mentioned first."""
    return sorted(named_states(actors), key=lambda a: len(a.mentions), reverse=True)


def _standing_out(states: list[Actor], at_least: int = 1) -> Actor | None:
    """The first of ``states`` when it has ``at_least`` mentions and more than the next."""
    if not states or len(states[0].mentions) < at_least:
        return None
    if len(states) > 1 and len(states[1].mentions) == len(states[0].mentions):
        return None
    return states[0]


def story_state(actors: Iterable[Actor]) -> Actor | None:
    """The country actor with the most mentions, strictly more than any other."""
    return _standing_out(_states(actors))


def story_targets(events: list[Event], actors: list[Actor]) -> None:
    """Aims the addressed acts that name no target at the story's state, or the story's
    state's own at the story's other state (module docstring)."""
    states = _states(actors)
    state = _standing_out(states)
    if state is None:
        return
    other = _standing_out(states[1:], MIN_OTHER_MENTIONS)
    addressees = {state.id: StateMentions(state)}
    if other is not None:
        addressees[other.id] = StateMentions(other)
    for event in events:
        if event.type not in ADDRESSED or event.target is not None or event.source is None:
            continue
        addressee: Actor | None = state
        if event.source.country == state.country or side_actor(event.source) == state.id:
            addressee = other  # the state's own people and organs do not address it
        if addressee is None or event.source.country == addressee.country:
            continue
        target = addressees[addressee.id].at(event.evidence.start)
        if target is not None:
            event.target = target
            event.signals["story_state"] = 1.0


class StoryTargetStage:
    """Reads the scored ``events`` and ``actors``; fills targets of fights from the story's
    two parties (:func:`.counterparts.fight_counterparts`) and of statements from the story's
    state."""

    name = "story_targets"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config
        self.resolver = resolver_for(tuple(config.kb_files), config.model)

    def __call__(self, analysis: Analysis) -> Analysis:
        if self.config.score_events:  # off while the scorer's training rows are built
            pair = lambda at: self.resolver.story_pair(analysis, at)  # noqa: E731
            fight_counterparts(analysis.events, pair)  # "Russian bombardment": of the story's other party
            story_targets(analysis.events, analysis.actors)
        return analysis
