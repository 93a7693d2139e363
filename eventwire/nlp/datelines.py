"""Datelines: the words in capitals that open a wire story and say where it was filed.

    KATMANDU, Nepal (AP) — Police said ...     GENEVA -- European and Asian countries ...
    DUBAI, May 21 (Reuters) - Iran warned ...  KARACHI: Traders called off ...
    DONETSK, Ukraine, July 19 - ...            AFP, YANGON, Myanmar (a line of its own)

A dateline is the city in capitals (three characters or more: "ADDIS ABABA", "ST.
PETERSBURG", "PORT-AU-PRINCE"), then optionally a comma and the country, state or date
("Nepal", "May 21", "Ukraine, July 19"), optionally the agency in brackets ("(AP)"), then
a dash (-, --, – or —), a colon, or the end of a line after a country in lower case. A
single hyphen is a dash only with a space or a bracket beside it: "NATO-Russia talks"
opens with a hyphenated word, "CHISINAU (Reuters) -Moldova" with a dateline. It opens the
story's first line (or one of the first few, under a byline) and is part of no sentence:
not a subject, not an actor, not a speaker, and its date is no event's.

The nlp, extract, resolve and ingest stages all ask here, so a variant is read the same
way everywhere."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CITY = r"(?P<city>[A-Z][A-Z.'’ -]{2,40}?)"
_WHERE = r"(?:,\s*(?P<where>[^\n()]{1,40}?))?"
# The agency and the dash: a hyphen needs a space or a bracket beside it ("NATO-Russia").
_TAIL = (
    r"(?:\s*\((?P<agency>[^()\n]{1,40})\))?\s*\.?"
    r"(?:[–—][-–—]*|--+|(?<=[\s).])-|-(?=\s|$)|:(?=\s|$)|(?<=[a-z])(?=\n))"
)
_DATELINE = re.compile(_CITY + _WHERE + _TAIL + r"\s*")
_AFTER_DATE = re.compile(_TAIL)
_DATE_CHARS = 40  # a dateline's date comes within its first few words


@dataclass(frozen=True, slots=True)
class Dateline:
    """Character offsets of a dateline in the text it was read from."""

    start: int
    city_end: int  # the city: text[start:city_end]
    place_end: int  # the city and its country, state or date: "DONETSK, Ukraine, July 19"
    end: int  # past the dash and the spaces after it, where the story starts


def dateline_at(text: str, pos: int = 0) -> Dateline | None:
    """The dateline that opens ``text`` at ``pos``, if one does."""
    match = _DATELINE.match(text, pos)
    if match is None:
        return None
    city_end = match.start("city") + len(match["city"].rstrip())
    place_end = match.end("where") if match["where"] is not None else city_end
    return Dateline(match.start(), city_end, place_end, match.end())


def is_bare_dateline(line: str) -> bool:
    """Whether the line is a dateline with nothing after it ("JERUSALEM (AP) —"): a page that
    sets it on a line of its own means it to open the next paragraph."""
    dateline = dateline_at(line)
    return dateline is not None and dateline.end == len(line)


def is_dateline_date(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the date of a dateline ("QUITO, Jun 14 (EFE).-", "Quito,
    Jun 14 (EFE).-" too): after a comma near the line's start, before the agency and the dash."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if len(before) > _DATE_CHARS or not before.rstrip().endswith(","):
        return False
    return _AFTER_DATE.match(text, end) is not None
