"""Direct quotations: pairing quotation marks in a section's text, and telling statements from scare quotes.

Marks are paired within a paragraph (a line): curly double quotes open and close, a
straight double quote opens or closes by what is around it, guillemets pair like curly
quotes, and single quotes count only in headlines (and nest otherwise). A quote still open
at the end of a paragraph continues when the next paragraph opens with a quotation mark
(the wire convention for a quote over several paragraphs); otherwise it ends with its
paragraph. Only outermost quotes are returned; nested ones stay part of their text.

Whether a quotation is a *statement* is decided on its words and the tokens around it:
a scare-quoted term ("the “tyrants of Hamas,”") is not; a sentence, or a clause of four
words or more, is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_MARKS = re.compile(r"''|[“”\"„«»\n]")  # '' is a straight double quote in some wire copy
_MARKS_SINGLE = re.compile(r"''|[“”\"„«»‘’'\n]")
_OPEN_ONLY = frozenset("“„«")
_CLOSE_ONLY = frozenset("”»")
_SINGLE = frozenset("‘’'")
_BEFORE_OPEN = frozenset(" \t\n([{—–-/:;,")
_AFTER_CLOSE = frozenset(" \t\n.,;:!?)]}—–-…")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_TERMINAL = re.compile(r"[.!?…][\"'”’)]*\s*$|[,:;—–-]\s*$")
MIN_CLAUSE_WORDS = 4  # a quoted clause this long with a verb is a statement
MIN_FRAGMENT_WORDS = 8  # a quoted fragment this long is one, verb or not


@dataclass(slots=True)
class Quoted:
    """One outermost quotation: offsets of its marks and of its text, into the section text."""

    open: int  # offset of the opening mark
    close: int  # offset of the closing mark, or of the paragraph end when left open
    start: int  # the quoted text, marks and edge spaces excluded
    end: int
    closed: bool = True
    paragraphs: int = 1


def find_quoted(text: str, single: bool = False) -> list[Quoted]:
    """Outermost quotations of ``text``; ``single`` lets single quotes quote (headlines)."""
    return _Pairer(text, single).run()


class _Pairer:
    """One pass over the marks of a text, keeping a stack of open quotation marks."""

    def __init__(self, text: str, single: bool) -> None:
        self.text, self.single = text, single
        self.stack: list[tuple[str, int]] = []
        self.found: list[Quoted] = []
        self.first_open = -1  # opening mark of a quote continued from an earlier paragraph
        self.paragraphs = 1
        self.continuing = False  # the next mark, if it opens its paragraph, continues a quote

    def run(self) -> list[Quoted]:
        marks = _MARKS_SINGLE if self.single else _MARKS
        for match in marks.finditer(self.text):
            char, pos = match.group(), match.start()
            if char == "''":
                char = '"'
            if char == "\n":
                self._paragraph_end(pos)
            elif self.continuing and _opens_line(self.text, pos):
                self.continuing = False
                self.stack.append((char, pos))
            else:
                self.continuing = False
                opened = self._step(char, pos)
                if opened >= 0 and not self.stack:
                    self._emit(opened, pos, True)
        if self.stack:
            self._emit(self.stack[0][1], len(self.text), False)
        return [q for q in self.found if q.end > q.start]

    def _paragraph_end(self, pos: int) -> None:
        if not self.stack:
            return
        if _continues(self.text, pos, self.stack[0][0]):
            if self.first_open < 0:
                self.first_open = self.stack[0][1]
            self.paragraphs += 1
            self.continuing = True
        else:
            self._emit(self.stack[0][1], pos, False)
        self.stack.clear()

    def _emit(self, opened: int, close: int, closed: bool) -> None:
        start = self.first_open if self.first_open >= 0 else opened
        self.found.append(_make(self.text, start, close, closed, self.paragraphs))
        self.first_open, self.paragraphs = -1, 1

    def _step(self, char: str, pos: int) -> int:
        """Push or pop one mark; the opening mark's offset when it closed a quote, else -1."""
        if char in _SINGLE:
            return self._step_single(char, pos)
        if char in _OPEN_ONLY:
            self.stack.append((char, pos))
            return -1
        if char in _CLOSE_ONLY:
            if not self.stack and _opens_line(self.text, pos):
                self.stack.append((char, pos))  # a closing mark opening a paragraph: a typo
                return -1
            return self._pop(pos, lambda c: c not in _SINGLE)
        # a straight double quote opens or closes by what is around it
        size = 2 if self.text.startswith("''", pos) else 1
        opening, closing = _looks_opening(self.text, pos, size), _looks_closing(self.text, pos, size)
        if _inside_word(self.text, pos, size):
            return -1
        if self.stack and self.stack[-1][0] not in _SINGLE and (closing or not opening):
            return self._pop(pos, lambda c: c not in _SINGLE)  # also closes a curly opening mark
        if opening or not (self.stack or closing):
            self.stack.append((char, pos))  # a stray closing-looking mark opens nothing
        return -1

    def _step_single(self, char: str, pos: int) -> int:
        if not self.single and not self.stack:
            return -1  # apostrophes and single quotes outside a quotation are text
        opening, closing = _looks_opening(self.text, pos), _looks_closing(self.text, pos)
        if char in "‘'" and opening and not closing:
            self.stack.append(("‘", pos))
            return -1
        if char in "’'" and closing and self.stack and self.stack[-1][0] == "‘":
            return self._pop(pos, lambda c: c == "‘")
        return -1

    def _pop(self, pos: int, fits: Callable[[str], bool]) -> int:
        if not self.stack or not fits(self.stack[-1][0]):
            return -1
        return self.stack.pop()[1]


def _looks_opening(text: str, pos: int, size: int = 1) -> bool:
    before = text[pos - 1] if pos > 0 else "\n"
    after = text[pos + size] if pos + size < len(text) else "\n"
    return before in _BEFORE_OPEN and not after.isspace()


def _looks_closing(text: str, pos: int, size: int = 1) -> bool:
    before = text[pos - 1] if pos > 0 else "\n"
    after = text[pos + size] if pos + size < len(text) else "\n"
    return not before.isspace() and (after in _AFTER_CLOSE or after in "”’\"'")


def _inside_word(text: str, pos: int, size: int) -> bool:
    return pos > 0 and pos + size < len(text) and text[pos - 1].isalnum() and text[pos + size].isalnum()


def _continues(text: str, newline: int, opener: str) -> bool:
    """The next non-blank paragraph opens with a quotation mark of the same style as ``opener``
    (a paragraph of curly quotes after an open straight one is a quote inside an excerpt)."""
    rest = text[newline:].lstrip()
    if not rest:
        return False
    if opener == '"':
        return rest[0] == '"' or rest.startswith("''")
    return rest[0] == opener or (opener in "“„" and rest[0] in "“„")


def _opens_line(text: str, pos: int) -> bool:
    """Only spaces between the line's start and ``pos``: read back from ``pos``, not forward
    from the line's start (an article in one paragraph is one line)."""
    i = pos - 1
    while i >= 0 and text[i] != "\n" and text[i].isspace():
        i -= 1
    return i < 0 or text[i] == "\n"


def _make(text: str, open_pos: int, close_pos: int, closed: bool, paragraphs: int) -> Quoted:
    start, end = open_pos + (2 if text.startswith("''", open_pos) else 1), close_pos
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return Quoted(open_pos, close_pos, start, end, closed, paragraphs)


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def is_statement(quoted: Quoted, text: str, doc: Doc | None = None, cued: bool = False) -> bool:
    """A sentence or clause someone said, not a quoted term or title.

    ``cued``: a cue word stands right next to the quotation ("..., he said").
    """
    inner = text[quoted.start : quoted.end]
    words = word_count(inner)
    if quoted.paragraphs > 1:
        return True
    if is_title(inner):
        return False
    if words >= MIN_FRAGMENT_WORDS:
        return True
    raw = text[quoted.open + 1 : quoted.close]
    sentence_like = inner[:1].isupper() and bool(_TERMINAL.search(raw))
    if cued and words >= 1 and (sentence_like or words >= 2):
        return True
    if words >= 2 and sentence_like and opens_sentence(text, quoted.open):
        return True
    return words >= MIN_CLAUSE_WORDS and doc is not None and _has_verb(doc, quoted)


def is_title(inner: str) -> bool:
    """ "The Steve Harvey Morning Show", "Make America Great Again": every word capitalised."""
    words = _WORD.findall(inner)
    if len(words) < 2 or inner.rstrip()[-1:] in ".!?":
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL for w in words)


_TITLE_SMALL = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "with", "at", "by", "from", "is"}
)


def opens_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" \t")
    return not before or before[-1] in "\n.!?:"


def _has_verb(doc: Doc, quoted: Quoted) -> bool:
    span = doc.char_span(quoted.start, quoted.end, alignment_mode="expand")
    if span is None:
        return False
    return any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBG", "VBN") for t in span)
