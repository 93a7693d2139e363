"""Which sense of a trigger word the sentence reads (extract/events.py). Texts written for the tests."""

from __future__ import annotations

import pytest

from eventwire import Pipeline, PipelineConfig


@pytest.fixture(scope="module")
def candidates() -> Pipeline:
    """Every event the rules find (no threshold): these tests check extraction patterns."""
    return Pipeline(PipelineConfig(min_confidence=0.0))


def test_strikes_that_hit_something_are_attacks_not_walkouts(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Israeli strikes hit two villages in southern Lebanon on Sunday.")
    assert [e.type for e in analysis.events] == ["ASSAULT"]
    assert analysis.events[0].source is not None and analysis.events[0].source.country == "ISR"


def test_a_labour_strike_stays_a_protest(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Teachers staged a national strike on Monday over unpaid wages.")
    assert "PROTEST" in {e.type for e in analysis.events}
    # sanctions that "hit" a country are no attack: the noun has no attack sense to take
    sanctions = candidates.analyze_text("New European sanctions hit Belarus's potash exporters on Friday.")
    assert "ASSAULT" not in {e.type for e in sanctions.events if e.trigger.text.lower() == "sanctions"}


def test_traded_accusations_are_one_accusation_each_way(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Armenia and Azerbaijan traded accusations on Sunday over the shelling."
    )
    pairs = {(e.type, e.source.country, e.target.country) for e in analysis.events if e.source and e.target}
    assert pairs == {("ACCUSE", "ARM", "AZE"), ("ACCUSE", "AZE", "ARM")}
    # the shelling is what they accuse each other of (coding rule 6), not a third act
    assert "ASSAULT" not in {e.type for e in analysis.events}


def test_sanctions_on_a_capital_fall_on_its_government(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("The European Union imposed new sanctions on Minsk on Thursday.")
    assert {e.target.actor for e in analysis.events if e.type == "COERCE" and e.target} == {"country:BLR"}
    arrests = candidates.analyze_text("Police arrested hundreds of protesters in Islamabad on Friday.")
    assert all(e.target is None or e.target.actor != "country:PAK" for e in arrests.events)


def test_a_month_is_no_march(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("In March, militiamen overran two villages and kidnapped a priest.")
    assert "PROTEST" not in {e.type for e in analysis.events}
    dated = candidates.analyze_text("The hostages were taken on March 14 by gunmen who stopped their bus.")
    assert "PROTEST" not in {e.type for e in dated.events}
    # a march in the body of the sentence is still a protest
    walk = candidates.analyze_text(
        "Thousands of students marched on parliament on Friday to demand new elections."
    )
    assert "PROTEST" in {e.type for e in walk.events}
