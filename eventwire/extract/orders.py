"""Orders told by what they command: the sense of a verb of command from its complement.

An order is a demand (REQUEST) of whom it addresses, except where what it commands is
itself a coded act of the one who orders (CAMEO and PLOVER code the act, not the demand):

* an order to leave is an expulsion (CAMEO 166, SANCTION): "ordered the envoy out",
  "ordered out the force", "ordered the soldiers to leave the country";
* an order to the orderer's own forces is the forces' act, done by the orderer: "the
  president ordered troops to reinforce the border" mobilises (the caller's
  ``_commands_its_own`` then lets the complement stand, by the orderer).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract import event_patterns as pat

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

COMMAND = frozenset({"order", "command", "instruct"})
EXPULSION = "166"  # CAMEO: expel or withdraw (diplomats, peacekeepers, inspectors, agencies)
# Told to go: "ordered X out", "ordered X to leave / withdraw / depart".
_AWAY = frozenset({"out", "away"})
_LEAVING = frozenset({"leave", "withdraw", "depart", "quit", "exit", "vacate"})


def is_command(verb: Token) -> bool:
    return verb.pos_ == "VERB" and verb.lemma_.lower() in COMMAND


def orders_out(verb: Token) -> bool:
    """Whether a verb of command tells its addressee to go: a particle "out" ("ordered out
    the force", "ordered the envoy out of the country") or a complement verb of leaving
    ("ordered the troops to leave", "ordered that the envoy leave")."""
    if not is_command(verb):
        return False
    for child in verb.children:
        if child.dep_ in ("prt", "advmod", "prep") and child.lower_ in _AWAY:  # "out", "out of"
            return True
        if child.dep_ in ("xcomp", "ccomp") and child.lemma_.lower() in _LEAVING:
            return True
    return False


def addresses_own_forces(
    verb: Token, sectors: Callable[[Token], frozenset[str]], forces: frozenset[str]
) -> bool:
    """Whether a verb of command is addressed to forces of no other named side: "ordered
    troops", "ordered the army", "ordered the country's armed forces", not "ordered
    Belgian soldiers" or "ordered the rebels"."""
    addressee = pat.child(verb, ("dobj",))
    if addressee is None or not sectors(addressee) & forces:
        return False
    return not any(
        c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") for c in addressee.children
    )
