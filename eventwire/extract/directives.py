"""Orders and warnings told by what they direct: the sense of the verb from its complement.

An order is a demand (REQUEST) of whom it addresses, except where what it commands is
itself a coded act of the one who orders (CAMEO and PLOVER code the act, not the demand):

* an order to leave is an expulsion (CAMEO 166, SANCTION): "ordered the envoy out",
  "ordered out the force", "ordered the soldiers to leave the country";
* an order to the orderer's own forces is the forces' act, done by the orderer: "the
  president ordered troops to reinforce the border" mobilises (the caller's
  ``_commands_its_own`` then lets the complement stand, by the orderer).

A warning is a threat (THREATEN) unless what it tells is what another must do: "warned
Seoul to stop the leaflets", "warned that Beijing had to play by the rules", "warned that
Myanmar must stop the killings" demand it of them (REQUEST, coding rule 4); "warned
villagers to leave or face attack" keeps its threat.
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
_STATE_NOUNS = frozenset({"country", "territory", "nation", "state", "capital"})
# Names that make whom an order addresses another state's (or a body's) people.
_STATES = frozenset({"NORP", "GPE"})
_OTHERS = _STATES | {"ORG"}
# Obligation told of another: "Y must ...", "Y has to ...", "Y needs to ...".
_OBLIGED_AUX = frozenset({"must"})
_OBLIGED_VERBS = frozenset({"have", "need"})
_SELF = frozenset({"i", "we"})
# Verbs that tell their object what to do ("warned Seoul to stop"), unlike "threaten to",
# whose infinitive is the threatener's own act.
_WARNING = frozenset({"warn", "caution"})


def is_command(verb: Token) -> bool:
    return verb.pos_ == "VERB" and verb.lemma_.lower() in COMMAND


def orders_out(verb: Token) -> bool:
    """Whether a verb of command tells its addressee to go: a particle "out" ("ordered out
    the force", "ordered the envoy out of the country") or a complement verb of leaving
    ("ordered the troops to leave", "ordered that the envoy leave")."""
    if not is_command(verb):
        return False
    for child in verb.children:
        away = child.dep_ in ("prt", "advmod", "prep") and child.lower_ in _AWAY  # "out", "out of"
        if away or (child.dep_ in ("xcomp", "ccomp") and child.lemma_.lower() in _LEAVING):
            return _from_a_state(child) or _foreign(
                pat.child(verb, ("dobj",)) or pat.child(child, ("nsubj",))
            )
    return False


def _from_a_state(leaving: Token) -> bool:
    """Whether the order names no place left, or a country or city ("leave the country",
    "out of Ethiopia"): sent away from a state, an expulsion."""
    place = pat.child(leaving, ("dobj",))
    if place is None:
        of = next((c for c in leaving.children if c.dep_ == "prep" and c.lower_ in ("of", "from")), None)
        place = pat.child(of, ("pobj",)) if of is not None else None
    return place is None or place.ent_type_ == "GPE" or place.lemma_.lower() in _STATE_NOUNS


def _foreign(addressee: Token | None) -> bool:
    """Whether whom an order sends from a lesser place is another state's or a body's people
    ("Belgian soldiers", "U.N. officials" withdrawn from the airport: an expulsion), not the
    orderer's own ("ordered the students to leave the square": police clearing a crowd)."""
    if addressee is None:
        return False
    return addressee.ent_type_ in _OTHERS or _named_by(addressee, _OTHERS)


def addresses_own_forces(
    verb: Token, sectors: Callable[[Token], frozenset[str]], forces: frozenset[str]
) -> bool:
    """Whether a verb of command is addressed to forces of no other named side: "ordered
    troops", "ordered the army", "ordered the country's armed forces", not "ordered
    Belgian soldiers" or "ordered the rebels"."""
    addressee = pat.child(verb, ("dobj",))
    if addressee is None or not sectors(addressee) & forces:
        return False
    return not _named_by(addressee, _STATES)


def _named_by(noun: Token, labels: frozenset[str]) -> bool:
    """Whether a modifier of the noun is a name with one of these entity labels ("[Belgian]
    soldiers", "[U.N.] officials")."""
    return any(c.dep_ in ("amod", "compound") and c.ent_type_ in labels for c in noun.children)


def told_to_act(verb: Token) -> Token | None:
    """Whom a warning tells what to do, if it does: its addressee told to act ("warned
    [Seoul] to stop") with no alternative held over them ("... or face attack"), or the
    subject of a clause of obligation ("warned that [Beijing] had to play", "that [Y] must
    stop"); None for a warning of what will happen."""
    if verb.lemma_.lower() not in _WARNING:
        return None  # "threatened to deliver blows": the threatener's own act, never another's
    for child in verb.children:
        addressee = pat.child(verb, ("dobj",)) if child.dep_ == "xcomp" else None
        if addressee is not None and addressee.i < child.i:  # "warned [Seoul] to stop"
            return None if any(c.dep_ == "cc" and c.lower_ == "or" for c in child.children) else addressee
        subject = pat.child(child, ("nsubj",)) if child.dep_ == "ccomp" else None
        if subject is None or subject.lower_ in _SELF:
            continue  # "warned: 'we will have to disperse them'": the warner's own threat
        if obliges(child) or any(c.dep_ == "aux" and c.lower_ in _OBLIGED_AUX for c in child.children):
            return subject
    return None


def obliges(clause: Token) -> bool:
    """Whether a clause tells an obligation with "have to" or "need to" ("Beijing [had] to
    play by the rules"): what should be done, not a fact told in the past tense."""
    if clause.lemma_.lower() not in _OBLIGED_VERBS:
        return False
    verb = pat.child(clause, ("xcomp",))
    return verb is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
