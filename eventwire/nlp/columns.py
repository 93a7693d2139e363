"""A parsed Doc's per-token ids and flags as plain lists, read once per Doc.

Walks over a range of tokens that test each token's text, dependency label or punctuation
(where a reported content ends, :mod:`eventwire.extract.content_edges`) built a spaCy Token
per word and per test. These lists, read from the Doc's arrays and kept while the Doc
lives, answer the same tests; a walk builds a Token only for the few words it must look at
further. Words and labels are compared as string ids (:func:`ids`): spaCy gives a string
one id in every vocabulary, so an id is its string, and no string is looked up. Stages read
them after the parse; nothing changes a Doc's tokens or parse after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.nlp.bounds import heads
from eventwire.nlp.per_doc import PerDoc

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Columns:
    """Per token ``i`` of one Doc: ``orth[i]``, ``lower[i]``, ``dep[i]``, ``pos[i]``,
    ``tag[i]``, ``lemma[i]`` and ``ent_type[i]`` are the ids of ``doc[i].text``, ``lower_``,
    ``dep_``, ``pos_``, ``tag_``, ``lemma_`` and ``ent_type_`` (0 outside an entity);
    ``head[i]`` is its ``head.i``; ``punct[i]``, ``space[i]``, ``alpha[i]`` and ``title[i]``
    are 1 where it ``is_punct``, ``is_space``, ``is_alpha`` and ``is_title``, else 0."""

    orth: list[int]
    lower: list[int]
    dep: list[int]
    head: list[int]
    punct: list[int]
    space: list[int]
    pos: list[int]
    tag: list[int]
    lemma: list[int]
    ent_type: list[int]
    alpha: list[int]
    title: list[int]


# Doc -> its columns, each dropped with its Doc.
_COLUMNS: PerDoc[Columns] = PerDoc()


def columns(doc: Doc) -> Columns:
    """The Doc's :class:`Columns`, read once per Doc."""
    found = _COLUMNS.get(doc)
    if found is None:
        found = _COLUMNS[doc] = _read(doc)
    return found


def ids(words: Iterable[str]) -> frozenset[int]:
    """The string ids of ``words`` (texts, lower-case forms or labels), as a column holds them."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(word) for word in words)


def _read(doc: Doc) -> Columns:
    from spacy.attrs import (
        DEP,
        ENT_TYPE,
        IS_ALPHA,
        IS_PUNCT,
        IS_SPACE,
        IS_TITLE,
        LEMMA,
        LOWER,
        ORTH,
        POS,
        TAG,
    )

    if not len(doc):
        return Columns([], [], [], [], [], [], [], [], [], [], [], [])
    attrs = [ORTH, LOWER, DEP, IS_PUNCT, IS_SPACE, POS, TAG, LEMMA, ENT_TYPE, IS_ALPHA, IS_TITLE]
    orth, lower, dep, punct, space, pos, tag, lemma, ent_type, alpha, title = doc.to_array(attrs).T.tolist()
    return Columns(orth, lower, dep, heads(doc), punct, space, pos, tag, lemma, ent_type, alpha, title)
