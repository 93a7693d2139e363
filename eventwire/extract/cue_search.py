"""The cue of a direct quotation: the cue word next to it, and what the parse says of it.

The cue is looked for after the closing mark ('"...," he said') up to the end of the
sentence, and before the opening mark ('He said: "..."') back to the start of the sentence
(or of the paragraph before, when it ends with a colon), never across another quotation.
A cue after the quotation must come right after it (only its subject and adverbs between)
or govern it in the parse; a cue before it must govern it or stand right before it
("X said: ...", "X said that ..."). "Reuters quoted X as saying: ..." makes "quoted" the cue.
A quotation followed by a dash and a name ('"..." ― Sonya Herridge') is that person's, and a
short headline-style line "Name: statement" (:func:`colon_lines`) is that name's statement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.attribution import SENT_END, Attribution, TokenIndex, attribute, match_cue, usable
from eventwire.extract.quote_lexicon import Cue, QuoteLexicon
from eventwire.extract.quotes_direct import Quoted
from eventwire.nlp.bounds import entity_end

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_AFTER_TOKENS = 30  # how far a cue may follow a quotation
_BEFORE_TOKENS = 40  # how far it may precede one
_CLOSE_CUE = 8  # a cue this close after the closing mark wins over one before the opening mark
_DASHES = frozenset({"―", "—", "–", "--"})
DASH_CUE = Cue("―", "―", (), "ADV", "direct", "speech", frozenset(), "a dash before a name (built in)")
COLON_CUE = Cue(":", ":", (), "ADV", "direct", "speech", frozenset(), "a colon after a name (built in)")
_COLON_LINE_WORDS = 30  # a "Name: statement" line is a headline or subhead, not a paragraph
_NAME_TOKENS = 5
_NAME_ENTS = frozenset({"PERSON", "ORG", "NORP"})


def cue_near(
    doc: Doc,
    index: TokenIndex,
    quoted: Quoted,
    marks: list[Quoted],
    lexicon: QuoteLexicon,
    bounds: tuple[frozenset[int], frozenset[int]] | None = None,
) -> Attribution | None:
    """The cue of a direct quotation, after its closing mark or before its opening one.

    A cue after the quotation must come within a few words of it or govern it in the parse;
    a cue before it must govern it or stand right before it ("X said: ...", "X said that ...").
    ``bounds`` is :func:`mark_bounds` of ``marks``, when the caller asks for every quotation.
    """
    opens, closes = bounds if bounds is not None else mark_bounds(marks)
    opening, closing = index.at(quoted.open), index.at(quoted.close)
    ended = index.text[quoted.start : quoted.close].rstrip().endswith(".")  # '“... change.” She adds'
    after = _after(doc, index, quoted, opens) if quoted.closed and not ended else []
    before = _before(doc, index, quoted, closes)
    first_after = next(
        ((n, t, c) for n, t in enumerate(after)
         if (c := usable(t, lexicon)) and (_only_subject_between(t, closing) or _governs(t, opening))),
        None,
    )  # fmt: skip
    last_before = next(
        ((t, c) for t in reversed(before)
         if (c := usable(t, lexicon)) and (_governs(t, opening) or _adjacent(t, c, opening))),
        None,
    )  # fmt: skip
    ends_open = index.text[quoted.close - 2 : quoted.close].rstrip()[-1:] in (",", "—", "-", "?", "!")
    choice = None
    if first_after and (ends_open or first_after[0] < _CLOSE_CUE or last_before is None):
        choice = first_after[1:]
    elif last_before:
        choice = last_before
    if choice is None or closing < opening:
        return _dash_byline(doc, closing) if quoted.closed else None
    token, cue = choice
    token, cue = _through_saying(token, cue, lexicon)
    return attribute(token, cue)


def _dash_byline(doc: Doc, closing: int) -> Attribution | None:
    """'"..." ― Sonya Herridge': a name after a dash right after the quotation (vox pops)."""
    i = closing if doc[closing].text[-1:] in _DASHES else closing + 1  # '"―' may be one token
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    if i + 1 >= len(doc) or (doc[i].text not in _DASHES and doc[i].text[-1:] not in _DASHES):
        return None
    name = doc[i + 1]
    if name.ent_type_ not in ("PERSON", "ORG", "NORP") and name.pos_ != "PROPN":
        return None
    end = entity_end(doc, name.i, same_type=True)
    return Attribution(doc[i], DASH_CUE, speaker=doc[end - 1])


def _governs(cue: Token, target: int) -> bool:
    """The quotation's first word hangs (directly or not) on the cue."""
    doc = cue.doc
    first = target + 1 if target + 1 < len(doc) else target
    return cue.left_edge.i <= first <= cue.right_edge.i and cue.i != first


def _only_subject_between(cue: Token, closing: int) -> bool:
    """Between the closing mark and the cue stand only its subject, adverbs and punctuation:
    '"...," a masked militant reportedly says'."""
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and closing < c.i < cue.i]
    subject = subjects[-1] if subjects else None
    low = subject.left_edge.i if subject is not None else cue.i
    between = cue.doc[closing + 1 : low]
    adverbs = all(
        t.is_punct or t.is_space or (t.head.i == cue.i and t.dep_ in ("advmod", "aux")) for t in between
    )
    return adverbs and all(
        t.head.i == cue.i and t.dep_ in ("advmod", "aux", "neg")
        for t in cue.doc[low : cue.i]
        if t.i not in _subtree_ids(subject)
    )


def _subtree_ids(token: Token | None) -> frozenset[int]:
    return frozenset(t.i for t in token.subtree) if token is not None else frozenset()


def _adjacent(cue: Token, entry: Cue, target: int) -> bool:
    """Only punctuation, "that" or a short "in a statement" lies between the cue and the quotation."""
    doc = cue.doc
    between = [t for t in doc[cue.i + 1 + len(entry.others) : target] if not t.is_punct and not t.is_space]
    return len(between) <= 4 and all(t.dep_ != "nsubj" and t.pos_ != "VERB" for t in between)


def _through_saying(token: Token, cue: Cue, lexicon: QuoteLexicon) -> tuple[Token, Cue]:
    """ "Reuters quoted X as saying: ..." -> the cue is "quoted"."""
    if token.dep_ == "pcomp" and token.head.lower_ == "as":
        verb = token.head.head
        outer = match_cue(verb, lexicon)
        if outer is not None and outer.frame == "quote":
            return verb, outer
    return token, cue


def mark_bounds(marks: list[Quoted]) -> tuple[frozenset[int], frozenset[int]]:
    """The offsets of the quotations' opening marks, and of their closing marks."""
    return frozenset(m.open for m in marks), frozenset(m.close for m in marks)


def _after(doc: Doc, index: TokenIndex, quoted: Quoted, opens: frozenset[int]) -> list[Token]:
    tokens: list[Token] = []
    i = index.at(quoted.close) + 1
    while i < len(doc) and len(tokens) < _AFTER_TOKENS:
        token = doc[i]
        if "\n" in token.text or token.idx in opens or token.text in SENT_END:
            break
        tokens.append(token)
        i += 1
    return tokens


def _before(doc: Doc, index: TokenIndex, quoted: Quoted, closes: frozenset[int]) -> list[Token]:
    tokens: list[Token] = []
    i = index.at(quoted.open) - 1
    while i >= 0 and len(tokens) < _BEFORE_TOKENS:
        token = doc[i]
        if "\n" in token.text:
            if not tokens and _colon_before(doc, i):
                i -= 1
                continue
            break
        if token.idx in closes or token.text in SENT_END:
            break
        tokens.append(token)
        i -= 1
    tokens.reverse()
    return tokens


def _colon_before(doc: Doc, newline: int) -> bool:
    """The paragraph before ends with a colon: "He added:" then the quotation."""
    i = newline - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i >= 0 and doc[i].text == ":"


# Labels newsrooms put before a colon that name no speaker.
_EDITORIAL_LABELS = frozenset(
    {"correction", "corrections", "clarification", "update", "updated", "editor's note", "editor’s note",
     "note", "disclosure", "related", "read more", "watch", "video", "photo", "photos", "live", "breaking",
     "analysis", "opinion", "exclusive", "factbox", "explainer", "timeline", "q&a"}
)  # fmt: skip


def colon_lines(doc: Doc, text: str) -> list[tuple[Attribution, int, int]]:
    """Headline-style lines "Kasich: Trump Is Wrong on Trade": the name's statement, with
    its Doc character offsets. The name is one to five proper nouns (or a person's,
    organisation's or group's name) opening a line of at most 30 words."""
    found = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        colon = text.find(":", start, end)
        if colon > start and len(text[start:end].split()) <= _COLON_LINE_WORDS:
            found.extend(_colon_line(doc, text, start, colon, end))
        start = end + 1
    return found


def _says_something(span: Span) -> bool:
    """Not a noun phrase whose only verb is a participle ("The young activists fighting for
    democracy": a title); a verb the tagger misses in title case is no reason to doubt."""
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
    return not verbs or any(t.tag_ not in ("VBG", "VBN") for t in verbs)


def _colon_line(doc: Doc, text: str, start: int, colon: int, end: int) -> list[tuple[Attribution, int, int]]:
    name = doc.char_span(start, colon, alignment_mode="expand")
    mark = doc.char_span(colon, colon + 1)
    if name is None or mark is None or not 0 < len(name) <= _NAME_TOKENS:
        return []
    if not all(t.pos_ == "PROPN" or t.ent_type_ in _NAME_ENTS for t in name if not t.is_punct):
        return []
    if any(t.ent_type_ and t.ent_type_ not in _NAME_ENTS for t in name):
        return []  # "WASHINGTON:", "Monday:"
    if name.text.strip().lower() in _EDITORIAL_LABELS:
        return []  # "Correction: An earlier version ..." is the newsroom's note, not a statement
    content_start = colon + 1
    while content_start < end and text[content_start].isspace():
        content_start += 1
    if len(text[content_start:end].split()) < 3:
        return []
    content_end = end
    while content_end > content_start and text[content_end - 1].isspace():
        content_end -= 1
    content = doc.char_span(content_start, content_end, alignment_mode="expand")
    if content is None or not (_says_something(content) or text[content_start] in "“\"‘'"):
        return []  # "Milk Tea Alliance: The young Asian activists fighting for democracy": a title
    speaker = name[-1] if not name[-1].is_punct else name.root
    return [(Attribution(mark[0], COLON_CUE, speaker=speaker), content_start, content_end)]
