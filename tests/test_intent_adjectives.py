"""An intention adjective ("ready", "willing", "prepared") states an intention only with the act
intended, a to-infinitive: "ready to send aid" is a promise (AGREE); "ready for the vote",
"the offensive is ready" tell preparation, no act aimed at anyone (coding rule 5)."""

from __future__ import annotations

from eventwire import Pipeline


def _types(pipeline: Pipeline, text: str) -> list[str]:
    return [e.type for e in pipeline.analyze_text(text).events]


def test_ready_with_the_act_intended_is_a_promise(candidates: Pipeline) -> None:
    found = _types(candidates, "Norway said on Tuesday it was ready to send medical teams to Chile.")
    assert "AGREE" in found


def test_willing_with_the_act_intended_is_a_promise(candidates: Pipeline) -> None:
    found = _types(candidates, "The rebels said they were willing to negotiate with the government.")
    assert "AGREE" in found


def test_units_getting_ready_for_their_tasks_promise_nothing(candidates: Pipeline) -> None:
    text = (
        '"The troops and the reserve units that are massing along the border are getting ready for'
        ' their tasks," the Israeli army said of Hamas.'
    )
    assert "AGREE" not in _types(candidates, text)


def test_a_country_getting_ready_for_elections_promises_nothing(candidates: Pipeline) -> None:
    text = "Somalia broke off relations with Kenya on Monday as Mogadishu gets ready for its elections."
    found = _types(candidates, text)
    assert "SANCTION" in found
    assert "AGREE" not in found


def test_ready_for_a_strike_is_the_strike_not_a_threat(candidates: Pipeline) -> None:
    """Readiness alone is no threat: the act prepared is the event."""
    assert _types(candidates, "Chile said the army was ready for a strike on the rebels.") == ["ASSAULT"]
