"""Dump every event the pipeline makes on the article train half, for offline study.

    PYTHONPATH=. .venv/bin/python scripts/dump_predictions.py out.json [--split train]

One record per article: its text, gold events and every predicted event (all confidences),
with spans, sides, trigger, confidence and the scorer's signals, so that a census can be
rerun without the pipeline.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eventwire.config import PipelineConfig  # noqa: E402
from eventwire.evaluate import articles as scoring  # noqa: E402
from eventwire.models import Event, Mention  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402


def _side(mention: Mention | None) -> dict[str, Any] | None:
    if mention is None:
        return None
    return {"text": mention.text, "actor": mention.actor, "start": mention.start, "end": mention.end}


def _event(event: Event) -> dict[str, Any]:
    return {
        "type": event.type,
        "cameo": event.cameo,
        "confidence": event.confidence,
        "modality": scoring.modality_label(event),
        "trigger": [event.trigger.text, event.trigger.start, event.trigger.end],
        "spans": [[s.text, s.start, s.end] for s in scoring.event_spans(event)],
        "source": _side(event.source),
        "target": _side(event.target),
        "quote": event.quote,
        "reported_by": event.reported_by,
        "section": event.section.value,
        "signals": dict(event.signals),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--split", default="train", choices=("train", "dev"))
    args = parser.parse_args()
    gold = scoring.load_gold(REPO / "eval" / "articles", args.split)
    pipeline = Pipeline(PipelineConfig(min_confidence=0.0))
    threshold = scoring.pipeline_threshold(pipeline)
    records = []
    for g, analysis in zip(gold, scoring.analyse(gold, pipeline), strict=True):
        records.append(
            {
                "id": g.id,
                "text": g.text,
                "outlet": g.outlet,
                "names": scoring.actor_names(analysis),
                "gold": [
                    {
                        "type": e.type,
                        "source": e.source.name if e.source else None,
                        "target": e.target.name if e.target else None,
                        "modality": e.modality,
                        "evidence": [[s.text, s.start, s.end] for s in e.evidence],
                    }
                    for e in g.events
                ],
                "predicted": [_event(e) for e in analysis.events],
            }
        )
    args.out.write_text(json.dumps({"threshold": threshold, "articles": records}))


if __name__ == "__main__":
    main()
