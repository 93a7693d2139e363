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
from weakref import WeakKeyDictionary

from eventwire.nlp.bounds import heads

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Columns:
    """Per token ``i`` of one Doc: ``orth[i]``, ``lower[i]`` and ``dep[i]`` are the ids of
    ``doc[i].text``, ``lower_`` and ``dep_``; ``head[i]`` is its ``head.i``; ``punct[i]`` and
    ``space[i]`` are 1 where it ``is_punct`` and ``is_space``, else 0."""

    orth: list[int]
    lower: list[int]
    dep: list[int]
    head: list[int]
    punct: list[int]
    space: list[int]


# Doc -> its columns, each dropped with its Doc.
_COLUMNS: WeakKeyDictionary[Doc, Columns] = WeakKeyDictionary()


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
    from spacy.attrs import DEP, IS_PUNCT, IS_SPACE, LOWER, ORTH

    if not len(doc):
        return Columns([], [], [], [], [], [])
    orth, lower, dep, punct, space = doc.to_array([ORTH, LOWER, DEP, IS_PUNCT, IS_SPACE]).T.tolist()
    return Columns(orth, lower, dep, heads(doc), punct, space)
