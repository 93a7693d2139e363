"""Actor and place resolution of names: the longest country name wins, villages spaCy tags
as people are places, datelines are not actors, English display names, and title nouns
that are also town names ("Police", Poland). Texts written for the tests."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire import Pipeline
from eventwire.models import Analysis
from eventwire.resolve.actors import resolver_for

PUBLISHED = dt.date(2024, 6, 3)


def analyse(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline.analyze_text(text, PUBLISHED)


def actor_at(analysis: Analysis, name: str, nth: int = 0) -> str | None:
    """Id of the actor with a mention covering the ``nth`` occurrence of ``name``."""
    at = _offset(analysis.article.text, name, nth)
    for actor in analysis.actors:
        if any(s.start <= at < s.end for s in actor.mentions):
            return actor.id
    return None


def place_at(analysis: Analysis, name: str, nth: int = 0) -> str | None:
    """Id of the place with a mention covering the ``nth`` occurrence of ``name``."""
    at = _offset(analysis.article.text, name, nth)
    for place in analysis.places:
        if any(s.start <= at < s.end for s in place.mentions):
            return place.id
    return None


def _offset(text: str, name: str, nth: int) -> int:
    at = -1
    for _ in range(nth + 1):
        at = text.index(name, at + 1)
    return at + len(name) - 1  # the last character: "Congo" of "the Democratic Republic of the Congo"


# ------------------------------------------------------------------ longest country names
COUNTRY_SENTENCES = [
    (
        "The Democratic Republic of the Congo accused Rwanda on Monday of backing the M23 rebels "
        "who seized the town of Rubaya.",
        {"Democratic Republic of the Congo": "COD", "Rwanda": "RWA"},
    ),
    (
        "Troops from the Republic of the Congo crossed the Ubangi river into the Central African "
        "Republic, officials in Bangui said.",
        {"Republic of the Congo": "COG", "Central African Republic": "CAF"},
    ),
    (
        "South Sudan closed its northern border crossings with Sudan after fighting spread to the "
        "oil fields of Heglig.",
        {"South Sudan": "SSD", "with Sudan": "SDN"},
    ),
    (
        "North Korea fired two ballistic missiles into the sea off its east coast, the military of "
        "South Korea said on Thursday.",
        {"North Korea": "PRK", "South Korea": "KOR"},
    ),
    (
        "Papua New Guinea signed a policing and security agreement with Australia in Port Moresby "
        "on Thursday.",
        {"Papua New Guinea": "PNG"},
    ),
    (
        "Equatorial Guinea recalled its ambassador from Guinea-Bissau after a diplomatic row over "
        "a detained businessman.",
        {"Equatorial Guinea": "GNQ", "Guinea-Bissau": "GNB"},
    ),
    (
        "Niger closed its border with Nigeria after the coup, stranding hundreds of trucks at the "
        "crossing near Maradi.",
        {"Niger closed": "NER", "Nigeria": "NGA"},
    ),
    (
        "Armed men in the Central African Republic attacked a convoy of UN peacekeepers near the "
        "town of Bambari, the mission said.",
        {"Central African Republic": "CAF"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), COUNTRY_SENTENCES)
def test_longest_country_name_wins_for_actors_and_places(
    pipeline: Pipeline, text: str, expected: dict[str, str]
) -> None:
    analysis = analyse(pipeline, text)
    for phrase, iso3 in expected.items():
        name = phrase.removeprefix("with ").removesuffix(" closed")
        nth = 0
        if phrase.startswith("with "):  # the "Sudan" after "with", not the one in "South Sudan"
            nth = analysis.article.text[: analysis.article.text.index(phrase)].count(name)
        assert actor_at(analysis, name, nth) == f"country:{iso3}", (phrase, text)
        assert place_at(analysis, name, nth) == f"country:{iso3}", (phrase, text)


def test_short_name_after_a_longer_one_keeps_that_country(pipeline: Pipeline) -> None:
    analysis = analyse(
        pipeline,
        "The Democratic Republic of the Congo and Rwanda agreed to a two-week truce in eastern Congo. "
        "Congo's foreign minister said Kinshasa would respect it.",
    )
    assert actor_at(analysis, "Congo", 2) == "country:COD"  # "Congo's foreign minister"
    assert place_at(analysis, "Congo", 1) == "country:COD"  # "eastern Congo"
    # a country's own short name keeps meaning itself: Sudan after South Sudan
    sudan = analyse(pipeline, "South Sudan accused Sudan of bombing the border town, and Sudan denied it.")
    assert actor_at(sudan, "Sudan", 1) == actor_at(sudan, "Sudan", 2) == "country:SDN"


def test_bare_congo_is_the_drc_and_the_republic_keeps_its_own_names(pipeline: Pipeline) -> None:
    drc = analyse(pipeline, "Congo's army said it drove rebels out of two villages north of Goma.")
    assert actor_at(drc, "Congo") == "country:COD"  # AP style: "Congo" is the DRC
    republic = analyse(
        pipeline,
        "Troops from Congo-Brazzaville crossed the river on Monday. Congo Republic officials said "
        "the soldiers were chasing bandits.",
    )
    assert actor_at(republic, "Congo-Brazzaville") == actor_at(republic, "Congo Republic") == "country:COG"


# ------------------------------------------------------------------ villages tagged as people
def test_villages_named_in_a_list_are_places_not_people(pipeline: Pipeline) -> None:
    analysis = analyse(
        pipeline,
        "Israeli aircraft hit targets near the villages of Aita al-Shaab, Kfar Kila and Khiam in "
        "southern Lebanon on Sunday, and a woman was killed in a strike on a house in Khiam.",
    )
    people = {a.id for a in analysis.actors if a.kind == "person"}
    assert not people & {"person:aita-al-shaab", "person:kfar-kila", "person:khiam"}, people
    assert place_at(analysis, "Kfar Kila") == "geonames:272849"
    assert next(p for p in analysis.places if p.id == "geonames:272849").country == "LBN"


def test_capital_tagged_as_a_person_stands_for_its_country(pipeline: Pipeline) -> None:
    analysis = analyse(
        pipeline,
        "Armenia's foreign minister described the talks as constructive. His Azerbaijani "
        "counterpart said Baku was ready to sign a peace treaty within months.",
    )
    assert actor_at(analysis, "Baku") == "country:AZE"
    assert all(a.id != "person:baku" for a in analysis.actors)
    assert place_at(analysis, "Baku") == "geonames:587084"


def test_a_town_name_with_a_person_cue_stays_a_person(pipeline: Pipeline) -> None:
    analysis = analyse(
        pipeline,
        "Congolese police arrested 40 protesters in Kinshasa on Friday. Goma said the arrests were "
        "lawful, and Sheikh Bukavu called for calm.",
    )
    assert actor_at(analysis, "Goma") == "person:goma"
    assert actor_at(analysis, "Bukavu") == "person:bukavu"


def test_dateline_city_and_agency_are_not_actors(pipeline: Pipeline) -> None:
    analysis = analyse(
        pipeline,
        "CAIRO (AP) — Sudan's army said on Monday it had retaken a bridge in Khartoum from the "
        "Rapid Support Forces.",
    )
    assert actor_at(analysis, "CAIRO") is None
    assert actor_at(analysis, "AP") == "ap"  # a known agency, not Egypt
    assert place_at(analysis, "CAIRO") == "geonames:360630"


# ------------------------------------------------------------------ names and homonyms
def test_place_shows_the_english_name_the_article_uses(pipeline: Pipeline) -> None:
    analysis = analyse(
        pipeline,
        "An Israeli drone strike on Saturday killed two Hezbollah fighters near the town of "
        "Nabatieh, Lebanon's state news agency said.",
    )
    place = next(p for p in analysis.places if p.id == "geonames:278913")  # GeoNames: Nabatîyé et Tahta
    assert place.name == "Nabatieh"


def test_police_is_not_a_town_in_poland(pipeline: Pipeline) -> None:
    analysis = analyse(
        pipeline,
        "Police in Mali's capital Bamako fired tear gas on Tuesday to disperse thousands of teachers. "
        "Police blocked the march at a roundabout, witnesses said.",
    )
    assert all(a.country != "POL" for a in analysis.actors)
    assert all(p.country != "POL" for p in analysis.places)
    for event in analysis.events:
        assert event.place is None or event.place.country == "MLI", event
    hints = resolver_for((), "md").hints
    assert hints.country("Police") is None and hints.in_words(["Police", "blocked"]) is None
    assert hints.country("Bamako") == "MLI"


def test_world_capital_beats_a_small_namesake_at_home(pipeline: Pipeline) -> None:
    analysis = analyse(
        pipeline,
        "Senators in Ohio and Texas vowed on Tuesday to block the climate treaty that negotiators "
        "agreed in Copenhagen, and the governor of Texas said Paris had no say over Houston's refineries.",
    )
    assert place_at(analysis, "Copenhagen") == "geonames:2618425"  # Denmark, not Copenhagen, New York
    assert place_at(analysis, "Paris") == "geonames:2988507"  # France, not Paris, Texas
    assert place_at(analysis, "Houston") == "geonames:4699066"  # the big Texan city stays


def test_qualifier_does_not_turn_a_country_into_a_town(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "Together with Canada, Mexico should sue in every court, the minister said.")
    assert place_at(analysis, "Canada") == "country:CAN"


def test_him_is_the_last_person_named_whether_or_not_the_knowledge_base_knows_them(pipeline) -> None:  # type: ignore[no-untyped-def]
    analysis = pipeline.analyze_text(
        "President Kais Saied met the activist Amine Trabelsi in Tunis on Monday. Police arrested him on Tuesday."
    )
    arrest = next(e for e in analysis.events if e.type == "COERCE")
    assert arrest.target is not None and arrest.target.actor == "person:amine-trabelsi"


def test_a_capital_where_a_thing_is_done_is_not_its_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    """ "agreed to a truce in Khartoum": Khartoum is where, not Sudan's government as a party."""
    analysis = pipeline.analyze_text(
        "Sudan's army and the Rapid Support Forces agreed on Monday to a seven-day truce in Khartoum."
    )
    pairs = {
        (e.source.actor, e.target.actor)
        for e in analysis.events
        if e.type == "AGREE" and e.source and e.target
    }
    assert pairs == {("saf", "rsf_sudan"), ("rsf_sudan", "saf")}


def test_they_right_after_a_pair_is_the_pair(pipeline) -> None:  # type: ignore[no-untyped-def]
    analysis = pipeline.analyze_text(
        "Kenya and Uganda closed the border on Monday after they accused each other of smuggling weapons."
    )
    accusers = {e.source.actor for e in analysis.events if e.type == "ACCUSE" and e.source}
    assert accusers == {"country:KEN", "country:UGA"}


def test_him_in_someones_own_quoted_words_is_not_the_speaker(pipeline) -> None:  # type: ignore[no-untyped-def]
    analysis = pipeline.analyze_text(
        'Amine Trabelsi spoke to reporters on Monday. "Police broke into the house and arrested him," Trabelsi said.'
    )
    arrest = next(e for e in analysis.events if e.type == "COERCE")
    assert arrest.target is None or "trabelsi" not in (arrest.target.actor or "")


def test_the_continental_body_is_the_bloc_named_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    analysis = pipeline.analyze_text(
        "The African Union on Friday suspended Mali from its activities. Its council met in Addis Ababa. "
        "The continental body also condemned the seizure of power by the army."
    )
    condemnation = next(e for e in analysis.events if e.type == "ACCUSE")
    assert condemnation.source is not None and condemnation.source.actor == "au"


def test_a_town_tagged_person_that_nobody_introduces_is_a_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse(
        pipeline,
        "Government forces lifted the siege of Misrata after weeks of shelling. "
        "Misrata had held out for two months.",
    )
    assert not any(a.id == "person:misrata" for a in analysis.actors)
    assert any(p.id.startswith("geonames:") for p in analysis.places)


def test_a_town_name_introduced_as_a_person_stays_a_person(pipeline) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse(pipeline, "Mr Mandera said the talks had failed.")
    assert actor_at(analysis, "Mandera") == "person:mandera"


def test_a_surname_after_a_quoted_nickname_is_introduced(pipeline) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from eventwire.resolve.mentions import _after_nickname

    doc = pipeline.nlp.make_doc('They sought Joaquin "El Chapo" Guzman today.')
    doc.ents = [Span(doc, 2, 3, label="PERSON"), Span(doc, 7, 8, label="PERSON")]
    assert doc[7].text == "Guzman" and _after_nickname(doc, 7)
    assert not _after_nickname(doc, 2)


def test_a_two_word_demonym_cut_by_ner_keeps_its_first_word(pipeline) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse(
        pipeline,
        "Crowds gathered in the capital. - Sri Lankan Prime Minister Ranil Perera resigned on Monday.",
    )
    assert not any("lankan" in a.id for a in analysis.actors)
    assert actor_at(analysis, "Sri Lankan") == "person:ranil-perera"
    assert next(a for a in analysis.actors if a.id == "person:ranil-perera").country == "LKA"


def test_a_village_named_with_a_place_prefix_is_no_person(pipeline) -> None:  # type: ignore[no-untyped-def]
    from eventwire.resolve.actors import _toponym_prefix

    assert (
        _toponym_prefix("Wad al-Shareef") and _toponym_prefix("Deir Hanna") and _toponym_prefix("Kfar Tala")
    )
    assert not _toponym_prefix("Wad") and not _toponym_prefix("Ahmed al-Tayeb")
    analysis = analyse(
        pipeline, "Paramilitary fighters shelled Wad al-Shareef on Sunday, killing nine people."
    )
    assert not any(a.kind == "person" and "shareef" in a.id for a in analysis.actors)


def test_an_acronym_of_a_name_given_before_is_that_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse(
        pipeline,
        "The chairman of the National Constitutional Assembly was arrested in Harare on Tuesday, "
        "police said. The NCA had called for nationwide protests against the government.",
    )
    assembly = actor_at(analysis, "National Constitutional Assembly")
    assert assembly is not None and actor_at(analysis, "NCA") == assembly


def test_two_word_names_lend_no_acronym() -> None:
    from eventwire.resolve.mentions import _initials

    assert _initials("Democratic Republic of the Congo") == ("drc", "droc")
    assert _initials("Union Square") == ()  # "US" is another actor's
    assert _initials("Allied Democratic Forces") == ("adf",)


def test_a_title_joined_by_and_keeps_its_country_word(pipeline) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse(
        pipeline,
        "Swedish Industry and Trade Minister Anna Berg met her Japanese counterpart in Osaka on Monday. "
        "Putin and Defence Minister Sergei Lavrenko visited troops.",
    )
    berg = next(a for a in analysis.actors if a.id == "person:anna-berg")
    assert berg.country == "SWE"
    assert actor_at(analysis, "Swedish") == "person:anna-berg"  # one mention, no organisation
    assert actor_at(analysis, "Putin") != actor_at(analysis, "Sergei Lavrenko")
