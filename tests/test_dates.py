"""Time expressions resolved against the publication date, one test per form news uses."""

import datetime as dt

import pytest

from eventwire.resolve.dates import publication_date_from_text, resolve_date, tells_a_time

WEDNESDAY = dt.date(2015, 7, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday", dt.date(2015, 6, 30)),  # the day before a Wednesday publication
        ("on Monday night", dt.date(2015, 6, 29)),
        ("Wednesday", WEDNESDAY),  # the publication day itself
        ("Thursday", dt.date(2015, 6, 25)),  # a past Thursday is last week's
        ("last Tuesday", dt.date(2015, 6, 30)),
        ("yesterday", dt.date(2015, 6, 30)),
        ("today", WEDNESDAY),
        ("three days ago", dt.date(2015, 6, 28)),
        ("last night", dt.date(2015, 6, 30)),  # the night before the day of writing
        ("late last night", dt.date(2015, 6, 30)),
        ("last evening", dt.date(2015, 6, 30)),
    ],
)
def test_past_days_resolve_on_or_before_publication(text, expected):
    assert resolve_date(text, WEDNESDAY) == (expected, "day")


def test_future_weekday_is_the_next_one():
    assert resolve_date("Friday", WEDNESDAY, past=False) == (dt.date(2015, 7, 3), "day")
    assert resolve_date("next Wednesday", WEDNESDAY, past=False) == (dt.date(2015, 7, 8), "day")


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("last month", dt.date(2015, 6, 1), "month"),
        ("Last month", dt.date(2015, 6, 1), "month"),
        ("in April", dt.date(2015, 4, 1), "month"),
        ("September", dt.date(2014, 9, 1), "month"),  # a later month name is last year's
        ("April last year", dt.date(2014, 4, 1), "month"),
        ("June 2014", dt.date(2014, 6, 1), "month"),
        ("last year", dt.date(2014, 1, 1), "year"),
        ("earlier this year", dt.date(2015, 1, 1), "year"),
        ("2012", dt.date(2012, 1, 1), "year"),
    ],
)
def test_months_and_years(text, expected, precision):
    assert resolve_date(text, WEDNESDAY) == (expected, precision)


@pytest.mark.parametrize("text", ["the 1990s", "in the late 1980s", "the '70s", "the 60s"])
def test_decades_are_no_point_in_time(text):
    assert resolve_date(text, WEDNESDAY) == (None, "unknown")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dec. 12, 2014", dt.date(2014, 12, 12)),
        ("12 March 2015", dt.date(2015, 3, 12)),
        ("March 3", dt.date(2015, 3, 3)),
        ("Monday, June 29", dt.date(2015, 6, 29)),
        ("Aug. 2", dt.date(2014, 8, 2)),  # day and month after publication: the year before
    ],
)
def test_explicit_dates(text, expected):
    assert resolve_date(text, WEDNESDAY) == (expected, "day")


@pytest.mark.parametrize(
    "text",
    ["five days", "the past few months", "recent weeks", "two-week", "every day", "weeks", "last week"],
)
def test_durations_and_spans_are_not_dates(text):
    assert resolve_date(text, WEDNESDAY) == (None, "unknown")


def test_a_past_event_is_never_dated_after_publication():
    assert resolve_date("July 4, 2015", WEDNESDAY, past=True) == (None, "unknown")
    assert resolve_date("tomorrow", WEDNESDAY, past=True) == (None, "unknown")
    assert resolve_date("tomorrow", WEDNESDAY, past=False) == (dt.date(2015, 7, 2), "day")


def test_publication_date_from_a_dateline():
    text = "KHARKIV, Ukraine, Dec. 12, 2014 (Wire) - Shelling resumed on Thursday."
    assert publication_date_from_text(text) == dt.date(2014, 12, 12)
    assert publication_date_from_text("Shelling resumed on Thursday near the airport.") is None


@pytest.mark.parametrize(
    "text", ["on Monday", "in 2019", "last week", "three months ago", "earlier in the day"]
)
def test_expressions_that_place_an_act_in_time(text):
    assert tells_a_time(text)


@pytest.mark.parametrize(
    "text", ["almost three hours", "a decade", "two-year", "10-day", "daily", "each day", "67"]
)
def test_spans_frequencies_and_ages_place_nothing_in_time(text):
    assert not tells_a_time(text)


def test_a_day_named_just_after_publication_is_the_coming_one_not_last_years():
    assert resolve_date("July 3", WEDNESDAY) == (None, "unknown")  # the coming one: no past act's day
    assert resolve_date("July 3", WEDNESDAY, past=False) == (dt.date(2015, 7, 3), "day")
    assert resolve_date("the evening of July 2", WEDNESDAY) == (None, "unknown")
    assert resolve_date("June 30", WEDNESDAY) == (dt.date(2015, 6, 30), "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Saturday's", dt.date(2015, 6, 27)),  # "Saturday's attack on the convoy"
        ("Monday’s", dt.date(2015, 6, 29)),  # a typographic apostrophe
        ("Tuesday's", dt.date(2015, 6, 30)),
        ("yesterday's", dt.date(2015, 6, 30)),  # "yesterday's vote"
        ("last night's", dt.date(2015, 6, 30)),  # "last night's shelling"
        ("Friday night's", dt.date(2015, 6, 26)),
        ("today's", WEDNESDAY),
    ],
)
def test_a_time_word_in_the_possessive_names_the_same_day(text, expected):
    assert resolve_date(text, WEDNESDAY) == (expected, "day")


def test_a_month_or_year_in_the_possessive_names_a_thing_not_a_time():
    assert resolve_date("last year's", WEDNESDAY) == (None, "unknown")  # "last year's election"
    assert resolve_date("last month's", WEDNESDAY) == (None, "unknown")
    assert resolve_date("last year", WEDNESDAY) == (dt.date(2014, 1, 1), "year")
    assert resolve_date("last week's", WEDNESDAY) == (None, "unknown")  # a span of days
    assert resolve_date("the 1990's", WEDNESDAY) == (None, "unknown")  # a decade, no possessive
    assert tells_a_time("Saturday's")


def test_possessive_tells_a_time_word_in_the_possessive():
    from eventwire.resolve.dates import possessive

    assert possessive("Thursday night's") and possessive("yesterday’s")
    assert not possessive("Thursday") and not possessive("the 1990's")
