"""Reported (indirect) quotes that are not statements: what a speaker called something,
an account nobody is named for, a cue that describes the antecedent of a relative clause,
and link lines of the page."""

from __future__ import annotations

import datetime as dt

from eventwire import Pipeline
from eventwire.ingest.layout import boilerplate_lines
from eventwire.models import Analysis

PUBLISHED = dt.date(2021, 3, 4)


def analyse(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline.analyze_text(text, published=PUBLISHED)


def quote_texts(analysis: Analysis) -> list[str]:
    return [q.text for q in analysis.quotes]


def test_what_a_speaker_called_something_is_the_quotation_alone(pipeline: Pipeline) -> None:
    text = (
        "Harbour workers stop loading ships\n\n"
        'The port authority described the walkout as a "reckless gamble with the town\'s jobs" '
        "in a statement on Monday.\n\n"
        'Union leader Marta Olsen called the decision "a betrayal of every docker" on Tuesday.'
    )
    quotes = quote_texts(analyse(pipeline, text))
    assert any(q.startswith("reckless gamble with the town's jobs") for q in quotes), quotes
    assert any(q.startswith("a betrayal of every docker") for q in quotes), quotes
    assert not any(q.startswith(("the walkout", "the decision")) for q in quotes), quotes


def test_a_report_nobody_is_named_for_is_no_quote(pipeline: Pipeline) -> None:
    text = (
        "Clashes near the northern dam\n\n"
        "Reports suggest that dozens of fighters crossed the river overnight.\n\n"
        "Villagers near the dam have fled to the hills, according to media reports.\n\n"
        "The provincial governor said that the dam itself had not been damaged."
    )
    analysis = analyse(pipeline, text)
    quotes = quote_texts(analysis)
    assert not any(q.startswith(("dozens of fighters", "that dozens", "Villagers")) for q in quotes), quotes
    assert any(
        q.text.startswith(("dozens", "that dozens")) and q.kind == "report" for q in analysis.attributions
    )
    assert any("dam itself had not been damaged" in q for q in quotes), quotes


def test_a_cue_in_a_relative_clause_does_not_take_the_main_clause(pipeline: Pipeline) -> None:
    text = (
        "Journalists held in the capital\n\n"
        "Lena Brandt, who writes for a weekly in Hamburg, told a news agency that the two "
        "reporters were being kept in a police cellar.\n\n"
        "The court was closed on Friday by order of the prime minister, who has declared a "
        "state of emergency."
    )
    quotes = quote_texts(analyse(pipeline, text))
    assert not any(q.startswith(("Lena Brandt", "told", "The court was closed")) for q in quotes), quotes
    assert any(q.endswith("were being kept in a police cellar") for q in quotes), quotes


def test_link_lines_give_no_quote_and_live_ammunition_is_no_label(pipeline: Pipeline) -> None:
    body = (
        "Police fired on the march in the city centre, witnesses said.\n\n"
        "Read also: Minister says talks with the union will resume next week\n\n"
        "Live ammunition was used against the crowd, a doctor at the main hospital said."
    )
    lines = [body[a:b] for a, b in boilerplate_lines(body, 0, len(body))]
    assert lines == ["Read also: Minister says talks with the union will resume next week"]
    quotes = quote_texts(analyse(pipeline, "Police fire on march\n\n" + body))
    assert not any("talks with the union" in q for q in quotes), quotes
    assert any(q.startswith("Live ammunition was used") for q in quotes), quotes
