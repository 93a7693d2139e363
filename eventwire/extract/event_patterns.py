"""Dependency patterns over spaCy's parse: triggers, their source and target, and evidence.

Source (agent) and target (patient or recipient) of a verb trigger:

* active: ``nsubj`` -> source; ``dative``/``dobj`` -> target ("accused Hamas");
* passive: the ``agent`` "by" object -> source, ``nsubjpass`` -> target
  ("Hamas was accused by Israel"), also of a participle without "be" ("saw [its diplomats]
  expelled by [Caracas]");
* no target object: the object of a target preposition ("attacks against Hamas",
  "cracking down on jihadists", "rockets into Israel", "talks with", "aid to"), and
  the object of "in" only when it names a country ("demonstrated in Serbia");
* no subject of its own: the subject of the verb it depends on through ``xcomp``,
  ``conj``, ``advcl``, ``prep``/``pcomp`` chains ("ISIS ... threatened to drive it out",
  "tried to complicate matters by shooting rockets"); the object of an object-control
  verb ("urged the EU to support"); the noun a relative clause or participle modifies
  ("the group, which has been cracking down").

A noun trigger takes its source from a possessive ("Israel's attack"), a "by" object,
an actor word compounded with it ("Israeli airstrikes"), the subject of the light verb
it is the object of ("launched several attacks") or a role noun before it ("the police
crackdown"), else from the clause it is the means of (:mod:`.noun_doers`), and its target from a preposition
(of/against/on/at/into/with/to/between...). Coordinated arguments are all returned
("accused Hamas and Fatah").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.extract.event_lexicon import TRANSFER, EventLexicon, SentenceWords, Trigger, argument_condition
from eventwire.extract.spoken_blame import SPOKEN_BLAME, blamed_clause, blamed_subjects
from eventwire.extract.taking import is_place, taken
from eventwire.nlp.bounds import sentence_range, token_ends, token_starts
from eventwire.nlp.columns import columns, ids
from eventwire.nlp.control import object_controls
from eventwire.nlp.per_doc import PerDoc
from eventwire.nlp.tree import child_with, children, children_at, has_child, subtree, subtree_at

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from eventwire.extract.trigger_model import SentenceTypes, TypeScores

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_OWN_CLAUSE = SUBJECTS | {"aux", "auxpass"}  # a verb with any of these heads a clause of its own
_CLIMB = frozenset({"xcomp", "conj", "advcl", "pcomp", "prep", "acomp", "pobj", "dobj", "oprd", "ccomp"})
_TARGET_PREPS = ("against", "on", "upon", "at", "into", "toward", "towards", "with", "to", "over", "from")
_OBJECT_PREPS = ("against", "from", "to", "for", "on", "with", "by")
# A joint act's partner is its "with" ("signed the deal [with] Togo at a ceremony", "signed an
# accord [with] Togo at the UN", "held talks [with] Putin at the Kremlin"), on the verb or the
# phrase's noun: what it is "at" or "on" is a venue or a topic there.
JOINT_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
JOINT_CODES = frozenset({"054", "057"})  # SUPPORT: establishing relations, signing an agreement


def joint_act(type_: str, cameo: str | None) -> bool:
    """Whether an act of this type and code is done with a partner: an accord, talks, joint
    work, relations or a signing (:mod:`.pairs` makes such acts with one partner each way)."""
    return type_ in JOINT_TYPES or cameo in JOINT_CODES


# Visits: the place gone to stands for its host ("arrived in Bishkek", "a visit to Damascus").
_VISITS = frozenset({"042", "043"})


def venue_act(type_: str, cameo: str | None) -> bool:
    """Whether where the act is told to happen is only its venue: a joint act's "at" or "in"
    ("met at the Vatican", "held talks at the Kremlin", "talks in Nigeria") is where the parties
    meet, no party (coding rule 3), unlike a visit's place, which stands for its host."""
    return joint_act(type_, cameo) and cameo not in _VISITS


def at_venue(trigger: Token, word: Token) -> bool:
    """Whether ``word`` is the object of an "at" or "in" on the trigger or on the verb whose
    object or subject the trigger is ("met [at] the Vatican", "held talks [in] Nigeria",
    "talks [at] the Kremlin"): where a joint act (:func:`venue_act`) took place."""
    if word.dep_ != "pobj" or word.head.lower_ not in ("at", "in"):
        return False
    on = word.head.head
    if on == trigger or (on.head == trigger and on.dep_ == "dobj"):
        return True  # "met [at] ...", "signed a deal [at] ..."
    return trigger.dep_ in ("dobj", "nsubj", "nsubjpass") and on == trigger.head  # "held talks [in] ..."


_NOUN_TARGET_PREPS = (
    "against", "on", "upon", "at", "into", "toward", "towards", "of", "with", "to", "between"
)  # fmt: skip
# "withdrawal of troops", "deployment of forces", "visit of the president": "of" names the actor
_OF_IS_SOURCE = frozenset({"RETREAT", "MOBILIZE", "CONSULT", "PROTEST"})
# Verbs whose subject undergoes the event noun they take: "the army [faced] protests", "X
# [drew] condemnation from Y", "the convoy [came under] fire": the subject is the target.
_UNDERGO = frozenset({"face", "suffer", "draw", "receive", "attract", "incur", "endure"})
# Event nouns whose possessor undergoes the act ("Muzenda's arrest", "the hostages' release"),
# unlike "Israel's attack" or "Iran's threat", whose possessor does it.
_UNDERGONE = frozenset(
    {"arrest", "detention", "release", "killing", "murder", "assassination", "abduction", "kidnapping",
     "capture", "execution", "expulsion", "deportation", "extradition", "imprisonment", "jailing",
     "torture", "ouster", "removal", "dismissal", "sentencing", "conviction", "beating", "rescue",
     "sentence"}
)  # fmt: skip
_RELATIVE = frozenset({"which", "who", "that", "whom"})
_SKIP_ENT_TYPES = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC", "LAW", "WORK_OF_ART", "EVENT", "PRODUCT"})
# The trigger finder's first tests, as string ids (:mod:`eventwire.nlp.columns`)
_SKIP_ENT_IDS = ids(_SKIP_ENT_TYPES)
_DATE_TIME_IDS = ids(("DATE", "TIME"))
_ADJECTIVAL_IDS = ids(("amod", "nmod"))
_FINITE_IDS = ids(("VBD", "VBZ", "VBP"))
(_COMPOUND_ID,) = ids(("compound",))
_CLAUSE_DEPS = frozenset({"relcl", "advcl", "parataxis", "ccomp", "conj", "cc", "punct", "mark", "appos"})
_MODIFIER_DEPS = frozenset({"nmod", "compound", "amod"})
_NP_EXCLUDE = frozenset({"relcl", "conj", "cc", "advcl", "parataxis", "ccomp"})
# Punctuation the parser hangs on a noun after a clause it sets off: no bound of the phrase.
_CLAUSE_MARKS = frozenset({",", ";", ":", "—", "–", "--"})
_CLAUSE_MARK_IDS = ids(_CLAUSE_MARKS)
(_CC_ID,) = ids(("cc",))
_BEFORE_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "prt"})
# Verbs of saying whose clause reports rather than states what the act is about.
_SAYING = frozenset(
    {"say", "tell", "claim", "report", "add", "state", "believe", "allege", "describe", "call"}
)
MAX_EVIDENCE_TOKENS = 40
MAX_PHRASE_TOKENS = 12


@dataclass(slots=True)
class Found:
    """A trigger matched in a sentence."""

    token: Token
    trigger: Trigger
    tokens: tuple[Token, ...]  # the trigger phrase's tokens
    sentence_types: SentenceTypes | None = None  # the trigger model's reading of the sentence

    @property
    def types(self) -> TypeScores | None:
        """The trigger model's type probabilities at the token, read when first asked for."""
        return self.sentence_types.at(self.token) if self.sentence_types is not None else None


# The sectors ("CVL", "MIL", "JUD"...) an argument's head word names, from the resolver.
SectorsOf = Callable[["Token"], frozenset[str]]


def find_triggers(
    sent: Span, lexicon: EventLexicon, sectors: SectorsOf | None = None, types: SentenceTypes | None = None,
    words: SentenceWords | None = None, gives: Callable[[Token], bool] | None = None,
    visits: Callable[[Token], Token | None] | None = None, arrives: Callable[[Token], bool] | None = None,
) -> list[Found]:  # fmt: skip
    """Every trigger of the lexicon in a parsed sentence, one per token.

    ``sectors`` tells what kind of actor a word names; rows that depend on the kind of
    their agent or patient (``agent:CVL``) hold only with it. ``types``, the trigger
    model's reading of the sentence, adds the triggers it learned for words the lexicon
    lacks and gives each trigger its type probabilities. ``words``: the sentence's tokens
    and lexicon rows when the caller has already read them. ``gives`` and ``visits`` test the
    rows of transfers (``object:goods``) and of travelling (``goal:abroad``); ``arrives`` the
    rows of arriving (``traveller:official``).
    """
    words = words or SentenceWords(sent, lexicon)
    containers = lexicon.cue("container")
    light = lexicon.cue("light")
    disapproval = lexicon.cue("disapproval")
    blame = lexicon.cue("blame")
    kinds = {RETRACTED: lexicon.cue("measure"), SWAPPED: lexicon.cue("captive")}
    protesters = lexicon.cue("protester")
    wrongdoing = lexicon.cue("wrongdoing")
    # the rows whose condition is read by a test of its own, by condition; the rest by _requirements_met
    conditions: dict[str, Callable[[Token], bool]] = {  # "" (no condition) is not among them
        TRANSFER: lambda t: gives is not None and gives(t),
        ABROAD: lambda t: visits is not None and visits(t) is not None,
        ARRIVAL: lambda t: arrives is None or arrives(t),
        RETRACTED: lambda t: takes_a_kind(t, kinds[RETRACTED]),
        SWAPPED: lambda t: takes_a_kind(t, kinds[SWAPPED]),
        HELD: lambda t: holds_people(t, kinds[SWAPPED], sectors),
        GROUND: takes_ground,
        PROTESTING: lambda t: done_by_a_kind(t, protesters, light),
    }
    found = []
    doc = sent.doc
    c = columns(doc)  # each word is tested on the Doc's columns: a Token only for the few kept
    strings = doc.vocab.strings
    ent_types, alpha, title, deps, tags = c.ent_type, c.alpha, c.title, c.dep, c.tag  # read once per sentence
    for i in range(sent.start, sent.end):
        entity = ent_types[i]
        if not alpha[i] or entity in _SKIP_ENT_IDS:
            continue
        if entity in _DATE_TIME_IDS and title[i]:
            continue  # "In March, gunmen seized ...", "on March 14": a month, not a march
        dep = deps[i]
        if dep in _ADJECTIVAL_IDS and tags[i] not in _FINITE_IDS:
            continue  # "the banned movement", "wounded soldiers"; a finite verb is misparsed, not a modifier
        if dep == _COMPOUND_ID and strings[c.lemma[c.head[i]]].lower() not in containers:
            continue  # "attack helicopter"; but "a mediation effort" is a mediation
        rows = words.rows_at(i)
        learned = types.learned.get(i) if types is not None and not rows else None
        if not rows and learned is None:
            continue
        token = words.token(i)
        pools = _PhrasePools(token, words)
        for trigger in rows or ([learned] if learned is not None else []):
            if token.dep_ == "acomp" and trigger.pos == "VERB":
                continue  # "too forgiving"
            tokens = _phrase_tokens(token, trigger, pools)
            if tokens is None:
                continue
            test = conditions.get(trigger.requires or "")
            met = (
                test(token)
                if test is not None
                else _requirements_met(token, trigger, sectors, light, disapproval, blame, words, wrongdoing)
            )
            if met:
                found.append(Found(token, trigger, tokens, types))
                break
    in_phrases = {t.i for f in found for t in f.tokens if t is not f.token}
    return [f for f in found if f.token.i not in in_phrases]  # "lodged a protest": one trigger


def _phrase_tokens(token: Token, trigger: Trigger, pools: _PhrasePools) -> tuple[Token, ...] | None:
    if not trigger.others:
        return (token,)
    pool = pools.of(trigger.pos == "NOUN")
    tokens = [token]
    for word in trigger.others:
        match = next((t for t, lemma, lower in pool if t not in tokens and word in (lemma, lower)), None)
        if match is None:
            return None
        tokens.append(match)
    return tuple(sorted(tokens, key=lambda t: t.i))


class _PhrasePools:
    """The words that may complete a token's trigger phrases, with their lemma and form, found
    once per token for all its rows: a word such as "fire" has many phrase rows ("open fire",
    "fire tear gas", "come under fire"), each of which looked them up again."""

    __slots__ = ("token", "words", "_pools")

    def __init__(self, token: Token, words: SentenceWords) -> None:
        self.token, self.words = token, words
        self._pools: dict[bool, list[tuple[Token, str, str]]] = {}

    def of(self, noun: bool) -> list[tuple[Token, str, str]]:
        """For a noun phrase (``noun``) or a verb phrase."""
        pool = self._pools.get(noun)
        if pool is None:
            found = _phrase_pool(self.token, noun, self.words)
            pool = self._pools[noun] = [(t, t.lemma_.lower(), t.lower_) for t in found]
        return pool


def _phrase_pool(token: Token, noun: bool, words: SentenceWords) -> list[Token]:
    """The words a phrase's other words are looked for among, in order."""
    here, sent = token.i, words.sent  # the window's words are built alone, not the whole sentence's
    children = list(token.children)
    if not noun:
        window = [words.token(i) for i in range(here + 1, min(here + 5, sent.end))]
        # a verb phrase's other words are its object, particle or complement, never the one
        # who acts: "the treason charge could bring him death" brings no charge
        children = [c for c in children if c.dep_ not in ("nsubj", "csubj")]
        # a passive's subject is its object: "tear gas was fired" is "fired tear gas"
        subjects = [c for c in children if c.dep_ == "nsubjpass"]
        children += [g for c in subjects for g in c.children if g.dep_ in ("compound", "amod")]
    else:
        window = [words.token(i) for i in range(max(sent.start, here - 3), here)]
    # a preposition of time is no particle of the phrase: "called [on] Monday" calls on no one
    return [t for t in (*children, *window) if not _of_time(t)]


def _of_time(word: Token) -> bool:
    """A preposition whose object is a date or time ("on Monday", "in March")."""
    if word.dep_ != "prep":
        return False
    obj = child(word, ("pobj",))
    return obj is not None and obj.ent_type_ in ("DATE", "TIME")


def _requirements_met(
    token: Token,
    trigger: Trigger,
    sectors: SectorsOf | None = None,
    light: frozenset[str] = frozenset(),
    disapproval: frozenset[str] = frozenset(),
    blame: frozenset[str] = frozenset(),
    words: SentenceWords | None = None,
    wrongdoing: frozenset[str] = frozenset(),
) -> bool:
    if trigger.requires == NAMING:
        return naming_predicate(token, disapproval) is not None
    if trigger.requires == SPOKEN_BLAME:  # "said the militia was responsible for the attack"
        acts = (lambda t: bool(words.rows(t))) if words is not None else (lambda _: False)
        return blamed_clause(token, disapproval, blame, acts, wrongdoing) is not None
    condition = argument_condition(trigger)
    if condition is not None:
        role, wanted = condition
        argument = trigger_agent(token, light) if role == "agent" else trigger_patient(token)
        return sectors is not None and argument is not None and bool(sectors(argument) & wanted)
    if not trigger.requires and not trigger.forbids:
        return True  # most rows: nothing to read off the children
    lemmas = {c.lemma_.lower() for c in token.children} | {c.lower_ for c in token.children}
    lemmas |= {f"dep:{c.dep_}" for c in token.children}
    lemmas |= {
        f"pobj:{c.lower_}" for c in token.children if c.dep_ == "prep" and placed_object(c) is not None
    }
    if trigger.requires and trigger.requires not in lemmas:
        return False
    return not (trigger.forbids and trigger.forbids in lemmas)


# The ``requires`` condition of a row of travelling that is a visit when a state's agent goes
# to another country or its capital: "the minister flew to Seoul" (:mod:`.visits`).
ABROAD = "goal:abroad"
# The ``requires`` condition of a row of arriving that is a visit when whoever arrives may be a
# state's agent: "the envoy arrived in Kabul", not "thousands of refugees arrived" (:mod:`.visits`).
ARRIVAL = "traveller:official"
# The ``requires`` condition of a row that retracts one's own measure: "withdrew the bill",
# "the charges were dropped", "repealed the decree" (CONCEDE). Withdrawing or dropping a bill,
# a plan, charges or a bid gives way to those who opposed it (CAMEO 080), where withdrawing
# troops is a retreat and dropping bombs an attack.
RETRACTED = "object:measure"
# The ``requires`` condition of a row that trades captives: "swapped 70 prisoners", "a
# prisoner exchange" release people (RETREAT 0841), where "swapped ambassadors" does not.
SWAPPED = "object:captive"
# The ``requires`` condition of a verb of keeping that confines when what it keeps is people:
# "police held three protesters", "the journalists were held for a week", "the hostages held
# by the group" (detention by a state, hostage-taking by anyone else: :mod:`.taking`), where
# "held talks", "held a rally" or "held the town" keep no one; "held him responsible" judges.
HELD = "object:person"
# Dependents that make "hold" no confinement: a secondary predicate ("held X responsible",
# "holds them dear"), a clause or a particle ("held back", "held up", "held off").
_NOT_CONFINING = ("oprd", "acomp", "xcomp", "ccomp", "prt", "dative")
_PERSONAL = frozenset({"him", "her", "them"})


def holds_people(verb: Token, captives: frozenset[str], sectors: SectorsOf | None) -> bool:
    """Whether a verb keeps people (:data:`HELD`): its object, or the subject of its passive
    or the noun its participle describes, is a named person or nationality, a personal
    pronoun, a captive ("prisoners"), or a common noun the knowledge base knows as a role
    of people ("protesters", "journalists"), itself or through a quantity's "of"; and the
    verb takes no secondary predicate, clause or particle."""
    if verb.pos_ != "VERB" or has_child(verb, _NOT_CONFINING):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        return False  # "held them to account", "held the party to its word"
    held = trigger_patient(verb)
    if held is None:
        return False
    if any(c.dep_ == "amod" and c.tag_ == "JJ" and c.i > held.i for c in held.children):
        return False  # "held the party's leaders [responsible]": a predicate the parser hung on the noun
    if held.ent_type_ in ("PERSON", "NORP") or held.lower_ in _PERSONAL:
        return True
    if held.pos_ != "NOUN" or _bare_singular(held):
        return False  # "held firm": a singular noun without a determiner names no one held
    return one_of(held, captives) or (sectors is not None and bool(sectors(held)))


# The ``requires`` condition of a general verb of taking that occupies when what it takes is
# ground: "the rebels took the town", "gunmen took control of the port" (COERCE 192, the
# place no target), where "took the matter to court", "took office" or "took part" take none.
GROUND = "object:place"
# Prepositions that make a taken place no ground held: it is brought somewhere or counted as
# something ("took Kenya to court", "took the capital into account", "took Kyiv as proof").
_BRINGING = frozenset({"to", "into", "as", "for"})


def takes_ground(verb: Token) -> bool:
    """Whether a verb takes ground (:data:`GROUND`): its object, or the subject of its passive,
    is a place (:func:`eventwire.extract.taking.is_place`: a place name, a town, "control
    of" one, not a site named by a common noun only, "took a flexible position"), and the
    verb neither brings it somewhere nor takes a clause or a particle other than "over"."""
    if verb.pos_ != "VERB" or has_child(verb, ("oprd", "xcomp", "ccomp", "dative")):
        return False
    if any(c.dep_ == "prep" and c.lower_ in _BRINGING for c in verb.children):
        return False
    if any(c.dep_ == "prt" and c.lower_ != "over" for c in verb.children):
        return False  # "took up positions", "takes in the region"; but "took over the town"
    ground = taken(verb)
    return ground is not None and is_place(ground, sites=False)


def _bare_singular(noun: Token) -> bool:
    """A singular common noun with no determiner, possessor, number or modifier: a person
    is "the journalist" or "a journalist", so "held firm", "held office" keep no one."""
    return noun.tag_ == "NN" and not has_child(noun, ("det", "poss", "nummod", "amod", "compound"))


# The ``requires`` condition of a verb that is a protest when protesters do it: a crowd that
# names itself by its protest ("protesters gathered outside the court", "demonstrators
# stormed the residence") protests by gathering or entering, where mourners gathering or
# gunmen storming a base do not.
PROTESTING = "subject:protester"


def done_by_a_kind(trigger: Token, words: frozenset[str], light: frozenset[str]) -> bool:
    """Whether a trigger's agent is one of ``words``, itself or through a quantity's "of"
    ("hundreds of [protesters] assembled", "a handful of [demonstrators] tore down the fence")."""
    agent = trigger_agent(trigger, light)
    return agent is not None and any(one_of(w, words) for w in (agent, *of_objects(agent)))


def of_objects(token: Token) -> list[Token]:
    """The objects of a word's "of": "hundreds [of] protesters", "a total [of] 70 prisoners",
    "the offices [of] the newspaper"."""
    return [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]


def one_of(word: Token, words: frozenset[str]) -> bool:
    """Whether a word is one of ``words``, by its lemma or as written (spaCy lemmatises
    "staged" as "stag")."""
    return word.lemma_.lower() in words or word.lower_ in words


def takes_a_kind(trigger: Token, words: frozenset[str]) -> bool:
    """Whether a trigger's object (the subject of a passive, a noun's "of" object or the noun
    that qualifies it: "a [prisoner] swap") is one of ``words``, itself, through a quantity's
    "of" ("a total of 70 [prisoners]") or as the word that qualifies it ("the election law
    [changes]", "fuel subsidy [cuts]")."""
    return bool(taken_things(trigger, words))


def taken_things(trigger: Token, words: frozenset[str] = frozenset()) -> list[Token]:
    """The words that name what :func:`takes_a_kind` reads (those of ``words`` when given):
    no side of the act ("the [prisoners] were swapped", "a [prisoner] exchange")."""
    thing = trigger_patient(trigger)
    things = [thing] if thing is not None else []
    if trigger.pos_ == "NOUN":
        things += [c for c in trigger.children if c.dep_ == "compound"]
    if thing is not None:
        things += of_objects(thing)
    named = [*things, *(c for t in things for c in t.children if c.dep_ == "compound")]
    return [w for w in named if not words or one_of(w, words)]


def without_captives(
    trigger: Token, source: Token | None, targets: list[Token | None]
) -> tuple[Token | None, list[Token | None]]:
    """The sides of a swap of captives, less the captives: the parties release them."""
    held = {w.i for w in taken_things(trigger)}
    source = None if source is not None and source.i in held else source
    return source, [t for t in targets if t is None or t.i not in held]


# The ``requires`` condition of a naming verb's criticism row ("called the vote a sham").
NAMING = "predicate:disapproval"
# Where a naming verb puts what it calls its object: "called the vote [a sham]" (``oprd``),
# "described the raid [as] a massacre", "likened the ban [to] censorship".
_NAMED_AS = frozenset({"as", "to"})


def naming_predicate(verb: Token, words: frozenset[str]) -> Token | None:
    """The word of disapproval in what a naming verb calls its object: "labelled him a
    [dangerous] separatist", "called the vote a [sham]", "described the raid as a
    [massacre]". Calling something a name of disapproval is criticising it (CAMEO 111);
    calling it "a constructive step" is not, and naming alone ("a group called X") is no act."""
    predicates: list[Token | None] = []
    for child in verb.children:
        if child.dep_ == "oprd" or (child.dep_ == "dobj" and child.pos_ == "ADJ"):
            predicates.append(child)
        elif child.dep_ == "dobj":  # "labelled [the leader] a separatist", parsed as apposition
            predicates.extend(c for c in child.children if c.dep_ == "appos")
        elif child.dep_ == "prep" and child.lower_ in _NAMED_AS:
            predicates.append(placed_object(child))
        elif child.dep_ == "ccomp":  # "ruled that the decree [was] unconstitutional"
            predicates.extend(c for c in child.children if c.dep_ in ("acomp", "attr"))
        elif child.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ == "as" for c in child.children):
            predicates.append(child)  # "regards the detention [as illegal]", parsed as a clause
    for predicate in predicates:
        if predicate is None:
            continue
        of = _prep_object(predicate, ("of",))  # "an act [of aggression]"
        words_of = (predicate, *predicate.children, *((of, *of.children) if of is not None else ()))
        for word in words_of:
            named = word in (predicate, of) or word.dep_ in ("amod", "compound", "conj", "acomp")
            if named and one_of(word, words):
                return word
    return None


def named_doer(verb: Token) -> Token | None:
    """Whose act or words "what X called" names: "what it called the hostile statements [of
    the minister]", "what it calls [Kenya's] meddling" (the object is the relative "what";
    the name is the thing judged, its owner the one criticised)."""
    if not has_child(verb, ("dobj",), ("what",)):
        return None
    predicate = child(verb, ("oprd",))
    if predicate is None:
        return None
    return child(predicate, ("poss",)) or _prep_object(predicate, ("of", "by"))


def trigger_agent(token: Token, light: frozenset[str]) -> Token | None:
    """Who does the act a trigger names, as far as the trigger's own parse tells: a verb's
    subject; a noun's possessor ("the union's strike"), "by" object, compounded noun
    ("a teachers strike") or the subject of the light verb it is the object of ("dock
    workers began a strike", "nurses went on strike")."""
    if token.pos_ == "VERB" or token.tag_.startswith("VB"):
        return explicit_subject(token) or inherited_subject(token, frozenset())
    for c in token.children:
        if c.dep_ in ("poss", "compound") and c.pos_ in ("NOUN", "PROPN"):
            return c
        if c.dep_ == "prep" and c.lower_ == "by":
            return child(c, ("pobj",))
    verb = token.head
    if token.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if token.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in light:
        return explicit_subject(verb) or inherited_subject(verb, frozenset())
    return None


def trigger_patient(token: Token) -> Token | None:
    """What a trigger acts on: a verb's object (the subject of a passive), through a
    quantity ("sent [hundreds] of riot officers"), or the noun its relative or participle
    clause hangs on ("the units [sent] into the area"); a noun's object of "of", "on" or
    "against"."""
    if token.pos_ == "VERB" or token.tag_.startswith("VB"):
        return taken(token)
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "on", "against"):
            return placed_object(c)
    return None


def placed_object(prep: Token) -> Token | None:
    """A preposition's object, unless it is a time: "a strike [on] the city", not "on Monday"."""
    obj = child(prep, ("pobj",))
    return obj if obj is not None and obj.ent_type_ not in ("DATE", "TIME") else None


# ---------------------------------------------------------------------- arguments
def child(token: Token, deps: tuple[str, ...]) -> Token | None:
    """The token's first dependent with one of the ``deps`` labels (asked for every argument
    of every trigger: the children's labels are kept per token, :mod:`eventwire.nlp.tree`)."""
    return child_with(token, deps)


def is_passive(verb: Token) -> bool:
    return has_child(verb, ("nsubjpass", "auxpass"))


def agent_of(verb: Token) -> Token | None:
    agent = child(verb, ("agent",))
    return child(agent, ("pobj",)) if agent is not None else None


def explicit_subject(verb: Token) -> Token | None:
    """The verb's own subject: the agent of a passive, else its nsubj."""
    if is_passive(verb):
        return agent_of(verb)
    subject = child(verb, ("nsubj", "csubj"))
    if subject is not None and subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
        return verb.head
    return subject


def inherited_subject(verb: Token, light: frozenset[str]) -> Token | None:
    """The subject a verb shares with the verb it depends on (see the module docstring)."""
    partner = finite_partner(verb)
    if partner is not None:
        return explicit_subject(partner) or inherited_subject(partner, light)
    current, joined = verb, False
    for _ in range(8):
        head, dep = current.head, current.dep_
        if head is current:
            return None
        joined = joined or dep == "conj"
        if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            if dep == "acl" and (current.tag_ == "VBN" or is_infinitive(current)):
                return None  # "a meeting aimed at ...", "an appeal to lay down arms": not the agent
            return head
        if dep not in _CLIMB:
            return None
        if dep == "prep" and current.lower_ in ("of", "for"):
            if head.pos_ in ("NOUN", "PROPN", "PRON"):
                return head  # "accused [the two groups] of working together"
            accused = child(head, ("dobj", "nsubjpass"))
            if accused is not None:
                return accused  # "accused Hamas of being ...", "Hamas is accused of firing"
        if dep == "prep" and current.lower_ == "from" and head.pos_ == "VERB" and not joined:
            kept = child(head, ("dobj", "nsubjpass"))
            if kept is not None:
                return kept  # "stopped [the protesters] from storming", "[they] were barred from"
        if dep == "xcomp":
            controller = child(head, ("dobj",)) or _prep_object(head, ("on",))
            if controller is not None and not is_light(head, light) and object_controls(head):
                return controller  # "urged [Kenya] to end", not "summoned the envoy to protest"
        if dep == "ccomp" and head.pos_ == "VERB" and not is_passive(head):
            return None  # "X said [Y attacked]": X is not the attacker
        subject = explicit_subject(head) if head.pos_ in ("VERB", "AUX") else None
        if subject is None and head.pos_ in ("VERB", "AUX"):
            subject = child(head, ("nsubjpass",)) if dep == "xcomp" else None
        if subject is not None:
            return subject
        current = head
    return None


def finite_partner(verb: Token) -> Token | None:
    """The verb a bare past-tense conjunct really coordinates with, where the parser hung it on
    the last verb before it, inside a clause it cannot belong to: a non-finite verb ("accused
    both sides of committing crimes and threatened sanctions") or the progressive, passive or
    copular complement of a verb of saying ("said it was appalled by the attack and called on
    ...", "said the rebels were holding civilians and demanded ..."). A simple past does not
    continue a gerund, an infinitive or a "was/were" clause: it shares the subject of the
    nearest simple past above. None when the conjunct is where it belongs."""
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or verb.pos_ != "VERB":
        return None
    if has_child(verb, _OWN_CLAUSE):
        return None
    head = verb.head
    if head.tag_ in ("VBG", "VB") and head.dep_ in ("pcomp", "xcomp", "advcl"):
        above = head.head
        for _ in range(6):
            if above.tag_ == "VBD" and above.pos_ == "VERB":
                return above
            if above.head is above:
                return None
            above = above.head
        return None
    saying = head.head
    if head.dep_ != "ccomp" or saying.lemma_.lower() not in _SAYING or saying.tag_ != "VBD":
        return None
    backshifted = head.lemma_ == "be" or any(
        c.dep_ in ("aux", "auxpass") and c.lemma_ == "be" for c in head.children
    )
    return saying if backshifted else None


def reduced_relative_subject(verb: Token) -> Token | None:
    """The noun a participle right after it describes, which the parser attached to the main
    verb instead: "used water cannon against [demonstrators] marching through Bangkok",
    "fired on [protesters] demanding his resignation" (the marchers march, not the police)."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("xcomp", "advcl") or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]  # a plural of people, not "shelled the town killing five"
    people = before.tag_ in ("NNS", "NNPS") and before.ent_type_ not in ("GPE", "LOC", "FAC", "DATE")
    if people and before.dep_ in ("pobj", "dobj") and before.head.i < verb.i:
        return before
    return None


def issuer(thing: Token, light: frozenset[str], reacts: Callable[[Token], bool]) -> Token | None:
    """Who issued a thing a participle is said of ("sent Rubio [a letter] urging him to ...",
    "imposed [a decree] banning rallies", "[a statement] condemning the coup was issued by
    the AU"): its owner, the doer of the verb that takes it as object or passive subject, or
    the speaker of a clause it is the means of ("in [a letter] urging ..., senators said").
    ``reacts``: whether a verb is an act of its own on the thing ("[rejected] a resolution
    calling on ..."), whose doer did not issue it."""
    owner = child(thing, ("poss",))
    if owner is not None:
        return owner
    signed = next((c for c in thing.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    if signed is not None and agent_of(signed) is not None:
        return agent_of(signed)  # "a letter signed by 40 senators urging ..."
    verb = thing.head
    if thing.dep_ == "pobj" and verb.dep_ == "prep":
        thing, verb = verb, verb.head  # "in a letter urging ...": the clause's subject wrote it
    if verb.pos_ not in ("VERB", "AUX") or verb is thing or (reacts(verb) and not is_light(verb, light)):
        return None
    if thing.dep_ == "nsubjpass":
        return agent_of(verb)
    if thing.dep_ in ("dobj", "dative", "prep"):
        return explicit_subject(verb) or inherited_subject(verb, light)
    return None


def is_light(token: Token, light: frozenset[str]) -> bool:
    """A light verb, by lemma or by form: spaCy lemmatises "staged" as "stag"."""
    return one_of(token, light)


def verb_arguments(verb: Found, light: frozenset[str]) -> tuple[Token | None, list[Token]]:
    """Source, and target candidates in order of preference (the first naming an actor wins)."""
    token = verb.token
    targets: list[Token | None] = []
    if is_passive(token):
        source = agent_of(token)
        targets.append(child(token, ("nsubjpass",)))
    elif _agentive_participle(token):
        source = agent_of(token)  # "saw [their diplomats] expelled by [the government]"
        targets.append(child(token, ("nsubj",)))
    else:
        source = explicit_subject(token)
        obj = child(token, ("dobj",))
        targets += [_dative(token), _dative_to(token), None if obj in verb.tokens else obj]
    relative = _object_relative(token)
    if relative is not None:  # "Wells, [who] police arrested": the relative pronoun is the object
        source, undergoer = relative
        targets = [undergoer, *(t for t in targets if t is not None and t.lower_ not in _RELATIVE)]
    if source is not None and source.lower_ in _RELATIVE and token.dep_ == "relcl":
        source = token.head
    if token.dep_ == "relcl":  # "journalists [who] were arrested", "the man [whom] police beat"
        targets = [token.head if t is not None and t.lower_ in _RELATIVE else t for t in targets]
    if token.dep_ == "acl" and token.tag_ == "VBN":
        targets.insert(0, token.head)  # "equipment seized from X": the equipment is what was seized
        targets.insert(0, set_member(token.head))  # "X were among [those] detained": X was detained
        source = source or agent_of(token)  # "talks mediated [by Oman]"
    elif source is None and not is_passive(token):
        source = reduced_relative_subject(token) or inherited_subject(token, light) or stranded_subject(token)
    nouns = [t for t in verb.tokens[1:] if t.pos_ == "NOUN"]
    targets.append(_phrase_target(verb))
    if joint_act(verb.trigger.type, verb.trigger.cameo):
        targets += [_prep_object(t, ("with",)) for t in (token, *nouns)]  # the partner, before a venue
    targets.append(_prep_object(token, _TARGET_PREPS))
    if token.tag_ == "VBG":  # "fighting [between] X and Y": the sides, as the noun has them
        targets.append(_prep_object(token, ("between",)))
    targets += [_prep_object(t, _TARGET_PREPS) for t in nouns]
    for obj in conjuncts(child(token, ("dobj",))):
        targets.append(_prep_object(obj, _OBJECT_PREPS))  # "confiscated weapons [from X]", "aid [for X]"
    targets += [*complement_targets(token), in_protest_target(token)]
    targets += [place_in(t) for t in (token, *nouns)]  # "demonstrated in Serbia", "forces in Lebanon"
    if venue_act(verb.trigger.type, verb.trigger.cameo):  # "met [at the Vatican]": where, not whom
        targets = [t for t in targets if t is None or not at_venue(token, t)]
    if verb.trigger.type == "MOBILIZE":
        source, targets = _mobilized(token, source, targets)
    if verb.trigger.requires == SPOKEN_BLAME:  # "told [reporters] the RSF was responsible"
        targets = list(blamed_subjects(token))
    if verb.trigger.requires == RETRACTED:  # "withdrew [the bill]": what is given up, no one
        given_up = trigger_patient(token)
        targets = [t for t in targets if t is None or given_up is None or t.i != given_up.i]
    if verb.trigger.requires == SWAPPED:  # "swapped [prisoners]": the captives are no side
        source, targets = without_captives(token, source, targets)
    if verb.trigger.requires == NAMING:
        targets.insert(0, named_doer(token))  # "what it called the [minister's] hostile words"
    if verb.trigger.type == "THREATEN":
        targets.append(condition_subject(token))  # "threatened to stop talks if [the US] goes ahead"
    return source, [t for t in dict.fromkeys(targets) if t is not None and t is not source]


def set_member(group: Token) -> Token | None:
    """Whom the sentence places in a set of people its noun names, so that what is told of
    the set is told of them: the subject of a copula whose "among" or "one of" names the
    set ("[two opposition leaders] were among those detained", "among those held are
    [X]", "[X] was one of the eight arrested"), or the object of "include" whose subject
    is the set ("those detained included [X]"). None for any other noun."""
    head = group.head
    if group.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "one":
        group, head = head.head, head.head.head  # "X was one of those": "one" stands for the set
    elif group.dep_ == "pobj" and head.lower_ == "among":
        group, head = head, head.head
    elif group.dep_ == "nsubj" and head.lemma_ == "include" and head.pos_ == "VERB":
        return child(head, ("dobj",))
    else:
        return None
    if head.lemma_ != "be" or group.dep_ not in ("prep", "attr"):
        return None
    return next((c for c in head.children if c.dep_ in ("nsubj", "attr") and c is not group), None)


def _object_relative(verb: Token) -> tuple[Token, Token] | None:
    """(doer, undergoer) of a relative clause whose relative pronoun is its object, where the
    parser reads the pronoun as a subject: "Senator Wells, [who] police arrested", with two
    subjects, or "the diplomat, [whom] the agency accused of spying", with the clause's noun
    as the clause and its verb as a participle on it ("agency accused"). The noun after the
    pronoun is the doer, the noun the clause modifies the one the act is done to. An active
    verb only: "who was arrested" has one subject, and "protesters [arrested] by police"
    no pronoun."""
    if is_passive(verb) or verb.pos_ != "VERB":
        return None
    if verb.dep_ == "relcl":
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if len(subjects) == 2 and subjects[0].lower_ in _RELATIVE and subjects[1].lower_ not in _RELATIVE:
            return subjects[1], verb.head
        return None
    noun = verb.head  # "the agency [accused]": the participle right after the clause's noun
    if verb.dep_ != "acl" or noun.dep_ != "relcl" or verb.i != noun.i + 1 or agent_of(verb) is not None:
        return None
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    pronoun = next((c for c in noun.lefts if c.lower_ in _RELATIVE and c.dep_ in ("nsubj", "dep")), None)
    return (noun, noun.head) if pronoun is not None else None


def _agentive_participle(verb: Token) -> bool:
    """A past participle with a "by" agent and a subject of its own, as the object of a verb
    of perception or causing ("saw [their diplomats] expelled by the government"): a passive
    without "be", whose subject is the one it was done to."""
    return verb.tag_ == "VBN" and has_child(verb, ("nsubj",)) and agent_of(verb) is not None


def _mobilized(
    token: Token, source: Token | None, targets: list[Token | None]
) -> tuple[Token | None, list[Token | None]]:
    """A mobilization's sides. The forces moved ("sent [1,000 troops]", "[soldiers] were
    deployed", "[troops] deployed along the border") are the doer's own, never the target:
    on train the gold leaves a MOBILIZE target empty in 40 of 52 events (30 articles) and
    names the adversary in the rest ("for a war [against Iraq]", "drills around [Taiwan]",
    never the forces), while the rules' filled MOBILIZE targets were wrong in 13 of 17
    matched events, most of them the forces moved. Forces told in the passive without an
    agent stand for the doer ("Zimbabwean soldiers were deployed": the gold's source)."""
    passive = is_passive(token)
    forces = child(token, ("nsubjpass",)) if passive else child(token, ("dobj",))
    if forces is not None and forces.lower_ in _RELATIVE and token.dep_ == "relcl":
        forces = token.head  # "the troops [who] were sent"
    if token.dep_ == "acl" and token.tag_ == "VBN":
        forces = token.head  # "additional [troops] deployed along the border"
    if passive and source is None and forces is not None:
        source = forces
    own = set(conjuncts(forces)) if forces is not None else set()
    moved = {token, *own}
    return source, [
        against_within(token),
        *(t for t in targets if t not in own and not _destination(t, moved)),
    ]


# Prepositions of where forces are moved to: "sent troops [into] the north", "[to] the border".
_DESTINATIONS = frozenset({"to", "into", "onto", "toward", "towards"})


def _destination(target: Token | None, moved: set[Token]) -> bool:
    """Whether a mobilization's target candidate is only where the forces go ("sent troops
    into the north of Mozambique", "dispatched soldiers to the frontier", "sent troops to
    member states"): a place, or a host, is no adversary (coding rule 3); train's gold
    leaves every such destination's target empty. The adversary is named "against"."""
    if target is None or target.dep_ != "pobj" or target.head.lower_ not in _DESTINATIONS:
        return False
    return target.head.head in moved


def against_within(verb: Token) -> Token | None:
    """The object of an "against" anywhere in the verb's objects and prepositions (not its
    clauses): "mobilized army reservists for a possible war [against Iraq]"."""
    stack = [c for c in verb.children if c.dep_ in ("dobj", "prep", "dative")]
    for _ in range(24):
        if not stack:
            return None
        current = stack.pop(0)
        if current.dep_ == "prep" and current.lower_ == "against":
            found = child(current, ("pobj",))
            if found is not None:
                return found
        stack.extend(c for c in current.children if c.dep_ in ("prep", "pobj", "dobj"))
    return None


_INVERTED = frozenset({"should", "had", "were"})  # the "inversion" cues: "should X attack" is "if X attacks"


def condition_subject(verb: Token) -> Token | None:
    """The subject of an "if"/"unless" clause of a threat, or of its inverted form ("should
    [X] attack"): who must act to bring it on."""
    for clause in verb.subtree:
        if clause.dep_ != "advcl":
            continue
        subject = child(clause, ("nsubj", "nsubjpass"))
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children):
            return subject
        inverted = (c for c in clause.children if c.dep_ in ("aux", "auxpass") and c.lower_ in _INVERTED)
        if subject is not None and any(c.i < subject.i for c in inverted):
            return subject  # "would retaliate should [North Korea] attack": a condition like "if"
    return None


def stranded_subject(verb: Token) -> Token | None:
    """The subject the parser attached elsewhere, for a finite main verb without one:
    "within Gaza, [ISIS] (Islamic State) has been flouting Hamas" (ISIS parsed as a conjunct
    of Gaza). The noun right before the verb's auxiliaries, past a bracketed aside."""
    if verb.dep_ not in ("ROOT", "ccomp") or has_child(verb, SUBJECTS):
        return None
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or has_child(verb, ("aux",))
    if not finite or is_infinitive(verb):
        return None
    before = [c for c in verb.children if c.i < verb.i and c.dep_ in ("aux", "neg", "advmod")]
    i = min([verb.i, *(c.i for c in before)]) - 1
    doc, floor = verb.doc, verb.sent.start
    if i >= floor and doc[i].text == ")":
        while i >= floor and doc[i].text != "(":
            i -= 1
        i -= 1
    if i < floor or doc[i].pos_ not in ("PROPN", "NOUN") or doc[i].dep_ in ("compound", "amod", "poss"):
        return None
    return _list_ending_at(doc[i])


def _list_ending_at(noun: Token) -> Token:
    """The first member of a list joined by "and" that ends at ``noun`` ("as [government
    troops] and rebels exchanged fire": the list hung on "as", the verb left without its
    subject), so that the subject is every member; else the noun ("within Gaza, ISIS has
    been": ISIS a conjunct of Gaza by a comma only, no list)."""
    first = noun.head
    if noun.dep_ != "conj" or first.pos_ not in ("PROPN", "NOUN") or first.i > noun.i:
        return noun
    joined = any(c.dep_ == "cc" and c.lower_ == "and" and first.i < c.i < noun.i for c in first.children)
    return first if joined else noun


def place_in(token: Token) -> Token | None:
    """The object of "in" when it names a place: "in Serbia", "in the northern city of Kirkuk"."""
    place = _prep_object(token, ("in",))
    if place is not None and any(place.doc[i].ent_type_ in ("GPE", "LOC") for i in subtree(place)):
        return place
    return None


def complement_targets(verb: Token) -> list[Token | None]:
    """Who a demand, threat or refusal is about when its complement is not an event itself:
    the complement's own subject ("demanded that [the government] end ..."), else its objects
    ("threatened to deliver blows [to the United States]")."""
    out: list[Token | None] = []
    for comp in (verb.doc[i] for i, dep, _ in children(verb) if dep in ("xcomp", "ccomp", "advcl")):
        if comp.dep_ == "advcl" and not is_infinitive(comp):
            continue
        if comp.lemma_.lower() in _SAYING:
            continue  # "struck what [the military] said were depots": a speaker, not a target
        if comp.dep_ == "ccomp":
            out.append(child(comp, ("nsubj", "nsubjpass")))
        obj = child(comp, ("dobj",))
        out += [_dative(comp), _dative_to(comp), obj, _prep_object(comp, _TARGET_PREPS)]
    return out


def is_infinitive(verb: Token) -> bool:
    return has_child(verb, ("aux",), ("to",))


def _dative(verb: Token) -> Token | None:
    """The indirect object: "gave [Tanzania] a grant"; spaCy also marks "to" as dative."""
    dative = child(verb, ("dative", "iobj"))
    if dative is not None and dative.pos_ == "ADP":
        return child(dative, ("pobj",))
    return dative


# Light verbs of giving: in the passive their subject is the one given the act, not its doer
# ("the activist was [handed] a two-year sentence", "he was [given] a life sentence").
_GIVING = frozenset({"give", "hand"})


def passive_giving(verb: Token) -> bool:
    """Whether the verb is a light verb of giving in the passive ("was handed a sentence")."""
    return verb.lemma_.lower() in _GIVING and is_passive(verb)


def given_to(verb: Token) -> Token | None:
    """The subject of a passive verb of giving: the one given the act ("[two activists] were
    given prison terms")."""
    return child(verb, ("nsubjpass",)) if passive_giving(verb) else None


def _dative_to(verb: Token) -> Token | None:
    """Recipient of "handed medicine to X", "sent arms to X" when there is a direct object too."""
    if child(verb, ("dobj",)) is None:
        return None
    return _prep_object(verb, ("to",))


def _phrase_target(found: Found) -> Token | None:
    """'called on X', 'met with X': a preposition in the trigger phrase introduces the target."""
    for token in found.tokens[1:]:
        if token.dep_ == "prep" and token.lower_ in ("on", "with", "to", "against", "at", "into", "of"):
            return child(token, ("pobj",))
    return None


def _prep_object(token: Token, preps: tuple[str, ...]) -> Token | None:
    """The object of the first of ``preps`` the token has; never a date ("on Tuesday"): "fire
    on a convoy on Sunday" has two "on"s."""
    options = [
        (i, lower) for i, dep, lower in children(token) if dep in ("prep", "dative") and lower in preps
    ]
    for prep in preps:
        for option in (i for i, lower in options if lower == prep):
            obj = placed_object(token.doc[option])
            if obj is not None:
                return obj
    return None


def carrier(noun: Token) -> Token:
    """The noun whose dependents hold an event noun's arguments: "a [mediation] effort between X"."""
    return noun.head if noun.dep_ == "compound" else noun


def noun_arguments(
    noun: Found,
    light: frozenset[str],
    acts: Callable[[Token], bool] = lambda _: False,
    doers: Callable[[Token], bool] = lambda _: False,
) -> tuple[Token | None, list[Token]]:
    """Source, and target candidates in order of preference; ``acts``: whether a word is an
    act word (a participle that is one restates the noun's act, see :func:`participle_target`);
    ``doers``: whether a common noun names people who can act (see :func:`doer_modifier`)."""
    token, type_ = carrier(noun.token), noun.trigger.type
    source = child(token, ("poss",))
    if source is not None and source.ent_type_ in ("DATE", "TIME"):
        source = None  # "Friday's protest", "last week's coup": the day it happened, not who acted
    if source is not None and source.pos_ == "PRON":
        source = _light_verb_subject(token, light) or source  # "continued [their] hunger strike"
    target = None
    agent = _prep_object(token, ("by",))
    if agent is not None:
        source, target = agent, source  # "X's arrest by police": X is the target
    elif source is not None and token.lemma_.lower() in _UNDERGONE:
        source, target = None, source  # "Muzenda's arrest": Muzenda was arrested
    opposed = opposed_in_modifier(token)
    if source is None:
        source = next((c for c in token.children if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_
                       in ("NORP", "GPE", "ORG") and not _anti_part(c)), None)  # fmt: skip
    preps = tuple(p for p in _NOUN_TARGET_PREPS if not (p == "of" and type_ in _OF_IS_SOURCE))
    if type_ in _OF_IS_SOURCE and source is None:
        source = _prep_object(token, ("of",))
    target = target or _prep_object(token, preps) or _occurred_between(token) or place_in(token)
    if source is None:
        source = _light_verb_subject(token, light)
    if source is None and token.lemma_.lower() not in _UNDERGONE:
        source = doer_modifier(token, doers)  # "the police crackdown", not "a prisoner release"
    targets = [opposed, target, participle_target(token, acts)]
    undergoer = _undergoer(token)
    if undergoer is not None:  # "the army faced protests [from students]"
        measure = _measure(token)
        source = source if source is not undergoer else None
        source = source or _prep_object(token, ("from", "by")) or _prep_object(token.head, ("from", "by"))
        source = source or (_prep_object(measure, ("from", "by")) if measure is not None else None)
        targets.insert(0, undergoer)
    source = source or _reported_from(token)
    modifier = _modifying_light_verb(token, light)
    if modifier is not None:  # "the agreement [reached by] X", "sanctions X [imposed on] Y"
        source = source or _modifier_subject(modifier)
        targets.append(_prep_object(modifier, ("on", "upon", "against")))
    held = _held(token) if type_ == "COERCE" else None
    if held is not None:  # "[X] was taken into custody": X is held, not the one who holds
        holder, detainee = held
        source = holder or (source if source != detainee else None)
        targets.insert(0, detainee)
    giver = amount_giver(token) if type_ == "AID" and source is None else None
    if giver is not None:  # "[Biden] signed off on $1.6 billion in aid [to] Ukraine"
        source = explicit_subject(giver) or inherited_subject(giver, light)
        targets += [
            _dative(giver),
            _prep_object(giver, ("to", "for")),
            _prep_object(token.head.head, ("to", "for")),
        ]
    verb = _light_verb(token, light)
    if verb is not None:  # "gave [Tanzania] a grant", "staged rallies [against X]", "to protest [X]"
        targets += [_dative(verb), _prep_object(verb, _TARGET_PREPS), *complement_targets(verb)]
        targets += [given_to(verb)]
        targets += [in_protest_target(verb), place_in(verb)]
    targets += [in_protest_target(token), *complement_targets(token.head if token.dep_ == "dobj" else token)]
    venue = venue_act(type_, noun.trigger.cameo)  # "talks [in Nigeria]": where, not whom
    kept = (t for t in dict.fromkeys(targets) if t is not None and t is not source)
    return source, [t for t in kept if not (venue and at_venue(token, t))]


def _occurred_between(noun: Token) -> Token | None:
    """The first side of a "between" phrase the parser hung on the verb an act noun is the
    subject of, when that verb only says the act happened (it takes no object): "[clashes]
    broke out between X and Y", "[fighting] erupted between X and Y", "[talks] were held
    between X and Y": the act's sides, as in "clashes between X and Y"."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return None
    if has_child(verb, ("dobj", "attr", "acomp", "xcomp", "ccomp")):
        return None  # "talks gave X a chance", "talks were a step": the verb says more than that it happened
    return _prep_object(verb, ("between",))


def amount_giver(noun: Token) -> Token | None:
    """The verb that gives an aid noun told as an amount of it, the amount its object:
    "approved [$1.6 billion] in aid", "announced US$37 million of humanitarian aid", "signed
    off on $2 million in assistance": its subject gives, to its "to"/"for" object."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "of"):
        return None
    amount = prep.head
    if amount.ent_type_ not in ("MONEY", "QUANTITY") or amount.dep_ not in ("dobj", "pobj"):
        return None
    if amount.dep_ == "pobj":  # "signed off [on] $X"
        if amount.head.dep_ != "prep":
            return None
        verb = amount.head.head
    else:
        verb = amount.head
    return verb if verb.pos_ == "VERB" else None


def doer_modifier(noun: Token, doers: Callable[[Token], bool]) -> Token | None:
    """A common noun that modifies an act noun and names who does it: "the [police]
    crackdown", "an [army] offensive", "[opposition] protests". Only a word right before the
    noun, or before other such words ("[police] and army raids"): in "a police station
    attack" the police modify the station, and an "economic leaders meeting retreat" is a
    meeting's. ``noun_arguments`` asks only for a noun whose modifier does not undergo it
    ("a prisoner release", see ``_UNDERGONE``)."""
    for modifier in noun.lefts:
        if modifier.dep_ not in _MODIFIER_DEPS or not doers(modifier) or _anti_part(modifier):
            continue
        between = noun.doc[modifier.i + 1 : noun.i]
        if all(t.pos_ in ("CCONJ", "PUNCT") or doers(t) for t in between):
            return modifier
    return None


def participle_target(noun: Token, acts: Callable[[Token], bool]) -> Token | None:
    """Whom an act noun is aimed at, named by a participle after it that restates the act
    ("sanctions [targeting] X", "raids killing X") or aims it ("strikes aimed at X", "a
    blockade imposed on X"), or its sides ("a deal struck between X and Y", with each other);
    not the object of one that describes it ("protests showing no sign of abating")."""
    for clause in noun.children:
        if clause.dep_ != "acl" or clause.pos_ != "VERB":
            continue
        if clause.tag_ == "VBG" and acts(clause) and child(clause, ("dobj",)) is not None:
            return child(clause, ("dobj",))
        if clause.tag_ == "VBN":
            aimed = _prep_object(clause, ("on", "upon", "against", "at", "between")) or _between_agent(clause)
            if aimed is not None:
                return aimed
    return None


def _between_agent(clause: Token) -> Token | None:
    """The first side of "between" that the parser labels the agent of a participle: "a deal
    struck [between] X and Y"."""
    agent = child(clause, ("agent",))
    return child(agent, ("pobj",)) if agent is not None and agent.lower_ == "between" else None


def opposed_in_modifier(noun: Token) -> Token | None:
    """What an "anti-X" modifier sets the act against: "anti-government protests" are aimed
    at the government, "anti-Morsi rallies" at Morsi (spaCy splits "anti", "-", "Morsi")."""
    for child_ in noun.children:
        if child_.lower_ == "anti" and child_.i + 2 < len(child_.doc):
            hyphen, opposed = child_.doc[child_.i + 1], child_.doc[child_.i + 2]
            if hyphen.text == "-" and opposed.head == noun and opposed.pos_ in ("NOUN", "PROPN", "ADJ"):
                return opposed
    return None


def _anti_part(token: Token) -> bool:
    """A word of an "anti-X" modifier: never the doer of the act it modifies."""
    doc = token.doc
    if token.lower_ == "anti" or (token.text == "-" and token.i >= 1 and doc[token.i - 1].lower_ == "anti"):
        return True
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "anti"


def _undergoer(noun: Token) -> Token | None:
    """The subject of a verb of undergoing whose object the noun is (see ``_UNDERGO``), also
    through a measure of it: "drew [a wave of] criticism"."""
    noun = _measure(noun) or noun
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "under":
        verb = verb.head
        if verb.lemma_.lower() not in ("come", "be", "remain", "stay"):
            return None
    elif noun.dep_ != "dobj" or verb.lemma_.lower() not in _UNDERGO:
        return None
    subject = explicit_subject(verb) or child(verb, ("nsubjpass",))
    if subject is None and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        return inherited_subject(verb, frozenset())  # "X postponed the vote, [drawing] criticism"
    return subject


def _measure(noun: Token) -> Token | None:
    """The indefinite noun that measures an event noun out: "[a wave] of criticism", "[a
    storm] of protests" (the measure stands in the event noun's place in the clause)."""
    of = noun.head
    if noun.dep_ != "pobj" or of.lower_ != "of" or of.head.pos_ != "NOUN":
        return None
    measure = of.head
    if has_child(measure, ("poss",)):
        return None
    return measure if has_child(measure, ("det",), ("a", "an")) else None


def _reported_from(noun: Token) -> Token | None:
    """Whom an event noun "came from": "criticism of the plan [has come from] the UN"."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() != "come":
        return None
    return _prep_object(verb, ("from",))


# Prepositions by which a verb puts someone into a state of detention, and verbs by which
# its subject stays there: "took X [into] custody", "X was placed [under] arrest", "X
# [remains] [in] detention".
_STATE_PREPS = frozenset({"into", "under", "in"})
_STAYING = frozenset({"remain", "stay", "be"})


def _held(noun: Token) -> tuple[Token | None, Token] | None:
    """Who holds and who is held when a verb puts someone into the state a coercion noun
    names: the verb's object or passive subject is held, its subject or agent holds ("took
    [X] into custody", "[X] was put under arrest by [the army]", "[X] remains in custody")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in _STATE_PREPS or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = prep.head
    if is_passive(verb):
        detainee = child(verb, ("nsubjpass",))
        return (agent_of(verb), detainee) if detainee is not None else None
    detainee = child(verb, ("dobj",))
    if detainee is not None:
        return explicit_subject(verb), detainee
    subject = child(verb, ("nsubj",))
    if subject is not None and verb.lemma_.lower() in _STAYING:
        return None, subject
    return None


def _modifying_light_verb(noun: Token, light: frozenset[str]) -> Token | None:
    """A light verb in a clause that modifies the event noun and has it as its object: "the
    ceasefire [declared] by the army", "the sanctions (which) Washington [imposed]"."""
    for clause in noun.children:
        if not is_light(clause, light) or clause.pos_ not in ("VERB", "AUX"):
            continue
        if clause.dep_ == "acl" and clause.tag_ == "VBN":
            return clause
        relatives = (None, *_relatives(clause))
        object_is_the_noun = clause.dep_ == "relcl" and child(clause, ("dobj",)) in relatives
        if object_is_the_noun and (is_passive(clause) or child(clause, ("nsubj",)) not in relatives):
            return clause
    return None


def _relatives(clause: Token) -> list[Token]:
    return [c for c in clause.children if c.lower_ in _RELATIVE]


def _modifier_subject(clause: Token) -> Token | None:
    """Who did what a modifying clause says: its agent ("reached [by X]"), else its subject."""
    if clause.dep_ == "acl" or is_passive(clause):
        return agent_of(clause)
    subject = child(clause, ("nsubj",))
    return subject if subject is not None and subject.lower_ not in _RELATIVE else None


def in_protest_target(word: Token) -> Token | None:
    """ "... in protest against X", "in protest of X": what a protest is aimed at."""
    for i, dep, lower in children(word):
        if dep == "prep" and lower == "in":
            noun = child(word.doc[i], ("pobj",))
            if noun is not None and noun.lemma_.lower() in ("protest", "defiance", "opposition"):
                return _prep_object(noun, ("against", "of", "at", "over"))
    return None


# Prepositions that place an act in the time or scene of another: "arrested dozens [during]
# the protest", "seized him [at] a protest", "[amid] protests", "staged protests [after] the
# arrest": the other act is not the doers' ("killed [in] an attack" is theirs, so not "in").
_SETTING_PREPS = frozenset(
    {"at", "during", "amid", "amidst", "after", "before", "following", "since", "despite"}
)
# Nouns that make "in the N of" a setting too: "[in the wake of] the military takeover".
_SETTING_FRAMES = frozenset({"wake", "aftermath", "midst", "run-up", "eve", "face"})


def in_setting(noun: Token) -> bool:
    """Whether an event noun only sets the scene of the clause it is in, so the clause's
    subject is not its doer: "sanctions [in the wake of] the takeover", "after days of protests"."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
        if noun.lemma_.lower() in _SETTING_FRAMES:
            return True
    return noun.dep_ == "pobj" and noun.head.lower_ in _SETTING_PREPS


def _light_verb(noun: Token, light: frozenset[str]) -> Token | None:
    """The light verb an event noun is the object of: "launched [attacks]", "remained on [alert]"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ not in _SETTING_PREPS:
        head = head.head
    elif noun.dep_ not in ("dobj", "attr", "oprd", "nsubjpass"):
        return None
    if noun.dep_ == "dobj" and _names_object(head):
        return None  # "called [the arrest] illegal": naming it, not staging it
    return head if head.pos_ in ("VERB", "AUX") and is_light(head, light) else None


light_verb = _light_verb


def _first_listed(noun: Token) -> Token:
    """The first of the nouns listed with ``noun``, which holds the list's place in the clause:
    "fired warning shots and [tear gas]", "a campaign of strikes and [rallies]" (the parser
    hangs each later member on the first as its ``conj``)."""
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and noun.pos_ == "NOUN":
        noun = noun.head
    return noun


def _names_object(verb: Token) -> bool:
    """A verb with a secondary predicate names its object: "called [the arrest] illegal" is
    no light verb's "called [a strike]" (the subject staged nothing)."""
    return has_child(verb, ("oprd",))


def _light_verb_subject(noun: Token, light: frozenset[str]) -> Token | None:
    noun = _first_listed(noun)
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = _first_listed(noun.head.head)  # "launched [10 days] of war games"
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        if head.lower_ in _SETTING_PREPS:
            return None  # "staged protests [after] the arrest": not the protesters' arrest
        head = head.head
    elif noun.dep_ not in ("dobj", "attr", "oprd", "nsubjpass"):
        clause = next((c for c in noun.children if c.dep_ in ("acl", "relcl") and is_light(c, light)), None)
        if clause is None or clause.dep_ == "acl":
            return agent_of(clause) if clause is not None else None
        subject = explicit_subject(clause)  # "a rally [that activists held]", not "a rally that was held"
        return subject if subject is not None and subject.lower_ not in _RELATIVE else None
    if head.pos_ not in ("VERB", "AUX") or not is_light(head, light):
        return None
    if noun.dep_ == "dobj" and _names_object(head):
        return None
    if noun.dep_ == "nsubjpass":
        return agent_of(head)
    if passive_giving(head):
        return agent_of(head)  # "X was handed a jail term [by] the court": X receives it
    if is_passive(head) and agent_of(head) is None:
        return child(head, ("nsubjpass",))  # "Serb forces were engaged in ethnic cleansing"
    return explicit_subject(head) or inherited_subject(head, light)


# Doc -> (head index, ``without`` index, same Doc) -> phrase_bounds, dropped with the Doc
_PHRASES: PerDoc[dict[tuple[int, int, bool], tuple[int, int]]] = PerDoc()
# Doc -> token index -> its conjuncts' indices before and after it (see ``conjuncts``)
_CONJUNCTS: PerDoc[dict[int, tuple[tuple[int, ...], tuple[int, ...]]]] = PerDoc()
# Doc -> noun index -> its stray list's member indices, own and lead, or None (``stray_members``)
_STRAYS: PerDoc[dict[int, tuple[tuple[int, ...], int, int] | None]] = PerDoc()


def conjuncts(token: Token | None) -> list[Token]:
    """The token and those coordinated with it ("Jordan and Britain"). A list the parser
    reads as an apposition followed by conjuncts ("The EU, NATO, the USA and other
    countries": NATO an appos of EU, the rest its conjuncts) is a list too; an apposition
    without conjuncts of its own renames the token ("Nasrallah, the Hezbollah leader"), and
    so does a name for one person's role, whose conjuncts are the list's next members
    ("the publisher, Ann Lee, and the editor, ...": two people, not three); a name whose
    role the parser coordinates with the next name ("Wei Fenghe, China's defence chief, and
    Sergei Shoigu": Shoigu a conjunct of "chief") lists that name too."""
    if token is None:
        return []
    doc = token.doc
    kept = _CONJUNCTS.get(doc)
    if kept is None:
        kept = _CONJUNCTS[doc] = {}
    found = kept.get(token.i)
    if found is None:
        carriers = [token, *(c for c in token.children if c.pos_ == "PROPN" and _has_conjuncts(c))]
        listed = [t for m in carriers for t in m.conjuncts if t.i > m.i]
        members = [c for c in carriers[1:] if not _names_role(c)]
        named = [t for r in _roles_of(token) for t in r.conjuncts if t.i > r.i and t.pos_ == "PROPN"]
        nominal = (t for t in [*members, *listed, *named] if t.pos_ in ("NOUN", "PROPN", "PRON"))
        stray = stray_members(token)
        before = tuple(t.i for t in stray.members) if stray else ()
        found = kept[token.i] = (before, tuple(t.i for t in dict.fromkeys(nominal)))
    before, after = found
    if not before and not after:
        return [token]  # most words (seven in ten asked): no list to build Tokens for
    return [*(doc[i] for i in before), token, *(doc[i] for i in after)]


@dataclass(frozen=True, slots=True)
class StrayList:
    """Members of a list the parser hung on the last member's noun as modifiers."""

    members: tuple[Token, ...]  # the earlier members, in text order
    own: int  # where the noun's own phrase starts
    lead: int  # where the first member's phrase starts (a determiner or owner it shares)


def stray_members(noun: Token) -> StrayList | None:
    """The earlier members of a list read as modifiers of its last noun (see
    :func:`_stray_members`), found once per Doc and noun: each phrase and list that holds
    the noun asks again. Its members are new Tokens at every call, as a walk gives."""
    doc = noun.doc
    kept = _STRAYS.get(doc)
    if kept is None:
        kept = _STRAYS[doc] = {}
    if noun.i in kept:
        found = kept[noun.i]
        return None if found is None else StrayList(tuple(doc[i] for i in found[0]), found[1], found[2])
    stray = _stray_members(noun)
    kept[noun.i] = None if stray is None else (tuple(t.i for t in stray.members), stray.own, stray.lead)
    return stray


def _stray_members(noun: Token) -> StrayList | None:
    """The earlier members of a list read as modifiers of its last noun: "urged [Meta],
    [TikTok] and internet companies" (the names a modifier of "companies", with "internet" as
    their last conjunct), "[Somalia's army] and Islamist militants" ("army" a modifier, with a
    stranded "and" or with "Islamist" as its conjunct). Not "Israeli and Palestinian leaders",
    "US and UK diplomats": modifiers of one kind coordinated before one noun share it."""
    for mod in noun.lefts:
        if mod.dep_ not in _MODIFIER_DEPS:
            continue
        owner = next((c for c in noun.lefts if c.dep_ == "poss" and c.i < mod.i), None)
        lead = (owner or mod).left_edge.i  # "[Kenya's] army and ...": the owner is the first member's
        listed = [t for t in mod.conjuncts if t.i > mod.i]
        parallel = listed and listed[-1].pos_ == mod.pos_  # "US and UK diplomats": both countries'
        if listed and not parallel and mod.pos_ in ("NOUN", "PROPN") and _modifies(listed[-1], noun):
            return StrayList((mod, *listed[:-1]), listed[-1].left_edge.i, lead)
        joint = next((c for c in mod.rights if c.dep_ == "cc"), None)
        nominal = mod.pos_ in ("NOUN", "PROPN") or owner is not None  # "Ukraine's military"
        if joint is not None and not listed and nominal and joint.i < noun.i - 1:
            return StrayList((mod,), joint.i + 1, lead)
    return None


def _modifies(word: Token, noun: Token) -> bool:
    """Whether only modifiers of ``noun`` lie from ``word`` to it ("internet [service] providers")."""
    between = noun.doc[word.i + 1 : noun.i]
    return word.i < noun.i and all(t.dep_ in _MODIFIER_DEPS and t.head in (noun, *between) for t in between)


def _roles_of(name: Token) -> list[Token]:
    """The role nouns in apposition to a name ("Wei Fenghe, China's defence [chief]")."""
    if name.pos_ != "PROPN":
        return []
    return [c for c in name.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > name.i]


def _has_conjuncts(token: Token) -> bool:
    return token.dep_ == "appos" and has_conjuncts(token)


def has_conjuncts(token: Token) -> bool:
    """Whether a list goes on from the token ("[Armenia] and Azerbaijan")."""
    return has_child(token, ("conj",))


def _names_role(token: Token) -> bool:
    """A proper name in apposition to one person's role ("the publisher, Ann Lee"): the same
    person. A list the parser reads as an apposition starts with a name ("The EU, NATO") or a
    plural ("the two countries, Russia and China")."""
    head = token.head
    return token.dep_ == "appos" and token.pos_ == "PROPN" and head.pos_ == "NOUN" and head.tag_ == "NN"


def _next_in_list(token: Token) -> bool:
    """An apposition with conjuncts of its own: the parser's reading of a list ("The EU, NATO,
    the USA and ..."), where an apposition without them renames ("Nasrallah, the leader")."""
    return _has_conjuncts(token) and not _names_role(token)


def phrase_bounds(token: Token, without: Token | None = None) -> tuple[int, int]:
    """Character bounds (in its Doc) of a noun phrase: the head's subtree without clauses,
    conjuncts or the part holding ``without`` ("groups [supporting ISIS]" as supporters).
    Found once per Doc, head and ``without``: the event rules, the linker and the argument
    ranker ask for the same phrases again and again, and a Doc never changes after the parse.
    A ``without`` outside the head's subtree is in none of its parts: the phrase is the one
    found without it (the linker leaves out the trigger, rarely inside its subject)."""
    doc = token.doc
    kept = _PHRASES.get(doc)
    if kept is None:
        kept = _PHRASES[doc] = {}
    key = (token.i, -1 if without is None else without.i, without is None or without.doc is doc)
    found = kept.get(key)
    if found is None:
        outside = without is not None and not _holds(token, without)
        found = kept[key] = phrase_bounds(token) if outside else _phrase_bounds(token, without)
    return found


def _phrase_bounds(token: Token, without: Token | None) -> tuple[int, int]:
    doc = token.doc
    c = columns(doc)  # words tested on the Doc's columns: a Token only where a column cannot tell
    left = right = token.i
    stack = [token]
    while stack:
        current = stack.pop()
        if c.orth[current.i] not in _CLAUSE_MARK_IDS:  # "[the tribunal], which is based in The Hague,"
            left, right = min(left, current.i), max(right, current.i)
        for i, dep, _ in children(current):
            word = doc[i]
            if _in_phrase(word, dep, without):
                stack.append(word)
    renamed = strayed_apposition(token)
    if renamed is not None:
        right = max(right, renamed.right_edge.i)  # "he and [the party's treasurer, Musa Bello]"
    stray = stray_members(token)
    if stray is not None:
        left = max(left, stray.own)  # "Meta, TikTok and [internet companies]"
    elif token.dep_ in _MODIFIER_DEPS and token.head.i > token.i:
        listing = stray_members(token.head)
        if listing is not None and token in listing.members:
            left = min(left, listing.lead)  # "[Somalia's army] and Islamist militants"
    right = min(right, token.i + MAX_PHRASE_TOKENS)
    punct, space, deps = c.punct, c.space, c.dep
    while right > token.i and (
        (punct[right] and not doc[right].is_right_punct) or deps[right] == _CC_ID or space[right]
    ):
        right -= 1
    while left < token.i and punct[left] and not doc[left].is_left_punct:
        left += 1
    return token_starts(doc)[left], token_ends(doc)[right]


def strayed_apposition(member: Token) -> Token | None:
    """An apposition the parser hung on a list's first member that renames a later one: in "he
    and the party's treasurer, Musa Bello," the name follows "treasurer" but hangs on "he". A
    name belongs to the last member before it; a description ("Turkey and Russia, [backers] of
    opposing sides") is of the whole list."""
    if member.dep_ != "conj":
        return None
    first = member.head
    for c in first.children:
        if c.dep_ == "appos" and c.i > member.i:
            between = any(m.dep_ == "conj" and member.i < m.i < c.i for m in first.children)
            return None if between or c.pos_ != "PROPN" else c
    return None


def _after_a_member(token: Token) -> bool:
    """An apposition (or its comma) that follows a later member of its head's list (see
    ``strayed_apposition``)."""
    return token.dep_ in ("appos", "punct") and any(
        dep == "conj" and i < token.i for i, dep, _ in children(token.head)
    )


def _in_phrase(token: Token, dep: str, without: Token | None) -> bool:
    """Whether a child (``dep``: its label) is part of its head's noun phrase."""
    if dep in ("appos", "punct") and (_next_in_list(token) or _after_a_member(token)):
        return False  # the next member of a list (see ``conjuncts``), not a second name
    if dep in ("prep", "advmod") and alongside_with(token) is not None:
        return False  # "Kenya [together with Rwanda]": a co-doer of its own, not part of the name
    if dep == "prep" and any(
        d == "pcomp" and token.doc[i].pos_ in ("VERB", "AUX") for i, d, _ in children(token)
    ):
        return False  # "accused [the two groups] of working together": what they did, not who
    if dep == "acl" and token.tag_ == "VBN" and has_child(token, ("agent",)):
        return False  # "[the schoolgirls] kidnapped by Boko Haram": what was done to them, and by whom
    if token.tag_ in ("WP", "WDT") and token.lower_ in _RELATIVE:
        return False  # "whom [the agency] accused", misparsed with the pronoun on the noun: no part of it
    return (
        dep not in _NP_EXCLUDE and not _holds(token, without) and not _when(token)
        and not _secondary_predicate(token)
    )  # fmt: skip


# Words that make "with" name someone acting beside a noun or verb: "together with", "along with"
ALONGSIDE = frozenset({"together", "along"})


def alongside_with(word: Token) -> Token | None:
    """The "with" of a "together with" / "along with" phrase ``word`` heads: the word itself
    when it is a "with" after "together"/"along", or the "with" such a word heads; else None."""
    if word.lower_ == "with":
        return word if word.i > 0 and word.doc[word.i - 1].lower_ in ALONGSIDE else None
    if word.lower_ in ALONGSIDE:
        return next((c for c in word.children if c.dep_ == "prep" and c.lower_ == "with"), None)
    return None


def _secondary_predicate(token: Token) -> bool:
    """ "shot [dead] four people": an adjective between the verb and a determiner or number
    of its object says what became of the object, it is no part of its name (attributive
    adjectives follow determiners and numbers: "four dead people"; "shot dead 12 of them")."""
    if token.dep_ != "amod":
        return False  # most words: no need to build their head and its head
    noun = token.head
    if noun.dep_ != "dobj" or token.i != noun.head.i + 1:
        return False
    return noun.like_num or any(c.dep_ in ("det", "nummod", "poss") and c.i > token.i for c in noun.children)


def _when(token: Token) -> bool:
    """ "on Sunday", "today": time words are not part of who acted."""
    if token.ent_type_ in ("DATE", "TIME"):
        return True
    return token.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME") for t in token.children)


def _holds(token: Token, inner: Token | None) -> bool:
    return inner is not None and token.left_edge.i <= inner.i <= token.right_edge.i


def said_evidence_bounds(found: Found) -> tuple[int, int] | None:
    """Character bounds of the words of a blame said in a clause ("said [the coup leaders
    were violating the constitution]", '"[These MPs have cheated the people]," he told
    AFP'): the clause and the verb of saying, or the clause alone when both are too long.
    The charge is what states the accusation, as coders mark it; the verb of saying alone
    ("he told AFP") shows no accusation. None for other triggers or without such a clause."""
    if found.trigger.requires != SPOKEN_BLAME:
        return None
    token, doc = found.token, found.token.doc
    clause = next(
        (c for c in token.children if c.dep_ == "ccomp" and has_child(c, ("nsubj", "nsubjpass"))), None
    )
    if clause is None:
        return None
    first, last = clause.left_edge.i, clause.right_edge.i
    left, right = min(first, token.i), max(last, token.i)
    if right - left > MAX_EVIDENCE_TOKENS:
        left, right = first, min(last, first + MAX_EVIDENCE_TOKENS)
    return _trimmed_bounds(doc, left, right, both_ends=True)


def evidence_bounds(found: Found, keep: Iterable[Token | None]) -> tuple[int, int]:
    """Character bounds (in its Doc) of the words that state the event.

    The trigger phrase; before it only its auxiliaries, negation, adverbs and a short
    subject; after it the subtrees of its dependents other than clauses and conjuncts
    (objects, prepositions, complements). A noun trigger brings its light verb along
    ("allegedly launched several attacks against Hamas").
    """
    token = found.token
    anchor = token
    if token.pos_ == "NOUN" and token.dep_ in ("dobj", "pobj", "attr"):
        anchor = token.head.head if token.head.dep_ == "prep" and token.dep_ == "pobj" else token.head
    tokens = {t.i for t in found.tokens} | {token.i, anchor.i}
    doc = token.doc
    for word in {anchor.i, token.i}:
        for c, dep, _ in children_at(doc, word):
            if c < word:
                if dep in _BEFORE_DEPS:
                    tokens.update(subtree_at(doc, c))
                elif dep in ("nsubj", "nsubjpass"):
                    below = subtree_at(doc, c)  # a short subject only: "[the army] said"
                    if len(below) <= 3:
                        tokens.update(below)
            elif dep not in _CLAUSE_DEPS:
                tokens.update(subtree_at(doc, c))
    for extra in keep:
        if extra is not None and abs(extra.i - token.i) <= 12:
            tokens.add(extra.i)
    start, end = sentence_range(doc, token.i)
    left, right = max(min(tokens), start), min(max(tokens), end - 1)
    if right - left > MAX_EVIDENCE_TOKENS:
        left, right = max(start, anchor.i - 6, token.i - 12), min(end - 1, token.i + 14)
    return _trimmed_bounds(doc, left, right)


def _trimmed_bounds(doc: Doc, left: int, right: int, both_ends: bool = False) -> tuple[int, int]:
    """Character bounds of tokens ``left`` to ``right`` less a last punctuation mark that
    closes nothing (and, ``both_ends``, a first that opens nothing)."""
    punct = columns(doc).punct  # a Token only for a punctuation mark's side
    while right > left and punct[right] and not doc[right].is_right_punct:
        right -= 1
    while both_ends and left < right and punct[left] and not doc[left].is_left_punct:
        left += 1
    return token_starts(doc)[left], token_ends(doc)[right]
