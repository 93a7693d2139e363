"""Where the train gold's days are won and lost: a census of event dates.

    PYTHONPATH=. .venv/bin/python scripts/date_census.py [--articles N] [--rows N]

Reads the article **train** half only (never dev or test). For every matched event whose
gold event gives a day, the prediction is one of: ``right:day`` (the act's own date),
``right:story`` (the story's day, resolve/story_dates.py), ``consistent`` (a month or year
that holds the day), ``wrong:<precision>`` or ``none``. Undated events are counted by how
their trigger's clause is told (story_dates' tense), where they stand (title, before the
lede, the lede, the two paragraphs after it, later), whether their sentence or paragraph
holds a time expression, whether their paragraph or the one before names a weekday,
"today" or "yesterday", whether the article has a dateline, the story's day (days before
publication; ``pub`` the publication-day fallback, ``-`` none) and the gold day's distance
from publication. Wrong days are counted by the step that set them: the story's day, or
grounding (resolve/event_dates.py) by its own or an inherited clause's date or a weak one,
and whether the date came from another mention of the act (coreference).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eventwire.config import PipelineConfig  # noqa: E402
from eventwire.evaluate import articles as scoring  # noqa: E402
from eventwire.models import DAY_PRECISIONS, Analysis, Event, Section  # noqa: E402
from eventwire.nlp.datelines import dateline_at  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.resolve import story_dates  # noqa: E402
from eventwire.resolve.event_dates import event_head  # noqa: E402

DAY_WORDS = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|last night)\b",
    re.IGNORECASE,
)


def outcome(event: Event, day: dt.date) -> str:
    if event.date is None:
        return "none"
    if event.date_precision in DAY_PRECISIONS and event.date == day:
        return f"right:{event.date_precision}"
    if event.date_precision == "month" and (event.date.year, event.date.month) == (day.year, day.month):
        return "consistent"
    if event.date_precision == "year" and event.date.year == day.year:
        return "consistent"
    return f"wrong:{event.date_precision}"


def wrong_rule(event: Event, sentence: tuple[int, int]) -> str:
    """The step that set a wrong date."""
    if event.date_precision == story_dates.STORY:
        return "story (publication day)" if event.date_evidence is None else "story"
    rule = "grounding, weak" if event.signals.get("date_weak") == 1.0 else "grounding, own/inherited"
    evidence = event.date_evidence
    if evidence is not None and not sentence[0] <= evidence.start < sentence[1]:
        rule += ", from another mention"
    return rule


def where(event: Event, body: Any, paragraphs: list[tuple[int, int]]) -> str:
    if event.section is Section.TITLE:
        return "title"
    if event.section is not Section.BODY or not paragraphs:
        return "other"
    at = event.evidence.start - body.offset
    if at < paragraphs[0][0]:
        return "before lede"
    if paragraphs[0][0] <= at < paragraphs[0][1]:
        return "lede"
    return "paragraphs 2-3" if any(low <= at < high for low, high in paragraphs[1:]) else "later"


def describe(analysis: Analysis, event: Event, story: Any, stage: Any) -> dict[str, str]:
    docs = {d.section: d for d in analysis.docs}
    body, doc = docs.get(Section.BODY), docs.get(event.section)
    trigger = doc.token_at(event.trigger.start) if doc is not None else None
    if body is None or doc is None or trigger is None:
        return {}
    sent = trigger.sent
    low, high = sent.start_char + doc.offset, sent.end_char + doc.offset
    times = [e for e in analysis.entities if e.label in ("DATE", "TIME")]
    text = body.text
    at = max(0, event.evidence.start - body.offset)
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    before = text.rfind("\n", 0, max(0, start - 2)) + 1
    in_paragraph = event.section is Section.BODY and any(
        start <= e.start - body.offset < end and not low <= e.start < high for e in times
    )
    paragraphs = story_dates._ledes(body, story_dates.STORY_PARAGRAPHS, analysis.article, stage.reporting)
    return {
        "tense": story_dates._tense(event_head(trigger), stage.reporting),
        "where": where(event, body, paragraphs),
        "time in sentence": str(any(low <= e.start < high for e in times)),
        "time in paragraph": str(in_paragraph),
        "weekday near": str(
            event.section is Section.BODY and DAY_WORDS.search(text, before, end) is not None
        ),
        "dateline": str(dateline_at(text) is not None),
        "story day": story,
    }


def story_label(analysis: Analysis, stage: Any) -> str:
    published = analysis.article.published
    body = next((d for d in analysis.docs if d.section is Section.BODY), None)
    if published is None or body is None:
        return "-"
    day = stage.story_day(analysis, body, published)
    if day is None:
        return "-"
    return f"{(day.day - published).days}{' pub' if day.evidence is None else ''}"


def distance(day: dt.date, published: dt.date | None) -> str:
    if published is None:
        return "?"
    days = (day - published).days
    return str(days) if abs(days) <= 2 else "far"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=None, help="only the first N train articles")
    parser.add_argument("--rows", type=int, default=0, help="print the first N undated and wrong events")
    args = parser.parse_args()
    gold = scoring.load_gold(REPO / "eval" / "articles", "train")[: args.articles]
    pipeline = Pipeline(PipelineConfig())
    stage = next(s for s in pipeline.stages if isinstance(s, story_dates.StoryDateStage))
    threshold = scoring.pipeline_threshold(pipeline)
    outcomes: Counter[str] = Counter()
    undated: dict[str, Counter[str]] = {}
    wrong: Counter[tuple[str, str]] = Counter()
    rows = []
    for article, analysis in zip(gold, scoring.analyse(gold, pipeline), strict=True):
        predicted = scoring.emitted(analysis, threshold)
        story = story_label(analysis, stage)
        published = analysis.article.published
        for match in scoring.match_events(article, predicted, scoring.actor_names(analysis)):
            gold_event, event = article.events[match.gold], predicted[match.predicted]
            if not gold_event.date:
                continue
            day = dt.date.fromisoformat(gold_event.date)
            found = outcome(event, day)
            outcomes[found] += 1
            gap = distance(day, published)
            if found.startswith("wrong"):
                doc = next(d for d in analysis.docs if d.section is event.section)
                trigger = doc.token_at(event.trigger.start)
                sentence = (
                    (trigger.sent.start_char + doc.offset, trigger.sent.end_char + doc.offset)
                    if trigger is not None
                    else (0, 0)
                )
                wrong[wrong_rule(event, sentence), gap] += 1
            if found == "none" or found.startswith("wrong"):
                facts = describe(analysis, event, story, stage)
                if found == "none":
                    for name, value in {**facts, "gold day - publication": gap}.items():
                        undated.setdefault(name, Counter())[value] += 1
                rows.append(
                    f"{found:12} {gap:>4} {article.id:20} {facts} | {gold_event.evidence[0].text[:70]}"
                )
    print(f"matched events with a gold day: {sum(outcomes.values())}")
    for name, count in sorted(outcomes.items()):
        print(f"  {name:14} {count}")
    print("\nundated (none), by:")
    for name, counter in undated.items():
        print(f"  {name:24} " + ", ".join(f"{value} {count}" for value, count in counter.most_common()))
    print("\nwrong days, by the step that set them (and gold day - publication):")
    for (rule, gap), count in sorted(wrong.items(), key=lambda item: -item[1]):
        print(f"  {count:4}  {rule} ({gap})")
    for row in rows[: args.rows]:
        print(row)


if __name__ == "__main__":
    main()
