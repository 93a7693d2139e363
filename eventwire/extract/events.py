"""PLOVER events from trigger words and dependency patterns.

Reads ``docs`` (parsed sentences), ``actors`` (through the actor linker) and ``quotes``
when the quotes stage ran; writes ``events``. For each parsed sentence:

1. triggers from ``data/lexicons/event_triggers.csv`` (:mod:`.event_patterns`);
2. source and target tokens from the parse, linked to actors (:mod:`eventwire.resolve.actors`);
3. a trigger in another trigger's complement is *embedded*: it takes the governor's
   complement modality ("threatened [to drive it out]" -> threatened, "called for
   [sanctions]" -> hypothetical, "denied [attacking]" -> negated, "accused X of
   [working together]" -> alleged) and a lower confidence; an intention verb takes its
   type from what is intended ("offered to withdraw" -> AGREE, "vowed to attack" ->
   THREATEN, negated cooperation -> REJECT);
4. an event under a future or hypothetical modal with a source ("We will uproot ...",
   "X would strike if ...") also gives the stated intention: THREATEN for hostile acts,
   AGREE for cooperative ones, REJECT for refused cooperation ("will not accept");
   "X said Y must ..." gives REQUEST from X to Y, and a direct quote's own "Y must ..." its speaker's;
5. first-person events inside a quote belong to the quote's speaker (:mod:`.speech`);
   media outlets are never the source of hostile events: they report them.

Confidence is the trigger's weight times how complete the pattern is (known source,
target), lowered for embedded events, noun triggers without arguments, titles and
captions. Caption events keep ``section="caption"``: they describe the photo, not the
story. Modality rules: :mod:`.modality`.

This module keeps the stage and the per-sentence flow; the rules it calls live apart:
:mod:`.candidates` (the per-trigger record), :mod:`.clause_forms` (participles, relative
and modal clauses), :mod:`.judged_acts` (whom a judgement is aimed at), :mod:`.pairs`
(mutual, reciprocal and mediated acts) and :mod:`.carried_acts` (tolls, charges and other
acts told through another).
"""

from __future__ import annotations

from itertools import chain
from typing import TYPE_CHECKING, Any

from eventwire.config import PipelineConfig
from eventwire.extract import event_patterns as pat
from eventwire.extract import taking as takes
from eventwire.extract.argument_roles import further_targets
from eventwire.extract.candidates import Candidate
from eventwire.extract.carried_acts import (
    carry_charges,
    cause_sources,
    elided_parties,
    failed_other_act,
    kept_open,
    one_toll,
)
from eventwire.extract.clause_forms import (
    announced_measure,
    describes_actor,
    goes_on,
    mark_issued,
    modal_perfect,
    own_intention,
    told_as_past,
    withheld_obstruction,
)
from eventwire.extract.directives import (
    EXPULSION,
    addresses_own_forces,
    is_command,
    obliges,
    orders_out,
    told_to_act,
)
from eventwire.extract.discourse_pairs import discourse_pair, named_as, pair_noun, title_events
from eventwire.extract.event_actors import DIRECTIVE, distinct, done_at_a_place, linker_for, own_states
from eventwire.extract.event_lexicon import (
    COOPERATIVE,
    HOSTILE,
    SPEECH_ACTS,
    SentenceWords,
    Trigger,
    load_event_lexicon,
)
from eventwire.extract.judged_acts import (
    DECISIONS,
    JUDGES_THE_DOER,
    authors_of_things,
    decision_author,
    doers_for_act,
    judged_by_relatives,
    judged_by_speakers,
    judged_phrase,
    refers_to_act,
)
from eventwire.extract.modality import ModalityReader, Reading, for_clause, governor_of
from eventwire.extract.noun_doers import clause_doer
from eventwire.extract.object_senses import (
    SHOW_OF_FORCE,
    delivering_verb,
    eased_measure,
    easing_verbs,
    held_alone,
    message_sender,
    protest_in_words,
    sense_by_object,
    shares_a_place,
)
from eventwire.extract.pairs import (
    actor_pairs,
    fight_trigger,
    fight_word,
    is_between,
    mediated,
    mutual_kind,
    names_a_party,
    pair_named_as_one,
    to_each_other,
    traded,
)
from eventwire.extract.participants import co_doers, companions
from eventwire.extract.quote_lexicon import load_quote_lexicon
from eventwire.extract.speech import DirectQuotes, first_person, reporter
from eventwire.extract.transfers import (
    ARRIVING,
    RECEIVING,
    SECURITY_AID,
    TRANSFER,
    GoodsClasses,
    entity_name,
    giver,
    helped_state,
    recipients,
)
from eventwire.extract.trigger_model import SentenceTypes, TriggerTyper, model_for, trigger_signals
from eventwire.extract.visits import official_arrival, visits_abroad
from eventwire.models import Analysis, Event, JudgedAct, Mention, Modality, Section, Span, known_actor_id
from eventwire.nlp.bounds import heads, sentence_range
from eventwire.nlp.candidates import inflections
from eventwire.nlp.columns import columns, ids
from eventwire.nlp.tree import children
from eventwire.resolve.actors import resolver_for
from eventwire.resolve.groups import ARMED, STATE_FORCES

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Token

    from eventwire.nlp import SectionDoc


def _entity_text(word: Token) -> str:
    return entity_name(word).text


_STANCE_TYPE = {
    "agree": ("AGREE", "030"), "threaten": ("THREATEN", "130"), "reject": ("REJECT", "120"),
    "support": ("SUPPORT", "051"),
}  # fmt: skip
# Acts done with the doer's own people or things, whose owner named by a pronoun is the doer
# ("withdrew its troops", "deployed their forces", "sent its aid", "called off its strike"),
# unlike what is done to others ("froze their assets", "arrested their leaders").
_OWN = frozenset({"RETREAT", "MOBILIZE", "AID", "CONCEDE"})
# Acts done with a partner named after "with" ("met with", "talks with"), as fights are.
_MET = frozenset({"CONSULT"})
_DEMAND = "100"  # CAMEO: make a demand, not specified
# A tie ended ("scrapped the defence agreements", "withdrew from the deal", "cancelled the
# talks") is a reduction of relations (docs/ontology.md, coding rule 11): the CAMEO code of
# SANCTION by what was ended. Verbs that are SANCTION triggers themselves ("suspended the
# talks", "cut aid") read their object as their own act already.
_ENDED_AS = {"AGREE": "160", "COOPERATE": "160", "SUPPORT": "160", "CONSULT": "164", "AID": "162"}
_WILLED = frozenset({"AGREE", "SUPPORT"})  # acts of will: "cannot accept" refuses, "could not evacuate" fails
_SECTION_FACTOR = {Section.BODY: 1.0, Section.TITLE: 0.8, Section.CAPTION: 0.7}
_SUBORDINATE = frozenset({"advcl", "relcl", "acl"})
_SUBORDINATE_IDS = ids(_SUBORDINATE)
_SEMI_MODALS = frozenset({"ought", "need"})  # head their clause: "Y [needs] to explain"
# Modals of obligation weaker than "must": also advice or expectation ("the talks should aim
# at a truce"), so a demand only of a party that can act.
_ADVISORY = frozenset({"should", "ought", "need"})
_MAX_PAIRS = 12  # parties per side of an event: a list of ten states is ten events (coding rule 2)
_FORCES = ARMED | STATE_FORCES  # who fights: an act on them told as an attack is one


class EventStage:
    """Reads ``docs``, ``actors``, ``quotes``; writes ``events``."""

    name = "events"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config
        self.lexicon = load_event_lexicon(tuple(getattr(config, "trigger_files", ()) or ()))
        self.resolver = resolver_for(tuple(config.kb_files), config.model)
        self.reader = ModalityReader(self.lexicon)
        self.light = frozenset(f for word in self.lexicon.cue("light") for f in inflections(word))
        self.speech = self.lexicon.cue("speech")
        self.no_comment = self.lexicon.cue("no_comment")
        self.anonymity = self.lexicon.cue("anonymity")
        self.shares = self.lexicon.cue("share")
        self.ending = frozenset(f for word in self.lexicon.cue("ending") for f in inflections(word))
        self.easing = frozenset(
            f for word in easing_verbs(self.lexicon.cue("ending")) for f in inflections(word)
        )
        self.linker = linker_for(config, self.resolver)
        self.goods = GoodsClasses(
            self.lexicon.cue("goods"), self.lexicon.cue("arms"), self._noun_types, self._noun_codes
        )
        self.statements = frozenset(  # "the claim", "the allegations": things said (quote cues)
            cue.head for rows in load_quote_lexicon().by_head.values() for cue in rows
            if cue.pos == "NOUN" and cue.kind in _SAID
        )  # fmt: skip
        path = getattr(config, "trigger_model_path", None)
        model = model_for(str(path)) if path is not None else None
        # its features are the md model's word vectors: with another spaCy model, the lexicon alone
        usable = model is not None and model.meta.get("spacy_model", "md") == config.model
        self.typer = TriggerTyper(model, self.lexicon) if model is not None and usable else None

    def __call__(self, analysis: Analysis) -> Analysis:
        quotes = DirectQuotes(analysis.quotes)
        for section_doc in analysis.docs:
            for sent in section_doc.doc.sents:
                if sent.root.dep_ != "ROOT":
                    continue  # not parsed: no candidate words (selective parsing)
                if analysis.article.in_boilerplate(sent.start_char + section_doc.offset):
                    continue  # "MORE: FARC seizes army general": a link, not this story
                words = SentenceWords(sent, self.lexicon)
                types = self._types(words, section_doc, quotes)
                found = pat.find_triggers(
                    sent, self.lexicon, self._sectors, types, words, self._gives, self._visit_goal,
                    self._arrival,
                )  # fmt: skip
                if section_doc.section is Section.TITLE:
                    found = [f for f in found if not _in_kicker(f.token)]
                if found:
                    analysis.events.extend(self._sentence(analysis, section_doc, words, found, quotes))
        return analysis

    def _types(
        self, words: SentenceWords, section_doc: SectionDoc, quotes: DirectQuotes
    ) -> SentenceTypes | None:
        """The trigger model's reading of the sentence (:mod:`.trigger_model`), if one is loaded."""
        if self.typer is None:
            return None
        in_quote = quotes.in_quote(section_doc.offset)
        return self.typer.sentence(words.sent, section_doc.section.value, in_quote, words)

    # ---------------------------------------------------------------- one sentence
    def _sentence(
        self, analysis: Analysis, section_doc: SectionDoc, words: SentenceWords, found: list[pat.Found],
        quotes: DirectQuotes,
    ) -> list[Event]:  # fmt: skip
        candidates: dict[int, Candidate] = {}
        for item in found:
            if item.trigger.frame != "modal_demand":
                candidate = self._candidate(item)
                if candidate is not None:
                    candidates[item.token.i] = candidate
        for candidate in candidates.values():  # "US Predator attacks have killed ...": the attackers
            if len(candidate.sources) == 1:
                cause_sources(candidate, candidates, self._can_attack)
        elided_parties(candidates, self._party)  # "X condemned it, as did Y": Y condemned it too
        mark_issued(analysis, section_doc, candidates, self.lexicon, self.linker, self.light)
        self._govern(candidates)
        had_to_do_with(candidates)  # "denied that X had anything to do with the attack"
        judged_by_relatives(candidates)  # "a raid that X condemned": aimed at the raiders
        judged_by_speakers(candidates)  # "said the raid was illegal": aimed at the raiders
        authors_of_things(candidates)
        mediated(candidates)
        kept_open(candidates)
        one_toll(candidates)
        carry_charges(candidates)
        extra = self._intentions(candidates)
        quoted = quotes.in_quote(section_doc.offset)
        for item in found:
            demand = self._demand(item, candidates, quoted) if item.trigger.frame == "modal_demand" else None
            if demand is not None:
                extra.append(demand)
        events: list[Event] = []
        outlet = None
        for candidate in [*candidates.values(), *extra]:
            if candidate.suppressed or candidate.carried:
                continue
            if not self._worth_emitting(candidate, section_doc.section is Section.TITLE):
                continue
            if outlet is None:
                outlet = reporter(analysis, words, section_doc.offset, self.resolver, self.speech) or ""
            events.extend(self._emit(analysis, section_doc, candidate, outlet or None, quotes, events))
        return _unique(events)

    def _candidate(self, found: pat.Found) -> Candidate | None:
        token, trigger = found.token, found.trigger
        if _no_comment(token, trigger.embed is Modality.NEGATED, self.no_comment, self.anonymity):
            return None  # "declined to comment", "asked not to be named", "offered no comment"
        if trigger.type == "PROTEST" and token.pos_ == "NOUN" and token.head.lower_ == "in":
            return None  # "... in protest against X": the purpose of another act, which takes X
        if trigger.type == "ASSAULT" and trigger.pos == "VERB" and self._takes_an_accord(token):
            return None  # "struck a deal", "a deal was struck": the deal is the act, no attack
        if trigger.type == "CONSULT" and trigger.pos == "VERB" and self._meets_a_thing(token):
            return None  # "to meet North Korea's demand", "met the deadline": no one is met
        if trigger.type == "COOPERATE" and trigger.pos == "VERB" and shares_a_place(token):
            return None  # "the two countries share a border": geography, no cooperation
        light_words = self.light
        if trigger.pos == "NOUN" and trigger.type == "AGREE":
            verb = pat.carrier(token).head  # "struck [a deal] with X": the verb that takes the accord
            if verb.pos_ == "VERB" and self._attack_verb(verb) and self._takes_an_accord(verb):
                light_words = self.light | {verb.lemma_.lower(), verb.lower_}
        ended = None
        if trigger.pos == "NOUN" and trigger.type in _ENDED_AS:
            # "scrapped [the agreement]", "withdrew from [the deal]": the ending verb carries the
            # tie's sides, as a light verb does, and the act is the ending, not the tie
            ended = pat.light_verb(pat.carrier(token), self.ending)
            if ended is not None:
                light_words = light_words | {ended.lemma_.lower(), ended.lower_}
        eased = eased_measure(token, self._noun_codes, self.easing) if trigger.pos == "NOUN" else None
        if eased is not None:  # "the sanctions on Sudan were lifted": the lifting is the act
            light_words = light_words | {eased[1].lemma_.lower(), eased[1].lower_}
        delivered = delivering_verb(token, self.speech) if trigger.type == "PROTEST" else None
        if delivered is not None:  # "[the embassy] conveyed a strong protest": a protest in words
            light_words = light_words | {delivered.lemma_.lower(), delivered.lower_}
        light = pat.light_verb(pat.carrier(token), light_words) if trigger.pos == "NOUN" else None
        light = eased[1] if eased is not None else light
        if trigger.pos == "NOUN":
            source, targets = pat.noun_arguments(found, light_words, self.linker.is_event, self._doer)
            if source is None:  # "[police] responded with tear gas", "[the army] is on alert"
                source = clause_doer(token, self._reacts, self._doer)
                targets = [t for t in targets if t != source]
        elif trigger.pos == "ADJ":
            head = token.head if token.dep_ in ("acomp", "attr", "oprd") else token
            source = pat.explicit_subject(head) if head.i != token.i else None
            source = source or pat.inherited_subject(head, self.light)
            targets = []
        else:
            source, targets = pat.verb_arguments(found, self.light)
        further = further_targets(found, trigger.type, self._audience)  # "told [X] it was ready to ..."
        targets = [*targets, *(t for t in further if t not in targets)]
        reading = self.reader.read(token, light)
        type_, cameo = trigger.type, trigger.cameo
        if ended is not None:
            type_, cameo = "SANCTION", _ENDED_AS[trigger.type]
        elif eased is not None:
            type_, cameo = eased[0]
        by_object = sense_by_object(
            token, trigger, self._person, self._noun_types, self._noun_codes, self.ending, self._sectors
        )
        if by_object is not None and ended is None:  # "welcomed the envoy": a visit hosted
            type_, cameo = by_object
        in_words = protest_in_words(token, trigger, self._sectors, self.speech)
        if in_words is not None:  # "the ministry protested the detention": an official complaint
            type_, cameo = in_words
            sender = message_sender(token)  # "[the union] issued a statement protesting ..."
            if sender is not None and (source is None or source.i == token.head.i):
                source = sender
        if held_alone(token, trigger, pat.conjuncts(source)):  # "Belarus began military exercises"
            type_, cameo = SHOW_OF_FORCE
        if orders_out(token):  # "ordered the envoy out": an expulsion, not a demand of the envoy
            type_, cameo = self.lexicon.cameo[EXPULSION].plover, EXPULSION
        if trigger.requires == pat.ABROAD:  # "the minister flew to Seoul": Seoul's state is the host
            host = self._visit_goal(token)
            targets = [host, *(t for t in targets if t is not host)] if host is not None else targets
        if trigger.requires == TRANSFER:  # "shipped wheat to Afghanistan", "received $5m from X"
            source, targets, (type_, cameo) = self._transfer(token, source, targets)
        elif type_ == "MOBILIZE" and trigger.pos == "VERB":  # "sent 400 police officers to Haiti"
            helped = helped_state(token, source, self._country_of)
            if helped is not None:
                (type_, cameo), targets = SECURITY_AID, [helped, *(t for t in targets if t != helped)]
        elif trigger.frame == "intent" and trigger.pos == "VERB":  # "pledged 1,000 troops to X"
            offered = self._offered(token, targets)
            if offered is not None:
                (type_, cameo), targets = offered
        elif type_ == "THREATEN" and trigger.pos == "VERB" and not targets:
            targets = _warned_against(token)  # "warned of harsh measures [against] protesters"
        told = told_to_act(token) if type_ == "THREATEN" and trigger.pos == "VERB" else None
        if told is not None:  # "warned Seoul to stop ...", "warned that Y must ...": a demand of them
            type_, cameo = "REQUEST", _DEMAND
            addressees = pat.conjuncts(told)
            targets = [*addressees, *(t for t in targets if t not in addressees)]
        return Candidate(
            found, type_, cameo, reading, pat.conjuncts(source), targets, light, weight=trigger.weight,
        )  # fmt: skip

    def _visit_goal(self, trigger: Token) -> Token | None:
        """The host a verb or noun of travelling visits, if it is a visit (:mod:`.visits`)."""
        return visits_abroad(trigger, self.light, self._sectors, self.resolver.kb, _entity_text)

    def _arrival(self, trigger: Token) -> bool:
        """Whether an arrival may be a visit: by no one known to be other than a state's agent."""
        return official_arrival(trigger, self.light, self._sectors)

    def _gives(self, verb: Token) -> bool:
        """Whether a transfer verb gives a thing one gives as aid (:mod:`.transfers`)."""
        return self.goods.given(verb) is not None

    def _transfer(
        self, verb: Token, source: Token | None, targets: list[Token]
    ) -> tuple[Token | None, list[Token], tuple[str, str]]:
        """The sides and sense of a transfer: the recipient first among the targets; a verb
        of receiving turns the sides round ("Bolivia received $100 million from Washington")."""
        given = self.goods.given(verb)
        thing, sense = given if given is not None else (None, ("AID", "070"))
        if verb.lemma_.lower() in RECEIVING:
            return giver(verb, thing), [source] if source is not None else [], sense
        if verb.lemma_.lower() in ARRIVING:  # "China's first consignment of relief reached Manila"
            return giver(verb, thing), recipients(verb, thing), sense
        found = recipients(verb, thing)
        rest = [t for t in targets if t not in found and t != thing]
        return source, [*found, *rest], sense

    def _offered(self, verb: Token, targets: list[Token]) -> tuple[tuple[str, str], list[Token]] | None:
        """What a verb of intention ("pledged", "promised", "offered", "vowed") states by a
        noun object, when the noun is no act the lexicon knows (that one types it through
        :meth:`_intend`): a thing one gives as aid, or forces counted out ("pledged $60
        million", "promised 1,000 troops to X"), is an offer of help (AGREE 033) to whom it
        goes ("to"/"for" X), never to the thing itself; a course aimed "against" someone
        ("promised a hard line against X", "vowed tough measures against X") is a threat
        (THREATEN 130) to them (coding rule 5: the intention carries the act)."""
        thing = pat.child(verb, ("dobj",))
        done = pat.child(verb, ("xcomp",))
        if thing is None and done is not None and pat.is_light(done, self.light):
            thing = pat.child(done, ("dobj",))  # "vowed to take measures against X": the light verb's noun
        if thing is None or self._noun_types(thing):
            return None
        if self.goods.sense(thing) is not None or self._forces(thing):
            found = recipients(verb, thing)
            code = self.lexicon.intent_code("AID", "agree") or "033"
            return ("AGREE", code), [*found, *(t for t in targets if t not in found and t != thing)]
        aimed = _aimed_at(thing)
        if aimed:
            return ("THREATEN", "130"), [*aimed, *(t for t in targets if t not in aimed and t != thing)]
        return None

    def _forces(self, noun: Token) -> bool:
        """Forces counted out as what is given: "1,000 troops", "400 police officers"."""
        counted = any(c.dep_ == "nummod" for c in noun.children)
        return counted and bool(self._sectors(noun) & STATE_FORCES)

    def _country_of(self, word: Token) -> str | None:
        """The country a place or party word names ("Haiti", "South Sudan", "Kenyan")."""
        return self.resolver.kb.country_of_word(entity_name(word).text)

    def _meets_a_thing(self, verb: Token) -> bool:
        """Whether "meet" takes a thing, not someone, as its object ("meet the demand", "met
        the deadline", "meet the needs of refugees"): a common noun no role of the knowledge
        base names, with no name, role or "of" phrase to say who it is."""
        obj = pat.child(verb, ("dobj",)) if verb.lemma_.lower() == "meet" else None
        if obj is None or obj.pos_ != "NOUN" or obj.ent_type_:
            return False
        kb = self.resolver.kb
        if any(kb.role(form) is not None for form in (obj.lower_, obj.lemma_.lower())):
            return False  # "met his counterpart", "met officials", "met the students"
        named = (c for c in obj.children if c.dep_ != "poss")  # "the heads of state", "party delegates"
        return not any(c.dep_ in ("compound", "prep") or c.ent_type_ for c in named)

    def _attack_verb(self, verb: Token) -> bool:
        return any(r.type == "ASSAULT" and r.pos == "VERB" for r in self.lexicon.candidates(verb))

    def _takes_an_accord(self, verb: Token) -> bool:
        """Whether a verb of attack takes as its object an accord the lexicon lists ("struck
        a deal", "a deal was struck"): no attack lands on a deal; the verb is a light verb
        for it (the deal's parties are the verb's)."""
        obj = pat.child(verb, ("dobj", "nsubjpass"))
        if obj is None and verb.dep_ == "acl":  # "a deal [struck] between X and Y": the noun it describes
            obj = verb.head
        rows = self.lexicon.candidates(obj) if obj is not None and obj.pos_ == "NOUN" else []
        return bool(rows) and all(r.type == "AGREE" for r in rows)

    def _sectors(self, word: Token) -> frozenset[str]:
        """The sectors a trigger's argument names, for rows whose sense depends on them: a
        group noun ("dock workers", "the teachers' union") by its role, a name ("the
        Supreme Court", "Hamas") by its record."""
        kb = self.resolver.kb
        found: set[str] = set()
        for form in (word.lower_, word.lemma_.lower(), *(f"{c.lower_} {word.lower_}" for c in word.lefts)):
            role = kb.role(form)
            if role is not None and role.sector:
                found.add(role.sector)
        if not found:  # "the teachers' union": a group named by its members
            for c in word.lefts:
                role = kb.role(c.lower_) if c.dep_ in ("poss", "compound") else None
                if role is not None and role.sector:
                    found.add(role.sector)
        if word.pos_ == "PROPN":
            name = [*(c for c in word.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), word]
            match = kb.lookup(" ".join(t.text for t in name), fuzzy=False)
            if match is not None:
                found.update(match.record.sectors, match.sectors)
        return frozenset(found)

    def _person(self, word: Token) -> bool:
        """Whether a word names one person: a name, or a singular role ("the ambassador")."""
        if word.ent_type_ == "PERSON":
            return True
        return word.tag_ == "NN" and self.resolver.kb.role(word.lemma_.lower()) is not None

    def _noun_rows(self, word: Token) -> list[Trigger]:
        """The lexicon's rows for a noun whose other words it has ("law" alone is no "martial law")."""
        near = {form for c in word.children for form in (c.lower_, c.lemma_.lower())}
        return [row for row in self.lexicon.candidates(word) if all(w in near for w in row.others)]

    def _noun_types(self, word: Token) -> frozenset[str]:
        return frozenset(row.type for row in self._noun_rows(word))

    def _noun_codes(self, word: Token) -> frozenset[str]:
        return frozenset(row.cameo or "" for row in self._noun_rows(word))

    def _audience(self, word: Token) -> bool:
        """Whether a word names the press a statement is told to ("told reporters")."""
        role = self.resolver.kb.role(word.lower_)
        return role is not None and role.sector == "MED"

    def _govern(self, candidates: dict[int, Candidate]) -> None:
        """Embedded triggers take their governor's complement modality; intentions take a type."""
        stating = {i for i, c in candidates.items() if _states_an_act(c)}
        for candidate in candidates.values():
            head, nominal = governor_of(candidate.token, candidates, stating)
            if head is None:
                continue
            governor = candidates[head.i]
            if governor.trigger.requires == TRANSFER and candidate.type == "AID":
                candidate.suppressed = True  # "announced $30 million in [aid] for X": the giving is the act
                continue
            # a light verb of its noun ("launched attacks", "cancelled the talks") is no act of its own
            carries_it = candidate.light is not None and candidate.light.i == head.i
            light_verb = not governor.trigger.others and (pat.is_light(head, self.light) or carries_it)
            light_verb = light_verb and governor.trigger.requires != pat.NAMING  # "called the arrest illegal"
            # a noun that only sets the scene is carried by no verb: "took the town [after days of
            # fighting]", "imposed a curfew [during the protests]" are the taking and the curfew
            light_verb = light_verb and not (pat.in_setting(candidate.token) and not carries_it)
            if nominal and governor.trigger.embed is None and light_verb:
                governor.suppressed = True  # "gave a warm welcome": the welcome is the event
                candidate.light = candidate.light or head
                if not carries_it:
                    continue
                # the verb that carries it is governed in its stead, as if it were no trigger:
                # "refused to [withdraw] from the treaty" is a refusal of the withdrawal
                head, nominal = governor_of(head, candidates, stating)
                if head is None:
                    continue
                governor = candidates[head.i]
            if (nominal and _means(governor, candidate)) or _done_by(governor, candidate):
                governor.suppressed = True  # "hit X with sanctions": the sanctions are the act
                candidate.light = candidate.light or head
                candidate.sources = candidate.sources or list(governor.sources)
                candidate.targets = candidate.targets or list(governor.targets)
                continue
            if nominal and candidate.type in _ACTS_OF_THEIR_OWN and pat.in_setting(candidate.token):
                continue  # "after talks, X and Y agreed": the talks set the scene, not what was agreed
            candidate.governed, candidate.nominal = True, nominal
            candidate.governor, governor.complement = governor, candidate
            if _commands_its_own(governor, candidate, nominal, self._sectors):
                governor.suppressed = True  # "ordered the arrest of X": the arrest, by who ordered it
                candidate.carried = False
                candidate.sources = list(governor.sources) or candidate.sources
                continue
            embed = governor.trigger.embed
            # "threatened to [drive it out]", "accused X of [working together]", "called for
            # [sanctions]", "agreed to [withdraw]": one act, coded as the threat, accusation,
            # demand or promise that states it (docs/ontology.md, coding rules 5 and 6)
            intends = governor.trigger.frame == "intent" or (_promise(governor) and not nominal)
            candidate.carried = embed is not None or intends
            if nominal and _topic_only(candidate, governor):
                candidate.suppressed = True  # "opposes its truce": the truce is what is opposed
            judged = nominal and governor.type in JUDGES_THE_DOER  # aimed at the act's doer
            if judged:
                # the doer is told elsewhere, if at all (not in "a deal between X and Y")
                unsaid = not candidate.sources and not is_between(candidate.targets)
                if not candidate.sources and pat.carrier(candidate.token).lemma_.lower() in DECISIONS:
                    author = decision_author(pat.carrier(candidate.token))  # "the decree by the junta"
                    candidate.sources, unsaid = pat.conjuncts(author), unsaid and author is None
                if unsaid and judged_phrase(pat.carrier(candidate.token), governor):
                    governor.judged = candidate.found
                governor.targets = doers_for_act(governor.targets, candidate)
            if embed is Modality.ALLEGED and not governor.sources and not nominal:
                candidate.reading.alleged = True  # "Hamas is accused of firing": no accuser, the
                candidate.carried = False  # act itself is what is reported, as alleged
                governor.suppressed = True
                continue
            blamed = _blamed_doers(governor, candidate) if nominal and embed is Modality.ALLEGED else []
            if blamed:  # "X is blamed for the attack", "the attack was blamed on X": X's act, alleged
                candidate.reading.alleged = True
                candidate.sources, candidate.carried = blamed, False
                governor.suppressed = True
                continue
            if governor.trigger.frame == "deny" and _share_in(candidate, self.shares):
                # "denied any role in the attack", "denied responsibility for the bombing": the
                # act, negated, by the one who denies a part in it (coding rule 7)
                candidate.reading.negated = True
                candidate.carried = False
                candidate.sources = list(governor.sources) or candidate.sources
                governor.suppressed = True
                continue
            failed_attack = governor.trigger.frame == "fail" and candidate.type in HOSTILE
            if (governor.trigger.frame == "deny" or failed_attack) and not nominal:
                candidate.reading.negated = True
                candidate.carried = False  # "denied attacking": the attack, negated
                governor.suppressed = True
                continue
            if not nominal or embed in (Modality.THREATENED, Modality.HYPOTHETICAL):
                candidate.reading.apply(embed)
            if intends:
                self._intend(governor, candidate)
            # "threatened [attacks]", "called for [protests]": the stated act is the speaker's;
            # "dispersed a [rally]", "condemned the [killing]": the act done to or said of an
            # event (its object) is not the event's doer; "jailed X [on allegations of]
            # treason", "killed [in] an attack": the act it rests on is the doer's own
            done_to = nominal and pat.carrier(candidate.token).dep_ in ("dobj", "nsubjpass")
            own_act = not done_to or embed is not None or intends
            own_act = own_act and not judged  # "raised the alarm over the [detention]": another's act
            setting = pat.in_setting(candidate.token)
            if not candidate.sources and own_act and not setting:
                candidate.sources = list(governor.sources)
            if not governor.targets and not judged and not setting:  # judged: not whom it was done to
                own_subject = candidate.token.dep_ == "ccomp" or for_clause(
                    candidate.token
                )  # "that [X] withdraw"
                others = [s for s in candidate.sources if s not in governor.sources] if own_subject else []
                governor.targets = others or list(candidate.targets)
            if done_to and not setting and refers_to_act(governor, candidate):
                # "dispersed the rally": aimed at its crowd, named before; the act is no actor
                governor.judged = candidate.found
                governor.targets = [t for t in governor.targets if t != pat.carrier(candidate.token)]

    def _intend(self, governor: Candidate, intended: Candidate) -> None:
        stance = self._stance(intended, [*intended.targets, *governor.targets])  # "pledged support [to X]"
        if stance is None:
            return
        governor.type, default = _STANCE_TYPE[stance]
        governor.cameo = self.lexicon.intent_code(intended.type, stance) or default

    @staticmethod
    def _stance(intended: Candidate, targets: list[Token]) -> str | None:
        if intended.type == "SUPPORT" and not intended.reading.negated and _backs_a_party(targets):
            # "pledged its support to X", "we will back you": the backing is stated; backing
            # a thing ("will support the resolution", "recovery efforts") is a promise (AGREE)
            return "support"
        if intended.type in COOPERATIVE:
            return "reject" if intended.reading.negated else "agree"
        if intended.type in HOSTILE and not intended.reading.negated:
            return "threaten"
        return None

    def _intentions(self, candidates: dict[int, Candidate]) -> list[Candidate]:
        """ "We will uproot ...", "X would strike ...": the stated intention as its own event."""
        out = []
        for candidate in candidates.values():
            reading = candidate.reading
            if candidate.governed or not candidate.sources or reading.condition or reading.prevented:
                continue
            if reading.unable and candidate.type not in _WILLED:
                continue  # "could not meet them" refuses nothing; "cannot accept the plan" does
            if withheld_obstruction(candidate.token, candidate.light) and own_intention(candidate.token):
                # "Berlin would not block Poland": consent, not a refusal of blocking, nor no act
                out.append(self._stated(candidate, "agree"))
                continue
            refused = reading.negated and candidate.type in COOPERATIVE  # "did not accept", "will not meet"
            if refused and candidate.type not in _WILLED and told_as_past(candidate.token, candidate.light):
                continue  # "had not pulled out", "did not meet them": the act did not happen, nothing refused
            stated = candidate.type not in SPEECH_ACTS and reading.modal and own_intention(candidate.token)
            stated = stated and not goes_on(candidate.token, candidate.light)  # "will continue talks"
            if not refused and not stated:
                continue
            if stated and not refused and candidate.trigger.requires == pat.ABROAD:
                # "the president would travel to Guinea": a planned journey abroad is the visit
                # itself, not yet done (coding rule 7); "will visit" names the meeting, and its
                # intent stays the intent to meet (AGREE 036), as the GSR codes it
                continue
            stance = self._stance(candidate, candidate.targets)
            if stance is None:
                continue
            if stance == "threaten" and announced_measure(candidate.type, candidate.token, candidate.light):
                continue  # "Moscow will expel 60 diplomats": the decision announced is the act
            out.append(self._stated(candidate, stance))
        return out

    def _stated(self, candidate: Candidate, stance: str) -> Candidate:
        """The stance a stated intention takes, as its own event, which carries the act: the
        negation or modal that made the stance is spent on it, so the event is told as actual
        (or alleged)."""
        type_, default = _STANCE_TYPE[stance]
        cameo = self.lexicon.intent_code(candidate.type, stance) or default
        derived = Candidate(
            candidate.found, type_, cameo, Reading(alleged=candidate.reading.alleged), candidate.sources,
            candidate.targets, candidate.light, weight=candidate.weight,
        )  # fmt: skip
        candidate.governed = candidate.carried = True  # "We will uproot ...": the threat states it
        return derived

    def _demand(
        self, found: pat.Found, candidates: dict[int, Candidate], quoted: Callable[[Token], bool]
    ) -> Candidate | None:
        """ "X said/declared that Y must ...": X demands of Y ("Y must have helped": a guess).
        A main clause of a direct quote ('"Y must stop," ...', a quote's later sentence) is
        its speaker's demand (``Candidate.by_speaker``), unless the speaker binds themself
        ("we must ...").  A semi-modal heads its clause and governs the act as an infinitive
        ("Y ought to leave", "Y needs to explain"); a modal before its subject opens a
        condition, no demand ("should the army attack, ...")."""
        clause = _obliging_clause(found.token)
        if clause is None or modal_perfect(clause):
            return None
        target = pat.child(clause, ("nsubj", "nsubjpass"))
        if first_person(target):
            return None  # '"We must stay united," X said': the speaker binds themself, asks no one
        if found.token.lemma_.lower() in _ADVISORY and not self._party(target):
            return None  # "said the talks should aim at ...", "it should be noted": no one is asked
        current, source = clause, None
        if clause.dep_ == "conj":  # "..., and the students must help": the first clause's governor
            current = clause.head
        while current.dep_ in ("ccomp", "advcl", "acl") and source is None:
            current = current.head
            source = pat.explicit_subject(current) or pat.inherited_subject(current, self.light)
        if source is None and target is not None and _speakers_demand(clause, current, quoted):
            act = _obliged_act(clause)
            if act.i in candidates:
                candidates[act.i].governed = candidates[act.i].carried = True
                candidates[act.i].reading.hypothetical = True
            item = pat.Found(clause, found.trigger, (found.token, act))
            demand = Candidate(
                item, "REQUEST", found.trigger.cameo, Reading(), [], pat.conjuncts(target),
                weight=found.trigger.weight, anchor=clause,
            )  # fmt: skip
            demand.by_speaker = True
            return demand
        if source is None or target is None:
            return None
        if current.i in candidates and candidates[current.i].type == "REQUEST":
            return None  # "urged that Y must ...", "warned that Y must ...": the verb states the demand
        act = _obliged_act(clause)
        if act.i in candidates:
            candidates[act.i].governed = candidates[act.i].carried = True
            candidates[act.i].reading.hypothetical = True
        reading = self.reader.read(current)
        item = pat.Found(clause, found.trigger, (found.token, act))
        return Candidate(
            item, "REQUEST", found.trigger.cameo, reading, pat.conjuncts(source), pat.conjuncts(target),
            weight=found.trigger.weight, anchor=current,
        )  # fmt: skip

    def _worth_emitting(self, candidate: Candidate, title: bool = False) -> bool:
        if candidate.reading.unrealised:
            return False  # "should the army attack, ...", "could not evacuate them": no act told
        if candidate.reading.habitual and candidate.type not in SPEECH_ACTS:
            return False  # "police often detain activists": a habit, no specific act (coding rule 1)
        if not candidate.issued and describes_actor(candidate.token, candidate.type):
            return False
        if any(t.lemma_.lower() in _NO_AGENT for t in candidate.sources):
            return False  # "an earthquake killed 2,000 people": no one did it (coding rule 8)
        if candidate.trigger.frame == "fail" and failed_other_act(candidate):
            return False  # "failed to reach them for comment": no refusal of anything
        if candidate.type == "REQUEST" and candidate.trigger.pos == "VERB" and _told_as_fact(candidate.token):
            return False  # "insisted that the rebels were behind it": a claim, nothing asked
        if candidate.trigger.mode == "release" and _published(candidate.token):
            return False  # "released figures", "a video released by X": no one set free
        if candidate.trigger.pos != "NOUN":
            return True
        if candidate.sources or candidate.targets or candidate.light is not None:
            return True
        candidate.open = _open_sides(candidate, title)  # "the talks": the discourse may name the parties
        # "called for sanctions", "threatened further action"
        return candidate.open or candidate.reading.hypothetical or candidate.reading.future

    def _doer(self, word: Token) -> bool:
        """A common noun that names people who can act, as a role of the knowledge base does
        ("police", "army", "rebel", "student"): the doer of an act noun it modifies."""
        return word.pos_ == "NOUN" and self.resolver.kb.role(word.lower_) is not None

    def _reacts(self, verb: Token) -> bool:
        """Whether a verb is an act of its own on what it takes: an event word or a verb of saying."""
        if verb.lemma_.lower() in self.speech:
            return True
        return any(not row.others for row in self.lexicon.candidates(verb))  # a phrase's head is not one

    def _party(self, noun: Token | None) -> bool:
        """Whether a subject can be asked to act: a name, a personal pronoun ("they", not "it"),
        or a noun the knowledge base knows as a role ("the troops", "the authorities")."""
        if noun is None or noun.lower_ in ("it", "there", "this", "that"):
            return False
        if noun.pos_ in ("PROPN", "PRON") or noun.ent_type_ in _PARTY_ENTITIES:
            return True
        return self.resolver.kb.role(noun.lower_) is not None or any(
            c.ent_type_ in _PARTY_ENTITIES and c.dep_ in ("amod", "compound", "poss") for c in noun.children
        )

    def _can_attack(self, token: Token) -> bool:
        return any(trigger.type == "ASSAULT" for trigger in self.lexicon.candidates(token))

    def _with_co_doers(
        self, analysis: Analysis, section_doc: SectionDoc, candidate: Candidate,
        sources: list[Mention | None], quote: int | None,
    ) -> list[Mention | None]:  # fmt: skip
        """The sources with those who act "together with" them, each a doer (coding rule 2):
        "Egypt brokered the truce together with Qatar", not a talk of Egypt's with Qatar."""
        token = candidate.token
        if sources == [None] or not co_doers(token, object_named=False):
            return sources
        own = [t for t in candidate.targets if t.head.lower_ != "with"]  # the act's own objects
        named = bool(self.linker.targets(analysis, section_doc, own, {}))
        beside = [t for co in co_doers(token, object_named=named) for t in pat.conjuncts(co)]
        more = self.linker.sources(analysis, section_doc, token, beside, quote)
        return list(distinct([*(s for s in sources if s is not None), *(m for m in more if m is not None)]))

    def _answers(self, candidate: Candidate) -> str | None:
        """What the trigger answers, if it is a verb of answering or one with "back" ("hit
        back"): "words" when its object is a thing said ("dismissed the claim"), else "act"."""
        verb = candidate.token
        if verb.pos_ != "VERB":
            return None
        back = any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children)
        if not back and verb.lemma_.lower() not in _ANSWER_VERBS:
            return None
        said = pat.child(verb, ("dobj",))
        return "words" if said is not None and said.lemma_.lower() in self.statements else "act"

    # ---------------------------------------------------------------- events
    def _emit(
        self, analysis: Analysis, section_doc: SectionDoc, candidate: Candidate, outlet: str | None,
        quotes: DirectQuotes, told: list[Event] | None = None,
    ) -> list[Event]:  # fmt: skip
        """The candidate's events; ``told``: those its sentence emitted before it."""
        offset = section_doc.offset
        token = candidate.token
        quote = quotes.quote_at(token.idx + offset)
        linker = self.linker
        # "blamed each other", "each side accuses the other"
        reciprocal = to_each_other(candidate.targets, candidate.sources) or traded(candidate)
        mutual = mutual_kind(candidate) or reciprocal
        sources = linker.sources(analysis, section_doc, token, candidate.sources, quote, mutual)
        if candidate.by_speaker:  # the quote's own words: its speaker's act
            speaker = analysis.quotes[quote].speaker if quote is not None else None
            if speaker is None:
                return []
            sources = [speaker]
        elif sources == [None] and len(candidate.sources) == 1:
            said = quotes.speaker_at(candidate.sources[0].idx + offset)
            if said is not None:  # '"...," the statement said': the speaker as the quote resolved it
                sources = [said]
        if len(candidate.sources) == 1 and _unpaired(sources):  # "both sides pledged": the pair of an act
            sources = [*self._pair_told(analysis, section_doc, candidate.sources[0], told or [])] or sources
        # "brokered the truce together with Qatar": Qatar brokered it too; "Kenya together with
        # Rwanda signed a pact": a party to it too, each with the other
        sources = self._with_co_doers(analysis, section_doc, candidate, sources, quote)
        excluded = {m.actor: set(m.sectors) for m in sources if m is not None and m.actor}
        states = own_states(sources)  # "Erdogan warned that [Turkey] ...": his own state, no target
        # the doers' countries own no thing they act on ("Ugandan troops shelled Ugandan villages")
        homes = frozenset(m.country for m in sources if m and m.country and known_actor_id(m.actor))
        # sanctions (CAMEO 163) fall on a government, so "sanctions on Minsk" target Belarus
        physical = done_at_a_place(candidate.type, candidate.cameo)
        targets: list[Mention | None] = [
            *linker.targets(
                analysis, section_doc, candidate.targets, excluded, physical, candidate.type in _OWN, states,
                homes, token, candidate.type in DIRECTIVE, fight_trigger(token) or candidate.type in _MET,
            )
        ]  # fmt: skip
        # "was arrested together with his aides", "was arrested, as were his aides"
        if targets and (alongside := [*companions(token), *candidate.elided]):
            extra = linker.targets(
                analysis, section_doc, alongside, excluded, physical, False, states, homes, token
            )
            targets = list(distinct([*(t for t in targets if t is not None), *extra]))
        if candidate.parties:  # "brokered talks between X and Y": with each side
            sides = [linker.targets(analysis, section_doc, [t], excluded) for t in candidate.parties]
            targets = list(distinct([m for side in sides for m in side])) or targets
        taking, targets = self._taking(analysis, candidate, offset, targets)
        if candidate.targets and _unpaired(targets):  # "talks between the two sides"
            pair = self._pair_told(analysis, section_doc, candidate.targets[0], told or [])
            if pair and not {m.actor for m in pair} & set(excluded):
                targets = [*pair]
        if sources == [None] and len(targets) > 1 and is_between(candidate.targets):
            # "talks between X and Y", "a truce between them": each with the other (coding rule 2)
            sources, targets, reciprocal = targets[:1], targets[1:2], True
        nearby = False
        if (
            not candidate.sources
            and not candidate.targets
            and candidate.trigger.pos == "VERB"
            and not _venue_only(candidate)
        ):
            sources, targets = self._nearby(analysis, section_doc, token)  # the parse found no arguments
            nearby = sources != [None] or bool(targets)
        reported_by = analysis.quotes[quote].reported_by if quote is not None else outlet
        sources, reported_by = linker.outlets_report(candidate.type, sources, reported_by)
        open_sides = candidate.open and sources == [None] and not targets
        if sources == [None] and not targets and not open_sides and candidate.sources:
            # no one on either side: a pronoun further back, a description of people ("the caller")
            sources = linker.sources(
                analysis, section_doc, token, candidate.sources, quote, mutual, rescue=True
            )
            sources, reported_by = linker.outlets_report(candidate.type, sources, reported_by)
        if sources == [None] and not targets and not open_sides:
            return []  # no actor on either side: not an event (coding rule 3)
        keep = [*candidate.sources[:1], *candidate.targets[:1]]
        clause = pat.said_evidence_bounds(candidate.found)  # a blame said: its clause
        start, end = clause or pat.evidence_bounds(candidate.found, keep)
        for elliptic in candidate.elliptic:  # "..., as were two others": the words that name them too
            edge = elliptic.right_edge
            start, end = min(start, elliptic.left_edge.idx), max(end, edge.idx + len(edge))
        evidence = Span(analysis.article.text[start + offset : end + offset], start + offset, end + offset)
        trigger_span = _span(analysis, candidate.found, offset)
        events = []
        party = names_a_party(candidate.targets, self.linker.is_event)
        if not any(targets) and pair_named_as_one(candidate.sources, sources):
            reciprocal = True  # "the two sides pledged to improve ties", "neither side pulled back"
        itself = _among_itself(candidate, sources, targets)
        if itself is not None:  # "rival gangs attacked each other": the group, at its own members
            targets, reciprocal = [itself], False
        pairs = actor_pairs(candidate, sources[:_MAX_PAIRS], targets[:_MAX_PAIRS], reciprocal, party)
        pairs = pairs[:1] if itself is not None else pairs
        signals = _signals(candidate, len(pairs))
        signals["nearby_actors"] = float(nearby)
        signals["mutual"] = float(any(t is not None and t in sources for _, t in pairs))
        signals["mediation"] = float(bool(candidate.parties))  # not a party to the act (implicit_args)
        act, thing = candidate.judged, candidate.thing
        judged = JudgedAct(act.trigger.type, _span(analysis, act, offset)) if act is not None else None
        if thing is not None:  # a decision: made by any act, the one told with its word first
            at = thing.idx + offset
            judged = JudgedAct("", Span(analysis.article.text[at : at + len(thing)], at, at + len(thing)))
        answers = self._answers(candidate)
        for source, target in pairs:
            confidence = self._confidence(candidate, source, target, section_doc.section)
            type_, cameo = self._taken_by(analysis, candidate, taking, source, target)
            events.append(
                Event(
                    type=type_, cameo=cameo, evidence=evidence, trigger=trigger_span,
                    source=source, target=target, modality=candidate.reading.modality(),
                    alleged=candidate.reading.alleged, confidence=confidence,
                    reported_by=reported_by, quote=quote, section=section_doc.section,
                    signals=dict(signals), judged=judged if target is None else None,
                    answers=answers if target is None else None,
                    open_sides=open_sides,
                )
            )  # fmt: skip
        return events

    def _pair_told(
        self, analysis: Analysis, section_doc: SectionDoc, token: Token, told: list[Event]
    ) -> list[Mention]:
        """The two parties a collective phrase ("the two sides", "each side") names when the
        resolver found none: those of the nearest act told between two actors
        (:mod:`.discourse_pairs`)."""
        noun = pair_noun(token)
        if noun is None:
            return []
        acts = chain(reversed(told), reversed(analysis.events))
        pair = discourse_pair(acts, token.idx + section_doc.offset, noun, title_events(analysis.events))
        if not pair:
            return []
        start, end = (section_doc.offset + i for i in pat.phrase_bounds(token))
        return named_as(pair, analysis.article.text[start:end], start, end)

    def _taking(
        self, analysis: Analysis, candidate: Candidate, offset: int, targets: list[Mention | None]
    ) -> tuple[str | None, list[Mention | None]]:
        """What a verb of taking takes ("place", "people", else None) and the targets left:
        a place taken is where it happened, not a target."""
        token = candidate.token
        lemma = candidate.trigger.head  # the lexicon's verb: "recaptured" takes as "capture" does
        # "held three protesters", "took the town": the rows of general verbs that take or keep
        general = candidate.trigger.requires in (pat.HELD, pat.GROUND)
        verb = token.pos_ == "VERB" and (general or lemma in takes.TAKING_VERBS)
        obj = takes.taken(token) if verb else None
        if obj is None:
            return None, targets
        at = obj.idx + offset
        mention = next((m for m in targets if m is not None and m.start <= at < m.end), None)
        if takes.is_place(obj) and lemma not in takes.KEEPING_VERBS:
            if candidate.reading.modality() is not Modality.ACTUAL or takes.attempted(token):
                return None, targets  # "failed to capture the airport": fighting, no town held
            return "place", [t for t in targets if t is not mention]
        if lemma not in takes.TAKES_PEOPLE:
            return None, targets
        actor = self.resolver.actor(analysis, mention.actor) if mention is not None else None
        captive = pat.one_of(obj, self.lexicon.cue("captive"))
        role = obj.pos_ == "NOUN" and (captive or bool(self._sectors(obj)))
        if takes.is_people(obj, mention, actor, role):
            return "people", targets
        # "captured a tanker", "captured it": a thing taken is seized, as "seized" reads it
        held = candidate.reading.modality() is Modality.ACTUAL and not takes.attempted(token)
        return ("thing" if held and lemma in takes.TAKING_VERBS else None), targets

    def _taken_by(
        self,
        analysis: Analysis,
        candidate: Candidate,
        taking: str | None,
        source: Mention | None,
        target: Mention | None,
    ) -> tuple[str, str | None]:
        """Occupation of a place; arrest of people by a state's forces, else abduction;
        any other act in the sense its row gives its resolved doer (``sense_by_doer``)."""
        if taking is None:
            return self._sense_of_doer(candidate, source, target)
        if taking == "place":
            return takes.OCCUPATION
        if taking == "thing":
            return takes.SEIZURE
        if source is None and not candidate.sources and candidate.trigger.head in takes.KEEPING_VERBS:
            return takes.ARREST  # "three protesters were held": kept, by no one named
        actor = self.resolver.actor(analysis, source.actor) if source is not None else None
        return takes.ARREST if takes.by_the_state(source, actor) else takes.ABDUCTION

    def _sense_of_doer(
        self, candidate: Candidate, source: Mention | None, target: Mention | None
    ) -> tuple[str, str | None]:
        """The type and code a word has when done by this source, by the kind it is first
        (its first sector): "the police raided" is law enforcement even when only the
        discourse tells that "they" are the police. An attack on a state's or an armed
        group's forces stays one whoever does it ("raids on police outposts")."""
        if candidate.type != candidate.trigger.type or candidate.trigger.requires == TRANSFER:
            return candidate.type, candidate.cameo  # retyped by its frame, or by what it gives
        if source is None or not source.sectors:
            return self._learned_sense(candidate)
        if candidate.type == "ASSAULT" and target is not None and _FORCES & set(target.sectors):
            return candidate.type, candidate.cameo
        row = self.lexicon.sense_by_doer(candidate.token, candidate.trigger, frozenset(source.sectors[:1]))
        return (row.type, row.cameo) if row is not candidate.trigger else (candidate.type, candidate.cameo)

    def _learned_sense(self, candidate: Candidate) -> tuple[str, str | None]:
        """With a doer of no known kind ("officers in plain clothes stormed", "they raided"),
        the sense of the word the trigger model reads more probable in this sentence, among
        those the lexicon lists for it (its own, and those a kind of doer would give)."""
        types = candidate.found.types
        if types is None:
            return candidate.type, candidate.cameo
        best, cameo = candidate.type, candidate.cameo
        for row in self.lexicon.senses_by_doer(candidate.token, candidate.trigger):
            if types.of(row.type) > types.of(best):
                best, cameo = row.type, row.cameo
        return best, cameo

    def _nearby(
        self, analysis: Analysis, section_doc: SectionDoc, token: Token
    ) -> tuple[list[Mention | None], list[Mention | None]]:
        """When the parse gives a verb no arguments at all (a misparse: "Yeltsin on Saturday
        hosted Hashimoto" read as one noun phrase), the closest actor named before it in the
        sentence as source and after it as target; the scorer knows they came this way."""
        sent = token.sent
        low, high = sent.start_char + section_doc.offset, sent.end_char + section_doc.offset
        at = token.idx + section_doc.offset
        hits = [h for h in self.resolver.hits_within(analysis, low, high) if h.kind != "media"]
        before = [h for h in hits if h.end <= at]
        source = before[-1] if before else None
        after = [h for h in hits if h.start > at and (source is None or h.actor != source.actor)]
        target = after[0] if after else None

        def mention(hit: Any) -> Mention:
            return Mention(hit.text, hit.start, hit.end, hit.actor, hit.country, list(hit.sectors))

        return [mention(source) if source else None], [mention(target)] if target else []

    @staticmethod
    def _confidence(
        candidate: Candidate, source: Mention | None, target: Mention | None, section: Section
    ) -> float:
        score = 0.5
        if source is not None:
            score += 0.15 + (0.15 if source.actor else 0.0)
        if target is not None and (target.actor or target.country):
            score += 0.2
        value = candidate.weight * score * _SECTION_FACTOR.get(section, 1.0)
        if candidate.governed:
            value *= 0.6
        if _subordinate(candidate.anchor or candidate.light or candidate.token):
            value *= 0.7  # "to demand ...", "..., where 24 were killed": backdrop to the main event
        if candidate.trigger.pos == "NOUN" and candidate.light is None and not candidate.governed:
            value *= 0.85
        return round(min(0.99, max(0.01, value)), 3)


def _venue_only(candidate: Candidate) -> bool:
    """Whether the parse gave a joint act a venue, if nothing else ("Meeting [in Brussels],
    EU ambassadors approved ..."): it read the clause, so the nearest actors are no misparse's
    lost arguments, and the venue is no party (:func:`pat.venue_act`)."""
    if not pat.venue_act(candidate.type, candidate.cameo):
        return False
    token = candidate.token
    return any(pat.at_venue(token, o) for p in token.children if p.dep_ == "prep" for o in p.children)


_DEPS = frozenset(
    {"ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl", "acl", "dobj", "pobj", "nsubj", "amod", "compound"}
)


_COMPLEMENTS = frozenset({"xcomp", "ccomp", "dobj"})  # the children _no_comment reads


def _no_comment(token: Token, refusal: bool, no_comment: frozenset[str], anonymity: frozenset[str]) -> bool:
    """Whether the trigger's complement is the reporting itself, not an act: a refusal to
    comment ("declined to comment"), a request or refusal to be named ("asked not to be
    named", "asked that his name not be used", "requested anonymity"), or comment as what is
    given or asked for ("offered no comment", "declined a request for comment", "a request
    for comment")."""
    if token.pos_ == "NOUN" and _comment_noun(token, no_comment):
        return True  # "a request for comment"
    complements = (token.doc[i] for i, dep, _ in children(token) if dep in _COMPLEMENTS)
    for c in complements:  # the other children are never built
        if c.dep_ in ("xcomp", "ccomp"):
            if refusal and c.lemma_.lower() in no_comment | anonymity:
                return True
            if pat.is_passive(c) and (  # the asker's own name: "not to be identified"
                c.lemma_.lower() in anonymity
                or any(s.dep_ == "nsubjpass" and s.lemma_.lower() in anonymity for s in c.children)
            ):
                return True
        elif c.dep_ == "dobj" and (_comment_noun(c, no_comment) or c.lemma_.lower() in anonymity):
            return True  # "declined a request for comment", "an official who requested anonymity"
    return False


def _comment_noun(noun: Token, no_comment: frozenset[str]) -> bool:
    """ "comment", "a request for comment" as a noun phrase."""
    if noun.lemma_.lower() in no_comment:
        return True
    return any(
        any(o.dep_ == "pobj" and o.lemma_.lower() in no_comment for o in noun.doc[i].children)
        for i, dep, lower in children(noun)
        if dep == "prep" and lower == "for"
    )


# Causes that are no one's act (coding rule 8: natural disasters and accidents are not
# events): as the subject of "killed", "destroyed", "hit", they leave the act without a doer.
# Not "fire": "tank fire killed three" is an attack.
_NO_AGENT = frozenset({
    "earthquake", "quake", "flood", "flooding", "storm", "cyclone", "hurricane", "typhoon",
    "tornado", "landslide", "mudslide", "avalanche", "tsunami", "drought", "heatwave", "wildfire",
    "blaze", "crash", "accident", "disease", "epidemic", "famine",
})  # fmt: skip


# Things published, not people: "released figures", "a video released by the group".
_PUBLISHED = frozenset({
    "figure", "data", "statistic", "number", "detail", "information", "report", "statement",
    "communique", "video", "footage", "image", "photo", "photograph", "picture", "recording",
    "audio", "tape", "document", "list", "result", "finding", "transcript", "text", "record",
    "estimate", "tally", "toll", "letter", "book", "album", "film", "plan", "budget", "guideline",
    "name", "evidence", "account", "version", "update", "map",
})  # fmt: skip


def _published(verb: Token) -> bool:
    """Whether what a release verb releases is a thing published (its object, its passive
    subject, or the noun it describes: "the figures [released] by the regime")."""
    released: Token | None
    if verb.pos_ != "VERB":  # "the release of the report"
        of = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        released = pat.child(of, ("pobj",)) if of is not None else None
    elif verb.dep_ in ("acl", "relcl") and not pat.child(verb, ("dobj", "nsubjpass")):
        released = verb.head
    else:
        released = pat.child(verb, ("dobj", "nsubjpass"))
    return released is not None and released.lemma_.lower() in _PUBLISHED


_PARTY_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _backs_a_party(targets: list[Token]) -> bool:
    """Whether the backed side is a party (a name, a pronoun, "our Azerbaijani brothers"),
    not a thing such as "a Security Council resolution" or "recovery efforts"."""
    return any(
        t.pos_ in ("PROPN", "PRON") or t.ent_type_ in _PARTY_ENTITIES
        or any(c.ent_type_ == "NORP" and c.dep_ in ("amod", "compound") for c in t.children)
        for t in targets
    )  # fmt: skip


# Verbs of answering: refusing, accepting or retaliating answers an earlier act (a request, a
# claim, an attack), and is aimed at whoever made it even when the clause names no one.
_SAID = frozenset({"speech", "accusation", "demand", "threat"})  # quote cue kinds of things said
_ANSWER_VERBS = frozenset({
    "refuse", "reject", "dismiss", "deny", "decline", "rebuff", "agree", "accept", "retaliate", "respond",
    "reply",
})  # fmt: skip


def _among_itself(
    candidate: Candidate, sources: list[Mention | None], targets: list[Mention | None]
) -> Mention | None:
    """The one group done "each other" or "one another" to by its own members ("the rival
    gangs attacked each other", "villagers threw stones at one another"): its members are
    both sides, so the group is the target as well as the source. Not a pair or list of
    parties, which act on one another (:func:`actor_pairs`)."""
    named = [s for s in sources if s is not None]
    if any(targets) or len(named) != 1 or len(candidate.sources) != 1:
        return None
    if not to_each_other(candidate.targets) or candidate.sources[0].tag_ not in ("NNS", "NNPS"):
        return None
    return named[0].copy()


def _span(analysis: Analysis, found: pat.Found, offset: int) -> Span:
    """The words of a trigger, as a span of the article."""
    first, last = found.tokens[0], found.tokens[-1]
    start, end = first.idx + offset, last.idx + len(last) + offset
    return Span(analysis.article.text[start:end], start, end)


def _commands_its_own(
    governor: Candidate, governed: Candidate, nominal: bool, sectors: Callable[[Token], frozenset[str]]
) -> bool:
    """Whether a verb of command (:mod:`.directives`) orders an act done by the orderer's own
    people, so that the orderer does the act (CAMEO and PLOVER code the act, not a demand):
    "ordered the arrest of X", "ordered that X be suspended", "ordered a mobilisation",
    "ordered its diplomats to leave", "ordered troops to reinforce the border". Ordering
    someone else ("the court ordered Musk to appoint ...") stays a demand of them (REQUEST)."""
    verb = governor.token
    if governor.trigger.pos != "VERB" or not is_command(verb) or pat.is_passive(verb):
        return False
    addressee = pat.child(verb, ("dobj",))
    if nominal or addressee is None or addressee.i == governed.token.i:
        return True
    owner = pat.child(addressee, ("poss",))
    if owner is not None and owner.pos_ == "PRON":  # "its diplomats", "their troops"
        return True
    return governed.type not in SPEECH_ACTS and addresses_own_forces(verb, sectors, STATE_FORCES)


def _signals(candidate: Candidate, pairs: int) -> dict[str, float]:
    """What the pattern looked like, for the event scorer (eventwire/extract/event_scorer.py)."""
    token = candidate.token
    anchor = candidate.anchor or candidate.light or token
    start, end = sentence_range(token.doc, token.i)
    dep = anchor.dep_ if anchor.dep_ in _DEPS else "other"
    return {
        f"pos={candidate.trigger.pos}": 1.0,
        f"dep={dep}": 1.0,
        f"trigger={candidate.trigger.head}": 1.0,
        "lexicon_weight": candidate.trigger.weight,
        "governed": float(candidate.governed),
        "nominal": float(candidate.nominal),
        "light_verb": float(candidate.light is not None),
        "subordinate": float(_subordinate(anchor)),
        "purpose": float(_in_purpose_clause(anchor)),
        "stance": float(candidate.type != candidate.trigger.type),  # typed by what is intended
        "demand": float(candidate.anchor is not None),
        "phrase_words": float(len(candidate.found.tokens)),
        "sentence_tokens": float(end - start),
        "sentence_is_question": float(_is_question(token.doc, start, end)),
        "passive": float(token.pos_ == "VERB" and pat.is_passive(token)),
        "pairs": float(pairs),
        "sources_found": float(len(candidate.sources)),
        "targets_found": float(len(candidate.targets)),
        **trigger_signals(candidate.found.types, candidate.type, candidate.trigger),
    }


# Acts of a crowd or between parties that news often tells as a bare noun, naming the
# participants in another clause: "the student-led demonstrations", "years of negotiations";
# so are fights both sides take part in ("new fighting flared", "a firefight left ... dead").
_OPEN_TYPES = frozenset({"PROTEST", "CONSULT"})
# Acts that set the scene of another act told with them are acts of their own, not its
# content: "after talks, X and Y agreed", "during a meeting in Bangkok, he conveyed ...".
_ACTS_OF_THEIR_OWN = frozenset({"CONSULT"})
_GENERIC_DETS = frozenset({"any", "every", "each", "no", "all"})
_TOPIC_PREPS = frozenset({"on", "about", "over", "for", "toward", "towards", "regarding"})


def _in_infinitive(noun: Token) -> bool:
    """In a "to" clause or with one: a purpose or a plan ("forums to build discussion",
    "protests to come"), not an act; one that sets the scene of the clause ("no willingness to
    resolve the dispute despite months of talks") happened."""
    if any(c.dep_ in ("acl", "relcl") and pat.is_infinitive(c) for c in noun.children):
        return True
    if pat.in_setting(noun):
        return False
    verb = noun.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return False


def _unpaired(mentions: list[Mention | None]) -> bool:
    """Whether linking found fewer than two parties ("both parties" as one unknown group)."""
    return len({m.actor for m in mentions if m is not None and m.actor}) < 2


def _open_sides(candidate: Candidate, title: bool) -> bool:
    """Whether an event noun with no argument in its phrase may still be an event whose
    participants the article names elsewhere (resolve/implicit_args.py): a protest or talks
    noun, or a mutual fight noun ("the clashes"), that is no one's object ("dispersed the
    rally" is the police's act) and not a kind of act rather than one that happened ("any
    protest", "protests are banned")."""
    fight = candidate.type == "ASSAULT" and fight_word(candidate.token)
    if candidate.trigger.pos != "NOUN" or not (candidate.type in _OPEN_TYPES or fight) or candidate.governed:
        return False
    if candidate.reading.hypothetical or candidate.reading.negated:
        return False
    noun = pat.carrier(candidate.token)
    prep = noun.head if noun.dep_ == "pobj" else None
    goal = prep is not None and prep.lower_ == "to" and prep.head.pos_ == "VERB"  # "sent envoys to talks"
    if goal or (prep is not None and prep.lower_ in _TOPIC_PREPS):
        return False  # "a vote on accession talks", "brought them together for talks"
    if fight and prep is not None and prep.lower_ == "of":
        return False  # "fears of fresh fighting", "months of fighting": a measure or a worry, no act told
    return not _generic(noun, title) and not _in_infinitive(noun)


def _generic(noun: Token, title: bool) -> bool:
    """A kind of act: under "any"/"no"/"every", or a bare plural as an argument of a verb in
    the simple present or an infinitive ("protests are banned", "the power to ban rallies");
    a headline's present tells the news ("police break up protests")."""
    if any(c.dep_ == "det" and c.lower_ in _GENERIC_DETS for c in noun.children):
        return True
    bare = noun.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod", "amod") for c in noun.children)
    verb = noun.head
    if (
        title
        or not bare
        or noun.dep_ not in ("nsubj", "nsubjpass", "dobj")
        or verb.pos_ not in ("VERB", "AUX")
    ):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ == "to" for a in auxes):
        return True  # "to ban rallies"
    tags = {verb.tag_, *(a.tag_ for a in auxes)}
    return (
        bool(tags & {"VBZ", "VBP"})
        and not tags & {"VBD", "MD"}
        and not any(a.lemma_ == "have" for a in auxes)
    )


def _in_kicker(token: Token) -> bool:
    """A headline's label before its colon ("Thailand protests: Police use water cannon")
    names the running story, not an act of its own."""
    colon = next((t for t in token.sent if t.text == ":"), None)
    return colon is not None and token.i < colon.i and colon.i - token.sent.start <= 4


def _topic_only(noun: Candidate, governor: Candidate) -> bool:
    """A cooperative state named as the object of another act ("opposes its truce with Israel",
    "welcomed the agreement") is what that act is about, not a new event of its own."""
    return (
        noun.trigger.pos == "NOUN" and noun.type in COOPERATIVE and noun.light is None
        and governor.trigger.frame == "event" and governor.trigger.embed is None
        and governor.type != noun.type and not (noun.reading.hypothetical or noun.reading.future)
    )  # fmt: skip


# Verbs that make a stated act happen: a threat or promise carried out is the act done.
_REALISED = frozenset({"carry", "implement", "fulfil", "fulfill", "execute", "honour", "honor", "keep"})


def _means(verb: Candidate, noun: Candidate) -> bool:
    """An act noun that is the means of a plain act verb done to someone ("hit X [with
    sanctions]", "X was targeted [with tear gas]") names the act more closely than the verb;
    a "with" without an object is a partner ("cooperate with the inquiry"), and a threat or
    charge "with" something states it ("threatened X with sanctions")."""
    carrier = pat.carrier(noun.token)
    prep = carrier.head
    if carrier.dep_ != "pobj" or prep.lower_ != "with" or prep.head != verb.token:
        return False
    if verb.trigger.pos != "VERB" or verb.trigger.embed is not None or verb.trigger.frame != "event":
        return False
    done_to = pat.child(verb.token, ("dobj",)) is not None or pat.is_passive(verb.token)
    return done_to and verb.type != noun.type


def _done_by(verb: Candidate, act: Candidate) -> bool:
    """An act told as the way a plain act verb was done ("retaliated [by imposing tariffs]",
    "responded by expelling two diplomats"): the act names it more closely than the verb,
    as a means does (:func:`_means`)."""
    if verb.trigger.pos != "VERB" or verb.trigger.embed is not None or verb.trigger.frame != "event":
        return False
    doing = act.light if act.light is not None else act.token
    if doing.pos_ != "VERB" or doing.dep_ != "pcomp":
        return False
    prep = doing.head
    return prep.lower_ == "by" and prep.head.i == verb.token.i and verb.type != act.type


def _blamed_doers(accusation: Candidate, act: Candidate) -> list[Token]:
    """Who a passive accusation with no accuser lays a hostile act noun on: its subject or
    its "on" object ("X was blamed for the bombing", "the bombing was blamed on X"), the
    doers of the act, as for "X is accused of firing" (coding rule 6)."""
    if accusation.sources or act.sources or act.type not in HOSTILE or act.type in SPEECH_ACTS:
        return []
    verb = accusation.token
    if verb.pos_ != "VERB" or not pat.is_passive(verb):
        return []
    carrier = pat.carrier(act.token)
    return [t for t in accusation.targets if t != carrier and t not in act.found.tokens]


def had_to_do_with(candidates: dict[int, Candidate]) -> None:
    """An act someone "had nothing to do with", or is denied to have had anything to do with
    ("denied that X had anything to do with the attack"): X's act (the parse already makes it
    so), negated; the denial is then no refusal of its own (coding rule 7)."""
    for act in candidates.values():
        noun = pat.carrier(act.token)
        prep = noun.head
        if act.trigger.pos != "NOUN" or noun.dep_ != "pobj" or prep.lower_ != "with":
            continue
        do, thing = prep.head, prep.head.head
        have = thing.head
        if do.lemma_.lower() != "do" or do.dep_ not in ("relcl", "acl") or thing.dep_ != "dobj":
            continue
        if have.lemma_.lower() != "have" or thing.lower_ not in ("anything", "nothing", "something"):
            continue
        denial = candidates.get(have.head.i) if have.dep_ == "ccomp" else None
        denied = denial is not None and denial.trigger.frame == "deny"
        if thing.lower_ == "nothing" or any(c.dep_ == "neg" for c in have.children) or denied:
            act.reading.negated = True
        if denial is not None and denied:
            denial.suppressed = True


def _share_in(act: Candidate, shares: frozenset[str]) -> bool:
    """Whether an act noun is what a part is taken in: "a role [in] the attack", "responsibility
    [for] the bombing", "involvement [with] the raids" (``share`` cues)."""
    noun = pat.carrier(act.token)
    prep = noun.head
    if act.trigger.pos != "NOUN" or noun.dep_ != "pobj" or prep.lower_ not in ("in", "for", "with"):
        return False
    return prep.dep_ == "prep" and prep.head.lemma_.lower() in shares


def _told_as_fact(verb: Token) -> bool:
    """Whether a demand verb's only clause is told as a fact, in the past or a singular
    present with no modal ("insisted that X was behind the riots", "asked whether X had"),
    not as what should be done ("insisted that he resign", "demanded that X must go")."""
    if any(c.dep_ in ("dobj", "xcomp", "dative") for c in verb.children):
        return False  # "urged them to ...", "demanded the release": something is asked
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    if len(clauses) != 1:
        return False
    clause = clauses[0]
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ == "to" for a in auxes) or obliges(clause):
        return False  # "insisted that X must go", "that X had to go": what should be done
    if any(a.tag_ in ("VBD", "VBZ") for a in auxes):
        return True  # "had been", "is held"
    # a bare past form needs "that" or "whether": "ordered the protest [stopped]" is no claim
    marked = any(c.dep_ == "mark" for c in clause.children)
    return marked and clause.tag_ in ("VBD", "VBZ")


def _aimed_at(noun: Token) -> list[Token]:
    """Whom a course of action is aimed at: the object of its "against" ("a hard line
    [against] troublemakers", "measures [against] Argentina"), or of what it counts by "of"
    ("a range of measures [against] Argentina")."""
    counted = [pat.placed_object(p) for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"]
    found = (
        pat.placed_object(p)
        for n in (noun, *(c for c in counted if c is not None))
        for p in n.children
        if p.dep_ == "prep" and p.lower_ == "against"
    )
    return [obj for obj in found if obj is not None]


def _warned_against(verb: Token) -> list[Token]:
    """Whom a threat told by what it warns of is aimed at: the "against" object of the verb's
    object or "of" object ("warned of harsh measures [against] protesters", "threatened
    tough action [against] the strikers")."""
    things = [pat.child(verb, ("dobj",))]
    things += [pat.placed_object(p) for p in verb.children if p.dep_ == "prep" and p.lower_ == "of"]
    return [obj for thing in things if thing is not None for obj in _aimed_at(thing)]


def _promise(candidate: Candidate) -> bool:
    """A promise noun ("pledge", "promise", "deal"): its infinitive is the act promised,
    which types it as an intention verb's does ("a pledge to back X" backs X)."""
    return candidate.trigger.pos == "NOUN" and candidate.trigger.type == "AGREE"


def _states_an_act(candidate: Candidate) -> bool:
    """A noun that states an act it does not do: a threat, demand, refusal or promise, whose
    infinitive is that act ("its threat to attack"), not the purpose of an act of its own
    ("a raid to free the hostages")."""
    trigger = candidate.trigger
    if trigger.pos != "NOUN" or pat.carrier(candidate.token).head.lemma_.lower() in _REALISED:
        return False  # "carried out its threat to impose sanctions": the sanctions were imposed
    return trigger.embed is not None or trigger.frame == "intent" or _promise(candidate)


def _obliging_clause(modal: Token) -> Token | None:
    """The clause a modal of obligation ("must", "should", "ought to", "need to") binds its
    subject to: the verb it is the auxiliary of, or the semi-modal itself where it heads the
    clause and the act is its infinitive ("Y [ought] to leave", "Y [needs] to explain"); None
    where the modal stands before its subject ("should the army attack": a condition)."""
    if modal.dep_ == "aux":
        subject = pat.child(modal.head, ("nsubj", "nsubjpass"))
        return None if subject is not None and subject.i > modal.i else modal.head
    act = pat.child(modal, ("xcomp",))
    if act is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in act.children):
        return modal.head
    if any(c.dep_ == "auxpass" for c in modal.children):
        return None  # "troops are needed to end the unrest": a purpose, no obligation
    return modal


def _obliged_act(clause: Token) -> Token:
    """The act a clause of obligation demands: its verb, or a semi-modal's infinitive."""
    act = pat.child(clause, ("xcomp",)) if clause.lemma_.lower() in _SEMI_MODALS else None
    return act if act is not None else clause


def _speakers_demand(clause: Token, top: Token, quoted: Callable[[Token], bool]) -> bool:
    """Whether a modal demand is a direct quote's own main clause ('"The shelling must
    stop."', a quote's later sentence): no clause of saying above it, and no question."""
    if top.dep_ != "ROOT" or not quoted(clause):
        return False
    return not _is_question(clause.doc, clause.sent.start, clause.sent.end)


def _is_question(doc: Doc, start: int, end: int) -> bool:
    """Whether the sentence at tokens ``start:end`` ends in a question mark, trailing spaces
    aside: its last words, not its whole text, which spaCy joins token by token."""
    for i in range(end - 1, start - 1, -1):
        text = doc[i].text.rstrip()
        if text:
            return text.endswith("?")
    return False


def _subordinate(token: Token) -> bool:
    """In an adverbial, relative or participle clause: "to demand ...", "where 24 were killed".
    Walks the Doc's head indices up to the root (a root is its own head)."""
    up, deps = heads(token.doc), columns(token.doc).dep  # labels as ids: no Token per step
    i = token.i
    for _ in range(10):
        if deps[i] in _SUBORDINATE_IDS:
            return True
        if up[i] == i:
            return False
        i = up[i]
    return False


def _in_purpose_clause(token: Token) -> bool:
    """In an infinitive clause of purpose: "troops moved in to disperse the crowd", "he flew
    to Juba to meet Kiir", "summoned the envoy (in order) to protest". The act is what the
    doer of the main clause meant to do, told as its aim: often not done, or done in another
    sentence that tells it as an act. A noun trigger counts by the verb that governs it
    ("travelled to hold talks")."""
    verb = token
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VB":
        return False
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)


def _unique(events: list[Event]) -> list[Event]:
    seen: set[tuple] = set()
    out = []
    for event in events:
        key = (
            event.type, event.trigger.start, event.modality,
            event.source.actor if event.source else None, event.target.actor if event.target else None,
            event.source.start if event.source else None, event.target.start if event.target else None,
        )  # fmt: skip
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out
