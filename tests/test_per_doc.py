"""Values kept per Doc (eventwire.nlp.per_doc.PerDoc): each Doc answers with its own value,
whichever Doc was asked about last, and a value goes with its Doc."""

from __future__ import annotations

import gc

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventwire.nlp.per_doc import PerDoc


def test_each_doc_answers_with_its_own_value_whichever_was_asked_last() -> None:
    vocab = Vocab()
    first = Doc(vocab, words=["Troops", "shelled", "the", "town"])
    second = Doc(vocab, words=["Talks", "resumed"])
    kept: PerDoc[list[int]] = PerDoc()
    assert kept.get(first) is None and first not in kept
    kept[first] = [4]
    kept[second] = []  # an empty value is a value
    for doc, value in ((first, [4]), (second, []), (second, []), (first, [4]), (second, [])):
        assert kept.get(doc) == value
        assert doc in kept
    third = Doc(vocab, words=["Rebels", "withdrew"])
    assert kept.get(third) is None  # asked right after another Doc: not that one's value


def test_a_value_goes_with_its_doc() -> None:
    kept: PerDoc[str] = PerDoc()
    doc = Doc(Vocab(), words=["Police", "arrested", "two", "men"])
    kept[doc] = "read"
    assert kept.get(doc) == "read"
    del doc
    gc.collect()
    assert len(kept._kept) == 0
