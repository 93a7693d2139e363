"""Object pronouns of acts read from their own sentence (extract/pronoun_objects.py): a thing
named just before "it" is aimed at by no one, not a country named further back."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.extract.pronoun_objects import object_referent
from eventwire.models import Event


def act(pipeline: Pipeline, text: str, type_: str, trigger: str) -> Event:
    analysis = pipeline.analyze_text(text)
    found = [e for e in analysis.events if e.type == type_ and e.trigger.text == trigger]
    assert found, [(e.type, e.trigger.text) for e in analysis.events]
    return found[0]


def test_it_after_a_thing_in_its_clause_names_no_one(candidates: Pipeline) -> None:
    attack = act(
        candidates,
        "Sudan accused Chad of arming the rebels. A convoy of trucks crossed the border at night "
        "and Sudanese soldiers attacked it near Geneina.",
        "ASSAULT", "attacked",
    )  # fmt: skip
    assert attack.target is None  # the convoy, not Chad


def test_it_takes_the_subject_of_the_clause_above_before_the_country_further_back(
    candidates: Pipeline,
) -> None:
    strike = act(
        candidates, "The ministry of Ukraine said a depot was on fire after Russian drones hit it overnight.",
        "ASSAULT", "hit",
    )  # fmt: skip
    assert strike.target is None  # the depot
    storm = act(
        candidates,
        "Fighting spread across Mali on Sunday. A police station in Gao was abandoned before the "
        "jihadists stormed it.",
        "ASSAULT", "stormed",
    )  # fmt: skip
    assert storm.target is None  # the police station


def test_them_skips_the_slogans_of_a_relative_clause(candidates: Pipeline) -> None:
    order = act(
        candidates,
        "Riot police moved in on the students, who were singing protest songs, and ordered them "
        "to leave the square.",
        "REQUEST", "ordered",
    )  # fmt: skip
    assert order.target is not None and order.target.actor is not None
    assert "students" in (order.target.actor or "")


def test_it_under_a_clause_takes_its_main_subject(candidates: Pipeline) -> None:
    """ "Caracas ..., complaining that the sanctions placed on it": Caracas, past the things
    named in between (the vote, a step)."""
    sanctions = act(
        candidates,
        "Caracas praised the vote as a step forward, while complaining that the European "
        "sanctions placed on it in 2017 were still in force.",
        "COERCE", "sanctions",
    )  # fmt: skip
    assert sanctions.target is not None and sanctions.target.actor == "country:VEN"


def test_a_count_of_them_is_whom_them_stands_for(rules: Pipeline) -> None:
    """ "shot dead 13 of them": the militants the clause is about, not an unnamed group of
    thirteen, nor the troops who shot (the subject of the count's clause)."""
    shooting = act(
        rules,
        "Army troops cornered the militants in a forest near the border and shot dead 13 of them "
        "on Tuesday.",
        "ASSAULT", "shot",
    )  # fmt: skip
    assert shooting.target is not None and shooting.target.actor is not None
    assert "militant" in shooting.target.actor
    assert shooting.source is not None and shooting.target.actor != shooting.source.actor


def test_them_after_a_count_of_people_is_the_people(rules: Pipeline) -> None:
    """ "stopped dozens of students ... and arrested five of them": the students counted, not
    the count ("dozens" names no one)."""
    arrest = act(
        rules,
        "Police stopped dozens of students outside the campus on Monday and detained five of them.",
        "COERCE", "detained",
    )  # fmt: skip
    assert arrest.target is not None and "student" in (arrest.target.actor or "")


def test_them_is_not_the_witnesses_who_tell_of_the_act_after_it(pipeline: Pipeline) -> None:
    """ "police detained five of them, witnesses said": not the witnesses, whose clause above
    comes after the pronoun; an object pronoun looks back (here, past its sentence)."""
    analysis = pipeline.analyze_text(
        "Hundreds of students marched on the ministry in Harare on Monday. Riot police "
        "detained five of them, witnesses said."
    )
    them = next(t for sd in analysis.docs for t in sd.doc if t.lower_ == "them")
    assert object_referent(them) is None
