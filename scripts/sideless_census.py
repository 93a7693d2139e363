"""Why a found trigger of the gold type had no sides: a census of class A misses.

    PYTHONPATH=. .venv/bin/python scripts/sideless_census.py [--articles N] [--show]

On main 7515715: 157 such misses; 63 with no argument token from the parse, 94 with tokens
the linker resolved to no actor (descriptions, "the three countries", or the wrong word).

Reads the article **train** half only. Runs :mod:`miss_census` and, for each class A miss
dropped for having no actor ("no actor on either side", "event noun without sides"), looks
at the trigger's parse: where the gold source or target's words stand relative to the
trigger (a possessive, a "by" phrase, "between", another preposition, a compound or
nationality modifier, the subject of the verb that takes the noun, an apposition or
relative clause, the sentence before ...), and whether the parse found argument tokens
the linker then resolved to no one. Prints counts by class; ``--show`` prints each miss.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import miss_census  # noqa: E402

from eventwire.config import PipelineConfig  # noqa: E402
from eventwire.evaluate import articles as scoring  # noqa: E402
from eventwire.extract import event_patterns as pat  # noqa: E402
from eventwire.extract import events as event_stage  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402

SIDELESS = ("no actor on either side", "not worth: event noun without sides")
_STOP = frozenset({"the", "of", "a", "an", "and", "in", "for", "'s", "s", "government", "s."})


def _words(name: str | None) -> set[str]:
    if not name:
        return set()
    return {w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in _STOP and len(w) > 1}


def _where(trigger: Any, actor: Any) -> str:
    """How the gold actor's words stand to the trigger in the parse."""
    if actor is None:
        return "none"
    words = _words(actor.name)
    country = (actor.country or "").lower()
    sent = trigger.sent
    hits = [t for t in sent if t.lower_ in words and t.i != trigger.i]
    if not hits and country:  # a nationality or country word: "Israeli strikes"
        hits = [t for t in sent if t.ent_type_ in ("NORP", "GPE") and t.i != trigger.i]
        if hits:
            hits = [min(hits, key=lambda t: abs(t.i - trigger.i))]
    if not hits:
        doc = trigger.doc
        before = doc[max(0, sent.start - 80) : sent.start]
        return "elsewhere:before" if any(t.lower_ in words for t in before) else "elsewhere"
    hit = min(hits, key=lambda t: abs(t.i - trigger.i))
    head = hit
    while head.dep_ in ("compound", "flat", "amod", "nmod") and head.head.i != head.i:
        up = head.head
        if up is trigger or up.pos_ not in ("PROPN", "NOUN") or up == pat.carrier(trigger):
            break
        head = up
    return _path(pat.carrier(trigger), head, trigger)


def _path(noun: Any, arg: Any, trigger: Any) -> str:
    if arg.head == noun or arg.head == trigger:
        if arg.dep_ == "poss":
            return "poss"
        label = "nationality" if arg.ent_type_ == "NORP" and arg.pos_ == "ADJ" else arg.dep_
        return f"modifier:{label}"
    if arg.head.dep_ == "prep" and arg.head.head in (noun, trigger):
        return f"prep:{arg.head.lower_}"
    if arg.head.dep_ == "prep" and arg.head.head.dep_ in ("pobj",) and arg.head.head.head.head in (noun,):
        return f"prep2:{arg.head.head.head.lower_}..{arg.head.lower_}"
    # verb that takes the noun
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    chain = []
    up = arg
    for _ in range(6):
        chain.append(up.dep_)
        if up.head == up:
            break
        up = up.head
        if up == verb:
            return f"verb[{verb.lemma_.lower()}]/{noun.dep_}<-{'/'.join(chain)}"
    if noun.is_ancestor(arg):
        return f"below:{'/'.join(chain)}"
    common = next((a for a in arg.ancestors if a.is_ancestor(noun) or a == noun), None)
    meet = common.lemma_ if common is not None else "-"
    return f"other:{noun.dep_}>{noun.head.lemma_}...{'/'.join(chain)}@{meet}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    gold = scoring.load_gold(REPO / "eval" / "articles", "train")[: args.articles]
    made: dict[tuple[int, int], tuple[Any, Any]] = {}
    rows = []
    with miss_census.traced() as (found, fate, emitted):
        candidate = event_stage.EventStage._candidate  # the traced one

        def recording(self: Any, item: Any) -> Any:
            out = candidate(self, item)
            made[(id(item.token.doc), item.token.idx)] = (item.token, out)
            return out

        event_stage.EventStage._candidate = recording  # type: ignore[method-assign]
        try:
            analyses = scoring.analyse(gold, Pipeline(PipelineConfig(min_confidence=0.0)))
        finally:
            event_stage.EventStage._candidate = candidate  # type: ignore[method-assign]
        for article, analysis in zip(gold, analyses, strict=True):
            predicted = analysis.events
            names = scoring.actor_names(analysis)
            matched = {m.gold for m in scoring.match_events(article, predicted, names)}
            for i, event in enumerate(article.events):
                spans = [(s.start, s.end) for s in event.evidence]
                if i in matched:
                    continue
                row = miss_census._classify(
                    article.id, event, spans, analysis, predicted, found, fate, emitted
                )
                if row["class"].startswith("A") and row["reason"] in SIDELESS:
                    hit = _trigger_of(analysis, event.type, spans, found, fate, made)
                    if hit is not None:
                        rows.append(_row(event, *hit))
    classes = Counter(r["class"] for r in rows)
    print(f"{len(rows)} sideless class A misses")
    for name, n in classes.most_common():
        print(f"{n:4d}  {name}")
    print("by parse-found arguments:", Counter(r["parsed"] for r in rows))
    if args.show:
        for r in sorted(rows, key=lambda r: r["class"]):
            print(f"[{r['class']}] {r['type']} {r['trigger']!r} ({r['pos']} {r['dep']} of {r['head']!r})")
            print(f"      source {r['src']!r}: {r['src_where']}; target {r['tgt']!r}: {r['tgt_where']}")
            print(f"      parse found: {r['parsed']}\n      {r['sentence']}")


def _trigger_of(
    analysis: Any, type_: str, spans: list[tuple[int, int]], found: dict[int, list[tuple[int, int, str]]],
    fate: dict[tuple[int, int], str], made: dict[tuple[int, int], tuple[Any, Any]],
) -> tuple[Any, Any, str] | None:  # fmt: skip
    """The first trigger of the gold type inside the evidence that the stage dropped sideless."""
    for sd in analysis.docs:
        for start, end, kind in found.get(id(sd.doc), []):
            inside = any(start + sd.offset < b and end + sd.offset > a for a, b in spans)
            key = (id(sd.doc), start)
            if kind == type_ and inside and fate.get(key) in SIDELESS and key in made:
                return (*made[key], fate[key])
    return None


def _row(event: Any, token: Any, cand: Any, why: str) -> dict[str, Any]:
    src = _where(token, event.source)
    tgt = _where(token, event.target)
    parsed = "none"
    if cand is not None and (cand.sources or cand.targets):
        parsed = f"tokens s={[t.text for t in cand.sources]} t={[t.text for t in cand.targets]}"
    cls = _class_of(src, tgt)
    return {
        "type": event.type, "trigger": token.text, "pos": token.pos_, "dep": token.dep_,
        "head": token.head.text, "src": event.source.name if event.source else None,
        "tgt": event.target.name if event.target else None, "src_where": src, "tgt_where": tgt,
        "parsed": parsed, "sentence": token.sent.text.replace("\n", " ")[:300], "class": cls, "why": why,
    }  # fmt: skip


def _class_of(src: str, tgt: str) -> str:
    """The census class of a miss: where the first side the sentence holds stands."""
    order = [src, tgt]
    best = next((w for w in order if not w.startswith(("elsewhere", "none", "other"))), None)
    best = best or next((w for w in order if w.startswith("other")), None) or src
    if best.startswith("verb["):
        return best.split("<-")[0]
    head, _, rest = best.partition(":")
    return f"{head}:{rest}" if head in ("prep", "prep2", "modifier") else head


if __name__ == "__main__":
    main()
