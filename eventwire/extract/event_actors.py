"""Linking an event's source and target tokens to actors.

A noun phrase is linked through :meth:`ActorResolver.link_all` (the phrase without its
clauses, the head word's offset to choose among the actors it names). On top of that:

* a pronoun subject of what someone says is that someone: "Syria says [it] will not accept",
  "the rebels said [they] will release" (the speaker, not the nearest name);
* an object "it", "them" is the nearest agreeing noun before it in its sentence, which may be
  a thing and so no one (:mod:`.pronoun_objects`);
* "we"/"our" inside a quote is the quote's speaker (:mod:`.speech`);
* "its truce" names the owner of the truce;
* the target is the first candidate (object, recipient, prepositional object, the
  complement's subject...) that names an actor or a country;
* an outlet is never the source of a hostile event: it reports it (``reported_by``);
* an act that would have no one on either side (coding rule 3) is read again (``rescue``):
  a subject pronoun continues a subject said before it, a description, or a name up to three
  sentences back; a description of people of no known kind ("the anonymous caller",
  "secularists") is an unknown doer of its own, told apart from things by its form (an
  agent noun of a verb the model knows, a people NER tags).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from eventwire.extract import event_patterns as pat
from eventwire.extract.event_lexicon import ANIMATE_PATIENT, HOSTILE, load_event_lexicon
from eventwire.extract.pairs import is_between
from eventwire.extract.participants import (
    listed_members,
    offices,
    renamed_members,
    sharing_modifiers,
    source_list,
)
from eventwire.extract.pronoun_objects import object_referent
from eventwire.extract.speech import first_person, first_person_plural, speech_subject
from eventwire.models import UNKNOWN_ACTOR_PREFIX, Analysis, Mention, Section, Span, known_actor_id
from eventwire.nlp.tree import has_child
from eventwire.resolve.actors import TIES
from eventwire.resolve.groups import PARTITIVE, counted_pronoun, force_of, partitive_of
from eventwire.resolve.kb import normalise

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.config import PipelineConfig
    from eventwire.nlp import SectionDoc
    from eventwire.resolve.actors import ActorResolver
    from eventwire.resolve.kb import KnowledgeBase

MATERIAL = frozenset({"AID", "COOPERATE", "RETREAT", "CONCEDE"})  # acts an outlet never does
# Acts done with hands and arms, which a newsroom named by its role ("state media") only reports;
# it may still accuse or reject, for its state, so those keep it as the source.
HANDS_ON = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"}) | MATERIAL
# third-person pronouns: they stand for an actor named elsewhere
PRONOUNS = frozenset({"it", "they", "he", "she", "its", "their", "his", "her", "them", "him"})
# the pronouns that own a noun: "[its] ambassador", "one of [their] soldiers"
OWNER_PRONOUNS = frozenset({"its", "his", "her", "their"})
_CONTINUING = frozenset({"advcl", "conj"})  # clauses whose subject pronoun continues the head's
_NOUN_SLOTS = frozenset({"dobj", "pobj", "prep", "nsubjpass", "appos", "conj"})  # up from a noun to its verb
_RELATIVE_CLIMB = 5  # steps at most from a relative clause's noun up to the verb that names it
_STATE_SECTORS = frozenset({"GOV", "MIL"})  # an office holder speaks for the state
_HE_SHE = frozenset({"he", "she", "his", "her", "him"})
_PLURAL = frozenset({"they", "their", "them"})
_PERSON_OF = {  # a subject pronoun and the possessive of the same referent: "they ... their"
    "they": "they", "their": "they", "it": "it", "its": "it",
    "he": "he", "his": "he", "she": "she", "her": "she",
}  # fmt: skip


# Prepositions by which a thing done names whom it is done to: "battles [with] mobs", "an
# offensive [against] the rebels", "fire [on] a convoy", "a crackdown [on] the movement".
_THING_TO_TARGET = ("against", "on", "upon", "with", "at")
# Plural nouns that name doers, for a party listed with named ones (``_listed_group``): agent
# nouns ("seekers", "providers", "activists", "residents") and words for groups.
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent")
_GROUP_HEADS = frozenset({
    "group", "force", "militia", "faction", "movement", "party", "community", "organisation",
    "organization", "union", "association", "tribe", "clan", "gang", "unit",
})  # fmt: skip


_NO_ONE_IN_PARTICULAR = frozenset({"any", "no", "every", "each", "either", "neither"})
# Entity kinds that are never a group of people: a date, a sum, a place, a work.
_NOT_PEOPLE = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "GPE", "LOC", "FAC",
     "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"}
)  # fmt: skip


def agent_noun(noun: Token, verbs: frozenset[str]) -> bool:
    """Whether a common noun names one who does something by its form: a verb's agent noun
    ("trader", "caller", "resident", "defendant", "donor", "agitator": the verb the
    lemmatizer knows plus -er, -or, -ant, -ent) or a follower or member by -ist or -ian ("secularist",
    "Christian"). "Order", "border", "statement" are no verb's agent."""
    lemma = noun.lemma_.lower()
    if not lemma.isalpha() or len(lemma) < 5:
        return False
    if lemma.endswith(("ist", "ian")):
        return len(lemma) >= 7 and not lemma.endswith("list")
    if lemma.endswith("ator") and lemma[:-2] + "e" in verbs:
        return True  # "agitat(e)-or", "perpetrat(e)-or": the agent of a verb in -ate
    if lemma.endswith(("er", "or")):
        return lemma[:-2] in verbs or lemma[:-1] in verbs  # "speak-er", "trade-r"
    if lemma.endswith(("ant", "ent")) and not lemma.endswith("ment"):
        return lemma[:-3] in verbs or lemma[:-3] + "e" in verbs  # "assist-ant", "resid(e)-ent"
    return False


@cache
def model_verbs(model: str) -> frozenset[str]:
    """The verbs the spaCy model's lemmatizer lists (its ``lemma_index``): the bases an agent
    noun is made from. Empty for a model without one."""
    from eventwire.nlp.model import load_model

    try:
        lemmatizer = load_model(model).get_pipe("lemmatizer")
        return frozenset(lemmatizer.lookups.get_table("lemma_index")["verb"])  # type: ignore[attr-defined]
    except (KeyError, ValueError):
        return frozenset()


# Acts that tell someone to do something ("urged X to leave", "warned X to stay away"); with
# another act the infinitive after an object is its purpose ("fired shells [to disperse] them").
DIRECTIVE = frozenset({"REQUEST", "THREATEN"})
# Dependencies of a clause that says what someone is told to do: "urged X [to leave]".
_TOLD_CLAUSES = frozenset({"xcomp", "ccomp", "advcl"})


def asked_to_act(token: Token, trigger: Token) -> bool:
    """Whether ``token`` is whom the ``trigger`` verb tells to do something: its object (or the
    object of its preposition) followed by a "to" infinitive it controls ("urged [the
    public] to stay calm", "called on [all sides] to show restraint", "ordered [the
    guards] to open fire"), or the subject of that infinitive as a parse may give it ("urged
    [the public to report]"). The one told to act is an actor by the construction itself."""
    if token.dep_ == "nsubj" and token.head.head == trigger and token.head.dep_ in _TOLD_CLAUSES:
        return token.head.i > token.i and pat.is_infinitive(token.head)
    told = token.dep_ == "dobj" and token.head == trigger
    told = told or (token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head == trigger)
    return told and any(
        c.dep_ in _TOLD_CLAUSES and c.i > token.i and pat.is_infinitive(c) and not has_child(c, ("nsubj",))
        for c in trigger.children
    )


def partner_with(token: Token, trigger: Token) -> bool:
    """Whether ``token`` is the object of the trigger's own "with": the other party of an act
    done together ("clashed [with] the guards", "talks [with] the unions"); with a one-sided
    act it is rather the means ("attacked the town with rockets")."""
    return token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head == trigger


def _patient_of_person_verb(token: Token) -> bool:
    """A common noun or number that a verb of ``ANIMATE_PATIENT`` takes as its object, or the
    people of a count or collective that it takes ("detained 11 members of [a militant
    group]", :func:`partitive_of`)."""
    counted = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    if counted is not None and counted.lower_ in PARTITIVE and partitive_of(counted) == token:
        token = counted
    verb = token.head
    if token.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in ANIMATE_PATIENT:
        return False
    if any(c.dep_ == "prt" and c.lower_ in ("down", "up", "off") for c in verb.children):
        return False  # "beat off an attack"
    return token.pos_ in ("NOUN", "NUM") and token.ent_type_ not in ("GPE", "LOC", "FAC", "ORG", "NORP")


def _counted_members(token: Token) -> list[Token]:
    """The members a count lists when it counts several kinds of people ("hundreds of
    [police] and [gendarmes] fired tear gas", "thousands of [workers] and [students]
    marched"): each a doer of its own (coding rule 2), as the members of a counted object
    are each a target; else the token itself. Not people named by no role ("hundreds of
    men and women"): one crowd."""
    people = partitive_of(token)
    members = pat.conjuncts(people) if people is not token else []
    plain = any(m.lower_ in _PLAIN_PEOPLE for m in members)
    return members if len(members) > 1 and not plain else [token]


# Nouns that name people by sex, age or number only, not by a role: one crowd however listed.
_PLAIN_PEOPLE = frozenset({"people", "persons", "individuals", "men", "women", "children", "youths"})


def _with_fallbacks(
    tokens: list[Token], own: bool = False, trigger: Token | None = None, doer_named: bool = True
) -> tuple[list[Token], set[Token]]:
    """Target candidates in order: each one (the people of a partitive first, the "them" a
    count is taken from), then what the things among them are done to ("fought battles
    [with] mobs"), then whose the things are (:func:`owners`): tried only when no earlier
    candidate names an actor. Also returns the owners among them. An owner only completes an
    act whose doer is named (``doer_named``); for an act done with the doer's own things
    (``own``) only a possessor named as such is someone else ("lifted [the party's] ban", not
    "pulled Ugandan troops back")."""
    out = [counted_pronoun(t) or partitive_of(t) for t in tokens]  # "13 of [them]": whom "them" is
    for token in tokens:
        if token.pos_ == "NOUN":
            for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in _THING_TO_TARGET):
                obj = pat.placed_object(prep)
                if obj is not None:
                    out.append(partitive_of(obj))
    found = [
        o for t in tokens if doer_named and not _where(t)
        for o in owners(t, trigger) if not own or o.dep_ == "poss"
    ]  # fmt: skip
    return list(dict.fromkeys([*out, *found])), set(found)


# Prepositions whose object says where (or whence) an act happened, not what it is done to:
# "signed an accord in the Saudi city of Jeddah", "fired from Ugandan territory".
_WHERE = frozenset(
    {"in", "at", "near", "inside", "within", "outside", "around", "across", "throughout", "from"}
)


def _where(token: Token) -> bool:
    """A place the act happened in, whose owner is no party to it."""
    return token.dep_ == "pobj" and token.head.lower_ in _WHERE


def owners(thing: Token, trigger: Token | None = None) -> list[Token]:
    """Who a thing named as the target belongs to or was made by, when the phrase says:
    "attacked [the rebels'] camps", "shelled [Ugandan] villages", "criticised the case, which
    [Kyiv] opened", "marched on a district held by [militias]". The act on the thing is aimed
    at them (coding rule 3: a place or a thing is the target's only when the text says whose).
    A pronoun owner is the linker's own reading ("opposes its truce"); a clause that holds
    the ``trigger`` tells the act itself, not an owner ("the town, which rebels [seized]")."""
    if thing.pos_ != "NOUN":
        return []
    out: list[Token] = []
    for c in thing.children:
        if trigger is not None and (c == trigger or c.is_ancestor(trigger)):
            continue
        named = c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")  # "the rebels' camps"
        if named or (c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE", "ORG")):  # "Ugandan villages"
            out.append(c)
        elif c.dep_ == "relcl" and any(w.dep_ == "dobj" and w.tag_ == "WDT" for w in c.children):
            subject = pat.child(c, ("nsubj",))  # "the case, which Kyiv opened": its author
            if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
                out.append(subject)
        elif c.dep_ == "acl" and c.tag_ == "VBN":
            agent = pat.child(c, ("agent",))  # "a district held by militias"
            doer = pat.child(agent, ("pobj",)) if agent is not None else None
            if doer is not None and doer.pos_ in ("NOUN", "PROPN"):
                out.append(doer)
    return out


def _same_actor(mention: Mention, sources: dict[str, set[str]]) -> bool:
    """Whether a target is one of the sources: the same actor in no other role. A country's
    people and its state are two ("Cubans protested against the government", "the
    government killed Peruvians")."""
    if mention.actor is None or mention.actor not in sources:
        return False
    if _people(mention.actor, sources[mention.actor]) != _people(mention.actor, set(mention.sectors)):
        return False
    return not mention.sectors or set(mention.sectors) == sources[mention.actor]


def _people(actor: str, sectors: set[str]) -> bool:
    """Whether a country actor stands for its people ("thousands of Syrians"), not its state."""
    return actor.startswith("country:") and sectors == {"CVL"}


def _others(sources: dict[str, set[str]]) -> set[str]:
    """The actors a target phrase may not refer back to: the sources, but a country whose
    people act is still there for "the government" they act against."""
    return {actor for actor, sectors in sources.items() if not _people(actor, sectors)}


def _countries(codes: frozenset[str]) -> frozenset[str]:
    return frozenset(f"country:{c}" for c in codes)


# acts done at a place (an attack, an arrest, a rally)
DONE_AT_A_PLACE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "AID", "PROTEST"})
SANCTIONS = "163"  # COERCE by embargo or sanctions: not done at a place


def done_at_a_place(type_: str, cameo: str | None) -> bool:
    """An act done at a place (an attack, an arrest, a deployment): a capital named with it
    is where it happened, not the government it stands for; sanctions fall on that government."""
    return type_ in DONE_AT_A_PLACE and cameo != SANCTIONS


def capital_only(analysis: Analysis, mention: Mention, resolver: ActorResolver) -> bool:
    """Whether the mention names its country only through the capital ("Islamabad")."""
    within = resolver.hits_within(analysis, mention.start, mention.end)
    inside = [h for h in within if h.actor == mention.actor]
    capitals = resolver.kb.capitals
    return bool(inside) and all(normalise(h.text) in capitals for h in inside)


def own_states(sources: list[Mention | None]) -> frozenset[str]:
    """The country actors of the states the sources govern: a minister, ministry or leader
    acting for its government is not the target of what it says or does about its own state
    named as such ("Russia's foreign ministry warned that [Moscow] would respond", "Erdogan
    warned that [Turkey] would not stand by"). Its forces, police or people ("denounced the
    military", "urged Hondurans to resist") are other parties and stay targets."""
    return frozenset(
        f"country:{m.country}" for m in sources
        if m is not None and m.actor and m.country and "GOV" in m.sectors
        and not m.actor.startswith("country:")
    )  # fmt: skip


def distinct(mentions: list[Mention], forces: bool = False) -> list[Mention]:
    """One mention per actor: "accuses Hamas of ... its truce" names Hamas once. With
    ``forces``, one per force of a state too: "the police and army" of one country are two
    doers, each coded (coding rule 2), but "Kenya and its army" is Kenya once."""
    plain = {m.actor for m in mentions if not (forces and _force(m))}
    seen: set[object] = set()
    out = []
    for mention in mentions:
        force = forces and _force(mention)
        key: object = (mention.actor, *sorted(mention.sectors)) if force else mention.actor
        if key not in seen and not (force and mention.actor in plain):
            seen.add(key)
            out.append(mention)
    return out


def _office_holders(
    analysis: Analysis, mention: Mention, held: list[tuple[Token, Token]], offset: int
) -> list[Mention]:
    """One mention per office of a noun held in several domains: the phrase up to the first
    domain ("the ministers of mines"), then each further "of" phrase ("of hydrocarbons")."""
    out = []
    for n, (prep, obj) in enumerate(held):
        start = mention.start if n == 0 else prep.idx + offset
        end = obj.right_edge.idx + len(obj.right_edge) + offset
        text = analysis.article.text[start:end]
        out.append(Mention(text, start, end, mention.actor, mention.country, list(mention.sectors)))
    return out


def _force(mention: Mention) -> bool:
    """A state's force or service named by its role ("the police", "the army"), not the state."""
    return bool(mention.sectors) and "GOV" not in mention.sectors and bool(known_actor_id(mention.actor))


class ArgumentLinker:
    """Turns source and target tokens into actor mentions for one stage (shares the resolver)."""

    def __init__(
        self,
        resolver: ActorResolver,
        speech: frozenset[str],
        is_event: Callable[[Token], bool],
        verbs: frozenset[str] = frozenset(),
    ) -> None:
        self.resolver = resolver
        self.verbs = verbs  # the model's verbs, for agent nouns ("trade" of "traders")
        self.speech = speech
        self.is_event = is_event  # "a roadside bombing killed ...": an event noun is no one

    def targets(
        self, analysis: Analysis, section_doc: SectionDoc, tokens: list[Token], excluded: dict[str, set[str]],
        physical: bool = False, own: bool = False, states: frozenset[str] = frozenset(),
        homes: frozenset[str] = frozenset(), trigger: Token | None = None, directive: bool = False,
        joint: bool = False,
    ) -> list[Mention]:  # fmt: skip
        """Mentions of the first target candidate that names an actor.

        Not the source itself, unless in another role ("Iranian authorities pressured Iranian
        workers"); not a place ("imposed a curfew in ... Turkey"). For a ``physical`` act
        (an attack, an arrest, a deployment) a capital is the place it happened, not the
        government it stands for in "accused Kinshasa" ("arrested hundreds in Islamabad").
        ``own``: an act done with the doer's own things (troops pulled back, aid suspended), not
        to someone's person or property, so "their units" is the doer's, never a target.
        ``states``: the sources' own states (:func:`own_states`), never the target.
        ``homes``: the sources' countries, never the owner of a thing they act on ("Israeli
        troops shelled Israeli positions" is not aimed at Israel). ``trigger``: the act's word.
        """
        first: list[Mention] = []  # none: a place or a thing is not a target (coding rule 3)
        # an owner only completes an act whose doer is named ("[X] shelled Ugandan villages")
        candidates, owned = _with_fallbacks(tokens, own, trigger, doer_named=bool(excluded))
        theirs = homes | _countries(homes)
        for token in candidates:
            if _patient_of_person_verb(token):
                others = _others(excluded)
                victims = [
                    self.resolver.people(analysis, m, t.text, section_doc.section is not Section.CAPTION)
                    for t in pat.conjuncts(token) for m in self.link(analysis, section_doc, t, others)
                ]  # fmt: skip
                return self._guess(analysis, distinct(victims), unnamed=False)
            place = token.dep_ == "pobj" and token.head.lower_ == "in"
            case = pat.child(token, ("case",)) if token in owned else None  # "[the rebels]' camps"
            mentions = [
                Mention(m.text, m.start, m.end, None, m.country) if place else m
                for t in pat.conjuncts(token)
                for m in self.link(analysis, section_doc, t, _others(excluded), without=case, own=own)
            ]  # fmt: skip
            mentions = [
                m
                for m in mentions
                if m.actor and not _same_actor(m, excluded) and not self._the_state(m, states)
            ]
            if mentions and not place:
                mentions += self._unnamed_members(analysis, section_doc, token, mentions)
            if physical:
                mentions = [m for m in mentions if not capital_only(analysis, m, self.resolver)]
            if token in owned:  # the doer's own country's things are no one else's
                mentions = [m for m in mentions if m.country not in theirs and m.actor not in theirs]
            if mentions:
                return self._guess(analysis, distinct(mentions), unnamed=False)
        if tokens and not own and excluded:  # "the minister urged [traders] to stay calm"
            # the first position, the nearest one, holds people the knowledge base has no
            # role for: an unknown group by the form of its word, as a doer is (``_described_doers``)
            # or the construction says it is people: asked to act, or a fight's or meeting's partner
            nearest = tokens[0]
            described = self._described_doers(analysis, section_doc, nearest)
            told = directive and trigger is not None and asked_to_act(nearest, trigger)
            told = told or (joint and trigger is not None and partner_with(nearest, trigger))
            if described is None and told:
                described = self._people_by_position(analysis, section_doc, nearest)
            if described is not None and described.actor and not _same_actor(described, excluded):
                return self._guess(analysis, [described], unnamed=False)
        return first

    def _the_state(self, mention: Mention, states: frozenset[str]) -> bool:
        """Whether ``mention`` is one of ``states`` by its name or capital ("Turkey", "Moscow"),
        not by its people ("Hondurans"), a pronoun ("them") or a role ("the military")."""
        if mention.actor not in states or not set(mention.sectors) <= {"GOV"}:
            return False
        match = self.resolver.kb.lookup(mention.text, fuzzy=False)
        return match is not None and match.record.id == mention.actor and match.how != "demonym"

    def _guess(self, analysis: Analysis, mentions: list[Mention], unnamed: bool = True) -> list[Mention]:
        """Best country guess, the article's main country, for unknown actors without one
        ("police", "protesters"); for a source also for other unnamed people ("thousands of people")."""
        guess = None
        named = self.resolver.named_actors(analysis)  # "the Liberation Tigers": no guess
        for mention in mentions:
            if mention.actor is None and mention.text.lower() in PRONOUNS:
                continue  # an unresolved "they" is no one in particular
            actor_id = mention.actor or ""
            unknown = actor_id.startswith(UNKNOWN_ACTOR_PREFIX) and actor_id not in named
            if mention.country or not (unknown or (unnamed and mention.actor is None)):
                continue
            guess = guess or self.resolver.guess_country(analysis)
            mention.country = guess
            actor = self.resolver.actor(analysis, mention.actor)
            if actor is not None and actor.country is None:
                actor.country = guess
        return mentions

    def sources(
        self, analysis: Analysis, section_doc: SectionDoc, trigger: Token, tokens: list[Token],
        quote: int | None, mutual: bool = False, rescue: bool = False,
    ) -> list[Mention | None]:  # fmt: skip
        """The source mentions; ``mutual``: an act between the parties ("they agreed");
        ``rescue``: the act has no one on either side otherwise, so a pronoun looks further
        back and a description of people of no known kind is a doer (:meth:`_described_doers`)."""
        speaker = self.speaker(analysis, section_doc, trigger, tokens, quote)
        out: list[Mention] = []
        holders: list[Mention] = []  # "the ministers of X and [of Y]": one actor, several holders
        unnamed: list[Token] = []  # listed with others, naming no actor: "students and [job seekers]"
        tokens = [member for token in tokens for member in _counted_members(token)]
        for token in tokens:
            if first_person(token) and speaker is not None:
                out.append(self._speaking_for(analysis, section_doc, speaker, token, quote))
            elif not first_person(token):
                linked = self.link(
                    analysis, section_doc, token, set(), without=trigger, mutual=mutual, wide=rescue
                )
                people = token.tag_ in ("NNS", "NNPS") and not self.is_event(token)  # "thousands of people"
                linked = [m for m in self._guess(analysis, linked, people) if m.actor]
                several = len(linked) > 1 and len({m.actor for m in linked}) == 1 and bool(offices(token))
                out.extend(linked[:1] if several else linked)
                holders.extend(linked[1:] if several else [])
                if not linked:
                    unnamed.append(token)
        if out and len(tokens) > 1:
            out.extend(m for t in unnamed if (m := self._listed_group(analysis, section_doc, t)) is not None)
        if not out and rescue:  # "the anonymous caller threatened", "secularists demanded": people
            described = (self._described_doers(analysis, section_doc, t) for t in unnamed)
            out.extend(m for m in described if m is not None)
        kept: list[Mention | None] = [*distinct(out, forces=True), *holders]
        return kept or [None]

    def _unnamed_members(
        self, analysis: Analysis, section_doc: SectionDoc, token: Token, named: list[Mention]
    ) -> list[Mention]:
        """The members of a target list that name no known actor but a group of people, as a
        source list has them (:meth:`_listed_group`): "called on Google, Apple and [internet
        providers]" is one request each (coding rule 2), and "clashes between [agitators] and
        police" are with the agitators, listed first or not. The first only when its own word
        names doers (an agent noun, a group word): not "[his orders] and X", and not one an
        owner names ("[its forces] and X": the owner's, as :meth:`link` reads them)."""
        offset = section_doc.offset
        covered = [(m.start - offset, m.end - offset) for m in named]
        out = []
        for member in pat.conjuncts(token):
            if any(a <= member.idx < b for a, b in covered):
                continue
            if member is token and (pat.child(member, ("poss",)) is not None or not self._doers(member)):
                continue
            group = self._listed_group(analysis, section_doc, member)
            if group is not None and group.actor:
                out.append(group)
        return out

    def _doers(self, noun: Token) -> bool:
        """Whether a common noun names doers by its form: an agent noun, a word for a group."""
        return agent_noun(noun, self.verbs) or noun.lemma_.lower() in _GROUP_HEADS

    def _listed_group(self, analysis: Analysis, section_doc: SectionDoc, token: Token) -> Mention | None:
        """A plural noun of people listed as a party with named ones, whose words name no
        actor the knowledge base knows ("students and [job seekers]", "the government and
        [paramilitary groups]", "the army and its [allied groups]"): a group of its own, of
        no known kind, not no one. Only words that name doers (an agent noun, a group word):
        "jets and [drones]" lists things."""
        if token.pos_ != "NOUN" or token.tag_ != "NNS" or self.is_event(token):
            return None
        lemma = token.lemma_.lower()
        if not (lemma.endswith(_AGENT_ENDINGS) or lemma in _GROUP_HEADS):
            return None
        return self._unknown_people(analysis, section_doc, token, token, ())

    def _described_doers(self, analysis: Analysis, section_doc: SectionDoc, token: Token) -> Mention | None:
        """The doer of an act named by a description the knowledge base has no role for, when
        its words say it is people: a noun of one who does (a verb's agent noun, "the
        anonymous [caller]", "[traders]", "a [resident]"; a follower of a creed,
        "[secularists]") or a people NER tags ("[Rohingya]"). An unknown actor of its own; a
        thing, a place or an abstract noun ("the decree", "the crisis", "the move") stays no
        one. A bare group word ("the groups vowed revenge", "the association") is left out:
        on dev it named the wrong side as often as the right one."""
        if any(c.dep_ == "det" and c.lower_ in _NO_ONE_IN_PARTICULAR for c in token.children):
            return None  # "claimed by [any group]": no doer named
        word = partitive_of(token)  # "dozens of [protesters]"
        if word is token and token.lower_ in PARTITIVE:
            return None  # "the number of wounded", "many": a count, not who
        if self.is_event(word) or word.ent_type_ in _NOT_PEOPLE or token.ent_type_ in _NOT_PEOPLE:
            return None
        people = word.ent_type_ == "NORP" and word.pos_ in ("NOUN", "PROPN")
        if not people and (word.pos_ != "NOUN" or not agent_noun(word, self.verbs)):
            return None
        return self._unknown_people(analysis, section_doc, token, word, ("CVL",) if people else ())

    def _people_by_position(
        self, analysis: Analysis, section_doc: SectionDoc, token: Token
    ) -> Mention | None:
        """People by the position the act gives them, whatever their word: whom it asks or
        orders to do something (:func:`asked_to_act`: "urged [the public] to stay calm",
        "called on [all sides] to show restraint"), the partner of a fight or meeting
        (:func:`partner_with`: "clashed with [security personnel]"). Whoever is told to act, or
        fights or meets, is someone, whether or not its word is a role the knowledge base
        knows or an agent noun, or a name the resolver links to no one ("urged [Khaleda] to
        turn away from violence"). An unknown actor of its own; not a pronoun, a place or a
        date, an event noun, a bare count, or "any"/"no" one."""
        no_one = any(c.dep_ == "det" and c.lower_ in _NO_ONE_IN_PARTICULAR for c in token.children)
        if token.pos_ not in ("NOUN", "PROPN") or no_one:
            return None
        word = partitive_of(token)  # "dozens of [residents]"
        if word is token and token.lower_ in PARTITIVE:
            return None
        if word.pos_ not in ("NOUN", "PROPN") or self.is_event(word):
            return None
        if word.ent_type_ in _NOT_PEOPLE or token.ent_type_ in _NOT_PEOPLE:
            return None  # a place, a date, a sum
        return self._unknown_people(analysis, section_doc, token, word, ())

    def _unknown_people(
        self, analysis: Analysis, section_doc: SectionDoc, token: Token, word: Token, sectors: tuple[str, ...]
    ) -> Mention:
        """An unknown group named by the phrase of ``token``, its kind by ``word`` (the
        phrase's people: "dozens of [protesters]"), registered unless in a caption."""
        start, end = pat.phrase_bounds(token)
        offset = section_doc.offset
        text = section_doc.text[start:end]  # the parse's text: Doc.text joins every token
        mention = Mention(text, start + offset, end + offset)
        register = section_doc.section is not Section.CAPTION
        return self.resolver.people(analysis, mention, word.text, register, sectors=sectors)

    def _speaking_for(
        self, analysis: Analysis, section_doc: SectionDoc, speaker: Mention, token: Token, quote: int | None
    ) -> Mention:
        """Whom a first-person source stands for. An office holder's "we" is the state they
        speak for: "'We will send our tanks,' the prime minister said" is his country's act,
        the defence minister's "our talks" his state's. "I", "we in the party" (the group is
        named, here or before in the quote) and the "we" of a private person or of an
        organisation that speaks itself stay with the speaker."""
        we = token if first_person_plural(token) and token.pos_ == "PRON" else pat.child(token, ("poss",))
        if we is None or not first_person_plural(we) or _we_named(section_doc, we, analysis, quote):
            return speaker
        if not speaker.country or not _STATE_SECTORS & set(speaker.sectors):
            return speaker
        person = self.resolver.actor(analysis, speaker.actor)
        state = self.resolver.kb.get(f"country:{speaker.country}")
        if person is None or person.kind != "person" or state is None:
            return speaker
        start = we.idx + section_doc.offset
        span = Span(we.text, start, start + len(we.text))
        self.resolver.register(analysis, state, span)
        return Mention(span.text, span.start, span.end, state.id, state.country, list(speaker.sectors))

    def speaker(
        self, analysis: Analysis, section_doc: SectionDoc, trigger: Token, tokens: list[Token],
        quote: int | None,
    ) -> Mention | None:  # fmt: skip
        """Who says the words the trigger is in, when its source speaks in the first person."""
        if quote is not None and analysis.quotes[quote].speaker is not None:
            return analysis.quotes[quote].speaker
        if not any(first_person(t) for t in tokens):
            return None
        subject = speech_subject(trigger, self.speech)
        if subject is None or first_person(subject):
            return None
        return self.link(analysis, section_doc, subject, set())[0]

    def link(
        self, analysis: Analysis, section_doc: SectionDoc, token: Token, exclude: set[str],
        without: Token | None = None, mutual: bool = False, own: bool = False, wide: bool = False,
    ) -> list[Mention]:  # fmt: skip
        """The actors a noun phrase names, each member of a group it lists (:mod:`.participants`);
        "its truce" names the owner of the truce; ``own``:
        the phrase is the object of an act done with the doer's own things (see ``targets``)."""
        renames = described_name(token)
        if renames is not None:
            found = self.link(analysis, section_doc, renames, exclude, mutual=mutual, own=own, wide=wide)
            if any(known_actor_id(m.actor) for m in found):
                return found  # "The Philippines, a U.S. ally that brought the case": the Philippines
        speaker = self._speaker_of_pronoun(token) or self._continued_subject(token)
        speaker = speaker or self._relative_subject(token) or whose_noun(token) or self._listed_before(token)
        referent = object_referent(token) if speaker is None else None
        if referent is not None:
            referent = partitive_of(referent)  # "stopped dozens of [students] and arrested them"
        if referent is not None and self._a_thing(referent):
            start = token.idx + section_doc.offset  # "surrounded a house and stormed [it]": no one
            return [Mention(token.text, start, start + len(token.text))]
        speaker = speaker or referent  # "surrounded the students and beat [them]"
        if speaker is not None:  # "X and Y said they agreed": both
            said = [m for t in pat.conjuncts(speaker) for m in self.link(analysis, section_doc, t, exclude)]
            text = token.text
            start = token.idx + section_doc.offset
            if not wide or any(m.actor for m in said):  # "the deal was signed and [it] would seek": no doer
                return [Mention(text, start, start + len(text), m.actor, m.country, m.sectors) for m in said]
        start, end = pat.phrase_bounds(token, without)
        offset = section_doc.offset
        register = section_doc.section is not Section.CAPTION
        head = token.idx + offset
        mentions = self.resolver.link_all(
            analysis, start + offset, end + offset, head, exclude, register, mutual=mutual, wide=wide
        )
        joined = self._hyphen_pair(analysis, start + offset, end + offset, exclude, register)
        if joined:
            return joined  # "U.S.-South Korean drills", "the US-Israeli strikes": each one's
        shared = self._sharing_a_head(analysis, section_doc, token, exclude, mentions, (start, end))
        if shared:
            return shared  # "U.S. and European forces": each one's forces
        thing = self._a_thing(token)
        if thing or self._names_people(token):
            whose = source_list(token, people=not thing)
            sources = [m for t in whose for m in self.link(analysis, section_doc, t, exclude)]
            if len({m.actor for m in sources if known_actor_id(m.actor)}) > 1:
                return [m for m in sources if known_actor_id(m.actor)]  # "assistance from X, Y and Z"
        held = offices(token)
        if len(held) > 1 and len(mentions) == 1 and not known_actor_id(mentions[0].actor):
            return _office_holders(analysis, mentions[0], held, offset)  # "the ministers of X and of Y"
        members = listed_members(token)
        if len(members) > 1 and any(known_actor_id(m.actor) for m in mentions):  # a party, not a place
            listed = [m for t in members for m in self.link(analysis, section_doc, t, exclude, own=own)]
            return listed or mentions  # "countries, including Mexico and Brazil": each of them
        appositive = renamed_members(token)
        named_members = [m for t in appositive for m in self.link(analysis, section_doc, t, exclude, own=own)]
        if named_members and all(known_actor_id(m.actor) for m in named_members):
            return named_members  # "its neighbours Mali and Burkina Faso": each of them, not "its"
        owner = pat.child(token, ("poss",))
        named = any(known_actor_id(m.actor) for m in mentions)
        if not (named or own) and _owned_by_fellow(token, owner) and self._names_people(token):
            return [self._unknown_people(analysis, section_doc, token, token, ())]
        if owner is not None and owner.pos_ == "PRON" and (token.pos_ == "NOUN" or not named):
            renamed = pat.child(token, ("appos",)) or pat.strayed_apposition(token)
            others = self._private_people(token) or token.lower_ in TIES
            others = others or (renamed is not None and renamed.pos_ == "PROPN")  # "its ally, Chad"
            if others and any(m.actor for m in mentions):
                return mentions  # "attacked his wife", "met his Russian counterpart": not him
            if own and self._subject_owns(token, owner):
                return []  # "X and Y pulled [their] troops back": the doers' own, no one else
            if exclude and self._source_owns(analysis, section_doc, token, owner, exclude):
                # "the US pledged [its] support for Guyana", "the groups halted [their]
                # operations": the pronoun is the source, whom a target may not be; not the
                # actor named before the source; "withdraw [its] troops": the source's own
                # forces, no one
                own_forces = force_of(self.resolver.kb.role(token.lower_)) is not None
                return [] if own_forces else [m for m in mentions if m.actor]
            # "opposes its truce": the owner is the actor, named by the pronoun; "withdraw its
            # troops" with the source excluded names no one else
            owners = [o for o in self.link(analysis, section_doc, owner, exclude) if o.actor or o.country]
            if any(self.resolver.is_person(analysis, o.actor) for o in owners):
                holder = self.resolver.possessed_role(
                    analysis, start + offset, end + offset, head, exclude, register
                )
                if holder is not None and holder.country:
                    return [holder]  # "her party", "his government": the person's, not the person
            if owners or not named:  # "his commitment to the Zambian people": the people, not him
                return owners
        return mentions

    def _hyphen_pair(
        self, analysis: Analysis, start: int, end: int, exclude: set[str], register: bool
    ) -> list[Mention]:
        """The two parties of two names joined by a hyphen in the phrase ("U.S.-South Korean
        military drills", "the Russian-Chinese patrol", "the US-Israeli strikes"): one event per
        party (coding rule 2), where each part names another known actor and the whole names
        none ("Guinea-Bissau" is one state)."""
        text = analysis.article.text
        low, high = max(0, start - _NAME_REACH), end + _NAME_REACH
        if text.find("-", low, high) < 0:
            return []  # most phrases: no hyphen near, so no hyphened name to look for
        for found in _HYPHENED.finditer(text, low, high):
            if found.end() <= start or found.start() >= end:
                continue  # a name outside the phrase
            if self.resolver.kb.lookup(found.group(0), fuzzy=False) is not None:
                continue
            first, second = (self._part(analysis, *found.span(i), exclude, register) for i in (1, 2))
            if first is not None and second is not None and first.actor != second.actor:
                return [first, second]
        return []

    def _part(
        self, analysis: Analysis, start: int, end: int, exclude: set[str], register: bool
    ) -> Mention | None:
        """The known actor one part of a hyphened name names: as the article's names link, else
        the knowledge base's name or people ("Russian" of "Russian-Chinese", which the
        recogniser reads as one name)."""
        linked = self.resolver.link_all(analysis, start, end, start, exclude, register)
        found = next((m for m in linked if known_actor_id(m.actor)), None)
        if found is not None:
            return found
        text = analysis.article.text[start:end]
        match = self.resolver.kb.lookup(text, fuzzy=False)
        if match is None or match.record.id in exclude:
            return None
        if register:
            self.resolver.register(analysis, match.record, Span(text, start, end))
        return Mention(text, start, end, match.record.id, match.record.country, list(match.sectors))

    def _sharing_a_head(
        self, analysis: Analysis, section_doc: SectionDoc, token: Token, exclude: set[str],
        mentions: list[Mention], bounds: tuple[int, int],
    ) -> list[Mention]:  # fmt: skip
        """The parties of coordinated modifiers sharing one plural head ("U.S., European and
        United Nations forces", :func:`.participants.sharing_modifiers`), each with the whole
        phrase as its mention, as "Hungarian and Romanian officials" has; none unless at
        least two of them name different known actors. A pair of modifiers whose phrase the
        resolver already reads as one known actor keeps that reading: as often one describes
        the party the other names (on the GSR dev set, splitting those loses a triple), unless
        the phrase names the sides of an act "between" them ("clashes between the Sudanese
        and Ethiopian sides": each side's)."""
        members = sharing_modifiers(token)
        known = {m.actor for m in mentions if known_actor_id(m.actor)}
        read = len(members) == 2 and known and not is_between([token])
        if len(members) < 2 or len(known) > 1 or read:
            return []  # "Hungarian and Romanian officials": the resolver read both already
        offset = section_doc.offset
        start, end = bounds[0] + offset, bounds[1] + offset
        text = section_doc.text[bounds[0] : bounds[1]]  # the parse's text: Doc.text joins every token
        head = token.idx + offset
        sectors = next((list(m.sectors) for m in mentions if m.start <= head < m.end and m.actor), None)
        register = section_doc.section is not Section.CAPTION
        out: list[Mention] = []
        for mod in members:
            own = mod.left_edge.idx + offset, mod.idx + len(mod) + offset
            for m in self.resolver.link_all(analysis, *own, mod.idx + offset, exclude, register):
                fresh = all(m.actor != o.actor for o in out)
                if known_actor_id(m.actor) and m.actor not in exclude and fresh:
                    out.append(Mention(text, start, end, m.actor, m.country, sectors or list(m.sectors)))
        if len(out) < 2:
            return []
        first = {m.actor for m in mentions}  # the head's own reading first, as it was alone
        return sorted(out, key=lambda m: m.actor not in first)

    def _listed_before(self, token: Token) -> Token | None:
        """ "Niger, Mali and Burkina Faso signed a treaty. [They] have scrapped ...": "they"
        opening a sentence continues the list the sentence before has as its subject, every
        member of it (coding rule 2), not the one name nearest to it."""
        if token.lower_ != "they" or token.dep_ not in ("nsubj", "nsubjpass"):
            return None
        sent = token.sent
        opening = token.doc[sent.start : token.i]
        if sent.start == 0 or any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in opening):
            return None
        before = token.doc[sent.start - 1].sent
        subject = pat.explicit_subject(before.root)
        if subject is None or subject.pos_ == "PRON" or len(pat.conjuncts(subject)) < 2:
            return None
        return subject

    def _a_thing(self, noun: Token) -> bool:
        """A common noun no role names ("a house", "the convoy"): no actor, whoever owns it."""
        return noun.pos_ == "NOUN" and self.resolver.kb.role(noun.lower_) is None

    def _subject_owns(self, token: Token, owner: Token) -> bool:
        """Whether a possessive determiner of the object refers to the clause's subject, which
        it agrees with: "Russia withdrew [its] troops", "Armenia and Azerbaijan have finished
        pulling [their] troops back", "[neither army] has deployed [its] reserves" (whatever a
        resolver would guess from the names before: the clause names the owner)."""
        if token.dep_ != "dobj":
            return False
        verb = token.head
        subject = pat.explicit_subject(verb) or pat.inherited_subject(verb, frozenset())
        if subject is None or subject is token:
            return False
        if subject.pos_ == "PRON":
            return _PERSON_OF.get(subject.lower_) == _PERSON_OF.get(owner.lower_, "")
        if pat.has_conjuncts(subject):
            return owner.lower_ in _PLURAL  # "Armenia and Azerbaijan ... their"
        return self._agrees(owner, subject)

    def _source_owns(
        self, analysis: Analysis, section_doc: SectionDoc, token: Token, owner: Token, exclude: set[str]
    ) -> bool:
        """Whether a possessive determiner of the object refers to the clause's subject
        (:meth:`_subject_owns`) and that subject is the act's source (one of ``exclude``), not
        the subject of a clause the act is about ("demanded that Washington scrap [its]
        duties": Washington's duties, and Washington is the target)."""
        if not self._subject_owns(token, owner):
            return False
        subject = pat.explicit_subject(token.head) or pat.inherited_subject(token.head, frozenset())
        if subject is None:
            return False
        plural = subject.tag_ in ("NNS", "NNPS") or pat.has_conjuncts(subject) or subject.lower_ == "they"
        if owner.lower_ in _PLURAL and not plural:
            return False  # "the EU froze [their] assets": a body's "their" is others'
        if subject.pos_ == "PRON":  # "they halted their operations": the pronoun's own reading
            return any(m.actor in exclude for m in self.link(analysis, section_doc, subject, set()))
        start, end = pat.phrase_bounds(subject)
        offset = section_doc.offset
        hits = self.resolver.link_all(analysis, start + offset, end + offset, subject.idx + offset)
        return any(m.actor in exclude for m in hits)

    def _names_people(self, token: Token) -> bool:
        """Whether a noun names people by a role or a tie ("ambassador", "relatives", "allies"),
        not an act or a thing ("the tribunal and its [ruling]")."""
        return self.resolver.kb.role(token.lower_) is not None or token.lower_ in TIES

    def _private_people(self, token: Token) -> bool:
        """A noun of private persons ("wife", "lawyers", "supporters" are civilians) names
        others than its owner; "its troops", "his government" stand for the owner."""
        role = self.resolver.kb.role(token.lower_)
        return role is not None and role.kind == "person" and role.sector == "CVL"

    def _speaker_of_pronoun(self, token: Token) -> Token | None:
        """ "Syria says it will ...", "the army said its troops fired": the subject of the
        speech verb, for a pronoun subject or the owner of the subject, when it agrees with
        the pronoun ("the channel said he ...": not the channel)."""
        if token.lower_ not in PRONOUNS:
            return None
        clause = token.head
        if token.dep_ == "poss" and clause.dep_ in ("nsubj", "nsubjpass"):
            clause = clause.head
        elif token.dep_ not in ("nsubj", "nsubjpass"):
            return None
        while clause.dep_ == "conj" and clause.head is not clause:
            clause = clause.head
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in self.speech:
            return None
        subject = pat.explicit_subject(clause.head)
        if subject is None or subject.pos_ == "PRON" or not self._agrees(token, subject):
            return None
        return subject

    def _continued_subject(self, token: Token) -> Token | None:
        """ "the British led the campaign until [they] pulled out": a pronoun subject of a
        clause attached to another clause of the sentence continues that clause's subject,
        when they agree (the subject is the most salient referent, more than an object
        named in between). A pronoun subject there is the same pronoun said earlier, read
        where it stands: "Chile said [it] expelled a Peruvian diplomat after [it] arrested
        ..." is Chile twice, not Peru, the name nearer the second "it"."""
        if token.lower_ not in PRONOUNS or token.dep_ not in ("nsubj", "nsubjpass"):
            return None
        clause = token.head
        for _ in range(4):
            if clause.dep_ not in _CONTINUING or clause.head is clause:
                return None
            clause = clause.head
            subject = pat.child(clause, ("nsubj", "nsubjpass"))
            if subject is not None and subject.i < token.i:
                return self._continued_by(token, subject)  # "X said that [it] expelled ... after [it] ..."
        return None

    def _relative_subject(self, token: Token) -> Token | None:
        """ "Mali expelled Wagner, which [it] accused of ...", "the government [it] overthrew":
        a pronoun subject of a relative clause is never the noun the clause modifies (that noun
        is the clause's object); it continues the subject of the clause that names the noun,
        when they agree (the nearest name before it is that noun, the wrong referent)."""
        clause = token.head
        if token.lower_ not in PRONOUNS or token.dep_ != "nsubj" or clause.dep_ != "relcl":
            return None
        if any(c.tag_ == "WRB" for c in clause.children):
            return None  # "Niger, where they help ...": a place the clause is in, not its object
        noun = clause.head
        current = noun
        for _ in range(_RELATIVE_CLIMB):  # "sanctions on [Wagner]", "members of the [government]"
            if current.dep_ not in _NOUN_SLOTS or current.head is current:
                return None
            current = current.head
            if current.pos_ in ("VERB", "AUX"):
                break
        else:
            return None
        if current.pos_ not in ("VERB", "AUX"):
            return None
        subject = pat.explicit_subject(current) or pat.inherited_subject(current, frozenset())
        if subject is None or subject is noun or subject is token or subject.i > token.i:
            return None
        return self._continued_by(token, subject)

    def _continued_by(self, pronoun: Token, subject: Token) -> Token | None:
        """``subject`` when ``pronoun`` can continue it: the same pronoun said earlier (the
        same person and number), or a noun it agrees with."""
        if subject.pos_ == "PRON":
            same = _PERSON_OF.get(subject.lower_) == _PERSON_OF.get(pronoun.lower_, "")
            return subject if same else None
        return subject if self._agrees(pronoun, subject) else None

    def _agrees(self, pronoun: Token, noun: Token) -> bool:
        """Whether a noun can be what a pronoun refers to: "he", "she" a person, "it" one
        thing that is not a person, "they" anyone."""
        role = self.resolver.kb.role(noun.lower_)
        person = noun.ent_type_ == "PERSON" or (role is not None and role.kind == "person")
        singular = noun.tag_ not in ("NNS", "NNPS")
        if pronoun.lower_ in _PLURAL:  # "Grenell said [they] had spoken": not one person
            return not (person and singular and noun.pos_ == "PROPN" and not pat.has_conjuncts(noun))
        return singular and person == (pronoun.lower_ in _HE_SHE)

    def outlets_report(
        self, type_: str, sources: list[Mention | None], reported_by: str | None
    ) -> tuple[list[Mention | None], str | None]:
        """An outlet that "reports" an attack or a threat is not its source, nor does it give
        aid or cooperate ("information for this report was provided by AP"). A newsroom of the
        knowledge base is the source of no hostile act at all, its charges and rejections
        included (they are read as what it reports); it may still demand or praise."""
        if type_ not in HOSTILE and type_ not in MATERIAL:
            return sources, reported_by
        kept: list[Mention | None] = []
        for mention in sources:
            record = self.resolver.kb.get(mention.actor or "") if mention is not None else None
            kind = record.kind if record is not None else None
            if mention is not None and only_reports(type_, mention, kind, self.resolver.kb):
                reported_by = reported_by or (
                    record.name if record is not None and kind == "media" else mention.text
                )
                continue
            kept.append(mention)
        return kept or [None], reported_by


def only_reports(type_: str, mention: Mention, kind: str | None, kb: KnowledgeBase) -> bool:
    """Whether a side is a newsroom that can only report an act of ``type_``, never do it: an
    outlet of the knowledge base (``kind`` "media") for hostile and material acts, a newsroom
    named by its role ("state media") for physical ones (it still accuses for its state).
    The rules (``ArgumentLinker.outlets_report``) and the argument ranker ask this alike."""
    if kind == "media" and (type_ in HOSTILE or type_ in MATERIAL):
        return True
    return type_ in HANDS_ON and names_outlet(mention, kb)


def names_outlet(mention: Mention, kb: KnowledgeBase) -> bool:
    """Whether a side is a newsroom named by its role: "Iranian state media", "the state
    newspaper". Such a mention resolves to its state or an unknown outlet, never to a media
    record, so the outlet guard needs the head noun's role (a group's, not a reporter's)."""
    words = normalise(mention.text).split()
    role = kb.role(words[-1]) if words else None
    return role is not None and role.sector == "MED" and role.kind == "group"


def _we_named(section_doc: SectionDoc, we: Token, analysis: Analysis, quote: int | None) -> bool:
    """Whether the speaker says who "we" are, at ``we`` or earlier in the same quote (or
    sentence): "We in the party believe ... We will hold talks" is the party's "we"."""
    start = we.sent.start
    if quote is not None:
        span = section_doc.doc.char_span(
            analysis.quotes[quote].start - section_doc.offset, we.idx, alignment_mode="expand"
        )
        start = span.start if span is not None and span.start < we.i else start
    return any(
        first_person_plural(t) and t.pos_ == "PRON" and pat.child(t, ("prep", "appos")) is not None
        for t in section_doc.doc[start : we.i + 1]
    )


def linker_for(config: PipelineConfig, resolver: ActorResolver) -> ArgumentLinker:
    """The linker of a pipeline: its lexicon's speech verbs, and its trigger words as event nouns
    (the event stage and the argument ranker link phrases alike)."""
    lexicon = load_event_lexicon(tuple(getattr(config, "trigger_files", ()) or ()))
    return ArgumentLinker(
        resolver, lexicon.cue("speech"), lambda t: bool(lexicon.candidates(t)), model_verbs(config.model)
    )


_NAME_REACH = 40  # characters either side of a phrase a hyphened name may start or end in
# Two names joined by a hyphen, each capitalised: "U.S.-South Korean", "Russian-Chinese", "US-Israeli"
_HYPHENED = re.compile(r"\b([A-Z][\w.]*(?: [A-Z]\w*)?)-([A-Z]\w*(?: [A-Z]\w*)?)\b")


def _owned_by_fellow(token: Token, owner: Token | None) -> bool:
    """Whether ``token`` is a later member of a list, owned by a pronoun for an earlier one:
    "accused Washington and [its] ambassador", "arrested the premier and [his] ministers", "the
    army and [its] allied militias". The member is a party of its own (coding rule 2: one
    event per party), never the owner the pronoun names again."""
    if owner is None or owner.lower_ not in OWNER_PRONOUNS or token.pos_ != "NOUN" or token.dep_ != "conj":
        return False
    return token.head.i < token.i


def whose_noun(token: Token) -> Token | None:
    """The noun a relative clause modifies, for its possessive "whose": "the demonstrators,
    [whose] demands included ..." are the demonstrators' demands, "an organisation [whose]
    investigations ..." the organisation's. The relative word names no one by itself."""
    if token.tag_ != "WP$":
        return None
    for up in list(token.ancestors)[:_RELATIVE_CLIMB]:
        if up.dep_ == "relcl":
            return up.head if up.head.pos_ in ("NOUN", "PROPN") else None
    return None


def described_name(token: Token) -> Token | None:
    """The name a description in apposition to it renames: "The Philippines, a U.S. ally
    that brought the case", "Prayuth Chan-ocha - a former general who seized power": the
    description's relative clause tells an act of the name's actor, not of the actor its
    modifier names ("U.S.") or of an unknown group ("former general"). Only a common noun
    set after a proper name, not a list the parser reads as an apposition ("The EU, NATO
    and ...") nor a name renaming a role ("its ally, Chad", read the other way)."""
    head = token.head
    if token.dep_ != "appos" or token.pos_ != "NOUN" or head.i >= token.i or pat.has_conjuncts(token):
        return None
    proper = head.pos_ == "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children)
    return head if proper and not pat.has_conjuncts(head) else None
