"""Reference chains: a pronoun or a description that repeats an earlier mention (resolve/actors.py)."""

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


def test_the_coalition_is_the_coalition_named_before_not_the_last_bloc(pipeline: Pipeline) -> None:
    """ "the coalition" repeats the head of "the Saudi-led coalition"; the Red Cross named
    after it is another body."""
    analysis = pipeline.analyze_text(
        "The Saudi-led coalition fighting in Yemen said on Friday it had started flying detainees home, "
        "working with the International Committee of the Red Cross (ICRC).\n\n"
        "Last month the coalition said it would release 120 detainees held since the start of the war."
    )
    text = analysis.article.text
    stage = next(s for s in pipeline.stages if isinstance(s, ActorStage))
    start = text.index("the coalition said")
    coalition = stage.link(analysis, start, start + len("the coalition"), head=start + 4)
    first = text.index("The Saudi-led coalition")
    named = stage.link(analysis, first, first + len("The Saudi-led coalition"), head=first + 14)
    assert named.actor is not None and coalition.actor == named.actor
