"""A parsed Doc's per-token strings and flags as plain lists, read once per Doc.

Walks over a range of tokens that test each token's text, dependency label or punctuation
(where a reported content ends, :mod:`eventwire.extract.content_edges`) built a spaCy Token
per word and per test. These lists, read from the Doc's arrays with one string lookup per
distinct id and kept while the Doc lives, answer the same tests; a walk builds a Token only
for the few words it must look at further. Stages read them after the parse; nothing
changes a Doc's tokens or parse after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from eventwire.nlp.bounds import heads

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Columns:
    """Per token ``i`` of one Doc: ``text[i]`` is ``doc[i].text``, ``lower[i]`` its ``lower_``,
    ``dep[i]`` its ``dep_``, ``head[i]`` its ``head.i``, ``punct[i]``/``space[i]`` its
    ``is_punct``/``is_space``."""

    text: list[str]
    lower: list[str]
    dep: list[str]
    head: list[int]
    punct: list[bool]
    space: list[bool]


# Doc -> its columns, each dropped with its Doc.
_COLUMNS: WeakKeyDictionary[Doc, Columns] = WeakKeyDictionary()


def columns(doc: Doc) -> Columns:
    """The Doc's :class:`Columns`, read once per Doc."""
    found = _COLUMNS.get(doc)
    if found is None:
        found = _COLUMNS[doc] = _read(doc)
    return found


def _read(doc: Doc) -> Columns:
    from spacy.attrs import DEP, IS_PUNCT, IS_SPACE, LOWER, ORTH

    if not len(doc):
        return Columns([], [], [], [], [], [])
    rows = doc.to_array([ORTH, LOWER, DEP, IS_PUNCT, IS_SPACE]).T.tolist()
    orths, lowers, deps, punct, space = rows
    strings = doc.vocab.strings
    words = {h: strings[h] for h in {*orths, *lowers, *deps}}
    return Columns(
        [words[h] for h in orths],
        [words[h] for h in lowers],
        [words[h] for h in deps],
        heads(doc),
        [bool(p) for p in punct],
        [bool(s) for s in space],
    )
