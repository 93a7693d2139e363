"""A verb of intention ("pledged", "promised", "offered", "vowed") whose object is a noun
the lexicon reads as no act states the intention through that noun (coding rule 5): a
thing given as aid or forces counted out are an offer of help (AGREE 033) to whom they go,
never to the thing itself; a course of action aimed "against" someone, named by the verb or by the
noun of a light verb it governs ("vowed to take measures against X"), is a threat to them.
A threat told by what it warns of takes the "against" object of that thing as its target."""

from __future__ import annotations

import pytest

from eventwire import Pipeline


def sides(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.type, e.source.text if e.source else None, e.target.text if e.target else None)
        for e in pipeline.analyze_text(text).events
    ]


OFFERS = [
    # (article, giver, recipient, the thing given)
    ("Norway pledged 800 soldiers to the African Union mission in Somalia on Friday.", "Norway", "Somalia", "soldiers"),
    ("Sweden promised $40 million in assistance for Moldova at the donors' meeting.", "Sweden", "Moldova", "million"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "giver", "recipient", "thing"), OFFERS)
def test_things_offered_go_to_a_recipient(
    candidates: Pipeline, text: str, giver: str, recipient: str, thing: str
) -> None:
    found = sides(candidates, text)
    agree = [(s, t) for type_, s, t in found if type_ == "AGREE"]
    assert agree, (text, found)
    assert all(t is None or (recipient in t and thing not in t) for _, t in agree), (text, found)
    assert any(s is not None and giver in s and t is not None for s, t in agree), (text, found)


def test_forces_offered_are_not_the_recipient(candidates: Pipeline) -> None:
    text = "Several Caribbean states have pledged 2,000 police officers, diplomats said."
    found = sides(candidates, text)
    assert not any(t is not None and "officers" in t for _, _, t in found), found


THREATS = [
    # (article, who threatens, at whom)
    ("The governor of Kano promised a tough line against the Hisbah militants on Monday.", "governor", "Hisbah"),
    ("The Moldovan president vowed harsh measures against the Transnistrian separatists.", "president", "Transnistrian"),
    ("The Bolivian cabinet vowed to take a series of steps against Chile.", "cabinet", "Chile"),
    ("The Chadian minister warned of severe measures against the striking teachers.", "minister", "teachers"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "source", "target"), THREATS)
def test_a_course_aimed_against_someone_is_a_threat(
    candidates: Pipeline, text: str, source: str, target: str
) -> None:
    found = sides(candidates, text)
    assert not any(type_ == "AGREE" for type_, _, _ in found), (text, found)
    threats = [(s, t) for type_, s, t in found if type_ == "THREATEN"]
    aimed = [(s, t) for s, t in threats if s is not None and source in s and t is not None]
    assert any(target in t for _, t in aimed), (text, found)


def test_an_act_noun_still_types_the_intention(candidates: Pipeline) -> None:
    text = "The Estonian government pledged closer cooperation against smuggling with Latvia."
    found = sides(candidates, text)
    assert not any(type_ == "THREATEN" for type_, _, _ in found), found
