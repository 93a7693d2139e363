"""Precision: acts named inside another act or an actor's description are not events of
their own; a plan is an intention."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.models import Modality


def types(pipeline: Pipeline, text: str) -> dict[str, list[Modality]]:
    out: dict[str, list[Modality]] = {}
    for event in pipeline.analyze_text(text).events:
        out.setdefault(event.type, []).append(event.modality)
    return out


def test_the_charge_of_an_arrest_is_no_event_of_its_own(candidates: Pipeline) -> None:
    found = types(
        candidates, "Kenyan police arrested 30 students for attacking officers and burning a police car."
    )
    assert "COERCE" in found
    assert "ASSAULT" not in found  # what they are arrested for is the charge (coding rule 6)


def test_a_stance_describing_the_victims_is_no_request(candidates: Pipeline) -> None:
    found = types(candidates, "Soldiers in Khartoum shot dead four students calling for new elections.")
    assert "ASSAULT" in found
    assert "REQUEST" not in found  # "students calling for elections" says who they were


def test_a_hostile_plan_is_a_threat_not_the_act(candidates: Pipeline) -> None:
    found = types(candidates, "Nigeria plans to deploy troops to the border with Niger next week.")
    assert found.get("THREATEN") == [Modality.ACTUAL]  # as the PLOVER GSR codes "plans to impose"
    assert Modality.ACTUAL not in found.get("MOBILIZE", [])  # the deployment has not happened


def test_a_guess_about_the_past_is_no_threat(candidates: Pipeline) -> None:
    found = types(
        candidates, "The Nigerian army convoy may have been hit by rebel mortar fire, officials said."
    )
    assert "THREATEN" not in found
    assert found.get("ASSAULT") == [Modality.HYPOTHETICAL]


def test_an_act_that_goes_on_is_the_act_not_an_intention(candidates: Pipeline) -> None:
    found = types(
        candidates, "The army will continue its offensive against the rebels in the north, the minister said."
    )
    assert "THREATEN" not in found  # the offensive is under way: going on is no threat of it
    assert "ASSAULT" in found
    found = types(candidates, "The two governments will carry on talks about the disputed border next month.")
    assert "AGREE" not in found
    assert "CONSULT" in found
    found = types(
        candidates, "The army will launch an offensive against the rebels in the north, the minister said."
    )
    assert "THREATEN" in found  # a new act under "will" stays the stated intention


def test_a_guess_about_the_past_is_no_demand(candidates: Pipeline) -> None:
    found = types(
        candidates, "The opposition leader said the prime minister must have known about the bribes."
    )
    assert "REQUEST" not in found  # "must have known": an inference, not "must know"
    found = types(candidates, "The senator said the government must release the detained journalists.")
    assert "REQUEST" in found


def attacks(pipeline: Pipeline, text: str) -> list[str]:
    """The trigger of each ASSAULT event found in ``text``."""
    return [e.trigger.text for e in pipeline.analyze_text(text).events if e.type == "ASSAULT"]


def test_victims_added_to_a_toll_told_before_are_that_attack(candidates: Pipeline) -> None:
    text = "Artillery shells hit a bus station in Donetsk on Sunday, killing six people. Another 25 people were wounded, the mayor said."
    assert attacks(candidates, text) == ["hit"]  # the wounded are the shelling's, one act
    text = (
        "Rebels shelled the town on Monday, killing nine civilians. Dozens more were injured, doctors said."
    )
    assert attacks(candidates, text) == ["shelled"]


def test_a_count_that_only_compares_or_names_its_act_stays(candidates: Pipeline) -> None:
    text = "Rebels shelled the town on Monday. More than 40 people were injured by the shells, doctors said."
    assert "injured" in attacks(candidates, text)  # "more than" compares, "by the shells" names the doer
    text = "Gunmen attacked a bus on Monday. Another 12 people were killed in a bombing of a market."
    assert "bombing" in attacks(candidates, text) or "killed" in attacks(candidates, text)  # another act
