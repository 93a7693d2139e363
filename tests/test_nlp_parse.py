"""Selective parsing, the faster attribute ruler and the candidate-sentence test."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire import Pipeline
from eventwire.ingest import build_article
from eventwire.models import Analysis
from eventwire.nlp import CandidateFinder, SectionParser, load_candidate_finder, load_model
from eventwire.nlp.attribute_rules import FastAttributeRuler
from eventwire.nlp.candidates import inflections, read_terms
from eventwire.nlp.parse import sentence_starts

TEXT = (
    "Floods hit Dhaka\n\n"
    "Heavy rain fell over Dhaka for a third day on Monday. The river rose by two metres "
    "near the old port. Rebels attacked an army convoy near Goma on Sunday, killing four "
    "soldiers, the army said. The weather office in Dhaka expects more rain next week.\n\n"
    "“We will not stop until the government resigns,” said Ana Petrova, a student "
    "leader, in Sofia. Schools in the capital stayed closed. Markets reopened in the "
    "afternoon and traffic returned to the main roads of the city."
)


@pytest.fixture(scope="module")
def finder() -> CandidateFinder:
    return CandidateFinder(["attack", "say", "resign", "open fire"], {"say": ["said"]})


def _parse(parser: SectionParser) -> Analysis:
    analysis = Analysis(build_article(TEXT, "t", {"id": "t"}))
    analysis.article.language = "en"
    parser.parse([analysis])
    return analysis


def test_inflections_and_multiword_terms(finder: CandidateFinder) -> None:
    nlp = load_model("md")
    assert {"attacks", "attacked", "attacking"} <= inflections("attack")
    assert "carried" in inflections("carry") and "stopped" in inflections("stop")
    doc = nlp.make_doc("Soldiers opened fire on the crowd.")
    assert finder.is_candidate(doc[:])
    assert not finder.is_candidate(nlp.make_doc("The fire spread to the opera house.")[:])
    assert finder.is_candidate(nlp.make_doc("He said nothing.")[:])
    assert finder.is_candidate(nlp.make_doc("“Enough”, a banner read.")[:])


def test_lexicon_reading(tmp_path: Path) -> None:
    path = tmp_path / "cues.csv"
    path.write_text("# comment\ncue,kind\nsay,speech\naccording to,source\n", encoding="utf-8")
    assert read_terms(path) == ["say", "according to"]
    nlp = load_model("md")
    assert load_candidate_finder(nlp, [path, tmp_path / "missing.csv"]) is None
    assert load_candidate_finder(nlp, [path]) is not None


def test_sentence_starts_keep_quotes_with_their_sentence() -> None:
    doc = load_model("md").make_doc("He left. “We stay,” she said. Then rain!\n\nNo headline")
    sents = [
        doc[a:b].text.strip()
        for a, b in zip(sentence_starts(doc), [*sentence_starts(doc)[1:], len(doc)], strict=True)
    ]
    assert sents == ["He left.", "“We stay,” she said.", "Then rain!", "No headline"]


def test_selective_parse_keeps_the_section_doc_contract(finder: CandidateFinder) -> None:
    nlp = load_model("md")
    full = _parse(SectionParser(nlp, None))
    selective_parser = SectionParser(nlp, finder)
    selective = _parse(selective_parser)
    assert selective_parser.stats["parsed_tokens"] < selective_parser.stats["tokens"]
    text = selective.article.text
    for f, s in zip(full.docs, selective.docs, strict=True):
        assert (f.section, f.offset, f.doc.text) == (s.section, s.offset, s.doc.text)
        assert text[s.offset : s.offset + len(s.doc.text)] == s.doc.text
        assert [(e.start_char, e.end_char) for e in s.doc.ents]  # entities over the whole section
        assert {e.text for e in f.doc.ents} == {e.text for e in s.doc.ents}
        for sent in s.doc.sents:
            if finder.is_candidate(sent):
                assert all(t.dep_ and t.lemma_ and t.tag_ for t in sent if not t.is_space)
    body = next(d.doc for d in selective.docs if d.section.value == "body")
    said = next(t for t in body if t.text == "said")
    assert said.lemma_ == "say" and said.pos_ == "VERB" and said.dep_ == "ROOT"
    unparsed = next(s for s in body.sents if s.text.startswith("Markets"))
    assert all(t.dep_ == "" for t in unparsed)


def test_fast_attribute_ruler_equals_spacy() -> None:
    nlp = load_model("md")
    stock = nlp.get_pipe("attribute_ruler")
    fast = FastAttributeRuler(stock)
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        base = nlp(TEXT + " I ain't gonna say y'all ain't nothin'. There is a dog. Let's go.")
    a, b = stock(base.copy()), fast(base.copy())
    assert [(t.pos_, str(t.morph), t.lemma_) for t in a] == [(t.pos_, str(t.morph), t.lemma_) for t in b]


@pytest.mark.slow
def test_pipeline_runs_both_modes(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(TEXT)
    assert analysis.entities
    assert pipeline.config.selective_parse is True


def test_a_line_break_before_a_capital_ends_a_sentence() -> None:
    from eventwire.nlp import load_model
    from eventwire.nlp.parse import line_starts

    doc = load_model("md").make_doc(
        "Israel strikes Hezbollah sites along Lebanon border\nJERUSALEM (AP) - The army said."
    )
    starts = line_starts(doc)
    assert [doc[i].text for i in starts] == ["JERUSALEM", "The"]  # the dateline is a line of its own
    wrapped = load_model("md").make_doc("The army said it had\nwithdrawn from the town.")
    assert line_starts(wrapped) == []  # a wrapped line goes on in lower case


def test_a_dateline_ends_where_the_story_starts() -> None:
    from eventwire.nlp import load_model
    from eventwire.nlp.parse import dateline_end, line_starts

    nlp = load_model("md")
    doc = nlp.make_doc(
        "Gunmen kill 12 in raid\n\nBy Ana Ruiz\n\nKANO, Nigeria - Gunmen on motorcycles killed 12 villagers."
    )
    assert [doc[i].text for i in line_starts(doc)] == ["By", "KANO", "Gunmen"]
    agency = nlp.make_doc("DUBAI, May 21 (Wire) -- Iran warned its neighbours on Sunday.")
    assert agency[dateline_end(agency)].text == "Iran"
    assert dateline_end(nlp.make_doc("Iran warned its neighbours - and Israel - on Sunday.")) is None
    assert dateline_end(nlp.make_doc("Talks collapse\n\nNATO-Russia talks broke down on Monday.")) is None


def test_sentence_starts_from_arrays_on_spaces_quotes_and_brackets() -> None:
    """Read from the Doc's arrays as the token walk read them: a bracket after a double space
    follows a whitespace token (no space of its own after it), so the sentence starts at the
    word inside; a closing quote stays with its stop; a quote glued to the next word; blank
    lines; a Doc that ends on blank lines."""
    nlp = load_model("md")
    doc = nlp.make_doc(
        "Talks resume\n\nMediators met in Doha.  (The talks were closed.) “We are close,” he said."
        "Officials agreed.“Next week,” one said!\n\n\n4 rockets hit Sderot ...\n\n"
    )
    words = [doc[i].text for i in sentence_starts(doc)]
    assert words == ["Talks", "Mediators", "The", "“", "Officials", "“Next", "4"]
    assert sentence_starts(nlp.make_doc("")) == [0]
    assert sentence_starts(nlp.make_doc("\n\n")) == [0]


def test_candidate_test_on_string_ids_agrees_with_the_words(finder: CandidateFinder) -> None:
    """The selective parser tests sentences by their words' string ids; each answer is the
    word test's: a single word's form, a multi-word entry, a quotation mark, none of these."""
    nlp = load_model("md")
    sentences = [
        "Rebels attacked a convoy near the border.",  # a form of a single word
        "Soldiers opened fire on the crowd.",  # every word of "open fire"
        "The fire spread to the market.",  # one word of a multi-word entry only
        "“Enough,” a trader told us.",  # a quotation mark
        "Markets reopened in the afternoon.",  # nothing
        "The minister RESIGNED on Friday.",  # upper case: the test is on lower-cased words
    ]
    answers = []
    for text in sentences:
        doc = nlp.make_doc(text)
        ids = set(doc.to_array("LOWER").tolist())
        assert finder.is_candidate_ids(ids) == finder.is_candidate(doc[:])
        answers.append(finder.is_candidate_ids(ids))
    assert answers == [True, True, False, True, False, True]
