"""A parsed Doc's tree as plain values: each token's children, read once per Doc.

``token.children`` finds a token's children by walking every token between its left and
right edges, building a spaCy Token for each, ``token.subtree`` does so at every level,
and ``token.dep_`` looks its label up in the string store. The event rules ask the same
questions of a trigger's and its arguments' children many times per trigger ("its direct
object", "is it passive", "its object of 'against'"). Each child's index, dependency label
and lower-case form, read once per Doc from its columns of heads, labels and words
(:mod:`eventwire.nlp.columns`), without building a Token, and kept while the Doc lives, answer
them with tuple lookups; only the tokens a caller keeps are built. Stages read them after
the parse (and its headline mending), which set the tree; nothing changes a Doc's tree
after it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.nlp.columns import columns
from eventwire.nlp.per_doc import PerDoc

if TYPE_CHECKING:
    from collections.abc import Container

    from spacy.tokens import Doc, Token

# (index, label, lower-case form) of one child
Child = tuple[int, str, str]

# Doc -> each token's children, in text order, as ``token.children`` gives them; ints and
# strings only, so nothing holds the Doc alive
_CHILDREN: PerDoc[list[tuple[Child, ...]]] = PerDoc()


def children(token: Token) -> tuple[Child, ...]:
    """Index, label and lower-case form of each of the token's children, in text order."""
    return children_at(token.doc, token.i)


def children_at(doc: Doc, i: int) -> tuple[Child, ...]:
    """:func:`children` of token ``i`` of ``doc``."""
    found = _CHILDREN.get(doc)
    if found is None:
        found = _CHILDREN[doc] = _read(doc)
    return found[i]


def _read(doc: Doc) -> list[tuple[Child, ...]]:
    """Each token's children, from the Doc's :class:`~eventwire.nlp.columns.Columns` (read
    once per Doc for the stages' other tests), not from arrays of its own."""
    if not len(doc):
        return []
    c = columns(doc)
    strings = doc.vocab.strings
    names: dict[int, str] = {}  # few distinct labels and words: one string-store lookup each
    found: list[list[Child]] = [[] for _ in range(len(doc))]
    for i, head, dep, lower in zip(range(len(doc)), c.head, c.dep, c.lower, strict=True):
        if head == i:
            continue  # a root, or a word of an unparsed sentence: no one's child
        label = names.get(dep)
        if label is None:
            label = names[dep] = strings[dep]
        word = names.get(lower)
        if word is None:
            word = names[lower] = strings[lower]
        found[head].append((i, label, word))  # in text order
    return [tuple(kids) for kids in found]


def child_with(token: Token, deps: Container[str], words: Container[str] | None = None) -> Token | None:
    """The token's first child labelled one of ``deps`` (and, given ``words``, whose lower-case
    form is one of them): ``next(c for c in token.children if c.dep_ in deps ...)``."""
    for i, dep, lower in children(token):
        if dep in deps and (words is None or lower in words):
            return token.doc[i]
    return None


def has_child(token: Token, deps: Container[str], words: Container[str] | None = None) -> bool:
    """Whether the token has a child labelled one of ``deps`` (and, given ``words``, whose
    lower-case form is one of them): ``any(c.dep_ in deps ... for c in token.children)``."""
    return any(dep in deps and (words is None or lower in words) for _, dep, lower in children(token))


def subtree(token: Token) -> list[int]:
    """Indices of the tokens of ``token.subtree`` (the token and all below it), in no
    particular order."""
    return subtree_at(token.doc, token.i)


def subtree_at(doc: Doc, i: int) -> list[int]:
    """:func:`subtree` of token ``i`` of ``doc``."""
    out = [i]
    for i in out:  # grows as it goes: each token's children join the end
        out.extend(j for j, _, _ in children_at(doc, i))
    return out


def ordered_subtree_at(doc: Doc, i: int) -> list[int]:
    """Indices of ``doc[i].subtree`` in its order: each left child's subtree, the token, then
    each right child's subtree (text order where the tree is projective)."""
    out: list[int] = []
    stack: list[tuple[int, bool]] = [(i, False)]  # (token, whether its children are stacked)
    while stack:
        k, expanded = stack.pop()
        if expanded:
            out.append(k)
            continue
        kids = children_at(doc, k)
        stack.extend((j, False) for j, _, _ in reversed(kids) if j > k)
        stack.append((k, True))
        stack.extend((j, False) for j, _, _ in reversed(kids) if j < k)
    return out
