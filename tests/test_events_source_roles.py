"""Sources the parse gives through a phrase around the doer (helper21-C census of the train
half's wrong sources): a description set in apposition after a name ("Norway, a NATO member
that expelled ...") tells an act of the name's actor, not of the actor its modifier names;
"slapped sanctions on X" is a light verb whose subject imposes the sanctions, on each
member of a list of targets as on one."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.models import Analysis


def sides(analysis: Analysis, type_: str) -> list[tuple[str | None, str | None]]:
    return [
        (e.source.actor if e.source else None, e.target.actor if e.target else None)
        for e in analysis.events
        if e.type == type_
    ]


def test_a_described_name_does_the_act_of_its_relative_clause(rules: Pipeline) -> None:
    analysis = rules.analyze_text(
        "Norway, a NATO member that expelled three Russian diplomats last year, said on Monday "
        "it would reopen its embassy."
    )
    found = sides(analysis, "SANCTION")
    assert found and all(source == "country:NOR" for source, _ in found), found


def test_a_description_before_a_name_is_left_alone(rules: Pipeline) -> None:
    analysis = rules.analyze_text("Its closest ally, Chad, expelled three Libyan diplomats on Monday.")
    found = sides(analysis, "SANCTION")
    assert found and all(source == "country:TCD" for source, _ in found), found


def test_slapped_sanctions_are_imposed_by_the_subject_on_each_target(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Britain slapped sanctions on Iran's interior minister and two Syrian generals on Friday."
    )
    found = sides(analysis, "COERCE")
    assert len(found) == 2 and all(source == "country:GBR" for source, _ in found), found
    assert {target for _, target in found} == {"country:IRN", "country:SYR"}, found
