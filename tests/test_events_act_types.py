"""The type of an act told through another word: the infinitive of a threat or pledge noun,
an act noun used as the means of a plain verb, a passive blame with no accuser, and a
verb phrase whose object is the passive subject."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.models import Modality


def events(pipeline: Pipeline, text: str) -> list[tuple[str, Modality, str | None, str | None]]:
    return [
        (e.type, e.modality, e.source.text if e.source else None, e.target.text if e.target else None)
        for e in pipeline.analyze_text(text).events
    ]


def types(pipeline: Pipeline, text: str) -> set[str]:
    return {e[0] for e in events(pipeline, text)}


def test_the_infinitive_of_a_threat_noun_is_the_threat(candidates: Pipeline) -> None:
    found = events(candidates, "Tehran repeated its threat to attack American tankers in the Gulf.")
    assert [e[0] for e in found] == ["THREATEN"]  # one act: the threat (coding rule 5), no attack
    assert found[0][3] is not None and "tankers" in found[0][3]  # aimed at whom the attack would hit


def test_a_pledge_noun_takes_its_type_from_what_is_pledged(candidates: Pipeline) -> None:
    found = types(candidates, "Ankara pledges to back Baku with all its means")
    assert "SUPPORT" in found and "AGREE" not in found  # backing a party pledged is SUPPORT


def test_a_threat_carried_out_is_the_act(candidates: Pipeline) -> None:
    found = types(
        candidates, "The president on Monday carried out his threat to impose sanctions on Venezuela."
    )
    assert "COERCE" in found  # the sanctions were imposed


def test_an_act_noun_as_the_means_of_a_plain_verb_is_the_act(candidates: Pipeline) -> None:
    assert types(candidates, "The European Union hit Belarus with new sanctions on Friday.") == {"COERCE"}
    hit = "Two Iranian generals were hit with sanctions by the United States."
    assert types(candidates, hit) == {"COERCE"}
    # a threat "with" sanctions states them: still the threat
    assert types(candidates, "Washington threatened Caracas with sanctions.") == {"THREATEN"}


def test_a_passive_blame_with_no_accuser_is_the_act_alleged(candidates: Pipeline) -> None:
    found = events(candidates, "The bombing of the market was blamed on the rebels.")
    assert [(e[0], e[1], e[2]) for e in found] == [("ASSAULT", Modality.ALLEGED, "the rebels")]
    found = events(candidates, "The rebels are blamed for the attack on the convoy.")
    assert [(e[0], e[1], e[2]) for e in found] == [("ASSAULT", Modality.ALLEGED, "The rebels")]
    # with an accuser, the blame is the event and carries the act (coding rule 6)
    assert types(candidates, "The army blamed the rebels for the attack on the convoy.") == {"ACCUSE"}


def test_a_verb_phrase_in_the_passive_keeps_its_type(candidates: Pipeline) -> None:
    found = events(candidates, "Tear gas was fired at the students outside parliament.")
    assert [e[0] for e in found] == ["COERCE"]  # "fired tear gas", not a shooting


def test_a_demand_verb_with_a_clause_told_as_fact_is_no_request(candidates: Pipeline) -> None:
    assert "REQUEST" not in types(
        candidates, "The minister insisted that the opposition was behind the riots."
    )
    assert "REQUEST" in types(candidates, "The opposition insisted that the president resign.")
    assert "REQUEST" in types(candidates, "Police then ordered the march stopped.")
