"""Whoever judges an act is no side of it, unless the words judged name the judge.

"[Amnesty] condemned the detention of the lawyer", "[Ankara] condemned the strike on the
border town": the subject of the judging verb is the one actor near an event noun that
names none of its own, and a rule, the argument ranker or the discourse may make it the
act's doer, or its target. A judgement of an act is aimed at the act's doer, never done by
it (coding rule 3; :mod:`eventwire.extract.judged_acts`), so a side whose words are the
judge's, before the judging verb, is cleared from an act told in the judgement's object.

Kept: a side the judged words may name themselves ("condemned [its] own soldiers' abuses",
"[we]", "[itself]": any pronoun there may stand for the judge), and an act the judge does
by the judgement's own grammar, a verb without a subject that shares the judging verb's
("approved [sending] troops", "welcomed the plan to [deploy]"). Statements and joint acts
are not judged here: a speaker's own demand or accusation is told in their words, and a
party to talks or a deal often speaks of them.

An event left with no side is dropped (coding rule 3: an event has an actor on one side).
Runs after the discourse has filled sides (:mod:`.implicit_args`, :mod:`.implied_doers`),
before event coreference.

(The same for the speaker of a statement that holds the act, "X attacked Y, [officials]
said", was tried: on train it changed 9 more sides, cost one event and no triple; on dev it
added a false event and lost a triple. A state tells its own arrests, bans and sanctions
in the passive, and a teller is the victim as often: "attacks killed a serviceman, [the
military] said".)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from eventwire.config import PipelineConfig
from eventwire.models import Analysis, Event, Mention
from eventwire.nlp.parse import token_at

if TYPE_CHECKING:
    from spacy.tokens import Token

# Judgements whose object is an act, aimed at its doer (extract/judged_acts.py JUDGES_THE_DOER,
# less REJECT: "rejected talks with X" is often the rejecter's own talks).
_JUDGING = frozenset({"ACCUSE", "SUPPORT"})
# Acts done by someone other than their judge: not statements nor joint acts.
_JUDGED = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "SANCTION", "AID", "RETREAT", "CONCEDE"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "agent"})
# Links by which a verb without a subject of its own shares its governor's subject.
_SHARED_SUBJECT = frozenset({"xcomp", "advcl", "conj", "pcomp", "pobj", "prep", "dobj"})
# Words of the judged phrase that may stand for the judge: "[its] troops", "[we]", "[itself]".
_SELF = re.compile(
    r"\b(?:i|me|my|we|us|our|ours|ourselves|it|its|itself|they|them|their|themselves|"
    r"he|him|his|himself|she|her|herself)\b",
    re.IGNORECASE,
)
SLOTS = ("source", "target")
# How far before an act a judging verb is looked for: a sentence's length, and more.
_REACH = 1500


def _controlled(act: Token | None, governor: Token | None) -> bool:
    """Whether ``act`` is a verb without a subject of its own that shares ``governor``'s
    ("approved [sending] troops", "vowed to [strike]")."""
    if act is None or governor is None or act.doc is not governor.doc or act.pos_ not in ("VERB", "AUX"):
        return False
    if any(child.dep_ in _SUBJECTS for child in act.children):
        return False
    head = act
    while head.dep_ in _SHARED_SUBJECT and head.head is not head:
        head = head.head
        if head == governor:
            return True
    return False


class Judgements:
    """The article's judgements with a doer, by where their verb ends, for a look-up per side
    bounded by :data:`_REACH` (no pass over every event for each)."""

    def __init__(self, events: list[Event]) -> None:
        judging = [e for e in events if e.type in _JUDGING and e.source is not None]
        self.events = sorted(judging, key=lambda e: e.trigger.end)
        self.ends = [e.trigger.end for e in self.events]

    def before(self, at: int) -> list[Event]:
        """The judgements whose verb ends before ``at``, within :data:`_REACH`, nearest first."""
        i = bisect_right(self.ends, at)
        j = bisect_left(self.ends, at - _REACH, 0, i)
        return self.events[j:i][::-1]


def judge_of(analysis: Analysis, judgements: Judgements, event: Event, side: Mention) -> bool:
    """Whether ``side`` gives the words of the doer of a judgement (condemning, praising)
    that tells ``event`` in its object, after the judging verb."""
    if event.type not in _JUDGED:
        return False
    text = analysis.article.text
    at = event.trigger.start
    for judgement in judgements.before(at):
        doer = judgement.source
        verb, evidence = judgement.trigger, judgement.evidence
        if judgement is event or doer is None or at >= evidence.end or side.end > verb.start:
            continue  # the act is told after the judging verb; the side stands before it
        if not (side.start < doer.end and doer.start < side.end):
            continue
        if _SELF.search(text, verb.end, evidence.end) is not None:
            continue  # "condemned its own forces' raid": the judged words may name the judge
        if _controlled(token_at(analysis.docs, at), token_at(analysis.docs, verb.start)):
            continue
        return True
    return False


class JudgeSidesStage:
    """Reads ``events``; clears a side that is the judge of its act, dropping an event left
    with no side."""

    name = "judge_sides"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config

    def __call__(self, analysis: Analysis) -> Analysis:
        judgements = Judgements(analysis.events)
        kept: list[Event] = []
        for event in analysis.events:
            for slot in SLOTS:
                side = getattr(event, slot)
                if side is not None and judge_of(analysis, judgements, event, side):
                    setattr(event, slot, None)
            if event.source is not None or event.target is not None:
                kept.append(event)
        analysis.events = kept
        return analysis
