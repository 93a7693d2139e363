"""What the form of a trigger's clause says about it: a participle or relative clause that
only describes an actor ("militants fighting the government") tells no act; one said of a
thing its source issued ("imposed a decree banning rallies") is the issuer's act; a modal
clause states its subject's intention unless passive or perfect, and a perfect one
("must have helped") demands nothing either.

Apart from the event stage (:mod:`.events`) because these rules read the clause, never
the candidate's arguments.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract import event_patterns as pat
from eventwire.extract.candidates import Candidate
from eventwire.extract.event_actors import ArgumentLinker
from eventwire.extract.event_lexicon import SPEECH_ACTS, EventLexicon
from eventwire.models import Analysis

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.nlp import SectionDoc


def mark_issued(
    analysis: Analysis,
    section_doc: SectionDoc,
    candidates: dict[int, Candidate],
    lexicon: EventLexicon,
    linker: ArgumentLinker,
    light: frozenset[str],
) -> None:
    """A participle said of a thing that names no actor ("sent X [a letter] urging him to
    resign", "imposed [a decree] banning rallies") is the act of whoever issued the
    thing; one said of people ("protesters carrying flags") still only describes them,
    and a thing no one is said to have issued ("a convoy carrying aid") stays as it is. An
    order or a petition is issued too ("an order banning rallies"), other acts are not."""
    for candidate in candidates.values():
        token = candidate.token
        if token.dep_ != "acl" or token.tag_ != "VBG" or token.head.pos_ != "NOUN":
            continue
        thing = token.head
        kinds = {trigger.type for trigger in lexicon.candidates(thing)}
        if kinds and "REQUEST" not in kinds:
            continue  # "sanctions targeting X", "an accord settling": the participle restates the act
        if any(m.actor for m in linker.link(analysis, section_doc, thing, set(), without=token)):
            continue
        doer = pat.issuer(thing, light, lambda verb: verb.i in candidates)
        if doer is not None:
            candidate.sources, candidate.issued = pat.conjuncts(doer), True


def describes_actor(token: Token, type_: str) -> bool:
    """A present participle that only describes a noun ("a spokesman for groups supporting
    ISIS", "militants fighting the government") says who they are, not what happened
    (coding rule 8); an event noun it elaborates ("a strike targeting ...") is another matter.
    So does a stance stated in a relative clause as ongoing ("marchers who were demanding
    reforms", "groups that back the junta"), or in a participle the parser took for a
    clause of its own ("police dispersed students [calling] for elections": no auxiliary, so
    no finite verb)."""
    if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ in ("NOUN", "PROPN"):
        return type_ in _STANCES or not _set_off(token)
    if type_ not in _STANCES:
        return False
    if token.dep_ == "relcl" and _own_subject(token):
        return False  # "the governor whom [the authorities] are investigating": their act, not who he is
    if token.dep_ == "relcl":
        if token.tag_ in ("VBZ", "VBP"):
            return True
        return token.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.children)
    bare = token.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
    subject = pat.child(token, ("nsubj",))
    return bare and token.dep_ == "ccomp" and subject is not None and subject.pos_ in ("NOUN", "PROPN")


def _set_off(participle: Token) -> bool:
    """A participle between commas adds what its noun was doing then ("Kurdish fighters,
    battling Turkish troops, crossed ..."): an act of theirs, not who they are. One that
    ends the sentence after a list or an aside ("troops, or men in uniform, shooting at
    ...") is less sure to be an aside of its own and still only describes."""
    doc, after = participle.doc, participle.right_edge.i + 1
    before = participle.i > 0 and doc[participle.i - 1].text == ","
    return before and after < participle.sent.end and doc[after].text == ","


def _own_subject(clause: Token) -> bool:
    """Whether a relative clause has a subject of its own, not the relative pronoun: the
    noun it modifies is then its object ("whom 50 countries recognise", "whom it holds
    responsible"), and the clause says what that subject does to it."""
    subject = pat.child(clause, ("nsubj",))
    return subject is not None and subject.lower_ not in _RELATIVE_WORDS


_RELATIVE_WORDS = frozenset({"who", "which", "that", "whose"})
# Verbal stances: in a description of an actor they say who the actor is, not what it did.
_STANCES = SPEECH_ACTS | {"SUPPORT"}


def own_intention(verb: Token) -> bool:
    """Whether a modal clause states its subject's intention: not a passive ("they would be
    attacked by X" is no intention of X's) nor a modal perfect ("may have been hit", "would
    have won": a guess about the past)."""
    if verb.pos_ != "VERB":
        return True
    return not pat.is_passive(verb) and not modal_perfect(verb)


# Auxiliaries by which a subject announces what it is to do ("will expel", "would recall", a
# reported "will"): not the "may", "could", "might" of a possibility held over another party.
_ANNOUNCING = frozenset({"will", "'ll", "would", "'d", "shall"})
# Acts that, announced, are decided: a cut in relations, a protest or strike, a deployment.
# Force and coercion announced against a party (ASSAULT; COERCE: sanctions, arrests, bans,
# closures) are held over it: a THREATEN, as the GSR codes them.
ANNOUNCED_MEASURES = frozenset({"SANCTION", "PROTEST", "MOBILIZE"})


def announced_measure(type_: str, token: Token, light: Token | None = None) -> bool:
    """Whether an act under a modal is a decision its doer announces: an expulsion, a recall,
    a protest, a strike or a deployment (:data:`ANNOUNCED_MEASURES`) under "will" or "would"
    ("Moscow will expel 60 diplomats", "said it would recall its ambassador", "will go on
    strike", "would stage protests"), with no condition on the other party ("unless ...").
    Such a decision made public is the act itself, announced (modality threatened or
    hypothetical): the train articles' coders code all seven such events so (session 31),
    though the GSR codes one announced cut in relations as a threat. Force and coercion
    ("we will strike them", "will impose sanctions", "will close the border": the GSR's
    threats) and acts under a weaker modal ("could recall") are held over another party: a
    THREATEN. The modal is read on the trigger's verb (or the light verb of its noun) or a
    verb it is joined to or completes ("will meet and expel")."""
    if type_ not in ANNOUNCED_MEASURES:
        return False
    current = light or token
    for _ in range(3):
        if any(c.dep_ == "advcl" and _conditional(c) for c in current.children):
            return False  # "will impose sanctions unless ...": held over the party, a threat
        if any(c.dep_ == "aux" and c.lower_ in _ANNOUNCING for c in current.children):
            return True
        if current.dep_ not in ("conj", "xcomp") or current.head is current:
            return False
        current = current.head
    return False


_WITHHOLDING = _ANNOUNCING | {"wo"}  # "won't": spaCy's "wo" + "n't"
# Verbs of stopping another party's act or decision: blocking, vetoing, obstructing, opposing,
# overruling it. Withheld by a stated decision ("will not block X"), they let the act go ahead.
_OBSTRUCTING = frozenset(
    {"block", "veto", "obstruct", "oppose", "overrule", "overturn", "quash", "hinder", "impede"}
)


def withheld_obstruction(token: Token, light: Token | None = None) -> bool:
    """Whether a clause announces that its subject will not stop another party's act: a verb of
    obstructing (:data:`_OBSTRUCTING`) with its own negation and an announcing modal ("Berlin
    would not block Poland", "we will not veto the resolution", "the party won't oppose the
    bid"). Such a decision consents to the act (AGREE, as the train articles' coders code it),
    where the negation reversed into a refusal (REJECT) would say the opposite, and the act of
    blocking negated would report none. "Did not block" (told as past), "could not block" (a
    negated ability) and "may not block" (a possibility) announce no decision."""
    verb = light or token
    if token.lemma_.lower() not in _OBSTRUCTING or verb.pos_ != "VERB":
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "neg")]
    negated = any(c.dep_ == "neg" for c in auxes)
    return negated and any(c.dep_ == "aux" and c.lower_ in _WITHHOLDING for c in auxes)


_CONDITIONS = frozenset({"if", "unless", "should"})


def _conditional(clause: Token) -> bool:
    """A clause opened by "if", "unless" or an inverted "should"."""
    opening = (c for c in clause.children if c.dep_ in ("mark", "aux") and c.i < clause.i)
    return any(c.lower_ in _CONDITIONS for c in opening)


# Verbs that say an act goes on ("will continue to shell", "will carry on discussions", "may
# press on with its offensive", "negotiations would go on"): the act is under way, and the
# modal tells that it goes on, not what its doer intends (no promise, no threat).
_GOING_ON = frozenset({"continue", "resume", "persist", "keep"})
_GOING_ON_WITH_ON = frozenset({"carry", "go", "press", "push"})  # with the particle "on"
_UP_TO_GOING_ON = frozenset({"xcomp", "dobj", "prep", "pobj", "pcomp", "nsubj"})


def goes_on(token: Token, light: Token | None = None) -> bool:
    """Whether the act is said to go on: its verb (or the light verb of its noun) is, or is the
    complement, object or subject of, a verb of continuing ("will continue [talks]",
    "carry on with their [offensive]", "[talks] would go on")."""
    current = light or token
    for _ in range(4):
        lemma = current.lemma_.lower()
        if lemma in _GOING_ON:
            return True
        if lemma in _GOING_ON_WITH_ON and any(c.dep_ == "prt" and c.lower_ == "on" for c in current.children):
            return True
        if current.dep_ not in _UP_TO_GOING_ON or current.head.i == current.i:
            return False
        current = current.head
    return False


def modal_perfect(verb: Token) -> bool:
    """A modal with a perfect ("may have been hit", "must have helped them"): a guess about the
    past, neither an intention nor a demand."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def told_as_past(token: Token, light: Token | None = None) -> bool:
    """Whether a clause tells what its subject did or had done, not what it means to do: its
    verb (or the light verb of its noun) is in the past ("did not sign", "pulled out") or the
    perfect ("had not pulled out", "has not cooperated"), with no modal. Negated, such a
    clause reports that an act did not happen (the act, negated), where "will not sign" or
    "refused to sign" states a decision about the future (a refusal)."""
    verb = light or token
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" for c in auxes):
        return False
    if any(c.lemma_ == "have" or (c.lemma_ == "do" and c.tag_ == "VBD") for c in auxes):
        return True
    return verb.tag_ == "VBD"
