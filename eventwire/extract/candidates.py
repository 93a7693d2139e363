"""A trigger in a sentence, with what the parse says about it: the unit the event stage
builds per trigger and its rule modules adjust before emitting.

Its own module so that the stage (:mod:`.events`) and the rule modules it calls
(:mod:`.clause_forms`, :mod:`.judged_acts`, :mod:`.pairs`, :mod:`.carried_acts`) share the
class without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventwire.extract import event_patterns as pat
from eventwire.extract.event_lexicon import Trigger
from eventwire.extract.modality import Reading

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(slots=True)
class Candidate:
    """A trigger in a sentence, with what the parse says about it."""

    found: pat.Found
    type: str
    cameo: str | None
    reading: Reading
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    light: Token | None = None
    governed: bool = False
    carried: bool = False  # stated through its governor ("threatened to [strike]"): no event of its own
    nominal: bool = False
    suppressed: bool = False
    weight: float = 0.5
    anchor: Token | None = None  # the verb whose clause states the event, when not the trigger
    judged: pat.Found | None = None  # the act judged ("condemned the [killing]") when it names no doer
    thing: Token | None = None  # the decision judged ("criticized the [ruling]") when it names no author
    open: bool = False  # "the talks", "larger protests": participants left to the discourse
    complement: Candidate | None = None  # the trigger in its complement ("refused to [rule out] ...")
    governor: Candidate | None = None  # the trigger whose complement it is
    parties: list[Token] = field(default_factory=list)  # each a target: the sides of a mediated act
    issued: bool = False  # said of a thing its source issued ("a letter urging ..."): see ``mark_issued``
    by_speaker: bool = False  # the direct quote's own words ('"Y must stop."'): its speaker is the source
    elided: list[Token] = field(default_factory=list)  # "..., as were his aides": targets besides the first
    elliptic: list[Token] = field(default_factory=list)  # the clauses that carry it to more parties

    @property
    def token(self) -> Token:
        return self.found.token

    @property
    def trigger(self) -> Trigger:
        return self.found.trigger
