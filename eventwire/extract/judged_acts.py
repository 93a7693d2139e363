"""Whom a judgement of an act or a decision is aimed at: judging an act ("condemned the
arrest of X by police") is judging its doer, judging a decision ("criticized the court's
ruling") its author; the act, the decision and whom the act was done to are no target
(coding rule 3).

Apart from the event stage (:mod:`.events`), which calls these rules while it links a
judging trigger to the act in its complement; :mod:`eventwire.resolve.implicit_args`
gives the doer or author when the sentence names none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract import event_patterns as pat
from eventwire.extract.candidates import Candidate
from eventwire.extract.pairs import is_between
from eventwire.extract.spoken_blame import (
    DEFIED_NORM,
    SPOKEN_BLAME,
    blamed_for,
    blamed_subjects,
    charged_words,
    predicate_words,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


# Judging an act is judging whoever did it: "condemned the arrest of X by police" is aimed at
# the police, "hailed the release" at who released; the act itself and whom it was done to are
# not the target (coding rule 3: an act is no actor).
JUDGES_THE_DOER = frozenset({"ACCUSE", "SUPPORT", "REJECT"})
# Prepositions that name what a judgement is about: "raised the alarm [over] the arrests".
_ABOUT = frozenset({"over", "about", "at", "against", "on"})


# Acts done to another act, aimed at whoever did it: "police dispersed the rally" at its
# crowd, "banned the march" at its organisers, "troops repelled the attack" at the attackers.
ACTS_ON_ACTS = frozenset({"COERCE", "ASSAULT", "SANCTION", "REQUEST"})


def refers_to_act(governor: Candidate, act: Candidate) -> bool:
    """Whether ``governor`` is done to an earlier act its object names without its doer
    ("dispersed the rally", "repelled the attack"), so that the discourse gives the target
    (``Candidate.judged``, resolve/implicit_args.py): a definite event noun, the verb's
    direct object, with no doer of its own. An act whose sides the phrase names ("the rally
    [against the decree]") is left to the clause, as is a verb that names whom it is aimed
    at besides: the discourse fills only a side the clause leaves empty."""
    noun = pat.carrier(act.token)
    if governor.type not in ACTS_ON_ACTS or governor.judged is not None:
        return False
    if act.sources or act.targets or noun.dep_ != "dobj" or noun.head != governor.token:
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ not in _INDEFINITE for c in noun.children)


_INDEFINITE = frozenset({"a", "an", "any", "no", "some", "every", "each", "another"})


def judged_phrase(noun: Token, judgement: Candidate) -> bool:
    """Whether a noun is what a judgement is about: among its targets, or the object of
    "over", "about" ... on the judgement's own word."""
    if noun in judgement.targets:
        return True
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in _ABOUT and prep.head == judgement.token


# Judging a decision or a document is judging whoever made it: "criticized the court's
# ruling", "welcomed the decision issued by the ministry", "demanded that the bans be lifted".
_JUDGES_THE_AUTHOR = frozenset({"ACCUSE", "SUPPORT", "REQUEST", "REJECT"})
# Things an actor makes by deciding: each has an author, named in its phrase or by the act
# that made it ("imposed bans", "the court ruled").
DECISIONS = frozenset(
    {
        "ruling", "verdict", "decision", "decree", "ban", "law", "order", "move", "measure",
        "policy", "sanction", "plan", "proposal", "deal",
    }
)  # fmt: skip


# Decisions whose "of" names who handed them down ("the ruling of the court"); "the ban of
# alcohol", "the law of the sea" name what they are about.
_HANDED_DOWN = frozenset({"ruling", "verdict", "decision", "decree"})
# Entity kinds of a name before a decision that tell who made it ("the [ICC] ruling").
_AUTHOR_ENTS = frozenset({"ORG", "GPE", "NORP", "PERSON"})


def decision_author(thing: Token) -> Token | None:
    """The author a decision's phrase names: its owner ("the court's ruling"), a name before
    it ("the ICC decision", "the Israeli plan"), the agent of "by" ("the decree by the
    council", "the order issued by the court"), or of a ruling its "of" ("the ruling of the
    court")."""
    owner = pat.child(thing, ("poss",))
    if owner is not None:
        return owner
    named = [c for c in thing.lefts if c.dep_ in ("compound", "amod") and c.ent_type_ in _AUTHOR_ENTS]
    if named:
        return named[-1]
    by = next((c for c in thing.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    if by is not None:
        return pat.child(by, ("pobj",))
    of = next((c for c in thing.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None and thing.lemma_.lower() in _HANDED_DOWN:
        return pat.child(of, ("pobj",))  # "the ruling of the boundary commission"
    issued = next((c for c in thing.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    return pat.agent_of(issued) if issued is not None else None


def authors_of_things(candidates: dict[int, Candidate]) -> None:
    """A judgement of a decision is aimed at its author: the one its phrase names, else the
    one the discourse names (``Candidate.thing``); the decision itself is no actor."""
    for candidate in candidates.values():
        if candidate.type not in _JUDGES_THE_AUTHOR or candidate.judged is not None:
            continue
        targets: list[Token] = []
        for token in candidate.targets:
            if token.i in candidates or token.lemma_.lower() not in DECISIONS:
                targets.append(token)
                continue
            author = decision_author(token)
            if author is not None:
                targets.extend(a for a in pat.conjuncts(author) if a not in candidate.sources)
            elif candidate.thing is None:
                candidate.thing = token
        candidate.targets = list(dict.fromkeys(targets))
        if candidate.targets:
            candidate.thing = None


_RELATIVES = frozenset({"that", "which", "whom"})


def _relative_object(clause: Token) -> bool:
    """Whether a clause modifies a noun whose relative pronoun is its object ("a raid [that]
    X condemned"; parsed as a relative clause or, with "that", often as an ``acl``)."""
    return clause.dep_ in ("relcl", "acl") and any(
        c.dep_ == "dobj" and c.lower_ in _RELATIVES for c in clause.children
    )


def judged_by_relatives(candidates: dict[int, Candidate]) -> None:
    """A judgement told in a relative clause on the act it judges ("a raid [that] Ecuador
    condemned", "the strikes, which the UN criticized") judges that act, as "condemned the
    raid" would: aimed at the act's doer, named in its phrase or left to the discourse
    (``Candidate.judged``); the act noun, which the relative pronoun stands for, is no actor.
    The complement rules (``modality.governor_of``) never climb out of a relative clause, so
    this is the one path from such a judgement to its act."""
    for judge in candidates.values():
        clause = judge.token
        if judge.type not in JUDGES_THE_DOER or judge.judged is not None or not _relative_object(clause):
            continue
        act = candidates.get(clause.head.i)
        if act is None or act.token.pos_ != "NOUN" or clause.head not in judge.targets:
            continue
        if not act.sources and not is_between(act.targets):
            judge.judged = act.found
        judge.targets = doers_for_act(judge.targets, act)


def doers_for_act(targets: list[Token], act: Candidate) -> list[Token]:
    """``targets`` with the event noun replaced by the act's sources (none if it has none),
    and without whom the act was done to ("condemned the attack [on the officers]")."""
    noun = pat.carrier(act.token)
    if noun not in targets:
        return targets
    out: list[Token] = []
    for token in targets:
        if token == noun:
            out.extend(act.sources)
        elif token not in act.targets:
            out.append(token)
    return list(dict.fromkeys(out))


def judged_by_speakers(candidates: dict[int, Candidate]) -> None:
    """Blame said of an act ("said [the crackdown] had been unwarranted", '"the raid was a
    war crime," she said'; :mod:`.spoken_blame`) is aimed at the act's doer, as "condemned
    the crackdown" is: named in its phrase ("the crackdown [by police]") or left to the
    discourse (``Candidate.judged``); the act itself is no actor. A decision judged so ("said
    the court's ruling was illegal") is aimed at its author."""
    for judge in candidates.values():
        if judge.trigger.requires != SPOKEN_BLAME or judge.judged is not None:
            continue
        for word in predicate_words(judge.token):
            named = candidates.get(word.i)
            if named is not None and named is not judge:
                named.suppressed = True  # "said the raid was a [massacre]": a name, not a second act
            for thing in blamed_for(word):  # "said X was responsible for [the attack]": the
                blamed = candidates.get(thing.i)  # accusation carries it (coding rule 6)
                if blamed is not None and blamed is not judge:
                    blamed.carried = True
        for word in charged_words(judge.token):  # "said X had [violated] the truce": a norm
            defied = candidates.get(word.i)  # defied (REJECT 128) is the wrong the accusation carries
            if defied is not None and defied is not judge and defied.cameo == DEFIED_NORM:
                defied.carried = True
        for subject in blamed_subjects(judge.token):
            act = candidates.get(subject.i)
            if act is not None and act.token.pos_ == "NOUN":
                if not act.sources and not is_between(act.targets):
                    judge.judged = act.found
                judge.targets = doers_for_act(judge.targets, act)
            elif subject.lemma_.lower() in DECISIONS and subject in judge.targets:
                author = decision_author(subject)
                rest = [t for t in judge.targets if t != subject]
                judge.targets = [*pat.conjuncts(author), *rest] if author is not None else rest
