"""Modal demands, recalls of any head of mission, war, verbs of overturning, words of injustice."""

from __future__ import annotations

import pytest

from eventwire import Pipeline
from eventwire.models import Analysis, Event


def events(analysis: Analysis, type_: str) -> list[Event]:
    return [e for e in analysis.events if e.type == type_]


def countries(event: Event) -> tuple[str | None, str | None]:
    return (
        event.source.country if event.source else None,
        event.target.country if event.target else None,
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan foreign minister said on Monday that Uganda should withdraw its soldiers from the island.",
        "The Kenyan foreign minister said on Monday that Uganda ought to withdraw its soldiers from the island.",
        "The Kenyan foreign minister said on Monday that Uganda needs to withdraw its soldiers from the island.",
    ],
    ids=["should", "ought", "need"],
)
def test_a_modal_of_obligation_told_of_another_is_a_demand(pipeline: Pipeline, text: str) -> None:
    demands = events(pipeline.analyze_text(text), "REQUEST")
    assert any(countries(e) == ("KEN", "UGA") for e in demands), [countries(e) for e in demands]


@pytest.mark.parametrize(
    "text",
    [
        "Electoral officials in Lusaka said the final results should be known by Friday.",  # a forecast
        "The minister said the new round of talks should aim at a lasting truce.",  # no party asked
        "The minister said more police officers are needed to end the looting.",  # a purpose
        '"We should stay calm and wait for the count," the opposition leader told supporters in Harare.',
    ],
    ids=["forecast", "thing", "purpose", "first-person"],
)
def test_a_modal_with_no_party_obliged_is_no_demand(pipeline: Pipeline, text: str) -> None:
    assert not events(pipeline.analyze_text(text), "REQUEST")


def test_should_before_its_subject_is_a_condition_not_a_demand(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Should Ethiopia attack the border town, Eritrea said it would defend itself."
    )
    assert not [e for e in events(analysis, "REQUEST") if e.trigger.text.lower().startswith("should")]


@pytest.mark.parametrize(
    "text",
    [
        "Mali recalled its envoy from Algiers on Tuesday.",
        "Mali recalled two diplomats from Algiers on Tuesday.",
        "Mali called its ambassador home from Algiers on Tuesday.",
        "Mali withdrew its envoy from Algiers on Tuesday.",
    ],
    ids=["recall-envoy", "recall-diplomat", "call-home", "withdraw-envoy"],
)
def test_recalling_any_head_of_mission_reduces_relations(pipeline: Pipeline, text: str) -> None:
    sanctions = events(pipeline.analyze_text(text), "SANCTION")
    assert sanctions and sanctions[0].cameo == "161" and sanctions[0].source is not None
    assert sanctions[0].source.country == "MLI"


def test_teargas_in_one_word_is_crowd_control(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Riot police fired teargas at students marching in Kampala on Monday.")
    assert events(analysis, "COERCE")


def test_a_war_between_named_sides_is_an_attack(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Eritrea waged a war on Ethiopia in 1998.")
    assert any(countries(e) == ("ERI", "ETH") for e in events(analysis, "ASSAULT"))


def test_a_war_without_sides_is_no_event(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "The veteran fought in the war as a young man and later became a teacher."
    )
    assert not events(analysis, "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "Honduras's Supreme Court overturned the electoral tribunal's ruling on Monday.",
        "Honduras's Supreme Court quashed the electoral tribunal's ruling on Monday.",
        "Bolivia and Cuba voted against the resolution on Venezuela at the OAS.",
    ],
    ids=["overturn", "quash", "vote-against"],
)
def test_invalidating_or_voting_down_anothers_measure_rejects_it(pipeline: Pipeline, text: str) -> None:
    assert events(pipeline.analyze_text(text), "REJECT")


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan opposition said on Friday that the trial of its leader was unfair.",
        "Human rights groups called the detention of the Ugandan journalists arbitrary.",
    ],
    ids=["unfair", "arbitrary"],
)
def test_a_word_of_injustice_said_of_an_act_criticises_it(pipeline: Pipeline, text: str) -> None:
    assert events(pipeline.analyze_text(text), "ACCUSE")
