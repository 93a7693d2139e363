"""A time expression the recogniser ran on into its clause's verb keeps only the time (extract/entities.py)."""

import spacy
from spacy.tokens import Doc, Span

from eventwire.extract.entities import _time_only

VOCAB = spacy.blank("en").vocab


def date_span(words: list[str], tags: list[str], start: int, end: int) -> Span:
    doc = Doc(VOCAB, words=words, tags=tags)
    doc.ents = [Span(doc, start, end, label="DATE")]
    return doc.ents[0]


def test_a_date_run_on_into_the_verb_is_cut_before_it() -> None:
    words = ["The", "minister", "on", "Friday", "lifted", "a", "long", "ban", "."]
    tags = ["DT", "NN", "IN", "NNP", "VBD", "DT", "JJ", "NN", "."]
    span = _time_only(date_span(words, tags, 3, 7))  # "Friday lifted a long"
    assert span is not None and span.text == "Friday"


def test_a_date_with_no_verb_is_kept_whole() -> None:
    words = ["Troops", "left", "two", "weeks", "ago", "."]
    tags = ["NNS", "VBD", "CD", "NNS", "RB", "."]
    span = _time_only(date_span(words, tags, 2, 5))
    assert span is not None and span.text == "two weeks ago"


def test_a_span_that_opens_with_a_verb_is_no_time() -> None:
    words = ["Rebels", "fled", "yesterday", "."]
    tags = ["NNS", "VBD", "NN", "."]
    assert _time_only(date_span(words, tags, 1, 3)) is None
