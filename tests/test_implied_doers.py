"""Doers of takings and releases told in the passive without their agent
(eventwire/resolve/implied_doers.py)."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.models import Analysis, Event, Mention, Span
from eventwire.resolve.event_coref import Paragraphs
from eventwire.resolve.implied_doers import arresting_force, released_by_captors


def sides(analysis: Analysis, type_: str) -> list[tuple[str | None, str | None]]:
    return [
        (e.source.text if e.source else None, e.target.text if e.target else None)
        for e in analysis.events if e.type == type_
    ]  # fmt: skip


def test_a_release_is_by_whoever_took_the_one_released(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Rebels abducted Maria Lopez, a nurse with a medical charity, near the border last year.\n\n"
        "The charity said on Saturday that talks had dragged on for weeks.\n\n"
        "Lopez was released on Friday and flown to the capital."
    )
    assert sides(analysis, "RETREAT") == [("Rebels", "Lopez")]
    release = next(e for e in analysis.events if e.type == "RETREAT")
    assert release.signals["implied_source"] == 1.0  # the scorer sees the doer was implied


def test_a_release_never_takes_the_captors_of_someone_else(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Rebels abducted Maria Lopez, a nurse with a medical charity, near the border last year.\n\n"
        "The charity said on Saturday that talks had dragged on for weeks.\n\n"
        "Another nurse, Tom Reed, was released on Friday and flown to the capital."
    )
    assert sides(analysis, "RETREAT") == [(None, "Another nurse, Tom Reed")]


def test_one_arrest_told_twice_is_one_act_by_the_captors_named_once(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Opposition leader John Banda was detained on Monday, his party said.\n\n"
        "The party said the gathering had been peaceful and demanded new elections.\n\n"
        "Police arrested Banda for holding an unlawful rally, a spokesman said."
    )
    arrests = [e for e in analysis.events if e.type == "COERCE"]
    assert [(e.source.text if e.source else None, len(e.mentions)) for e in arrests] == [("Police", 1)]


def test_an_arrest_without_a_doer_is_by_the_one_force_the_article_shows(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Thousands of students marched through Nairobi on Saturday. Police beat them with batons "
        "outside the parliament.\n\nFive students were arrested, their union said."
    )
    assert sides(analysis, "COERCE") == [("Police", "Five students")]


def test_two_states_forces_or_none_leave_the_arrest_without_a_doer(candidates: Pipeline) -> None:
    two = candidates.analyze_text(
        "Thousands of students marched through Lusaka on Saturday. Zambian police beat them with batons "
        "outside the parliament.\n\nMalawian soldiers shot at traders across the border.\n\n"
        "Five students were arrested, their union said."
    )
    assert sides(two, "COERCE") == [(None, "Five students")]
    attacked = candidates.analyze_text(  # police that were attacked are no arresting force
        "Thousands of students marched through Nairobi on Saturday. Their union said police stations "
        "were attacked.\n\nFive students were arrested, their union said."
    )
    assert sides(attacked, "COERCE") == [(None, "Five students")]


def _event(cameo: str, at: int, source: str | None, target: str, actor: str) -> Event:
    span = Span(target, at, at + len(target))
    doer = Mention(source, at, at + len(source), f"unk:{source.lower()}") if source else None
    type_ = "RETREAT" if cameo == "0841" else "COERCE"
    return Event(type_, cameo, span, span, source=doer, target=Mention(target, at, at + 5, actor))


def test_with_no_taking_told_before_a_release_looks_on_in_its_paragraph() -> None:
    text = "He was freed on Monday, a day after militiamen detained him at a checkpoint.\nSoldiers held him."
    release = _event("0841", 0, None, "He", "person:a")
    taking = _event("173", 40, "Militiamen", "him", "person:a")
    released_by_captors([release, taking], Paragraphs(text))
    assert release.source is not None and release.source.text == "Militiamen"
    release = _event("0841", 0, None, "He", "person:a")
    elsewhere = _event("173", 80, "Soldiers", "him", "person:a")  # the next paragraph
    released_by_captors([release, elsewhere], Paragraphs(text))
    assert release.source is None


def _force(text: str, at: int, country: str, sector: str) -> Mention:
    return Mention(text, at, at + len(text), f"country:{country}", country, [sector])


def test_a_bare_police_noun_resolved_to_its_state_is_the_arresting_force() -> None:
    """ "Police" resolved to the story's state (Kenya's, sector COP on the mention) is a
    force though the actor record is the country: only the mention says it is the police."""
    span = Span("beat", 0, 4)
    beating = Event("ASSAULT", "182", span, span, source=_force("Police", 0, "KEN", "COP"))
    beating.target = Mention("students", 12, 20, "unk:students", "KEN", ["CVL"])
    spoken = Event("ACCUSE", "111", span, span, source=Mention("Kenya", 40, 45, "country:KEN", "KEN", []))
    force = arresting_force([], [beating, spoken])
    assert force is not None and (force.text, force.actor, force.sectors) == (
        "Police",
        "country:KEN",
        ["COP"],
    )
    soldiers = Event("ASSAULT", "190", span, span, source=_force("soldiers", 60, "UGA", "MIL"))
    assert arresting_force([], [beating, soldiers]) is None  # two states' forces: none


def test_an_abduction_without_a_doer_is_by_the_one_armed_group_named(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "The ELN said on Monday it would free a businessman within days. "
        "The businessman was abducted in Arauca in March."
    )
    abduction = next(e for e in analysis.events if e.type == "ASSAULT")
    assert abduction.source is not None and abduction.source.actor == "eln"
    assert abduction.signals["implied_source"] == 1.0


def test_two_armed_groups_leave_the_abduction_without_a_doer(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "The ELN and the FARC said on Monday they would hold talks. "
        "A businessman was abducted in Arauca in March."
    )
    assert sides(analysis, "ASSAULT") == [(None, "A businessman")]
