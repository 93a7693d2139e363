"""Who does the act of an infinitive after a verb and its object (eventwire/nlp/control.py):
the object after a verb of influence ("urged Serbia to withdraw"), the subject after any other
verb, whose infinitive is a purpose clause ("summoned the envoy to protest")."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.nlp.control import object_controls
from eventwire.nlp.model import load_model
from tests.test_actors_pronouns import link_at
from tests.test_events_participles import sides


def test_a_verb_of_influence_hands_its_infinitive_to_its_object() -> None:
    nlp = load_model("md")
    assert object_controls(nlp("The union urged the workers to strike.")[2])
    assert object_controls(nlp("The court ordered the police to free the editor.")[2])
    assert not object_controls(nlp("The ministry summoned the envoy to protest.")[2])
    assert not object_controls(nlp("The police used tear gas to disperse the crowd.")[2])


def test_a_summoned_envoy_is_not_who_protests(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "The Moroccan foreign ministry summoned the Algerian ambassador to protest the closure of the border."
    )
    assert analysis.events
    assert all(sides(e)[0] == "MAR" for e in analysis.events if e.source is not None)


def test_the_urged_object_still_does_what_it_is_urged_to(pipeline: Pipeline) -> None:
    text = "The European Union urged Serbia to withdraw its troops from the border."
    assert link_at(pipeline, text, "its troops", 3).actor == "country:SRB"


def test_a_pronoun_in_a_purpose_clause_is_the_subject_s(pipeline: Pipeline) -> None:
    text = "Egypt summoned the Ethiopian delegation to protest what it called a violation of the treaty."
    assert link_at(pipeline, text, "it called", 2).actor == "country:EGY"
    text = "Russia summoned the Armenian embassy to protest what it called unfriendly steps."
    assert link_at(pipeline, text, "it called", 2).actor == "country:RUS"
