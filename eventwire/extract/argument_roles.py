"""Further positions that can hold an event's target, tried after the direct ones.

:func:`event_patterns.verb_arguments` and :func:`event_patterns.noun_arguments` read the
target from the trigger's own object, recipient and prepositions. News often names whom an
act is aimed at one step further away; each role here is one such position, and each
PLOVER type searches the roles it can take in order of reliability (``ROLES``):

* ``shared_object``: two coordinated verbs with one object ("denounced and attacked [the
  governor]"): the first verb, with no object of its own, takes the second's;
* ``for_subject``: the subject of a "for ... to" clause of a demand ("asked for [the
  minister] to resign", "called for reforms and for [the army] to return to barracks");
* ``addressee``: whom an offer or a refusal was told to ("told [the ambassador] that it was
  ready to negotiate"), not the press ("told reporters");
* ``met_with``: who undergoes an act noun under a passive "with" ("[Iran], hit with
  sanctions", "[the minister] was met with protests");
* ``small_clause``: the subject of a bare clause under a purpose or complement verb
  ("pledged $40 million to help [Chad] cope", "vowed to make [them] pay");
* ``embassy_owner``: the state whose embassy a protest's sentence names ("rallied outside
  the [Saudi] embassy").

The linker (:class:`.event_actors.ArgumentLinker`) tries the candidates in order and keeps
the first that names an actor, so a role only fills a target the direct positions left
empty; a place, a thing or the content of a statement names no actor (coding rule 3).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from eventwire.extract import event_patterns as pat
from eventwire.nlp.columns import columns
from eventwire.nlp.tree import has_child

if TYPE_CHECKING:
    from spacy.tokens import Token

Role = Callable[["Token", Callable[["Token"], bool]], "Token | None"]

# Acts done without an object: "resigned and accused X" does not resign from X.
_NO_OBJECT_TYPES = frozenset({"CONCEDE", "RETREAT", "MOBILIZE"})
# Verbs by which a statement is addressed to someone: "told X", "assured X", "informed X".
_ADDRESSING = frozenset({"tell", "assure", "inform", "notify"})
# Dependencies from a stance word up to the clause a statement verb governs ("it was [ready]
# to negotiate": ready -> was -> told).
_UP_TO_CLAUSE = frozenset({"acomp", "xcomp", "conj"})
_OBJECTS = frozenset({"dobj", "dative", "ccomp", "xcomp", "attr", "oprd"})
_OBJECTS_OR_PREP = _OBJECTS | {"prep"}


def shared_object(verb: Token, audience: Callable[[Token], bool]) -> Token | None:
    """The object a coordinated verb right after this one takes for both ("X denounced and
    attacked Y"): only when nothing but the conjunction lies between them and this verb has
    no object or preposition of its own."""
    if verb.pos_ != "VERB" or has_child(verb, _OBJECTS_OR_PREP):
        return None
    doc = verb.doc
    joint = verb.i + 1 < len(doc) and doc[verb.i + 1].dep_ == "cc" and doc[verb.i + 1].head == verb
    if not joint or verb.i + 2 >= len(doc):
        return None
    second = doc[verb.i + 2]
    if second.dep_ != "conj" or second.head != verb or second.pos_ != "VERB":
        return None
    if any(c.dep_ in pat.SUBJECTS for c in second.children):
        return None  # "X denounced and [Y] attacked Z": another subject, another act
    return pat.child(second, ("dobj",))


def for_subject(verb: Token, audience: Callable[[Token], bool]) -> Token | None:
    """Whom a demand asks to act: the object of "for" followed by an infinitive ("ask for
    [X] to seize"), or the subject of a coordinated "for [X] to ..." clause."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"):
        obj = pat.placed_object(prep)
        if obj is None:
            continue
        after = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.i > prep.i]
        clauses = [*after, *(c for c in obj.children if c.dep_ in ("acl", "relcl"))]
        if any(pat.is_infinitive(c) for c in clauses):
            return obj
    for clause in verb.children:
        if clause.dep_ not in ("conj", "xcomp", "advcl", "ccomp") or not pat.is_infinitive(clause):
            continue
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
            return pat.child(clause, ("nsubj",))
    return None


def addressee(word: Token, audience: Callable[[Token], bool]) -> Token | None:
    """Whom the statement that holds the word was told to: "told [the ambassador] that it
    was ready to negotiate". Never the audience of news ("told reporters")."""
    clause = word
    for _ in range(3):
        if clause.dep_ not in _UP_TO_CLAUSE or clause.head == clause:
            break
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in _ADDRESSING:
        return None
    told = pat.child(clause.head, ("dobj", "dative"))
    if told is not None and told.dep_ == "dative" and told.pos_ == "ADP":
        told = pat.child(told, ("pobj",))
    return None if told is None or audience(told) else told


def small_clause(verb: Token, audience: Callable[[Token], bool]) -> Token | None:
    """The subject of a bare clause under the verb's purpose or complement ("to help [Chad]
    cope", "to make [them] pay"): the one the help or the threat is for."""
    for comp in verb.children:
        if comp.dep_ not in ("xcomp", "advcl") or not pat.is_infinitive(comp):
            continue
        for clause in comp.children:
            bare = clause.dep_ in ("ccomp", "xcomp") and clause.tag_ == "VB"  # not "see [X] treated as"
            bare = bare and not any(c.dep_ == "mark" for c in clause.children)
            subject = pat.child(clause, ("nsubj",)) if bare else None
            if subject is not None and subject.i < clause.i:
                return subject
    return None


def met_with(noun: Token, audience: Callable[[Token], bool]) -> Token | None:
    """Who undergoes an act a passive verb meets them with: "[Iran], hit with sanctions",
    "[the minister] was met with protests", "[the plan] was greeted with condemnation"."""
    noun = pat.carrier(noun)
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "with" or prep.head.pos_ != "VERB":
        return None
    verb = prep.head
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    return pat.child(verb, ("nsubjpass",))


# Missions that stand for the state that keeps them: a protest at one is aimed at that state.
_MISSIONS = frozenset({"embassy", "consulate"})
_OWNER_ENTS = frozenset({"GPE", "NORP", "ORG"})


def embassy_owner(word: Token, audience: Callable[[Token], bool]) -> Token | None:
    """The state whose embassy or consulate the protest's sentence names ("protested outside
    the [Saudi] embassy", "a rally near [the US] embassy", "police stood guard outside the
    [Dutch] consulate as people protested"): crowds gather at a mission to address its state.
    Its owner, a possessive or a name before it; none for "the embassy" alone."""
    sent, doc = word.sent, word.doc
    lemmas, strings = columns(doc).lemma, doc.vocab.strings  # a Token only for a mission's word
    for i in range(sent.start, sent.end):
        if strings[lemmas[i]].lower() not in _MISSIONS:
            continue
        token = doc[i]
        owner = pat.child(token, ("poss",))
        named = [c for c in token.lefts if c.dep_ in ("compound", "amod") and c.ent_type_ in _OWNER_ENTS]
        if owner is not None or named:
            return owner if owner is not None else named[-1]
    return None


# The roles each type searches, most reliable first; a type not listed takes the default.
# A pledge "to help [X] cope" is not given a recipient: a one-sided promise with two named
# sides would read as an agreement between them to the discourse stages (implicit_args).
ROLES: dict[str, tuple[Role, ...]] = {
    "REQUEST": (for_subject, shared_object, small_clause),
    "AGREE": (addressee, shared_object),
    "REJECT": (addressee, small_clause, shared_object),
    "AID": (small_clause, shared_object),
    "SUPPORT": (small_clause, shared_object),
    "COERCE": (met_with, shared_object),
    "SANCTION": (met_with, shared_object),
    "PROTEST": (met_with, embassy_owner),
    "ACCUSE": (met_with, shared_object),
}
_DEFAULT: tuple[Role, ...] = (shared_object,)


def further_targets(found: pat.Found, type_: str, audience: Callable[[Token], bool]) -> list[Token]:
    """Target candidates from the roles ``type_`` takes, after the direct positions.

    ``audience``: whether a word names the press or the public a statement is told to.
    """
    if type_ in _NO_OBJECT_TYPES:
        return []
    token = found.token
    word = token.head if token.pos_ != "VERB" and token.dep_ in ("acomp", "attr") else token
    out = [role(word, audience) for role in ROLES.get(type_, _DEFAULT)]
    return [t for t in dict.fromkeys(out) if t is not None]
