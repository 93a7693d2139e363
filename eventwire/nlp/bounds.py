"""Sentence starts, line breaks and heads of a parsed Doc, indexed once per Doc.

Stages take a cue's sentence and cut it at paragraph breaks, because the parser may run a
sentence across them. ``token.sent`` walks the sentence to find its ends, and walking token
by token to the next break built a spaCy Token per step, for every cue. The sorted token
indices of sentence starts and of line breaks, read once from the Doc's arrays and kept
while the Doc lives, answer both by bisection. Stages read them after the parse, which set
both; nothing changes a Doc's tokens or sentences after it. The bounds of a named entity
around a token (``entity_start``, ``entity_end``) are walked here once for every stage that
reads a name's words.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

import numpy

from eventwire.nlp.per_doc import PerDoc

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Doc -> token indices, each dropped with its Doc. Not in Doc.user_data: spaCy copies that
# into Docs built from this one (Doc.from_docs warns of every key it cannot merge).
_STARTS: PerDoc[list[int]] = PerDoc()
_BREAKS: PerDoc[list[int]] = PerDoc()
_HEADS: PerDoc[list[int]] = PerDoc()
_TEXTS: PerDoc[tuple[str, list[int], list[int]]] = PerDoc()


def heads(doc: Doc) -> list[int]:
    """Each token's head index (a root is its own head), read once per Doc: ``token.head.i``
    builds a spaCy Token for the head at every step of a walk up the tree."""
    found = _HEADS.get(doc)
    if found is None:
        from spacy.attrs import HEAD

        offsets = doc.to_array(HEAD).astype("int64")  # relative to each token
        found = (offsets + numpy.arange(len(doc), dtype="int64")).tolist()
        _HEADS[doc] = found
    return found


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` (``0 <= start``, ``end <= len(doc)``), cut from the Doc's text by the tokens'
    offsets, read once per Doc: a Span built per lookup, and its text joined token by
    token, cost more than the lookup ("is there a role of three words here?")."""
    text, starts, ends = _texts_of(doc)
    return text[starts[start] : ends[end - 1]] if start < end else ""


def entity_start(doc: Doc, i: int, same_type: bool = False) -> int:
    """The first token of the entity token ``i`` is inside ("the Central African [Republic]"
    -> "Central"): back over its ``I`` tokens; with ``same_type``, only while the token
    before is of ``i``'s entity type too. ``i`` itself when it begins one or is in none."""
    start = i
    kind = doc[i].ent_type_ if same_type else None
    while start > 0 and doc[start].ent_iob_ == "I" and (kind is None or doc[start - 1].ent_type_ == kind):
        start -= 1
    return start


def entity_end(doc: Doc, i: int, same_type: bool = False) -> int:
    """The end (exclusive) of the entity token ``i`` begins or is inside: on over the ``I``
    tokens after it; with ``same_type``, only those of ``i``'s entity type."""
    end = i + 1
    kind = doc[i].ent_type_ if same_type else None
    while end < len(doc) and doc[end].ent_iob_ == "I" and (kind is None or doc[end].ent_type_ == kind):
        end += 1
    return end


def keep_text(doc: Doc, text: str) -> None:
    """Give :func:`span_text` the Doc's text (``doc.text``) where the caller holds it already,
    as a :class:`~eventwire.nlp.SectionDoc` does from the parse: ``doc.text`` joins every
    token, building a spaCy Token per word."""
    if doc not in _TEXTS:
        _texts(doc, text)


def token_starts(doc: Doc) -> list[int]:
    """Each token's character offset (``token.idx``), in order, read once per Doc (not to be changed)."""
    return _texts_of(doc)[1]


def token_ends(doc: Doc) -> list[int]:
    """Where each token's text ends (``token.idx + len(token)``), in order, read once per Doc
    (not to be changed)."""
    return _texts_of(doc)[2]


def _texts_of(doc: Doc) -> tuple[str, list[int], list[int]]:
    """The Doc's text and its tokens' start and end offsets, read once per Doc."""
    found = _TEXTS.get(doc)
    return found if found is not None else _texts(doc, doc.text)


def _texts(doc: Doc, text: str) -> tuple[str, list[int], list[int]]:
    if not len(doc):
        found = _TEXTS[doc] = (text, [], [])
        return found
    from spacy.attrs import IDX, LENGTH

    table = doc.to_array([IDX, LENGTH]).astype("int64")
    found = _TEXTS[doc] = (text, table[:, 0].tolist(), (table[:, 0] + table[:, 1]).tolist())
    return found


def is_sent_start(doc: Doc, i: int) -> bool:
    """Whether token ``i`` starts a sentence (``doc[i].is_sent_start`` is True), by bisection."""
    starts = _sentence_starts(doc)
    k = bisect_left(starts, i)
    return k < len(starts) and starts[k] == i


def sentence_range(doc: Doc, i: int) -> tuple[int, int]:
    """Token range of the sentence that holds token ``i``: ``doc[i].sent``'s start and end."""
    starts = _sentence_starts(doc)
    k = bisect_right(starts, i)  # starts[k - 1] <= i < starts[k]
    return (starts[k - 1] if k else 0), (starts[k] if k < len(starts) else len(doc))


def _sentence_starts(doc: Doc) -> list[int]:
    """Indices of the tokens that start a sentence, in order, read once per Doc."""
    starts = _STARTS.get(doc)
    if starts is None:
        from spacy.attrs import SENT_START

        starts = _STARTS[doc] = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
    return starts


def line_breaks(doc: Doc) -> list[int]:
    """Indices of the tokens whose text holds a line break ("\\n"), in order: the tokens
    holding each "\\n" of the Doc's text (kept by :func:`keep_text`), by bisection over the
    tokens' offsets; looking up the string of every distinct word cost more."""
    breaks = _BREAKS.get(doc)
    if breaks is None:
        text, starts, ends = _texts_of(doc)
        breaks = []
        at = text.find("\n")
        while at >= 0:
            i = bisect_right(starts, at) - 1  # the token starting last at or before the break
            if i >= 0 and at < ends[i] and (not breaks or breaks[-1] != i):
                breaks.append(i)  # (a break in the whitespace after a token is in no token)
            at = text.find("\n", at + 1)
        _BREAKS[doc] = breaks
    return breaks


def clause_range(doc: Doc, i: int) -> tuple[int, int]:
    """Token range of token ``i``'s sentence cut at the line breaks nearest ``i`` (a token
    holding a break is left out; token ``i`` itself never counts as one)."""
    low, high = sentence_range(doc, i)
    breaks = line_breaks(doc)
    before = bisect_left(breaks, i) - 1  # the last break before i
    if before >= 0 and breaks[before] >= low:
        low = breaks[before] + 1
    after = bisect_right(breaks, i)  # the first break after i
    if after < len(breaks) and breaks[after] < high:
        high = breaks[after]
    return low, high
