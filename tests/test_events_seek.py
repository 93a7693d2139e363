""" "Seek" asks for something ("sought the release of X", "is seeking $2 billion from donors":
a REQUEST), but "sought to expel X" is trying to expel X: the act is the subject's own, no
request of anyone (the lexicon row forbids a clausal complement)."""

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
