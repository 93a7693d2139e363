"""An event noun that modifies a noun holding it names the event ("a mediation effort", "an
arrest warrant", "an aid package"), unlike one that names a kind of thing ("an attack
helicopter"). Texts written for the tests."""

from __future__ import annotations

from eventwire import Pipeline


def _events(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.source.actor if e.source else None) for e in pipeline.analyze_text(text).events]


def test_an_arrest_warrant_issued_is_an_arrest_ordered(candidates: Pipeline) -> None:
    text = "The International Criminal Court issued an arrest warrant for the former president on Friday."
    assert ("COERCE", "icc") in _events(candidates, text)


def test_an_aid_package_announced_is_aid(candidates: Pipeline) -> None:
    text = "Japan announced an aid package for flood-hit Pakistan on Monday."
    assert ("AID", "country:JPN") in _events(candidates, text)


def test_a_kind_of_thing_named_by_an_event_noun_is_no_event(candidates: Pipeline) -> None:
    text = "The army bought an attack helicopter from France last year."
    assert not [t for t, _ in _events(candidates, text) if t == "ASSAULT"]
