"""Matched train events whose (type, source, target) triple is wrong, by class of each bad side.

    PYTHONPATH=$PWD python scripts/triple_census.py [--articles N] [--json out.json]

Reads the article **train** half only (never dev or test). Runs the pipeline with each stage
recorded (as :mod:`wrong_side_census`), matches events as the article evaluation does, and for
each matched event whose triple is not right sorts every bad side into one state:

* ``missing``: gold names an actor, the event has none;
* ``extra``: gold has none, the event gives one;
* ``swapped``: the side given is gold's other side (or both sides reversed);
* ``wrong``: another actor; split by what the given side is (``place``, ``locative``,
  ``teller``, ``non-actor``, ``pronoun``, ``other``, as :func:`wrong_side_census._classify`).

For missing and wrong sides, ``where`` tells where the gold actor is named (as
:func:`side_census._kind`, with ``headline`` first when the gold actor is named in the title
and not in the evidence's sentence). The stage after which the side kept its value is given.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from side_census import PRONOUNS, _kind, _named_at  # noqa: E402
from wrong_side_census import (  # noqa: E402
    _classify,
    _filled_by,
    _key,
    _side,
    census_arguments,
    recorded_train_run,
    write_rows,
)

from eventwire.evaluate import articles as scoring  # noqa: E402

SIDES = ("source", "target")


def main() -> None:
    args = census_arguments(__doc__)
    gold, analyses, log, threshold = recorded_train_run(args.articles)
    rows: list[dict[str, Any]] = []
    events_wrong = 0
    for article, analysis in zip(gold, analyses, strict=True):
        predicted = scoring.emitted(analysis, threshold)
        names = scoring.actor_names(analysis)
        history = log[analysis.article.id]
        title = analysis.article.sections.get("title")
        for match in scoring.match_events(article, predicted, names):
            want, event = article.events[match.gold], predicted[match.predicted]
            ok = [
                scoring.actor_matches(getattr(want, s), getattr(event, s), names)
                for s in ("source", "target")
            ]
            if all(ok):
                continue
            events_wrong += 1
            reversed_ = scoring.actor_matches(want.source, event.target, names) and scoring.actor_matches(
                want.target, event.source, names
            )
            for index, side in enumerate(("source", "target")):
                if ok[index]:
                    continue
                other = ("target", "source")[index]
                gold_side, given = getattr(want, side), getattr(event, side)
                gold_other, given_other = getattr(want, other), getattr(event, other)
                if gold_side is None:
                    state = "extra"
                elif given is None:
                    state = "missing"
                elif reversed_ or (
                    gold_other is not None and scoring.actor_matches(gold_other, given, names)
                ):
                    state = "swapped"
                else:
                    state = "wrong"
                given_class, dep = _classify(given, analysis) if given is not None else ("-", "")
                if given is not None and given.text.lower() in PRONOUNS:
                    given_class = "pronoun"
                where = "-"
                if gold_side is not None:
                    where = _kind(gold_side, given, event, analysis, names)
                    spans = _named_at(gold_side, analysis, names)
                    if (
                        where not in ("in sentence", "refers back")
                        and title is not None
                        and any(title[0] <= s < title[1] for s, _ in spans)
                    ):
                        where = "headline+" + where
                rows.append({
                    "article": article.id, "type": event.type, "side": side, "state": state,
                    "given_class": given_class, "dep": dep, "where": where,
                    "stage": _filled_by(history, _key(event), index, _side(given)),
                    "other_right": ok[1 - index],
                    "gold": gold_side.name if gold_side else None, "given": given.text if given else None,
                    "given_actor": given.actor if given else None,
                    "gold_other": gold_other.name if gold_other else None,
                    "given_other": given_other.text if given_other else None,
                    "trigger": event.trigger.text, "evidence": event.evidence.text,
                })  # fmt: skip
    print(f"{events_wrong} matched events with a wrong triple; {len(rows)} bad sides")
    for field in ("state", "stage"):
        print(f"by {field}:", ", ".join(f"{k} {n}" for k, n in Counter(r[field] for r in rows).most_common()))
    print("state / side / given class (only this side wrong = fixing it wins the triple):")
    counts = Counter((r["state"], r["side"], r["given_class"]) for r in rows)
    alone = Counter((r["state"], r["side"], r["given_class"]) for r in rows if r["other_right"])
    for triple, n in counts.most_common():
        print(f"{n:5d} ({alone[triple]:4d})  {' / '.join(triple)}")
    print("missing/wrong/swapped: where gold's actor is named:")
    wc = Counter((r["state"], r["where"]) for r in rows if r["state"] != "extra")
    for pair, n in wc.most_common(40):
        print(f"{n:5d}  {' / '.join(pair)}")
    print("by stage and state:")
    for pair, n in Counter((r["stage"], r["state"]) for r in rows).most_common(30):
        print(f"{n:5d}  {' / '.join(pair)}")
    write_rows(args.json, rows)


if __name__ == "__main__":
    main()
