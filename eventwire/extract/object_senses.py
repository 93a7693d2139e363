"""A trigger's type as its object decides it: one word, several acts by what it acts on.

The lexicon gives a word the type of its usual sense; for a few words the CAMEO table
puts the act elsewhere according to the thing or party acted on, and the parse says
which (read on the train articles' type confusions, where the trigger was right and the
type wrong):

* "welcomed the decision" praises it (SUPPORT, 051), but "the ambassador was welcomed in
  Caracas", "welcomed the visiting minister" receives a person: hosting a visit
  (CONSULT, 043);
* patrols, deployments and other MOBILIZE nouns that are "joint" or held "with" another
  party are military cooperation (COOPERATE, 062), not a show of force;
* cancelling or calling off one's own strike or protest eases dissent (CONCEDE), but
  cancelling talks, exercises, or events, visits or engagements held with another party
  ("cancelled the engagements with the Thai army", "called off Russian cultural events",
  "called off the military exercises") reduces relations with it (SANCTION, 160), as
  ending an agreement does (coding rule 11).

Each rule reads only the trigger's own arguments, never the article's words around it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from eventwire.extract import event_patterns as pat
from eventwire.extract.event_lexicon import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

HOST_VISIT = ("CONSULT", "043")
MILITARY_COOPERATION = ("COOPERATE", "062")
REDUCE_RELATIONS = ("SANCTION", "160")
_PARTY_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
_DISSENT = frozenset({"PROTEST"})  # what one calls off of one's own: a strike, a protest
# ties whose ending reduces relations (coding rule 11): "called off the joint exercises"
_TIES = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT", "AID"})


def sense_by_object(
    token: Token,
    trigger: Trigger,
    is_person: Callable[[Token], bool],
    noun_types: Callable[[Token], frozenset[str]],
    ending: frozenset[str],
) -> tuple[str, str] | None:
    """The (type, CAMEO code) the trigger's object gives it, or None to keep the row's.

    ``is_person`` tells whether a word names a person (a name or a person's role);
    ``noun_types`` the PLOVER types the lexicon lists for a noun; ``ending`` the verbs
    that end a tie ("cancel", "scrap")."""
    lemma = token.lemma_.lower()
    if trigger.type == "SUPPORT" and trigger.pos == "VERB" and lemma == "welcome":
        patient = pat.trigger_patient(token)
        if patient is not None and is_person(patient):
            return HOST_VISIT
        return None
    if trigger.type == "MOBILIZE" and trigger.pos == "NOUN" and _held_jointly(token):
        return MILITARY_COOPERATION
    if trigger.type == "CONCEDE" and trigger.pos == "VERB" and _calls_off(token, trigger, ending):
        patient = pat.trigger_patient(token)
        kinds = noun_types(patient) if patient is not None else frozenset()
        if patient is not None and not kinds & _DISSENT and (kinds & _TIES or _with_a_party(patient)):
            return REDUCE_RELATIONS
    return None


def _calls_off(token: Token, trigger: Trigger, ending: frozenset[str]) -> bool:
    lemma = token.lemma_.lower()
    return lemma in ending or (lemma == "call" and "off" in trigger.others)


def _held_jointly(noun: Token) -> bool:
    """ "joint patrols", "patrols with the Philippine navy"."""
    for c in noun.children:
        if c.dep_ == "amod" and c.lower_ == "joint":
            return True
        if c.dep_ == "prep" and c.lower_ == "with":
            obj = pat.placed_object(c)
            if obj is not None and obj.ent_type_ in _PARTY_ENTS:
                return True
    return False


def _with_a_party(thing: Token) -> bool:
    """Whether a thing names the other party it is shared with: "engagements [with the
    Thai army]", "[Russian] cultural events", "the [French] visit"."""
    for c in thing.children:
        if c.dep_ == "prep" and c.lower_ == "with" and pat.placed_object(c) is not None:
            return True
        if c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in _PARTY_ENTS:
            return True
    return False
