"""Sides an act's own words do not name but its clause does: the subject of the clause an event
noun is the means or occasion of, a participle's "by" agent without "be", and "between" after
a participle of a noun."""

from __future__ import annotations

from eventwire import Pipeline
from tests.test_events_participles import events, sides


def test_what_the_subject_responds_with_is_its_act(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Kenyan police responded with tear gas and water cannon when the marchers reached parliament."
    )
    assert any(sides(e)[0] == "KEN" for e in events(analysis, "COERCE"))


def test_the_raid_a_clause_was_done_in_is_its_subjects(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Ugandan soldiers tore down the opposition camp in a dawn raid.")
    assert any(sides(e)[0] == "UGA" for e in events(analysis, "ASSAULT") + events(analysis, "COERCE"))


def test_a_subject_on_alert_is_the_one_mobilised(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("The Guyanese army is on full alert along the western border.")
    assert any(sides(e)[0] == "GUY" for e in events(analysis, "MOBILIZE"))


def test_a_clause_of_a_purpose_or_of_undergoing_names_no_doer(candidates: Pipeline) -> None:
    charged = candidates.analyze_text("Faced with the arrests, the Peruvian government made a U-turn.")
    assert not any(sides(e)[0] == "PER" for e in events(charged, "COERCE"))
    custody = candidates.analyze_text("The Chadian opposition leader is in detention in the capital.")
    assert not any(e.source is not None and sides(e)[0] == "TCD" for e in events(custody, "COERCE"))


def test_a_subject_that_names_no_party_leaves_the_sides_to_the_act(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "The war raged on near the border, with air strikes and fighting between soldiers and militants."
    )
    fights = [e for e in events(analysis, "ASSAULT") if e.trigger.text == "fighting"]
    assert fights and all(e.source is not None and e.source.text != "The war" for e in fights)


def test_a_participle_with_an_agent_is_done_by_it_to_its_subject(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("The opposition leader saw his rally banned by the Zimbabwean police.")
    bans = [e for e in events(analysis, "COERCE") if e.trigger.text == "banned"]
    assert bans and all(sides(e)[0] == "ZWE" and e.target is not None for e in bans)


def test_a_deal_struck_between_two_states_is_each_with_the_other(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Hundreds of refugees crossed the border under a deal struck between Lebanon and Syria."
    )
    assert {sides(e) for e in events(analysis, "AGREE")} >= {("LBN", "SYR"), ("SYR", "LBN")}
