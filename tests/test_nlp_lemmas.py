"""The faster lemmatizer gives spaCy's lemmas."""

from __future__ import annotations

from eventwire.nlp import load_model
from eventwire.nlp.lemmas import FastLemmatizer

TEXT = (
    "Floods hit Dhaka\n\n"
    "Heavy rain fell over Dhaka for a third day on Monday. The ministers were meeting their "
    "counterparts; the talks broke down twice. Villagers fled burning houses, and the "
    "better-armed militias seized the hills. She's been arrested, isn't she? Officers are "
    "questioning the ministers again, the agency said."
)


def test_fast_lemmatizer_equals_spacy() -> None:
    nlp = load_model("md")
    stock = nlp.get_pipe("lemmatizer")
    fast = FastLemmatizer(stock)
    with nlp.select_pipes(disable=["lemmatizer", "ner"]):
        base = nlp(TEXT)
    a, b = stock(base.copy()), fast(base.copy())
    assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    assert {"meet", "minister", "flee", "seize", "question", "say"} <= {t.lemma_ for t in b}
    again = fast(base.copy())  # the second time from its cache
    assert [t.lemma_ for t in again] == [t.lemma_ for t in a]


def test_a_lemma_already_set_is_kept() -> None:
    nlp = load_model("md")
    fast = FastLemmatizer(nlp.get_pipe("lemmatizer"))
    with nlp.select_pipes(disable=["lemmatizer", "ner"]):
        doc = nlp("Floods hit Dhaka on Monday.")
    doc[0].lemma_ = "deluge"  # as the attribute ruler sets some
    assert [t.lemma_ for t in fast(doc)] == ["deluge", "hit", "Dhaka", "on", "Monday", "."]


def test_the_models_own_lemmatizer_is_left_as_it_was() -> None:
    stock = load_model("md").get_pipe("lemmatizer")
    FastLemmatizer(stock)
    assert all(isinstance(words, list) for words in stock.lookups.get_table("lemma_index").values())
