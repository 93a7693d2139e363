"""A parsed token's children as plain values, read once per token.

``token.children`` finds a token's children by walking every token between its left and
right edges, building a spaCy Token for each, ``token.subtree`` does so at every level,
and ``token.dep_`` looks its label up in the string store. The event rules ask the same
questions of a trigger's and its arguments' children many times per trigger ("its direct
object", "is it passive", "its object of 'against'"). Each child's index, dependency label
and lower-case form, read the first time a token's children are asked for and kept while
its Doc lives, answer them with tuple lookups; only the tokens a caller keeps are built.
Tokens no rule asks about cost nothing (a table of the whole Doc cost more than it saved).
Stages read them after the parse (and its headline mending), which set the tree; nothing
changes a Doc's tree after it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from collections.abc import Container

    from spacy.tokens import Doc, Token

# (index, label, lower-case form) of one child
Child = tuple[int, str, str]

# Doc -> token index -> its children, in text order, as ``token.children`` gives them; ints
# and strings only, so nothing holds the Doc alive
_CHILDREN: WeakKeyDictionary[Doc, dict[int, tuple[Child, ...]]] = WeakKeyDictionary()


def children(token: Token) -> tuple[Child, ...]:
    """Index, label and lower-case form of each of the token's children, in text order."""
    return children_at(token.doc, token.i)


def children_at(doc: Doc, i: int) -> tuple[Child, ...]:
    """:func:`children` of token ``i`` of ``doc``."""
    kept = _CHILDREN.get(doc)
    if kept is None:
        kept = _CHILDREN[doc] = {}
    found = kept.get(i)
    if found is None:
        found = kept[i] = tuple((c.i, c.dep_, c.lower_) for c in doc[i].children)
    return found


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
    doc = token.doc
    out = [token.i]
    for i in out:  # grows as it goes: each token's children join the end
        out.extend(j for j, _, _ in children_at(doc, i))
    return out
