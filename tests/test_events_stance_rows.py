"""Verbal acts the lexicon lacked as a class, added with train support (each family seen
coded in at least three train articles from different outlets): questioning (by police an
investigation, otherwise disapproval), challenging and regretting (ACCUSE), cautioning
(THREATEN, as "warn"), taking someone's side ("stand by/with/behind", "side with") and
voiced appreciation ("expressed his thanks", "paid tribute"), SUPPORT.
Texts written for the tests."""

from __future__ import annotations

import pytest

from eventwire import Pipeline


def _acts(pipeline: Pipeline, text: str, kind: str) -> list[tuple[str | None, str | None]]:
    return [
        (e.source.text if e.source else None, e.target.text if e.target else None)
        for e in pipeline.analyze_text(text).events
        if e.type == kind
    ]


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        ("Police questioned the opposition leader in Lusaka for six hours on Friday.", "ACCUSE", "Police", "leader"),
        ("The Kenyan senator questioned the authority of Interpol to arrest him.", "ACCUSE", "senator", None),
        ("Lawyers for the party challenged the ruling of the electoral board in court.", "ACCUSE", "Lawyers", None),
        ("I regret that Canada is resorting to tariffs, the Swedish trade minister said.", "ACCUSE", "minister", "Canada"),
        ("Egypt cautioned Ethiopia against filling the dam before a deal is reached.", "THREATEN", "Egypt", "Ethiopia"),
        ("The court sided with the European Commission in its dispute with Hungary.", "SUPPORT", "court", "Commission"),
        ("The Spanish government stood behind the oil company after the seizure.", "SUPPORT", "government", None),
        ("Guterres voiced his appreciation to Prime Minister Abiy for his efforts.", "SUPPORT", "Guterres", "Abiy"),
    ],
)  # fmt: skip
def test_stance_verbs_are_verbal_acts(
    candidates: Pipeline, text: str, kind: str, source: str, target: str | None
) -> None:
    found = _acts(candidates, text, kind)
    assert found, text
    assert found[0][0] is not None and source in found[0][0], found
    if target is not None:
        assert found[0][1] is not None and target in found[0][1], found


def test_paying_tribute_is_support(candidates: Pipeline) -> None:
    text = "Nigeria's president paid tribute to the peacekeepers who died in the ambush."
    assert _acts(candidates, text, "SUPPORT")


def test_cautioning_is_a_warning_not_an_attack(candidates: Pipeline) -> None:
    text = "The Interior Minister cautioned Hungary that the border fence would not stop anyone."
    assert not _acts(candidates, text, "ASSAULT")
    assert _acts(candidates, text, "THREATEN")


@pytest.mark.parametrize(
    "text",
    [
        "Germany said it was deeply concerned about the arrests of journalists by Belarus.",
        '"We are concerned about the lack of transparency of this agreement," the Australian foreign minister said.',
    ],
)
def test_concern_about_something_is_mild_criticism(candidates: Pipeline, text: str) -> None:
    assert _acts(candidates, text, "ACCUSE")


def test_the_parties_concerned_criticise_nobody(candidates: Pipeline) -> None:
    text = "The countries concerned have not yet answered the request from Japan."
    assert not _acts(candidates, text, "ACCUSE")


def test_who_faces_charges_is_accused(candidates: Pipeline) -> None:
    text = "The opposition leader will face terrorism charges, the prosecutor's office in Caracas said."
    found = _acts(candidates, text, "ACCUSE")
    assert found and found[0][1] is not None and "leader" in found[0][1]


def test_a_feeling_participle_tagged_a_verb_keeps_its_adjective_row(candidates: Pipeline) -> None:
    """spaCy tags "concerned" after "was deeply" as a participle (VBN, ``acomp``); the
    adjective's row must still be found under its own form, not the verb "concern"."""
    text = "The UN refugee agency said it was deeply concerned by the arrests of journalists by Belarus."
    found = _acts(candidates, text, "ACCUSE")
    assert found and found[0][1] == "Belarus"


def test_a_verb_of_concern_is_no_criticism(candidates: Pipeline) -> None:
    text = "The dispute concerns the border between Sudan and South Sudan, officials said."
    assert not _acts(candidates, text, "ACCUSE")


def test_wanting_another_to_act_is_a_demand(candidates: Pipeline) -> None:
    text = '"We want Lukashenko to resign now," a striking factory worker in Minsk said.'
    found = _acts(candidates, text, "REQUEST")
    assert found and found[0][1] == "Lukashenko"


def test_wanting_to_act_oneself_is_no_demand(candidates: Pipeline) -> None:
    text = "Serbia wants to join the European Union by the end of the decade, its president said."
    assert not _acts(candidates, text, "REQUEST")
