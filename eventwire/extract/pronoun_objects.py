"""Whom an object pronoun of an act stands for, read from its own sentence.

"Havana welcomed the move, lamenting that sanctions imposed on [it] remain", "the troops
surrounded a house and stormed [it]", "rebels ambushed [them]" (the soldiers the clause is
about): an "it" or "them" an act is done to refers, most often, to the subject of a clause
above its own, else to the nearest noun before it in its sentence that agrees with it in
number and is an argument of a verb or a preposition. That noun may be a thing, which names
no actor: the act is then aimed at no one (coding rule 3), not at a country named further
back, which the article-wide resolver (:mod:`eventwire.resolve.actors`), seeing only names,
would take.

Passed over: the subject of the pronoun's own clause (a plain "them" is never the doer
itself), a noun inside a relative clause the pronoun is not in ("the demonstrators, who
chanted slogans, ... ordered them": not the slogans), one that only describes another
noun ("a farmhouse near the border ... stormed it"), and the subject of a clause above that
comes after the pronoun ("police arrested five of them, witnesses said": an object pronoun
looks back, and the one who tells of the act after it is not its target). Only object pronouns: a subject "it"
continues the topic (the resolver's salience), and a possessive "its" often looks back past
nearer nouns ("Iran said the attack on its embassy").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract import event_patterns as pat
from eventwire.resolve.groups import counts
from eventwire.resolve.pronouns import in_other_clause

if TYPE_CHECKING:
    from spacy.tokens import Token

_OBJECT_DEPS = frozenset({"dobj", "pobj", "dative"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative"})
_SINGULAR = frozenset({"NN", "NNP"})
_PLURAL = frozenset({"NNS", "NNPS"})
_MAX_LOOKBACK = 40  # tokens: a referent further back in a long sentence is the resolver's


def _clause_subject(pronoun: Token) -> Token | None:
    """The subject of the clause the object pronoun is in (its own, or the one it shares)."""
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    if pronoun.dep_ == "pobj" and pronoun.head.lower_ == "of" and counts(verb):
        verb = verb.head  # "troops shot dead 13 [of them]": the clause of the count
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return pat.explicit_subject(verb) or pat.inherited_subject(verb, frozenset())


def _aside(noun: Token) -> bool:
    """The object of a preposition that describes another noun ("a farmhouse near [the
    border]", "an order to the police and to [the army]"), less salient than the noun it
    describes, or that says who tells the story ("according to [the diocese]")."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    while prep.dep_ == "conj" and prep.head.i != prep.i:
        prep = prep.head
    return prep.head.pos_ in ("NOUN", "PROPN") or prep.head.lower_ == "according"


def _agrees(noun: Token, plural: bool) -> bool:
    if plural:
        return noun.tag_ in _PLURAL or any(c.dep_ == "conj" for c in noun.children)
    return noun.tag_ in _SINGULAR and noun.ent_type_ != "PERSON"


def _subject_of(verb: Token) -> Token | None:
    """A clause's grammatical subject, active or passive; a relative pronoun stands for
    the noun its clause describes ("soldiers [who] were wounded")."""
    subject = pat.child(verb, ("nsubj", "nsubjpass"))
    if subject is not None and subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        return verb.head
    return subject


def _dominating_subject(pronoun: Token, own: list[Token], plural: bool) -> Token | None:
    """The subject of a clause above the pronoun's own, when it agrees: the topic a clause
    inside it refers back to ("Havana welcomed the move, lamenting that sanctions imposed on
    [it] remain"), before the things named in between."""
    token = pronoun.head
    for _ in range(12):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ not in ("VERB", "AUX"):
            continue
        subject = _subject_of(token)
        if subject is None or subject in own or subject.pos_ not in ("NOUN", "PROPN"):
            continue
        if subject.left_edge.i <= pronoun.i <= subject.right_edge.i:
            continue  # "sanctions imposed on [it]": a phrase never holds what it names
        if subject.i > pronoun.i:
            continue  # "police arrested five of [them], witnesses said": the teller, named after
        if _agrees(subject, plural):
            return subject
    return None


def object_referent(pronoun: Token) -> Token | None:
    """The noun an object "it" or "them" refers to within its sentence, if one agrees: the
    subject of a clause above its own, else the nearest argument noun before it."""
    word = pronoun.lower_
    if word not in ("it", "them") or pronoun.dep_ not in _OBJECT_DEPS:
        return None
    plural = word == "them"
    subject = _clause_subject(pronoun)
    own = pat.conjuncts(subject) if subject is not None else []
    above = _dominating_subject(pronoun, own, plural)
    if above is not None:
        return above
    sentence_start = pronoun.sent.start
    for i in range(pronoun.i - 1, max(sentence_start, pronoun.i - _MAX_LOOKBACK) - 1, -1):
        noun = pronoun.doc[i]
        if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in _ARGUMENT_DEPS or noun in own:
            continue  # "rebels ambushed them": not the rebels
        if in_other_clause(noun, pronoun) or _aside(noun):
            continue
        if _agrees(noun, plural):
            return noun
    return None
