"""An act whose two sides name the same person or named group keeps only one of them.

PLOVER events are between two parties; an actor arresting, accusing or freeing itself is
almost never what an article tells. Such an event comes from one side filled from
elsewhere with the actor the other side already names: an implied doer ("Mara Velde was
detained" given her own "she" as doer), a side taken from another mention of the act by
event coreference ("Okoro will be investigated" given Okoro as the accuser), or an office
holder named on both sides. The side whose words lie outside the event's evidence was
taken from elsewhere and is the weaker one, so it is emptied; when both or neither lie
inside, a pronoun ("she", "his") is the weaker, else the source.

Countries are left alone: a country's actor stands for its government, police and people
alike ("Riot police detained dozens" in a French story, both sides resolved to France), so
two sides of one country are mostly two parties (emptying one side of such events lost
10 right triples on train, 13 on dev). Unknown actors (``unk:``) are left alone too: their id is
only their words ("militias" fighting "militias").

Runs last among the event stages, after the scorer and the office holders: whether an act
is reported was learnt on its sides as they were, and an office holder may make both sides
one person.
"""

from __future__ import annotations

from eventwire.config import PipelineConfig
from eventwire.extract.event_scorer import PRONOUNS
from eventwire.models import UNKNOWN_ACTOR_PREFIX, Analysis, Event, Mention


def self_directed(event: Event) -> bool:
    """Whether both sides resolve to one person or named group (not a country, not unknown)."""
    source, target = event.source, event.target
    if source is None or target is None or source.actor is None or source.actor != target.actor:
        return False
    return not source.actor.startswith(("country:", UNKNOWN_ACTOR_PREFIX))


def _weakness(mention: Mention, event: Event) -> tuple[bool, bool]:
    """Taken from outside the event's evidence, then said by a pronoun: more is weaker."""
    evidence = event.evidence
    outside = not (evidence.start <= mention.start and mention.end <= evidence.end)
    return outside, mention.text.lower() in PRONOUNS


def drop_duplicate_side(event: Event) -> None:
    """Empties the weaker side of a self-directed event (module docstring); the source on a tie."""
    if not self_directed(event):
        return
    assert event.source is not None and event.target is not None
    if _weakness(event.target, event) > _weakness(event.source, event):
        event.target = None
    else:
        event.source = None


class SelfDirectedStage:
    """Reads the emitted ``events``; empties one side of those whose sides are one actor."""

    name = "self_directed"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config

    def __call__(self, analysis: Analysis) -> Analysis:
        for event in analysis.events:
            drop_duplicate_side(event)
        return analysis
