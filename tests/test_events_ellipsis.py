"""An elliptic clause carries its antecedent's act to more parties (coding rule 2): "X
condemned the raid, as did Y", "..., and so did Y", "Y did too", "X was detained, as were Y".
The subject of the ellipsis takes the role the antecedent's subject has."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.models import Analysis


def pairs(analysis: Analysis, type_: str) -> set[tuple[str | None, str | None]]:
    return {
        (e.source.text if e.source else None, e.target.text if e.target else None)
        for e in analysis.events
        if e.type == type_ and e.section.value == "body"
    }


def test_as_did_adds_a_doer(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Ghana condemned the shelling of the border post, as did Togo.")
    assert {s for s, _ in pairs(analysis, "ACCUSE")} >= {"Ghana", "Togo"}, pairs(analysis, "ACCUSE")


def test_so_did_adds_a_doer_not_a_target(candidates: Pipeline) -> None:
    """ "and so did Togo": Togo condemned it too; it is not what Ghana condemned."""
    analysis = candidates.analyze_text("Ghana condemned the shelling on Sunday, and so did Togo.")
    found = pairs(analysis, "ACCUSE")
    assert {s for s, _ in found} >= {"Ghana", "Togo"}, found
    assert not any(t == "Togo" for _, t in found), found


def test_perfect_and_modal_ellipses_add_doers(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Chile has welcomed the ceasefire, as have Peru and Bolivia.")
    assert {s for s, _ in pairs(analysis, "SUPPORT")} >= {"Chile", "Peru", "Bolivia"}
    analysis = candidates.analyze_text("Kenya will send troops, as will Uganda.")
    events = [e for e in analysis.events if e.type == "MOBILIZE" and e.source and e.source.text == "Uganda"]
    assert events and all(e.modality.value == "threatened" for e in events), analysis.events


def test_passive_ellipsis_adds_a_target(candidates: Pipeline) -> None:
    """ "as were ...": more people the act was done to, with the evidence naming them."""
    analysis = candidates.analyze_text(
        "The union's leader was detained by soldiers on Friday, as were three other union leaders."
    )
    targets = {t for _, t in pairs(analysis, "COERCE")}
    assert "three other union leaders" in targets and len(targets) == 2, targets
    evidence = [e.evidence.text for e in analysis.events if e.type == "COERCE"]
    assert all("three other union leaders" in text for text in evidence), evidence


def test_passive_ellipsis_after_an_active_act_adds_a_target(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Soldiers detained the union's leader, as were three other union leaders."
    )
    assert ("Soldiers", "three other union leaders") in pairs(analysis, "COERCE"), pairs(analysis, "COERCE")


def test_a_clause_of_its_own_is_no_ellipsis(candidates: Pipeline) -> None:
    """ "as he was on his way" states where he was; "as did the report" names no one who acts."""
    analysis = candidates.analyze_text(
        "Hundreds of students fought with police as the minister was on his way."
    )
    assert not any(s == "the minister" for s, _ in pairs(analysis, "ASSAULT")), pairs(analysis, "ASSAULT")
    analysis = candidates.analyze_text("Ghana condemned the shelling, as did the report.")
    assert {s for s, _ in pairs(analysis, "ACCUSE")} == {"Ghana"}, pairs(analysis, "ACCUSE")
