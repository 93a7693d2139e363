"""Acts announced as decided with a plain "will" (a reduction of relations, a deployment, a
protest) are coded as the act itself, announced (modality threatened), not as a THREATEN;
force and coercion under "will" stay threats (coding rule 5)."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.models import Modality


def types(pipeline: Pipeline, text: str) -> dict[str, list[Modality]]:
    out: dict[str, list[Modality]] = {}
    for event in pipeline.analyze_text(text).events:
        out.setdefault(event.type, []).append(event.modality)
    return out


def test_an_announced_expulsion_is_the_expulsion(candidates: Pipeline) -> None:
    found = types(
        candidates, "Lithuania will expel three Belarusian diplomats, the foreign minister said on Monday."
    )
    assert found.get("SANCTION") == [Modality.THREATENED]
    assert "THREATEN" not in found


def test_an_announced_deployment_is_the_deployment(candidates: Pipeline) -> None:
    found = types(
        candidates, "Poland will deploy 2,000 more troops to its eastern border, the defence minister said."
    )
    assert Modality.THREATENED in found.get("MOBILIZE", [])
    assert "THREATEN" not in found


def test_force_under_will_stays_a_threat(candidates: Pipeline) -> None:
    found = types(candidates, "The rebel commander said his fighters will attack the army base at dawn.")
    assert "THREATEN" in found


def test_a_hypothetical_expulsion_stays_a_threat(candidates: Pipeline) -> None:
    found = types(
        candidates, "Lithuania could expel three Belarusian diplomats, the foreign minister warned."
    )
    assert "SANCTION" not in found or Modality.THREATENED not in found["SANCTION"]
