"""Reported (indirect) quotes that are not statements: what a speaker called something,
an account nobody is named for, a cue that describes the antecedent of a relative clause,
and link lines of the page; where a reported clause ends, and who speaks when an outlet
or another cue is near."""

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


def test_a_second_statement_joined_to_the_reported_clause_is_its_own(pipeline: Pipeline) -> None:
    text = (
        "Opposition rejects curfew\n\n"
        "The party leader said that the checkpoints should be removed and suggested that the "
        "protesters were being paid by rival factions.\n\n"
        "The mayor added that the floods were ruining the harvest and said the town would need "
        "help from the capital."
    )
    analysis = analyse(pipeline, text)
    assert quote_texts(analysis) == [
        "that the checkpoints should be removed",
        "that the protesters were being paid by rival factions",
        "that the floods were ruining the harvest",
        "the town would need help from the capital",
    ]
    assert [q.speaker.text for q in analysis.quotes if q.speaker] == [
        "The party leader", "The party leader", "The mayor", "The mayor",
    ]  # fmt: skip


def test_what_a_source_tells_of_is_its_statement_unless_another_speaks(pipeline: Pipeline) -> None:
    text = (
        "Troops to leave the valley\n\n"
        "According to the minister, the two sides had agreed to withdraw their troops from the valley.\n\n"
        "According to a police spokesman, the governor said the curfew would stay in place until Friday.\n\n"
        "According to a statement from the ministry, the governor condemned the attack on the convoy."
    )
    analysis = analyse(pipeline, text)
    agreed = [q for q in analysis.quotes if q.text.startswith("the two sides had agreed")]
    assert agreed and agreed[0].speaker is not None and agreed[0].speaker.text == "the minister"
    relayed = [q for q in analysis.attributions if q.text.startswith("the governor said")]
    assert relayed and relayed[0].kind == "report"  # the governor's words, passed on
    condemned = [q for q in analysis.attributions if q.text.startswith("the governor condemned")]
    assert condemned and condemned[0].kind == "report"  # the governor's act, not the statement's words


def test_a_named_speaker_an_outlet_describes_is_the_speaker(pipeline: Pipeline) -> None:
    text = (
        "Vote delayed\n\n"
        "Speaking from the capital, Al Jazeera's Maria Lopez said the vote had been delayed by a "
        "dispute over ballots.\n\n"
        "The Reuters news agency said the talks had collapsed late on Monday."
    )
    analysis = analyse(pipeline, text)
    (quote,) = analysis.quotes
    assert quote.text == "the vote had been delayed by a dispute over ballots"
    assert quote.speaker is not None and quote.speaker.text == "Al Jazeera's Maria Lopez"
    talks = [q for q in analysis.attributions if q.text.startswith("the talks had collapsed")]
    assert talks and talks[0].kind == "report" and talks[0].reported_by == "Reuters"


def test_a_that_clause_the_parser_hangs_on_an_adjunct_is_still_what_was_said(pipeline: Pipeline) -> None:
    text = (
        "Bridge tolls\n\n"
        "The governor has said from the start that he will ensure that the state pays for the bridge.\n\n"
        "The agency had said in a report that inspectors praised."
    )
    analysis = analyse(pipeline, text)
    quote = [q for q in analysis.quotes if q.text.startswith("that he will ensure")]
    assert quote and quote[0].text == "that he will ensure that the state pays for the bridge"
    assert quote[0].speaker is not None and quote[0].speaker.text == "The governor"
    assert not any("inspectors praised" in q.text for q in analysis.quotes)  # a relative clause


def test_a_subject_with_a_participle_and_the_tensed_verb_after_it_is_one_clause(pipeline: Pipeline) -> None:
    text = (
        "Ferry services resume\n\n"
        "Port officials say the passengers stranded at the harbour on Sunday boarded a relief vessel.\n\n"
        "The coastguard announced that 120 travellers held for hours at the pier would sail at dawn.\n\n"
        'A shipping analyst said the storm warning marked a "turning point" for the operator.'
    )
    analysis = analyse(pipeline, text)
    quotes = quote_texts(analysis)
    whole = [q for q in quotes if q.startswith("the passengers stranded") and q.endswith("a relief vessel")]
    assert whole, quotes
    assert any("would sail at dawn" in q for q in quotes), quotes
    assert any(q.startswith("the storm warning marked") for q in quotes), quotes


def test_a_statement_reported_inside_another_is_part_of_it(pipeline: Pipeline) -> None:
    text = (
        "Talks on the river dispute\n\n"
        "The ministry said the envoy had told his hosts that the talks had stalled.\n\n"
        "According to the agency, officials told the mayor that the bridge was shut."
    )
    analysis = analyse(pipeline, text)
    quotes = quote_texts(analysis)
    assert any(q.startswith("the envoy had told his hosts") for q in quotes), quotes
    assert not any(q.startswith(("that the talks", "the talks had stalled")) for q in quotes), quotes
    # an outlet's report relays the officials' statement: theirs stays a quote
    assert any("the bridge was shut" in q for q in quotes), quotes


def test_what_a_clause_goes_on_to_say_stays_in_it(pipeline: Pipeline) -> None:
    text = (
        "Budget fight in the county\n\n"
        "The treasurer said the audit figures were even worse, showing the fund losing money "
        "every quarter.\n\n"
        "The mayor said the city must repair the bridge and hire more crews, but that she would "
        "not support a new toll on commuters.\n\n"
        "The councillor criticised his rival, Paula Gries, over the cuts.\n\n"
        "The union is touting its members' work to keep the buses running through the strike."
    )
    analysis = analyse(pipeline, text)
    contents = [q.text for q in [*analysis.quotes, *analysis.attributions]]
    # a participle that is no statement of the speaker's is part of what was said
    assert any(q.endswith("losing money every quarter") and q.startswith("the audit") for q in contents), (
        contents
    )
    assert not any(q.startswith("the fund losing") for q in contents), contents
    # "..., but that ..." is more of what was said, the stance inside it too
    assert any(q.startswith("the city must") and q.endswith("a new toll on commuters") for q in contents), (
        contents
    )
    assert not any(q.startswith("a new toll") for q in contents), contents
    # a name in apposition stays with what it names
    assert any(q.startswith("his rival, Paula Gries") for q in contents), contents
    # a "to" clause right after the object says what the object is for
    assert any(q.startswith("its members' work to keep the buses") for q in contents), contents
