"""Recognise lines of page furniture: what a page prints around a story, never the story.

A copied news page carries, above and inside the story, lines such as::

    This Article is From Aug 26, 2015           <- archive notice
    / 15 April 2009                              <- date line
    Last Updated: Monday, 31 December 2007, 08:06 GMT
    By Patrick Goodenough | July 3, 2013 | 7:44pm EDT   <- byline
    © 2024 KASU                                  <- copyright notice
    Advertisement   Skip to content   Live       <- labels of the page

:func:`furniture_line` tells them apart from a headline or a sentence of the story by their
form alone (dates, times, a byline, a notice, a label), never by the words of one outlet.
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\.?"
_CLOCK = r"\d{1,2}(?:[:.h]\d{1,2}){1,2}\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?"
_NUMBER = r"\d{1,4}(?:(?:st|nd|rd|th)\b|(?:[-/.]\d{1,4}){0,2})"
_ZONE = r"(?:gmt|utc|bst|cet|cest|eet|ist|pkt|wib|jst|kst|hkt|sgt|aest|[ecmp][sd]?t)(?:[+-]\d{1,2})?"
_AGO = r"(?:\d+|an?)\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago"
_DATE_TOKEN = rf"(?:{_AGO}|{_CLOCK}|{_NUMBER}|{_MONTH}|{_WEEKDAY}|{_ZONE}|of|at|on|and)"
# What may stand before a date: "Published", "Last Updated:", "Posted on", "This article is from".
_DATE_LEAD = (
    r"(?:(?:first\s+|last\s+)?(?:published|posted|updated|modified|edited|uploaded)(?:\s+on|\s+at)?"
    r"|this\s+(?:article|story|page|report|content)\s+(?:is|was)\s+(?:from|published(?:\s+on)?)"
    r"|as\s+of|date(?:d|line)?|time)"
)
_SEP = r"[\s.,;:|/·•()\[\]–—-]*"
_DATE_LINE = re.compile(rf"^{_SEP}(?:{_DATE_LEAD}\b)?{_SEP}(?:{_DATE_TOKEN}\b{_SEP})*$", re.IGNORECASE)
_HAS_DIGIT_OR_LEAD = re.compile(rf"\d|^{_SEP}{_DATE_LEAD}\b", re.IGNORECASE)
# "This article is more than 3 years old", "This story was first published in 2019".
_ARCHIVE = re.compile(
    r"^\s*this\s+(?:article|story|page|report|content)\s+(?:is|was)\s+"
    r"(?:(?:more|older)\s+than\b.{0,30}\bold|over\b.{0,30}\bold|first\s+published\b.{0,40}|from\b.{0,40})\s*\.?\s*$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)\s|copyright\b|all rights reserved\b)", re.IGNORECASE)
# "By Felix Tih", "By Jane Doe and John Roe", "By AFP", "By Jane Doe, Reuters".
_NOT_NAME = r"(?!(?:And|Or|Of|The|In|On|To|For|With|At|From|As|Into|Over)\b)"  # "By Land And Sea"
_NAME = rf"(?:{_NOT_NAME}[A-Z][\w'’.-]*|de|van|von|der|da|di|du|la|le|bin|al-\w+|el-\w+)"
_BYLINE = re.compile(
    rf"^\s*[Bb]y\s+(?:[A-Z]{{2,}}|[A-Z][\w'’.-]*(?:\s+{_NAME}){{1,4}})"
    rf"(?:\s+and\s+[A-Z][\w'’.-]*(?:\s+{_NAME}){{1,4}})?(?:,\s*[A-Z][\w'’-]*(?:\s+[\w'’-]+)?)?\s*$"
)
# A label and its value: "Source: Xinhua", "Editor: Mu Xuequan", "Photo: AFP".
_LABELLED = re.compile(
    r"^\s*(?:source|editor|edited by|author|writer|written by|reporter|reporting by|credit|photo"
    r"|photos|image|video|agency|filed|words)\s*[:|]\s*\S.{0,40}$",
    re.IGNORECASE,
)
# A site's cookie notice, however long: "This website uses cookies so that ...".
_COOKIES = re.compile(r"^\s*(?:this\s+(?:web)?site|our\s+(?:web)?site|we)\s+uses?\s+cookies\b", re.IGNORECASE)
# A wire story's closing credits: "(Reporting by Jane Doe; Editing by John Roe)".
_CREDITS = re.compile(
    r"^\s*\(\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|translated)\s+by\b[^()]*\)\s*$",
    re.IGNORECASE,
)
# A label line of the page (a link's lead or a widget), here only when it is the whole line.
_LABEL = re.compile(
    r"^\s*(?:\d{1,2}\.\s*|[•*-]\s*)?(?:advertisement|sponsored(?: content)?|skip to\b.{0,25}|live|breaking"
    r"|published|updated|share|share this\b.{0,20}|print(?: story)?|email(?: story)?|comments?"
    r"|subscribe|sign in|log in|menu|search|home|listen|watch|play|close|next up:?|up next:?|loading\.*"
    r"|(?:play|listen to|watch) (?:live|video|audio|the story|this story)\b.{0,20})\s*[.:]?\s*$",
    re.IGNORECASE,
)


def furniture_line(line: str) -> bool:
    """Whether ``line`` is page furniture: a date or time line, an archive notice, a
    copyright notice, a byline, a labelled credit, a widget label, or segments of these
    joined by ``|`` ("By Jane Doe | July 3, 2013 | 7:44pm EDT")."""
    line = line.strip()
    if not line:
        return False
    segments = [s for s in re.split(r"\s*\|\s*", line) if s.strip()]
    if len(segments) > 1:
        return all(_one_furniture(s) for s in segments)
    return _one_furniture(line)


def copyright_line(line: str) -> bool:
    """A copyright notice ("© 2024 KASU", "Copyright 2019 Example Media"): a page's chrome."""
    return bool(_COPYRIGHT.match(line))


def _one_furniture(text: str) -> bool:
    if _DATE_LINE.match(text) and _HAS_DIGIT_OR_LEAD.search(text):
        return True
    return any(p.match(text) for p in (_ARCHIVE, _COPYRIGHT, _BYLINE, _LABELLED, _LABEL, _COOKIES, _CREDITS))
