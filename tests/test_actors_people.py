"""One person, one id: short forms of a name joined to the full name (resolve/people.py)."""

from __future__ import annotations

from dataclasses import replace

import spacy

from eventwire import Pipeline
from eventwire.models import Analysis, Section
from eventwire.nlp import load_model
from eventwire.nlp.parse import SectionDoc
from eventwire.resolve.actors import ActorStage, resolver_for
from eventwire.resolve.mentions import Hit
from eventwire.resolve.people import common_words, name_words, surname_mentions, unify_people


def ids_of(analysis: Analysis, text: str) -> set[str]:
    """Ids of the actors one of whose mentions is exactly ``text``."""
    return {a.id for a in analysis.actors if any(m.text == text for m in a.mentions)}


def person(name: str, start: int, known: bool = False) -> Hit:
    slug = name.lower().replace(" ", "-")
    return Hit(
        start, start + len(name), name, f"person:{slug}", name, "person", None, (), known, None, Section.BODY
    )


def test_name_words_drop_honorifics_titles_and_the_arabic_article() -> None:
    titles = frozenset({"president", "brigadier"})
    assert name_words("Mr al-Tamimi", titles) == ("tamimi",)
    assert name_words("Brigadier Tomas Ferreira Jr.", titles) == ("tomas", "ferreira")


def test_a_headline_surname_is_the_person_the_lede_names_in_full(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Okonjo rejects the vote count\n\n"
        "Opposition leader Daniel Okonjo said on Monday the count was rigged and called for a recount."
    )
    assert ids_of(analysis, "Okonjo") == {"person:daniel-okonjo"}


def test_a_title_case_common_word_is_no_person() -> None:
    """A headline's "Truce" the text writes in lower case ("the truce") is a word; a name the
    text never writes in lower case, or one introduced as a person, stays."""
    text = "Truce holds in the valley\n\nThe truce agreed by Okonjo held on Monday, Mr Hope said."
    truce = replace(person("Truce", 0), section=Section.TITLE, introduced=False)
    okonjo = replace(person("Okonjo", text.index("Okonjo")), introduced=False)
    hope = person("Hope", text.index("Hope"))
    kept = common_words([truce, okonjo, hope], text)
    assert [h.name for h in kept] == ["Okonjo", "Hope"]


def test_an_honorific_and_a_missing_middle_name_keep_one_id() -> None:
    hits = [person("Luis Alberto Ferreira", 0), person("Mr Ferreira", 50), person("Luis Ferreira", 90)]
    unify_people(hits, frozenset())
    assert {h.actor for h in hits} == {"person:luis-alberto-ferreira"}


def test_a_family_name_two_people_share_stays_apart() -> None:
    hits = [person("Anna Varga", 0), person("Peter Varga", 30), person("Varga", 60)]
    unify_people(hits, frozenset())
    assert [h.actor for h in hits] == ["person:anna-varga", "person:peter-varga", "person:varga"]


def test_a_family_name_ner_missed_is_the_person_named_in_full() -> None:
    """NER tags none of the words here (a blank pipeline): the family name alone is found by
    the full name named before, but not inside a longer name or an affix."""
    text = "The court held Zhelezny for a year. Crowds at Zhelezny Square chanted pro-Zhelezny slogans."
    section = SectionDoc(Section.BODY, spacy.blank("en")(text), 100)
    full = person("Viktor Zhelezny", 10)
    found = surname_mentions([section], [full], frozenset())
    assert [(h.start, h.actor, h.text) for h in found] == [
        (100 + text.index("Zhelezny"), full.actor, "Zhelezny")
    ]


def test_a_family_name_after_a_day_or_an_honorific_is_the_person(pipeline: Pipeline) -> None:
    """ "On Sunday Popescu", "Ms Zhelezny": a day or an honorific before a family name makes
    no longer name of it."""
    analysis = pipeline.analyze_text(
        "The electoral bureau barred Mircea Popescu from the race on Friday. "
        "On Sunday Popescu condemned the ban."
    )
    assert "person:mircea-popescu" in ids_of(analysis, "Popescu")
    text = "Prosecutors sought ten years for Ms Zhelezny."
    section = SectionDoc(Section.BODY, spacy.blank("en")(text), 100)
    full = person("Viktor Zhelezny", 10)
    found = surname_mentions([section], [full], frozenset())
    assert [(h.actor, h.text) for h in found] == [(full.actor, "Zhelezny")]


def test_a_family_name_inside_a_place_name_is_no_mention(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Mayor Carla Rivas opened the new bridge. Traffic crossed from Puerto Rivas within the hour."
    )
    assert "person:carla-rivas" not in ids_of(analysis, "Rivas")


def test_a_title_set_beside_a_name_is_that_person(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Police questioned Tomas Lindqvist, the regional governor, about the missing funds on Friday."
    )
    stage = next(s for s in pipeline.stages if isinstance(s, ActorStage))
    start = analysis.article.text.index("the regional governor")
    head = analysis.article.text.index("governor,")
    mention = stage.link(analysis, start, start + len("the regional governor"), head=head)
    assert mention.actor == "person:tomas-lindqvist"


def _link(pipeline: Pipeline, analysis: Analysis, phrase: str, occurrence: int = -1) -> str | None:
    """The actor the last (or given) occurrence of ``phrase`` links to, headed by its last word."""
    text = analysis.article.text
    starts = [i for i in range(len(text)) if text.startswith(phrase, i)]
    start = starts[occurrence]
    stage = next(s for s in pipeline.stages if isinstance(s, ActorStage))
    head = start + len(phrase) - len(phrase.split()[-1])
    return stage.link(analysis, start, start + len(phrase), head=head).actor


def test_a_title_given_in_apposition_earlier_is_who_the_title_refers_back_to(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Police questioned a nephew of Tomas Lindqvist, the northern governor whom prosecutors accuse "
        "of fraud, on Friday.\n\n"
        "Officials said the inquiry would take months.\n\n"
        "The governor was detained on Saturday at an airport near the border."
    )
    assert _link(pipeline, analysis, "The governor") == "person:tomas-lindqvist"


def test_a_title_phrase_ends_where_the_phrase_ends(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "President Marta Kowalczyk dissolved the assembly on Monday.\n\n"
        "Lawmakers said they would impeach the president.Mrs Kowalczyk denied wrongdoing."
    )
    assert _link(pipeline, analysis, "the president") == "person:marta-kowalczyk"  # not "president.Mrs"


def test_a_body_named_by_its_role_is_the_one_body_of_that_kind_named_before(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Washington imposed sanctions on two officials of the International Criminal Court on Wednesday.\n\n"
        "The officials had investigated alleged abuses by troops abroad.\n\n"
        "The tribunal condemned the sanctions as an attack on justice."
    )
    assert _link(pipeline, analysis, "The tribunal") == "icc"


def test_two_bodies_of_the_kind_leave_the_description_unresolved(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "The International Criminal Court and the International Court of Justice both received "
        "complaints from the two governments on Monday.\n\n"
        "The tribunal said it would study the filings."
    )
    assert _link(pipeline, analysis, "The tribunal") not in ("icc", "icj")


def test_the_judges_of_a_court_named_before_speak_for_the_court(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "The International Criminal Court opened a hearing on the charges in The Hague on Tuesday.\n\n"
        "The judges said the evidence justified a full trial."
    )
    assert _link(pipeline, analysis, "The judges") == "icc"


def test_a_name_ner_took_for_an_organisation_is_a_person_before_a_comma_and_who() -> None:
    """ "X (pictured above), who leads the party": only people are "who" after a comma, so
    "his" further on can find X; an organisation's word or no "who" keeps it a body."""
    finder = resolver_for((), "md").finder
    for text, size, person in [
        ("Kasonde Mwanza (pictured above), who leads the Liberal Alliance, was held.", 2, True),
        ("Kasonde Mwanza, whose party won two seats, was held.", 2, True),
        ("Kasonde Traders Union, who called the strike, met on Monday.", 3, False),
        ("Kasonde Mwanza, the trading house, was fined.", 2, False),
    ]:
        doc = load_model("md")(text)
        assert finder.relative_person(doc, 0, size) is person, text
