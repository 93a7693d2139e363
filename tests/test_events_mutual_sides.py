"""Mutual acts told once and coded both ways (coding rule 2): a joint act whose doer is found
after the event stage (the argument ranker): the other side of a fight ("during clashes
with ...", "traded fire with ..."), the partner of a deal the verb that makes it takes ("a
deal was struck with ..."). Not an attack made with a weapon."""

from __future__ import annotations

import pytest

from eventwire.extract.pairs import joint_with
from eventwire.nlp import load_model


@pytest.mark.parametrize(
    ("text", "trigger", "partner", "type_", "cameo", "joint"),
    [
        ("Riot police fired tear gas on Sunday during clashes with supporters of the candidate.",
         "clashes", "supporters", "ASSAULT", "190", True),
        ("A deal was struck late on Sunday with leaders of the indigenous movement.",
         "deal", "leaders", "AGREE", "030", True),
        # "whose group has traded fire with Israel": the ranker finds the doer, each fires at the other
        ("The movement's armed wing has traded almost daily fire with Israel since October.",
         "traded", "israel", "ASSAULT", "190", True),
        ("Rebels launched an attack with mortars on the base on Sunday.",
         "attack", "mortars", "ASSAULT", "190", False),
    ],
)  # fmt: skip
def test_a_partner_after_with_makes_a_fight_or_deal_joint(
    text: str, trigger: str, partner: str, type_: str, cameo: str, joint: bool
) -> None:
    doc = load_model("md")(text)
    act = next(t for t in doc if t.lower_ == trigger)
    other = next(t for t in doc if t.lower_ == partner)
    assert joint_with(type_, cameo, act, other) is joint
