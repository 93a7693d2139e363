"""A day in the possessive of an event noun ("Saturday's arrest", "last week's coup") tells
when the act happened, not who did it or to whom: the noun reads as with "the"."""

from __future__ import annotations

from eventwire import Pipeline


def sides(pipeline: Pipeline, text: str, type_: str) -> set[tuple[str | None, str | None]]:
    analysis = pipeline.analyze_text(text)
    return {
        (e.source and e.source.actor, e.target and e.target.actor) for e in analysis.events if e.type == type_
    }


def test_a_days_arrest_takes_its_detainee_from_the_of_phrase(candidates: Pipeline) -> None:
    dated = sides(
        candidates,
        "Human rights groups condemned Saturday's arrest of the Ugandan opposition leader Kizza Besigye.",
        "COERCE",
    )
    assert any(target == "person:kizza-besigye" for _, target in dated), dated


def test_a_day_in_the_possessive_reads_as_the_article(candidates: Pipeline) -> None:
    dated = (
        "Amnesty International condemned Tuesday's detention of the Tanzanian opposition leader Tundu Lissu."
    )
    plain = "Amnesty International condemned the detention of the Tanzanian opposition leader Tundu Lissu."
    for type_ in ("ACCUSE", "COERCE"):
        assert sides(candidates, dated, type_) == sides(candidates, plain, type_), type_
