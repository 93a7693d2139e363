"""The two parties a collective phrase names when no pair was named together: the parties
of the latest act told between two actors.

"Talks between the government and the rebels have stalled, with [each side] accusing the
other", "ECOWAS said the coup leaders had accepted its demand after talks between [the two
sides]", "The deal between the government and the FNL ... [Both sides] pledged to stop
hostilities": the story pairs its two parties by an act between them rather than by naming
them side by side ("X and Y"), which is all the resolver's pair rules read
(:meth:`~eventwire.resolve.actors.ActorResolver.link_all`). When those rules find no one, the
phrase names the source and target of the nearest earlier act with an actor on each side,
in its sentence or the couple of paragraphs before, else the headline's; an act between the
two is then each way, as when they are named together (:func:`~.pairs.pair_named_as_one`,
coding rule 2). Each call reads at most ``MAX_ACTS`` acts back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.models import Event, Mention, Section
from eventwire.resolve.actors import names_a_pair

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Token

WITHIN_CHARS = 1500  # about two paragraphs: the pair an act between them introduced
MAX_ACTS = 12  # acts read back from the phrase, nearest first
# What a story calls its two parties ("the two sides", "each side", "both governments"): the
# nouns of the resolver's pair phrases that name parties, not "the two" of anything
_PAIR_NOUNS = frozenset(
    {"side", "sides", "parties", "countries", "nations", "states", "governments", "neighbours", "neighbors",
     "leaders", "presidents", "premiers", "rivals", "factions", "camps", "groups", "movements", "delegations",
     "each", "either", "neither"}
)  # fmt: skip
# "the two countries" are two states, "the two leaders" two people (actor ids by kind)
_STATE_NOUNS = frozenset({"countries", "nations", "states", "governments", "neighbours", "neighbors"})
_PERSON_NOUNS = frozenset({"leaders", "presidents", "premiers"})


def pair_noun(token: Token) -> str | None:
    """The head noun of a phrase that calls a story's two parties by one plural name ("the
    two sides", "both countries", "each side", "the warring parties"), else None; not "the
    two" alone nor "two drones", "the two villages" (two of anything)."""
    noun = token.lower_
    if noun not in _PAIR_NOUNS or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return None
    return noun if names_a_pair(" ".join(t.text for t in token.subtree if t.i <= token.i)) else None


def discourse_pair(events: Iterable[Event], at: int, noun: str, title: Iterable[Event] = ()) -> list[Mention]:
    """The source and target, fitting ``noun``, of the nearest act before ``at`` (``events``
    nearest first, within ``WITHIN_CHARS``) told both ways, else of the nearest one with a
    different actor on each side; else the same of the headline's acts (``title``)."""
    near: list[Event] = []
    for event in events:
        if len(near) >= MAX_ACTS or event.trigger.start < at - WITHIN_CHARS:
            break
        near.append(event)
    return _pair_of(near, noun) or _pair_of(list(title)[:MAX_ACTS], noun)


def named_as(pair: list[Mention], text: str, start: int, end: int) -> list[Mention]:
    """The pair's two actors as the phrase at ``start:end`` names them."""
    return [Mention(text, start, end, m.actor, m.country, list(m.sectors)) for m in pair]


def title_events(events: list[Event]) -> list[Event]:
    return [e for e in events if e.section is Section.TITLE]


def _pair_of(events: list[Event], noun: str) -> list[Mention]:
    """Of ``events``, the sides of the first told both ways ("X and Y agreed", "talks
    between X and Y"), else of the first with two sides."""
    pairs = [(e.trigger.start, _sides(e, noun)) for e in events]
    told = {(at, p[0].actor, p[1].actor) for at, p in pairs if p}
    both = (p for at, p in pairs if p and (at, p[1].actor, p[0].actor) in told)
    return next(both, None) or next((p for _, p in pairs if p), [])


def _sides(event: Event, noun: str) -> list[Mention]:
    source, target = event.source, event.target
    if source is None or target is None or not source.actor or not target.actor:
        return []
    if source.actor == target.actor or not (_fits(source, noun) and _fits(target, noun)):
        return []
    return [source, target]


def _fits(mention: Mention, noun: str) -> bool:
    actor = mention.actor or ""
    if noun in _STATE_NOUNS:
        return actor.startswith("country:")
    if noun in _PERSON_NOUNS:
        return actor.startswith("person:")
    return True
