"""A stated decision not to stop another party's act ("will not block", "would not veto",
"won't oppose") consents to it: an AGREE, told as actual, by the one who will not stand in
the way; neither a refusal (REJECT) nor the blocking negated. A report that no blocking
happened ("did not block"), a negated ability ("could not block") or a possibility ("may not
block") announces no decision (``clause_forms.withheld_obstruction``). A refusal made of a
negation ("would not sign") spends the negation on the REJECT: it is told as actual."""

from __future__ import annotations

import pytest

from eventwire import Pipeline
from eventwire.models import Modality


def types(pipeline: Pipeline, text: str) -> dict[str, list[Modality]]:
    out: dict[str, list[Modality]] = {}
    for event in pipeline.analyze_text(text).events:
        out.setdefault(event.type, []).append(event.modality)
    return out


WITHHELD = [
    "The Dutch premier said his cabinet would not block the Belgian request for the loan.",
    "Moscow will not veto the draft resolution on the ceasefire, the envoy told reporters.",
    "The opposition party said it won't oppose the government's budget bill in parliament.",
]


@pytest.mark.parametrize("text", WITHHELD)
def test_a_withheld_obstruction_is_consent(candidates: Pipeline, text: str) -> None:
    found = types(candidates, text)
    assert found.get("AGREE") == [Modality.ACTUAL], (text, found)
    assert "REJECT" not in found, (text, found)


NO_DECISION = [
    "The senators could not block the nomination of the new judge.",
    "Lisbon may not block the trade deal with Madrid, the diplomats said.",
]


@pytest.mark.parametrize("text", NO_DECISION)
def test_no_decision_is_no_consent(candidates: Pipeline, text: str) -> None:
    found = types(candidates, text)
    assert "AGREE" not in found, (text, found)


def test_a_refusal_spends_its_negation(candidates: Pipeline) -> None:
    text = "The union leaders said they would not sign the wage accord with the mining company."
    found = types(candidates, text)
    assert found.get("REJECT") == [Modality.ACTUAL], found
