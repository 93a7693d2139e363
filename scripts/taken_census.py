"""Sub-classes of the train gold's events "taken by another gold event" (miss census class D).

    PYTHONPATH=. .venv/bin/python scripts/taken_census.py [--articles N] [--json out.json]

Reads the article **train** half only. Runs the pipeline as the scorer does and, for each
gold event no emitted prediction matches while a prediction of its type overlaps its
evidence, reads the prediction that took it and the gold event that prediction was matched
to: how their sides relate (a list of targets, a list of doers, the two directions of a
mutual act, one act repeated), whether coreference joined the mentions through which the
prediction meets each gold event, and whether the two gold events share their evidence.
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
from eventwire.pipeline import Pipeline  # noqa: E402


def _sides(g: Any) -> tuple[str | None, str | None]:
    return (g.source.name if g.source else None, g.target.name if g.target else None)


def _words(p: Any) -> tuple[str | None, str | None]:
    return (p.source.text if p.source else None, p.target.text if p.target else None)


def _relation(miss: Any, taker: Any) -> str:
    ms, mt = _sides(miss)
    ts, tt = _sides(taker)
    if (ms, mt) == (tt, ts) and ms != mt:
        return "reversed (mutual)"
    if ms == ts and mt == tt:
        return "same sides (repeat/date)"
    if ms == ts:
        return "same source, other target"
    if mt == tt:
        return "same target, other source"
    return "both sides differ"


def _hits(spans: list[Any], gold: Any) -> list[int]:
    return [
        i for i, s in enumerate(spans)
        if any(scoring._overlap(s, e.start, e.end) > 0 for e in gold.evidence)
    ]  # fmt: skip


def census(limit: int | None) -> list[dict[str, Any]]:
    gold = scoring.load_gold(REPO / "eval" / "articles", "train")[:limit]
    pipeline = Pipeline(PipelineConfig())
    threshold = scoring.pipeline_threshold(pipeline)
    analyses = scoring.analyse(gold, pipeline)
    out = []
    for article, analysis in zip(gold, analyses, strict=True):
        predicted = scoring.emitted(analysis, threshold)
        names = scoring.actor_names(analysis)
        matches = scoring.match_events(article, predicted, names)
        by_pred = {m.predicted: m.gold for m in matches}
        matched = {m.gold for m in matches}
        for gi, g in enumerate(article.events):
            if gi in matched:
                continue
            for pi, p in enumerate(predicted):
                spans = scoring.event_spans(p)
                if p.type != g.type or pi not in by_pred or not _hits(spans, g):
                    continue
                taker = article.events[by_pred[pi]]
                miss_hits, taker_hits = _hits(spans, g), _hits(spans, taker)
                shared = any(
                    scoring._overlap(a, b.start, b.end) > 0 for a in g.evidence for b in taker.evidence
                )
                coref = "one mention" if set(miss_hits) & set(taker_hits) else "coref joined"
                names_ok = scoring.actor_matches(g.source, p.source, names) and scoring.actor_matches(
                    g.target, p.target, names
                )
                taker_ok = scoring.actor_matches(taker.source, p.source, names) and scoring.actor_matches(
                    taker.target, p.target, names
                )
                out.append({
                    "article": article.id, "type": g.type,
                    "relation": _relation(g, taker), "coref": coref,
                    "evidence_shared": shared, "pred_sides_fit_miss": names_ok,
                    "pred_sides_fit_taker": taker_ok,
                    "miss": {"sides": _sides(g), "date": g.date, "place": g.place,
                             "evidence": [e.text for e in g.evidence]},
                    "taker": {"sides": _sides(taker), "date": taker.date, "place": taker.place,
                              "evidence": [e.text for e in taker.evidence]},
                    "pred": {"sides": _words(p),
                             "date": str(p.date), "evidence": p.evidence.text,
                             "mentions": [m.text for m in getattr(p, "mentions", [])],
                             "trigger": p.trigger.text, "cameo": p.cameo},
                })  # fmt: skip
                break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    rows = census(args.articles)
    print(len(rows), "taken misses")
    for key in ("relation", "coref", "evidence_shared", "pred_sides_fit_miss", "pred_sides_fit_taker"):
        print(key, Counter(str(r[key]) for r in rows).most_common())
    print("relation x coref", Counter((r["relation"], r["coref"]) for r in rows).most_common())
    print("type", Counter(r["type"] for r in rows).most_common())
    if args.json is not None:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
