"""Where the train half's wrong types come from: a confusion census of the type decision.

    PYTHONPATH=. .venv/bin/python scripts/type_census.py wrong.json [--dump train_why.json]

Runs the pipeline on the article **train** half (never dev or test for reading) with the
event stage watched: for every event emitted it records which rule gave its type (the
lexicon row, an object sense, a doer's sense, an intention, a demand, a learned trigger),
the trigger model's probabilities at the trigger, and the parse around the trigger (its
object's and subject's heads and entity kinds, its prepositions, the governing and governed
triggers). Then each false event that overlaps a gold event of another type is listed with
the gold type, so that the confusion can be read by source and by context.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eventwire.config import PipelineConfig  # noqa: E402
from eventwire.evaluate import articles as scoring  # noqa: E402
from eventwire.extract import event_patterns as pat  # noqa: E402
from eventwire.extract import events as stage  # noqa: E402
from eventwire.extract.trigger_model import LABELS, LEARNED_ORIGIN  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402

sys.path.insert(0, str(REPO / "scripts"))
from dump_predictions import _event  # noqa: E402
from false_census import classify  # noqa: E402

WHY: dict[tuple[str, int], dict[str, Any]] = {}


def _word(t: Any) -> dict[str, Any] | None:
    if t is None:
        return None
    return {"lemma": t.lemma_.lower(), "ent": t.ent_type_, "pos": t.pos_, "tag": t.tag_, "dep": t.dep_}


def _context(candidate: Any) -> dict[str, Any]:
    token = candidate.token
    obj = pat.trigger_patient(token) if candidate.trigger.pos == "VERB" else None
    preps = [
        [c.lower_, (pat.placed_object(c).lemma_.lower() if pat.placed_object(c) is not None else None)]
        for c in token.children if c.dep_ == "prep"
    ]  # fmt: skip
    comps = [[c.dep_, c.lemma_.lower()] for c in token.children if c.dep_ in ("xcomp", "ccomp", "advcl")]
    gov = candidate.governor
    return {
        "lemma": token.lemma_.lower(), "pos": token.pos_, "dep": token.dep_,
        "head": token.head.lemma_.lower(),
        "object": _word(obj), "sources": [_word(s) for s in candidate.sources[:2]],
        "targets": [_word(t) for t in candidate.targets[:2]], "preps": preps, "comps": comps,
        "governor": [gov.type, gov.token.lemma_.lower()] if gov is not None else None,
        "complement": [candidate.complement.type, candidate.complement.token.lemma_.lower()]
        if candidate.complement is not None else None,
        "sentence": token.sent.text[:300],
    }  # fmt: skip


_SOURCE: dict[int, str] = {}  # id(candidate) -> the rule that typed it, while its sentence is read


def _watch() -> None:
    """Wrap the event stage's steps so that each emitted event says where its type came from."""
    original_candidate = stage.EventStage._candidate
    original_emit = stage.EventStage._emit
    original_intentions = stage.EventStage._intentions
    original_demand = stage.EventStage._demand

    def candidate(self: Any, found: Any) -> Any:
        made = original_candidate(self, found)
        if made is not None:
            _SOURCE[id(made)] = "lexicon" if made.type == found.trigger.type else "object/frame"
        return made

    def intentions(self: Any, candidates: Any) -> Any:
        out = original_intentions(self, candidates)
        for made in out:
            _SOURCE[id(made)] = "intention"
        return out

    def demand(self: Any, found: Any, candidates: Any, *rest: Any) -> Any:
        made = original_demand(self, found, candidates, *rest)
        if made is not None:
            _SOURCE[id(made)] = "demand"
        return made

    def emit(self: Any, analysis: Any, section_doc: Any, cand: Any, *rest: Any) -> Any:
        events = original_emit(self, analysis, section_doc, cand, *rest)
        source = _SOURCE.get(id(cand), "?")
        if source == "lexicon" and cand.type != cand.trigger.type:
            source = "governed-intent"  # retyped by the intention verb that governs it
        if cand.trigger.origin == LEARNED_ORIGIN:
            source = "learned"
        types = cand.found.types
        probs = (
            {k: round(float(v), 3) for k, v in zip(LABELS, types.probabilities, strict=True)}
            if types
            else None
        )
        for e in events:
            WHY[(analysis.article.id, e.trigger.start)] = {
                "source": "doer-sense" if e.type != cand.type else source, "row": cand.trigger.type,
                "origin": cand.trigger.origin, "phrase": cand.trigger.phrase, "probs": probs,
                **_context(cand),
            }  # fmt: skip
        return events

    stage.EventStage._candidate = candidate  # type: ignore[method-assign]
    stage.EventStage._intentions = intentions  # type: ignore[method-assign]
    stage.EventStage._demand = demand  # type: ignore[method-assign]
    stage.EventStage._emit = emit  # type: ignore[method-assign]


def _record(g: Any, analysis: Any) -> dict[str, Any]:
    """The article's predictions as ``dump_predictions`` writes them, each with its type's origin
    and its sides' sectors."""
    record = {
        "id": g.id, "text": g.text, "outlet": g.outlet, "names": scoring.actor_names(analysis),
        "predicted": [_event(e) for e in analysis.events],
    }  # fmt: skip
    for p, e in zip(record["predicted"], analysis.events, strict=True):
        p["why"] = WHY.get((analysis.article.id, p["trigger"][1]))
        for side in ("source", "target"):
            mention = getattr(e, side)
            if p[side] is not None and mention is not None:
                p[side]["sectors"] = list(mention.sectors)
    return record


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path, help="the wrong-type false events, with their origin (JSON)")
    parser.add_argument(
        "--dump", type=Path, help="also every prediction with its origin (dump_predictions' format)"
    )
    args = parser.parse_args()
    _watch()
    gold = scoring.load_gold(REPO / "eval" / "articles", "train")
    pipeline = Pipeline(PipelineConfig(min_confidence=0.0))
    threshold = 0.40  # the shipped scorer's threshold (this pipeline keeps every event)
    rows, records, tp, fp = [], [], 0, 0
    for g, analysis in zip(gold, scoring.analyse(gold, pipeline), strict=True):
        record = _record(g, analysis)
        records.append(record)
        false, matched = classify(record, g, threshold)
        tp, fp = tp + matched, fp + len(false)
        for f in false:
            if f["kind"] == "wrong type":
                match = next((p for p in record["predicted"] if p["trigger"][0] == f["trigger"]
                              and p["type"] == f["type"]), None)  # fmt: skip
                f["why"] = match["why"] if match else None
                rows.append(f)
    args.out.write_text(json.dumps(rows, indent=1))
    if args.dump:
        args.dump.write_text(json.dumps({"threshold": threshold, "articles": records}))
    print(f"tp {tp} fp {fp}; wrong type {len(rows)}")
    origin = Counter((r["detail"].split("; ")[1], r["why"]["source"] if r["why"] else "?") for r in rows)
    print("\nby origin of the type:")
    for (taken, source), n in origin.most_common():
        print(f"  {taken:12} {source:16} {n}")
    pairs = Counter((r["type"], r["detail"].split(";")[0][5:]) for r in rows if "gold missed" in r["detail"])
    print("\ngold missed, predicted -> gold type:")
    for (pred, want), n in pairs.most_common(25):
        print(f"  {pred:10} -> {want:10} {n}")


if __name__ == "__main__":
    main()
