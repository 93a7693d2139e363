"""Calendar dates for the time expressions news uses, anchored on the publication date.

News dates are relative to the day the story ran ("Tuesday", "last month"), so every
expression is resolved against ``published``. Rules first, for the forms where generic
parsers guess wrong for news (a bare weekday is the most recent one on or before
publication for a past event, the next one for a future event; "last month" means that
month, not 30 days back), then :mod:`dateparser` for explicit dates ("Dec. 12, 2014").
Durations, decades and frequencies ("five days", "the past few months", "the 1990s",
"every day") are not points in time and give ``(None, "unknown")``. A past event is never
dated after publication.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

Resolved = tuple[dt.date | None, str]
UNKNOWN: Resolved = (None, "unknown")

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

_NOISE = re.compile(
    r"^(?:on|in|since|by|until|as of|from|during|early|late|earlier|later|mid|the|of|-)\s+|"
    r"\s+(?:night|morning|afternoon|evening|overnight|noon)$",
)
_DURATION = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|"
    r"many|couple of|past|recent|coming|next|last|every|each|nearly|almost|about|some)"
    r"[\s-]+(?:\w+[\s-]+)?(?:days?|weeks?|months?|years?|decades?|hours?)\b|"
    r"^(?:days|weeks|months|years|decades|hours|daily|weekly|monthly|annually|every day)$|"
    r"^\w+-(?:day|week|month|year|hour)$"
)
_AGO = re.compile(
    r"^(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month|year)s?\s+ago$"
)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_DECADE = re.compile(r"^(?:1[89]|20|')?\d0'?s$")
_COUNT = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|few|"
    r"several|many|a couple of|couple of|some|dozens of|hundreds of)"
)
_UNIT = r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)"
_SPAN_ONLY = re.compile(  # how long, with no anchor ("almost three hours", "a decade", "10-day")
    r"(?:(?:almost|about|nearly|over|more than|less than|only|just|at least|up to|around|roughly)\s+)?"
    rf"(?:{_COUNT}\s+(?:\w+\s+)?{_UNIT}|{_UNIT}|\w+-{_UNIT}(?:-long|-old)?)"
)
_OTHER_TIME = re.compile(
    r"\b(?:earlier|later|before|after|ago|previous|same|next|last|past|following|this|that)\b"
)
_FREQUENCY = re.compile(r"\b(?:daily|weekly|nightly|annually|each|every)\b")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?,?\s+(last year|this year|next year|(?:1[89]|20)\d\d)$")


@lru_cache(maxsize=8192)  # a story's "Tuesday" recurs across its reports; dateparser is slow
def resolve_date(text: str, published: dt.date, past: bool = True) -> Resolved:
    """``(date, precision)`` for a time expression; precision is day, month, year or unknown."""
    phrase = _normalise(text)
    if not phrase:
        return UNKNOWN
    resolved = _relative(phrase, published, past)
    if resolved is None:
        resolved = _explicit(phrase, published, past)
    date, precision = resolved
    if date is None or (past and date > published):
        return UNKNOWN
    if precision != "day" and possessive(text):
        return UNKNOWN  # "last year's election", "this month's budget": which thing, not when
    return date, precision


def possessive(text: str) -> bool:
    """A time expression in the possessive ("Saturday's", "last night’s")."""
    return _POSSESSIVE.search(_spaced(text)) is not None


def _spaced(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split()).strip(" .,;:")


def tells_a_time(text: str) -> bool:
    """Whether a time expression places something in time ("on Monday", "in 2019", "last
    week", "three months ago"), not only says how long or how often ("three hours", "a
    decade", "two-year", "daily", "each strike day") or gives an age ("67"): a sentence that
    holds only the latter still tells its act in the story's time."""
    if _OTHER_TIME.search(text.lower()):
        return True
    phrase = _normalise(text)
    if not phrase:
        return False
    if _SPAN_ONLY.fullmatch(phrase) or _FREQUENCY.search(phrase):
        return False
    return not (phrase.isdigit() and not _YEAR.match(phrase))


def publication_date_from_text(text: str) -> dt.date | None:
    """The date in a dateline or the article's first lines ("Dec. 12, 2014"), if any."""
    head = text[:300]
    for match in _FULL_DATE.finditer(head):
        parsed = _parse_explicit(match.group(0), None, past=True)
        if parsed is not None and parsed[1] == "day":
            return parsed[0]
    return None


_FULL_DATE = re.compile(
    r"\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d|"
    r"\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d\d|"
    r"(?:19|20)\d\d-\d\d-\d\d)\b"
)


_POSSESSIVE = re.compile(r"(?<=[a-z])\s*'s$|(?<=[a-z]s)'$")  # "Saturday's", "two days'"


def _normalise(text: str) -> str:
    phrase = _spaced(text)
    # a time word in the possessive ("Saturday's attack", "yesterday's vote") names the same
    # time as the word alone; a number's "'s" is a decade ("the 1990's"), not a possessive
    phrase = _POSSESSIVE.sub("", phrase)
    previous = None
    while previous != phrase:
        stripped = _NOISE.sub("", phrase, count=1).strip()
        if stripped == "last":
            break  # "last night": the part of the day names the day (the one before publication)
        previous, phrase = phrase, stripped
    return phrase


def _relative(phrase: str, published: dt.date, past: bool) -> Resolved | None:
    """Rules for the forms news uses; ``None`` when the phrase is not one of them."""
    if phrase in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return published, "day"
    if phrase in ("yesterday", "last night", "last evening"):
        return published - dt.timedelta(days=1), "day"
    if phrase == "tomorrow":
        return published + dt.timedelta(days=1), "day"
    if phrase in ("last week", "this week", "next week", "the weekend", "this weekend"):
        return UNKNOWN  # a span of days, not a day: no honest single date
    if ago := _AGO.match(phrase):
        return _ago(int(_NUMBERS.get(ago.group(1), 0) or ago.group(1)), ago.group(2), published)
    words = phrase.split()
    if words and words[-1] in WEEKDAYS and len(words) <= 2:
        return _weekday(WEEKDAYS[words[-1]], words[0] if len(words) == 2 else "", published, past)
    if phrase in ("last month", "this month", "next month"):
        shift = {"last": -1, "this": 0, "next": 1}[words[0]]
        return _add_months(published.replace(day=1), shift), "month"
    if phrase in ("last year", "this year", "next year", "this past year"):
        shift = {"last": -1, "this": 0, "next": 1}[words[0]]
        return dt.date(published.year + shift, 1, 1), "year"
    if _DECADE.match(phrase):
        return UNKNOWN  # "the 1990s": ten years, no point in time (dateparser read it as this month)
    if _YEAR.match(phrase):
        return dt.date(int(phrase), 1, 1), "year"
    if phrase in MONTHS:
        return _bare_month(MONTHS[phrase], published, past), "month"
    if match := _MONTH_YEAR.match(phrase):
        month = MONTHS.get(match.group(1))
        if month is None:
            return None
        when = match.group(2)
        year = {"last year": published.year - 1, "this year": published.year,
                "next year": published.year + 1}.get(when) or int(when)  # fmt: skip
        return dt.date(year, month, 1), "month"
    if _DURATION.search(phrase):
        return UNKNOWN
    return None


def _explicit(phrase: str, published: dt.date, past: bool) -> Resolved:
    parsed = _parse_explicit(phrase, published, past)
    return parsed if parsed is not None else UNKNOWN


def _parse_explicit(phrase: str, published: dt.date | None, past: bool) -> Resolved | None:
    if not re.search(r"\d", phrase):
        return None  # dateparser guesses too freely on words alone ("the end", "recently")
    import dateparser  # imported late: its language data costs ~0.3 s to load

    base = dt.datetime.combine(published or dt.date.today(), dt.time(12))
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "past" if past else "future",
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["month", "year"] if not _DAY_NUMBER.search(phrase) else ["month"],
    }
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    if parsed is None:
        return None
    day = parsed.date()
    precision = "day" if _DAY_NUMBER.search(phrase) or re.fullmatch(r"\d{4}-\d\d-\d\d", phrase) else "month"
    if published is not None:
        day = _anchor_year(phrase, day, published, past)
    if precision == "month":
        day = day.replace(day=1)
    return day, precision


COMING_DAYS = dt.timedelta(days=31)  # how far after publication a day named without a year is the coming one
_DAY_NUMBER = re.compile(r"(?<![\d-])(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d-])")


def _anchor_year(phrase: str, day: dt.date, published: dt.date, past: bool) -> dt.date:
    """A day and month without a year ("March 3") belong to the publication's year, or the
    previous one when that would put a past event after publication (next one for future).
    A day a few weeks after publication is this year's still ("on October 28" in a story of
    October 27 is the coming one, never last year's): a past act then has no day in it."""
    if re.search(r"\b(?:1[89]|20)\d\d\b", phrase):
        return day
    candidate = _safe_replace(day, published.year)
    if past and candidate > published + COMING_DAYS:
        candidate = _safe_replace(day, published.year - 1)
    elif not past and candidate < published:
        candidate = _safe_replace(day, published.year + 1)
    return candidate


def _safe_replace(day: dt.date, year: int) -> dt.date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day.replace(year=year, day=28)


def _weekday(weekday: int, qualifier: str, published: dt.date, past: bool) -> Resolved:
    if qualifier == "next" or (not past and qualifier != "last"):
        delta = (weekday - published.weekday()) % 7
        if qualifier == "next" and delta == 0:
            delta = 7
        return published + dt.timedelta(days=delta), "day"
    if qualifier not in ("", "last", "this", "past"):
        return UNKNOWN
    delta = (published.weekday() - weekday) % 7
    if qualifier == "last" and delta == 0:
        delta = 7
    return published - dt.timedelta(days=delta), "day"


def _bare_month(month: int, published: dt.date, past: bool) -> dt.date:
    year = published.year
    if past and month > published.month:
        year -= 1
    elif not past and month < published.month:
        year += 1
    return dt.date(year, month, 1)


def _ago(count: int, unit: str, published: dt.date) -> Resolved:
    if unit == "day":
        return published - dt.timedelta(days=count), "day"
    if unit == "week":
        return UNKNOWN
    if unit == "month":
        return _add_months(published.replace(day=1), -count), "month"
    return dt.date(published.year - count, 1, 1), "year"


def _add_months(first: dt.date, months: int) -> dt.date:
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)
