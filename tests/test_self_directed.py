"""An act whose two sides name one person or named group keeps one side only: the one its
own words give (eventwire/resolve/self_directed.py)."""

from __future__ import annotations

from eventwire.models import Event, Mention, Span
from eventwire.resolve.self_directed import drop_duplicate_side, self_directed

TEXT = (
    "Opposition leader Mara Velde said she would not leave the country. "
    "Mara Velde was detained at her home in the capital on Friday."
)


def _mention(words: str, actor: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return Mention(words, start, start + len(words), actor)


def _event(type_: str, evidence: str, source: Mention | None, target: Mention | None) -> Event:
    start = TEXT.index(evidence)
    span = Span(evidence, start, start + len(evidence))
    return Event(type_, "173", span, span, source, target)


VELDE = "person:mara-velde"


def test_a_doer_taken_from_elsewhere_that_is_the_one_detained_is_dropped() -> None:
    # "she" from the first sentence, lent as the doer of her own arrest
    event = _event(
        "COERCE", "Mara Velde was detained", _mention("she", VELDE), _mention("Mara Velde", VELDE, 1)
    )
    assert self_directed(event)
    drop_duplicate_side(event)
    assert event.source is None
    assert event.target is not None and event.target.text == "Mara Velde"


def test_a_pronoun_is_weaker_than_a_name_when_both_are_in_the_clause() -> None:
    event = _event(
        "COERCE",
        "Mara Velde was detained at her home",
        _mention("Mara Velde", VELDE, 1),
        _mention("her", VELDE),
    )
    drop_duplicate_side(event)
    assert event.source is not None and event.source.text == "Mara Velde"
    assert event.target is None


def test_two_parties_of_one_country_keep_both_sides() -> None:
    # "the capital's police" and "Opposition leader" both resolved to the state: two parties
    police, leader = _mention("the capital", "country:KEN"), _mention("Opposition leader", "country:KEN")
    event = _event("COERCE", "Mara Velde was detained", police, leader)
    assert not self_directed(event)
    drop_duplicate_side(event)
    assert event.source is police and event.target is leader


def test_two_actors_and_unknown_groups_are_left_alone() -> None:
    leader = _mention("Opposition leader", "unk:opposition-leader")
    event = _event(
        "COERCE", "Mara Velde was detained", leader, _mention("Opposition leader", "unk:opposition-leader")
    )
    assert not self_directed(event)
    other = _event(
        "COERCE",
        "Mara Velde was detained",
        _mention("she", "person:someone-else"),
        _mention("Mara Velde", VELDE, 1),
    )
    drop_duplicate_side(other)
    assert other.source is not None and other.target is not None
