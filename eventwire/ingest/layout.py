"""Split a news text into image slug, headline, caption, photo credit and body.

Wire copy often arrives as plain text in this layout (see docs/schema.md)::

    Hamas-members-Gaza                          <- image slug (optional)
    A masked member of Hamas ... Reuters/Name   <- caption ending with a photo credit
                                                <- blank line
    After making significant gains ...          <- body paragraphs

or with a headline line instead of slug and caption. The caption and credit are
kept apart so that no later stage mines a photo description as the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.]*(?:-[A-Za-z0-9_.]+)+$")
# "Reuters/Ibraheem Abu Mustafa", "AFP/Jane Doe", "Getty Images/John de Vries" at the end of a line.
# A name word ends with a period only when it is an initial or a short title ("J.", "Jr."):
# a headline such as "... Opposition To A Sanders/Trump Debate." is no photo credit.
_NAME_WORD = (
    r"(?:(?:[A-Z]\.){2,4}|[A-Z]\w{0,2}\.|[A-Z][\w'’-]*(?:\.[\w'’-]+)*"
    r"|al-\w+|bin|de|van|von|der|el-\w+|da|di|du|la|le)"
)
_AGENCY_WORD = r"[A-Z](?:[\w.&'’-]*[\w&'’-])?"  # never ends with a period: "Bamako." is not one
_CREDIT = re.compile(
    rf"(?<![\w/])({_AGENCY_WORD}(?: {_AGENCY_WORD}){{0,2}}/{_NAME_WORD}(?: {_NAME_WORD}){{0,5}})\s*$"
)
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
MAX_HEADLINE_CHARS = 250


# A line that is a link or a label of the page, not the story: "MORE: ...", "Read more ...",
# "Also Read | ...", "Related ...", "Live", "Timeline: ...", "Image caption,", "Advertisement".
_LINK_LABEL = re.compile(
    r"^\s*(?:more\s*:|read more\b|also read\b|related\b|see also\b|recommended\b|trending\b"
    r"|most read\b|watch\s*[:|]|listen\s*[:|]|live\b|timeline\s*:|explainer\s*:|video\s*[:|]"
    r"|photos?\s*[:|]|advertisement\b|subscribe\b|sign up\b|share this\b|comments?\b"
    r"|discover more\b|skip to\b|image (?:source|caption)\b|media caption\b|follow us\b|click here\b)",
    re.IGNORECASE,
)
MAX_FURNITURE_WORDS = 4  # "Published", "12 July 2006", "By Felix Tih": too short to be a sentence


@dataclass(slots=True)
class Layout:
    """Offsets (start, end) of each part found, into the normalised text."""

    text: str
    sections: dict[str, tuple[int, int]] = field(default_factory=dict)
    boilerplate: list[tuple[int, int]] = field(default_factory=list)  # furniture lines of the body

    def part(self, name: str) -> str | None:
        bounds = self.sections.get(name)
        return self.text[bounds[0] : bounds[1]] if bounds else None


def normalise(raw: str) -> str:
    """Unix newlines, no BOM, no trailing whitespace at the end of the text."""
    return raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").rstrip()


def body_layout(text: str) -> Layout:
    """All of ``text`` is body (from its first non-blank character): no header is looked for."""
    layout = Layout(text)
    start = _skip_blank(text, 0)
    layout.sections["body"] = (start, len(text))
    layout.boilerplate = boilerplate_lines(text, start, len(text))
    return layout


def split_layout(text: str, detect_headline: bool = True) -> Layout:
    """Find the parts of ``text`` (already normalised); the body is what is left."""
    layout = Layout(text)
    head_end = _first_block_end(text)
    lines = _lines(text, 0, head_end)
    body_start = 0
    if head_end < len(text) and lines:
        consumed = _read_header(text, lines, layout, detect_headline)
        if consumed:
            body_start = _skip_blank(text, lines[consumed - 1][1])
    start = _skip_blank(text, body_start)
    layout.sections["body"] = (start, len(text))
    layout.boilerplate = boilerplate_lines(text, start, len(text))
    return layout


def boilerplate_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Lines of the body that are page furniture, not story: link and label lines, and
    lines of a few words with no sentence punctuation. Nothing is cut from the text; the
    event and quote stages skip these lines (a link line is another article's headline)."""
    spans = []
    for line_start, line_end in _lines(text, start, end):
        line = text[line_start:line_end].strip()
        short = len(line.split()) <= MAX_FURNITURE_WORDS and not _SENTENCE_END.search(line)
        if _LINK_LABEL.match(line) or short:
            spans.append((line_start, line_end))
    return spans


def _read_header(text: str, lines: list[tuple[int, int]], layout: Layout, detect_headline: bool) -> int:
    """Recognise slug / caption+credit / headline lines of the first block; return lines used."""
    used = 0
    first = text[lines[0][0] : lines[0][1]].strip()
    if len(lines) >= 2 and _SLUG.match(first):
        layout.sections["image_slug"] = _stripped(text, *lines[0])
        used = 1
    rest = lines[used:]
    if rest:
        start, end = rest[0][0], rest[-1][1]
        credit = _CREDIT.search(text, start, end)
        if credit and credit.start() > start:
            cap_end = credit.start()
            while cap_end > start and text[cap_end - 1].isspace():
                cap_end -= 1
            layout.sections["caption"] = _stripped(text, start, cap_end)
            layout.sections["photo_credit"] = (credit.start(1), credit.end(1))
            return len(lines)
    if used == 0 and detect_headline and len(lines) == 1 and _looks_like_headline(text, *lines[0]):
        layout.sections["title"] = _stripped(text, *lines[0])
        return 1
    if used == 1 and len(lines) == 1:
        return 1
    layout.sections.pop("image_slug", None)
    return 0


def _looks_like_headline(text: str, start: int, end: int) -> bool:
    line = text[start:end].strip()
    return 0 < len(line) <= MAX_HEADLINE_CHARS and not _SENTENCE_END.search(line)


def _first_block_end(text: str) -> int:
    match = _BLANK_LINES.search(text)
    return match.start() if match else len(text)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    pos = start
    for line in text[start:end].split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _skip_blank(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos
