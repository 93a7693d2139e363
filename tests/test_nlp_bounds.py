"""Sentence and clause ranges read from the per-Doc index equal the token walks they replace;
the quote lexicon's head finder misses no token that heads a cue."""

from __future__ import annotations

import gc

from eventwire.extract.attribution import clause_bounds
from eventwire.extract.quote_lexicon import load_quote_lexicon
from eventwire.nlp.bounds import (
    clause_range,
    entity_end,
    entity_start,
    is_sent_start,
    line_breaks,
    sentence_range,
    span_text,
)
from eventwire.parallel import settle_heap
from eventwire.pipeline import Pipeline

STORY = (
    "Port workers strike over unpaid wages\n\n"
    "MOMBASA, Kenya - Hundreds of dock workers walked off the job on Tuesday, the union said,\n"
    "demanding three months of unpaid wages from the port authority.\n\n"
    '"We have families to feed," said Amina Odhiambo, a crane operator. According to the\n'
    "union, talks with the authority broke down last week after managers refused to meet.\n"
    "The transport minister told reporters the government would pay the arrears by Friday."
)


def _walk(doc, i: int) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The token walk that ``clause_range`` replaces: the sentence, cut at the nearest breaks."""
    sent = doc[i].sent
    low, high = sent.start, sent.end
    for j in range(i - 1, low - 1, -1):
        if "\n" in doc[j].text:
            low = j + 1
            break
    for j in range(i + 1, high):
        if "\n" in doc[j].text:
            high = j
            break
    return low, high


def test_ranges_equal_the_token_walks(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(STORY)
    for section_doc in analysis.docs:
        doc = section_doc.doc
        assert line_breaks(doc) == [t.i for t in doc if "\n" in t.text]
        for token in doc:
            assert sentence_range(doc, token.i) == (token.sent.start, token.sent.end)
            assert clause_range(doc, token.i) == _walk(doc, token.i) == clause_bounds(token)


def test_span_texts_and_sentence_starts_equal_spacy_s(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(STORY)
    for section_doc in analysis.docs:
        doc = section_doc.doc
        for i in range(len(doc)):
            assert is_sent_start(doc, i) is bool(doc[i].is_sent_start)
            assert span_text(doc, i, i) == doc[i:i].text == ""
            for size in (1, 2, 3, 7):
                if i + size <= len(doc):
                    assert span_text(doc, i, i + size) == doc[i : i + size].text


def test_a_break_inside_a_sentence_cuts_the_clause(pipeline: Pipeline) -> None:
    doc = next(d.doc for d in pipeline.analyze_text(STORY).docs if d.section.value == "body")
    said = next(t for t in doc if t.text == "said" and t.nbor(1).text == ",")
    low, high = clause_range(doc, said.i)
    assert doc[low:high].text == "Hundreds of dock workers walked off the job on Tuesday, the union said,"
    assert sentence_range(doc, said.i)[1] > high  # the parser ran on into "demanding ..."


def test_heads_hold_every_token_that_matches_a_cue(pipeline: Pipeline) -> None:
    lexicon = load_quote_lexicon()
    doc = next(d.doc for d in pipeline.analyze_text(STORY).docs if d.section.value == "body")
    heads = lexicon.heads(doc)
    assert heads == sorted(heads)
    matched = [t.i for t in doc if lexicon.match(t) is not None]
    assert set(matched) <= set(heads)
    assert {"said", "According", "told"} <= {doc[i].text for i in matched}
    assert all(lexicon.match(t) is None for t in doc if t.i not in set(heads))
    assert lexicon.heads(doc[0:0].as_doc()) == []


def test_settle_heap_keeps_what_is_alive_out_of_collections() -> None:
    kept = {"alive": [1, 2, 3]}
    try:
        settle_heap()
        assert gc.get_freeze_count() > 0
        assert kept["alive"] == [1, 2, 3]
    finally:
        gc.unfreeze()


def test_entity_bounds_are_the_recogniser_s_entities(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(STORY)
    for section_doc in analysis.docs:
        doc = section_doc.doc
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                assert entity_start(doc, i) == ent.start
                assert entity_start(doc, i, same_type=True) == ent.start
                assert entity_end(doc, i) == ent.end
        for token in doc:
            if not token.ent_type_:  # outside any entity: the token alone
                assert entity_start(doc, token.i) == token.i
                assert entity_end(doc, token.i) == token.i + 1
    body = next(d.doc for d in analysis.docs if d.section.value == "body")
    odhiambo = next(t for t in body if t.text == "Odhiambo")
    assert body[entity_start(body, odhiambo.i) : entity_end(body, odhiambo.i)].text == "Amina Odhiambo"
