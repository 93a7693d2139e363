"""Quotes versus other attributed contents (issue 17): every quote once, with its real content
and speaker; accusations, threats, demands, stances and outlet reports kept apart.

Every text here was written for these tests.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import duckdb

from eventwire import Pipeline
from eventwire.evaluate import quotes as quote_eval
from eventwire.ingest import build_article
from eventwire.models import Analysis, Mention, Quote, Section, Span
from eventwire.render import analysis_summary
from eventwire.store.database import Store
from eventwire.store.rows import article_rows

PUBLISHED = dt.date(2024, 3, 4)


def analyse(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline.analyze_text(text, published=PUBLISHED)


def texts(quotes: list[Quote]) -> list[str]:
    return [q.text for q in quotes]


def find(quotes: list[Quote], start: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(start)]
    assert found, f"nothing starts with {start!r}: {texts(quotes)}"
    return found[0]


# ---------------------------------------------------------------- speech and the acts it performs
def test_objects_of_accusations_threats_and_demands_are_no_quotes(pipeline: Pipeline) -> None:
    text = (
        "Fighting resumes near the dam\n\n"
        "The interior ministry accused the rebels of shelling the central market on Sunday.\n\n"
        "The rebels threatened to retake the airport within a week.\n\n"
        "The United Nations urged both sides to reopen the road to the hospital.\n\n"
        "The governor warned that the dam could burst if the shelling went on.\n\n"
        "Aid groups called for an immediate ceasefire around the dam."
    )
    analysis = analyse(pipeline, text)
    assert analysis.quotes == []
    kinds = {q.text: q.kind for q in analysis.attributions}
    assert kinds["the rebels of shelling the central market on Sunday"] == "accusation"
    assert kinds["to retake the airport within a week"] == "threat"
    assert kinds["both sides to reopen the road to the hospital"] == "demand"
    assert find(analysis.attributions, "that the dam could burst").kind == "threat"
    charged = analyse(pipeline, "Dam talks fail\n\nThe governor charged that the rebels had mined the dam.")
    assert charged.quotes == []
    assert find(charged.attributions, "that the rebels had mined").kind == "accusation"
    assert find(analysis.attributions, "an immediate ceasefire").kind == "demand"
    accused = find(analysis.attributions, "the rebels of shelling")
    assert accused.speaker is not None and accused.speaker.text == "The interior ministry"


def test_a_quotation_inside_an_accusation_is_still_a_quote(pipeline: Pipeline) -> None:
    text = (
        "Senator attacks minister\n\n"
        'Senator Ruth Okoye accused the minister of "lying to parliament about the port contracts" '
        "during a heated session on Tuesday."
    )
    analysis = analyse(pipeline, text)
    (quote,) = analysis.quotes
    assert quote.text == "lying to parliament about the port contracts" and quote.direct
    assert quote.speaker is not None and quote.speaker.text == "Senator Ruth Okoye"
    assert quote.cue is not None and quote.cue.text == "accused"
    assert find(analysis.attributions, "the minister of").kind == "accusation"


def test_statements_stay_quotes_positions_and_topics_do_not(pipeline: Pipeline) -> None:
    text = (
        "Harbor plan divides the town\n\n"
        "The fishermen's union said the new levy will drive small boats out of business.\n\n"
        "The mayor promised to rebuild the pier before the summer.\n\n"
        "The harbor master told the crews to stay in port until Friday.\n\n"
        "Council members discussed the budget with the governor on Monday.\n\n"
        "Asked whether the pier would reopen, the mayor did not say when the work would start."
    )
    analysis = analyse(pipeline, text)
    assert texts(analysis.quotes) == ["the new levy will drive small boats out of business"]
    assert find(analysis.attributions, "to rebuild the pier").kind == "stance"
    assert find(analysis.attributions, "to stay in port").kind == "demand"  # told the crews to
    assert find(analysis.attributions, "the budget").kind == "topic"
    assert find(analysis.attributions, "whether the pier would reopen").kind == "topic"
    assert find(analysis.attributions, "when the work would start").kind == "topic"


def test_a_belief_or_finding_the_outlet_narrates_is_no_quote(pipeline: Pipeline) -> None:
    text = (
        "Harbor plan divides the town\n\n"
        "Many fishermen doubt that the new levy will ever be lifted.\n\n"
        "The storm last winter showed that the old pier could not protect the boats.\n\n"
        "The harbor master said he believed the pier would be rebuilt by June."
    )
    analysis = analyse(pipeline, text)
    assert texts(analysis.quotes) == ["he believed the pier would be rebuilt by June"]
    assert find(analysis.attributions, "that the new levy").kind == "stance"
    assert find(analysis.attributions, "that the old pier").kind == "stance"


def test_a_report_cue_without_an_object_reports_nothing(pipeline: Pipeline) -> None:
    text = (
        "Flooding in the delta\n\n"
        "Village chiefs reported heavy damage to the rice fields.\n\n"
        "Maria Lopez reports for the Delta Herald from the flooded district.\n\n"
        "Some 40 residents were reported to have drowned near the river mouth."
    )
    analysis = analyse(pipeline, text)
    assert texts(analysis.quotes) == ["heavy damage to the rice fields"]
    assert find(analysis.attributions, "for the Delta Herald").kind == "topic"
    assert find(analysis.attributions, "to have drowned").kind == "stance"


def test_a_name_split_from_its_clause_by_the_cue_is_no_quote_of_its_own(pipeline: Pipeline) -> None:
    text = (
        "Treaty talks stall\n\n"
        "Lisbon, the minister said, would not accept any further delay to the treaty.\n\n"
        "As part of the review, she added, a new committee will meet in June."
    )
    analysis = analyse(pipeline, text)
    assert texts(analysis.quotes) == [
        "would not accept any further delay to the treaty",
        "a new committee will meet in June",
    ]


# ---------------------------------------------------------------- outlets
def test_what_an_outlet_states_in_its_own_voice_is_not_a_quote(pipeline: Pipeline) -> None:
    text = (
        "Port shelled overnight\n\n"
        "Militants shelled the port overnight and sank two cargo ships, Reuters reported, adding that "
        "the harbor would stay closed for a week.\n\n"
        "State media said the president had signed the emergency decree.\n\n"
        "“We have lost everything,” a dock worker told Reuters."
    )
    analysis = analyse(pipeline, text)
    assert texts(analysis.quotes) == ["We have lost everything"]
    assert all(q.speaker is not None for q in analysis.quotes)
    shelled = find(analysis.attributions, "Militants shelled the port")
    assert shelled.kind == "report" and shelled.speaker is None and shelled.reported_by == "Reuters"
    assert shelled.text.endswith("sank two cargo ships")  # ", Reuters reported" is not part of it
    adding = find(analysis.attributions, "that the harbor would stay closed")
    assert adding.kind == "report" and adding.reported_by == "Reuters"
    state_media = find(analysis.attributions, "the president had signed")
    assert state_media.kind == "report"
    assert [c.name for c in analysis.cited_sources] == ["Reuters"]


def test_a_claim_in_a_relative_clause_gives_no_quote_of_the_relative_word(pipeline: Pipeline) -> None:
    text = (
        "Strikes near the border\n\n"
        "Warplanes struck what the army said were rocket launchers near the border on Sunday."
    )
    analysis = analyse(pipeline, text)
    contents = texts(analysis.quotes) + texts(analysis.attributions)
    assert "what" not in contents
    assert all(not re.fullmatch(r"\W*what\W*", c) for c in contents)


# ---------------------------------------------------------------- one quote per stated content
def test_a_quoted_phrase_inside_a_reported_clause_is_one_quote(pipeline: Pipeline) -> None:
    text = (
        "Ministers meet in Ankara\n\n"
        'Foreign Minister Leyla Demir said there is "no winner in war, and no loser in peace."\n\n'
        'The defence ministry said it had "carried out a precision strike on a command post."\n\n'
        'The envoy said the talks had been "difficult" but would resume on Monday.'
    )
    analysis = analyse(pipeline, text)
    assert texts(analysis.quotes) == [
        "no winner in war, and no loser in peace.",
        "carried out a precision strike on a command post.",
        'the talks had been "difficult" but would resume on Monday',
    ]
    assert [q.direct for q in analysis.quotes] == [True, True, False]
    assert [q.speaker.text for q in analysis.quotes if q.speaker] == [
        "Foreign Minister Leyla Demir", "The defence ministry", "The envoy",
    ]  # fmt: skip


def test_a_reported_clause_with_quoted_words_in_it_is_one_quote(pipeline: Pipeline) -> None:
    # one entry per statement: the quoted phrase is part of the clause that reports it
    text = (
        "Cartels and the border\n\n"
        'The senators wrote that the cartels pose a "dangerous threat" to the country, and that police '
        'were engaged in "routine operations" along the border.\n\n'
        'Governor Ana Reyes said the floods had left her "deeply shaken."'
    )
    analysis = analyse(pipeline, text)
    assert texts(analysis.quotes) == [
        'that the cartels pose a "dangerous threat" to the country, and that police were engaged in '
        '"routine operations" along the border',
        'the floods had left her "deeply shaken',
    ]
    assert [q.direct for q in analysis.quotes] == [False, False]
    assert [q.speaker.text for q in analysis.quotes if q.speaker] == ["The senators", "Governor Ana Reyes"]


def test_an_act_told_in_the_quoted_words_of_a_reported_clause_is_told_in_the_clause(
    pipeline: Pipeline,
) -> None:
    # the event stages read the quoted words as the speaker's direct quote (the trigger
    # model's and the scorer's "in a quote"); only the output folds them into the clause
    text = (
        "Border tensions\n\n"
        'The interior minister said the smugglers had "attacked our border guards with rifles" on Sunday.'
    )
    folded = analyse(pipeline, text)
    unfolded = analyse(Pipeline(replace(pipeline.config, fold_quotations=False)), text)
    assert texts(folded.quotes) == ['the smugglers had "attacked our border guards with rifles" on Sunday']
    assert texts(unfolded.quotes) == [*texts(folded.quotes), "attacked our border guards with rifles"]
    [event], [before] = folded.events, unfolded.events
    assert (event.type, event.trigger.text, event.confidence) == (
        before.type,
        before.trigger.text,
        before.confidence,
    )
    assert (before.quote, event.quote) == (1, 0)  # the clause's quote, the quotation being part of it


def test_what_a_cue_calls_a_stated_clause_in_quotation_marks_is_part_of_it(pipeline: Pipeline) -> None:
    text = (
        "Journalists detained\n\n"
        'The foreign minister called it "deeply troubling" that the two reporters had been held for a '
        "week without charge."
    )
    quotes = analyse(pipeline, text).quotes
    assert texts(quotes) == [
        'it "deeply troubling" that the two reporters had been held for a week without charge'
    ]
    assert [q.direct for q in quotes] == [False]
    assert {q.speaker.text for q in quotes if q.speaker} == {"The foreign minister"}


def test_a_clause_and_a_quotation_that_only_modifies_it(pipeline: Pipeline) -> None:
    text = (
        "Clashes at the crossing\n\n"
        "The interior ministry said dozens of migrants were hurt in the crush at the gate, and said its "
        'officers fired into the air "in a way that kept everyone safe."'
    )
    quotes = analyse(pipeline, text).quotes
    assert texts(quotes) == [
        "dozens of migrants were hurt in the crush at the gate",  # ", and said ..." is a second statement
        "its officers fired into the air",
        "in a way that kept everyone safe.",
    ]
    assert {q.speaker.text for q in quotes if q.speaker} == {"The interior ministry"}


def test_a_clause_and_a_quotation_of_its_own_are_two_quotes(pipeline: Pipeline) -> None:
    text = (
        "Clashes in the north\n\n"
        'President Marko Ilic said the gunmen were local farmers "who no longer want to live under '
        'this government."'
    )
    analysis = analyse(pipeline, text)
    assert texts(analysis.quotes) == [
        "the gunmen were local farmers",
        "who no longer want to live under this government.",
    ]
    assert {q.speaker.text for q in analysis.quotes if q.speaker} == {"President Marko Ilic"}


def test_a_statement_repeated_word_for_word_is_one_quote(pipeline: Pipeline) -> None:
    lede = "The dockworkers' union ended its strike on Monday after a deal on wages, the ministry said."
    analysis = analyse(pipeline, f"Port strike ends\n\n{lede}\n\n{lede}\n\nShips left the port at dawn.")
    assert texts(analysis.quotes) == [
        "The dockworkers' union ended its strike on Monday after a deal on wages"
    ]


def test_a_headline_quote_repeated_in_the_body_is_one_quote(pipeline: Pipeline) -> None:
    text = (
        "‘We will not raise taxes’, Haddad says\n\n"
        "Finance Minister Omar Haddad told parliament on Tuesday: “We will not raise taxes.”"
    )
    analysis = analyse(pipeline, text)
    assert texts(analysis.quotes) == ["We will not raise taxes."]
    assert analysis.quotes[0].section is Section.BODY


def test_what_the_writer_adds_after_a_reported_clause_is_cut(pipeline: Pipeline) -> None:
    text = (
        "Election dispute\n\n"
        "The electoral council declared that the president had won, even though exit polls "
        "showed the opposition ahead.\n\n"
        "Lawmakers wrote that the border posed a serious risk, adding that troops were needed.\n\n"
        "The militia said nowhere in the city would be safe, after the army announced it had "
        "approved an offensive."
    )
    analysis = analyse(pipeline, text)
    assert texts(analysis.quotes) == [
        "that the president had won",
        "that the border posed a serious risk",
        "that troops were needed",
        "nowhere in the city would be safe",
        "it had approved an offensive",  # the army's own statement
    ]
    adding = find(analysis.quotes, "that troops were needed")
    assert adding.speaker is not None and adding.speaker.text == "Lawmakers"


def test_reference_article_has_its_quotes_once_and_no_accusations(
    pipeline: Pipeline, reference_text: str
) -> None:
    analysis = pipeline.analyze_text(reference_text, published=dt.date(2015, 7, 1))
    assert len(analysis.quotes) == 5 and all(q.direct for q in analysis.quotes)
    assert all(q.speaker is not None for q in analysis.quotes)
    assert len({q.text for q in analysis.quotes}) == len(analysis.quotes)
    for quote in analysis.quotes:
        assert not quote.text.startswith(("Hamas of", "to drive it out", "the two groups of"))
    objects = {q.text: q.kind for q in analysis.attributions}
    assert objects["Hamas of being insufficiently strict about observing the laws of Islam"] == "accusation"
    assert objects["to drive it out of the region"] == "threat"
    assert objects["the two groups of working together"] == "accusation"
    assert not any(q.speaker is None and q.reported_by for q in analysis.quotes)
    summary = analysis_summary(analysis)
    assert summary.count("   quote ") == 5 and "5 quotes" in summary


# ---------------------------------------------------------------- records, store and scorer
def _with_attribution() -> Analysis:
    text = "Rebels accused the army of shelling the town, officials said."
    article = build_article(text, "kinds.txt", {"id": "kinds-1"})
    analysis = Analysis(article)
    content = "the army of shelling the town"
    at = text.index(content)
    end = at + len(content)
    cue = Span("accused", 7, 14)
    analysis.attributions.append(
        Quote(content, at, end, False, Mention("Rebels", 0, 6), cue, kind="accusation")
    )
    return analysis


def test_output_record_and_store_keep_the_kind(tmp_path: Path) -> None:
    analysis = _with_attribution()
    record = analysis.to_dict()
    assert record["quotes"] == [] and record["attributions"][0]["kind"] == "accusation"
    rows = article_rows(analysis, dt.datetime(2024, 3, 4, 12))["quotes"]
    assert [(r["idx"], r["kind"]) for r in rows] == [(0, "accusation")]
    db = tmp_path / "kinds.duckdb"
    with Store(db) as store:
        store.write_batch([analysis])
        _, stored = store.query("SELECT kind, text FROM quotes")
    assert stored == [("accusation", "the army of shelling the town")]


def test_a_store_without_the_kind_column_is_upgraded(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with Store(db) as store:
        store.write_batch([_with_attribution()])
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE quotes DROP COLUMN kind")  # as written before the column
    con.close()
    with Store(db) as store:
        columns, rows = store.query("SELECT kind FROM quotes")
    assert columns == ["kind"] and rows == [("speech",)]


def test_polnear_scorer_counts_attributions_too() -> None:
    analysis = _with_attribution()
    tokens = quote_eval.Tokens(analysis.article.text)
    (item,) = quote_eval.predicted_items(analysis, tokens)
    assert item.speaker == "Rebels" and len(item.tokens) == 6


def test_a_speaker_the_parser_misses_is_read_off_the_surface(pipeline: Pipeline) -> None:
    text = (
        "Sanctions widen\n\n"
        "In Europe, Norway and Iceland, both outside the bloc, said they would join the sanctions.\n\n"
        "Hundreds of homes were destroyed in the fighting, aid workers and local officials say, "
        "though many families have returned."
    )
    analysis = analyse(pipeline, text)
    join = find(analysis.quotes, "they would join the sanctions")
    assert join.speaker is not None and "Iceland" in join.speaker.text
    homes = find(analysis.quotes, "Hundreds of homes were destroyed in the fighting")
    assert homes.text == "Hundreds of homes were destroyed in the fighting"
    assert homes.speaker is not None and homes.speaker.text == "aid workers and local officials"


def test_a_quotation_over_several_paragraphs_is_one_quote_per_paragraph(pipeline: Pipeline) -> None:
    text = (
        "Dam talks\n\n"
        "Engineers inspected the dam on Friday.\n\n"
        "“The wall has cracked in two places.\n\n"
        "“We cannot promise it will hold,” said chief engineer Paul Mensah."
    )
    analysis = analyse(pipeline, text)
    assert texts(analysis.quotes) == ["The wall has cracked in two places.", "We cannot promise it will hold"]
    assert {q.speaker.text for q in analysis.quotes if q.speaker} == {"chief engineer Paul Mensah"}


def test_the_speaker_s_next_act_is_not_part_of_what_was_said(pipeline: Pipeline) -> None:
    text = (
        "Inquiry demanded\n\n"
        'The opposition leader said the government had "failed completely" and called for an inquiry.'
    )
    analysis = analyse(pipeline, text)
    assert texts(analysis.quotes) == ['the government had "failed completely"']
    demand = find(analysis.attributions, "an inquiry")
    assert demand.kind == "demand"
    assert demand.speaker is not None and demand.speaker.text == "The opposition leader"
