"""Which mention fills which slot: a census of argument roles on matched train events.

    PYTHONPATH=$PWD python scripts/role_census.py [--articles N] [--json out.json]

Reads the article **train** half only (never dev or test). Among matched events (type and
evidence right) whose (type, source, target) triple is wrong, each bad side is put in one class:

* ``source empty`` / ``target empty``: gold names an actor, the event has none;
* ``swapped``: the event gives gold's source as target and gold's target as source (or one
  side holds the other side's gold actor);
* ``extra``: gold has no such side, the event gives one;
* ``other mention: REL``: the event gives another actor while the gold actor is named in the
  trigger's sentence; REL is how the gold actor's mention nearest the trigger stands to it
  (``subject``, ``subject of governing verb``, ``by-agent``, ``prep X``, ``possessor``,
  ``appositive``, ``object``, ``other clause``...);
* ``empty, named in sentence: REL``: as above, but the side is empty;
* ``not in sentence``: the gold actor is not named in the sentence (discourse or linking).

Every row carries the stage after which the side kept its value, for review (``--json``).

Session 32 (main 4185745): 1,285 bad sides on 960 matched train events. Another actor with
the gold one not in the sentence 367 (a description or pronoun standing for it: linking),
another mention of the sentence 313, extra 201 (discourse stages 75 from outside the
sentence), target empty 184 (101 named in the sentence), source empty 82, swapped 138 (69
events). The given mention's relation is spread thin: the trigger's subject 131, object 58,
a relative clause 43, a governing or light verb's subject 19, a possessor 14, a "by" agent 4.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

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
from eventwire.extract.argument_ranker import dep_path  # noqa: E402
from eventwire.models import Mention  # noqa: E402
from eventwire.nlp.parse import token_at  # noqa: E402

SIDES = ("source", "target")
_SUBJ = ("nsubj", "nsubjpass", "csubj")


def _heads_of(doc: Any, offset: int, start: int, end: int) -> Any:
    span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
    return None if span is None or not len(span) else span.root


_NAMED_PATHS = {
    "vnsubj": "subject", "vnsubjpass": "subject", "vcsubj": "subject",
    "vagent vpobj": "by-agent", "vdobj": "object", "vdative": "object", "vattr": "object",
    "vposs": "possessor", "vappos": "appositive of trigger",
    "^dobj vnsubj": "subject of governing verb (trigger its object)",
    "^attr vnsubj": "subject of governing verb (trigger its object)",
    "^xcomp vnsubj": "subject of controlling verb",
    "^xcomp ^xcomp vnsubj": "subject of controlling verb",
    "^ccomp vnsubj": "subject of governing clause verb (speaker)",
    "^advcl vnsubj": "subject of main clause (trigger in adverbial clause)",
    "^conj vnsubj": "subject of first conjunct",
    "^nsubj vdobj": "object of verb the trigger is subject of",
    "^nsubjpass vagent vpobj": "by-agent of verb the trigger is subject of",
    "^pobj ^prep vnsubj": "subject of verb the trigger's phrase hangs from",
    "^dobj vprep vpobj": "prep object of governing verb",
    "^pobj ^agent vnsubjpass": "passive subject (trigger is the by-agent)",
}  # fmt: skip


def relation(trigger: Any, mention: Any) -> str:
    """How ``mention`` (a token) stands to ``trigger`` in the parse, in a few named classes;
    a modifier inside a name ("Free Syrian [Army]", "rebel [armies]") stands for its phrase."""
    if mention.sent != trigger.sent:
        return "other sentence"
    base = mention
    while base.dep_ in ("compound", "flat", "nmod") and base.head != base and base.head != trigger:
        base = base.head
    if base.dep_ in ("compound", "amod", "nmod") and base.head == trigger:
        return "modifier of trigger"
    path, length = dep_path(trigger, base)
    note = ""
    if path.endswith(" vappos") or path.endswith(" vconj"):
        note = " (" + path.split()[-1][1:] + ")"
        path = " ".join(path.split()[:-1])
    if path in _NAMED_PATHS:
        return _NAMED_PATHS[path] + note
    steps = path.split()
    if steps[-2:] == ["vprep", "vpobj"] and base.head.dep_ == "prep":
        prep = base.head.lower_
        where = "trigger" if len(steps) == 2 else " ".join(steps[:-2])
        return f"prep {prep} object of {where}" + note
    if steps and steps[-1] == "vposs":
        return f"possessor of {' '.join(steps[:-1])}" + note
    if any(s in ("^relcl", "^acl", "vrelcl", "vacl") for s in steps):
        return "relative/participle clause" + note
    return f"other: {path}" + note


def _gold_in_sentence(want: Any, trigger: Any, offset: int, analysis: Any, names: dict[str, str]) -> Any:
    """The token nearest the trigger in its sentence that names the gold actor: the head of a
    mention the resolver linked to it (strictly: its country alone is not it), or a noun that
    shares a word with its name."""
    sent = trigger.sent
    lo, hi = sent.start_char + offset, sent.end_char + offset
    heads = []
    for actor in analysis.actors:
        mention = Mention(actor.name, 0, 0, actor.id, actor.country, list(actor.sectors))
        if not scoring.actor_matches_strictly(want, mention, names):
            continue
        for s in actor.mentions:
            if lo <= s.start and s.end <= hi:
                head = _heads_of(trigger.doc, offset, s.start, s.end)
                if head is not None and head != trigger:
                    heads.append(head)
    words = {w for w in re.findall(r"\w+", want.name.lower()) if len(w) > 2} - {"the", "and", "group"}
    heads += [t for t in sent if t.pos_ in ("NOUN", "PROPN") and t.lower_ in words and t != trigger]
    return min(heads, key=lambda t: abs(t.i - trigger.i)) if heads else None


def main() -> None:
    args = census_arguments(__doc__)
    gold, analyses, log, threshold = recorded_train_run(args.articles)
    rows: list[dict[str, Any]] = []
    for analysis, names, history, want, event in matched_events(gold, analyses, log, threshold):
        ok = [scoring.actor_matches(getattr(want, s), getattr(event, s), names) for s in SIDES]
        if all(ok):
            continue
        trigger = token_at(analysis.docs, event.trigger.start)
        section = next((s for s in analysis.docs if trigger is not None and s.doc is trigger.doc), None)
        for index, side in enumerate(SIDES):
            if ok[index]:
                continue
            want_side, given = getattr(want, side), getattr(event, side)
            other_gold = getattr(want, SIDES[1 - index])
            rel, found_text, path = "", "", ""
            if want_side is None:
                cls = "extra"
            elif (
                given is not None
                and other_gold is not None
                and scoring.actor_matches(other_gold, given, names)
            ):
                cls = "swapped"
            else:
                found = None
                if trigger is not None and section is not None:
                    found = _gold_in_sentence(want_side, trigger, section.offset, analysis, names)
                if found is None:
                    cls = f"{side} empty, not in sentence" if given is None else "other, not in sentence"
                else:
                    rel = relation(trigger, found)
                    found_text = found.text
                    path = dep_path(trigger, found)[0]
                    cls = f"{side} empty, in sentence" if given is None else "other mention in sentence"
            given_rel = ""
            if given is not None and trigger is not None and section is not None:
                lo = trigger.sent.start_char + section.offset
                hi = trigger.sent.end_char + section.offset
                head = _heads_of(trigger.doc, section.offset, given.start, given.end)
                if not lo <= given.start < hi:
                    given_rel = "outside the sentence"
                elif head is not None and head != trigger:
                    given_rel = relation(trigger, head)
                else:
                    given_rel = "the trigger itself"
            rows.append({
                "article": analysis.article.id, "type": event.type, "side": side, "class": cls,
                "rel": rel, "given_rel": given_rel,
                "found": found_text, "path": path,
                "stage": _filled_by(history, _key(event), index, _side(given)),
                "gold": want_side.name if want_side else None, "given": given.text if given else None,
                "gold_other": other_gold.name if other_gold else None,
                "trigger": event.trigger.text, "trigger_pos": trigger.pos_ if trigger is not None else "",
                "evidence": event.evidence.text,
                "sentence": trigger.sent.text if trigger is not None else "",
            })  # fmt: skip
    events = len({(r["article"], r["evidence"], r["type"]) for r in rows})
    print(f"{len(rows)} bad sides on {events} matched events with a wrong triple")
    for (side, cls), n in Counter((r["side"], r["class"]) for r in rows).most_common():
        print(f"{n:5d}  {side:7s} {cls}")
    print("relations of the gold mention (in sentence):")
    for (side, cls, rel), n in Counter(
        (r["side"], r["class"], r["rel"]) for r in rows if r["rel"]
    ).most_common(60):
        print(f"{n:5d}  {side:7s} {cls:28s} {rel}")
    print("relations of the mention given (a wrong or swapped side):")
    for (side, rel), n in Counter(
        (r["side"], r["given_rel"]) for r in rows if r["given_rel"] and r["class"] != "extra"
    ).most_common(40):
        print(f"{n:5d}  {side:7s} {rel}")
    write_rows(args.json, rows)


if __name__ == "__main__":
    main()
