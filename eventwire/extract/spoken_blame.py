"""Blame stated as a predicate in what someone says: "the minister said the militia [was
responsible] for the killings", '"The arrests are [illegal]," the lawyer said', "said the
crackdown had been [unwarranted]". Saying of an actor, or of an actor's act, that it is to
blame or unlawful is accusing it (CAMEO 111/112): an ACCUSE by the speaker aimed at the
clause's subject (or, when the subject is an act, at its doer, as a judged act is,
:mod:`.judged_acts`).

Read off the parse only, by the speech verbs' ``predicate:blame`` rows of
``event_triggers.csv``; the words are the ``disapproval`` cues (a name of disapproval, as
for naming verbs: "called the vote a sham") and the ``blame`` cues (responsible, guilty:
blame only with what they blame for, "responsible [for] the attack"; "responsible for
security" is a duty, and the speaker is not judged by their own clause's subject).

Narrow on purpose: a classifier over all reported statements was tried and was wrong more
often than right. Only a finite clausal complement of the speech verb counts, its predicate
must be the word itself (or coordinated with it: "unwarranted, unprovoked and
disproportionate"; "an act [of] aggression"), and a clause that is negated ("was not
responsible"), modal ("would be a mistake") or about the speaker ("we are responsible") tells
no accusation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.nlp.tree import children, has_child

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

# The ``requires`` condition of a speech verb's blame row.
SPOKEN_BLAME = "predicate:blame"
# What a blame word blames for: "responsible [for] the deaths", "guilty [of] treason".
_BLAME_PREPS = frozenset({"for", "of"})
# A modal clause is a supposition, not a judgement: "said it would be illegal to ...".
_MODALS = frozenset({"would", "could", "may", "might", "should", "will", "can", "must", "shall"})
_SPEAKER = frozenset({"i", "we", "us", "me", "myself", "ourselves"})
_PREDICATES = frozenset({"acomp", "attr"})
_CLAUSES = frozenset({"ccomp"})


def _children(token: Token, deps: frozenset[str]) -> list[Token]:
    return [token.doc[i] for i, dep, _ in children(token) if dep in deps]


def _word(token: Token) -> tuple[str, str]:
    return token.lemma_.lower(), token.lower_


def blamed_clause(
    verb: Token,
    disapproval: frozenset[str],
    blame: frozenset[str],
    acts: Callable[[Token], bool],
    wrongdoing: frozenset[str] = frozenset(),
) -> Token | None:
    """The clause of a speech verb that predicates blame of its subject ("said [the RSF was
    responsible for the attack]") or charges it with wrongdoing ("said [the coup leaders were
    violating the constitution]"), or None. The clause is a ``ccomp`` with a subject of its
    own that is not the speaker ("we"), unnegated and without a modal. ``acts``: whether a
    word names an act (has a trigger row), what a blame word must blame for; ``wrongdoing``:
    the verbs of wrongdoing (``wrongdoing`` cues)."""
    for clause in _children(verb, _CLAUSES):
        subjects = _children(clause, frozenset({"nsubj", "nsubjpass"}))
        if not subjects or any(s.lower_ in _SPEAKER for s in subjects):
            continue
        if has_child(clause, ("neg",)) or has_child(clause, ("aux",), _MODALS):
            continue
        if blame_word(clause, disapproval, blame, acts) is not None:
            return clause
        if wrongdoing_verb(clause, wrongdoing, disapproval) is not None:
            return clause
    return None


# Verbs of trying, through which a clause charges the act tried: "tried to [destabilise] the state".
_ATTEMPTS = frozenset({"try", "attempt", "seek", "work", "continue", "keep"})
# Verbs that do what their object names: "[committed] an act of treason", "[made] a mistake"
# (not "neutralized nine terrorists": an object of disapproval there is the one done to).
_COMMITS = frozenset({"commit", "make", "perpetrate"})


def wrongdoing_verb(clause: Token, wrongdoing: frozenset[str], disapproval: frozenset[str]) -> Token | None:
    """The verb of wrongdoing a clause charges its subject with: its own verb ("had
    [violated] Polish airspace", "the vote had been [rigged] by X"), the one it tries ("had
    tried to [destabilise] the state"), or committing what a name of disapproval names ("had
    [committed] an act of treason", "[made] a big mistake"). Saying that another did wrong
    is accusing them, as train's gold codes it ("said the coup leaders are violating the
    constitution")."""
    verbs = [clause]
    if clause.lemma_.lower() in _ATTEMPTS:
        verbs.extend(_children(clause, frozenset({"xcomp"})))
    for word in verbs:
        if word.pos_ != "VERB":
            continue
        if _word(word)[0] in wrongdoing:
            return word
        if _word(word)[0] in _COMMITS and any(
            _word(n)[0] in disapproval or n.lower_ in disapproval for n in _objects_named(word)
        ):
            return word
    return None


def _objects_named(verb: Token) -> list[Token]:
    """A verb's direct objects and what they are "of": "committed [an act] of [treason]"."""
    out: list[Token] = []
    for obj in _children(verb, frozenset({"dobj"})):
        out.append(obj)
        for of in _children(obj, frozenset({"prep"})):
            if of.lower_ == "of":
                out.extend(_children(of, frozenset({"pobj"})))
    return out


def blame_word(
    clause: Token, disapproval: frozenset[str], blame: frozenset[str], acts: Callable[[Token], bool]
) -> Token | None:
    """The word of blame a copular clause predicates: "was [illegal]", "is [a crime]",
    "were [responsible] for the attack" (for an act or a crime: "responsible for road
    maintenance" is a duty), "an act of [aggression]"."""
    for predicate in _children(clause, _PREDICATES):
        if any(c.dep_ == "neg" for c in predicate.children):
            continue  # "is hardly [not] acceptable" style negation on the adjective
        words = [predicate, *_children(predicate, frozenset({"conj", "compound"}))]
        for prep in _children(predicate, frozenset({"prep"})):
            if prep.lower_ == "of":  # "an act of aggression"
                words.extend(_children(prep, frozenset({"pobj"})))
        for word in words:
            lemma, lower = _word(word)
            if lemma in disapproval or lower in disapproval:
                return word
            if (lemma in blame or lower in blame) and any(
                acts(thing) or _word(thing)[0] in disapproval for thing in blamed_for(word)
            ):
                return word
    return None


def blamed_for(word: Token) -> list[Token]:
    """What a blame word blames for: "responsible for [the attacks] and [killings]"."""
    out: list[Token] = []
    for prep in word.children:
        if prep.dep_ == "prep" and prep.lower_ in _BLAME_PREPS:
            for thing in prep.children:
                if thing.dep_ in ("pobj", "pcomp"):
                    out.extend([thing, *(c for c in thing.children if c.dep_ == "conj")])
    return out


_PLACEHOLDERS = frozenset({"it", "this", "that"})


def blamed_subjects(verb: Token) -> list[Token]:
    """Whom (or which act) a speech verb's blame clause is about: its subject ("said [the
    RSF] was responsible"), or for "it" the subject of the clause "it" stands for ("said it
    was unacceptable that [Chinese ships] keep intruding"). "It", "this" alone name nothing
    here: what they refer to is not read (a decision, often, whose author is not said)."""
    out: list[Token] = []
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        agent = _agent(clause)
        if agent is not None:  # "said the vote had been rigged [by the commission]"
            out.extend([agent, *(c for c in agent.children if c.dep_ == "conj")])
            continue
        for subject in clause.children:
            if subject.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if subject.lower_ not in _PLACEHOLDERS:
                out.extend([subject, *(c for c in subject.children if c.dep_ == "conj")])
                continue
            for that in clause.children:
                if that.i > subject.i and that.dep_ in ("ccomp", "csubj"):
                    out.extend(c for c in that.children if c.dep_ in ("nsubj", "nsubjpass"))
    return out


# CAMEO 128, defying norms (violate, flout): told by another, the wrong their accusation charges.
DEFIED_NORM = "128"


def charged_words(verb: Token) -> list[Token]:
    """The verbs a speech verb's clauses charge ("said X had [violated] the truce", "tried to
    [destabilise]"): their heads and what an attempt tries."""
    out: list[Token] = []
    for clause in _children(verb, _CLAUSES):
        out.append(clause)
        if clause.lemma_.lower() in _ATTEMPTS:
            out.extend(_children(clause, frozenset({"xcomp"})))
    return out


def _agent(clause: Token) -> Token | None:
    """The "by" agent of a passive clause: whom "the vote was rigged by X" charges."""
    if not any(c.dep_ == "nsubjpass" for c in clause.children):
        return None
    for agent in _children(clause, frozenset({"agent"})):
        for obj in _children(agent, frozenset({"pobj"})):
            return obj
    return None


def predicate_words(verb: Token) -> list[Token]:
    """The predicate nouns and adjectives of a speech verb's clauses ("said the raid was a
    [massacre]"): names of the act, not acts of their own."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    predicates = [p for c in clauses for p in _children(c, _PREDICATES)]
    return [w for p in predicates for w in (p, *_children(p, frozenset({"conj"})))]
