"""Targets the discourse gives: whom a judgement or a response is aimed at
(eventwire/resolve/implicit_args.py)."""

from __future__ import annotations

import pytest

from eventwire import Pipeline, PipelineConfig
from eventwire.models import Analysis, Event, JudgedAct, Mention, Span
from eventwire.resolve.implicit_args import MAX_CANDIDATES, answered, judged_doers


@pytest.fixture(scope="module")
def candidates() -> Pipeline:
    """Every event the rules find (no threshold)."""
    return Pipeline(PipelineConfig(min_confidence=0.0))


def aimed_at(analysis: Analysis, type_: str) -> list[str | None]:
    return [e.target.text if e.target else None for e in analysis.events if e.type == type_]


def test_a_judged_act_is_aimed_at_whoever_the_article_said_did_it(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Gunmen stormed a village in the north on Friday and abducted two teachers. "
        "Police arrested a trader in the south on Saturday.\n\n"
        "The governor condemned the abduction of the teachers."
    )
    assert aimed_at(analysis, "ACCUSE") == ["Gunmen"]  # the abductors, not the nearer arrest's police


def test_the_act_judged_is_the_one_done_to_whom_its_phrase_names(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Soldiers shot a protester in the capital on Friday. Separately, rebels killed a farmer in the east.\n\n"
        "The bishop condemned the killing of the protester."
    )
    assert aimed_at(analysis, "ACCUSE") == ["Soldiers"]  # the farmer's killers did another act


def test_whom_the_judged_act_was_done_to_is_never_the_target(candidates: Pipeline) -> None:
    """ "condemned the attack on the officers": at the attackers, if told, never the officers."""
    analysis = candidates.analyze_text("The government strongly condemned the attack on the police officers.")
    assert aimed_at(analysis, "ACCUSE") == [None]
    analysis = candidates.analyze_text(
        "Protesters attacked two police officers with sticks on Sunday. "
        "The government strongly condemned the attack on the officers."
    )
    assert aimed_at(analysis, "ACCUSE") == ["Protesters"]


def test_a_definite_act_refers_back_to_the_act_told_with_its_word(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "The army seized power in a coup on Tuesday, detaining the president.\n\n"
        "The coup was condemned by the African Union."
    )
    assert aimed_at(analysis, "ACCUSE") == ["The army"]


def test_no_act_told_or_no_single_doer_leaves_the_judgement_unaimed(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "The minister condemned the killing of a young shepherd near the border."
    )
    assert aimed_at(analysis, "ACCUSE") == [None]
    analysis = candidates.analyze_text(
        "Police and protesters clashed in the capital on Sunday. The mayor condemned the clashes."
    )
    assert aimed_at(analysis, "ACCUSE") == [None]  # each side fought the other: no one doer


def test_a_refusal_answers_whoever_asked(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Washington asked Mexico on Monday to extradite the two suspects. Mexico refused."
    )
    refusal = [e for e in analysis.events if e.type == "REJECT"]
    assert len(refusal) == 1 and refusal[0].target is not None and refusal[0].target.actor == "country:USA"


def test_dismissing_a_claim_answers_whoever_made_it(candidates: Pipeline) -> None:
    """A thing said ("the claim") with no act aimed at the responder: the latest statement's
    speaker, unless the responder said it."""
    analysis = candidates.analyze_text(
        "Colonel Ahmed Musa, the army spokesman, said the rebels had fled the town. "
        "The rebels, however, dismissed the claim."
    )
    assert aimed_at(analysis, "REJECT") == ["Colonel Ahmed Musa"]
    analysis = candidates.analyze_text(
        "Colonel Ahmed Musa, the army spokesman, said the rebels had fled the town. "
        "Colonel Musa later dismissed the claim."
    )
    assert aimed_at(analysis, "REJECT") == [None]


def test_force_answers_force_only(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Rebels attacked army troops near the border on Monday. The troops hit back."
    )
    assert aimed_at(analysis, "ASSAULT") == ["army troops", "Rebels"]
    analysis = candidates.analyze_text(
        "The president asked the army to leave the capital on Monday. The troops hit back."
    )
    assert aimed_at(analysis, "ASSAULT") == [None]  # a request is not answered by hitting the one who asked


# ---------------------------------------------------------------- the stage's functions alone
def _side(name: str, at: int) -> Mention:
    return Mention(name, at, at + len(name), f"unk:{name.lower()}")


def _event(type_: str, at: int, source: str | None, target: str | None = None, **kw: object) -> Event:
    span = Span("x" * 10, at, at + 10)
    return Event(
        type_, None, span, span, _side(source, at) if source else None, _side(target, at + 5) if target else None,
        **kw,  # type: ignore[arg-type]
    )  # fmt: skip


def test_a_judged_act_with_no_earlier_report_takes_the_next_one() -> None:
    judgement = _event("ACCUSE", 100, "Minister", judged=JudgedAct("ASSAULT", Span("attack", 120, 126)))
    events = [judgement, _event("ASSAULT", 300, "Militants", "Villagers")]
    judged_doers(events)
    assert judgement.target is not None and judgement.target.text == "Militants"


def test_acts_too_far_away_or_by_the_judge_are_no_antecedent() -> None:
    judgement = _event("ACCUSE", 5000, "Minister", judged=JudgedAct("ASSAULT", Span("attack", 5020, 5026)))
    events = [_event("ASSAULT", 100, "Militants"), _event("ASSAULT", 4900, "Minister"), judgement]
    judged_doers(events)
    assert judgement.target is None


def test_a_response_looks_back_a_bounded_number_of_acts() -> None:
    """Bounded work on long texts: only the latest ``MAX_CANDIDATES`` acts are looked at."""
    refusal = _event("REJECT", 1000, "Mexico", answers="act")
    asked = _event("REQUEST", 10, "Washington", "Mexico")
    noise = [_event("CONSULT", 20 + i, "Chile", "Peru") for i in range(MAX_CANDIDATES)]
    answered([asked, *noise, refusal], [])
    assert refusal.target is None
    answered([asked, refusal], [])
    assert refusal.target is not None and refusal.target.text == "Washington"
