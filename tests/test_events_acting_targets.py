"""A target the construction itself says is people: whom an act tells to do something ("urged
[the public] to stay calm"), the partner after "with" of a fight or a meeting ("clashed with
[security personnel]"), and the people a count or collective of a person verb's object holds
("detained 11 members of [a militant group]"). Their words need not be a role the knowledge
base knows nor an agent noun: an unknown group of its own, not no one. With an act that tells
no one to act, an infinitive after the object is its purpose, and the object stays a thing."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.models import Analysis


def sides(analysis: Analysis, type_: str) -> list[tuple[str | None, str | None]]:
    return [
        (e.source.text if e.source else None, e.target.text if e.target else None)
        for e in analysis.events
        if e.type == type_
    ]


def test_whom_a_request_tells_to_act_is_the_target(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("The mayor of the town urged the public to stay indoors on Sunday.")
    found = sides(analysis, "REQUEST")
    assert found and all(t is not None and "public" in t for _, t in found), found
    called = candidates.analyze_text("The envoy called on all sides to show restraint in the coming days.")
    found = sides(called, "REQUEST")
    assert found and all(t is not None and "sides" in t for _, t in found), found


def test_a_purpose_clause_makes_no_one_of_a_thing(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("The riot squad fired rubber bullets to break up the march.")
    targets = [t for e in analysis.events for t in [e.target.text if e.target else None]]
    assert not any(t and "bullets" in t for t in targets), targets


def test_the_partner_of_a_fight_is_a_side(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Several farmers clashed with security personnel outside the depot.")
    found = sides(analysis, "ASSAULT")
    assert any(t is not None and "personnel" in t for _, t in found), found
    assert any(s is not None and "personnel" in s for s, _ in found), found


def test_the_people_a_count_of_members_holds(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Officers on Monday detained 14 members of an outlawed separatist group."
    )
    found = sides(analysis, "COERCE")
    assert any(t is not None and "group" in t for _, t in found), found


def test_a_name_asked_to_act_is_someone(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "The committee on Monday urged the Mission for Stability in Central Africa to enforce the truce."
    )
    found = sides(analysis, "REQUEST")
    assert any(t is not None and "Mission" in t for _, t in found), found
