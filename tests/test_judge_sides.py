"""Whoever condemns or praises an act is no side of it (resolve/judges.py), unless the
judging verb's own grammar makes them its doer. Texts written for the tests."""

from __future__ import annotations

import pytest

from eventwire import Pipeline


def _sides(pipeline: Pipeline, text: str, kind: str) -> list[tuple[str | None, str | None]]:
    events = pipeline.analyze_text(text).events
    return [
        (e.source.text if e.source else None, e.target.text if e.target else None)
        for e in events
        if e.type == kind
    ]


@pytest.mark.parametrize(
    ("text", "judge", "target"),
    [
        ("France condemned the detention of journalist Marie Dubois.", "France", "journalist Marie Dubois"),
        (
            "The United States condemned the arrest of activist Li Wei on Friday.",
            "United States",
            "activist Li Wei",
        ),
    ],
)
def test_the_judge_of_an_arrest_is_not_its_doer(
    candidates: Pipeline, text: str, judge: str, target: str
) -> None:
    arrests = _sides(candidates, text, "COERCE")
    assert arrests, text
    assert all(source is None or judge not in source for source, _ in arrests), arrests
    assert any(found == target for _, found in arrests), arrests


def test_a_judge_doing_what_it_approves_stays_its_doer(candidates: Pipeline) -> None:
    # "approved sending troops": the sending shares the approving verb's subject
    aid = _sides(candidates, "Southern African countries approved sending troops to Mozambique.", "AID")
    assert ("Southern African countries", None) in aid, aid
