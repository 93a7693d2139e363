"""Quotes and attribution: quotation marks, cues, speakers, outlets, and the PolNeAR scorer.

Every text here was written for these tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire import Pipeline
from eventwire.errors import ConfigError
from eventwire.evaluate import EvalOptions
from eventwire.evaluate import quotes as quote_eval
from eventwire.evaluate.polnear import load_split, read_ann
from eventwire.extract.quote_lexicon import load_outlet_names, load_quote_lexicon, name_key, read_cues
from eventwire.extract.quotes_direct import find_quoted, is_statement
from eventwire.ingest.layout import split_layout
from eventwire.models import Analysis, Quote, Section

PUBLISHED = dt.date(2015, 7, 1)


def analyse(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline.analyze_text(text, published=PUBLISHED)


def quote_starting(analysis: Analysis, start: str) -> Quote:
    found = [q for q in analysis.quotes if q.text.startswith(start)]
    assert found, f"no quote starts with {start!r}: {[q.text for q in analysis.quotes]}"
    return found[0]


def attribution_starting(analysis: Analysis, start: str) -> Quote:
    found = [q for q in analysis.attributions if q.text.startswith(start)]
    assert found, f"no attribution starts with {start!r}: {[q.text for q in analysis.attributions]}"
    return found[0]


def inner(text: str, single: bool = False) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted(text, single)]


# ---------------------------------------------------------------- quotation marks (no model)
def test_marks_pair_straight_curly_and_wire_double_apostrophes() -> None:
    assert inner('He said: "We will never surrender." Then he left.') == ["We will never surrender."]
    assert inner("“We will stay,” he said, “like a thorn.”") == ["We will stay", "like a thorn."]
    assert inner("''This isn't reform,'' she said.") == ["This isn't reform"]
    assert inner("It wasn’t the mayor’s car, and he isn''t sure.") == []


def test_nested_quotes_stay_inside_the_outer_quote() -> None:
    text = "“He told me ‘we will win’ before he left,” said Omar Khalid."
    assert inner(text) == ["He told me ‘we will win’ before he left"]


def test_quote_over_several_paragraphs() -> None:
    text = "“The water ran out on Monday.\n\n“Nobody came to help us,” said a farmer."
    (quoted,) = find_quoted(text)
    assert quoted.paragraphs == 2 and quoted.closed
    assert text[quoted.start : quoted.end].endswith("Nobody came to help us")


def test_excerpt_paragraph_in_straight_quotes_does_not_swallow_curly_quotes() -> None:
    text = '"The convoy left at dawn.\n\n“We are ready,” the driver said.'
    assert inner(text) == ["The convoy left at dawn.", "We are ready"]


def test_single_quotes_count_in_headlines_only() -> None:
    headline = "‘We will not retreat’, defence minister says"
    assert inner(headline, single=True) == ["We will not retreat"]
    assert inner(headline) == []


def test_scare_quotes_and_titles_are_not_statements() -> None:
    text = "The so-called “peace caravan” reached the border, where “Morning Report With Ana” filmed it."
    assert [is_statement(q, text) for q in find_quoted(text)] == [False, False]
    said = "“Never again,” she said."
    assert is_statement(find_quoted(said)[0], said, cued=True)


# ---------------------------------------------------------------- direct quotes in articles
def test_direct_quote_with_cue_after_and_speaker(pipeline: Pipeline) -> None:
    text = (
        "Floods closed schools across the province on Monday.\n\n"
        '"We will rebuild every school before winter," the provincial governor said on Monday.'
    )
    quote = quote_starting(analyse(pipeline, text), "We will rebuild every school")
    assert quote.direct and quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker is not None and quote.speaker.text == "the provincial governor"
    assert text[quote.start : quote.end] == quote.text


def test_split_quote_and_pronoun_speaker(pipeline: Pipeline) -> None:
    text = (
        "Interior Minister Lena Vogt visited the flooded district on Tuesday.\n\n"
        "“We will stay,” she said, “until the last family has a roof over its head.”"
    )
    analysis = analyse(pipeline, text)
    first = quote_starting(analysis, "We will stay")
    second = quote_starting(analysis, "until the last family")
    for quote in (first, second):
        assert quote.direct and quote.speaker is not None
        assert quote.speaker.text == "she"
        assert quote.speaker.actor is not None and "vogt" in quote.speaker.actor
    assert first.cue == second.cue


def test_cue_before_the_quote_and_multi_sentence_quote(pipeline: Pipeline) -> None:
    text = (
        "The talks collapsed late on Friday.\n\n"
        "A senior negotiator told reporters: “There is no deal. We are going home tomorrow.”"
    )
    quote = quote_starting(analyse(pipeline, text), "There is no deal")
    assert quote.text.endswith("going home tomorrow.")
    assert quote.speaker is not None and quote.speaker.text == "A senior negotiator"
    assert quote.cue is not None and quote.cue.text == "told"


def test_continuation_paragraph_and_following_quote_keep_the_speaker(pipeline: Pipeline) -> None:
    text = (
        "Rescue teams reached the village on Sunday.\n\n"
        "“The water came in the night and took everything.\n\n"
        "“We had nothing left by morning,” said Maria Okafor, a teacher. “Not even our shoes.”"
    )
    analysis = analyse(pipeline, text)
    first = quote_starting(analysis, "The water came in the night")  # one quote per paragraph
    assert first.text == "The water came in the night and took everything."
    assert first.speaker is not None and first.speaker.text == "Maria Okafor"
    second = quote_starting(analysis, "We had nothing left by morning")
    assert second.speaker is not None and second.cue == first.cue
    follow = quote_starting(analysis, "Not even our shoes")
    assert follow.speaker is not None and follow.speaker.text == "Maria Okafor"


def test_nested_quote_is_one_statement(pipeline: Pipeline) -> None:
    text = "Fighting resumed near the dam.\n\n“He told me ‘we will win’ before he left,” said Omar Khalid."
    analysis = analyse(pipeline, text)
    direct = [q for q in analysis.quotes if q.direct]
    assert [q.text for q in direct] == ["He told me ‘we will win’ before he left"]
    assert direct[0].speaker is not None and direct[0].speaker.text == "Omar Khalid"


def test_scare_quotes_give_no_quote(pipeline: Pipeline) -> None:
    text = "The so-called “peace caravan” reached the border on Tuesday after a week on the road."
    assert analyse(pipeline, text).quotes == []


def test_headline_quote_and_caption_never_mined(pipeline: Pipeline) -> None:
    headline = "‘We will not retreat’, defence minister says\n\nTroops dug in along the river on Wednesday."
    analysis = analyse(pipeline, headline)
    (quote,) = [q for q in analysis.quotes if q.section is Section.TITLE]
    assert quote.text == "We will not retreat" and quote.direct
    assert quote.speaker is not None and quote.speaker.text == "defence minister"
    captioned = (
        "Border-crossing-queue\n"
        "Trucks wait as a driver says “we have waited five days for nothing” at the border. Reuters/Jan Novak\n\n"
        "Hundreds of trucks queued at the crossing on Monday."
    )
    assert analyse(pipeline, captioned).quotes == []


# ---------------------------------------------------------------- reported speech
def test_said_that_and_said_without_that(pipeline: Pipeline) -> None:
    text = (
        "The health minister said that the border would reopen next week.\n\n"
        "Aid groups said the convoys were still waiting at the crossing."
    )
    analysis = analyse(pipeline, text)
    first = quote_starting(analysis, "that the border would reopen next week")
    assert not first.direct and first.speaker is not None and first.speaker.text == "The health minister"
    second = quote_starting(analysis, "the convoys were still waiting")
    assert second.speaker is not None and second.speaker.text == "Aid groups"


def test_according_to_and_trailing_cue(pipeline: Pipeline) -> None:
    text = (
        "According to the regional governor, three bridges were destroyed overnight.\n\n"
        "The river rose two metres in an hour, local officials said."
    )
    analysis = analyse(pipeline, text)
    according = quote_starting(analysis, "three bridges were destroyed overnight")
    assert according.speaker is not None and according.speaker.text == "the regional governor"
    assert according.cue is not None and according.cue.text == "According to"
    trailing = quote_starting(analysis, "The river rose two metres")
    assert trailing.speaker is not None and trailing.speaker.text == "local officials"


def test_accused_of_is_an_accusation_not_a_quote(pipeline: Pipeline) -> None:
    text = "The opposition accused the government of hiding the true cost of the dam."
    analysis = analyse(pipeline, text)
    assert analysis.quotes == []
    accusation = attribution_starting(analysis, "the government of hiding")
    assert accusation.kind == "accusation"
    assert accusation.cue is not None and accusation.cue.text == "accused"
    assert accusation.speaker is not None and accusation.speaker.text == "The opposition"


def test_stance_verbs_give_what_someone_supports_wants_or_hopes(pipeline: Pipeline) -> None:
    text = (
        "Most fishermen support the new harbor levy.\n\n"
        "The port authority wants the council to delay the vote until spring.\n\n"
        "Local traders hope to reopen the market before the holidays."
    )
    analysis = analyse(pipeline, text)
    assert analysis.quotes == []  # positions and intentions, not statements
    levy = attribution_starting(analysis, "the new harbor levy")
    assert levy.kind == "stance"
    assert levy.speaker is not None and levy.speaker.text == "Most fishermen"
    assert levy.cue is not None and levy.cue.text == "support"
    vote = attribution_starting(analysis, "the council to delay the vote")
    assert vote.speaker is not None and vote.speaker.text == "The port authority"
    market = attribution_starting(analysis, "to reopen the market")
    assert market.kind == "stance"
    assert market.speaker is not None and market.speaker.text == "Local traders"


def test_stance_inside_a_reported_clause_is_part_of_it(pipeline: Pipeline) -> None:
    text = "The senator said she would support the harbor levy next year."
    (quote,) = analyse(pipeline, text).quotes
    assert quote.text == "she would support the harbor levy next year"
    assert quote.speaker is not None and quote.speaker.text == "The senator"


def test_impression_without_a_speaker_is_no_quote(pipeline: Pipeline) -> None:
    text = "The ceasefire along the river appears to be holding after three days of talks."
    analysis = analyse(pipeline, text)
    assert analysis.quotes == []
    impression = attribution_starting(analysis, "The ceasefire along the river")
    assert "to be holding" in impression.text and impression.speaker is None
    assert impression.kind == "stance"
    assert impression.cue is not None and impression.cue.text == "appears"


def test_noun_cue_with_possessive_source(pipeline: Pipeline) -> None:
    text = "The governor's criticism of the budget cuts drew loud applause in the chamber."
    criticism = attribution_starting(analyse(pipeline, text), "the budget cuts")
    assert criticism.kind == "accusation"
    assert criticism.cue is not None and criticism.cue.text == "criticism"
    assert criticism.speaker is not None and criticism.speaker.text == "The governor's"


def test_according_to_covers_every_clause_of_its_sentence(pipeline: Pipeline) -> None:
    text = "According to the water ministry, two dams failed overnight and a third is leaking badly."
    quote = quote_starting(analyse(pipeline, text), "two dams failed overnight")
    assert quote.text.endswith("a third is leaking badly")
    assert quote.speaker is not None and quote.speaker.text == "the water ministry"


def test_reported_clause_ends_before_a_trailing_relative_clause(pipeline: Pipeline) -> None:
    text = "Officials said the grant went to the harbor school, which opened in March after a long delay."
    quote = quote_starting(analyse(pipeline, text), "the grant went to the harbor school")
    assert quote.text == "the grant went to the harbor school"


def test_poll_as_the_source_of_its_clause(pipeline: Pipeline) -> None:
    text = "In a university survey, the mayor led her main rival by nine points among older voters."
    finding = attribution_starting(analyse(pipeline, text), "the mayor led her main rival")
    assert finding.kind == "report"  # a publication's finding, not a statement
    assert finding.speaker is not None and finding.speaker.text == "a university survey"


def test_name_colon_line_is_that_name_s_statement(pipeline: Pipeline) -> None:
    text = (
        "Ruiz: The Harbor Bridge Will Reopen in May\n\n"
        "Mayor Ana Ruiz spoke to residents at the town hall on Monday evening."
    )
    quote = quote_starting(analyse(pipeline, text), "The Harbor Bridge Will Reopen in May")
    assert quote.speaker is not None and quote.speaker.text == "Ruiz"
    assert quote.cue is not None and quote.cue.text == ":"
    assert analyse(pipeline, "Note: the figures are provisional and may change.").quotes == []
    correction = "Correction: An earlier version of this article misstated when the bridge closed."
    assert analyse(pipeline, correction).quotes == []
    audit = "Mendez: The Audit Helped Reveal the Contract Scandal\n\nSenator Rosa Mendez spoke on Tuesday."
    quote = quote_starting(analyse(pipeline, audit), "The Audit Helped Reveal")  # a cue inside is hers
    assert quote.speaker is not None and quote.speaker.text == "Mendez"
    quoted = "Ruiz: “The bridge will reopen in May”\n\nMayor Ana Ruiz spoke to residents on Monday."
    (quote,) = [q for q in analyse(pipeline, quoted).quotes if q.text.startswith("The bridge")]
    assert quote.direct and quote.speaker is not None and quote.speaker.text == "Ruiz"


def test_a_cue_inside_a_relative_clause_reports_what_follows_it(pipeline: Pipeline) -> None:
    text = (
        "Shooting in the valley\n\n"
        "Later on Friday, border guards shot dead a farmer who, they said, was carrying weapons across "
        "the river."
    )
    (quote,) = analyse(pipeline, text).quotes  # not "Later on Friday, ... a farmer who"
    assert quote.text == "was carrying weapons across the river"
    assert quote.speaker is not None and quote.speaker.text == "they"


def test_content_before_its_cue_is_all_what_was_said(pipeline: Pipeline) -> None:
    text = (
        "Raid on the camp\n\n"
        "Soldiers were chasing the gunmen, most of whom had fled into the forest, the army spokesman said.\n\n"
        "The gunmen had planned to burn the granary and then loot the school, according to the army "
        "spokesman, Colonel Idris Bako.\n\n"
        "Three smuggling boats were attacked by the coast guard, which sank two of them, according to "
        "Lieutenant Amara Sesay."
    )
    analysis = analyse(pipeline, text)
    assert (
        [q.text for q in analysis.quotes]
        == [
            "Soldiers were chasing the gunmen, most of whom had fled into the forest",
            "The gunmen had planned to burn the granary and then loot the school",  # the name is the source's
            "Three smuggling boats were attacked by the coast guard, which sank two of them",  # not a relayed report
        ]
    )
    assert [q.speaker.text for q in analysis.quotes if q.speaker] == [
        "the army spokesman", "the army spokesman", "Lieutenant Amara Sesay",
    ]  # fmt: skip


def test_a_noun_of_saying_and_a_description_with_as(pipeline: Pipeline) -> None:
    text = (
        "Curfew lifted\n\n"
        "The army chief appealed for calm and gave assurances that the army would protect polling "
        "stations.\n\n"
        "Ivan Petrov, the deputy defence minister, described the move as a tactical regrouping.\n\n"
        "Villagers near the front line voiced fears that the war will spread to the capital."
    )
    analysis = analyse(pipeline, text)
    assert [q.text for q in analysis.quotes] == [
        "that the army would protect polling stations",
        "the move as a tactical regrouping",
    ]
    fears = attribution_starting(analysis, "that the war will spread")
    assert fears.kind == "stance"  # a fear voiced is no statement


# ---------------------------------------------------------------- outlets
def test_told_reuters_makes_reuters_the_reporter(pipeline: Pipeline) -> None:
    text = "A senior army officer told Reuters that two battalions had left the city."
    analysis = analyse(pipeline, text)
    quote = quote_starting(analysis, "that two battalions had left")
    assert quote.speaker is not None and quote.speaker.text == "A senior army officer"
    assert quote.reported_by == "Reuters"
    assert [c.name for c in analysis.cited_sources] == ["Reuters"]


def test_outlet_that_reports_is_never_the_speaker(pipeline: Pipeline) -> None:
    text = (
        "The New York Times published a long report on the camps on Sunday.\n\n"
        "Guards beat detainees in at least two camps, the Times reported.\n\n"
        "“Nobody was allowed to leave,” a former guard said, according to the Times."
    )
    analysis = analyse(pipeline, text)
    assert not any(q.text.startswith("Guards beat detainees") for q in analysis.quotes)
    report = attribution_starting(analysis, "Guards beat detainees")  # the Times' own account
    assert report.kind == "report"
    assert report.speaker is None and report.reported_by == "The New York Times"
    guard = quote_starting(analysis, "Nobody was allowed to leave")
    assert guard.speaker is not None and guard.speaker.text == "a former guard"
    assert guard.reported_by == "The New York Times"
    assert [c.name for c in analysis.cited_sources] == ["The New York Times"]


def test_quoted_as_saying(pipeline: Pipeline) -> None:
    text = "Reuters quoted the port director, Ahmed Saleh, as saying that the cranes were back in service."
    quote = quote_starting(analyse(pipeline, text), "that the cranes were back in service")
    assert quote.reported_by == "Reuters"
    assert quote.speaker is not None and quote.speaker.text == "the port director"
    assert quote.speaker.actor is not None and "saleh" in quote.speaker.actor


def test_reportedly_takes_the_outlet_cited_last(pipeline: Pipeline) -> None:
    text = (
        "The militia has seized two oil fields, Reuters reported.\n\n"
        "“We will hold them,” a militia commander reportedly said in a video."
    )
    quote = quote_starting(analyse(pipeline, text), "We will hold them")
    assert quote.reported_by == "Reuters" and quote.speaker is not None


def test_an_outlet_named_news_reports_and_a_dateline_with_a_colon_is_no_speaker(pipeline: Pipeline) -> None:
    text = (
        "KARACHI: Traders in the port city called off their strike on Wednesday after talks with the "
        "provincial government, Harbour News reported.\n\n"
        "The traders' association said losses had run into billions of rupees."
    )
    analysis = analyse(pipeline, text)
    assert [q.text for q in analysis.quotes] == ["losses had run into billions of rupees"]
    report = attribution_starting(analysis, "Traders in the port city")  # past the dateline
    assert report.kind == "report" and report.speaker is None and report.reported_by == "Harbour News"
    assert [c.name for c in analysis.cited_sources] == ["Harbour News"]


# ---------------------------------------------------------------- the reference article
EXPECTED = [
    ("We will uproot the state of the Jews", "a masked ISIS militant", "Reuters"),
    ("The rule of sharia", "a masked ISIS militant", "Reuters"),
    ("We will stay like a thorn", "a spokesman for groups supporting ISIS", "The New York Times"),
    ("There is cooperation between them", "Israel Katz", "Reuters"),
    ("At the same time, within Gaza", "Israel Katz", "Reuters"),
]


def test_reference_article_quotes(pipeline: Pipeline, reference_text: str) -> None:
    analysis = analyse(pipeline, reference_text)
    for start, speaker, outlet in EXPECTED:
        quote = quote_starting(analysis, start)
        assert quote.direct
        assert quote.speaker is not None and quote.speaker.text == speaker
        assert quote.reported_by == outlet
    assert quote_starting(analysis, "There is cooperation").speaker.actor == "person:israel-katz"  # type: ignore[union-attr]
    assert [c.name for c in analysis.cited_sources] == ["Reuters", "The New York Times"]
    for quote in analysis.quotes:
        assert quote.section is Section.BODY
        assert quote.speaker is None or quote.speaker.text not in (
            "Reuters",
            "the New York Times",
            "the Times",
        )


# ---------------------------------------------------------------- data files
def test_cue_lexicon_errors_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "cues.csv"
    path.write_text("cue,pos,frame,kind\nsay,VERB,say,speech\nmutter,VERB,whisper,speech\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"cues.csv:3: frame 'whisper'"):
        read_cues(path)
    path.write_text("word,pos\nsay,VERB\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="header"):
        read_cues(path)


def test_a_noun_row_does_not_replace_the_verb_row_of_the_same_word(tmp_path: Path) -> None:
    path = tmp_path / "cues.csv"
    path.write_text("cue,pos,frame,kind\nbacking,NOUN,noun,stance\n", encoding="utf-8")
    lexicon = load_quote_lexicon((path,))
    support = {c.pos for c in lexicon.by_head["support"]}
    assert support == {"VERB", "NOUN"}
    assert "backing" in lexicon.by_head


def test_outlet_names_from_organizations_file(tmp_path: Path) -> None:
    path = tmp_path / "organizations.csv"
    path.write_text(
        "id,name,aliases,kind,country,sector,wikidata\n"
        "daily_star,The Daily Star,the Star|Daily Star,media,BGD,MED,\n"
        "army,Bangladesh Army,,military,BGD,MIL,\n",
        encoding="utf-8",
    )
    names = load_outlet_names(path)
    assert names[name_key("the Star")] == "The Daily Star"
    assert name_key("Bangladesh Army") not in names
    assert load_outlet_names(tmp_path / "absent.csv") == {}


# ---------------------------------------------------------------- PolNeAR scorer
POLNEAR_TEXT = (
    "Mayor Backs Harbor Plan\n\n"
    "The mayor said the harbor plan would create 400 jobs. “It is a good day for the city,” she added.\n"
)


def _write_polnear(root: Path, text: str = POLNEAR_TEXT) -> None:
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir(parents=True)
    (root / "dev" / "text" / "mayor-harbor.txt").write_text(text, encoding="utf-8")

    def span(needle: str) -> str:
        at = text.index(needle)
        return f"{at} {at + len(needle)}"

    ann = (
        f"T1\tSource {span('The mayor')}\tThe mayor\n"
        f"T2\tCue {span('said')}\tsaid\n"
        f"T3\tContent {span('the harbor plan would create 400 jobs')}\tx\n"
        f"T4\tAttribution {span('said')}\tsaid\n"
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
        f"T5\tSource {span('she')}\tshe\n"
        f"T6\tCue {span('added')}\tadded\n"
        f"T7\tContent {span('“It is a good day for the city,”')}\tx\n"
        f"T8\tAttribution {span('added')}\tadded\n"
        "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"
    )
    (root / "dev" / "attributions" / "mayor-harbor_b2c3.ann").write_text(ann, encoding="utf-8")
    (root / "dev" / "attributions" / "mayor-harbor_a1f0.ann").write_text(ann.split("T5")[0], encoding="utf-8")


def test_polnear_reader_picks_one_annotator(tmp_path: Path) -> None:
    _write_polnear(tmp_path)
    (article,) = load_split(tmp_path, "dev")
    assert article.annotator == "a1f0" and len(article.attributions) == 1
    both = read_ann(tmp_path / "dev" / "attributions" / "mayor-harbor_b2c3.ann")
    assert [len(a.source) for a in both] == [1, 1]


def test_token_matching_rule() -> None:
    tokens = quote_eval.Tokens("the harbor plan would create 400 jobs, she said")
    gold = quote_eval.Item(tokens.within(((0, 37),)), (), "gold")
    short = quote_eval.Item(tokens.within(((4, 37),)), (), "pred")  # 6 of 7 words
    half = quote_eval.Item(tokens.within(((23, 37),)), (), "pred")  # 3 of 7 words
    assert quote_eval.jaccard(short.tokens, gold.tokens) == pytest.approx(6 / 7)
    assert quote_eval.match([half, short], [gold], 0.5) == [(1, 0)]
    assert quote_eval.match([half], [gold], 0.5) == []
    assert quote_eval.offset_map("\ufeffab\r\nc") == [0, 0, 1, 2, 2, 3, 4]


def test_polnear_evaluation_end_to_end(tmp_path: Path) -> None:
    _write_polnear(tmp_path)
    (tmp_path / "dev" / "attributions" / "mayor-harbor_a1f0.ann").unlink()
    report = quote_eval.evaluate(tmp_path, EvalOptions(split="dev", errors=5))
    assert report.metrics["content"]["tp"] == 2 and report.metrics["content"]["fn"] == 0
    assert report.metrics["speaker_accuracy"] == 1.0
    assert "speaker accuracy" in report.text


def test_polnear_headline_that_reads_as_a_photo_credit_stays_in_the_body(tmp_path: Path) -> None:
    # A Title Case headline ending "A Harbor/Airport Plan." once read as a caption and an
    # "Agency/Name" photo credit, even with a title given, and the evaluation stopped there.
    # The credit pattern no longer takes a name word ending with a period, and a PolNeAR
    # document is read whole as its body in any case.
    body = POLNEAR_TEXT.removeprefix("Mayor Backs Harbor Plan")
    text = "Mayor Explains Her Vote For A Harbor/Airport Plan." + body
    assert split_layout(text, detect_headline=False).part("photo_credit") is None
    _write_polnear(tmp_path, text)
    (tmp_path / "dev" / "attributions" / "mayor-harbor_a1f0.ann").unlink()
    report = quote_eval.evaluate(tmp_path, EvalOptions(split="dev", errors=5))
    assert report.metrics["content"]["tp"] == 2 and report.metrics["content"]["fn"] == 0


def test_a_time_hung_on_the_speaker_is_no_part_of_the_speaker() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from eventwire.extract.speakers import phrase_range

    # "The Kenyan army on Friday said ...", parsed with "on Friday" on the noun
    words = ["The", "Kenyan", "army", "on", "Friday", "said", "it", "won", "."]
    heads = [2, 2, 5, 2, 3, 5, 7, 5, 5]
    deps = ["det", "amod", "nsubj", "prep", "pobj", "ROOT", "nsubj", "ccomp", "punct"]
    doc = Doc(
        Vocab(), words=words, heads=heads, deps=deps, ents=["O", "O", "O", "O", "B-DATE", "O", "O", "O", "O"]
    )
    assert doc[slice(*phrase_range(doc[2]))].text == "The Kenyan army"
    # "Thursday Blinken said ...": a date compound before the name
    words = ["Thursday", "Blinken", "said", "it", "failed"]
    doc = Doc(Vocab(), words=words, heads=[1, 2, 2, 4, 2], deps=["compound", "nsubj", "ROOT", "nsubj", "ccomp"],
              ents=["B-DATE", "B-PERSON", "O", "O", "O"])  # fmt: skip
    assert doc[slice(*phrase_range(doc[1]))].text == "Blinken"
    # a place after the speaker stays: "officials in Kabul"
    words = ["Officials", "in", "Kabul", "said"]
    doc = Doc(Vocab(), words=words, heads=[3, 0, 1, 3], deps=["nsubj", "prep", "pobj", "ROOT"],
              ents=["O", "O", "B-GPE", "O"])  # fmt: skip
    assert doc[slice(*phrase_range(doc[0]))].text == "Officials in Kabul"


def test_chanting_crowds_and_a_list_of_chants_are_quoted(pipeline: Pipeline) -> None:
    text = (
        "Farmers block the highway\n\n"
        'Farmers chanting "Down with the minister!" blocked the main highway on Monday.\n\n'
        'Police fired tear gas at students who were chanting "Justice", "Bread" and "Jobs".'
    )
    analysis = analyse(pipeline, text)
    chant = quote_starting(analysis, "Down with the minister")
    assert chant.speaker is not None and chant.speaker.text == "Farmers"
    chants = {q.text: q.speaker.text if q.speaker else None for q in analysis.quotes}
    assert {"Justice", "Bread", "Jobs"} <= set(chants), chants
    assert chants["Jobs"] == chants["Justice"] == "students", chants


def test_a_statement_speaks_for_whoever_issued_it(pipeline: Pipeline) -> None:
    text = (
        "The Kenyan government issued a statement on Monday after the clashes.\n\n"
        '"The border with Somalia will stay closed until further notice," the statement said.'
    )
    quote = quote_starting(analyse(pipeline, text), "The border with Somalia")
    assert quote.speaker is not None and quote.speaker.text == "the statement"
    assert quote.speaker.country == "KEN"


def test_a_statement_names_its_issuer(pipeline: Pipeline) -> None:
    text = (
        "Fighting spread to the north on Tuesday.\n\n"
        '"Our forces repelled the attack," an Ethiopian army statement said.'
    )
    quote = quote_starting(analyse(pipeline, text), "Our forces repelled")
    assert quote.speaker is not None and quote.speaker.country == "ETH"
