"""Decisions announced under "will" or "would": a cut in relations, a protest or strike, a
deployment is the act itself, announced (``clause_forms.announced_measure``); force and
coercion held over a party, a condition on the party, or a weaker modal give a THREATEN."""

from __future__ import annotations

import pytest

from eventwire import Pipeline
from eventwire.models import Modality


def types(pipeline: Pipeline, text: str) -> dict[str, list[Modality]]:
    out: dict[str, list[Modality]] = {}
    for event in pipeline.analyze_text(text).events:
        out.setdefault(event.type, []).append(event.modality)
    return out


ANNOUNCED = [
    # (article, the act's type)
    ("Norway said on Friday it will expel four Iranian diplomats over the embassy dispute.", "SANCTION"),
    ("The Peruvian foreign ministry said it would recall its ambassador from Bolivia.", "SANCTION"),
    ("The Kenya National Union of Nurses said it would stage protests outside three hospitals.", "PROTEST"),
    ("The main labour union said it will go on an indefinite strike against the government.", "PROTEST"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "type_"), ANNOUNCED)
def test_an_announced_decision_is_the_act(candidates: Pipeline, text: str, type_: str) -> None:
    found = types(candidates, text)
    assert type_ in found and "THREATEN" not in found, (text, found)
    assert all(m in (Modality.THREATENED, Modality.HYPOTHETICAL) for m in found[type_])


HELD_OVER = [
    # force, coercion, a condition on the other party, a weaker modal: a threat
    "The rebel commander said his fighters will attack the garrison at dawn.",
    "The finance minister said the bloc would impose sanctions on the junta's leaders.",
    "Norway said it will expel four Iranian diplomats unless the embassy hands over the suspect.",
    "The Peruvian foreign ministry said it could recall its ambassador from Bolivia.",
]


@pytest.mark.parametrize("text", HELD_OVER)
def test_force_coercion_and_conditions_stay_threats(candidates: Pipeline, text: str) -> None:
    found = types(candidates, text)
    assert "THREATEN" in found, (text, found)
