"""Where the train gold's missed events are lost: a census of candidate generation.

    PYTHONPATH=. .venv/bin/python scripts/miss_census.py [--articles N] [--json out.json]

Reads the article **train** half only (never dev or test). Runs the pipeline with every
candidate kept (minimum confidence 0), so a miss is lost before scoring, and sorts each
gold event no prediction matches into one class:

* ``D taken``: a prediction of its type overlaps its evidence but was matched to another
  gold event (a list of targets, the other direction of a mutual act, two acts merged by
  coreference);
* ``B dropped after events``: the event stage emitted an event of its type with its trigger
  inside the evidence; a later stage (coreference, implicit arguments) removed it;
* ``A found, not emitted``: the trigger finder found a word of its type inside the evidence
  and the event stage dropped it, with the reason (no actor on either side, an event noun
  without sides, suppressed or carried by another candidate, not worth emitting ...);
* ``C other type``: only triggers of other types inside the evidence (emitted or not);
* ``E no trigger``: no trigger of any type inside the evidence.

Counts by class, by class and type, and the reasons of class A. ``--json`` writes every
miss with its class, reason and evidence, for review.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eventwire.config import PipelineConfig  # noqa: E402
from eventwire.evaluate import articles as scoring  # noqa: E402
from eventwire.extract import events as event_stage  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402

Key = tuple[int, int]  # (id of the spaCy doc, character offset of the token in it)


@contextmanager
def traced() -> Iterator[tuple[dict[int, list[tuple[int, int, str]]], dict[Key, str], dict[int, list]]]:
    """Records, while active, the triggers found per doc, each trigger's fate in the event
    stage and the events the stage emitted per analysis; restores the stage afterwards."""
    found: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    fate: dict[Key, str] = {}
    emitted: dict[int, list] = {}
    stage, patterns = event_stage.EventStage, event_stage.pat
    saved = (patterns.find_triggers, stage.__call__, stage._candidate, stage._worth_emitting, stage._emit)
    find, call, candidate, worth, emit = saved

    def key(token: Any) -> Key:
        return id(token.doc), token.idx

    def find_triggers(sent: Any, *args: Any) -> Any:
        out = find(sent, *args)
        found[id(sent.doc)].extend((f.token.idx, f.token.idx + len(f.token), f.trigger.type) for f in out)
        return out

    def traced_call(self: Any, analysis: Any) -> Any:
        out = call(self, analysis)
        emitted[id(analysis)] = [(e.type, e.trigger.start, e.trigger.end) for e in out.events]
        return out

    def traced_candidate(self: Any, item: Any) -> Any:
        made = candidate(self, item)
        fate[key(item.token)] = "no candidate" if made is None else "suppressed or carried"
        return made

    def traced_worth(self: Any, made: Any, title: bool = False) -> bool:
        ok = worth(self, made, title)
        fate[key(made.token)] = "worth emitting" if ok else _why_not(made)
        return ok

    def traced_emit(self: Any, analysis: Any, section_doc: Any, made: Any, *args: Any) -> Any:
        out = emit(self, analysis, section_doc, made, *args)
        fate[key(made.token)] = "emitted (retyped or merged)" if out else "no actor on either side"
        return out

    patches = {
        "__call__": traced_call, "_candidate": traced_candidate,
        "_worth_emitting": traced_worth, "_emit": traced_emit,
    }  # fmt: skip
    patterns.find_triggers = find_triggers  # type: ignore[assignment]
    for name, patch in patches.items():
        setattr(stage, name, patch)
    try:
        yield found, fate, emitted
    finally:
        patterns.find_triggers = find
        for name, original in zip(patches, saved[1:], strict=True):
            setattr(stage, name, original)


def _why_not(candidate: Any) -> str:
    """The first of EventStage._worth_emitting's refusals that holds (a coarse reading)."""
    reading = candidate.reading
    if reading.unrealised:
        return "not worth: unrealised"
    if reading.habitual and candidate.type not in event_stage.SPEECH_ACTS:
        return "not worth: habitual"
    if not candidate.issued and event_stage.describes_actor(candidate.token, candidate.type):
        return "not worth: describes an actor"
    if candidate.trigger.pos == "NOUN" and not (candidate.sources or candidate.targets or candidate.light):
        return "not worth: event noun without sides"
    return "not worth: other rule"


def census(limit: int | None) -> list[dict[str, Any]]:
    gold = scoring.load_gold(REPO / "eval" / "articles", "train")[:limit]
    misses = []
    with traced() as (found, fate, emitted):
        analyses = scoring.analyse(gold, Pipeline(PipelineConfig(min_confidence=0.0)))
        for article, analysis in zip(gold, analyses, strict=True):
            predicted = analysis.events
            matched = {
                m.gold for m in scoring.match_events(article, predicted, scoring.actor_names(analysis))
            }
            for i, event in enumerate(article.events):
                if i not in matched:
                    spans = [(s.start, s.end) for s in event.evidence]
                    misses.append(
                        _classify(article.id, event, spans, analysis, predicted, found, fate, emitted)
                    )
    return misses


def _classify(
    article: str, event: Any, spans: list[tuple[int, int]], analysis: Any, predicted: list[Any],
    found: dict[int, list[tuple[int, int, str]]], fate: dict[Key, str], emitted: dict[int, list],
) -> dict[str, Any]:  # fmt: skip
    def inside(start: int, end: int) -> bool:
        return any(start < b and end > a for a, b in spans)

    same = [
        p for p in predicted if p.type == event.type
        and any(scoring._overlap(s, a, b) for s in scoring.event_spans(p) for a, b in spans)
    ]  # fmt: skip
    triggers = [
        (kind, fate.get((id(sd.doc), start), "?"))
        for sd in analysis.docs
        for start, end, kind in found.get(id(sd.doc), [])
        if inside(start + sd.offset, end + sd.offset)
    ]
    reason = ""
    if same:
        kind = "D taken by another gold event"
    elif any(t == event.type and inside(s, e) for t, s, e in emitted.get(id(analysis), [])):
        kind = "B dropped after the event stage"
    elif any(t == event.type for t, _ in triggers):
        kind = "A found, not emitted"
        reason = sorted({why for t, why in triggers if t == event.type})[0]
    elif triggers:
        kind = "C only other types"
    else:
        kind = "E no trigger"
    return {"article": article, "type": event.type, "class": kind, "reason": reason,
            "evidence": event.evidence[0].text, "other_types": sorted({t for t, _ in triggers})}  # fmt: skip


def report(misses: list[dict[str, Any]]) -> str:
    classes = Counter(m["class"] for m in misses)
    lines = [f"{len(misses)} missed train events (minimum confidence 0)"]
    lines += [f"{n:5d}  {kind}" for kind, n in sorted(classes.items())]
    kinds = sorted(classes)
    lines.append("type       " + " ".join(k[0].rjust(4) for k in kinds))
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    for m in misses:
        by_type[m["type"]][m["class"]] += 1
    lines += [f"{t:10s} " + " ".join(str(by_type[t][k]).rjust(4) for k in kinds) for t in sorted(by_type)]
    lines.append("class A, why the event stage dropped the trigger:")
    reasons = Counter(m["reason"] for m in misses if m["class"].startswith("A"))
    lines += [f"{n:5d}  {why}" for why, n in reasons.most_common()]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=None, help="only the first N train articles")
    parser.add_argument("--json", type=Path, default=None, help="write every miss here")
    args = parser.parse_args()
    misses = census(args.articles)
    print(report(misses))
    if args.json is not None:
        args.json.write_text(json.dumps(misses, indent=1))


if __name__ == "__main__":
    main()
