"""A negated cooperative act: a stated decision about the future ("will not sign", "would
never meet") or a negated stance ("did not accept", "has not recognised") is a refusal
(REJECT, by the one who will not act); a report that an act did not happen ("had not
withdrawn", "did not meet them") is the act itself, negated (``clause_forms.told_as_past``)."""

from __future__ import annotations

import pytest

from eventwire import Pipeline
from eventwire.models import Modality


def types(pipeline: Pipeline, text: str) -> dict[str, list[Modality]]:
    out: dict[str, list[Modality]] = {}
    for event in pipeline.analyze_text(text).events:
        out.setdefault(event.type, []).append(event.modality)
    return out


REFUSALS = [
    "The opposition party said it would not sign the new peace accord with the ruling junta.",
    "The prime minister said he will never meet the rebel commander.",
    "The rebel spokesman said they would not withdraw their fighters from the northern towns.",
    "The foreign minister said his government did not accept the proposal from Canberra.",
]


@pytest.mark.parametrize("text", REFUSALS)
def test_a_refused_act_is_a_rejection(candidates: Pipeline, text: str) -> None:
    found = types(candidates, text)
    assert "REJECT" in found, (text, found)


NOT_DONE = [
    # (article, the act's type): a report of what did not happen
    ("Witnesses said the militia had not withdrawn its fighters from the northern towns.", "RETREAT"),
    ("The monitors said the two armies did not withdraw their tanks from the border.", "RETREAT"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "type_"), NOT_DONE)
def test_an_act_reported_undone_is_the_act_negated(candidates: Pipeline, text: str, type_: str) -> None:
    found = types(candidates, text)
    assert "REJECT" not in found, (text, found)
    assert Modality.NEGATED in found.get(type_, []), (text, found)
