"""Which stage fills the sides that are not the doer or target: a census over train wrong sides.

    PYTHONPATH=$PWD python scripts/wrong_side_census.py [--articles N] [--json out.json]

Reads the article **train** half only (never dev or test). Runs the pipeline with each stage
wrapped so that every event's sides are recorded after each stage, matches the emitted events
to gold as the article evaluation does, and for each side given on a matched event reports:

* ``stage``: the stage after which the side took its final value and kept it;
* ``class``: ``locative`` (a place the text uses as a location: object of "in", "across"...),
  ``place`` (a country or place given elsewhere, e.g. the story's setting), ``teller`` (the
  outlet or monitor that reports: subject of a reporting verb, object of "according to", a
  media actor or cited source), ``non-actor`` (no actor resolved and not a person or group
  noun), ``other``;
* whether it is right (lenient, strict), and what emptying it would win or lose: a triple is
  won only where gold has no such side and the other side is right, and lost where both are
  right now. Counts of right and wrong by stage and class, then of the wrong by class and
  stage. ``--json`` writes every side given, for review.

Session 24 (main 7515715): of 3,141 sides given on matched train events 517 are wrong; by
class other 287, place 172, locative 33, teller 23; by stage events 283, argument_ranker 67,
implicit_args 57, implied_doers 30, event_coref 22, story_targets 18. Emptying loses more
than it wins in every class and stage under lenient matching (a country is right for any
gold actor of that country): locative by the ranker +7 -17 (strict +7 -4).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eventwire.config import PipelineConfig  # noqa: E402
from eventwire.evaluate import articles as scoring  # noqa: E402
from eventwire.models import Analysis, Event, Mention  # noqa: E402
from eventwire.nlp.parse import token_at  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402

Side = tuple[int, int, str] | None
StageSides = list[tuple[str, dict[Any, tuple[Side, Side]]]]  # one article's sides after each stage
History = dict[str, StageSides]  # by article id
LOCATIVE_PREPS = frozenset(
    {"in", "across", "throughout", "inside", "at", "near", "within", "into", "around", "from"}
)
REPORTING = frozenset({
    "say", "report", "tell", "quote", "claim", "state", "announce", "add", "show", "cite", "document",
    "count", "put",
})  # fmt: skip


def _side(mention: Mention | None) -> Side:
    return None if mention is None else (mention.start, mention.end, mention.text)


def _key(event: Event) -> tuple[int, int, str]:
    return (event.trigger.start, event.trigger.end, event.type)


class Recorder:
    """Wraps a stage; records each event's sides after it runs."""

    def __init__(self, stage: Any, log: History) -> None:
        self.stage, self.log, self.name = stage, log, stage.name

    def __call__(self, analysis: Analysis) -> Analysis:
        out = self.stage(analysis)
        snap = {_key(e): (_side(e.source), _side(e.target)) for e in out.events}
        self.log.setdefault(out.article.id, []).append((self.name, snap))
        return out

    def __getattr__(self, item: str) -> Any:
        return getattr(self.stage, item)


def recorded_train_run(articles: int | None) -> tuple[list[Any], list[Analysis], History, float]:
    """The train half (its first ``articles``) run with every stage recorded: the gold, the
    analyses, each article's side history by stage, and the threshold events are emitted at.
    The side censuses (this one, ``swap_census``, ``triple_census``) all start from it."""
    gold = scoring.load_gold(REPO / "eval" / "articles", "train")[:articles]
    pipeline = Pipeline(PipelineConfig())
    log: History = {}
    pipeline.stages = [Recorder(s, log) for s in pipeline.stages]  # type: ignore[misc]
    analyses = scoring.analyse(gold, pipeline)
    return gold, analyses, log, scoring.pipeline_threshold(pipeline)


def matched_events(
    gold: list[Any], analyses: list[Analysis], log: History, threshold: float
) -> Iterator[tuple[Analysis, dict[str, str], StageSides, Any, Event]]:
    """Each event emitted at ``threshold`` that the article evaluation matches to a gold
    event, with its analysis, the article's actor names, its side history by stage and the
    gold event: what every side census reads."""
    for article, analysis in zip(gold, analyses, strict=True):
        predicted = scoring.emitted(analysis, threshold)
        names = scoring.actor_names(analysis)
        history = log[analysis.article.id]
        for match in scoring.match_events(article, predicted, names):
            yield analysis, names, history, article.events[match.gold], predicted[match.predicted]


def census_arguments(doc: str) -> argparse.Namespace:
    """The side censuses' options: ``--articles N`` (the first N train articles) and
    ``--json PATH`` (their rows, for review)."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--json", type=Path, default=None)
    return parser.parse_args()


def write_rows(path: Path | None, rows: list[Any]) -> None:
    """Write a census's rows as JSON to ``path`` when one was given."""
    if path is not None:
        path.write_text(json.dumps(rows, indent=1, ensure_ascii=False))


def _filled_by(history: StageSides, key: Any, index: int, final: Side) -> str:
    """The stage after which the side took ``final`` and kept it to the end."""
    stage = "?"
    for name, snap in reversed(history):
        sides = snap.get(key)
        if sides is None or sides[index] != final:
            break
        stage = name
    return stage


def _classify(mention: Mention, analysis: Analysis) -> tuple[str, str]:
    actors = {a.id: a for a in analysis.actors}
    actor = actors.get(mention.actor or "")
    token = token_at(analysis.docs, mention.start)
    dep = ""
    if token is not None:
        span_tokens = [t for t in token.doc if mention.start <= _abs(t, analysis) < mention.end]
        head = next((t for t in span_tokens if t.head not in span_tokens or t.head is t), token)
        dep = f"{head.dep_}<{head.head.lower_}"
        if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
            return "locative", dep
        if head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according":
            return "teller", dep
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ in REPORTING:
            return "teller", dep
    cited = {c.actor for c in analysis.cited_sources}
    if actor is not None and (actor.kind == "media" or "MED" in actor.sectors or actor.id in cited):
        return "teller", dep
    if actor is not None and (actor.kind == "country" or actor.id.startswith("country:")):
        return "place", dep
    if any(p.mentions and any(s.start <= mention.start < s.end for s in p.mentions) for p in analysis.places):
        return "place", dep
    if actor is None:
        return "non-actor", dep
    return "other", dep


def _abs(token: Any, analysis: Analysis) -> int:
    for section in analysis.docs:
        if section.doc is token.doc:
            return section.offset + token.idx
    return -1


def main() -> None:
    args = census_arguments(__doc__)
    gold, analyses, log, threshold = recorded_train_run(args.articles)
    rows = []
    for analysis, names, history, want, event in matched_events(gold, analyses, log, threshold):
        for index, side in enumerate(("source", "target")):
            gold_side, given = getattr(want, side), getattr(event, side)
            if given is None:
                continue
            right = scoring.actor_matches(gold_side, given, names)
            other = ("target", "source")[index]
            other_right = scoring.actor_matches(getattr(want, other), getattr(event, other), names)
            strict = scoring.actor_matches_strictly(gold_side, given, names)
            other_strict = scoring.actor_matches_strictly(getattr(want, other), getattr(event, other), names)
            kind, dep = _classify(given, analysis)
            inside = event.evidence.start <= given.start < event.evidence.end
            rows.append({
                "article": analysis.article.id, "type": event.type, "side": side,
                "stage": _filled_by(history, _key(event), index, _side(given)),
                "class": kind, "dep": dep, "right": right, "other_right": other_right, "strict": strict,
                "other_strict": other_strict, "in_evidence": inside,
                "gold": gold_side.name if gold_side else None, "given": given.text,
                "given_actor": given.actor, "evidence": event.evidence.text,
            })  # fmt: skip
    print("given sides by stage (right/wrong):")
    tally = Counter((r["stage"], r["right"]) for r in rows)
    for stage in sorted({r["stage"] for r in rows}):
        print(f"  {stage:22s} right {tally[stage, True]:4d}  wrong {tally[stage, False]:4d}")
    right_tally = Counter((r["class"], r["right"]) for r in rows)
    for kind in sorted({r["class"] for r in rows}):
        print(f"  {kind:22s} right {right_tally[kind, True]:4d}  wrong {right_tally[kind, False]:4d}")
    print("emptying the side, by class and stage: triples won/lost, strict won/lost")
    effect: Counter[tuple[str, str, str]] = Counter()
    for r in rows:
        none = r["gold"] is None
        for what, mine, theirs in (("lenient", "right", "other_right"), ("strict", "strict", "other_strict")):
            if none and r[theirs]:
                effect[r["class"], r["stage"], what + "+"] += 1
            if r[mine] and r[theirs] and not none:
                effect[r["class"], r["stage"], what + "-"] += 1
    for kind, stage in sorted({(r["class"], r["stage"]) for r in rows}):
        e = [effect[kind, stage, w] for w in ("lenient+", "lenient-", "strict+", "strict-")]
        print(f"  {kind:10s} {stage:16s} lenient +{e[0]} -{e[1]}  strict +{e[2]} -{e[3]}")
    every, rows = rows, [r for r in rows if not r["right"]]
    print(f"{len(rows)} wrong given sides")
    for title, field in (("class", "class"), ("stage", "stage")):
        print(f"by {title}:", ", ".join(f"{k} {n}" for k, n in Counter(r[field] for r in rows).most_common()))
    counts = Counter((r["class"], r["stage"], r["in_evidence"]) for r in rows)
    for (kind, stage, inside), n in counts.most_common():
        print(f"{n:5d}  {kind:10s} {stage:22s} {'in evidence' if inside else 'elsewhere'}")
    write_rows(args.json, every)


if __name__ == "__main__":
    main()
