"""Who a third-person pronoun stands for, read from the parse of its own sentence.

The resolver (:mod:`eventwire.resolve.actors`) sees names in order and takes the last one
that fits; news grammar often says more. Two cues are read here, both cheap walks of the
existing parse:

* a name set right after the pronoun in brackets names it: "He [Than Shwe] has agreed",
  "They (the police) beat us";
* a pronoun in a clause under another verb stands for that verb's subject when it agrees
  ("The Israeli military said [its] own troops fired", "Bout, whose story inspired a film
  with an actor, was held since [his] arrest", "Guatemala told the UN that [it] was
  ending ..."), or for its object when the pronoun's clause is that verb's infinitive or
  gerund ("urged Kenya to end [its] ban", "accused Moraes of abusing [his] office": the
  object does the act). An object pronoun is never its own clause's subject ("he called
  Moraes a dictator and accused [him]");
* a possessive on a noun conjoined to a phrase stands for that phrase when it agrees
  ("protests against Mugabe and [his] policies", "Israel and [its] allies"): news joins an
  actor and what is its own, before any subject above.

Agreement is by the parse: "he" wants a person (a PERSON entity or a person's role noun),
"it" a singular noun that names no person, "they" a plural noun or a collective
(an organisation, a government).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.nlp.control import object_controls

if TYPE_CHECKING:
    from spacy.tokens import Token

PERSONAL = frozenset({"he", "him", "his", "she", "her"})
SINGULAR_THING = frozenset({"it", "its"})
PLURAL = frozenset({"they", "them", "their"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "dative"})
_RELATIVE = frozenset({"WP", "WDT"})  # "who", "which": the noun the relative clause is on
_CLAUSES = frozenset({"relcl", "acl"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_MAX_DEPTH = 8  # verbs above the pronoun's clause: a deeper subject is rarely its topic
# "He [Than Shwe]", "They (the police)": the name the writer inserts for the pronoun
_BRACKETED = re.compile(r"[ \t]?[\[(]([^\[\]()\n]{2,60})[\])]")


def bracketed(text: str, end: int) -> tuple[int, int] | None:
    """The offsets of a bracketed phrase right after a pronoun ending at ``end``."""
    match = _BRACKETED.match(text, end)
    return match.span(1) if match else None


def governing(pronoun: Token) -> list[tuple[Token, bool]]:
    """Head words of the phrases above the pronoun that it may stand for, nearest verb
    first: a controlling object before the subject (see the module docstring); each with
    whether it lies above a clause with a subject of its own, not the pronoun's own clause's
    subject, said or understood ("the ministers froze [their] assets", "troops repelled the
    attack, arresting [their] leader": as often someone else's). The caller checks
    agreement (:func:`agrees`)."""
    if pronoun.lower_ not in PERSONAL | SINGULAR_THING | PLURAL or not pronoun.dep_:
        return []
    start = pronoun.head if pronoun.dep_ == "poss" else pronoun
    found: list[tuple[Token, bool]] = []
    if pronoun.dep_ == "poss" and start.dep_ == "conj" and start.head.pos_ in _NOUNS:
        found.append((start.head, True))  # "Mugabe and [his] policies"
    skip_subject = pronoun.dep_ not in _SUBJECTS and pronoun.dep_ != "poss"  # "accused [him]"
    in_clause = False  # past the verb of the pronoun's own clause
    above = False  # past a clause with a subject of its own: a participle or infinitive has none
    child, node = start, start.head
    for _ in range(_MAX_DEPTH):
        if node.i == child.i or child.dep_ == "parataxis":
            break  # "members who, [they] said, were killed": an aside is under no clause
        if node.pos_ in ("VERB", "AUX"):
            # a conjoined verb with no subject of its own shares this one's; one with its own
            # subject is a sibling clause, whose neighbour's subject governs nothing
            shares = child.dep_ == "conj" and not any(c.dep_ in _SUBJECTS for c in child.children)
            sibling = child.dep_ == "conj" and not shares
            controls = child.dep_ == "prep" or (child.dep_ == "xcomp" and object_controls(node))
            if in_clause and controls:  # not "summoned the envoy to protest [its] raid"
                found.extend((c, above) for c in node.children if c.dep_ in _OBJECTS)
            if not skip_subject and not sibling:
                subjects = (c for c in node.children if c.dep_ in _SUBJECTS and c.i != child.i)
                found.extend((_subject(c), above) for c in subjects)
            skip_subject, in_clause = skip_subject and shares, True
            above = above or any(c.dep_ in _SUBJECTS for c in node.children)
        child, node = node, node.head
    return [(t, higher) for t, higher in found if t.i != pronoun.i]


def _subject(token: Token) -> Token:
    """A relative pronoun subject stands for the noun its clause is on, and that noun, a
    copula's complement, for the copula's subject ("Hazem was the gunman who ...": Hazem)."""
    if token.tag_ not in _RELATIVE or token.head.dep_ != "relcl":
        return token
    noun = token.head.head
    if noun.dep_ == "attr":
        return next((c for c in noun.head.children if c.dep_ in _SUBJECTS), noun)
    return noun


def agrees(word: str, head: Token, kind: str | None = None) -> bool:
    """Whether a phrase headed by ``head`` can be what the pronoun ``word`` stands for;
    ``kind``: what the resolver knows ``head`` is, a name's kind or a role noun's ("Bout":
    a person, "minister": a person, "Kenya": a country), else the entity label decides.
    A word the resolver knows is a noun whatever its tag: the tagger takes a subject
    "junta" for an adjective ("The junta, which holds the government [it] overthrew")."""
    named_person = head.ent_type_ == "PERSON" or head.lower_ in PERSONAL
    person = named_person if kind is None else kind == "person"
    plural = head.tag_ in ("NNS", "NNPS") or head.lower_ in PLURAL
    noun = head.pos_ in _NOUNS or kind is not None
    if word in PERSONAL:
        return person and not plural
    if word in SINGULAR_THING:
        return not person and not plural and (noun or head.lower_ == word)
    return plural or (not person and head.pos_ == "PROPN")


def in_other_clause(noun: Token, pronoun: Token) -> bool:
    """Whether the noun lies inside a relative or participle clause that leaves the pronoun
    out ("Bout, whose story inspired a film with [Nicholas Cage], ... since his arrest")."""
    token = noun
    for _ in range(12):
        if token.head.i == token.i:
            return False
        if token.dep_ in _CLAUSES and not token.left_edge.i <= pronoun.i <= token.right_edge.i:
            return True
        token = token.head
    return False
