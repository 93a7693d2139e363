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

* "blocked" with people as its object ("the gendarmes blocked him", "the courts blocked two
  opposition figures from running") restricts them (COERCE, 191), where blocking a road
  obstructs (PROTEST) and blocking a decision refuses it (REJECT).

A protest made in words is an official complaint (ACCUSE, CAMEO 114), not a demonstration
(PROTEST, 14x), as CAMEO codes it (``protest_in_words``): one a state makes ("the foreign
ministry protested the detention", "Uruguay protested the seizure", "summoned the envoy to
protest"), one sent or said ("repeated its strong protest", "conveyed a protest"), or one a
message carries ("a note of protest", "statements protesting against the raid"). People,
unions and parties that protest with no such word still demonstrate.

Each rule reads only the trigger's own arguments (for a protest in words, also the word that
governs it), never the article's words around it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from eventwire.extract import event_patterns as pat
from eventwire.extract.event_lexicon import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

HOST_VISIT = ("CONSULT", "043")
MILITARY_COOPERATION = ("COOPERATE", "062")
REDUCE_RELATIONS = ("SANCTION", "160")
SHOW_OF_FORCE = ("MOBILIZE", "150")
AID_DELIVERED = ("AID", "070")
RAID = ("COERCE", "170")
STORMED_IN_PROTEST = ("PROTEST", "141")
RESTRICT_PEOPLE = ("COERCE", "191")
_PERSONAL = frozenset({"him", "her", "them", "us", "me"})
_STORMING = frozenset({"storm", "raid"})
_INSTITUTIONS = frozenset({"JUD", "LEG", "MED", "GOV", "OPP", "PTY"})
_STATE = frozenset({"GOV", "MIL", "COP", "JUD", "SPY"})
_ARMED = frozenset({"REB", "INS", "SEP"})
_CROWDS = frozenset({"CVL", "OPP", "LAB"})
EASE_MEASURE = ("RETREAT", "085")
DE_ESCALATE = ("RETREAT", "087")
_PARTY_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
_DISSENT = frozenset({"PROTEST"})  # what one calls off of one's own: a strike, a protest
# ties whose ending reduces relations (coding rule 11): "called off the joint exercises"
_TIES = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT", "AID"})
# verbs that lift or halt what they take, besides the ``ending`` cues ("cancelled the curfew")
_EASING = frozenset({"lift", "ease", "relax", "suspend", "halt"})
EASE_RESTRICTION = ("CONCEDE", "081")
_EASED_BY_CODE = {
    "16": EASE_MEASURE, "191": ("RETREAT", "0872"), "192": ("RETREAT", "0872"), "17": EASE_RESTRICTION,
    "18": DE_ESCALATE, "19": DE_ESCALATE, "20": DE_ESCALATE,
}  # fmt: skip


def sense_by_object(
    token: Token,
    trigger: Trigger,
    is_person: Callable[[Token], bool],
    noun_types: Callable[[Token], frozenset[str]],
    noun_codes: Callable[[Token], frozenset[str]],
    ending: frozenset[str],
    sectors: Callable[[Token], frozenset[str]],
) -> tuple[str, str] | None:
    """The (type, CAMEO code) the trigger's object gives it, or None to keep the row's.

    ``is_person`` tells whether a word names a person (a name or a person's role);
    ``noun_types`` and ``noun_codes`` the PLOVER types and CAMEO codes the lexicon lists
    for a noun; ``ending`` the verbs that end a tie ("cancel", "scrap"); ``sectors`` the
    sectors a word names."""
    lemma = token.lemma_.lower()
    if trigger.type == "SUPPORT" and trigger.pos == "VERB" and lemma == "welcome":
        patient = pat.trigger_patient(token)
        if patient is not None and is_person(patient):
            return HOST_VISIT
        return None
    if trigger.type == "CONSULT" and trigger.pos == "VERB" and lemma == "arrive":
        subject = _named_thing(pat.child(token, ("nsubj",)), noun_types)
        return AID_DELIVERED if subject is not None and "AID" in noun_types(subject) else None
    if trigger.type in ("ASSAULT", "COERCE") and trigger.pos == "VERB" and lemma in _STORMING:
        return _storming(token, sectors)
    if trigger.type in ("PROTEST", "REJECT") and trigger.pos == "VERB" and lemma == "block":
        patient = pat.trigger_patient(token)
        return RESTRICT_PEOPLE if patient is not None and _people(patient, is_person, sectors) else None
    if trigger.type == "MOBILIZE" and trigger.pos == "NOUN" and _held_jointly(token):
        return MILITARY_COOPERATION
    retracted = trigger.requires == pat.RETRACTED  # "withdrew the [Manipur] bill": a measure, no tie
    if (
        trigger.type == "CONCEDE"
        and trigger.pos == "VERB"
        and not retracted
        and _calls_off(token, trigger, ending)
    ):
        patient = _named_thing(pat.trigger_patient(token), noun_types)
        kinds = noun_types(patient) if patient is not None else frozenset()
        if patient is not None and not kinds & _DISSENT and (kinds & _TIES or _with_a_party(patient)):
            return REDUCE_RELATIONS
    easing = lemma in _EASING or lemma in ending
    if trigger.type in ("CONCEDE", "SANCTION") and trigger.pos == "VERB" and not trigger.others and easing:
        patient = _named_thing(pat.trigger_patient(token), noun_types)
        return _easing(noun_codes(patient)) if patient is not None else None
    return None


def _people(
    word: Token, is_person: Callable[[Token], bool], sectors: Callable[[Token], frozenset[str]]
) -> bool:
    """A person or people: a name, a personal pronoun, a person's role, or a plural noun of
    people the knowledge base knows ("opposition figures", "protesters"); not an institution
    ("the court", "parliament") nor a country."""
    if word.ent_type_ in ("PERSON", "NORP") or word.lower_ in _PERSONAL or is_person(word):
        return True
    return word.tag_ == "NNS" and bool(sectors(word))


OFFICIAL_COMPLAINT = ("ACCUSE", "114")
_PROTEST_WORD = "protest"
_STATE_BODIES = frozenset({"GOV", "IGO"})
# verbs that deliver a message: a protest they take is said or sent ("repeated its protest")
_DELIVERING = frozenset({
    "repeat", "reiterate", "renew", "voice", "express", "convey", "deliver", "send", "hand",
    "register", "submit",
})  # fmt: skip
# nouns of a written or spoken message: one of protest, or protesting, is a protest in words
_MESSAGES = frozenset({
    "note", "letter", "statement", "message", "communique", "memorandum", "memo", "speech",
})  # fmt: skip
# places a crowd protests at: a protest "outside" or "in front of" a building is a demonstration
_CROWD_PLACES = frozenset({"outside", "front", "through", "along"})


def protest_in_words(
    token: Token, trigger: Trigger, sectors: Callable[[Token], frozenset[str]], speech: frozenset[str]
) -> tuple[str, str] | None:
    """ACCUSE 114 when the word "protest" names a protest made in words (see the module
    docstring), else None: the verb whose doer is a state (a government body or an
    international organisation by its sectors, or a country or city named as a place, which
    acts as its state) and that no crowd's place qualifies ("protested outside the embassy");
    the verb that describes a message ("a statement protesting ..."); the noun a verb of
    delivering or speech (``speech``) takes or a message noun's "of" holds ("a note of
    protest")."""
    if trigger.type != "PROTEST" or token.lemma_.lower() != _PROTEST_WORD:
        return None
    if trigger.pos == "NOUN":
        head = token.head
        if delivering_verb(token, speech) is not None:
            return OFFICIAL_COMPLAINT
        if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _MESSAGES:
            return OFFICIAL_COMPLAINT
        return None
    if token.dep_ in ("acl", "relcl") and token.head.lemma_.lower() in _MESSAGES:
        return OFFICIAL_COMPLAINT
    if token.dep_ in ("advcl", "xcomp") and _gives_a_message(token.head):
        return OFFICIAL_COMPLAINT  # "issued a statement to protest", "a speech he gave to protest"
    doer = pat.trigger_agent(token, frozenset())
    if doer is None or not (sectors(doer) & _STATE_BODIES or doer.ent_type_ == "GPE"):
        return None
    places = {g.lower_ for c in token.children if c.dep_ == "prep" for g in (c, *c.children)}
    return None if places & _CROWD_PLACES else OFFICIAL_COMPLAINT


def delivering_verb(token: Token, speech: frozenset[str]) -> Token | None:
    """The verb of delivering or speech that takes a protest noun as its object ("[conveyed]
    a strong protest", "[repeated] its protest"): it carries the protest's sides, as a light
    verb does; None for any other noun or verb."""
    if token.lemma_.lower() != _PROTEST_WORD or token.pos_ != "NOUN" or token.dep_ != "dobj":
        return None
    verb = token.head
    return verb if verb.lemma_.lower() in _DELIVERING | speech else None


def message_sender(token: Token) -> Token | None:
    """Who makes a protest that a message carries: the subject of the verb that issues,
    writes or gives the message ("[the union] issued a statement protesting against ...",
    "a speech [he] gave to protest"); None when no message carries it."""
    verb = None
    if token.dep_ in ("acl", "relcl") and token.head.lemma_.lower() in _MESSAGES:
        message = token.head
        verb = message.head if message.dep_ == "dobj" else None
    elif token.dep_ in ("advcl", "xcomp") and _gives_a_message(token.head):
        verb = token.head
    if verb is None:
        return None
    return pat.explicit_subject(verb) or pat.inherited_subject(verb, frozenset())


def _gives_a_message(verb: Token) -> bool:
    """Whether a verb issues, sends or gives a message: its object is a message noun, or it
    describes one ("the speech he gave")."""
    message = pat.child(verb, ("dobj",))
    if message is None and verb.dep_ == "relcl":
        message = verb.head
    return message is not None and message.lemma_.lower() in _MESSAGES


def eased_measure(
    noun: Token, noun_codes: Callable[[Token], frozenset[str]], easing: frozenset[str]
) -> tuple[tuple[str, str], Token] | None:
    """A measure or hostile act (a noun all of whose lexicon types are) lifted or halted by
    the verb that takes it: ("RETREAT", code) and that verb, which carries the noun's sides as
    a light verb does ("the sanctions on Sudan were lifted", "lifted the state of emergency")."""
    sense = _easing(noun_codes(noun))
    if sense is None:
        return None
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and not noun_codes(noun.head.head):
        noun = noun.head.head  # "lifted the [state] of emergency"
    noun = pat.carrier(noun)
    verb = pat.light_verb(noun, easing) if noun.dep_ in ("dobj", "nsubjpass") else None
    if verb is None:
        return None
    return sense, verb


def easing_verbs(ending: frozenset[str]) -> frozenset[str]:
    """The verbs that lift or halt what they take: the ``ending`` cues and ``_EASING``."""
    return ending | _EASING


def _named_thing(noun: Token | None, noun_types: Callable[[Token], frozenset[str]]) -> Token | None:
    """The act or measure a noun with no type of its own names by its "of" object: "a
    [state] of emergency", "a [series] of cooperation agreements"; else the noun."""
    if noun is None or noun_types(noun):
        return noun
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            obj = pat.placed_object(c)
            return obj if obj is not None and noun_types(obj) else noun
    return noun


def _easing(codes: frozenset[str]) -> tuple[str, str] | None:
    """What lifting or halting a thing is, by the CAMEO codes the lexicon gives its noun,
    when every one is a hostile measure or act: easing sanctions or an embargo (16x, 163:
    RETREAT 085), a blockade or siege (191: RETREAT 0872), fighting (18x-20x: RETREAT 087);
    an administrative measure, a curfew, a ban, a state of emergency (17x), is eased as a
    concession (CONCEDE 081), as CAMEO codes it. None for anything else: "the talks", "the
    strike" (labour or air), "their immunity"."""
    senses = {_EASED_BY_CODE.get(c[:3], _EASED_BY_CODE.get(c[:2])) for c in codes}
    if not senses or None in senses or len(senses) != 1:
        return None
    return next(iter(senses))


def _storming(verb: Token, sectors: Callable[[Token], frozenset[str]]) -> tuple[str, str] | None:
    """A raid or a protest when an institution is stormed (named by the word stormed, its
    owner or its "of" object), by who storms it; else None."""
    patient = pat.trigger_patient(verb)
    if patient is None or pat.is_passive(verb):
        return None
    owners = [c for c in patient.children if c.dep_ == "poss"]  # "the newspaper's office"
    owners += pat.of_objects(patient)
    named = sectors(patient).union(*(sectors(o) for o in owners))  # "the offices of the newspaper"
    subject = pat.child(verb, ("nsubj",))
    doers = (
        frozenset().union(*(sectors(s) for s in pat.conjuncts(subject)))
        if subject is not None
        else frozenset()
    )
    if not named & _INSTITUTIONS or not doers or doers & _ARMED:
        return None
    if doers & _STATE:
        return RAID
    return STORMED_IN_PROTEST if doers & _CROWDS else None


def held_alone(noun: Token, trigger: Trigger, sources: list[Token]) -> bool:
    """Whether military exercises (a 062 noun) are held by one party alone: one source, no
    partner coordinated in its phrase ("troops from the U.S. and South Korea"), none "with"
    the noun or the verb that holds it, not "joint"."""
    if trigger.pos != "NOUN" or trigger.cameo != MILITARY_COOPERATION[1] or len(sources) != 1:
        return False
    carrier = pat.carrier(noun)
    if _held_jointly(carrier) or (carrier.dep_ == "dobj" and _held_jointly(carrier.head)):
        return False
    if _hyphened_parties(noun, sources[0]):
        return False
    return not any(w.dep_ == "conj" and w.ent_type_ in _PARTY_ENTS for w in sources[0].subtree)


_JOINED_NAMES = re.compile(r"[A-Z][\w.]*-[A-Z]")


def _hyphened_parties(noun: Token, source: Token) -> bool:
    """Whether two parties' names joined by a hyphen qualify the noun ("U.S.-South Korean
    military drills", "the Russian-Chinese exercises"): both hold them (the linker gives each
    party, ``event_actors._hyphen_pair``), so they are no one party's show of force. The
    words read are those before the noun from the one before its source's phrase (the parser
    may leave "U.S.-South" out of the phrase it heads)."""
    doc = noun.doc
    first = max(0, min(noun.left_edge.i, source.left_edge.i) - 1)
    for i in range(first, noun.i):
        word = doc[i]
        if _JOINED_NAMES.search(word.text):
            return True  # "U.S.-South": the tokenizer keeps a hyphen after a full stop
        if word.text == "-" and 0 < i < len(doc) - 1 and doc[i - 1].is_title and doc[i + 1].is_title:
            return True  # "Russian", "-", "Chinese"
    return False


# What neighbours share that no one does: "the two countries share a 3,200-km border",
# "the frontier they share", "Oman, which shares borders with Yemen".
_BOUNDARIES = frozenset({"border", "frontier", "boundary"})


def shares_a_place(verb: Token) -> bool:
    """Whether "share" takes a border or a place: geography, no sharing of intelligence or
    expertise (COOPERATE 064) between the parties: train's gold codes no event for any of
    the six articles, of six outlets, where a verb "share" takes a border; three of them gave
    seven false COOPERATE events."""
    if verb.lemma_.lower() != "share":
        return False
    shared = pat.trigger_patient(verb)
    return shared is not None and (shared.lemma_.lower() in _BOUNDARIES or shared.ent_type_ in ("GPE", "LOC"))


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
            if obj is not None and _a_party(obj):
                return True
    return False


def _a_party(noun: Token) -> bool:
    """A name of a party, or a noun its name or nationality qualifies ("the French navy")."""
    if noun.ent_type_ in _PARTY_ENTS:
        return True
    return any(c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in _PARTY_ENTS for c in noun.children)


def _with_a_party(thing: Token) -> bool:
    """Whether a thing names the other party it is shared with: "engagements [with the
    Thai army]", "[Russian] cultural events", "the [French] visit"."""
    for c in thing.children:
        if c.dep_ == "prep" and c.lower_ == "with" and pat.placed_object(c) is not None:
            return True
        if c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in _PARTY_ENTS:
            return True
    return False
