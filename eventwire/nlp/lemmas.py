"""A faster drop-in for spaCy's rule ``lemmatizer`` that gives exactly the same lemmas.

spaCy's rule lemmatizer visits every token in Python, building a Token and its
MorphAnalysis to look up a cache keyed on the token's ``(ORTH, POS, MORPH)``; that cost
about as much as the attribute ruler did. A rule lemma depends on those three values
only (the word, its part of speech and its morphology, plus the model's fixed tables),
so here the three columns are read with ``Doc.to_array``, each distinct triple is
lemmatized once by spaCy's own ``lemmatize``, and the lemmas are written back as one
column. As in spaCy, a token that already has a lemma (set by the attribute ruler) keeps
it unless the component overwrites; a token without a POS goes to spaCy every time (it
warns about it).

spaCy's rules also test each candidate form against a word list of up to 57,000 entries
(``form in index``, a list scan: about 0.2 ms for each new word). The lemmatizer used here
is a copy of the model's, same class and tables, with those lists held as sets.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import numpy

if TYPE_CHECKING:
    from spacy.pipeline import Lemmatizer
    from spacy.tokens import Doc

_CACHE_LIMIT = 500_000  # distinct (orth, pos, morph) triples kept


class FastLemmatizer:
    """Wraps a loaded rule-mode ``Lemmatizer``; ``pipe`` lemmatizes Docs as the original would."""

    name = "lemmatizer"

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        self.lemmatizer = _with_indexed_lists(lemmatizer)
        self.strings = lemmatizer.vocab.strings
        self.columns = [ORTH, POS, MORPH, LEMMA]
        self.lemma_column = [LEMMA]
        self.lemmas: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma hash

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lemmatizer = self.lemmatizer
        overwrite = lemmatizer.overwrite
        rows = doc.to_array(self.columns).tolist()
        lemmas = [lemma for _, _, _, lemma in rows]
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not overwrite:
                continue
            if not pos:
                lemmas[i] = self.strings.add(lemmatizer.lemmatize(doc[i])[0])
            else:
                key = (orth, pos, morph)
                found = self.lemmas.get(key)
                if found is None:
                    if len(self.lemmas) >= _CACHE_LIMIT:
                        self.lemmas.clear()
                    found = self.lemmas[key] = self.strings.add(lemmatizer.lemmatize(doc[i])[0])
                    lemmatizer.cache.pop(key, None)  # spaCy's cache, by the same key: kept here once
                lemmas[i] = found
            changed = True
        if changed:
            column: Any = numpy.array(lemmas, dtype=numpy.uint64).reshape(-1, 1)
            doc.from_array(self.lemma_column, column)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _with_indexed_lists(lemmatizer: Lemmatizer) -> Any:
    """A lemmatizer of the same class and settings whose ``lemma_index`` lists are sets
    (the rules only ever ask whether a form is in one); the model's own is left as it is."""
    from spacy.errors import Errors
    from spacy.lookups import Lookups

    settings = {"mode": lemmatizer.mode, "overwrite": lemmatizer.overwrite}
    copy = type(lemmatizer)(lemmatizer.vocab, lemmatizer.model, lemmatizer.name, **settings)
    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        as_sets = name == "lemma_index"
        lookups.add_table(name, {key: frozenset(words) if as_sets else words for key, words in table.items()})
    copy.lookups = lookups
    copy._validate_tables(Errors.E1004)  # as spaCy's __call__ does before its first Doc
    return copy


def is_rule_lemmatizer(component: Any) -> bool:
    """Whether ``component`` is spaCy's lemmatizer in rule mode (the English models' one)."""
    from spacy.pipeline import Lemmatizer

    return isinstance(component, Lemmatizer) and component.mode == "rule"
