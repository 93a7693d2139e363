"""Verbs of taking read by who takes what: arrest, abduction, occupation or seizure."""

from __future__ import annotations

import pytest

from eventwire import Pipeline


def codes(pipeline: Pipeline, text: str) -> set[tuple[str, str | None]]:
    return {(e.type, e.cameo) for e in pipeline.analyze_text(text).events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two soldiers were seized by Boko Haram fighters near the border with Niger.", ("ASSAULT", "181")),
        ("Kenyan police seized the opposition lawmaker at his home in Nairobi on Friday.", ("COERCE", "173")),
        ("Syrian troops captured dozens of rebels in the eastern suburbs of Damascus.", ("COERCE", "173")),
        ("Islamic State fighters captured the town of Hit in western Iraq after a week of fighting.", ("COERCE", "192")),
        ("Rebels of the M23 movement captured Goma, the largest city in eastern Congo.", ("COERCE", "192")),
        ("Iranian forces seized a British-flagged oil tanker in the Strait of Hormuz.", ("COERCE", "171")),
    ],
)  # fmt: skip
def test_reading_follows_doer_and_object(candidates: Pipeline, text: str, expected: tuple[str, str]) -> None:
    assert expected in codes(candidates, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Masked gunmen seized them as they left the mosque after evening prayers.", ("ASSAULT", "181")),
        ("The nurses were seized by militants on the road to the district hospital.", ("ASSAULT", "181")),
        ("Bandits rounded up farmers in the market square before setting fire to the stalls.", ("ASSAULT", "181")),
        ("Police rounded up dozens of students outside the university gates.", ("COERCE", "173")),
        ("The navy said it had captured a cargo ship inside its waters.", ("COERCE", "171")),
        ("Government soldiers captured several rebel commanders near the river.", ("COERCE", "173")),
    ],
)  # fmt: skip
def test_people_and_things_taken_whatever_the_word(
    candidates: Pipeline, text: str, expected: tuple[str, str]
) -> None:
    """A personal pronoun or a role noun taken is people (abducted by non-state armed men,
    arrested by the state); "round up" is a verb of taking; a thing captured is seized."""
    assert expected in codes(candidates, text)


def test_a_thing_only_tried_for_is_no_seizure(candidates: Pipeline) -> None:
    found = codes(candidates, "The pirates tried to capture a cargo ship off the coast of Somalia.")
    assert ("COERCE", "171") not in found


def test_a_town_taken_is_the_place_not_a_target(candidates: Pipeline) -> None:
    events = candidates.analyze_text(
        "Taliban fighters seized an army base in Kunduz province on Sunday."
    ).events
    occupation = [e for e in events if e.cameo == "192"]
    assert occupation and all(e.target is None for e in occupation)


def test_ground_overrun_is_occupied_and_troops_overrun_are_attacked(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("The gangs have overrun much of the capital since March.")
    assert [(e.type, e.cameo) for e in analysis.events] == [("COERCE", "192")]
    analysis = candidates.analyze_text("Islamist fighters overran Malian soldiers at a checkpoint.")
    assert {e.type for e in analysis.events} == {"ASSAULT"}
    assert all(e.cameo != "181" for e in analysis.events)  # no abduction


def test_a_taking_only_tried_is_fighting(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Another militia tried to overrun a military base near the city.")
    assert [e.type for e in analysis.events] == ["ASSAULT"]
    analysis = candidates.analyze_text("The rebels attempted to capture the airport on Friday.")
    assert [e.type for e in analysis.events] == ["ASSAULT"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police held three opposition activists overnight at a station in the capital.", ("COERCE", "173")),
        ("The two reporters were held for a week before a judge freed them.", ("COERCE", "173")),
        ("Armed bandits held the aid workers in a forest camp for a month.", ("ASSAULT", "181")),
    ],
)  # fmt: skip
def test_people_held_are_detained_by_a_state_else_taken_hostage(
    candidates: Pipeline, text: str, expected: tuple[str, str]
) -> None:
    assert expected in codes(candidates, text)


@pytest.mark.parametrize(
    "text",
    [
        "The ruling party held a rally in the capital on Sunday.",
        "The minister held the generals responsible for the massacre.",
        "The cabinet held firm on its plan to raise fuel prices.",
        "The two leaders held talks in Geneva on Monday.",
    ],
)
def test_holding_no_one_is_no_detention(candidates: Pipeline, text: str) -> None:
    assert not {("COERCE", "173"), ("ASSAULT", "181")} & codes(candidates, text)


def test_ground_taken_is_occupied_and_the_place_no_target(candidates: Pipeline) -> None:
    for text in (
        "Rebel fighters took control of the provincial capital on Tuesday.",
        "Insurgents took the town of Marada on Saturday.",
    ):
        events = [e for e in candidates.analyze_text(text).events if e.cameo == "192"]
        assert events and all(e.target is None for e in events), text


@pytest.mark.parametrize(
    "text",
    [
        "The president took a flexible position on the dispute.",
        "The opposition took the case to the Supreme Court in Nairobi.",
        "Soldiers took up positions on the edge of the town.",
        "The new governor took office in the province last week.",
    ],
)
def test_taking_no_ground_is_no_occupation(candidates: Pipeline, text: str) -> None:
    assert ("COERCE", "192") not in codes(candidates, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebel fighters took the town of Karvi after three days of clashes.", ("COERCE", "192")),
        ("The militia took control of the port amid heavy shelling.", ("COERCE", "192")),
        ("Police held two student leaders during the protests on Monday.", ("COERCE", "173")),
    ],
)  # fmt: skip
def test_an_act_noun_that_sets_the_scene_leaves_a_light_verb_its_own_act(
    candidates: Pipeline, text: str, expected: tuple[str, str]
) -> None:
    # "take" and "hold" are also light verbs ("took part", "held talks"), but an act noun in a
    # setting ("after", "during", "amid") is no object they carry: the taking stays an act
    assert expected in codes(candidates, text)


def test_a_light_verb_still_carries_its_object_before_a_setting(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("The rebels launched attacks on army posts after the talks.")
    assert "ASSAULT" in {e.type for e in analysis.events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police picked up the opposition spokesman Peter Banda outside his home in Lusaka.", ("COERCE", "173")),
        ("Two activists were led away by police in Harare on Saturday.", ("COERCE", "173")),
        ("Police locked up twenty striking miners in Kitwe overnight.", ("COERCE", "173")),
        ("Riot police broke up a rally of opposition supporters in Harare on Sunday.", ("COERCE", "170")),
        ("The protest was broken up by riot police in Harare on Sunday.", ("COERCE", "170")),
    ],
)  # fmt: skip
def test_phrasal_verbs_of_arrest_and_dispersal_by_forces_of_order(
    candidates: Pipeline, text: str, expected: tuple[str, str]
) -> None:
    assert expected in codes(candidates, text)


@pytest.mark.parametrize(
    "text",
    [
        "The army picked up rebel radio traffic near the border.",
        "Two activists were led away by other marchers in Harare.",
        "The summit in Brussels broke up at 3am on Friday without a deal.",
    ],
)
def test_the_same_phrases_by_anyone_else_are_no_coercion(candidates: Pipeline, text: str) -> None:
    assert not {code for code in codes(candidates, text) if code[0] == "COERCE"}
