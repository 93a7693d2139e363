"""Mutual acts told once and coded both ways (coding rule 2): a joint act whose doer is found
after the event stage (the argument ranker): the other side of a fight ("during clashes
with ...", "traded fire with ..."), the partner of a deal the verb that makes it takes ("a
deal was struck with ...")."""

from __future__ import annotations

from eventwire.extract.pairs import joint_with
from eventwire.nlp import load_model


def test_a_fight_noun_and_a_deal_made_with_a_partner_are_joint() -> None:
    nlp = load_model("md")
    clashes = nlp("Riot police fired tear gas on Sunday during clashes with supporters of the candidate.")
    trigger = next(t for t in clashes if t.lower_ == "clashes")
    partner = next(t for t in clashes if t.lower_ == "supporters")
    assert joint_with("ASSAULT", "190", trigger, partner)
    deal = nlp("A deal was struck late on Sunday with leaders of the indigenous movement.")
    trigger = next(t for t in deal if t.lower_ == "deal")
    partner = next(t for t in deal if t.lower_ == "leaders")
    assert joint_with("AGREE", "030", trigger, partner)


def test_fire_traded_with_a_partner_is_a_joint_fight() -> None:
    """ "whose group has traded fire with Israel": the ranker finds the doer, each fires at the other."""
    nlp = load_model("md")
    doc = nlp("The movement's armed wing has traded almost daily fire with Israel since October.")
    trigger = next(t for t in doc if t.lower_ == "traded")
    partner = next(t for t in doc if t.text == "Israel")
    assert joint_with("ASSAULT", "190", trigger, partner)


def test_an_attack_noun_with_a_partner_is_not_joint() -> None:
    nlp = load_model("md")
    doc = nlp("Rebels launched an attack with mortars on the base on Sunday.")
    trigger = next(t for t in doc if t.lower_ == "attack")
    partner = next(t for t in doc if t.lower_ == "mortars")
    assert not joint_with("ASSAULT", "190", trigger, partner)
