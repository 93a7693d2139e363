"""One person, one id: short forms of a name joined to the full name (resolve/people.py)."""

from __future__ import annotations

import spacy

from eventwire import Pipeline
from eventwire.models import Analysis, Section
from eventwire.nlp.parse import SectionDoc
from eventwire.resolve.actors import ActorStage
from eventwire.resolve.mentions import Hit
from eventwire.resolve.people import name_words, surname_mentions, unify_people


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
