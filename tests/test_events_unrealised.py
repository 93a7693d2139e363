"""Acts that were not done: conditions told by inversion ("should the army attack, ..." is
"if the army attacks": hypothetical, no stated intention of the army, and the one whose act
would bring on a threat is its target)."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.models import Modality


def types(pipeline: Pipeline, text: str) -> dict[str, list[Modality]]:
    out: dict[str, list[Modality]] = {}
    for event in pipeline.analyze_text(text).events:
        out.setdefault(event.type, []).append(event.modality)
    return out


def test_an_inverted_condition_is_no_stated_intention(candidates: Pipeline) -> None:
    found = types(candidates, "Should the army attack the town, the rebels will retaliate, a commander said.")
    assert found.get("ASSAULT") == [Modality.HYPOTHETICAL]  # a condition, like "if the army attacks"
    assert found.get("THREATEN") == [Modality.ACTUAL]  # the rebels' retaliation, not the army's attack


def test_an_inverted_condition_after_the_main_clause(candidates: Pipeline) -> None:
    found = types(
        candidates,
        "The opposition leader said she stood ready to lead the country should the president resign.",
    )
    assert found.get("CONCEDE") == [Modality.HYPOTHETICAL]
    assert "AGREE" in found  # her readiness is stated; his resignation is only its condition


def test_had_before_its_subject_is_a_condition(candidates: Pipeline) -> None:
    found = types(
        candidates, "Had the police arrested the gunmen, the riot would have ended, residents said."
    )
    assert found.get("COERCE") == [Modality.HYPOTHETICAL]


def test_a_condition_covers_both_verbs_of_its_clause(candidates: Pipeline) -> None:
    found = types(
        candidates, "Should the militia storm the base and seize its weapons, the army will strike back."
    )
    assert Modality.ACTUAL not in found.get("ASSAULT", []) + found.get("COERCE", [])


def test_a_real_act_in_the_main_clause_stays_actual(candidates: Pipeline) -> None:
    found = types(
        candidates, "Soldiers shot three protesters in the capital, should the reports be confirmed."
    )
    assert found.get("ASSAULT") == [Modality.ACTUAL]  # "should the reports be confirmed": no event


def test_a_threat_stays_a_threat(candidates: Pipeline) -> None:
    found = types(candidates, "The militia threatened to attack the convoy.")
    assert found.get("THREATEN") == [Modality.ACTUAL]
    assert "ASSAULT" not in found  # carried by the threat


def test_a_second_act_of_the_main_clause_stays_actual(candidates: Pipeline) -> None:
    found = types(candidates, "Troops fired on the crowd and arrested dozens of students.")
    assert found.get("COERCE") == [Modality.ACTUAL]


def test_an_inverted_condition_names_the_threatened_side(candidates: Pipeline) -> None:
    text = "Chile warned on Friday that it would impose tariffs should Peru block the shipments."
    threats = [e for e in candidates.analyze_text(text).events if e.type == "THREATEN"]
    assert threats and threats[0].target is not None and threats[0].target.text == "Peru"


def test_an_inverted_condition_reads_like_if(candidates: Pipeline) -> None:
    inverted = types(candidates, "Should the rebels storm the capital, the army will pull back.")
    plain = types(candidates, "If the rebels storm the capital, the army will pull back.")
    assert inverted.get("ASSAULT") == plain.get("ASSAULT") == [Modality.HYPOTHETICAL]
