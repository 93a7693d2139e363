"""Split a news text into image slug, headline, caption, photo credit and body.

Wire copy often arrives as plain text in this layout (see docs/schema.md)::

    Hamas-members-Gaza                          <- image slug (optional)
    A masked member of Hamas ... Reuters/Name   <- caption ending with a photo credit
                                                <- blank line
    After making significant gains ...          <- body paragraphs

or with a headline line instead of slug and caption. The caption and credit are
kept apart so that no later stage mines a photo description as the story. Page furniture
(:mod:`eventwire.ingest.furniture`: date lines, archive and copyright notices, bylines,
labels) above the headline is passed over, and in the body it is marked as boilerplate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventwire.ingest.furniture import copyright_line, furniture_line

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
_LINK = re.compile(r"(?:https?://|www\.)\S+$")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
MAX_HEADLINE_CHARS = 250


# A line that is a link or a label of the page, not the story: "MORE: ...", "Read more ...",
# "Also Read | ...", "Related ...", "Live", "Timeline: ...", "Image caption,", "Advertisement";
# a word that also opens sentences ("Live", "Comments") only as a label ("Live:", "Comments (3)").
_LINK_LABEL = re.compile(
    r"^\s*(?:more\s*:|read more\b|(?:also read|read also)\b|related\b|see also\b|recommended\b|trending\b"
    r"|most read\b|watch\s*[:|]|listen\s*[:|]|live(?:\s+(?:updates?|blog|coverage))?\s*(?:$|[:|•–—-])"
    r"|timeline\s*:|explainer\s*:|video\s*[:|]"
    r"|photos?\s*[:|]|advertisement\b|subscribe\b|sign up\b|share this\b|comments?\s*(?:$|[:|(\d])"
    r"|discover more\b|skip to\b|image (?:source|caption)\b|media caption\b|follow us\b|click here\b)",
    re.IGNORECASE,
)
# A label that heads a list of links to other articles ("Related readings:", "Read also:"),
# unlike one that heads the page's own words ("Image caption,").
_LIST_LABEL = re.compile(
    r"^\s*(?:related|read more|also read|read also|see also|more\s*:|recommended|most read|trending"
    r"|discover more)\b",
    re.IGNORECASE,
)
MAX_FURNITURE_WORDS = 4  # "Published", "12 July 2006", "By Felix Tih": too short to be a sentence
MIN_LINES_UNDER_HEADLINE = 2  # story lines under a one-block page's headline line
MAX_CHROME_BLOCKS = 3  # blocks of page chrome passed over before the headline
WRAP_MIN_CHARS = 40  # a line this long, in a hard-wrapped text, is a full line of the width
# A line that ends like this goes on in the next one: a wrapped sentence, not a headline.
_CONTINUED = re.compile(
    r"(?:[,\-–—(/&]|\b(?:and|or|but|the|a|an|of|in|on|at|to|for|with|by|from|that|who|which|as|its)\b)\s*$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Layout:
    """Offsets (start, end) of each part found, into the normalised text."""

    text: str
    sections: dict[str, tuple[int, int]] = field(default_factory=dict)
    boilerplate: list[tuple[int, int]] = field(default_factory=list)  # furniture lines of the body

    def part(self, name: str) -> str | None:
        bounds = self.sections.get(name)
        return self.text[bounds[0] : bounds[1]] if bounds else None


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends as prose does (".", "?", a closing quote): a photo caption, a
    standfirst fragment or a label often ends with none ("Protesters flee the police")."""
    return _SENTENCE_END.search(line) is not None


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
    """Find the parts of ``text`` (already normalised); the body is what is left.

    Page furniture above the story (a date line, an archive notice, a copyright block, a
    byline) is passed over: it is in no section. A headline is a line of its own block, or
    the first line of a block whose other lines are furniture or the lede ("Headline\\nBBC
    News\\nLast Updated: ..."), unless the text is hard-wrapped prose."""
    layout = Layout(text)
    blocks = _blocks(text)
    first = _first_story_block(text, blocks) if detect_headline else 0
    body_start = 0
    if first < len(blocks) - 1:
        lines = _drop_furniture(text, blocks[first]) if detect_headline else blocks[first]
        consumed = _read_header(text, lines, layout, detect_headline)
        if not consumed and detect_headline and len(lines) > 1 and not _hard_wrapped(text):
            consumed = _read_headline_line(text, lines, layout)
        if consumed:
            body_start = lines[consumed - 1][1]
        elif first:
            body_start = blocks[first][0][0]
    elif detect_headline and len(blocks) == 1 and not _hard_wrapped(text):
        body_start = _single_block_headline(text, blocks[0], layout)
    start = _skip_blank(text, body_start)
    layout.sections["body"] = (start, len(text))
    layout.boilerplate = boilerplate_lines(text, start, len(text), layout.part("title"))
    return layout


def boilerplate_lines(text: str, start: int, end: int, title: str | None = None) -> list[tuple[int, int]]:
    """Lines of the body that are page furniture, not story: link and label lines, dates,
    bylines and notices, lines of a few words with no sentence punctuation, and the headline
    printed again. Nothing is cut from the text; the event and quote stages skip these lines
    (a link line is another article's headline). A label on a line of its own ("Related
    readings:", "Read also:") heads a list: the lines right under it that end no sentence
    are its links."""
    spans = []
    repeat = _key(title) if title else None
    listing, previous_end = False, start
    for line_start, line_end in _lines(text, start, end):
        line = text[line_start:line_end].strip()
        short = len(line.split()) <= MAX_FURNITURE_WORDS and not _SENTENCE_END.search(line)
        below = listing and "\n" not in text[previous_end + 1 : line_start]  # no blank line between
        link = below and not _SENTENCE_END.search(line)
        label = _LINK_LABEL.match(line) is not None
        if label or short or link or furniture_line(line) or _key(line) == repeat:
            spans.append((line_start, line_end))
        listing = link or (_LIST_LABEL.match(line) is not None and len(line.split()) <= MAX_FURNITURE_WORDS)
        previous_end = line_end
    return spans


def _read_header(text: str, lines: list[tuple[int, int]], layout: Layout, detect_headline: bool) -> int:
    """Recognise slug / caption+credit / headline lines of the first story block; return
    the lines used."""
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


def _blocks(text: str) -> list[list[tuple[int, int]]]:
    """The non-blank lines of ``text``, grouped into blocks parted by blank lines."""
    blocks: list[list[tuple[int, int]]] = []
    pos = 0
    for match in [*_BLANK_LINES.finditer(text), None]:
        end = match.start() if match else len(text)
        lines = _lines(text, pos, end)
        if lines:
            blocks.append(lines)
        if match:
            pos = match.end()
    return blocks


def _first_story_block(text: str, blocks: list[list[tuple[int, int]]]) -> int:
    """Index of the first block that is not page chrome: blocks of furniture lines only, or
    opened by a copyright notice (a site's banner), at most ``MAX_CHROME_BLOCKS`` of them.
    The last block is never passed over: it is story."""
    index = 0
    while index < min(MAX_CHROME_BLOCKS, len(blocks) - 1):
        lines = [text[a:b] for a, b in blocks[index]]
        if not (copyright_line(lines[0]) or all(furniture_line(line) for line in lines)):
            break
        index += 1
    return index


def _drop_furniture(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``lines`` without the furniture lines that open it (one line at least is kept)."""
    skip = 0
    while skip < len(lines) - 1 and furniture_line(text[lines[skip][0] : lines[skip][1]]):
        skip += 1
    return lines[skip:]


def _read_headline_line(text: str, lines: list[tuple[int, int]], layout: Layout) -> int:
    """The first of several lines of a block as the headline, when it reads as one and the
    next line starts anew (not a lower-case continuation of a wrapped sentence)."""
    first = text[lines[0][0] : lines[0][1]].strip()
    following = text[lines[1][0] : lines[1][1]].lstrip()
    continued = following[:1].islower() and not _LINK.match(following)  # a link line starts anew
    if not _looks_like_headline(text, *lines[0]) or continued:
        return 0
    if _CONTINUED.search(first) or _SLUG.match(first):
        return 0
    layout.sections["title"] = _stripped(text, *lines[0])
    return 1


def _single_block_headline(text: str, lines: list[tuple[int, int]], layout: Layout) -> int:
    """A page copied with one line per paragraph and no blank line at all is one block: its
    first line (after furniture) is the headline when it reads as one and at least two
    lines of story follow (a lone lede line is not headline and story). Returns where the
    body starts (0 when no headline is found)."""
    lines = _drop_furniture(text, lines)
    if len(lines) < MIN_LINES_UNDER_HEADLINE + 1 or not _read_headline_line(text, lines, layout):
        return 0
    return lines[0][1]


def _hard_wrapped(text: str) -> bool:
    """Whether the text is prose broken into lines of a set width: most of its long lines
    end inside a sentence (a page copied with a line per paragraph ends them with one)."""
    long_lines = [line.rstrip() for line in text.split("\n") if len(line.strip()) >= WRAP_MIN_CHARS]
    open_ended = sum(1 for line in long_lines if not _SENTENCE_END.search(line))
    return len(long_lines) >= 3 and open_ended * 2 > len(long_lines)


def _key(line: str) -> str:
    return " ".join(line.casefold().split())


def _looks_like_headline(text: str, start: int, end: int) -> bool:
    line = text[start:end].strip()
    return 0 < len(line) <= MAX_HEADLINE_CHARS and not _SENTENCE_END.search(line)


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
