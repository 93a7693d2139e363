"""Giving up one's own measure (CONCEDE), swaps of captives and phrasal releases (RETREAT): takes_a_kind in
extract/event_patterns.py and the "set free", "let go", "turn over" rows. Texts written for the tests."""

from __future__ import annotations

from eventwire import Pipeline


def _events(pipeline: Pipeline, text: str, trigger: str) -> list[tuple[str, str | None, str | None]]:
    analysis = pipeline.analyze_text(text)
    return [
        (e.type, e.cameo, e.target.text if e.target is not None else None)
        for e in analysis.events
        if e.trigger.text.lower().startswith(trigger)
    ]


def test_withdrawing_a_bill_is_a_concession_with_no_target_in_the_bill(candidates: Pipeline) -> None:
    found = _events(
        candidates,
        "The Kenyan government withdrew the disputed finance bill after weeks of unrest.",
        "withdrew",
    )
    assert found and all(t == "CONCEDE" for t, _, _ in found)
    assert all(target is None or "bill" not in target for _, _, target in found)


def test_withdrawing_troops_stays_a_retreat(candidates: Pipeline) -> None:
    found = _events(candidates, "Ethiopia withdrew its troops from the border town of Badme.", "withdrew")
    assert found and all(t == "RETREAT" for t, _, _ in found)


def test_dropping_charges_gives_way_and_dropping_bombs_does_not(candidates: Pipeline) -> None:
    dropped = _events(
        candidates, "Prosecutors in Lagos dropped all charges against the journalist Ade Bello.", "dropped"
    )
    assert ("CONCEDE", "080") in {(t, c) for t, c, _ in dropped}
    bombs = _events(candidates, "A Russian warplane dropped bombs near the Ukrainian village.", "dropped")
    assert all(t != "CONCEDE" for t, _, _ in bombs)


def test_repealing_a_decree_is_a_concession(candidates: Pipeline) -> None:
    found = _events(candidates, "Romania's government repealed the emergency decree on Sunday.", "repealed")
    assert found and all(t == "CONCEDE" for t, _, _ in found)


def test_phrasal_releases_are_retreats(candidates: Pipeline) -> None:
    let_go = _events(candidates, "The ELN let the Colombian engineer Juan Rojas go on Friday.", "let")
    assert ("RETREAT", "0841") in {(t, c) for t, c, _ in let_go}
    set_free = _events(candidates, "Boko Haram set the Nigerian pastor James Obi free on Monday.", "set")
    assert ("RETREAT", "0841") in {(t, c) for t, c, _ in set_free}
    turned = _events(
        candidates, "The FARC turned Colombian soldier Luis Gomez over to the Red Cross.", "turned"
    )
    assert turned and all(t == "RETREAT" for t, _, _ in turned)


def test_turning_sour_over_a_place_is_no_handover(candidates: Pipeline) -> None:
    found = _events(
        candidates, "Relations between Kenya and Uganda have turned sour over Migingo island.", "turned"
    )
    assert not found


def test_a_swap_of_prisoners_is_a_release_each_way(candidates: Pipeline) -> None:
    found = _events(candidates, "Armenia and Azerbaijan swapped 12 prisoners of war on Tuesday.", "swapped")
    assert {(t, c) for t, c, _ in found} == {("RETREAT", "0841")}
    assert {target for _, _, target in found} == {"Armenia", "Azerbaijan"}
    envoys = _events(candidates, "Chile and Peru swapped ambassadors for the first time in years.", "swapped")
    assert all(t != "RETREAT" for t, _, _ in envoys)
