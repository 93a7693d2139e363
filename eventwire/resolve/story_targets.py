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
from eventwire.resolve.counterparts import StateMentions
from eventwire.resolve.event_coref import side_actor

# Verbal acts aimed at someone, whom a story about one state aims at that state.
ADDRESSED = frozenset({"ACCUSE", "AGREE", "REQUEST", "THREATEN", "REJECT"})


def story_state(actors: Iterable[Actor]) -> Actor | None:
    """The country actor with the most mentions, strictly more than any other."""
    states = sorted(
        (a for a in actors if a.country and a.id == f"country:{a.country}" and a.mentions),
        key=lambda a: len(a.mentions),
        reverse=True,
    )
    if not states or (len(states) > 1 and len(states[1].mentions) == len(states[0].mentions)):
        return None
    return states[0]


def story_targets(events: list[Event], actors: list[Actor]) -> None:
    """Aims the addressed acts that name no target at the story's state (module docstring)."""
    state = story_state(actors)
    if state is None:
        return
    mentions = StateMentions(state)
    for event in events:
        if event.type not in ADDRESSED or event.target is not None or event.source is None:
            continue
        if event.source.country == state.country or side_actor(event.source) == state.id:
            continue  # the state's own people and organs do not address it
        target = mentions.at(event.evidence.start)
        if target is not None:
            event.target = target
            event.signals["story_state"] = 1.0


class StoryTargetStage:
    """Reads the scored ``events`` and ``actors``; fills targets from the story's state."""

    name = "story_targets"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config

    def __call__(self, analysis: Analysis) -> Analysis:
        if self.config.score_events:  # off while the scorer's training rows are built
            story_targets(analysis.events, analysis.actors)
        return analysis
