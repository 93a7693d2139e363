"""Which of event coreference's paths join mentions of one gold act, and which of two.

    PYTHONPATH=. .venv/bin/python scripts/coref_audit.py [--articles N] [--json out.json]

Reads the article **train** half only (never dev or test). Runs the pipeline with the
coreference stage's trace on (:class:`eventwire.resolve.event_coref.Merge`) and sorts every
join by its path (the rules' :func:`~eventwire.resolve.event_coref.join_path`, the pair
model, a spoken act the model confirmed, the second and last passes) into:

* ``good``: a gold event of the type overlaps a mention on each side of the join (one act
  told twice: the join removes a duplicate false event);
* ``bad``: gold events overlap mentions on both sides, but none on both (two gold acts joined:
  one of them is lost unless another prediction meets it); ``lost``: of those, the joins
  where a gold event on either side is missed in the scored output;
* ``neither``: no gold event of the type on one side (a false event joined, or a mention
  gold does not code).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eventwire.config import PipelineConfig  # noqa: E402
from eventwire.evaluate import articles as scoring  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.resolve.event_coref import EventCorefStage, Merge  # noqa: E402


def _golds(article: Any, type_: str, spans: tuple[Any, ...]) -> set[int]:
    """The gold events of the type whose evidence overlaps any of the spans."""
    return {
        i for i, g in enumerate(article.events)
        if g.type == type_ and any(scoring._overlap(s, e.start, e.end) > 0 for s in spans for e in g.evidence)
    }  # fmt: skip


def audit(limit: int | None) -> list[dict[str, Any]]:
    gold = scoring.load_gold(REPO / "eval" / "articles", "train")[:limit]
    pipeline = Pipeline(PipelineConfig())
    stage = next(s for s in pipeline.stages if isinstance(s, EventCorefStage))
    stage.trace = {}
    threshold = scoring.pipeline_threshold(pipeline)
    analyses = scoring.analyse(gold, pipeline)
    rows = []
    for article, analysis in zip(gold, analyses, strict=True):
        predicted = scoring.emitted(analysis, threshold)
        matches = scoring.match_events(article, predicted, scoring.actor_names(analysis))
        matched = {m.gold for m in matches}
        merges: list[Merge] = stage.trace.get(analysis.article.id, [])
        for merge in merges:
            into, joined = _golds(article, merge.type, merge.into), _golds(article, merge.type, merge.joined)
            if into & joined:
                verdict = "good"
            elif into and joined:
                verdict = "bad"
            else:
                verdict = "neither"
            rows.append({
                "article": article.id, "path": merge.path, "type": merge.type, "verdict": verdict,
                "lost": verdict == "bad" and not (into | joined) <= matched,
                "into": [s.text for s in merge.into], "joined": [s.text for s in merge.joined],
                "into_starts": [s.start for s in merge.into],
                "joined_starts": [s.start for s in merge.joined],
                "trigger": merge.trigger.text,
            })  # fmt: skip
    return rows


def report(rows: list[dict[str, Any]]) -> str:
    by_path: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        by_path[row["path"]][row["verdict"]] += 1
        by_path[row["path"]]["lost"] += row["lost"]
    lines = [
        f"{len(rows)} joins on the train half",
        "path                              good   bad  lost  neither",
    ]
    for path, n in sorted(by_path.items(), key=lambda kv: -sum(kv[1].values())):
        lines.append(f"{path:32s} {n['good']:5d} {n['bad']:5d} {n['lost']:5d} {n['neither']:8d}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=None, help="only the first N train articles")
    parser.add_argument("--json", type=Path, default=None, help="write every join here")
    args = parser.parse_args()
    rows = audit(args.articles)
    print(report(rows))
    if args.json is not None:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
