"""Pronoun chains: a subject pronoun that repeats the one before it (resolve/actors.py)."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.models import Analysis, Mention
from eventwire.resolve.actors import ActorStage

TEXT = (
    "Interior Minister Carlos Mendez ordered the closure of the northern border crossings on Friday. "
    "He instructed the national customs agency to inspect every truck. "
    "He also called on the Trucking Federation to keep its members away from the frontier."
)


def link_at(pipeline: Pipeline, analysis: Analysis, phrase: str) -> Mention:
    stage = next(s for s in pipeline.stages if isinstance(s, ActorStage))
    start = analysis.article.text.index(phrase)
    return stage.link(analysis, start, start + 2, head=start)


def test_he_with_no_name_in_reach_continues_the_he_before(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(TEXT)
    assert link_at(pipeline, analysis, "He instructed").actor == "person:carlos-mendez"
    assert link_at(pipeline, analysis, "He also called").actor == "person:carlos-mendez"


def test_a_chain_breaks_at_another_subject(pipeline: Pipeline) -> None:
    """ "The agency said ... He": the sentence before has no "he" to continue."""
    analysis = pipeline.analyze_text(
        "Interior Minister Carlos Mendez ordered the closure of the northern border crossings on Friday. "
        "The national customs agency said every truck would be inspected. "
        "The agency added that drivers should expect delays. "
        "He also called on the Trucking Federation to keep its members away from the frontier."
    )
    assert link_at(pipeline, analysis, "He also called").actor is None
