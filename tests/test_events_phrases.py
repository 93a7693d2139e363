"""Noun phrase bounds of event sides: a clause set off by commas is no part of the name
(extract/event_patterns.py ``phrase_bounds``)."""

from __future__ import annotations

from eventwire import Pipeline


def test_a_relative_clause_after_the_doer_is_no_part_of_its_name(pipeline: Pipeline) -> None:
    """ "The bloc, which is based in Brussels, condemned ...": the bloc named before, not the
    city the clause names (nor no one)."""
    analysis = pipeline.analyze_text(
        "The European Union said on Monday it would send observers. The bloc, which is based in "
        "Brussels, condemned the arrests of opposition leaders by Nicaraguan police."
    )
    condemn = next(e for e in analysis.events if e.type == "ACCUSE")
    assert condemn.source is not None and condemn.source.text == "The bloc"
    assert condemn.source.actor == "eu"
    court = pipeline.analyze_text(
        "The court, which sits in Geneva, condemned the sanctions imposed by the United States."
    )
    condemn = next(e for e in court.events if e.type == "ACCUSE")
    assert condemn.source is not None and condemn.source.text == "The court"


def test_a_bracketed_acronym_keeps_its_closing_bracket(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "The Economic Community of West African States (ECOWAS), which met in Abuja, "
        "threatened to impose sanctions on the junta."
    )
    threat = next(e for e in analysis.events if e.type == "THREATEN")
    assert threat.source is not None and threat.source.text.endswith("(ECOWAS)")
