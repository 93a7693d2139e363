"""Who does an act noun that the clause around it is done with, in or on.

:func:`.event_patterns.noun_arguments` reads the doer of an event noun from the noun's own
dependents and from a light verb that stages it ("launched [attacks]"). The clause the noun
sits in names the doer too when the noun is what its subject does the clause's act **with**
or **in** ("[police] responded with tear gas", "[police] tore down the camp in a raid"), or
when the subject simply is **on** the act ("[the army] is on full alert", "[he] was on
a visit to Moscow"). Not so for:

* a past participle without "have" ("[faced] with protests", "[charged] with murder"):
  what befell the subject (whoever uses a thing "with" an active verb is its subject, also
  of an act word: "[X] attacked the convoy with rockets");
* "in" after a verb that an event word names itself ("killed five in an attack"), read by
  its own rules, or after a verb without an object ("died in an attack"); "in" a purpose
  ("in support of", "in exchange for") or an act told before ("lost their lives in [the]
  attack": the subject is its victim as often as its doer);
* a subject that names no party ("the war raged on, with strikes and fighting between X
  and Y": the fighting's sides are its own).

(The subject of any verb that takes an event noun as its object, "voiced support", "set an
ambush", was tried: verbs of causing and undergoing, "sparked protests", "drew criticism",
"prompted calls", made it cost train 19 false events for 2 found.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from eventwire.extract import event_patterns as pat
from eventwire.resolve.groups import partitive_of

if TYPE_CHECKING:
    from spacy.tokens import Token

# "be" puts its subject in an act "on" it: "on alert", "on strike", "on a visit" ("in" does
# not: "X is in custody" is the one held, not the holder).
_BEING_ON = "on"
# Entity kinds of a word that names a party: "[Kenyan] police", "[Hamas]", "[Ruto]".
_PARTY_KINDS = frozenset({"NORP", "GPE", "ORG", "PERSON"})
# Determiners of an act the story has told before: "the attack", "this raid".
_TOLD = frozenset({"the", "this", "that", "these", "those"})


def clause_doer(noun: Token, acts: Callable[[Token], bool], doers: Callable[[Token], bool]) -> Token | None:
    """The subject of the clause an event noun is the means or occasion of ("[police]
    responded with tear gas and water cannon", "[police] tore down the camp in a raid") or
    the state of ("[the army] is on full alert"); None when the clause names no doer.
    ``acts``: whether a verb is an act of its own (an event word, a verb of saying);
    ``doers``: whether a common noun names people who can act."""
    noun = pat.carrier(noun)
    while noun.dep_ == "conj" and noun.head is not noun:  # "with tear gas and [water cannon]"
        noun = noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or pat.is_passive(verb):
        return None
    if verb.lemma_ == "be":
        done = prep.lower_ == _BEING_ON
    elif prep.lower_ == "with":
        done = not _undergone(verb)
    else:
        done = prep.lower_ == "in" and not acts(verb) and _occasion(noun, verb)
    subject = _subject(verb) if done else None
    return subject if subject is not None and _party(subject, doers) else None


def _undergone(verb: Token) -> bool:
    """A past participle with no "have": "[faced] with protests", "[charged] with murder"
    tell what befell the subject."""
    return verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _occasion(noun: Token, verb: Token) -> bool:
    """Whether "in" an act noun tells the act a verb on its object was done in ("tore down
    the camp [in a raid]"): not a purpose ("in support of", "in exchange for") nor an act
    named before."""
    if pat.child(verb, ("dobj",)) is None or _told(noun):
        return False
    return not any(c.dep_ == "prep" and c.lower_ in ("of", "for") for c in noun.children)


def _told(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _TOLD for c in noun.children)


def _party(subject: Token, doers: Callable[[Token], bool]) -> bool:
    """Whether a subject can name who acts: a name, a pronoun, a people's or a body's word,
    or people counted ("hundreds of [police]")."""
    subject = partitive_of(subject)
    if subject.pos_ in ("PROPN", "PRON") or subject.ent_type_ in _PARTY_KINDS:
        return True
    return doers(subject)


def _subject(verb: Token) -> Token | None:
    return pat.explicit_subject(verb) or pat.inherited_subject(verb, frozenset())
