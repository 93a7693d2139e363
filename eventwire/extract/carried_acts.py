"""Candidates told through another one in the same sentence: a casualty clause counts the
victims of its attack ("shelled the town, killing four"), an act named as the reason for
an arrest or accusation is the charge ("arrested X for rioting"), a negated exclusion keeps
an option open ("would not rule out force": a threat), a failure of something other than
cooperation refuses nothing, an act whose subject is an event noun ("attacks have
killed ...") was done by that event's doers, and an elliptic clause carries the act to more
parties ("X condemned it, as did Y", "X was detained, as were Y and Z").

Apart from the event stage (:mod:`.events`), which runs these rules over a sentence's
candidates before it emits them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from eventwire.extract import event_patterns as pat
from eventwire.extract.candidates import Candidate
from eventwire.extract.event_lexicon import COOPERATIVE
from eventwire.models import Modality
from eventwire.resolve.groups import of_object

if TYPE_CHECKING:
    from spacy.tokens import Token


# Conflicts and blasts named as the cause of deaths ("the fighting has killed 36", "violence
# that has killed more than 100", "the war, which has killed ..."): a count of victims of a
# conflict is a statistic (coding rule 8), an act only when the conflict names its parties
# ("fighting between X and Y killed seven"); "their war" is both sides' war, no doer.
_CONFLICTS = frozenset({
    "war", "warfare", "fighting", "violence", "conflict", "clash", "skirmish", "unrest", "hostility",
    "bloodshed", "turmoil", "insurgency", "explosion", "blast",
})  # fmt: skip


def cause_sources(
    candidate: Candidate, candidates: dict[int, Candidate], can_attack: Callable[[Token], bool]
) -> None:
    """The doers of an act whose subject is an event noun: "US Predator attacks have killed
    ..." was done by the attackers; "the fighting has killed 36" by no one it names. A noun
    with an attack among its senses that does the attacking is that attack: "Israeli strikes
    hit two villages" tells air strikes, not a labour strike by Israelis (``can_attack``: the
    lexicon has an ASSAULT row for the word)."""
    cause = candidate.sources[0]
    told = candidates.get(cause.i)
    if told is not None:
        candidate.sources = list(told.sources)
        if candidate.type == "ASSAULT" and told.type != "ASSAULT" and can_attack(told.token):
            told.suppressed = True
    unnamed = told is None or not (told.sources or told.targets)
    if candidate.type == "ASSAULT" and cause.lemma_.lower() in _CONFLICTS and unnamed:
        candidate.suppressed = True


# Verbs that count an attack's victims: "killed two soldiers and wounded 26", "five were
# killed and ten more were wounded" tell one attack's toll (coding rule 2), not two attacks.
_TOLL = frozenset({"kill", "wound", "injure", "maim", "hurt"})


def one_toll(candidates: dict[int, Candidate]) -> None:
    """A casualty clause that counts the victims of an attack is carried by the attack, one
    act: a casualty verb coordinated with another ("killed two and wounded 26"), a
    participle on the attack's clause ("shelled the town, killing four", "opened fire on
    the crowd, killing two"), or a passive that adds victims to a count told before and
    names neither doer nor act ("Another 61 people were wounded": see ``added_toll``)."""
    for candidate in candidates.values():
        verb = candidate.token
        if candidate.type != "ASSAULT" or verb.pos_ != "VERB" or verb.lemma_.lower() not in _TOLL:
            continue
        if added_toll(verb, candidates):
            candidate.carried = True
        elif verb.dep_ == "conj":
            first = candidates.get(verb.head.i)
            if first is not None and first.type == "ASSAULT" and verb.head.lemma_.lower() in _TOLL:
                candidate.carried = True
        elif verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") and pat.child(verb, ("nsubj",)) is None:
            head = verb.head
            words = (head, *(w for w in head.children if w.dep_ == "dobj"))
            attack = next((a for w in words if (a := candidates.get(w.i)) and a.type == "ASSAULT"), None)
            if attack is not None and not attack.suppressed:
                candidate.carried = True
                attack.targets.extend(t for t in candidate.targets if t not in attack.targets)  # its victims


# Words that add to a count already told: "another 61 people", "hundreds more", "ten others".
_ADDED = frozenset({"another", "more", "other", "others", "further", "additional"})


def added_toll(verb: Token, candidates: dict[int, Candidate]) -> bool:
    """A passive casualty verb whose victims are counted in addition to others ("Another 61
    people were wounded", "hundreds more were hurt") and that names no doer ("by ...") and
    no act ("in the attack"): the rest of the toll of an act told before it, not an attack
    of its own. "More than 60" compares, it adds nothing."""
    victims = [c for c in verb.children if c.dep_ == "nsubjpass"]  # "Hundreds | more people"
    if not victims or pat.agent_of(verb) is not None:
        return False
    for prep in verb.children:
        if prep.dep_ == "prep" and any(o.dep_ == "pobj" and o.i in candidates for o in prep.children):
            return False  # "were wounded in the shelling": told with its act
    words = [w for v in victims for w in v.subtree if w.i <= v.i or w.dep_ == "amod"]
    return any(w.lower_ in _ADDED and not _compares(w) for w in words)


def _compares(word: Token) -> bool:
    """ "More than 40": a comparison, not an addition."""
    after = word.i + 1
    return word.lower_ == "more" and after < len(word.doc) and word.doc[after].lower_ == "than"


# Triggers of excluding an option ("rule out"): negated, the option is kept open. "Would not
# rule out the use of force" and "refused to rule out military action" threaten; keeping talks
# open is no act at all.
_EXCLUDING = frozenset({"rule out", "exclude"})


def kept_open(candidates: dict[int, Candidate]) -> None:
    """Negated exclusions are no rejections: threats, unless what is kept open is cooperative."""
    for candidate in candidates.values():
        if candidate.trigger.phrase not in _EXCLUDING or not candidate.reading.negated:
            continue
        option = candidate.complement
        governor = candidate.governor
        refused = candidate.carried and governor is not None and governor.trigger.embed is Modality.NEGATED
        refusal = governor if refused else None  # "refused to rule out": the refusal states it
        stated = refusal or candidate
        if option is not None and option.type in COOPERATIVE:
            stated.suppressed = True
            continue
        stated.type, stated.cameo = "THREATEN", "130"
        stated.reading.negated = False


def failed_other_act(candidate: Candidate) -> bool:
    """Whether a failure ("failed to ...") is of something other than cooperation: failing to
    reach agreement refuses it; failing to deal with a problem or to reach someone by phone
    rejects nothing. A failure with no complement ("the resolution failed at the Council")
    is the rejection of what failed."""
    failure = candidate.token
    if pat.child(failure, ("xcomp", "ccomp")) is None:
        return False
    failed = candidate.complement
    if failed is None or failed.type not in COOPERATIVE:
        return True
    # what failed is the verb itself or a light verb's noun ("failed to [reach] an agreement"),
    # not an act further down ("failed to keep the deal from going ahead")
    head, light = failed.token.head, failed.light
    return head.i != failure.i and not (light is not None and head.i == light.i and light.head.i == failure.i)


# Acts that answer for another act (coding rule 6): "arrested X for attacking police",
# "criticised Y over its handling of the protests", "sanctioned Z for the invasion". The act
# named as the reason is the charge, what the arrest or accusation is about: it is carried.
_ANSWERS_FOR = frozenset({"ACCUSE", "COERCE", "SANCTION"})
_REASON_PREPS = frozenset({"for", "over"})
_REASON_STEPS = frozenset({"conj", "pcomp", "pobj", "dobj", "xcomp", "compound"})


def carry_charges(candidates: dict[int, Candidate]) -> None:
    """Candidates named as the reason for an arrest, accusation or sanction are carried."""
    by_light: dict[int, list[Candidate]] = {}
    for other in candidates.values():
        if other.light is not None:
            by_light.setdefault(other.light.i, []).append(other)
    for candidate in candidates.values():
        current = candidate.token
        for _ in range(6):
            head = current.head
            if current.dep_ == "prep" and current.lower_ in _REASON_PREPS:
                if head.dep_ == "dobj" and head.head.i in candidates:
                    head = head.head  # "arrested 40 students [for] rioting" attached to the object
                # "traded accusations over the shelling": the reason hangs on the light verb
                light_acts = [c for c in by_light.get(head.i, []) if c is not candidate]
                governor = candidates.get(head.i) or (light_acts[0] if light_acts else None)
                # a suppressed accusation carries nothing: "X is blamed for [the attack]", no accuser
                if governor is not None and governor is not candidate and not governor.suppressed:
                    candidate.carried = candidate.carried or governor.type in _ANSWERS_FOR
                break
            if head is current or (current.dep_ not in _REASON_STEPS and current.dep_ != "prep"):
                break
            current = head


# An elliptic clause repeats its antecedent's act for another party with only an auxiliary
# left of its verb phrase: "X condemned the attack, as did Y", "..., and so did Y", "..., and
# Y did too", "X was arrested, as were Y and Z", "X has welcomed the deal, as have Y".
_ELLIPTIC = frozenset({"be", "do", "have", "will", "would", "can", "could", "should", "must", "may", "might"})
# all an elliptic clause holds besides its auxiliary: a clause with an object, a complement or
# a phrase of its own is no ellipsis ("as was expected", "as he was on his way", "as did the
# report he wrote": "did" with an object is the full verb)
_ELLIPSIS_PARTS = frozenset({"mark", "advmod", "nsubj", "nsubjpass", "attr", "punct", "cc", "npadvmod"})


def _elided_subject(clause: Token) -> list[Token]:
    """The parties an elliptic clause names ("as were [two of his deputies]"), or none when
    the clause is no ellipsis: a form of "be", "do", "have" or a modal heading an adverbial clause
    marked "as", or a coordinated clause with "so" before it or "too" after its subject."""
    if clause.lemma_.lower() not in _ELLIPTIC or clause.dep_ not in ("advcl", "conj"):
        return []
    children = list(clause.children)
    marked = any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
    so = any(c.dep_ == "advmod" and c.lower_ == "so" and c.i < clause.i for c in children)
    too = clause.dep_ == "conj" and any(c.dep_ == "advmod" and c.lower_ == "too" for c in children)
    if not (marked or so or too) or any(c.dep_ not in _ELLIPSIS_PARTS for c in children):
        return []
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and clause.lemma_.lower() == "be":  # "as were two others": the parse's attribute
        subjects = [c for c in children if c.dep_ == "attr" and c.i > clause.i]
    if len(subjects) != 1 or any(c.dep_ == "attr" for c in children if c is not subjects[0]):
        return []
    return pat.conjuncts(subjects[0])


def _named(noun: Token) -> Token:
    """Whom a count or share names: "two of his deputies" names deputies."""
    if noun.pos_ in ("NUM", "PRON", "DET") or noun.lower_ in ("some", "many", "several", "most", "all"):
        members = of_object(noun)
        return members if members is not None else noun
    return noun


def _nominal(noun: Token) -> bool:
    return noun.pos_ in ("NOUN", "PROPN") or (noun.pos_ == "PRON" and noun.lower_ not in _EXPLETIVE)


_EXPLETIVE = frozenset({"it", "there", "this", "that", "which", "what", "so"})


def elided_parties(candidates: dict[int, Candidate], party: Callable[[Token], bool]) -> None:
    """Coding rule 2 through ellipsis: the subject of an elliptic clause is one more party of
    its antecedent's act, in the role the antecedent's subject has. "Kenya condemned the
    attack, as did Uganda" (and "so did Uganda", "Uganda did too"): Uganda condemned it too,
    a source; "the chairman was arrested, as were two of his deputies": each deputy was
    arrested too, a target, and so in "police arrested the chairman, as were ...", where the
    passive ellipsis names another one acted on. An active act told with "be" ("Kenya was
    protesting, as was Uganda") carries a doer. ``party``: whether a noun can be a party."""
    for candidate in candidates.values():
        if candidate.nominal or candidate.trigger.pos != "VERB":
            continue
        verb = candidate.token
        for clause in verb.children:
            added = _elided_subject(clause)
            if not added:
                continue
            if pat.is_passive(verb):
                side = "targets"
            elif clause.lemma_.lower() != "be" or any(
                c.dep_ == "aux" and c.lemma_.lower() == "be" for c in verb.children
            ):
                side = "sources"
            elif candidate.targets:
                side = "targets"
            else:
                continue
            # a doer must be able to act ("as did the report" names none); one acted on is any
            # person or thing named ("as was his deputy"), which the linker resolves or drops
            named = party if side == "sources" else _nominal
            added = [_named(t) for t in added if named(_named(t))]
            if not added:
                continue
            candidate.elliptic = [*candidate.elliptic, clause]
            if side == "sources":
                candidate.sources = [*candidate.sources, *(t for t in added if t not in candidate.sources)]
                # nothing in the ellipsis is acted on: "and so did Togo" is no one condemned
                inside = range(clause.left_edge.i, clause.right_edge.i + 1)
                candidate.targets = [t for t in candidate.targets if t.i not in inside]
            else:  # parties beside the first target, as companions are ("along with his aides")
                candidate.elided = [*candidate.elided, *(t for t in added if t not in candidate.elided)]
