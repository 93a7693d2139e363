"""Where the train gold's sides of matched events are lost: a census of wrong sides by kind.

    PYTHONPATH=. .venv/bin/python scripts/side_census.py [--articles N] [--json out.json]

Reads the article **train** half only (never dev or test). Runs the shipped pipeline, matches
events as the article evaluation does, and sorts each side (source, target) of a matched
event that is not right into ``missing`` (the event has none), ``wrong`` (another actor) or
``extra`` (the gold event has none), and each missing or wrong side into one kind:

* ``refers back``: the sentence names an earlier act by a definite or possessive noun ("the
  attack", "Zambrano's arrest") and an earlier act of the article with the gold actor on
  either side is told with the noun's word (its first four letters), or the event is a
  judgement of such an act (``Event.judged``);
* ``pronoun``: the side given is a pronoun ("they", "its") that stands for someone else;
* ``in sentence``: the gold actor is named inside the event's evidence;
* ``paragraph before``: named earlier in the evidence's paragraph, not in the evidence;
* ``story actor``: named only elsewhere in the article, and one of its two most mentioned
  actors (the story's parties);
* ``earlier``, ``later``: named only before (after) the evidence's paragraph;
* ``unnamed``: no actor of the article is the gold actor.

The first kind that fits is taken, in that order. ``--json`` writes every side with its
kind and evidence, for review.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eventwire.config import PipelineConfig  # noqa: E402
from eventwire.evaluate import articles as scoring  # noqa: E402
from eventwire.evaluate.article_gold import GoldActor, GoldArticle  # noqa: E402
from eventwire.models import Analysis, Event, Mention  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402

PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "his", "its", "their"})
_DEFINITE = r"(?:\b(?:the|this|that|these|those|such|its|their|his|her)|'s)\s+(?:[\w-]+\s+){0,2}"


def _named_at(gold: GoldActor, analysis: Analysis, names: dict[str, str]) -> list[tuple[int, int]]:
    """Where the article names an actor the gold actor matches."""
    spans: list[tuple[int, int]] = []
    for actor in analysis.actors:
        mention = Mention(actor.name, 0, 0, actor.id, actor.country, list(actor.sectors))
        if scoring.actor_matches(gold, mention, names):
            spans.extend((s.start, s.end) for s in actor.mentions)
    return spans


def _refers_back(gold: GoldActor, event: Event, earlier: list[Event], names: dict[str, str]) -> bool:
    if event.judged is not None:
        return True
    words = event.evidence.text.lower()
    for act in earlier:
        stem = act.trigger.text.lower().split()[0][:4] if act.trigger.text.strip() else ""
        if len(stem) < 4 or not re.search(_DEFINITE + re.escape(stem), words):
            continue
        if scoring.actor_matches(gold, act.source, names) or scoring.actor_matches(gold, act.target, names):
            return True
    return False


def _kind(
    gold: GoldActor, given: Mention | None, event: Event, analysis: Analysis, names: dict[str, str]
) -> str:
    text, evidence = analysis.article.text, event.evidence
    earlier = [e for e in analysis.events if e.evidence.start < evidence.start]
    if _refers_back(gold, event, earlier, names):
        return "refers back"
    if given is not None and given.text.lower() in PRONOUNS:
        return "pronoun"
    spans = _named_at(gold, analysis, names)
    if not spans:
        return "unnamed"
    if any(evidence.start <= s and e <= evidence.end for s, e in spans):
        return "in sentence"
    paragraph = text.rfind("\n", 0, evidence.start) + 1
    if any(paragraph <= s and e <= evidence.start for s, e in spans):
        return "paragraph before"
    counts = Counter(a.id for a in analysis.actors for _ in a.mentions)
    top = {actor for actor, _ in counts.most_common(2)}
    if any(scoring.actor_matches(gold, Mention("", 0, 0, a), names) for a in top):
        return "story actor"
    return "earlier" if any(e <= evidence.start for _, e in spans) else "later"


def census(gold: list[GoldArticle], analyses: list[Analysis], threshold: float) -> list[dict[str, Any]]:
    rows = []
    for article, analysis in zip(gold, analyses, strict=True):
        predicted = scoring.emitted(analysis, threshold)
        names = scoring.actor_names(analysis)
        for match in scoring.match_events(article, predicted, names):
            want, event = article.events[match.gold], predicted[match.predicted]
            for side in ("source", "target"):
                gold_side, given = getattr(want, side), getattr(event, side)
                if scoring.actor_matches(gold_side, given, names):
                    continue
                state = "extra" if gold_side is None else "missing" if given is None else "wrong"
                kind = "-" if gold_side is None else _kind(gold_side, given, event, analysis, names)
                rows.append({
                    "article": article.id, "type": event.type, "side": side, "state": state, "kind": kind,
                    "gold": gold_side.name if gold_side else None, "given": given.text if given else None,
                    "given_actor": given.actor if given else None,
                    "evidence": event.evidence.text,
                })  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=None, help="only the first N train articles")
    parser.add_argument("--json", type=Path, default=None, help="write every side here")
    args = parser.parse_args()
    gold = scoring.load_gold(REPO / "eval" / "articles", "train")[: args.articles]
    pipeline = Pipeline(PipelineConfig(model="md"))
    rows = census(gold, scoring.analyse(gold, pipeline), scoring.pipeline_threshold(pipeline))
    counts = Counter((r["side"], r["state"], r["kind"]) for r in rows)
    for (side, state, kind), n in sorted(counts.items(), key=lambda kv: (kv[0][0], kv[0][1], -kv[1])):
        print(f"{n:5d}  {side:7s} {state:8s} {kind}")
    by_kind = Counter(r["kind"] for r in rows if r["state"] != "extra")
    print("missing or wrong, by kind:", ", ".join(f"{k} {n}" for k, n in by_kind.most_common()))
    if args.json is not None:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
