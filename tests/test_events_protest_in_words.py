"""A protest made in words is an official complaint (ACCUSE 114), one made by people
demonstrating stays a PROTEST (extract/object_senses.protest_in_words). Texts written for
the tests."""

from __future__ import annotations

from eventwire import Pipeline


def _protests(pipeline: Pipeline, text: str) -> set[tuple[str, str | None, str | None]]:
    analysis = pipeline.analyze_text(text)
    return {
        (e.type, e.cameo, e.source.text if e.source else None)
        for e in analysis.events
        if "protest" in e.trigger.text.lower()
    }


def test_a_state_protesting_complains_officially(candidates: Pipeline) -> None:
    ministry = _protests(
        candidates, "The Foreign Ministry protested the detention of two fishermen by the coast guard."
    )
    assert {t for t, _, _ in ministry} == {"ACCUSE"} and {c for _, c, _ in ministry} == {"114"}
    country = _protests(candidates, "Uruguay protested the seizure of its fishing boat by Argentine patrols.")
    assert {(t, c) for t, c, _ in country} == {("ACCUSE", "114")}
    government = _protests(
        candidates, "Nepal's government protested against the closure of the border crossing."
    )
    assert {(t, c) for t, c, _ in government} == {("ACCUSE", "114")}


def test_a_protest_delivered_or_repeated_is_said(candidates: Pipeline) -> None:
    repeated = _protests(
        candidates, "The Malaysian Foreign Ministry reiterated its protest against the incursion."
    )
    assert repeated == {("ACCUSE", "114", "The Malaysian Foreign Ministry")}
    city = _protests(candidates, "Beijing repeated its protest over the detention of the fishing crew.")
    assert city == {("ACCUSE", "114", "Beijing")}


def test_a_protest_a_message_carries_is_made_in_words(candidates: Pipeline) -> None:
    statement = _protests(
        candidates, "The press council issued a statement protesting against the raid on the newspaper."
    )
    assert statement == {("ACCUSE", "114", "The press council")}
    letter = _protests(candidates, "The rights group wrote a letter to protest the jailing of the activist.")
    assert letter == {("ACCUSE", "114", "The rights group")}
    note = _protests(candidates, "The embassy sent a note of protest to the foreign ministry.")
    assert {(t, c) for t, c, _ in note} == {("ACCUSE", "114")}


def test_people_protesting_still_demonstrate(candidates: Pipeline) -> None:
    for text in (
        "Thousands of students protested outside the ministry on Monday.",
        "Teachers protested against the new pay rules.",
        "Farmers held a protest outside the parliament building.",
        "The opposition party staged a protest in the capital.",
        "Hundreds of government supporters protested outside the Danish embassy.",
        "Workers walked off the job to protest the pay cut.",
    ):
        found = _protests(candidates, text)
        assert found and {t for t, _, _ in found} == {"PROTEST"}, text
