"""Referring expressions that are an event's only named actor: a state called by its kind of
rule ("the kingdom") and a pronoun subject of a relative clause ("which it accused")."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.models import Analysis, Event


def events(analysis: Analysis, type_: str) -> list[Event]:
    return [e for e in analysis.events if e.type == type_]


def pairs(analysis: Analysis, type_: str) -> set[tuple[str | None, str | None]]:
    return {(e.source and e.source.actor, e.target and e.target.actor) for e in events(analysis, type_)}


def describe(analysis: Analysis) -> list[str]:
    return [f"{e.type}:{e.source and e.source.actor}->{e.target and e.target.actor}" for e in analysis.events]


def test_the_kingdom_is_the_state_named_last(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Jordan's foreign ministry said on Sunday that the kingdom condemned the attack on the border post."
    )
    assert any(e.source and e.source.country == "JOR" for e in events(analysis, "ACCUSE")), describe(analysis)


def test_a_pronoun_in_a_relative_clause_is_not_the_noun_it_modifies(candidates: Pipeline) -> None:
    """ "which it accused": "which" is the noun the clause modifies, the clause's object, so
    "it" is the subject of the clause that named the noun, not the nearest name."""
    analysis = candidates.analyze_text(
        "Burkina Faso expelled the French ambassador's staff and banned the Wagner group, "
        "which it accused of arming bandits in the north."
    )
    assert ("country:BFA", "wagner") in pairs(analysis, "ACCUSE"), describe(analysis)
    accusers = {e.source and e.source.actor for e in events(analysis, "ACCUSE")}
    assert "wagner" not in accusers, describe(analysis)


def test_a_pronoun_of_a_zero_relative_clause(candidates: Pipeline) -> None:
    """ "the government it overthrew": the army, the subject of "holding", overthrew it, not
    the party named in the government's own phrase."""
    analysis = candidates.analyze_text(
        "The army is still holding ministers of the Ennahda government it overthrew in July."
    )
    overthrew = [e for e in events(analysis, "COERCE") if "overthrew" in e.evidence.text]
    assert overthrew, describe(analysis)
    assert all(e.source and e.source.actor == "unk:army" for e in overthrew), describe(analysis)


def test_states_of_a_kind_no_name_gives_are_one_unknown_actor(candidates: Pipeline) -> None:
    """ "five Gulf nations": a group of states the text sets apart by a word, an actor of its
    own; bare "countries" counted ("more than 40 countries") sets no group apart."""
    analysis = candidates.analyze_text(
        "Five Gulf nations condemned the seizure of the tanker by Iran on Monday."
    )
    accusers = {e.source and e.source.actor for e in events(analysis, "ACCUSE")}
    assert "unk:gulf-nations" in accusers, describe(analysis)
    bare = candidates.analyze_text("More than 40 countries condemned the seizure of the tanker on Monday.")
    assert not any(e.source and e.source.actor for e in events(bare, "ACCUSE")), describe(bare)


def test_the_country_is_not_the_state_that_speaks_of_it(candidates: Pipeline) -> None:
    """ "Canada pressed Peru ... warning that the country": the state warned, not the one
    warning, and not the state named last in a prepositional phrase."""
    analysis = candidates.analyze_text(
        "Canada has pressed Peru to cancel its mining contract with China, "
        "warning that the country would face trade penalties."
    )
    assert ("country:CAN", "country:PER") in pairs(analysis, "THREATEN"), describe(analysis)


def test_the_kingdom_as_a_subject_continues_the_main_subject(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Morocco recalled its envoy from Algeria on Monday, deepening a rift that began "
        "after the kingdom arrested two fishermen."
    )
    sources = {e.source and e.source.actor for e in events(analysis, "COERCE")}
    assert sources == {"country:MAR"}, describe(analysis)


def test_two_allies_named_by_their_bloc_are_the_pair(candidates: Pipeline) -> None:
    """ "The two NATO allies": the two states named together before, not NATO."""
    analysis = candidates.analyze_text(
        "Spain and Portugal have argued for months over river water. "
        "The two NATO allies held talks in Madrid on Tuesday."
    )
    actors = {a for pair in pairs(analysis, "CONSULT") for a in pair}
    assert actors == {"country:ESP", "country:PRT"}, describe(analysis)
