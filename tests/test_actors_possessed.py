"""A role noun owned by a pronoun or a definite description ("the country's foreign
minister", "her party", "his government") is read through its possessor, as the resolver
reads the possessor alone: the holder belongs to the possessor's country or group."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.models import Analysis, Mention


def sides(analysis: Analysis, type_: str, side: str) -> list[Mention]:
    return [m for e in analysis.events if e.type == type_ and (m := getattr(e, side)) is not None]


def test_a_state_role_of_the_country_named_before_is_that_state(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Ghana said on Friday that the country's defence minister had accused Togo of arming smugglers."
    )
    sources = sides(analysis, "ACCUSE", "source")
    assert any(m.actor == "country:GHA" and m.sectors == ["MIL"] for m in sources), sources


def test_a_persons_party_is_not_the_person_but_of_the_persons_country(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Kenyan opposition leader Raila Odinga said his party had condemned the arrest of its activists."
    )
    sources = sides(analysis, "ACCUSE", "source")
    assert sources, analysis.events
    assert all(m.actor != "person:raila-odinga" for m in sources), sources
    assert any(m.text == "his party" and m.country == "KEN" and "PTY" in m.sectors for m in sources), sources


def test_a_leaders_government_is_the_leaders_state(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "President Yoweri Museveni said on Monday that his government had accused Rwanda of backing rebels."
    )
    sources = sides(analysis, "ACCUSE", "source")
    assert any(m.actor == "country:UGA" and m.sectors == ["GOV"] for m in sources), sources


def test_a_persons_own_people_and_fighters_stay_as_before(candidates: Pipeline) -> None:
    """Private people ("his family") are no one's officials, and a leader's fighters are
    the leader's own side: neither is read as a role of the leader's country."""
    analysis = candidates.analyze_text(
        "The rebel leader Joseph Kony said his fighters attacked the army base."
    )
    sources = sides(analysis, "ASSAULT", "source")
    assert sources and all(m.text != "his fighters" for m in sources), sources
