"""A country's office said without a name ("Greek premier", "Russia's top diplomat") is the
one person the article gives that office (eventwire/resolve/office_holders.py)."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.models import Section
from eventwire.resolve.actors import resolver_for
from eventwire.resolve.kb import KnowledgeBase
from eventwire.resolve.mentions import Hit
from eventwire.resolve.office_holders import described_office, office_holder


def _kb() -> KnowledgeBase:
    return resolver_for((), "md").kb


def _person(text: str, name: str, at: int, country: str | None, known: bool = False) -> Hit:
    actor = "person:" + name.lower().replace(" ", "-")
    return Hit(at, at + len(text), text, actor, name, "person", country, ("GOV",), known, None, Section.BODY)


def test_a_country_and_an_office_name_the_offices_it_may_be_held_under() -> None:
    kb = _kb()
    assert described_office("Greek premier", "", "GRC", kb) == ("prime minister", "premier")
    assert "foreign minister" in (described_office("Russia's top diplomat", "with ", "RUS", kb) or ())
    assert "ambassador" in (described_office("Rwanda's ambassador in Kinshasa", "", "RWA", kb) or ())
    assert described_office("the US president", "", "USA", kb) is not None


def test_a_description_that_introduces_someone_or_relates_them_names_no_holder() -> None:
    kb = _kb()
    assert described_office("a senior Indian diplomat", "summoned ", "IND", kb) is None
    assert described_office("Greek premier", "the former ", "GRC", kb) is None
    assert described_office("Russian counterpart", "his ", "RUS", kb) is None
    assert described_office("Canada's spy", "", "CAN", kb) is None  # "Canada's spy agency"
    assert described_office("Greek premier", "", "TUR", kb) is None  # another country's office


def test_the_one_person_given_the_office_of_that_country_holds_it() -> None:
    text = "Greek Prime Minister Nikos Andreou met Turkish Prime Minister Emre Kaya on Monday."
    andreou = _person("Greek Prime Minister Nikos Andreou", "Nikos Andreou", 0, "GRC")
    kaya = _person("Turkish Prime Minister Emre Kaya", "Emre Kaya", 39, "TUR")
    held = ("prime minister", "premier")
    assert office_holder(text, [andreou, kaya], "GRC", held, _kb()) is andreou


def test_an_apposition_that_names_the_country_gives_the_office() -> None:
    text = "Marie Dupont, France's foreign minister, said the talks would go on."
    dupont = _person("Marie Dupont", "Marie Dupont", 0, None)
    assert office_holder(text, [dupont], "FRA", ("foreign minister",), _kb()) is dupont


def test_two_holders_or_a_vice_president_give_no_holder() -> None:
    text = "French President Luc Martin and French Prime Minister Anne Roux disagreed."
    martin = _person("French President Luc Martin", "Luc Martin", 0, "FRA")
    roux = _person("French Prime Minister Anne Roux", "Anne Roux", 32, "FRA")
    heads = ("president", "prime minister", "premier", "chancellor", "king", "emir", "sultan")
    assert office_holder(text, [martin, roux], "FRA", heads, _kb()) is None  # "the French ruler": which?
    deputy = "Ghanaian Vice President Kofi Mensah spoke."
    mensah = _person("Ghanaian Vice President Kofi Mensah", "Kofi Mensah", 0, "GHA")
    assert office_holder(deputy, [mensah], "GHA", ("president",), _kb()) is None


def test_the_greek_premier_is_the_prime_minister_the_story_names(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Greek Prime Minister Nikos Andreou on Monday met the mayors of three Aegean islands.\n\n"
        "On Tuesday the Greek premier accused Turkey of sending survey ships into Greek waters."
    )
    accused = [e for e in analysis.events if e.type == "ACCUSE" and e.source is not None]
    assert accused, [(e.type, e.source) for e in analysis.events]
    assert accused[0].source is not None and accused[0].source.text == "the Greek premier"
    assert accused[0].source.actor == "person:nikos-andreou"
