"""How an event is asserted: actual, threatened/intended, negated, hypothetical, alleged.

Rules, read off the dependency parse around the trigger (cue words in
``data/lexicons/event_cues.csv``):

* negated: a ``neg`` dependent ("did not attack", "never"), "no" before an event noun,
  "without" before a gerund, or a governing deny/refuse trigger ("denied attacking");
  a negated ability ("could not evacuate them", "was unable to") is no act at all and no
  refusal either (``unable``), and so is an act another kept from happening ("prevented
  them from storming", ``prevented``), unless the keeping failed ("could not stop them
  from storming": they stormed);
* hypothetical: a hypothetical modal ("would", "could", "may", "might", "should"), an
  "if"/"unless" clause or its inverted form ("should the army attack", "had they known":
  a condition, not a modal, so no stated intention), or a governing request ("called for
  sanctions"); an act in a condition is only the circumstance of another (``condition``:
  the coding rules code "could attack if ...", never what the "if" names);
* threatened/intended: a future modal ("will"), a governing threat or intention
  ("threatened to drive it out", "agreed to withdraw"), or a headline's infinitive with its
  own subject ("Biden to visit Kyiv", :mod:`eventwire.nlp.headlines`);
* alleged (the ``alleged`` flag, and the modality when nothing stronger holds): a hedge
  ("allegedly", "reportedly"), "alleged"/"suspected" on an event noun, a governing
  accusation ("accused the two groups of working together"), or "is said/believed to".

Hedges carry over coordination and verb chains ("have allegedly launched attacks ... and
tried to ... by shooting rockets": both alleged); negation and modals carry over verb
chains only (xcomp: "did not try to attack"), not over "and"; a condition carries over a
conjunct that has no subject of its own ("should they strike and kill civilians").
Reported speech is a boundary: "reportedly says" does not hedge what is said.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.extract.event_lexicon import EventLexicon
from eventwire.models import Modality
from eventwire.nlp.tree import child_with, children, has_child

if TYPE_CHECKING:
    from spacy.tokens import Token

_CHAIN = frozenset({"xcomp", "pcomp", "prep", "pobj", "acomp", "dobj", "oprd"})
_GOVERNED = frozenset(
    {"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "attr", "oprd", "acomp", "nsubjpass"}
)
_VERBAL_STEPS = frozenset({"xcomp", "ccomp", "pcomp"})
# Verbs that only say an act goes on: in "vowed that [attacks] would continue" the subject
# noun stands for the clause. (stop, end, cease reverse the act and are left out.)
_ASPECTUAL = frozenset({"continue", "resume", "escalate", "intensify", "persist", "expand"})
_HEDGING_VERBS = frozenset(
    {"say", "believe", "think", "suspect", "report", "allege", "rumor", "rumour", "claim"}
)


@dataclass(slots=True)
class Reading:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    alleged: bool = False
    modal: bool = False  # a modal verb of the event's own clause (will, would, may...)
    condition: bool = False  # its clause is a condition ("if they attack", "should the army attack")
    unable: bool = False  # a negated ability ("could not evacuate them", "was unable to")
    prevented: bool = False  # kept from happening ("stopped them from storming the building")
    habitual: bool = False  # a habit or an unspecified past ("often detain", "arrested many times")

    @property
    def unrealised(self) -> bool:
        """No act is told, nor refused: only the condition of another act, one its doer could
        not do, or one another kept from happening."""
        return self.condition or self.unable or self.prevented

    def modality(self) -> Modality:
        if self.negated:
            return Modality.NEGATED
        if self.hypothetical:
            return Modality.HYPOTHETICAL
        if self.future:
            return Modality.THREATENED
        if self.alleged:
            return Modality.ALLEGED
        return Modality.ACTUAL

    def apply(self, modality: Modality | None) -> None:
        """Add what a governing trigger's complement modality says."""
        if modality is Modality.NEGATED:
            self.negated = True
        elif modality is Modality.HYPOTHETICAL:
            self.hypothetical = True
        elif modality is Modality.THREATENED:
            self.future = True
        elif modality is Modality.ALLEGED:
            self.alleged = True


class ModalityReader:
    """Reads the modality cues around a trigger; built once with the lexicon's cue lists."""

    def __init__(self, lexicon: EventLexicon) -> None:
        self.hedge = lexicon.cue("hedge")
        self.negation = lexicon.cue("negation")
        self.conditional = lexicon.cue("conditional")
        self.inversion = lexicon.cue("inversion")
        self.hypothetical = lexicon.cue("hypothetical")
        self.future = lexicon.cue("future")
        self.ability = lexicon.cue("ability")
        self.habitual = lexicon.cue("habitual")
        self.speech = lexicon.cue("speech")

    def read(self, token: Token, light_head: Token | None = None) -> Reading:
        reading = Reading()
        self._own(token, reading, noun=token.pos_ == "NOUN")
        self._ability(token, reading)
        if light_head is not None:
            self._own(light_head, reading, noun=False)
            self._ability(light_head, reading)
        if token.pos_ == "NOUN" and light_head is None:
            return reading  # "condemned the attack": the verb's cues are not the attack's
        current, joined = light_head or token, False
        for _ in range(8):
            head, dep = current.head, current.dep_
            if head.i == current.i or dep in ("ccomp", "parataxis", "relcl", "acl", "appos"):
                break
            if dep == "pcomp" and _kept_from(head):
                if not joined:  # not over "and": "stopped them from [leaving] and arrested eight"
                    self._hindered(head.head, reading)  # "could not stop them [from] storming ..."
                break
            if dep == "conj":
                joined = True
                self._hedges(head, reading)
                if not _subject(current):
                    self._condition(head, reading)  # "should they strike and [kill] civilians"
            elif dep in _CHAIN:
                self._own(head, reading, noun=False)
                if dep == "xcomp" and head.pos_ == "ADJ":
                    self._ability(head, reading)  # "was unable to [evacuate] them"
                if dep == "xcomp" and head.lemma_.lower() in _HEDGING_VERBS and _passive(head):
                    reading.alleged = True  # "is said to have attacked"
            elif dep == "advcl":
                self._hedges(head, reading)
            else:
                break
            current = head
        return reading

    def _own(self, word: Token, reading: Reading, noun: bool) -> None:
        if word.dep_ == "pcomp" and word.head.lower_ == "without":
            reading.negated = True
        if word.dep_ == "conj" and has_child(word.head, ("preconj",), self.negation):
            reading.negated = True  # "neither accepts nor [recognises]"
        subject = _subject(word)
        doc = word.doc
        for i, dep, text in children(word):  # each child's label and form, without building it
            if dep == "neg" or (dep == "preconj" or (noun and dep == "det")) and text in self.negation:
                reading.negated = True
            elif dep == "aux" and text == "to" and _announced(word):
                reading.future = True  # a headline's "Biden to visit Kyiv"
            elif self._inverted(i, dep, text, subject):
                reading.hypothetical = reading.condition = True  # "should the regime attack, ...": like "if"
            elif dep in ("aux", "auxpass"):
                reading.hypothetical |= text in self.hypothetical
                reading.future |= text in self.future
                reading.modal |= text in self.hypothetical or text in self.future
            elif dep == "mark" and text in self.conditional:
                reading.hypothetical = reading.condition = True
            elif dep in ("advmod", "amod") and text in self.hedge:
                reading.alleged = True
            elif dep in _ITERATING and _iterated(doc[i], self.habitual):
                reading.habitual = True
            elif dep == "advcl" and has_child(doc[i], ("mark",), ("unless",)):
                reading.hypothetical = True

    def _ability(self, word: Token, reading: Reading) -> None:
        """A negated ability ("could not evacuate them", "cannot meet", "was unable to"): the act
        did not happen, and its doer did not refuse it, so it tells no act. Read on the
        trigger's own clause only: "could not stop [thanking] him" thanked."""
        if word.pos_ == "ADJ":
            reading.unable |= word.lower_ in self.ability  # "unable"
            return
        able = has_child(word, ("aux",), self.ability)
        reading.unable |= able and has_child(word, ("neg",))

    def _hindered(self, hinderer: Token, reading: Reading) -> None:
        """An act someone was kept from ("prevented them from storming the building") did not
        happen; if the keeping failed ("could not stop them from storming ...") it did, and
        the hinderer's negation is not the act's."""
        kept = Reading()
        self._own(hinderer, kept, noun=False)
        self._ability(hinderer, kept)
        reading.prevented = not (kept.negated or kept.unable)

    def _inverted(self, aux: int, dep: str, text: str, subject: Token | None) -> bool:
        """An auxiliary (token ``aux``, its label and form) before its clause's subject that
        opens a condition: "should the army attack", "had the police arrested him", "were the
        sanctions lifted"."""
        inverted = subject is not None and aux < subject.i
        return inverted and dep in ("aux", "auxpass") and text in self.inversion

    def _condition(self, word: Token, reading: Reading) -> None:
        """A condition on the first conjunct holds for a second one with no subject of its own."""
        subject = _subject(word)
        for i, dep, text in children(word):
            if (dep == "mark" and text in self.conditional) or self._inverted(i, dep, text, subject):
                reading.hypothetical = reading.condition = True

    def _hedges(self, word: Token, reading: Reading) -> None:
        if has_child(word, ("advmod",), self.hedge):
            reading.alleged = True


_ITERATING = frozenset({"advmod", "npadvmod"})  # the labels :func:`_iterated` looks at


def _iterated(word: Token, habitual: frozenset[str]) -> bool:
    """An adverb of habit ("often", "routinely", a bare "before": "has come under attack
    before") or a count of times with no number ("many times", "several times"): the act is
    told as a habit or an unspecified past, not as one act."""
    if word.dep_ == "advmod":
        return word.lower_ in habitual and not any(word.children)  # not "two days before"
    if word.dep_ == "npadvmod" and word.lemma_.lower() == "time":
        return any(m.dep_ == "amod" for m in word.children)
    return False


def _kept_from(preposition: Token) -> bool:
    """ "from" after a verb and the one it keeps ("stopped [the protesters] from ...",
    "[journalists] were barred from ..."): the complement is the kept one's act."""
    verb = preposition.head
    if preposition.lower_ != "from" or preposition.dep_ != "prep" or verb.pos_ != "VERB":
        return False
    return has_child(verb, ("dobj", "nsubjpass"))


def _announced(verb: Token) -> bool:
    """An infinitive heading its sentence with a subject of its own: headlinese for an act
    announced or planned ("Egypt to host talks"); in running text an infinitive always
    depends on another word."""
    heads = verb.dep_ in ("ROOT", "appos", "parataxis")  # after a kicker: "'I was wrong': X to quit"
    return heads and has_child(verb, ("nsubj", "nsubjpass"))


def _subject(verb: Token) -> Token | None:
    return child_with(verb, ("nsubj", "nsubjpass", "expl"))


def _passive(verb: Token) -> bool:
    return has_child(verb, ("auxpass",))


def governor_of(
    token: Token, triggers: Mapping[int, object], stating: Container[int] = ()
) -> tuple[Token | None, bool]:
    """The trigger whose complement this trigger is, and whether it is a noun complement.

    Climbs through complements and prepositions ("threatened [to drive]", "accused X [of
    working together]", "called [for sanctions]", "refused to commit [to assistance]"),
    never through coordination, relative or adverbial clauses. A noun trigger in
    ``stating`` (a threat, pledge or demand) governs its infinitive as a verb does ("its
    threat [to attack]", "a pledge [to back X]"), unlike other event nouns, whose
    infinitive is a purpose ("a raid to free the hostages").
    """
    current, nominal = token, token.pos_ == "NOUN"
    for _ in range(6):
        head, dep = current.head, current.dep_
        if _to_infinitive(current) and (dep == "advcl" or (dep in ("acl", "relcl") and head.i in stating)):
            dep = "xcomp"  # "threatened today [to impose ...]": parsed as a purpose clause
        elif dep == "advcl" and for_clause(current):
            dep = "ccomp"  # "pushing hard [for the US (to) support ...]"
        elif dep in ("nsubj", "nsubjpass") and head.lemma_.lower() in _ASPECTUAL:
            dep = "ccomp"  # "vowed that [attacks] would continue"
        if head.i == current.i or dep not in _GOVERNED:
            return None, False
        if dep in _VERBAL_STEPS:
            nominal = False
        if head.i in triggers:
            return head, nominal
        current = head
    return None, False


def _to_infinitive(verb: Token) -> bool:
    return has_child(verb, ("aux",), ("to",))


def for_clause(verb: Token) -> bool:
    """A "for X to do" complement: "pushing for the US to support the plan"."""
    return verb.dep_ == "advcl" and has_child(verb, ("mark",), ("for",))
