"""What the train half's false events are: a census of emitted events that match no gold event.

    PYTHONPATH=. .venv/bin/python scripts/dump_predictions.py train.json
    PYTHONPATH=. .venv/bin/python scripts/false_census.py train.json [--json out.json]

Reads a dump of the article **train** half (never dev or test) and scores it as
``eventwire evaluate articles`` does at the threshold given (0.40 by default). Each false
event goes into the first class that holds:

* ``duplicate``: a gold event of its type overlaps its evidence, already matched to another
  prediction (coreference failed to merge, or a second trigger for one act);
* ``twin``: a matched prediction of another type overlaps its evidence (one act typed
  twice: "arrested and charged" read as COERCE and ACCUSE where the coders coded one);
* ``wrong type``: a gold event of another type overlaps its evidence, no matched prediction
  of another type overlapping it (the detail says whether another prediction took the gold);
* ``near``: a gold event of its type lies in the same sentence without overlapping its
  evidence (the scorer's evidence policy);
* ``no gold``: no gold event in reach; a sub-class says what the rules say about it
  (saying, no actor, outlet as source, in a quote, carried intention ...) or ``other``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eventwire.evaluate import articles as scoring  # noqa: E402
from eventwire.models import Event, Mention, Span  # noqa: E402

_SENT_END = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])|\n+")


def _span(raw: list[Any]) -> Span:
    return Span(raw[0], raw[1], raw[2])


def _mention(raw: dict[str, Any] | None) -> Mention | None:
    if raw is None:
        return None
    return Mention(raw["text"], raw["start"], raw["end"], raw["actor"])


def _event(raw: dict[str, Any]) -> Event:
    spans = [_span(s) for s in raw["spans"]]
    event = Event(raw["type"], raw["cameo"], spans[0], _span(raw["trigger"]))
    event.source, event.target, event.mentions = _mention(raw["source"]), _mention(raw["target"]), spans[1:]
    event.confidence = raw["confidence"]
    return event


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in _SENT_END.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def sentence_of(bounds: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in bounds:
        if a <= pos < b + 1:
            return a, b
    return bounds[-1]


def _overlaps(spans: list[Span], a: int, b: int) -> bool:
    return any(scoring._overlap(s, a, b) > 0 for s in spans)


def classify(record: dict[str, Any], gold: Any, threshold: float) -> tuple[list[dict[str, Any]], int]:
    raw = [p for p in record["predicted"] if p["confidence"] >= threshold]
    predicted = [_event(p) for p in raw]
    names = record["names"]
    matches = scoring.match_events(gold, predicted, names)
    matched_gold = {m.gold: m.predicted for m in matches}
    matched_pred = {m.predicted for m in matches}
    text = record["text"]
    bounds = sentence_bounds(text)
    out = []
    for pi, p in enumerate(predicted):
        if pi in matched_pred:
            continue
        spans = scoring.event_spans(p)
        same = [gi for gi, g in enumerate(gold.events) if g.type == p.type
                and any(_overlaps(spans, e.start, e.end) for e in g.evidence)]  # fmt: skip
        other = [gi for gi, g in enumerate(gold.events) if g.type != p.type
                 and any(_overlaps(spans, e.start, e.end) for e in g.evidence)]  # fmt: skip
        sents = {sentence_of(bounds, s.start) for s in spans}
        near = [gi for gi, g in enumerate(gold.events) if g.type == p.type
                and any(sentence_of(bounds, e.start) in sents for e in g.evidence)]  # fmt: skip
        twins = [qi for qi in matched_pred if predicted[qi].type != p.type and _twin(predicted[qi], p)]
        if same:
            kind = "duplicate"
            by = predicted[matched_gold[same[0]]] if same[0] in matched_gold else None
            detail = "same trigger" if by is not None and by.trigger == p.trigger else "other trigger"
            if by is not None:
                detail += "; coref pair" if _sides_agree(p, by) else "; sides differ"
            detail += "; trigger in" if _trigger_in(p, gold.events[same[0]]) else "; trigger out"
        elif twins:
            kind, detail = "twin", f"matched {predicted[twins[0]].type}"
        elif other:
            kind = "wrong type"
            g = gold.events[other[0]]
            taken = other[0] in matched_gold
            detail = f"gold {g.type}" + ("; gold taken" if taken else "; gold missed")
            detail += "; trigger in" if _trigger_in(p, g) else "; trigger out"
        elif near:
            kind, detail = "near", f"gold {gold.events[near[0]].type}"
        else:
            kind, detail = "no gold", _rule_class(raw[pi], record)
        a, b = sentence_of(bounds, p.evidence.start)
        out.append(
            {
                "article": record["id"], "kind": kind, "detail": detail, "type": p.type,
                "cameo": p.cameo, "trigger": p.trigger.text, "confidence": p.confidence,
                "source": p.source.text if p.source else None, "target": p.target.text if p.target else None,
                "evidence": p.evidence.text, "sentence": text[a:b][:400],
                "gold_here": [f"{g.type} {g.source.name if g.source else None}->"
                              f"{g.target.name if g.target else None}: {g.evidence[0].text}"
                              for gi, g in enumerate(gold.events) if gi in same + other + near][:3],
            }
        )  # fmt: skip
    return out, len(matches)


def _twin(a: Event, b: Event) -> bool:
    """One trigger, or overlapping clearest mentions."""
    return (
        a.trigger.start == b.trigger.start
        or scoring._overlap(a.evidence, b.evidence.start, b.evidence.end) > 0
    )


def _trigger_in(p: Event, g: Any) -> bool:
    return any(e.start <= p.trigger.start < e.end for e in g.evidence)


def _sides_agree(a: Event, b: Event) -> bool:
    def same(x: Mention | None, y: Mention | None) -> bool:
        if x is None or y is None:
            return True
        return x.actor == y.actor or bool(scoring._words(x.text) & scoring._words(y.text))

    return same(a.source, b.source) and same(a.target, b.target)


_SAY = re.compile(r"^(say|said|says|told|tell|stated|state|note|noted|added|announced|announce)", re.I)


def _rule_class(raw: dict[str, Any], record: dict[str, Any]) -> str:
    if raw["source"] is None and raw["target"] is None:
        return "no actor"
    if (
        raw["source"]
        and record["outlet"]
        and set(scoring._words(raw["source"]["text"])) & set(scoring._words(record["outlet"]))
    ):
        return "outlet as source"
    if _SAY.match(raw["trigger"][0]):
        return "saying"
    if raw["quote"] is not None:
        return "in a quote"
    return "other"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dump", type=Path)
    parser.add_argument("--threshold", type=float, default=0.40)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    data = json.loads(args.dump.read_text())
    gold = {g.id: g for g in scoring.load_gold(REPO / "eval" / "articles", "train")}
    false: list[dict[str, Any]] = []
    tp = 0
    for record in data["articles"]:
        rows, matched = classify(record, gold[record["id"]], args.threshold)
        false.extend(rows)
        tp += matched
    print(f"tp {tp} fp {len(false)}")
    kinds = Counter(r["kind"] for r in false)
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    details: dict[str, Counter[str]] = defaultdict(Counter)
    for r in false:
        by_type[r["kind"]][r["type"]] += 1
        details[r["kind"]][r["detail"]] += 1
    for kind, n in kinds.most_common():
        print(f"\n{kind}: {n}")
        print("  by type: " + ", ".join(f"{t} {c}" for t, c in by_type[kind].most_common()))
        print("  detail: " + ", ".join(f"{d} {c}" for d, c in details[kind].most_common(12)))
    if args.json:
        args.json.write_text(json.dumps(false, indent=1))


if __name__ == "__main__":
    main()
