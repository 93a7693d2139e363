"""Transfer frames: giving or sending money, arms or goods to a recipient is AID
(extract/transfers.py). Texts written for the tests."""

from __future__ import annotations

from eventwire import Pipeline


def _events(pipeline: Pipeline, text: str) -> set[tuple[str, str | None, str | None]]:
    analysis = pipeline.analyze_text(text)
    return {
        (e.type, e.source.text if e.source else None, e.target.text if e.target else None)
        for e in analysis.events
    }


def test_goods_shipped_to_a_state_are_aid_to_it(candidates: Pipeline) -> None:
    found = _events(candidates, "Vietnam shipped 20,000 tonnes of rice to Laos on Monday.")
    assert ("AID", "Vietnam", "Laos") in found
    supplies = _events(candidates, "Norway delivered medical supplies to Mozambique last week.")
    assert ("AID", "Norway", "Mozambique") in supplies


def test_money_announced_for_a_state_is_aid_to_it(candidates: Pipeline) -> None:
    found = _events(candidates, "Canada announced $12 million in emergency aid for Madagascar on Friday.")
    assert ("AID", "Canada", "Madagascar") in found
    assert all(t == "AID" for t, _, _ in found)


def test_arms_sent_are_military_aid(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Belarus has been sending rifles and ammunition to the Wagner fighters."
    )
    codes = {(e.type, e.cameo) for e in analysis.events}
    assert ("AID", "072") in codes


def test_a_receiver_gets_aid_from_the_giver(candidates: Pipeline) -> None:
    found = _events(candidates, "Chad received 3,000 tonnes of food from Egypt in March.")
    assert ("AID", "Egypt", "Chad") in found


def test_goods_arriving_are_aid_by_their_owner(candidates: Pipeline) -> None:
    found = _events(candidates, "Japan's first consignment of relief supplies has reached Tonga.")
    assert any(t == "AID" and (s or "").startswith("Japan") and o == "Tonga" for t, s, o in found)


def test_police_sent_to_a_foreign_state_are_security_aid(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Rwanda sent 300 police officers to the Central African Republic.")
    found = {(e.type, e.cameo, e.target.text if e.target else None) for e in analysis.events}
    assert any(t == "AID" and code == "074" and target for t, code, target in found)


def test_troops_sent_to_a_border_stay_a_deployment(candidates: Pipeline) -> None:
    found = _events(candidates, "Venezuela dispatched 5,000 soldiers to its border with Colombia.")
    assert found and all(t == "MOBILIZE" for t, _, _ in found)


def test_things_that_are_not_given_make_no_aid(candidates: Pipeline) -> None:
    found = _events(candidates, "Two Ukrainian helicopters were brought down by Russian missiles.")
    assert all(t != "AID" for t, _, _ in found)
    letter = _events(candidates, "Peru sent a letter to Ecuador on Tuesday.")
    assert all(t != "AID" for t, _, _ in letter)


def test_aid_told_as_an_amount_of_it_is_given_by_the_verbs_subject(candidates: Pipeline) -> None:
    """amount_giver in extract/event_patterns.py: "approved $X in aid to Y". Text written for the test."""
    analysis = candidates.analyze_text("Japan approved $250 million in aid to Sri Lanka on Monday.")
    found = {
        (e.type, e.source.text if e.source else None, e.target.text if e.target else None)
        for e in analysis.events
    }
    assert ("AID", "Japan", "Sri Lanka") in found
