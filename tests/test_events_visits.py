"""Travel by a state's agent to another state is a visit (extract/visits.py). Texts written for the tests."""

from __future__ import annotations

from eventwire import Pipeline


def _consults(pipeline: Pipeline, text: str, trigger: str) -> list[tuple[str | None, str | None, str | None]]:
    analysis = pipeline.analyze_text(text)
    return [
        (e.cameo, e.source.text if e.source else None, e.target.text if e.target else None)
        for e in analysis.events
        if e.type == "CONSULT" and e.trigger.text.lower().startswith(trigger)
    ]


def test_an_official_flying_to_a_foreign_capital_visits_it(candidates: Pipeline) -> None:
    found = _consults(candidates, "The Japanese foreign minister flew to Seoul on Monday.", "flew")
    assert [(c, t) for c, _, t in found] == [("042", "Seoul")]
    assert found[0][1] is not None and "minister" in found[0][1]


def test_a_delegation_landing_in_a_country_visits_it(candidates: Pipeline) -> None:
    found = _consults(candidates, "A Chinese trade delegation landed in Peru on Sunday.", "landed")
    assert [(c, t) for c, _, t in found] == [("042", "Peru")]


def test_an_officials_trip_abroad_is_a_visit(candidates: Pipeline) -> None:
    found = _consults(
        candidates, "The Polish prime minister's trip to Lithuania was announced on Friday.", "trip"
    )
    assert [(c, t) for c, _, t in found] == [("042", "Lithuania")]


def test_people_who_are_no_officials_travelling_do_not_visit(candidates: Pipeline) -> None:
    assert not _consults(
        candidates, "Hundreds of migrants travelled to Italy by boat last week.", "travelled"
    )
    assert not _consults(candidates, "Two hundred tourists flew to Kenya on Saturday.", "flew")


def test_travel_at_home_or_to_a_town_is_no_visit(candidates: Pipeline) -> None:
    assert not _consults(
        candidates, "The Kenyan interior minister travelled to Nairobi on Monday.", "travelled"
    )
    assert not _consults(
        candidates, "The minister travelled to a small coastal town to inspect the port.", "travelled"
    )


def test_going_back_is_no_visit(candidates: Pipeline) -> None:
    assert not _consults(candidates, "The foreign minister flew back to Madrid after the summit.", "flew")


def test_civilians_arriving_make_no_visit(candidates: Pipeline) -> None:
    assert not _consults(candidates, "Thousands of refugees arrived in Greece on Monday.", "arrived")
    assert not _consults(candidates, "Hundreds of migrants arrived in Italy by boat.", "arrived")


def test_an_envoy_arriving_still_visits(candidates: Pipeline) -> None:
    found = _consults(candidates, "The Norwegian envoy arrived in Colombia on Tuesday.", "arrived")
    assert [c for c, _, _ in found] == ["042"]


def test_a_planned_journey_abroad_is_the_visit_not_an_agreement(candidates: Pipeline) -> None:
    text = "The Japanese prime minister will travel to Seoul next month."
    analysis = candidates.analyze_text(text)
    travel = [e for e in analysis.events if e.trigger.text == "travel"]
    assert [(e.type, e.cameo, e.modality) for e in travel] == [("CONSULT", "042", "threatened")]
