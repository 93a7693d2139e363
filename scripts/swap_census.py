"""Matched train events whose sides are swapped or taken from another actor of the sentence.

    PYTHONPATH=$PWD python scripts/swap_census.py [--articles N] [--json out.json]

Reads the article **train** half only (never dev or test). For each wrong side of a matched
event (gold names an actor, the event gives another), the class is ``swapped`` (the side
given is gold's other side, or gold's actor here is given on the other side), ``sentence``
(gold's actor is named in the trigger's sentence) or ``other``; and a grammatical ``cause``
read off the parse around the trigger (passive with or without "by", a possessive or "by"
noun, an "against"/"on" complement, reciprocal "between", a relative clause, coordination,
a reporting verb, the headline; a pronoun side first). The stage after which the side kept
its value is recorded. "Swapped" is read leniently, as the evaluation matches sides: a
country matches any gold actor of that country, so the class holds some coding variation.

Session 27 (main 93a38b4): 337 wrong sides on 262 matched events; swapped 214 sides (165
events, 15 with both sides reversed), another actor of the sentence 123 (97 events). Causes
of the swapped: verb other 38, coordination 38, noun other 34, pronoun 32, passive without
"by" 23, under a reporting verb 11, verb + against/on 11, headline 7, relative clause 5;
of the sentence class: noun other 27, verb other 22, pronoun 19, coordination 11, passive
without "by" 11. By stage the rules of ``events`` set 127 of the swapped and 78 of the
others; the ranker 26 and 7, implicit_args 19 and 8, event_coref 16 and 6.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from side_census import _named_at as _gold_spans  # noqa: E402
from wrong_side_census import (  # noqa: E402
    _filled_by,
    _key,
    _side,
    census_arguments,
    matched_events,
    recorded_train_run,
    write_rows,
)

from eventwire.evaluate import articles as scoring  # noqa: E402
from eventwire.models import Mention, Section  # noqa: E402
from eventwire.nlp.parse import token_at  # noqa: E402

PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "our"})
REPORTING = frozenset(
    {"say", "accuse", "report", "claim", "announce", "tell", "state", "add", "warn", "urge"}
)


def _name(actor: Any) -> str | None:
    return actor.name if actor is not None else None


def _text(mention: Mention | None) -> str | None:
    return mention.text if mention is not None else None


def _head(token: Any) -> str:
    return f"{token.dep_}<{token.head.lower_}" if token is not None else "-"


def _cause(trigger: Any, sent_text: str, section: Section) -> str:
    """A grammatical cause read off the trigger's parse (the first that fits)."""
    if trigger is None:
        return "no parse"
    if section is Section.TITLE:
        return "headline"
    kids = {c.dep_ for c in trigger.children}
    preps = {c.lower_ for c in trigger.children if c.dep_ in ("prep", "agent")}
    low = sent_text.lower()
    if trigger.pos_ == "VERB" or trigger.tag_.startswith("VB"):
        if "auxpass" in kids or "nsubjpass" in kids or trigger.dep_ == "acl" and trigger.tag_ == "VBN":
            return "passive by" if "agent" in kids or "by" in preps else "passive no by"
        if trigger.dep_ == "relcl":
            return "relative clause"
        if trigger.dep_ == "conj" or "conj" in kids:
            return "coordination"
        if trigger.dep_ in ("xcomp", "ccomp", "advcl") and trigger.head.lemma_ in REPORTING:
            return "under reporting verb"
        if preps & {"against", "on", "towards", "toward", "at"}:
            return "verb + against/on"
        if "between" in preps or "with" in preps:
            return "verb + between/with"
        return "verb other"
    # noun
    if any(c.dep_ == "poss" for c in trigger.children):
        return "noun possessive"
    if "by" in preps:
        return "noun by"
    if preps & {"against", "on", "towards", "toward", "at"}:
        return "noun + against/on"
    if "between" in preps or " between " in low:
        return "noun between"
    if trigger.dep_ in ("dobj", "pobj") and trigger.head.lemma_ in REPORTING:
        return "noun under reporting verb"
    if trigger.dep_ == "conj" or "conj" in kids:
        return "coordination"
    return "noun other"


def main() -> None:
    args = census_arguments(__doc__)
    gold, analyses, log, threshold = recorded_train_run(args.articles)
    rows = []
    for analysis, names, history, want, event in matched_events(gold, analyses, log, threshold):
        trig = token_at(analysis.docs, event.trigger.start)
        sent = trig.sent if trig is not None else None
        if trig is not None and sent is not None:
            base = event.trigger.start - trig.idx
            s0, s1 = base + sent.start_char, base + sent.end_char
            sent_text = sent.text
        else:
            s0, s1, sent_text = event.evidence.start, event.evidence.end, event.evidence.text
        for index, side in enumerate(("source", "target")):
            other = ("target", "source")[index]
            gold_side, given = getattr(want, side), getattr(event, side)
            if gold_side is None or given is None or scoring.actor_matches(gold_side, given, names):
                continue
            if scoring.actor_matches(getattr(want, other), given, names) or scoring.actor_matches(
                gold_side, getattr(event, other), names
            ):
                kind = "swapped"
            elif any(s0 <= a and b <= s1 for a, b in _gold_spans(gold_side, analysis, names)):
                kind = "sentence"
            else:
                continue
            given_tok = token_at(analysis.docs, given.start)
            other_given = getattr(event, other)
            full = (
                kind == "swapped"
                and scoring.actor_matches(getattr(want, other), given, names)
                and (scoring.actor_matches(gold_side, other_given, names))
            )
            cause = "pronoun" if given.text.lower() in PRONOUNS else _cause(trig, sent_text, event.section)
            rows.append({
                "article": analysis.article.id, "type": event.type, "side": side, "class": kind,
                "stage": _filled_by(history, _key(event), index, _side(given)),
                "cause": cause, "full_swap": full,
                "trigger": event.trigger.text, "trig": _head(trig),
                "trig_pos": trig.tag_ if trig is not None else "-",
                "gold": [_name(want.source), _name(want.target)],
                "given": [_text(event.source), _text(event.target)],
                "given_dep": _head(given_tok), "sentence": sent_text,
            })  # fmt: skip
    swaps = {(r["article"], r["trigger"], r["sentence"]) for r in rows if r["full_swap"]}
    print(f"{len(rows)} sides; events with both sides swapped: {len(swaps)}")
    print("by class:", Counter(r["class"] for r in rows).most_common())
    for kind in ("swapped", "sentence"):
        print(kind, "causes:", Counter(r["cause"] for r in rows if r["class"] == kind).most_common())
        print(kind, "stages:", Counter(r["stage"] for r in rows if r["class"] == kind).most_common())
    write_rows(args.json, rows)


if __name__ == "__main__":
    main()
