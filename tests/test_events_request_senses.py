""" "Seek" asks for something ("sought the release of X", "is seeking $2 billion from donors":
a REQUEST), but "sought to expel X" is trying to expel X: the act is the subject's own, no
request of anyone (the lexicon row forbids a clausal complement). "Appealed to X to ..." asks;
"appealed against the verdict" contests a ruling: a formal complaint (ACCUSE 115)."""

from __future__ import annotations

from eventwire import Pipeline


def types(pipeline: Pipeline, text: str) -> set[str]:
    return {event.type for event in pipeline.analyze_text(text).events}


def test_seeking_a_thing_is_a_request(candidates: Pipeline) -> None:
    assert "REQUEST" in types(
        candidates, "The opposition is seeking the release of its leader from the government."
    )


def test_seeking_to_act_is_no_request(candidates: Pipeline) -> None:
    found = types(candidates, "Prosecutors sought to charge the former minister over the missing funds.")
    assert "REQUEST" not in found
    assert "ACCUSE" in found  # the charging, the prosecutors' own act


def test_appealing_to_someone_is_a_request(candidates: Pipeline) -> None:
    assert "REQUEST" in types(candidates, "The UN appealed to both sides to stop the fighting.")


def test_appealing_against_a_ruling_is_a_complaint(candidates: Pipeline) -> None:
    found = types(candidates, "The opposition leader said he would appeal against the court ruling.")
    assert "ACCUSE" in found
    assert "REQUEST" not in found
