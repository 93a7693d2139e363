"""An act told a said time before or after a clause in the story's time takes the story's day
moved by the gap (resolve/story_dates.py, resolve/event_dates.said_gap)."""

import datetime as dt

THURSDAY = dt.date(2024, 4, 11)

STORY = """Troops patrol capital after deadly clashes

Troops were deployed to the streets of the capital on Tuesday, a day after four protesters were killed in clashes with police.

The ban came two days after the opposition staged a march through the city centre.

The court ruling came one week after the party's leader was arrested at his home.
"""

DATED = """Troops patrol capital after deadly clashes

Troops were deployed to the streets of the capital on Tuesday, a day after four protesters were killed in clashes with police.

The ban came on Monday, two days after the opposition staged a march through the city centre.
"""


def by_trigger(pipeline, text: str, word: str):
    events = [e for e in pipeline.analyze_text(text, published=THURSDAY).events if e.trigger.text == word]
    assert events, f"no event on {word!r}"
    return events[0]


def test_an_act_two_days_before_a_story_clause_takes_the_story_day_moved_back(pipeline) -> None:
    march = by_trigger(pipeline, STORY, "march")
    assert (march.date, march.date_precision) == (dt.date(2024, 4, 7), "story")
    assert march.signals["date_weak"] == 1.0


def test_a_week_is_seven_days(pipeline) -> None:
    arrest = by_trigger(pipeline, STORY, "arrested")
    assert (arrest.date, arrest.date_precision) == (dt.date(2024, 4, 2), "story")


def test_a_clause_with_its_own_day_counts_the_gap_from_it(pipeline) -> None:
    march = by_trigger(pipeline, DATED, "march")
    assert march.date == dt.date(2024, 4, 6)
    assert march.date_precision == "day"


def test_a_gap_whose_noun_holds_the_clause_moves_the_date(pipeline) -> None:
    text = (
        "Soldiers were deployed on Thursday to patrol the streets of the port city, "
        "a day after three people were killed in clashes between police and protesters.\n"
    )
    killing = by_trigger(pipeline, text, "killed")
    assert killing.date == dt.date(2024, 4, 10)
