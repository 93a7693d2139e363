"""Values kept per Doc while it lives, the last Doc asked about answered first.

The per-Doc readings (:mod:`eventwire.nlp.bounds`, :mod:`eventwire.nlp.columns`,
:mod:`eventwire.nlp.tree`, the phrase and conjunct caches of the event rules) were
WeakKeyDictionaries, asked about hundreds of thousands of times per few hundred articles:
each lookup builds a new weak reference to its key, which costs more than the answer. The
rules ask about one sentence's words in a row, so the last Doc asked about and its value are
kept aside (weakly) and answer without a lookup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar
from weakref import WeakKeyDictionary, ref

if TYPE_CHECKING:
    from spacy.tokens import Doc

V = TypeVar("V")


class PerDoc(Generic[V]):
    """A value per Doc, dropped with its Doc (``get``, ``in`` and assignment, as a
    WeakKeyDictionary's); values are never None."""

    __slots__ = ("_kept", "_held", "_value")

    def __init__(self) -> None:
        self._kept: WeakKeyDictionary[Doc, V] = WeakKeyDictionary()
        self._held: ref[Doc] | None = None  # the last Doc asked about or given a value
        self._value: V | None = None  # its value

    def get(self, doc: Doc) -> V | None:
        """The Doc's value, None when it has none."""
        held = self._held
        if held is not None and held() is doc:
            return self._value
        found = self._kept.get(doc)
        if found is not None:
            self._held, self._value = ref(doc), found
        return found

    def __setitem__(self, doc: Doc, value: V) -> None:
        self._kept[doc] = value
        self._held, self._value = ref(doc), value

    def __contains__(self, doc: Doc) -> bool:
        return self.get(doc) is not None
