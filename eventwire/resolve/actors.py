"""Actors: who the article names, resolved to the knowledge base, and a linker for other stages.

Reads ``docs`` (the spaCy entities and tokens of every section); writes ``actors``: one
:class:`~eventwire.models.Actor` per actor named in the title or body, known or not,
with every mention's :class:`~eventwire.models.Span`. Ids: the KB id for organisations
(``isis``), ``country:<ISO3>`` for countries (also reached through demonyms and capitals),
``person:<slug>`` for people, ``unk:<slug>`` for other unknowns. How mentions are found
is in :mod:`eventwire.resolve.mentions`; the knowledge base is :mod:`eventwire.resolve.kb`.

API for other stages (events, quotes)::

    resolver = resolver_for(config)            # one per process and KB, shared by stages
    mention = resolver.link(analysis, start, end, head=None, exclude=(), register=False)
    mentions = resolver.link_all(analysis, start, end, ...)   # "the two groups" -> two

``link`` takes character offsets into ``Article.text`` (any section, captions included)
and returns a :class:`~eventwire.models.Mention` whose ``text``/``start``/``end`` are the
span given and whose ``actor``, ``country`` and ``sectors`` say who it is:

1. an actor mention inside the span, preferring the one covering ``head`` (the offset of
   the phrase's head word; for a quantity, the people it counts: "dozens of [gunmen]"),
   then known actors; a group word around an organisation
   means that organisation ("extremists loyal to ISIS" -> isis);
   but the head word decides what the phrase is: a place ("Kryvyi Rig, the home city of
   President X", "the capital of X") is no actor, and people named by their tie to someone
   ("critics of X", "X's lawyers", "supporters of X" for a person or a country) are an
   unknown group, never X;
2. else a pronoun or a definite description ("it", "they", "the group", "the
   government") takes the nearest compatible actor before it in the same or the
   previous sentence, other than those in ``exclude``; "the president" takes the person
   named with that title before ("President X", or "X, the southern governor" in
   apposition) who was mentioned last; "the tribunal", "the judges" take the one known
   body of the role's sector named in the three paragraphs before (a court); "the two groups" or
   "both sides" take the last pair named together ("Hamas and ISIS"); "the insurgents"
   never take a state's forces;
3. else a bare role noun of an armed kind is the article's only actor of that kind
   ("militants" in a story of one armed group, "troops" where one state's forces are
   named; :mod:`eventwire.resolve.groups`);
4. else a role phrase ("security forces", "protesters in Gaza") is an unknown actor
   with the role's sector and the country its words name, named by its role without
   the count ("some 4,000 demonstrators" is ``unk:protesters``); anything else has
   ``actor=None`` and a country guess only. ``register=True`` adds such unknown actors
   to ``analysis.actors``. ``ActorStage.link`` is the same method.

A country actor named with a role noun keeps the role as the mention's sector: "the
Israeli government", "security forces in Kenya" are ``country:ISR``/``country:KEN`` with
GOV/COP in ``Mention.sectors``; a group that is not the state ("the Kenyan opposition") is an
unknown group with the country (``unk:opposition``, KEN, OPP; see
:mod:`eventwire.resolve.mentions`). A plural demonym heading the phrase, counted or not
("thousands of Syrians", "all Mozambicans", tagged by NER or not), is the country's people:
the country with the CVL sector, another party than its government; "the Iranians" with
no count stays the state, as news names a government by its people.

Best country guesses, in order: the words of the phrase (a country, demonym, capital,
region or city: "Darfur rebels"), a possessive or "in <place>" around it ("the Ivory
Coast's Supreme Court", "opposition parties in Nepal"), and, for unknown people with a
title and unnamed groups ("President X", "police"), the country the article names most
(``guess_country``): a guess, right more often than not.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from eventwire.config import PipelineConfig
from eventwire.extract.span_index import SpanIndex
from eventwire.models import UNKNOWN_ACTOR_PREFIX, Actor, Analysis, Mention, Quote, Section, Span
from eventwire.nlp.bounds import sentence_range
from eventwire.nlp.columns import columns, ids
from eventwire.nlp.parse import token_at
from eventwire.resolve.groups import (
    GENERIC_PEOPLE,
    PARTITIVE,
    STATE_FORCES,
    Forces,
    counted,
    fits_force,
    force_of,
    forces_in_reach,
    group_name,
    partitive_of,
    specified_people,
    without_quantity,
)
from eventwire.resolve.hints import PLACE_LABELS, PLACE_NOUNS, CountryHints
from eventwire.resolve.kb import KBRecord, KnowledgeBase, Role, load_knowledge_base, normalise, slug
from eventwire.resolve.mentions import AliasIndex, Hit, HitSpans, MentionFinder
from eventwire.resolve.people import common_words, surname_mentions, unify_people
from eventwire.resolve.pronouns import agrees, bracketed, governing, in_other_clause

if TYPE_CHECKING:
    from spacy.tokens import Token

ACTOR_SECTIONS = (Section.TITLE, Section.BODY)
_CACHE_SIZE = 256  # articles whose mentions are kept for linking (a few batches)
(_ACCORDING_ID,) = ids(("according",))  # the lower-case form, as a column holds it
_PERSONAL = {"he": "person", "him": "person", "his": "person", "she": "person", "her": "person"}
_NONPERSONAL = {"it": "thing", "its": "thing", "they": "plural", "them": "plural", "their": "plural"}
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "ours"})
_PRONOUN_CHAIN = 3  # sentences back that "He ... He ..." is followed to a name
_TOPIC_SENTENCES = 1  # sentences back a role description no one was titled with looks for its person
_WIDER = 3  # sentences back a pronoun with no name in the sentence before looks for one
_GROUP_WORDS = frozenset(
    {"group", "groups", "movement", "organization", "organisation", "faction", "militia", "network",
     "militants", "fighters", "extremists", "jihadists", "insurgents", "rebels", "guerrillas",
     "militias", "militiamen", "paramilitaries",
     "supporters", "members", "loyalists", "followers", "sympathizers", "sympathisers", "affiliates",
     "wing", "branch", "cell", "cells", "party", "outfit"}
)  # fmt: skip
# Nouns by which news refers back to an intergovernmental or non-governmental body.
_BLOC_WORDS = frozenset({"body", "bloc", "alliance", "coalition", "federation", "league", "commission"})
_REPRESENTATIONS = frozenset(
    {"flag", "flags", "video", "videos", "footage", "photo", "photos", "picture", "pictures", "image",
     "images", "poster", "posters", "banner", "banners", "portrait", "portraits", "effigy", "effigies",
     "statement", "message", "broadcast", "recording", "website", "tweet", "post", "logo", "emblem",
     "anthem", "symbol", "symbols"}
)  # fmt: skip
# Units, posts and craft of a force, which stand for the force as "Hamas positions" stand
# for Hamas: "raids on police outposts", "ambushed an army patrol", "air force planes bombed".
_OUTPOSTS = frozenset(
    {"patrol", "patrols", "post", "posts", "outpost", "outposts", "base", "bases", "position", "positions",
     "convoy", "convoys", "unit", "units", "checkpoint", "checkpoints", "barracks", "headquarters",
     "station", "stations", "vehicle", "vehicles", "plane", "planes", "jet", "jets", "helicopter",
     "helicopters", "warship", "warships", "boat", "boats"}
)  # fmt: skip
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})  # a country's own agents
# Nouns that name someone by a relation to another, so never that other: "his Russian
# counterpart", "critics of X", "the president's rivals" (a closed class of relations).
RELATIONS = frozenset(
    {"critic", "critics", "opponent", "opponents", "rival", "rivals", "counterpart", "counterparts",
     "successor", "predecessor"}
)  # fmt: skip
# Heads naming people by their tie to someone, so never that someone: the relations and
# "supporters of X"; and private persons' sectors ("X's wife", "lawyers for X").
TIES = RELATIONS | frozenset(
    {"ally", "allies", "supporters", "followers", "loyalists", "sympathizers", "sympathisers"}
)  # fmt: skip
_PRIVATE_SECTORS = frozenset({"CVL", "OPP"})
_STATE_WORDS = frozenset({"government", "authorities", "regime", "administration", "country", "state"})
_GOVERNMENTS = frozenset({"government", "administration", "regime", "cabinet"})  # "the X government"
# A state's forces in power: the state's rulers, so the state they rule, never a foreign force
_RULING_FORCES = frozenset({"junta", "juntas"})

# What a state is called by its kind of rule: "the kingdom", "the Gulf emirate" is the state named last
_STATE_KINDS = frozenset({"kingdom", "republic", "emirate", "sultanate", "principality", "monarchy"})
_STATE_NAMES = _STATE_WORDS | _STATE_KINDS
_PAIR = re.compile(
    r"^(?:the |these |those )?(?:two|both)(?: \w+)?(?: (?:groups|sides|countries|parties|movements"
    r"|organizations|organisations|governments|nations|states|leaders|rivals|neighbou?rs|factions"
    r"|camps|powers|allies|partners|delegations|presidents|premiers|(?:prime |foreign )?ministers))?$"
    r"|^(?:the |these |those )?(?:two|both)(?: [\w-]+){2,3}"  # "the two South American nations"
    r" (?:countries|nations|states|governments|neighbou?rs|sides|leaders)$"
    r"|^(?:each|either|neither)(?: side)?$"  # "each (side) accuses the other": one of the pair, in turn
    r"|^(?:two |both )?(?:warring|rival|opposing) (?:sides|parties|factions|camps)$"  # "the warring parties"
)
# "the warring parties", "the rival factions": the two sides of a fight, states or not
_SIDES_OF_A_FIGHT = re.compile(r"(?:^| )(?:warring|rival|opposing) \w+$")
# "the two Koreas", "the two Sudans": two states of one name, each of the pair named with it
_TWO_OF_A_NAME = re.compile(r"^two ([a-z]+)s$")
# A role owned by a pair: "the armed forces of the two countries", "both sides' leaders",
# "the two countries' foreign ministers",
# "officials from the two sides" (people sent by each of them).
_PAIR_OWNER = re.compile(
    r"(?:\bof |\bfrom |^)((?:the )?(?:two|both) (?:\w+ )?(?:countries|nations|states|governments|sides))"
    r"(?:$|['’]s?(?: [\w-]+){1,2}$)"
)
# "the three countries", "these four Gulf states": the last that many states named as a list
_COUNTED = re.compile(
    r"^(?:these |those )?(three|four|five|six|seven|eight|nine|ten)(?: [\w-]+){0,3}"
    r" (?:countries|nations|states|governments)$"
)
_COUNTS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# "Bolivia, Chile and Colombia": a comma or "and" between two names of one list
_LISTED = re.compile(r"^(?:['’]s?)?\s*(?:,|,?\s*(?:and|&))\s*(?:the\s+)?$", re.IGNORECASE)
# "the neighbouring Horn of Africa states": the two neighbours the story names together
_NEIGHBOURING = re.compile(r"^neighbou?ring(?: [\w-]+){0,4} (?:countries|nations|states)$")
_DEFINITE = re.compile(r"(?i)(?:the|this|that|these|those|its|their)\s")
# "Iran-backed", "UN-led", "Russia-allied": the name before is a sponsor, not the group itself
_SPONSOR = re.compile(
    r"['’]?\s?-\s?(?:backed|led|allied|aligned|sponsored|supported|funded|financed|armed|trained|"
    r"controlled|dominated|run|installed|brokered|mediated)\b",
    re.IGNORECASE,
)
_POSSESSOR = re.compile(r"\w['’]s\b")
# "the EU, the US" in "the EU, the US and Russia": a list's comma between two parties
_COMMA = re.compile(r"^(?:['’]s?)?\s*,\s*(?:the\s+)?$", re.IGNORECASE)
# "Colombia and the FARC", "Thailand's and Cambodia's leaders"
_AND = re.compile(r"^(?:['’]s?)?\s*(?:,\s*)?(?:and|&)\s*(?:the\s+)?$", re.IGNORECASE)
_APPOSITIVE = re.compile(r"\s*,\s*(?:a|an|the)\s+([\w-]+)(?:\s+([\w-]+))?(?:\s+([\w-]+))?")
_APPOSED = re.compile(r"^\s*,\s*$")  # "X, [the governor]"
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b|['’](?=\s)")


class ActorResolver:
    """Finds and resolves actor mentions; links any span of an article to an actor."""

    def __init__(
        self, kb: KnowledgeBase, tokenize: Callable[[str], list[str]], hints: CountryHints | None = None
    ) -> None:
        self.kb = kb
        self.hints = hints or CountryHints(kb)
        self.finder = MentionFinder(kb, self.hints, AliasIndex(kb, tokenize))
        self.titles = frozenset(r.role for r in kb.records.values() if r.role)  # "commander", "general"
        # per article: its hits, searchable, all of them and without the caption's
        self._hits: OrderedDict[int, tuple[Analysis, HitSpans, HitSpans]] = OrderedDict()
        self._sentence_starts: OrderedDict[int, tuple[Analysis, list[int]]] = OrderedDict()
        self._guesses: OrderedDict[int, tuple[Analysis, str | None]] = OrderedDict()
        # per article: how often each pair is named together, and its pairs named so twice or more
        self._pairs: OrderedDict[int, tuple[Analysis, Counter[frozenset[str]], list[frozenset[str]]]] = (
            OrderedDict()
        )
        self._registered: OrderedDict[int, _Registry] = OrderedDict()
        self._forces: OrderedDict[int, tuple[Analysis, Forces]] = OrderedDict()  # per article
        # per article: its mentions of its own state as a state, and their starts (_home_states)
        self._homes: OrderedDict[int, tuple[Analysis, HitSpans, str | None, list[Hit], list[int]]] = (
            OrderedDict()
        )
        # per article: its direct quotes, by offset (_quotes_near; and the list they came from)
        self._direct: OrderedDict[int, tuple[Analysis, list[Quote], int, SpanIndex[Quote]]] = OrderedDict()
        # per article: its direct quotes with a speaker, by offset (and the list they came from)
        self._spoken: OrderedDict[int, tuple[Analysis, list[Quote], int, SpanIndex[Quote]]] = OrderedDict()
        # per article: link_all's answers, while its quotes and actors stay the same (_link_state)
        self._linked: OrderedDict[int, tuple[Analysis, tuple[int, ...], dict[Any, list[Mention]]]] = (
            OrderedDict()
        )

    def forget(self, analyses: Iterable[Analysis]) -> None:
        """Drop what is kept about ``analyses``: for a worker whose analyses have left it (the
        caches hold up to _CACHE_SIZE articles' hits, forces and quotes, ~30 MiB)."""
        caches: tuple[OrderedDict[int, Any], ...] = (
            self._hits, self._sentence_starts, self._guesses, self._pairs, self._forces, self._spoken,
            self._linked, self._homes, self._direct,
        )  # fmt: skip
        for analysis in analyses:
            key = id(analysis)
            for kept in caches:
                if key in kept and kept[key][0] is analysis:
                    del kept[key]
            registry = self._registered.get(key)
            if registry is not None and registry.analysis is analysis:
                del self._registered[key]

    # ---------------------------------------------------------------- the stage's work
    def collect(self, analysis: Analysis) -> None:
        """Fill ``analysis.actors`` from the title and body; remember every mention for linking."""
        hits: list[Hit] = []
        for section_doc in analysis.docs:
            context = [h for h in hits if h.section in ACTOR_SECTIONS]
            hits.extend(self.finder.find(section_doc, context))
        hits = self._drop_places(hits)
        unify_people(hits, self.titles)  # "Odinga" in the headline is the lede's "Raila Odinga"
        hits = common_words(hits, analysis.article.text)  # a headline's "Ceasefire" is a word
        hits.sort(key=lambda h: h.start)
        story = [d for d in analysis.docs if d.section in ACTOR_SECTIONS]
        hits.extend(surname_mentions(story, hits, self.titles))  # "Bout", which NER missed
        hits.sort(key=lambda h: h.start)
        self._remember(analysis, hits)
        home = self.guess_country(analysis)
        spans = HitSpans(hits)
        for hit in hits:
            # "President X" in a story about one country: best guess; "the U.N. envoy, Julie
            # Bishop" serves no one country; one of "Russian officials, including X" is Russian
            unplaced = hit.kind == "person" and not hit.known and hit.country is None
            if unplaced and hit.sectors and "IGO" not in hit.sectors:
                hit.country = _group_country(analysis, spans, hit) or home
        # a byline, an outlet's banner, a credit or menu line names no one in the story: no
        # actor of the article (its hits stay for linking: a link line names the story's sides)
        told = (
            h for h in hits if h.section in ACTOR_SECTIONS and not analysis.article.in_boilerplate(h.start)
        )
        analysis.actors = self._actors(told)

    def _drop_places(self, hits: list[Hit]) -> list[Hit]:
        """Drop the "people" NER found that are places: a name the knowledge base does not
        know, that the article never introduces as a person (no title or role, no "Mr", never
        "X said"), and that the gazetteer has as a town or region ("the siege of Misrata",
        "Misrata held out"). Once per name, over the hits once: linear in the article."""
        introduced: dict[str, bool] = {}
        for hit in hits:
            if hit.kind == "person" and not hit.known:
                introduced[hit.actor] = introduced.get(hit.actor, False) or hit.introduced
        names = {h.actor: h.name for h in hits if h.actor in introduced and not introduced[h.actor]}
        places = {a for a, name in names.items() if _toponym_prefix(name) or self.hints.places_named(name)}
        if not places:
            return hits
        return [h for h in hits if h.actor not in places]

    def _actors(self, hits: Iterable[Hit]) -> list[Actor]:
        actors: dict[str, Actor] = {}
        for hit in hits:
            actor = actors.get(hit.actor)
            if actor is None:
                actor = actors[hit.actor] = self._new_actor(hit)
            actor.mentions.append(Span(hit.text, hit.start, hit.end))
            if actor.country is None and hit.country:
                actor.country = hit.country
        return list(actors.values())

    def _new_actor(self, hit: Hit) -> Actor:
        record = self.kb.records.get(hit.actor)
        if record is None:
            return Actor(hit.actor, hit.name, hit.kind, hit.country, list(hit.sectors), None, False)
        sectors = list(record.sectors)
        return Actor(record.id, record.name, record.kind, record.country, sectors, record.wikidata)

    def _remember(self, analysis: Analysis, hits: list[Hit]) -> None:
        story = HitSpans([h for h in hits if h.section is not Section.CAPTION])
        self._hits[id(analysis)] = (analysis, HitSpans(hits), story)
        self._hits.move_to_end(id(analysis))
        while len(self._hits) > _CACHE_SIZE:
            self._hits.popitem(last=False)

    def hits(self, analysis: Analysis) -> list[Hit]:
        """Every resolved mention of the article (captions too), in text order."""
        return self._spans(analysis)[0].hits

    def hits_within(self, analysis: Analysis, start: int, end: int) -> list[Hit]:
        """The article's resolved mentions (captions too) that lie inside ``start:end``, in text order."""
        return self._spans(analysis)[0].within(start, end)

    def named_actors(self, analysis: Analysis) -> frozenset[str]:
        """Ids of the actors the article's resolved mentions name (captions too), found once."""
        return self._spans(analysis)[0].actors

    def actor(self, analysis: Analysis, actor_id: str | None) -> Actor | None:
        """The first of ``analysis.actors`` with that id, by dictionary."""
        found = self._registry(analysis).by_id.get(actor_id or "")
        return found[0] if found is not None else None

    def register(self, analysis: Analysis, record: KBRecord, span: Span) -> None:
        """Add ``span`` as a mention of a knowledge-base actor that a later stage found (an
        official's "we" names their state), so that the article lists the actor."""
        self._registry(analysis).add_known(record, span)

    def _spans(self, analysis: Analysis) -> tuple[HitSpans, HitSpans]:
        """The article's hits, all of them and those outside the caption."""
        entry = self._hits.get(id(analysis))
        if entry is None or entry[0] is not analysis:
            self.collect(analysis)
            entry = self._hits[id(analysis)]
        return entry[1], entry[2]

    # ---------------------------------------------------------------- linking
    def link(
        self, analysis: Analysis, start: int, end: int, head: int | None = None,
        exclude: Iterable[str] = (), register: bool = False,
    ) -> Mention:  # fmt: skip
        """Who the words at ``start:end`` of ``Article.text`` are (see the module docstring)."""
        return self.link_all(analysis, start, end, head, exclude, register)[0]

    def link_all(
        self, analysis: Analysis, start: int, end: int, head: int | None = None,
        exclude: Iterable[str] = (), register: bool = False, mutual: bool = False, wide: bool = False,
    ) -> list[Mention]:  # fmt: skip
        """Like :meth:`link`, but a plural reference to a pair gives both actors; ``mutual``:
        the phrase is the subject of an act between parties ("they agreed", "they met"), so
        "they" is the pair last named together, as "between them" is. ``wide``: a pronoun
        with no name in the sentence before looks further (:meth:`_described_subject`, then
        three sentences back), for a doer that would otherwise leave its act with no one.

        Answered once per article for the same arguments, while its quotes are the same list
        of the same length and its actors the same list (a quarter of the calls repeat one: the
        event rules, the argument ranker and the quote stage link the same phrases). The answer
        depends only on the article's text, parse, hits and quotes; what it registers
        (:class:`_Registry`) it would register again to no effect. Each caller gets copies."""
        excluded = frozenset(exclude)
        state = _link_state(analysis)
        key = (start, end, head, excluded, register, mutual, wide)
        entry = self._linked.get(id(analysis))
        if entry is None or entry[0] is not analysis or entry[1] != state:
            entry = self._linked[id(analysis)] = (analysis, state, {})
            self._linked.move_to_end(id(analysis))
            while len(self._linked) > _CACHE_SIZE:
                self._linked.popitem(last=False)
        kept = entry[2].get(key)
        if kept is None:
            found = self._link_all(analysis, start, end, head, excluded, register, mutual, wide)
            kept = [m.copy() for m in found]
            if _link_state(analysis) == state:
                entry[2][key] = kept
            return found
        return [m.copy() for m in kept]

    def _link_all(
        self, analysis: Analysis, start: int, end: int, head: int | None, exclude: frozenset[str],
        register: bool, mutual: bool, wide: bool = False,
    ) -> list[Mention]:  # fmt: skip
        text = analysis.article.text[start:end]
        hits, story = self._spans(analysis)
        caption = analysis.article.sections.get(Section.CAPTION.value, (0, 0))
        if not caption[0] <= start < caption[1]:
            hits = story  # the photo is not the story
        excluded = frozenset(exclude)
        own = start  # where the group's own phrase starts: "[police]" of "a contingent of police"
        inside = hits.overlapping(start, end)
        if head is not None:  # "an Iran-backed group": Iran is its sponsor, not the group
            text_ = analysis.article.text
            inside = [h for h in inside if h.start <= head < h.end or not _SPONSOR.match(text_, h.end)]
            if _word_at(text_, head).lower() in PARTITIVE:  # "dozens of gunmen": the gunmen
                head, own = _partitive_head(analysis, head, start)
        head_word = (
            _head_word(analysis.article.text, head, end)
            if head is not None and start <= head < end
            else _word_at(analysis.article.text, head if head is not None else start)
        )
        generic = head_word.lower() in GENERIC_PEOPLE
        specified = specified_people(analysis.article.text, end) if generic else None
        if specified is not None:  # "Thousands of people, most of them ethnic Tigrayans": the Tigrayans
            group = self._link_all(analysis, *specified, excluded, register, mutual, wide)
            if group and group[0].actor is not None:
                return [Mention(text, start, end, m.actor, m.country, list(m.sectors)) for m in group]
        joined = _joined_countries(inside, analysis.article.text, head)
        if joined:  # "Senior Hungarian and Romanian officials": both countries' officials
            return [Mention(text, start, end, h.actor, h.country, list(joined[-1].sectors)) for h in joined]
        role = self.kb.role(head_word) if head_word else None
        civil_head = role is not None and role.sector not in _STATE_SECTORS  # not "security forces in Kenya"
        chosen = _pick(inside, head, head_word, civil_head)
        people = self._nationals(analysis.article.text, start, head, head_word)
        if (
            people is not None
            and head is not None
            and (chosen is None or not chosen.start <= head < chosen.end)
        ):
            if register:  # "all Mozambicans", which NER did not tag
                self._registry(analysis).add_known(people, Span(text, start, end))
            return [Mention(text, start, end, people.id, people.country, ["CVL"])]
        if (
            chosen is not None and chosen.kind != "country" and head is not None
            and start < chosen.start and chosen.end <= head
            and names_a_pair(_up_to_head(analysis.article.text, start, end, head))
        ):  # fmt: skip
            excluded |= {chosen.actor}  # "the two NATO allies": two members, not NATO
            chosen = None
        if chosen is not None and chosen.kind == "country":  # "the two Koreas": both, not one
            pair = self._named_twice(analysis, hits, start, text, excluded)
            if pair:
                return [_mention(text, start, end, h) for h in pair]
        if chosen is not None and self._modifies_a_thing(analysis.article.text, chosen, head, head_word):
            return [Mention(text, start, end)]  # "Israeli flags", "an ISIS video": a thing, not an actor
        if chosen is not None and role is None and _where(analysis.article.text, chosen, head):
            return [Mention(text, start, end, None, chosen.country)]  # "a truce in Khartoum": a place
        led = self._led_government(text, start, end, chosen, head, head_word)
        if led is not None:  # "the Trudeau government": Canada's, not Trudeau himself
            return [led]
        if chosen is not None:
            named_by = self._head_names(analysis, chosen, head, head_word)
            if named_by == "place":  # "Kryvyi Rig, the home city of President X"
                return [Mention(text, start, end, None, chosen.country)]
            if named_by == "others":  # "critics of President X", "X's lawyers": not X
                name = text[: max(chosen.end - start, len(_core(text, head_word)))]  # "supporters of X"
                return [self._unknown(analysis, text, start, end, head_word, register, name)]
            mention = _mention(text, start, end, chosen)
            if people is not None and chosen.kind == "country":
                mention.sectors = ["CVL"]  # "thousands of Syrians": the people, not the state
            role = self.kb.role(head_word.lower()) if head is not None else None
            outside = head is not None and not chosen.start <= head < chosen.end
            if chosen.kind == "country" and role is not None and role.sector and outside:
                mention.sectors = [role.sector]  # "security forces in Kenya": Kenya's MIL
            return [mention]
        up_to_head = _up_to_head(analysis.article.text, start, end, head)  # read once, used below
        key = normalise(up_to_head)
        if key in _FIRST_PERSON and not _capitals(text):  # "we", but not "the US"
            return [Mention(text, start, end)]
        pronoun = key in _PERSONAL or key in _NONPERSONAL
        inserted = self._bracketed(analysis, text, start, end, excluded) if pronoun else None
        if inserted is not None:  # "He [Than Shwe] has agreed"
            return [inserted]
        between = analysis.article.text[max(0, start - 8) : start].lower().endswith("between ")
        owners = _PAIR_OWNER.search(normalise(text)) if head_word else None  # "the forces of both sides"
        if owners and owners.group(0).startswith("from ") and role is not None and role.sector == "CVL":
            owners = None  # "refugees from the two countries": people of theirs, not their envoys
        pair_key = owners.group(1) if owners and not _PAIR.match(key) else key
        if up_to_head.lower() in _NEIGHBOURS or (
            up_to_head.lower().startswith("the ") and _NEIGHBOURING.match(key)
        ):
            pair_key = "two neighbours"
        counted = _COUNTED.match(key) if _DEFINITE.match(up_to_head) else None
        if counted:  # "the three countries called for a ceasefire": each of the three
            listed = self._listed(analysis, hits, start, _COUNTS[counted.group(1)], excluded)
            if listed:
                return [_mention(text, start, end, h) for h in listed]
        if _PAIR.match(pair_key) or ((between or mutual) and key in ("they", "them")):
            pair = self._pair(analysis, hits, start, pair_key, excluded)
            sectors = [role.sector] if owners and role is not None and role.sector else None
            if pair and owners and role is not None and role.kind == "person":
                office = _office(analysis, head, head_word)
                pair = self._holders(analysis, hits, start, pair, role.sector, office) or pair
            if pair:
                return [_mention(text, start, end, h, sectors) for h in pair]
        if key in ("they", "them", "their"):  # "Kyrgyzstan and Tajikistan ... pulled their forces"
            named = hits.starting(self._window(analysis, start, sentences=0), start)
            pair = _last_pair(named[-2:], analysis.article.text, excluded)
            if pair:
                return [_mention(text, start, end, h) for h in pair]
        if key in _PERSONAL:  # "... arrested him," Dilou said: not the speaker himself
            excluded = excluded | self._speakers_around(analysis, start)
        if pronoun:  # "According to Chadema, [he] had refused": the teller is not the doer
            word = token_at(analysis.docs, start)
            excluded |= self._attributed(analysis, word, start) | self._quoted_by(analysis, hits, start, end)
            excluded |= _commanded(hits, word, start)
        blocker: list[int] = []  # where a nearer agreeing phrase that names no actor starts
        governed = self._governing(analysis, text, start, end, key, excluded, blocker) if pronoun else []
        if governed:  # "The Israeli military said its troops fired"
            return governed
        antecedent = self._antecedent(analysis, hits, key, head_word, start, excluded)
        if blocker and (antecedent is None or antecedent.end <= blocker[0]):
            # "Vucic lashed out at the West and its hypocrisy": the West, which names no actor
            # here, not Vucic further back; no link is better than a wrong one
            return [Mention(text, start, end)]
        if antecedent is None and pronoun:
            antecedent = self._continued_pronoun(analysis, hits, key, start, excluded)
        if antecedent is None and pronoun and wide and _subject_at(analysis, start):
            described = self._described_subject(analysis, key, start, excluded, register)
            if described is not None:  # "In a statement, the junta said ... [It] cautioned"
                return [Mention(text, start, end, described.actor, described.country, described.sectors)]
            # "..., Hasina said. 'Let them go home.' [She] also condemned": past a short sentence
            antecedent = self._antecedent(analysis, hits, key, head_word, start, excluded, sentences=_WIDER)
        if antecedent is not None:
            return [_mention(text, start, end, antecedent)]
        owned = self.possessed_role(analysis, start, end, head, excluded, register)
        if owned is not None:  # "the group's leader", "the country's foreign minister"
            return [owned]
        core = _core(text[own - start :], head_word)
        bridged = self._bridge(analysis, text, start, end, core, excluded)
        if bridged is not None:
            return [bridged]
        return [self._unknown(analysis, text, start, end, head_word, register, core=core)]

    def possessed_role(
        self, analysis: Analysis, start: int, end: int, head: int | None,
        excluded: Iterable[str], register: bool,
    ) -> Mention | None:  # fmt: skip
        """A role noun owned by a pronoun or a definite description ("his deputy", "the
        group's leader", "the country's foreign minister"), read through its possessor as
        the resolver reads that alone: of a country, a state role is the state in that
        sector ("Kenya's interior ministry" is Kenya's GOV) and another role an unknown
        group of that country ("the country's opposition"); of a person, the holder is
        someone else of the person's country ("his deputy", "her party"), and a government
        is the person's state ("his government"); of an organisation or group, the holder is
        one of it ("the group's leader", "their commander"). Named possessors are read by
        the hits inside the phrase; relations ("his rivals") and private people ("his
        wife") are no one's member (:meth:`_head_names`)."""
        text, excluded = analysis.article.text[start:end], frozenset(excluded)
        token = token_at(analysis.docs, head) if head is not None and start <= head < end else None
        if token is None or head is None or token.pos_ not in ("NOUN", "PROPN"):
            return None
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is None or owner.lower_ in _FIRST_PERSON or token.lower_ in TIES:
            return None
        definite = (c.dep_ == "det" and c.lower_ == "the" for c in owner.children)
        described = owner.pos_ == "NOUN" and any(definite)
        if owner.pos_ != "PRON" and not described:
            return None  # a named possessor is a hit inside the phrase
        base = head - token.idx  # the section's offset in the article
        ends = [c.idx + len(c.text) for c in owner.children if c.dep_ == "case"]  # "the group['s]"
        after = base + max([owner.idx + len(owner.text), *ends])
        core = analysis.article.text[after : head + len(token.text)].strip()
        role = self._role_of(core)
        if role is None:
            return None
        owner_start = base + owner.left_edge.idx
        owner_end = base + owner.idx + len(owner.text)
        found = self.link(analysis, owner_start, owner_end, base + owner.idx, excluded)
        if found.actor is None or found.actor in excluded:
            return None
        kind = self._kind_of_actor(analysis, found.actor)
        record = self.kb.records.get(found.actor)
        sector = [role.sector] if role.sector else []
        if kind == "country" or (kind == "person" and token.lower_ in _GOVERNMENTS):
            state = self.kb.records.get(f"country:{found.country}") if kind == "person" else record
            if state is not None and role.sector in _STATE_SECTORS:
                return Mention(text, start, end, state.id, state.country, sector)
        if kind == "person" and (role.sector in _PRIVATE_SECTORS or force_of(role) is not None):
            return None  # "his family": private people; "his fighters": the leader's own side
        if kind in ("country", "person"):
            holder = self._unknown(analysis, text, start, end, token.text, register, core=core)
            if holder.actor is None:
                return None
            holder.country = found.country
            actor = self.actor(analysis, holder.actor)
            if actor is not None and actor.country is None:
                actor.country = found.country
            return holder
        if role.kind != "person":
            return None  # "its allied militias": a group of its own, not the owner's members
        return Mention(text, start, end, found.actor, found.country, list(found.sectors) or sector)

    def is_person(self, analysis: Analysis, actor_id: str | None) -> bool:
        """Whether the actor is one person (a known or unknown person, "the minister")."""
        return actor_id is not None and self._kind_of_actor(analysis, actor_id) == "person"

    def _kind_of_actor(self, analysis: Analysis, actor_id: str) -> str:
        """The actor's kind ("country", "person", ...): the knowledge base's, a person's id, or an
        unknown actor named by a role of people ("the minister")."""
        record = self.kb.records.get(actor_id)
        if record is not None:
            return record.kind
        if actor_id.startswith("person:"):
            return "person"
        actor = self.actor(analysis, actor_id)
        role = self._role_of(actor.name) if actor is not None else None
        one = role is not None and role.kind == "person" and not role.term.endswith("s")
        return "person" if one else "group"

    def _bracketed(
        self, analysis: Analysis, text: str, start: int, end: int, excluded: frozenset[str]
    ) -> Mention | None:
        """The actor a bracketed name right after a pronoun gives ("They (the police) beat us")."""
        inside = bracketed(analysis.article.text, end)
        if inside is None:
            return None
        last = analysis.article.text.rfind(" ", *inside) + 1 or inside[0]  # the name's head word
        named = self.link(analysis, *inside, head=max(last, inside[0]), exclude=excluded)
        if named.actor is None or named.actor in excluded:
            return None  # "its (nuclear) programme"
        return Mention(text, start, end, named.actor, named.country, list(named.sectors))

    def _governing(
        self, analysis: Analysis, text: str, start: int, end: int, key: str, excluded: frozenset[str],
        blocker: list[int] | None = None,
    ) -> list[Mention]:  # fmt: skip
        """The actor of the nearest phrase above the pronoun that it agrees with
        (:func:`eventwire.resolve.pronouns.governing`): "The Israeli military said [its]
        troops fired". The subject of the pronoun's own clause only where the name the usual
        search takes lies in a clause that leaves the pronoun out ("Bout, whose story
        inspired a film with Nicholas Cage, ... since [his] arrest"). Empty when no
        phrase agrees, or the nearest that does names no actor ("a report finding that it"):
        then that phrase's start is put in ``blocker``, past which the caller looks no further
        back for the pronoun's antecedent."""
        token = token_at(analysis.docs, start)
        if token is None:
            return []
        base = start - token.idx  # the section's offset in the article
        hits = self._spans(analysis)[0]
        for head, higher in governing(token):
            at = base + head.idx
            named = [h.kind for h in hits.overlapping(at, at + len(head.text))]
            role = self.kb.role(head.lower_)
            if not agrees(key, head, named[-1] if named else role.kind if role is not None else None):
                continue
            if head.ent_type_ in _TIME_ENTITIES:
                continue  # "elections set for [December], which the coalition says it is boycotting"
            if not (named or role or _may_name_actor(head)):
                if blocker is not None:
                    blocker.append(base + head.left_edge.idx)
                return []  # "a UN commission's report finding that it ...": a thing, not an actor
            if not higher and not self._aside(analysis, hits, key, start, excluded, token):
                return []
            phrases = self.link_all(
                analysis, base + head.left_edge.idx, at + len(head.text), head=at, exclude=excluded
            )
            if any(p.actor is None for p in phrases) and blocker is not None:
                blocker.append(base + head.left_edge.idx)  # "the West and its hypocrisy"
            if any(p.actor is None or p.actor in excluded for p in phrases):
                return []
            return [Mention(text, start, end, p.actor, p.country, list(p.sectors)) for p in phrases]
        return []

    def _aside(
        self, analysis: Analysis, hits: HitSpans, key: str, start: int, excluded: frozenset[str],
        pronoun: Token,
    ) -> bool:  # fmt: skip
        """Whether the name the usual search takes for the pronoun lies in a relative or
        participle clause that leaves the pronoun out, so the clause's subject is nearer."""
        usual = self._antecedent(analysis, hits, key, key, start, excluded)
        found = token_at(analysis.docs, usual.end - 1) if usual is not None else None
        return found is not None and found.doc is pronoun.doc and in_other_clause(found, pronoun)

    def _nationals(self, text: str, start: int, head: int | None, head_word: str) -> KBRecord | None:
        """The country whose people a plural demonym heading the phrase names, with or without
        a count ("thousands of Syrians", "all Mozambicans", "Lebanese queued"): its civilians,
        another party than its government or forces. "The Iranians" with no count is the
        state or its envoys, as news names a government by its people ("met the Iranians")."""
        if head is None:
            return None
        record = self.kb.nationals(head_word)
        before = text[start:head].split()
        definite = bool(before) and before[0].lower() == "the" and not counted(before[1:])
        return None if definite else record

    def _bridge(
        self, analysis: Analysis, text: str, start: int, end: int, core: str, excluded: frozenset[str]
    ) -> Mention | None:
        """A bare role noun of an armed kind as the one actor of that kind the article names
        ("gunmen" in a story of one armed group, "troops" where one state's forces are named;
        :mod:`eventwire.resolve.groups`). Where it names several, a plural or group noun
        continues the last one of its kind in the three paragraphs before (not when another
        is named in the same sentence, nor the act's other side); where it names none in
        reach, a state's force ("police", "troops") is the story's own state's, and so is a
        bare government noun ("the regime", "authorities"). Not a phrase with a place or a
        role of its own ("Serb gunmen", "pro-government militias"): those say who they are.
        Train census: such descriptions left unknown were the commonest wrong side of an
        event of the right type whose gold actor is named earlier in the article."""
        role = self._role_of(core)
        force = force_of(role)
        if role is None or self.hints.in_words(text.split()):
            return None
        if force is None and role.sector == "GOV" and role.kind == "group" and core.lower() == role.term:
            home = self._home_state(analysis, start)  # "the regime", "authorities": the story's state
            return (
                None if home is None or home.actor in excluded else _mention(text, start, end, home, ["GOV"])
            )
        if force is None:
            return None
        if role.term in _RULING_FORCES and core.lower() == role.term:  # "the junta": the state it rules
            ruled = self._ruled_state(analysis, role.term, start) or self._home_state(analysis, start)
            if ruled is None or ruled.actor in excluded:
                return None
            return _mention(text, start, end, ruled, [role.sector] if role.sector else None)
        modifiers = core.lower().split()[: -len(role.term.split())]
        if any(self.kb.role(part) for word in modifiers for part in word.split("-")):
            return None
        forces = self._forces_of(analysis)
        guessed = self.guess_country(analysis)
        named = self._home_state(analysis, start) if force == "state" else None  # the story's own state
        usable = self._lends_force(analysis, start, end, named.country if named is not None else None)
        hit, sector = forces.only(force, role.sector, usable=usable)
        foreign = hit is not None and hit.country != guessed
        if hit is not None and hit.kind != "country" and role.sector not in hit.sectors and foreign:
            hit = None  # "police" are not the US military, the one force named
        definite = text.lower().startswith("the ") and core.lower() == role.term  # not "another militia"
        if hit is None and force == "armed" and not forces.armed and definite:
            band = self._named_band(analysis, core, start, excluded)
            if band is not None:  # "100 Muslim fighters besieged the city ... The attackers torched"
                return Mention(text, start, end, band.id, band.country, list(band.sectors))
        many = role.kind == "group" or core.lower().endswith("s")  # not "a former general"
        if hit is None and many:  # several of its kind named: the last one named in the paragraphs before
            window = self._paragraph_window(analysis, start, _BRIDGE_PARAGRAPHS)
            reach = forces_in_reach(self._spans(analysis)[1].starting(window, start), force, role.sector)
            sector = role.sector if force == "state" else None
            if reach:
                hit = self._last_force(analysis, reach, force, excluded)
                if hit is not None and force == "state" and not usable(hit):
                    hit = None  # "French troops were attacked by the junta": its act's other side
            elif force == "state":  # no state's forces in reach: the story's own state's
                hit = named
        if hit is None or hit.actor in excluded:
            return None
        return _mention(text, start, end, hit, [sector] if sector else None)

    def _ruled_state(self, analysis: Analysis, term: str, start: int) -> Hit | None:
        """The state the text last named for a ruling force before ``start`` ("Niger's
        junta", "the Malian junta" ... "the junta"): a description of a state's rulers is the
        state it was named with, not the force named last, which may be a foreign one
        ("French troops ... The junta called home its envoys")."""
        text = analysis.article.text
        ruling = re.compile(rf"(?:['’]s)?(?: [\w-]+)?\s+{re.escape(term)}\b", re.IGNORECASE)
        for hit in reversed(self._spans(analysis)[1].starting(0, start)):
            if hit.kind == "country" and hit.end < start and ruling.match(text, hit.end, start):
                return hit
        return None

    def _lends_force(
        self, analysis: Analysis, start: int, end: int, home: str | None
    ) -> Callable[[Hit], bool]:
        """Which mentions of a state's forces may make them the referent of the bare force
        noun at ``start:end``: not a foreign force named only after it ("The junta expelled
        the remaining French soldiers": news names a foreign force it goes on to describe
        before it describes it, and "the junta" with none before is the story's own
        state's), nor one that is the other argument of the noun's own clause (its act's
        other side: "French troops were attacked by the junta"). The story's own state may
        be named after ("Troops fired on the crowd, the Sudanese army said"): ``home``, the
        state :meth:`_home_state` finds, one the story names as a state, not only by the
        adjective of the foreign force that made it the guessed country ("French troops")."""
        noun = token_at(analysis.docs, end - 1)
        act = _clause_verb(noun) if noun is not None else None

        def lends(hit: Hit) -> bool:
            if hit.start >= start and hit.country != home:
                return False
            if act is None or noun is None:
                return True
            other = token_at(analysis.docs, hit.head if hit.head >= 0 else hit.end - 1)
            verb = _clause_verb(other) if other is not None and other.doc is noun.doc else None
            return verb is None or verb.i != act.i

        return lends

    def _last_force(
        self, analysis: Analysis, candidates: list[Hit], force: str, excluded: frozenset[str]
    ) -> Hit | None:
        """The last of the forces in reach, unless another one is named in its sentence
        ("Ethiopian troops and Eritrean troops clashed ... troops fired", "Boko Haram and
        ISWAP fought ... militants stormed": which is a guess; a state's army and the state
        itself are one), or it is the other side of the act."""
        if not candidates or candidates[-1].actor in excluded:
            return None
        last = candidates[-1]
        sentence = self._window(analysis, last.start, sentences=0)
        rivals = [
            h for h in candidates
            if h.start >= sentence and h.actor != last.actor
            and (force == "armed" or h.country != last.country)
        ]  # fmt: skip
        return None if rivals else last

    def _home_state(self, analysis: Analysis, start: int) -> Hit | None:
        """ "Police detained 14 people" in a story about Turkey that names no Turkish force:
        the police of the state the article names most (:meth:`guess_country`, the country
        an unknown "police" is given anyway), by its last mention as a state before ``start``
        (the first after when the story names it only later)."""
        states, starts = self._home_states(analysis)
        before = bisect_left(starts, start)  # the hits are in text order
        return states[before - 1] if before else (states[0] if states else None)

    def _home_states(self, analysis: Analysis) -> tuple[list[Hit], list[int]]:
        """The story's mentions of its own state as a state (:meth:`_home_state`) and their
        starts, found once per article's hits: per call, a walk of every hit made long
        articles quadratic."""
        home = self.guess_country(analysis)
        story = self._spans(analysis)[1]
        cached = self._homes.get(id(analysis))
        if cached is not None and cached[0] is analysis and cached[1] is story and cached[2] == home:
            return cached[3], cached[4]
        states = [
            h for h in story.hits if h.kind == "country" and h.country == home and self._names_state(h)
        ]  # fmt: skip
        starts = [h.start for h in states]
        self._homes[id(analysis)] = (analysis, story, home, states, starts)
        self._homes.move_to_end(id(analysis))
        while len(self._homes) > _CACHE_SIZE:
            self._homes.popitem(last=False)
        return states, starts

    def _names_state(self, hit: Hit) -> bool:
        """Whether a country mention names the state itself ("Kenya", "Kenya's government",
        "the Turkish government"), not only a nationality ("French" of "French forces"): a
        story whose own state is never named has none to lend "the junta" or "the police",
        and the country guessed from its foreign forces' adjectives is theirs, not the junta's."""
        first = _ARTICLE_WORD.sub("", hit.text).split()
        word = normalise(first[0].removesuffix("'s").removesuffix("’s")) if first else ""
        return "GOV" in hit.sectors or word not in self.kb.demonyms or word in self.kb.names

    def _named_band(
        self, analysis: Analysis, core: str, start: int, excluded: frozenset[str]
    ) -> Actor | None:
        """With no armed group of the knowledge base named, a definite bare armed role noun
        ("the attackers", "the gunmen") is the one armed band the article named before it with
        words of its own ("roughly 100 Muslim fighters"): news describes a band once and then
        by its kind. A band named by its role alone ("rebels") says no more than the noun
        does, and two bands leave the noun unresolved, as two known groups do."""
        own = set(core.lower().split())
        found: dict[str, Actor] = {}
        for actor in analysis.actors:
            if actor.known or actor.id in excluded or not actor.id.startswith(UNKNOWN_ACTOR_PREFIX):
                continue
            role = self._role_of(actor.name)
            if role is None or force_of(role) != "armed" or set(actor.name.lower().split()) <= own:
                continue
            if len(actor.name.split()) <= len(role.term.split()):
                continue  # "rebels", "the gunmen": no words of their own
            if any(m.end <= start for m in actor.mentions):
                found[actor.id] = actor
        return next(iter(found.values())) if len(found) == 1 else None

    def _forces_of(self, analysis: Analysis) -> Forces:
        """The armed actors the article's title and body name, found once per article."""
        cached = self._forces.get(id(analysis))
        if cached is not None and cached[0] is analysis:
            return cached[1]
        forces = Forces.named_in(self._spans(analysis)[1].hits)
        self._forces[id(analysis)] = (analysis, forces)
        while len(self._forces) > _CACHE_SIZE:
            self._forces.popitem(last=False)
        return forces

    def _pair(
        self, analysis: Analysis, hits: HitSpans, start: int, key: str, excluded: frozenset[str]
    ) -> list[Hit]:
        """The last pair named together before "the two groups" in the two sentences before;
        for "the two countries", which a story keeps calling its two states, in the ten;
        "the two leaders" not named together lately, the leaders of the story's pair."""
        if _SIDES_OF_A_FIGHT.search(key):  # "the warring parties" may be states or not
            key = "two sides"
        recent = hits.starting(self._window(analysis, start, sentences=2), start)
        fitting = [h for h in recent if _fits_pair_noun(h, key)]
        counts, frequent = self._pair_counts(analysis)
        pair = _last_pair(fitting, analysis.article.text, excluded, counts)
        noun = key.rsplit(" ", 1)[-1]
        if not pair and noun in _BARE_PAIR:  # "Motegi warned Kang ... The two agreed"
            named = hits.starting(self._window(analysis, start, sentences=1), start)
            pair = _last_two([h for h in named if h.kind == "person"], excluded)
        if noun not in _STATE_NOUNS and (pair or noun not in _SIDE_NOUNS | _PERSON_NOUNS):
            return pair
        earlier = hits.starting(self._window(analysis, start, sentences=10), start)
        if noun in _SIDE_NOUNS:  # "each side" with no pair named lately: the story's two parties
            # or, never named side by side, the two states it names most ("the two Koreas ...")
            countries = [h for h in earlier if h.kind == "country"]
            return _story_pair(earlier, counts, excluded) or _two_most_named(countries, excluded)
        if noun in _PERSON_NOUNS:  # the leaders, not a spokesman named last
            return _story_pair(_most_named([h for h in earlier if h.kind == "person"]), counts, excluded)
        countries = [h for h in earlier if h.kind == "country"]
        states = _last_pair(countries, analysis.article.text, excluded, counts)
        if not pair or (states and _pair_count(states, counts) > _pair_count(pair, counts)):
            pair = states  # "Washington and Beijing sent envoys": not the two countries at war
        return pair or _main_pair(countries, frequent, excluded) or _two_most_named(countries, excluded)

    def story_pair(self, analysis: Analysis, start: int) -> list[Mention]:
        """The story's two parties as "the two sides" at ``start`` would name them when no
        pair was named lately: the pair named together most, by their mentions in the ten
        sentences before ("new fighting flared" in a story about one conflict)."""
        earlier = self._spans(analysis)[1].starting(self._window(analysis, start, sentences=10), start)
        pair = _story_pair(earlier, self._pair_counts(analysis)[0], frozenset())
        return [_mention(analysis.article.text[h.start : h.end], h.start, h.end, h) for h in pair]

    def _listed(
        self, analysis: Analysis, hits: HitSpans, start: int, size: int, excluded: frozenset[str]
    ) -> list[Hit]:
        """The last ``size`` states named as one list ("Bolivia, Chile and Colombia") in the
        two sentences before "the three countries", else in the ten: the pair mechanism
        for more than two."""
        for sentences in (2, 10):
            recent = hits.starting(self._window(analysis, start, sentences=sentences), start)
            listed = _last_list(recent, analysis.article.text, size, excluded)
            if listed:
                return listed
        return []

    def _named_twice(
        self, analysis: Analysis, hits: HitSpans, start: int, text: str, excluded: frozenset[str]
    ) -> list[Hit]:
        """ "the two Koreas", "the two Sudans": the two states the story names together whose
        names both hold that name ("North Korea and South Korea"); none for "the two Iraqis"."""
        named = _TWO_OF_A_NAME.match(normalise(text))
        if named is None:
            return []
        last: dict[str, Hit] = {}
        for hit in hits.starting(self._window(analysis, start, sentences=10), start):
            name = normalise(analysis.article.text[hit.start : hit.end])
            if hit.kind == "country" and hit.country and hit.actor not in excluded and named.group(1) in name:
                last[hit.country] = hit
        return sorted(last.values(), key=lambda h: h.start) if len(last) == 2 else []

    def _holders(
        self, analysis: Analysis, hits: HitSpans, start: int, pair: list[Hit], sector: str | None,
        office: str | None = None,
    ) -> list[Hit]:  # fmt: skip
        """ "the two countries' leaders": the people of that role each of the two states had
        named last in the ten sentences before, when the article named one for both. A named
        office ("the defence ministers of both countries") is held only by people the article
        names with that title ("Defence Minister X", "X, the defence minister"), not by the
        presidents named before: else the two states themselves."""
        if any(h.kind != "country" for h in pair):
            return []
        earlier = hits.starting(self._window(analysis, start, sentences=10), start)
        text = analysis.article.text
        people: dict[str, Hit] = {}
        for hit in earlier:
            if hit.kind == "person" and hit.country and hit.sectors and (not sector or sector in hit.sectors):
                if office is not None and not _titled(text, hit, office):
                    continue
                people[hit.country] = hit
        holders = [people.get(h.country or "") for h in pair]
        return [h for h in holders if h is not None] if all(holders) else []

    def _pair_counts(self, analysis: Analysis) -> tuple[Counter[frozenset[str]], list[frozenset[str]]]:
        """How often the article names each pair of parties together ("Thailand and
        Cambodia", "Thailand's and Cambodia's leaders"), by country where known: the pair
        the story is about, which "the two sides" means more than a pair named in passing;
        and its pairs named so twice or more, most first. One pass over the article's hits,
        once per article."""
        cached = self._pairs.get(id(analysis))
        if cached is not None and cached[0] is analysis:
            return cached[1], cached[2]
        text, counts = analysis.article.text, Counter[frozenset[str]]()
        story = [h for h in self._spans(analysis)[1].hits if h.kind != "media"]
        for first, second in zip(story, story[1:], strict=False):
            pair = frozenset((_party(first), _party(second)))
            if len(pair) == 2 and _AND.match(text[first.end : second.start]):
                counts[pair] += 1
        frequent = [p for p, n in counts.most_common() if n >= 2][:_FREQUENT_PAIRS]  # most first
        self._pairs[id(analysis)] = (analysis, counts, frequent)
        while len(self._pairs) > _CACHE_SIZE:
            self._pairs.popitem(last=False)
        return counts, frequent

    @staticmethod
    def _modifies_a_thing(text: str, chosen: Hit, head: int | None, head_word: str) -> bool:
        """Whether the phrase is a picture or record of an actor rather than the actor or
        something it owns: "Israeli flags", "the ISIS video". What an actor owns stands for
        it as CAMEO codes it ("Hamas positions", "the French proposal"); a flag, a video or
        a statement that names it does not (nothing done to it is done to the actor)."""
        if head is None or chosen.start <= head < chosen.end:
            return False
        return head_word.lower() in _REPRESENTATIONS and not _POSSESSIVE_AFTER.match(text, chosen.end)

    def _led_government(
        self, text: str, start: int, end: int, chosen: Hit | None, head: int | None, head_word: str
    ) -> Mention | None:
        """The state whose government a phrase names by its leader: "the Trudeau government",
        "President X's administration", "the government of Prime Minister X" are the
        leader's country's government, the state, not the leader."""
        if chosen is None or chosen.kind != "person" or chosen.country is None or head is None:
            return None
        if chosen.start <= head < chosen.end or head_word.lower() not in _GOVERNMENTS:
            return None
        state = self.kb.records.get(f"country:{chosen.country}")
        return None if state is None else Mention(text, start, end, state.id, state.country, ["GOV"])

    def _head_names(self, analysis: Analysis, chosen: Hit, head: int | None, head_word: str) -> str | None:
        """What a phrase is when its head is not the actor named in it: "place" for a place
        ("Kryvyi Rig, the home city of X", "the capital of X"), "others" for people named by
        their tie to the actor ("critics of X", "X's wife", "supporters of X" when X is a
        person or a country: a group's supporters and members stand for the group)."""
        if head is None or chosen.start <= head < chosen.end:
            return None
        word, text = head_word.lower(), analysis.article.text
        if word in PLACE_NOUNS or _entity_label(analysis, head) in PLACE_LABELS:
            return "place"
        if _appositive_place(text, head + len(head_word)):
            return "place"  # "Nova Kakhovka, the home city of X", when NER took it for a person
        role = self.kb.role(word)
        if role is None or role.kind != "person":
            return None
        if word in _GROUP_WORDS and chosen.kind not in ("person", "country"):
            return None  # "supporters of Hamas", "extremists loyal to ISIS": the group
        if chosen.end <= head and chosen.kind != "person" and not _POSSESSIVE_AFTER.match(text, chosen.end):
            return None  # "a Hong Kong activist", "Israeli lawyers": the country's own people
        return "others" if role.sector in _PRIVATE_SECTORS or word in TIES else None

    def _antecedent(
        self, analysis: Analysis, hits: HitSpans, key: str, head_word: str, start: int,
        excluded: frozenset[str], sentences: int = 1,
    ) -> Hit | None:  # fmt: skip
        text = analysis.article.text
        phrase_end = start + len(key) + 8
        definite = bool(_DEFINITE.match(text, start) or _POSSESSOR.search(text, start, phrase_end))
        if key in _PERSONAL:
            wanted = "person"
        elif key in _NONPERSONAL:
            wanted = "nonperson"
        elif not definite:
            return None  # "jihadists", "protesters": not a reference back
        elif self._is_title(key, head_word):
            named = _apposed_person(text, hits, start)
            if named is not None and named.actor not in excluded:
                return named  # "Nur Misuari, the southern governor": the name it is set beside
            holder = self._title_holder(analysis, hits, key, head_word, start, excluded)
            return holder or self._topic_person(analysis, hits, key, head_word, start, excluded)
        elif head_word.lower() in _BLOC_WORDS | _GROUP_WORDS and (
            same := self._same_head(analysis, hits, key, head_word, start, excluded)
        ):
            return same  # "the coalition" after "the Saudi-led coalition", not the last bloc named
        elif key.split()[-1:] and key.split()[-1] in _BLOC_WORDS and head_word.lower() in _BLOC_WORDS:
            called = self._called(hits, head_word, start, excluded)
            if called is not None:  # "the alliance" after "NATO" (the Atlantic alliance), not the UN
                return called
            wanted = "bloc"  # "the continental body", "the bloc", "the alliance": an IGO named before
        elif key.split()[-1:] and key.split()[-1] in _GROUP_WORDS and head_word.lower() in _GROUP_WORDS:
            wanted = "group"
        elif key in _STATE_WORDS or (len(key.split()) <= 2 and head_word.lower() in _STATE_NAMES):
            wanted = "country"
        else:
            same = self._same_head(analysis, hits, key, head_word, start, excluded)
            return same or self._same_sector(analysis, hits, key, head_word, start, excluded)
        country = self.hints.in_words(analysis.article.text[start : start + len(key) + 20].split()[:4])
        window = self._window(analysis, start, sentences=3 if wanted == "bloc" else sentences)  # blocs: rarer
        candidates = [
            h for h in hits.starting(window, start)
            if h.actor not in excluded and h.kind != "media" and _compatible(h, wanted)
        ]  # fmt: skip
        if country and wanted == "group":
            candidates = [h for h in candidates if h.country in (country, None)] or candidates
        if wanted == "group":  # "the insurgents" are not the army, "the group" not a ministry's troops
            force = force_of(self.kb.role(head_word.lower()))
            candidates = [h for h in candidates if fits_force(h, force)]
        if key in ("they", "them", "their"):  # a group first, then a state; never one person
            candidates = [h for h in candidates if not self._one_person(analysis, h)]
            candidates = [h for h in candidates if h.kind != "country"] or candidates
        elif wanted == "person":  # "a Saied critic": Saied is not who a later "him" is
            candidates = [h for h in candidates if not _describes(analysis, h)] or candidates
        elif wanted != "person":  # "he", "him": the last person named, in the KB or not
            candidates = [h for h in candidates if h.known] or candidates
        if key in ("it", "its"):  # "Pakistani troops" are never "it"
            candidates = [h for h in candidates if not _plural(analysis, h)]
        if key in _PERSONAL or key in _NONPERSONAL:
            candidates = _salient(analysis, candidates, start)
        elif wanted == "country":  # "the kingdom", "the country"
            candidates = _topic_state(analysis, candidates, start)
        if not candidates and wanted == "group" and sentences < _WIDER:
            # "the Abu Sayyaf militant group ... Soldiers fought ... [The group] beheaded":
            # a group named again by its kind, a short paragraph after its name
            return self._antecedent(analysis, hits, key, head_word, start, excluded, sentences=_WIDER)
        return candidates[-1] if candidates else None

    def _continued_pronoun(
        self, analysis: Analysis, hits: HitSpans, key: str, start: int, excluded: frozenset[str],
        depth: int = _PRONOUN_CHAIN,
    ) -> Hit | None:  # fmt: skip
        """ "Moraes ordered ... He directed the agency ... [He] further called on Google": a
        subject pronoun with no name in reach continues the same pronoun subject of the
        sentence before, whoever that one stands for (a few sentences back at most)."""
        pronoun = token_at(analysis.docs, start)
        if pronoun is None or pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return None
        doc = pronoun.doc
        opening = sentence_range(doc, pronoun.i)[0]  # by the Doc's index, not a walk of tokens
        if opening == 0:
            return None
        before = doc[slice(*sentence_range(doc, opening - 1))]
        if before.root.dep_:
            subject = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        else:  # a sentence with no event word is not parsed: "He" opening it is its subject
            subject = before[0]
        if subject is None or subject.lower_ != pronoun.lower_:
            return None
        earlier = start - pronoun.idx + subject.idx
        found = self._antecedent(analysis, hits, key, key, earlier, excluded)
        if found is None and depth > 1:
            found = self._continued_pronoun(analysis, hits, key, earlier, excluded, depth - 1)
        return found

    def _described_subject(
        self, analysis: Analysis, key: str, start: int, excluded: frozenset[str], register: bool
    ) -> Mention | None:
        """ "The junta, which holds the government [it] overthrew, said ...", "In a statement,
        the junta said the ceasefire ... [It] cautioned its foes": a subject pronoun with no
        name in reach continues a subject said before it, the topic: of a clause above its
        own in its sentence, nearest first, else of the sentence before. Such a subject may be
        a description, not a name ("the junta", "the coalition", "the protesters"); taken
        when it agrees with the pronoun and names an actor of its own."""
        pronoun = token_at(analysis.docs, start)
        if pronoun is None or pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return None
        base = start - pronoun.idx  # the section's offset in the article
        for subject in _topics_before(pronoun):
            if subject.pos_ not in ("NOUN", "PROPN") or not _agrees_with(key, subject, self.kb):
                continue
            low = subject.left_edge.idx + base
            high = subject.idx + len(subject) + base
            found = self._link_all(analysis, low, high, subject.idx + base, excluded, register, False)
            mention = next((m for m in found if m.actor), None)
            if mention is not None:
                return mention
        return None

    def _same_head(
        self, analysis: Analysis, hits: HitSpans, key: str, head_word: str, start: int,
        excluded: frozenset[str],
    ) -> Hit | None:  # fmt: skip
        """ "the ministry" after "Ukraine's energy ministry": a short definite description
        whose head noun ends a mention of the three sentences before is that mention."""
        word = head_word.lower()
        if len(key.split()) > 2 or not word.isalpha() or key.split()[-1:] != [word]:
            return None
        window = self._window(analysis, start, sentences=3)
        same = [
            h for h in hits.starting(window, start)
            if h.actor not in excluded and h.kind != "media" and h.text.lower().rsplit(None, 1)[-1] == word
        ]  # fmt: skip
        return same[-1] if same else None

    def _called(self, hits: HitSpans, head_word: str, start: int, excluded: frozenset[str]) -> Hit | None:
        """ "the alliance" after "NATO", "the commission" after "the EU's executive, the European
        Commission": the last body named before whose own name, in the knowledge base, has the
        description's head noun ("Atlantic alliance"), however far back: the description
        names its kind, which a body of another kind named since is not."""
        word = head_word.lower()
        for hit in reversed(hits.starting(0, start)):
            record = self.kb.records.get(hit.actor)
            if record is None or hit.actor in excluded or hit.kind not in ("igo", "ngo"):
                continue
            if any(word in normalise(name).split() for name in (record.name, *record.aliases)):
                return hit
        return None

    def _same_sector(
        self, analysis: Analysis, hits: HitSpans, key: str, head_word: str, start: int,
        excluded: frozenset[str],
    ) -> Hit | None:  # fmt: skip
        """ "The tribunal" or "the judges" after "the International Criminal Court": a short
        definite description whose head is a body's role ("tribunal"), or the plural of its
        members' role ("judges"), is the one actor of that role's sector (the KB's sectors: JUD
        for a court), known or an organisation's name ("Kenya's Supreme Court", whose words
        give it the sector), named in the three paragraphs before. Only when exactly
        one actor fits: with two courts named, the description says not which. Not a
        state's forces ("the army", "the junta"): news names several states' armies, and
        which one is meant is the state's question, not the sector's."""
        role = self.kb.role(head_word.lower())
        if role is None or not role.sector or role.sector in STATE_FORCES or len(key.split()) > 2:
            return None  # "the army", "the junta": whose forces is the state's question (_bridge)
        plural = head_word.lower().endswith("s")
        if plural == (role.kind == "group"):
            return None  # "the parties" are several; "the man" is a person, not a body
        window = self._paragraph_window(analysis, start, _DESCRIBED_PARAGRAPHS)
        fitting = [
            h for h in hits.starting(window, start)
            if (h.known or h.kind == "organization") and h.actor not in excluded
            and h.kind not in ("person", "country", "media") and role.sector in h.sectors
        ]  # fmt: skip
        return fitting[-1] if len({h.actor for h in fitting}) == 1 else None

    def _paragraph_window(self, analysis: Analysis, start: int, paragraphs: int) -> int:
        """Start offset of the paragraph ``paragraphs`` before the one holding ``start``."""
        text = analysis.article.text
        at = start
        for _ in range(paragraphs + 1):
            found = text.rfind("\n", 0, at)
            if found < 0:
                return 0
            at = len(text[:found].rstrip("\n"))  # a blank line between paragraphs is one break
        return at + 1

    def _is_title(self, key: str, head_word: str) -> bool:
        """ "the president", "the former general": a short definite phrase whose head is one
        person's role."""
        role = self.kb.role(head_word.lower())
        single = not head_word.lower().endswith("s")
        return role is not None and role.kind == "person" and single and len(key.split()) <= 3

    def _title_holder(
        self, analysis: Analysis, hits: HitSpans, key: str, head_word: str, start: int,
        excluded: frozenset[str],
    ) -> Hit | None:  # fmt: skip
        """The person "the president" refers back to: of the people named with that title
        before ("President Manuel Zelaya"), the one mentioned last ("Mr Zelaya" counts)."""
        titled = [h for h in hits.titled(head_word, start) if h.actor not in excluded]
        described = _described(analysis.article.text, hits, head_word, start)
        titled += [h for h in described if h.actor not in excluded]
        titled.sort(key=lambda h: h.start)
        country = self.hints.in_words(key.split())
        if country:
            titled = [h for h in titled if h.country in (country, None)]
        if not titled:
            return None
        holders = {h.actor for h in titled}
        window = self._window(analysis, start, sentences=3)
        recent = [h for h in hits.starting(window, start) if h.actor in holders]
        return (recent or titled)[-1]

    def _topic_person(
        self, analysis: Analysis, hits: HitSpans, key: str, head_word: str, start: int,
        excluded: frozenset[str],
    ) -> Hit | None:  # fmt: skip
        """The person a role description no one was titled with refers back to ("Kitazumi, a
        freelance reporter, was detained ... confirmed that [the journalist] was held"; "X was
        jailed. [The 60-year-old opposition leader] denied ..."): the person the text is about
        in its own sentence before it or the sentence before: the only person named there,
        else the only one named in its own sentence, else the only one who is a main subject.
        One person ("the men" are several), named somewhere before as a person (a title, "Mr",
        "said") or as a verb's subject or object (not "at Kufena Village, [Wusasa]", a place
        NER took for a name). Never a person titled with another office ("President X" is not
        "the minister") or set beside a role of another sector ("X, a journalist," is not "the
        governor"); nor one who only owns someone ("X's deputy"); nor the speaker of a quote
        the description is in, nor the subject of a verb the description is said under ("X
        said [the minister] would resign": someone else); nor one of another country than the
        description gives ("the Kenyan minister")."""
        word = head_word.lower()
        at = analysis.article.text.find(head_word, start)
        head = token_at(analysis.docs, at) if at >= 0 else None
        if head is None or head.tag_ in ("NNS", "NNPS"):
            return None  # "the gunmen", "the men": several, not one person
        window = self._window(analysis, start, sentences=_TOPIC_SENTENCES)
        titles = self.kb.person_titles()
        token = token_at(analysis.docs, start)
        base = start - token.idx if token is not None else 0
        speaking = _subjects_above(token) if token is not None else []
        country = self.hints.in_words(key.split())
        excluded = excluded | self._speakers_around(analysis, start)  # a speaker tells of others
        fitting: list[Hit] = []
        for hit in hits.starting(window, start):
            if (
                hit.kind != "person"
                or hit.actor in excluded
                or (country and hit.country not in (None, country))
            ):
                continue
            if _owner(analysis, hit):
                continue  # "Juan Guaido's deputy": someone of Guaido's, not Guaido
            if any(hit.start - base < b and a < hit.end - base for a, b in speaking):
                continue
            fitting.append(hit)
        if not fitting:
            return None
        people = {h.actor for h in fitting}
        introduced: set[str] = set()
        own = self.kb.role(word)
        text = analysis.article.text
        for hit in hits.starting(0, start):  # a title of its own, other than the description's
            if hit.actor in people and _other_title(text, hit, titles, word):
                people.discard(hit.actor)
            apposed = _DESCRIPTION.match(text, hit.end) if hit.actor in people else None
            other = self.kb.role(apposed.group(1).lower().split()[-1]) if apposed else None
            if other is not None and other.kind == "person" and not _same_office(other, own):
                people.discard(hit.actor)  # "X, a Nigerian journalist," is not "the deputy governor"
            if hit.actor in people and (hit.introduced or _argument(analysis, hit)):
                introduced.add(hit.actor)
        people &= introduced
        fitting = [h for h in fitting if h.actor in people]
        if len(people) > 1:  # the one named in its own sentence is nearer than the sentence before
            sentence = self._window(analysis, start, sentences=0)
            own_sentence = [h for h in fitting if h.start >= sentence]
            one = len({h.actor for h in own_sentence}) == 1
            fitting = own_sentence if one else [h for h in fitting if _main_subject(analysis, h)]
        return fitting[-1] if len({h.actor for h in fitting}) == 1 else None

    def guess_country(self, analysis: Analysis) -> str | None:
        """Best country guess for an unknown actor with none of its own: the article's main country.
        Computed once per article (events ask for it per argument: per call it made long
        articles quadratic)."""
        cached = self._guesses.get(id(analysis))
        if cached is not None and cached[0] is analysis:
            return cached[1]
        guess = main_country(self._story_hits(analysis), self._story_places(analysis))
        self._guesses[id(analysis)] = (analysis, guess)
        while len(self._guesses) > _CACHE_SIZE:
            self._guesses.popitem(last=False)
        return guess

    def _story_hits(self, analysis: Analysis) -> list[Hit]:
        return [h for h in self.hits(analysis) if h.section in ACTOR_SECTIONS]

    def _story_places(self, analysis: Analysis) -> list[str]:
        """Countries of the places the title and body name ("in Algiers") other than the
        country actors themselves, for the guess."""
        places = []
        named = HitSpans([h for h in self._story_hits(analysis) if h.kind == "country"])
        for entity in analysis.entities:
            if named.overlapping(entity.start, entity.end):
                continue  # "arms sales to Croatia": counted once, as the country actor
            if entity.label in ("GPE", "LOC") and entity.section in ACTOR_SECTIONS:
                country = self.hints.country(entity.text)
                if country:
                    places.append(country)
        return places

    def _speakers_around(self, analysis: Analysis, offset: int) -> frozenset[str]:
        """The actors who speak the direct quotes around ``offset``: a third-person pronoun in
        one's own quoted words is someone else (in reported speech, "he said he would
        resign", it is often the speaker)."""
        cached = self._spoken.get(id(analysis))
        quotes = analysis.quotes
        if cached is None or cached[0] is not analysis or cached[1] is not quotes or cached[2] != len(quotes):
            spoken = [q for q in quotes if q.direct and q.speaker is not None and q.speaker.actor]
            cached = (analysis, quotes, len(quotes), SpanIndex(spoken, lambda q: (q.start, q.end)))
            self._spoken[id(analysis)] = cached
            while len(self._spoken) > _CACHE_SIZE:
                self._spoken.popitem(last=False)
        return frozenset(
            q.speaker.actor
            for q in cached[3].overlapping(offset, offset + 1)
            if q.speaker and q.speaker.actor
        )

    def _one_person(self, analysis: Analysis, hit: Hit) -> bool:
        """A mention of one person, which "they" never stands for: a person's name, or an
        unnamed one by a singular role noun ("Ra'ad's brother", "a police officer")."""
        token = token_at(analysis.docs, hit.end - 1)
        if hit.kind == "person":
            return token is None or token.tag_ not in ("NNS", "NNPS")
        if token is None or token.tag_ != "NN":
            return False
        role = self.kb.role(token.lower_)
        return role is not None and role.kind == "person"

    def _quoted_by(self, analysis: Analysis, hits: HitSpans, start: int, end: int) -> frozenset[str]:
        """The actors named inside a direct quote the pronoun introduces or closes ("'People
        must stop seeing Belarusians as aggressors,' [she] wrote"): a speaker talks of others,
        so the pronoun is someone named outside the quote."""
        text = analysis.article.text
        found: set[str] = set()
        for quote in self._quotes_near(analysis, start, end):
            gap = text[quote.end : start] if quote.end <= start else text[end : quote.start]
            if quote.end > start and quote.start < end or len(gap) > 6 or any(c.isalnum() for c in gap):
                continue  # not the quote this pronoun says
            found.update(h.actor for h in hits.overlapping(quote.start, quote.end) if h.actor)
        return frozenset(found)

    def _quotes_near(self, analysis: Analysis, start: int, end: int) -> list[Quote]:
        """The direct quotes within 6 characters of ``start:end`` (each one :meth:`_quoted_by`
        may read ends up to 6 before ``start`` or begins up to 6 after ``end``; the window's
        ends are open, so it reaches 7), in the article's order; indexed once per quotes list,
        as :meth:`_speakers_around` indexes its quotes (every pronoun walking every quote made
        long articles quadratic)."""
        quotes = analysis.quotes
        cached = self._direct.get(id(analysis))
        if cached is None or cached[0] is not analysis or cached[1] is not quotes or cached[2] != len(quotes):
            direct = [q for q in quotes if q.direct]
            cached = (analysis, quotes, len(quotes), SpanIndex(direct, lambda q: (q.start, q.end)))
            self._direct[id(analysis)] = cached
            while len(self._direct) > _CACHE_SIZE:
                self._direct.popitem(last=False)
        return cached[3].overlapping(start - 7, end + 7)

    def _attributed(self, analysis: Analysis, pronoun: Token | None, start: int) -> frozenset[str]:
        """The actors an "according to" phrase of the pronoun's sentence names, when the
        pronoun (its token at ``start``) is outside it: the source who tells of the act, not
        one who does it ("According to the party, [he] refused"; "[They] fired first,
        according to police")."""
        if pronoun is None:
            return frozenset()
        base = start - pronoun.idx  # the section's offset in the article
        hits = self._spans(analysis)[0]
        found: set[str] = set()
        sent, doc = pronoun.sent, pronoun.doc
        lower = columns(doc).lower  # forms as ids: a Token only for "according"
        for at in range(sent.start, sent.end):
            if lower[at] != _ACCORDING_ID:
                continue
            word = doc[at]
            tos = (c for c in word.children if c.lower_ == "to")
            for source in (g for c in tos for g in c.children if g.dep_ == "pobj"):
                low, high = source.left_edge.idx, source.right_edge.idx + len(source.right_edge)
                if low <= pronoun.idx < high:
                    continue
                found.update(h.actor for h in hits.overlapping(base + low, base + high) if h.actor)
        return frozenset(found)

    def _window(self, analysis: Analysis, start: int, sentences: int = 1) -> int:
        """Start offset of the sentence ``sentences`` before the one holding ``start``."""
        starts = self._sentence_starts.get(id(analysis))
        if starts is None or starts[0] is not analysis:
            offsets = sorted(
                s.start_char + sd.offset for sd in analysis.docs for s in sd.doc.sents
            )  # once per article: Span.sent walks the whole Doc
            starts = self._sentence_starts[id(analysis)] = (analysis, offsets)
            while len(self._sentence_starts) > _CACHE_SIZE:
                self._sentence_starts.popitem(last=False)
        offsets = starts[1]
        index = bisect_right(offsets, start) - 1 - sentences
        return offsets[index] if index >= 0 else 0

    def _unknown(
        self, analysis: Analysis, text: str, start: int, end: int, head_word: str, register: bool,
        name: str | None = None, core: str | None = None,
    ) -> Mention:  # fmt: skip
        """An unknown actor named by the role its phrase ends with, up to the head ("riot
        police in Nairobi"); ``name``: a longer name to keep it apart ("supporters of X");
        ``core``: the group's own words when a quantity comes first ("police" of "a
        contingent of police")."""
        words = text.split()
        country = self.hints.in_words(words)
        core = core or _core(text, head_word)
        role = self._role_of(core) if head_word else None
        kind = self._kind_of_group(text, core, head_word) if head_word else None
        if kind is not None and (role is None or not role.sector):
            role = kind  # "insurgent groups", "a rebel faction"
        if role is None and head_word.lower() in _OUTPOSTS and " " in core:
            role = self._role_of(core.rsplit(" ", 1)[0])  # "police outposts", "an army patrol"
            core = role.term if role is not None else core
        states = role is None and _states_of_a_kind(core, head_word)
        if (role is None and not states) or normalise(text) in _NONPERSONAL:
            return Mention(text, start, end, None, country)
        name = name or (self._group_core(core, role) if role is not None else core)
        actor_id = f"{UNKNOWN_ACTOR_PREFIX}{slug(name)}"
        sectors = [role.sector] if role is not None and role.sector else ["GOV"]
        if register:
            self._registry(analysis).add(actor_id, name, country, sectors, Span(text, start, end))
        return Mention(text, start, end, actor_id, country, sectors)

    def people(
        self, analysis: Analysis, mention: Mention, head_word: str, register: bool = True,
        sectors: tuple[str, ...] = ("CVL",),
    ) -> Mention:  # fmt: skip
        """An unresolved noun phrase that its verb says is people: "a trader was [killed]",
        "three young men were [kidnapped]", "[arrested] 15": an unknown civilian group.
        ``sectors``: none for a group of no known kind ("students and [job seekers]")."""
        if mention.actor is not None:
            return mention
        core = _core(mention.text, head_word)
        role = self._role_of(core)
        core = self._group_core(core, role) if role is not None else core
        actor_id = f"{UNKNOWN_ACTOR_PREFIX}{slug(core)}"
        span = Span(mention.text, mention.start, mention.end)
        if register:
            self._registry(analysis).add(actor_id, core, mention.country, list(sectors), span)
        return Mention(mention.text, mention.start, mention.end, actor_id, mention.country, list(sectors))

    def _registry(self, analysis: Analysis) -> _Registry:
        registry = self._registered.get(id(analysis))
        if registry is None or not registry.serves(analysis):
            registry = self._registered[id(analysis)] = _Registry(analysis)
            while len(self._registered) > _CACHE_SIZE:
                self._registered.popitem(last=False)
        return registry

    def _group_core(self, core: str, role: Role) -> str:
        """An unknown group's name with its role noun as the group goes by ("peaceful protesters"
        for "peaceful demonstrators"; "soldiers" for "a soldier")."""
        words = core.split()
        size = len(role.term.split())
        return (
            " ".join([*words[:-size], group_name(role, self.kb, self.titles)]) if len(words) >= size else core
        )

    def _kind_of_group(self, text: str, core: str, head_word: str) -> Role | None:
        """A word for a body of people ("group", "faction", "cell") after words that name the
        kind of people in it as a role does ("[insurgent] groups", "a [jihadist] group",
        "[student] groups", "a [rebel] faction"): a group of that kind, its sector the role's.
        Only a group the text brings in ("a jihadist group", "militant groups"): a definite one
        ("the rebel group", "the last rebel group still fighting") is one named before, as the
        bare word ("the group") is; one whose words before it are no role ("a small group",
        "two groups") stays no one."""
        words = core.lower().split()
        if len(words) < 2 or words[-1] != head_word.lower() or words[-1] not in _BODY_WORDS:
            return None
        if _DEFINITE.match(core) or _DEFINITE.match(text):
            return None
        kind = self._role_of(" ".join(words[:-1]))
        if kind is None or not kind.sector:
            return None
        size = len(kind.term.split()) + 1
        return Role(" ".join(words[-size:]), kind.sector, "group")

    def _role_of(self, core: str) -> Role | None:
        """The longest role the phrase ends with: "a human rights group", "riot police"."""
        words = core.lower().split()
        for size in (3, 2, 1):
            if len(words) >= size:
                role = self.kb.role(" ".join(words[-size:]))
                if role is not None:
                    return role
        return None


# Words that name a person as one of a group: "officials, including X", "such as X", "among them X".
_MEMBER_WORDS = frozenset({"including", "like", "as", "among"})


def _group_country(analysis: Analysis, hits: HitSpans, hit: Hit) -> str | None:
    """The country of the group a person is named as one of ("sanctions on Russian officials,
    including Culture Minister X"): the person's own, where the story's main country (the
    state imposing the sanctions) would be a wrong guess. None when the person is named so
    in no such group, or the group has no country."""
    token = token_at(analysis.docs, hit.head if hit.head >= 0 else hit.start)
    if token is None:
        return None
    offset = token.idx - (hit.head if hit.head >= 0 else hit.start)  # section offset, negated
    while token.dep_ in ("compound", "flat", "conj") and token.head.i != token.i:
        token = token.head  # the name's head word; the first of "X and Y"
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in _MEMBER_WORDS:
        return None
    if prep.lower_ == "as" and (prep.i == 0 or prep.doc[prep.i - 1].lower_ != "such"):
        return None  # "as" only in "such as"
    group = prep.head
    if group.pos_ not in ("NOUN", "PROPN"):
        return None
    start, end = group.left_edge.idx - offset, group.idx + len(group) - offset
    countries = {h.country for h in hits.overlapping(start, end) if h is not hit and h.country}
    return countries.pop() if len(countries) == 1 else None


def _commanded(hits: HitSpans, pronoun: Token | None, start: int) -> frozenset[str]:
    """The actors named later in the clause a subject or object pronoun (its token at
    ``start``) governs ("[he] called Moraes a dictator", "[she] said Kariuki lied"): news
    never names again, within that clause, the one its pronoun stands for, so none of them
    is the antecedent."""
    if pronoun is None or pronoun.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return frozenset()
    base = start - pronoun.idx  # the section's offset in the article
    verb = pronoun.head
    after = verb.right_edge.idx + len(verb.right_edge)
    named = hits.overlapping(start + len(pronoun), base + after)
    return frozenset(h.actor for h in named if h.actor)


_ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_TIME_ENTITIES = frozenset({"DATE", "TIME"})


def _topics_before(pronoun: Token) -> list[Token]:
    """The subjects a subject pronoun may continue: those of the clauses above its own in its
    sentence that come before it, nearest first; then the subject of the sentence before
    (past a stray quotation mark), when that sentence was parsed."""
    out: list[Token] = []
    verb = pronoun.head
    while verb.head.i != verb.i:  # the root heads itself
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.i < pronoun.i and subject not in out:
            out.append(subject)
    doc = pronoun.doc
    opening = sentence_range(doc, pronoun.i)[0]
    while opening > 0:  # the sentence before with words: not a stray quotation mark
        low, high = sentence_range(doc, opening - 1)
        if any(t.is_alpha for t in doc[low:high]):
            break
        opening = low
    if opening > 0:
        before = doc[slice(*sentence_range(doc, opening - 1))]
        subject = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if before.root.dep_ and subject is not None:
            out.append(subject)
    return out


def _subject_at(analysis: Analysis, start: int) -> bool:
    """Whether the word at ``start`` is a clause's subject: a subject pronoun continues the
    topic further back than a possessive ("his resignation") does."""
    token = token_at(analysis.docs, start)
    return token is not None and token.dep_ in ("nsubj", "nsubjpass")


def _agrees_with(key: str, noun: Token, kb: KnowledgeBase) -> bool:
    """Whether a common noun can be what a pronoun stands for: "he"/"she" one person (a
    person's role), "it" one body or thing that is no person, "they" a plural."""
    role = kb.role(noun.lower_) or kb.role(noun.lemma_.lower())
    person = noun.ent_type_ == "PERSON" or (role is not None and role.kind == "person")
    plural = noun.tag_ in ("NNS", "NNPS")
    if _NONPERSONAL.get(key) == "plural":
        return plural
    if key in _PERSONAL:
        return person and not plural
    return not person and not plural


def _may_name_actor(head: Token) -> bool:
    """Whether a phrase with this head word, neither a name found nor a role noun, may
    still name an actor: a pronoun, a name NER tags, or a word for a state or a group."""
    word = head.lower_
    return (
        head.pos_ == "PRON" or head.ent_type_ in _ACTOR_ENTITIES
        or word in _STATE_NAMES or word in _GROUP_WORDS or word in _BLOC_WORDS
    )  # fmt: skip


def _describes(analysis: Analysis, hit: Hit) -> bool:
    """Whether a name only describes the common noun after it ("a prominent [Saied] critic",
    "the [Trump] administration"): the parse has it as that noun's compound."""
    token = token_at(analysis.docs, hit.end - 1)
    return token is not None and token.dep_ == "compound" and token.head.pos_ == "NOUN"


def _plural(analysis: Analysis, hit: Hit) -> bool:
    """A mention headed by a plural common noun ("Pakistani troops", "Kurdish militants"),
    which a singular pronoun cannot take."""
    token = token_at(analysis.docs, hit.end - 1)
    return token is not None and token.tag_ == "NNS"


def _main_subject(analysis: Analysis, hit: Hit, owner: bool = False) -> bool:
    """Whether the mention is the subject of its sentence's main verb ("[The ministry] said
    troops had crossed"), not of a clause inside it; ``owner``: or names the owner of that
    subject ("[Turkey]'s foreign ministry said ..."), which a later "it" may stand for as the
    institution speaking for it (not "he" after "Putin's spokesman": another person)."""
    token = token_at(analysis.docs, hit.end - 1)
    if token is None:
        return False
    walk = ("compound", "amod", "flat", "poss") if owner else ("compound", "amod", "flat")
    while token.dep_ in walk and token.head.i != token.i:
        token = token.head  # "Turkey's defence [ministry]": the phrase's head
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return token.head.dep_ == "ROOT" or _reported_first(token.head)


def _reported_first(verb: Token) -> bool:
    """Whether ``verb`` heads what a sentence reports ahead of its teller ("[Hichilema] was
    arrested on Monday, his lawyer said"): its subject is the sentence's topic, the teller
    at the end only its source."""
    root = verb.head
    return verb.dep_ == "ccomp" and root.dep_ == "ROOT" and root.lemma_ in _REPORTING and verb.i < root.i


def _attributing(analysis: Analysis, hit: Hit) -> bool:
    """Whether the mention tells, after the fact, what its sentence reports ("..., [his lawyer
    Jack Mwiimbu] said"): a source, whom a later pronoun doing something does not continue."""
    token = token_at(analysis.docs, hit.end - 1)
    if token is None:
        return False
    while token.dep_ in ("compound", "amod", "flat", "appos") and token.head.i != token.i:
        token = token.head  # "his lawyer [Jack Mwiimbu]": the phrase's head
    verb = token.head
    return token.dep_ == "nsubj" and any(_reported_first(c) for c in verb.children if c.i < token.i)


# Words before a plural noun that count or point but set no group apart ("other states")
_DETERMINERS = frozenset(
    {"the", "these", "those", "its", "their", "his", "her", "our", "some", "many", "several", "all", "both",
     "most", "such", "other", "which", "what", "any", "no", "few", "more", "fewer"}
)  # fmt: skip
_STATES_OF_A_KIND = frozenset({"countries", "nations", "states"})
# Words for a body of people that say nothing of its kind ("a group", "the faction"): the
# words before them do ("insurgent groups"); see ``ActorResolver._kind_of_group``.
_BODY_WORDS = frozenset(
    {"group", "groups", "faction", "factions", "outfit", "outfits", "cell", "cells", "network", "networks",
     "organisation", "organisations", "organization", "organizations", "wing", "wings"}
)  # fmt: skip


def _states_of_a_kind(core: str, head_word: str) -> bool:
    """ "seven Latin American nations", "Western countries", "the Gulf states": a group of
    states no name gives, which a word before the plural state noun sets apart as one
    party that acts (an unknown actor, as "riot police" is); not bare "countries", "the
    countries", "other states", "more than 50 countries", which set no group apart."""
    words = core.lower().split()
    if head_word.lower() not in _STATES_OF_A_KIND or not words or words[-1] != head_word.lower():
        return False
    return any(w not in _DETERMINERS for w in words[:-1])


# "Nur Misuari, the southern governor whom ...", "X, a prominent cleric,": a person the
# article introduces by a description in apposition, a few words before any clause.
_DESCRIPTION = re.compile(
    r"\s*,\s+(?:the|a|an)\s+((?:[\w'’-]+\s+){0,4}?[\w'’-]+)"
    r"(?=\s*(?:[,.;:]|$|(?:who|whom|whose|of|in|at|for|from|and)\b))",
    re.IGNORECASE,
)
_DESCRIBED_PARAGRAPHS = 3
_ARTICLE_WORD = re.compile(r"^the\s+", re.IGNORECASE)


def _clause_verb(token: Token) -> Token | None:
    """The verb of the clause a word is an argument in (its nearest verb above it, or
    itself), None for a verbless fragment: two words under one verb are the two sides of
    one act, or partners in it."""
    while token.pos_ not in ("VERB", "AUX"):
        if token.head.i == token.i:
            return None
        token = token.head
    return token


_BRIDGE_PARAGRAPHS = 3  # train: the side a bare force noun continues is named within three paragraphs


def _described(text: str, hits: HitSpans, word: str, before: int) -> list[Hit]:
    """People set beside a description ending in ``word`` before offset ``before``: the
    title a wire gives in apposition ("Nur Misuari, the southern governor") names its
    holder as a title before the name does, so "the governor" later refers back to him."""
    word = word.lower()
    found = []
    for hit in hits.starting(0, before):
        if hit.kind != "person":
            continue
        match = _DESCRIPTION.match(text, hit.end)
        if match and match.end() <= before and match.group(1).lower().split()[-1] == word:
            found.append(hit)
    return found


def _apposed_person(text: str, hits: HitSpans, start: int) -> Hit | None:
    """The person named right before a title phrase set off by a comma: "X, the regional
    governor" names X by the title, as a title before the name does."""
    before = hits.starting(max(0, start - 80), start)
    if not before or before[-1].kind != "person" or not _APPOSED.match(text[before[-1].end : start]):
        return None
    return before[-1]


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# A pronoun argument of its clause, subject or object, is read by salience; an owner ("its
# strikes", "their operations") is read by the owner rules (event_actors) first.
_SALIENT_DEPS = _SUBJECTS | {"dobj", "dative", "pobj"}


def _salient(analysis: Analysis, candidates: list[Hit], start: int) -> list[Hit]:
    """A pronoun that is its clause's subject continues the topic: it takes the main
    subject of the sentence before over a later name in a clause or object ("The Indian
    ministry said Pakistani forces fired. It said ..." is the ministry). An object pronoun
    takes the last verb's argument over a name inside a phrase ("Guevara, an ally of
    Guaido, was detained. They accused [him]" is Guevara). What a sentence reports ahead of
    its teller is its topic, and the teller is not, unless the pronoun speaks again:
    "Hichilema was arrested, his lawyer said. [He] has since been released" is Hichilema."""
    pronoun = token_at(analysis.docs, start)
    if pronoun is None or pronoun.dep_ not in _SALIENT_DEPS or not candidates:
        return candidates
    sentence = start - pronoun.idx + pronoun.sent.start_char  # its sentence's start in the article
    if any(h.start >= sentence for h in candidates):
        return candidates  # a name earlier in its own sentence stays nearer
    owner = pronoun.lower_ in _NONPERSONAL
    if pronoun.head.lemma_ not in _REPORTING:  # "He has since been released", not "He added"
        candidates = [h for h in candidates if not _attributing(analysis, h)] or candidates
    if pronoun.dep_ not in _SUBJECTS:
        return [h for h in candidates if _argument(analysis, h)] or candidates
    return [h for h in candidates if _main_subject(analysis, h, owner)] or candidates


_CORE_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})
_REPORTING = frozenset({"say", "tell", "announce", "state", "add", "report", "confirm", "declare"})
_NAME_WALK = ("compound", "flat", "poss", "appos")  # not "Israeli [missiles]": a thing's maker


def _topic_state(analysis: Analysis, candidates: list[Hit], start: int) -> list[Hit]:
    """A state named by a description ("the kingdom", "the country") is one the story is
    about, not the last state named in passing: never the one its own clause is said by
    ("the U.S. pressed Turkey, warning that the country ..."); as a subject, the main
    subject before ("Riyadh cut ties with Tehran after the kingdom executed ..."); else a
    verb's own argument before a state in a prepositional phrase ("the deal with Russia")."""
    token = token_at(analysis.docs, start)
    if token is None or not candidates:
        return candidates
    base = start - token.idx  # the section's offset in the article
    ranges = _governing_subjects(token)
    said_by = {h.actor for h in candidates if any(h.start - base < b and a < h.end - base for a, b in ranges)}
    organs = [h for h in candidates if h.actor in said_by and h.kind != "person" and h.country]
    said_by |= {f"country:{h.country}" for h in organs}  # a ministry speaks for its state, a general not
    left = [h for h in candidates if h.actor not in said_by] or candidates
    phrase = token.head if token.dep_ in ("det", "poss") else token
    if phrase.dep_ in ("nsubj", "nsubjpass"):  # a subject continues the topic, as "it" does
        topics = [h for h in left if _main_subject(analysis, h, owner=True)]
        if topics:
            return topics
    return [h for h in left if _argument(analysis, h)] or left


def _owner(analysis: Analysis, hit: Hit) -> bool:
    """Whether the name owns the noun after it ("[Juan Guaido]'s deputy")."""
    token = token_at(analysis.docs, hit.end - 1)
    while token is not None and token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    return token is not None and token.dep_ == "poss"


def _other_title(text: str, hit: Hit, titles: frozenset[str], word: str) -> bool:
    """Whether a person's mention gives a title other than ``word`` that the person holds:
    "President X" is not "the minister"; "former president X" may be "the opposition leader"
    (an office left is no office now)."""
    words = text[max(0, hit.start - 12) : hit.end].lower().replace("ex-", "former ").split()
    return any(
        w in titles and w != word and (i == 0 or words[i - 1] not in _FORMER) for i, w in enumerate(words)
    )


_FORMER = frozenset({"former", "ousted", "deposed", "late"})


def _same_office(one: Role, other: Role | None) -> bool:
    """Whether two person roles may name one person: the same term, or two of one sector
    ("reporter", "journalist": MED), not a journalist and a governor."""
    return other is not None and (one.term == other.term or bool(one.sector) and one.sector == other.sector)


def _subjects_above(token: Token) -> list[tuple[int, int]]:
    """Character ranges (in the token's Doc) of the subjects of the verbs above the phrase
    ``token`` opens, up to a relative or participle clause, the reporting verb included:
    "X said [the minister] would resign" tells of someone else than X."""
    phrase = token.head if token.dep_ in ("det", "poss") else token
    ranges: list[tuple[int, int]] = []
    node = phrase
    while node.head.i != node.i and node.dep_ not in ("relcl", "acl"):
        node = node.head
        ranges.extend(
            (c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text))
            for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != phrase.i
        )  # fmt: skip
    return ranges


def _governing_subjects(token: Token) -> list[tuple[int, int]]:
    """Character ranges (in the token's Doc) of the head words of the subjects of the verbs
    that govern the phrase ``token`` opens, up to the clause a relative clause or a noun's
    complement opens; with a name set beside the head ("Sudan's top [general], [Burhan]"),
    not its owner (Sudan)."""
    phrase = token.head if token.dep_ in ("det", "poss") else token
    ranges: list[tuple[int, int]] = []
    node = phrase
    while node.head.i != node.i and node.dep_ not in ("relcl", "acl"):
        if node.dep_ == "ccomp" and node.head.lemma_ in _REPORTING:
            break  # "Jordan said the kingdom ...": a state may report on itself
        node = node.head
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i != phrase.i:
                named = [child, *(c for c in child.children if c.dep_ == "appos")]
                ranges.extend((t.idx, t.idx + len(t.text)) for t in named)
    return ranges


def _argument(analysis: Analysis, hit: Hit) -> bool:
    """Whether the mention is (or names the owner of) a verb's subject or object, not a
    name inside a prepositional phrase."""
    token = token_at(analysis.docs, hit.end - 1)
    if token is None:
        return False
    while token.dep_ in _NAME_WALK and token.head.i != token.i:  # a Token is built anew per access
        token = token.head
    return token.dep_ in _CORE_ARGUMENTS


def _entity_label(analysis: Analysis, offset: int) -> str:
    """The NER label of the token at ``offset`` of ``Article.text`` ("" when none)."""
    token = token_at(analysis.docs, offset)
    return token.ent_type_ if token is not None else ""


def _appositive_place(text: str, offset: int) -> bool:
    """Whether an apposition at ``offset`` calls what comes before it a place: ", the home
    city of X", ", a town near the border" (not ", the city's mayor")."""
    match = _APPOSITIVE.match(text, offset)
    if match is None or _POSSESSIVE_AFTER.match(text, match.end()):
        return False
    return any(w.lower() in PLACE_NOUNS for w in match.groups() if w)


def _capitals(text: str) -> bool:
    """Whether the last word is written in capitals ("the US", "U.S."), not "I"."""
    words = text.replace(".", "").split()
    return bool(words) and len(words[-1]) > 1 and words[-1].isupper()


def main_country(hits: Iterable[Hit], places: Iterable[str] = ()) -> str | None:
    """The country a text names most: known actors' and places' countries, first named on ties;
    else unknown actors' countries; None when it names none. An outlet's country is where it
    is based, not where its story is: "TEGUCIGALPA (Reuters) -" is no British story."""
    known: dict[str, int] = {}
    unknown: dict[str, int] = {}
    for hit in hits:
        if hit.country and hit.kind != "media":
            counts = known if hit.known else unknown
            counts[hit.country] = counts.get(hit.country, 0) + 1
    for country in places:
        known[country] = known.get(country, 0) + 1
    counts = known or unknown
    return max(counts, key=lambda c: counts[c]) if counts else None


def _up_to_head(text: str, start: int, end: int, head: int | None) -> str:
    """The phrase up to the end of its head word: "the two groups" of "the two groups of X"."""
    if head is None or not start <= head < end:
        return text[start:end]
    return text[start : head + len(_head_word(text, head, end))]


def _head_word(text: str, head: int, end: int) -> str:
    """The head word of a phrase ending at ``end``; "the president.Mr Yameen", a sentence
    glued to the next, ends at the full stop, not at the next sentence's first word."""
    word = _word_at(text, head)
    return word[: end - head] if text.startswith(".", end) else word


_WORD = re.compile(r"[\w'’.-]+")  # compiled once: read for the head of every phrase linked


def _word_at(text: str, offset: int) -> str:
    if not 0 <= offset < len(text):
        return ""
    match = _WORD.match(text, offset)
    return match.group(0).rstrip(".") if match else ""


_LOCATIVE = re.compile(
    r"\b(?:in|near|at|outside|inside|across|around|throughout)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|(?:north|south)-?(?:east|west))(?:ern)?\s+)?$",
    re.IGNORECASE,
)  # "a truce in Khartoum", "a car in southern Lebanon"


def _where(text: str, chosen: Hit, head: int | None) -> bool:
    """A country or capital after a thing's name, in a place phrase: "a truce in Khartoum",
    "talks in Doha" (where it is, not whose; a role's is "security forces in Kenya")."""
    return (
        chosen.kind == "country" and head is not None and chosen.start > head
        and bool(_LOCATIVE.search(text, max(0, chosen.start - 28), chosen.start))
    )  # fmt: skip


def _pick(inside: list[Hit], head: int | None, head_word: str, civil_head: bool = False) -> Hit | None:
    if not inside:
        return None
    if head is not None:
        covering = [h for h in inside if h.start <= head < h.end]
        if covering:
            return covering[0]
    known = [h for h in inside if h.known] or inside
    if head_word.lower() in _GROUP_WORDS:
        groups = [h for h in known if h.kind not in ("country", "person", "media")]
        if groups:
            return groups[0]
    if head is None:
        return known[0]
    before = [h for h in known if h.end <= head]  # "Montenegro's prime minister", "Cambodian camp in X"
    if not before and civil_head and all(h.kind == "country" for h in known):
        return None  # "thousands of demonstrators in Bangkok": people there, not the state
    return min(before or known, key=lambda h: abs(h.start - head))


def _joined_countries(inside: list[Hit], text: str, head: int | None) -> list[Hit]:
    """Countries coordinated before one head: "Hungarian and Romanian officials" (the
    head's mention is "Romanian officials"; "Hungarian" before it shares the role)."""
    if head is None:
        return []
    covering = [i for i, h in enumerate(inside) if h.start <= head < h.end and h.kind == "country"]
    if not covering:
        return []
    index = covering[0]
    run = [inside[index]]
    while index > 0:
        before = inside[index - 1]
        if before.kind != "country" or not _AND.match(text[before.end : run[0].start]):
            break
        run.insert(0, before)
        index -= 1
    return run if len({h.actor for h in run}) > 1 else []


# Words for whoever leads a state, of any title: "the two countries' leaders" are the
# leaders named before, whatever office each holds.
_ANY_OFFICE = frozenset({"leader", "leaders", "head", "heads", "chief", "chiefs", "ruler", "rulers"})
_TITLE_REACH = 45  # characters before a name ("Sudanese Defence Minister X") or after it ("X, the ...")


def _office(analysis: Analysis, head: int | None, head_word: str) -> str | None:
    """The office a plural role names, with the words that narrow it, singular: "defence
    minister" for "the defence ministers of both countries"; None for a word any leader
    fits ("the two countries' leaders")."""
    if head is None or head_word.lower() in _ANY_OFFICE:
        return None
    token = token_at(analysis.docs, head)
    if token is None:
        return None
    narrowing = [c.lower_ for c in token.lefts if c.dep_ in ("compound", "amod") and c.is_alpha]
    word = token.lemma_.lower() if token.tag_ in ("NNS", "NNPS") else token.lower_
    return " ".join([*narrowing, word])


def _titled(text: str, hit: Hit, office: str) -> bool:
    """Whether a person's mention carries the office as a title, before the name or in
    apposition after it, within its own sentence."""
    before = text[max(0, hit.start - _TITLE_REACH) : hit.end].lower()
    after = text[hit.start : hit.end + _TITLE_REACH].lower()
    before = re.split(r"[.!?]\s", before)[-1]
    after = re.split(r"[.!?]\s", after)[0]
    return office in before or office in after


def _compatible(hit: Hit, wanted: str) -> bool:
    if wanted == "person":
        return hit.kind == "person"
    if wanted == "country":
        return hit.kind == "country"
    if wanted == "group":
        return hit.kind not in ("country", "person")
    if wanted == "bloc":
        return hit.kind in ("igo", "ngo")
    return hit.kind != "person"


_FREQUENT_PAIRS = 5  # pairs named together most that "the two governments" may mean
_TOPONYM_PREFIXES = frozenset(
    {"wad", "deir", "dayr", "kfar", "kafr", "beit", "bayt", "ain", "ein", "tel", "tal", "bir", "ras",
     "jabal", "jebel", "wadi", "khirbet", "qasr"}
)  # fmt: skip
_STATE_NOUNS = frozenset(
    {"countries", "nations", "states", "governments", "neighbours", "neighbors", "powers"}
)
_NEIGHBOURS = frozenset({"the neighbours", "the neighbors"})  # "the neighbours signed": the two states
# "the two sides" not named together lately: the story's two parties, as for states
_SIDE_NOUNS = frozenset({"side", "sides"})
_GROUP_NOUNS = frozenset(
    {"groups", "movements", "organizations", "organisations", "parties", "rivals", "factions", "camps"}
)
# "the two", "both" with no noun: two people named apart just before ("Motegi warned Kang ... The two agreed")
_BARE_PAIR = frozenset({"two", "both"})
# "the two leaders", "the two presidents": two people, the pair's leaders where named apart
_PERSON_NOUNS = frozenset({"leaders", "presidents", "premiers", "ministers"})


def names_a_pair(words: str) -> bool:
    """Whether a noun phrase up to its head ("the two sides", "both countries", "the warring
    parties", "neither side") calls the two parties of a story by one plural name."""
    key = normalise(words)
    return bool(_PAIR.match(key) or _TWO_OF_A_NAME.match(key)) or words.lower() in _NEIGHBOURS


def _fits_pair_noun(hit: Hit, key: str) -> bool:
    """ "the two groups" are not two states, "the two countries" are states."""
    noun = key.rsplit(" ", 1)[-1]
    if noun in _STATE_NOUNS:
        return hit.kind == "country"
    if noun in _PERSON_NOUNS:
        return hit.kind == "person"
    return hit.kind != "country" if noun in _GROUP_NOUNS else True


def _last_pair(
    hits: list[Hit], text: str, excluded: frozenset[str], counts: Counter[frozenset[str]] | None = None
) -> list[Hit]:
    """The last two different actors named together ("Hamas and ISIS") among ``hits``; with
    ``counts``, of the pairs named together there the one the article names together most
    ("the two sides" after "Washington and Beijing sent envoys" to talks between two others).
    """
    before = [h for h in hits if h.kind != "media"]
    best: list[Hit] = []
    best_count = -1
    for index in range(len(before) - 2, -1, -1):
        first, second = before[index], before[index + 1]
        if first.actor == second.actor or {first.actor, second.actor} & excluded:
            continue
        if index and _in_a_list(before[index - 1], first, text):
            continue  # "mediated by the EU, the US and Russia": the last two of three, not a pair
        if _AND.match(text[first.end : second.start]):
            if counts is None:
                return [first, second]
            count = _pair_count([first, second], counts)
            if count > best_count:
                best, best_count = [first, second], count
    return best


def _in_a_list(earlier: Hit, first: Hit, text: str) -> bool:
    """Whether ``first`` follows another party by a list's comma ("the EU, [the US] and
    Russia"): the pair it starts is the tail of a list of three or more."""
    return earlier.actor != first.actor and bool(_COMMA.match(text[earlier.end : first.start]))


def _last_list(hits: list[Hit], text: str, size: int, excluded: frozenset[str]) -> list[Hit]:
    """The last ``size`` different states named one after another as a list among ``hits``,
    ending with "and" ("Bolivia, Chile and Colombia"); none when the list is longer."""
    named = [h for h in hits if h.kind != "media"]
    for last in range(len(named) - 1, size - 2, -1):
        run = named[last - size + 1 : last + 1]
        if any(h.kind != "country" or h.actor in excluded for h in run):
            continue
        gaps = [text[a.end : b.start] for a, b in zip(run, run[1:], strict=False)]
        if not all(_LISTED.match(g) for g in gaps) or not _AND.match(gaps[-1]):
            continue
        before = named[last - size] if last >= size else None
        if before is not None and before.kind == "country" and _LISTED.match(text[before.end : run[0].start]):
            continue  # one list of more names: "the three" are not its last three
        if len({h.actor for h in run}) == size:
            return run
    return []


def _main_pair(countries: list[Hit], frequent: list[frozenset[str]], excluded: frozenset[str]) -> list[Hit]:
    """The two states the article names together most (at least twice; ``frequent``, most
    first), by their mentions last before among ``countries``: "the two governments" when
    neither was named with the other lately ("a go-between for Iran and Western governments
    ... the two governments")."""
    last: dict[str, Hit] = {h.country: h for h in countries if h.country and h.actor not in excluded}
    for pair in frequent:
        if all(c in last for c in pair):
            return sorted((last[c] for c in pair), key=lambda h: h.start)
    return []


def _last_two(people: list[Hit], excluded: frozenset[str]) -> list[Hit]:
    """The last two different people among ``people``, each by its last mention: "the two" of
    a sentence after one naming them apart ("Motegi warned Kang ... The two agreed")."""
    last: dict[str, Hit] = {}
    for hit in people:
        if hit.actor not in excluded:
            last.pop(hit.actor, None)
            last[hit.actor] = hit
    return list(last.values())[-2:] if len(last) >= 2 else []


def _two_most_named(countries: list[Hit], excluded: frozenset[str]) -> list[Hit]:
    """The two states named most among ``countries``, each at least twice and a third fewer
    times, by their mentions last before: "the two countries" of a story about two states it
    never names side by side ("Japan imposed curbs on South Korea ... the two countries agreed")."""
    named = [h for h in countries if h.country and h.actor not in excluded]
    ranked = Counter(h.country for h in named).most_common(3)
    if len(ranked) < 2 or ranked[1][1] < 2 or (len(ranked) == 3 and ranked[2][1] == ranked[1][1]):
        return []
    last = {h.country: h for h in named if h.country in (ranked[0][0], ranked[1][0])}
    return sorted(last.values(), key=lambda h: h.start)


def _story_pair(hits: list[Hit], counts: Counter[frozenset[str]], excluded: frozenset[str]) -> list[Hit]:
    """The pair the article names together most whose two parties are among ``hits``, by
    their mentions last before (a state's own name before its leader's): "the two sides"
    of a story about one conflict or dispute."""
    last: dict[str, Hit] = {}
    for hit in hits:
        party = _party(hit)
        if hit.kind == "media" or hit.actor in excluded:
            continue
        if hit.kind == "country" or party not in last or last[party].kind != "country":
            last[party] = hit  # the state itself, not its leader, where the story names it
    for pair, _ in counts.most_common():
        if all(p in last for p in pair):
            return sorted((last[p] for p in pair), key=lambda h: h.start)
    return []


def _most_named(people: list[Hit]) -> list[Hit]:
    """The mentions of the person each party names most among ``people``: "the two leaders"
    are the ones the story is about, not a spokesman quoted last."""
    counts = Counter(h.actor for h in people)
    best: dict[str, str] = {}
    for hit in people:
        party = _party(hit)
        if party not in best or counts[hit.actor] >= counts[best[party]]:
            best[party] = hit.actor
    return [h for h in people if best[_party(h)] == h.actor]


def _toponym_prefix(name: str) -> bool:
    """A name built as Arabic and Hebrew place names are ("Wad al-Noura", "Deir al-Balah",
    "Kfar Kila", "Ain Issa"): the gazetteer lacks most villages, their first word says place."""
    words = name.split()
    if len(words) < 2 or words[0].lower() not in _TOPONYM_PREFIXES:
        return False
    return words[1][:1].isupper() or words[1].lower().startswith(("al-", "el-", "ad-", "as-", "ar-", "an-"))


def _pair_count(pair: list[Hit], counts: Counter[frozenset[str]]) -> int:
    return counts[frozenset(_party(h) for h in pair)]


def _party(hit: Hit) -> str:
    """What a pair counts by: the country of a state or its people, else the actor."""
    return hit.country if hit.country and hit.kind in ("country", "person") else hit.actor


def _link_state(analysis: Analysis) -> tuple[int, int, int]:
    """What of an article link_all reads that may change while spans are linked: its quotes
    (the quote stage fills them), and its actors list if replaced (linking only adds to it,
    and the same call adds the same again: nothing)."""
    quotes = analysis.quotes
    return id(quotes), len(quotes), id(analysis.actors)


def _mention(text: str, start: int, end: int, hit: Hit, sectors: list[str] | None = None) -> Mention:
    """The hit's actor for the words at ``start:end``; ``sectors``: the phrase's own role."""
    own = list(hit.sectors) if sectors is None else sectors
    return Mention(text, start, end, hit.actor, hit.country, own)


def _core(text: str, head_word: str) -> str:
    """The words of an unknown actor's name up to its head: "jihadists" of "jihadists in Gaza"."""
    words = text.split()
    lowered = [w.lower().rstrip(",;:") for w in words]  # "supporters, wielding sticks"
    if head_word.lower() in lowered:
        index = lowered.index(head_word.lower())
        words = [*words[:index], words[index].rstrip(",;:")]
    return " ".join(without_quantity(words)) or text


def _partitive_head(analysis: Analysis, head: int, start: int) -> tuple[int, int]:
    """The offsets of the people a quantity noun at ``head`` counts and of their phrase
    ("dozens of [Serb] [gunmen]"); ``head`` and ``start`` when it counts no one."""
    token = token_at(analysis.docs, head)
    if token is None:
        return head, start
    people = partitive_of(token)
    if people is token:
        return head, start
    return head + people.idx - token.idx, max(start, head + people.left_edge.idx - token.idx)


class _Registry:
    """An article's actors by id, each with its mentions as a set, so that registering an
    unknown actor's mention costs the same on the 5,000th as on the first (a walk of
    ``analysis.actors`` and of the actor's mentions made long articles quadratic)."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis, self.actors = analysis, analysis.actors
        self.by_id: dict[str, tuple[Actor, set[Span]]] = {}
        for actor in self.actors:
            self.by_id.setdefault(actor.id, (actor, set(actor.mentions)))
        self.size = len(self.actors)

    def serves(self, analysis: Analysis) -> bool:
        """Still the article's list of actors, changed by nothing else since."""
        return self.analysis is analysis and self.actors is analysis.actors and self.size == len(self.actors)

    def add_known(self, record: KBRecord, span: Span) -> None:
        """Add ``span`` to the actor of a knowledge-base record, new to the article or not."""
        if record.id not in self.by_id:
            actor = Actor(
                record.id, record.name, record.kind, record.country, list(record.sectors), record.wikidata
            )
            self.actors.append(actor)
            self.by_id[record.id] = (actor, set())
            self.size += 1
        self.add(record.id, record.name, record.country, list(record.sectors), span)

    def add(self, actor_id: str, name: str, country: str | None, sectors: list[str], span: Span) -> None:
        """Add ``span`` to the first actor with ``actor_id``, or a new unknown group actor."""
        found = self.by_id.get(actor_id)
        if found is not None:
            actor, spans = found
            if span not in spans:
                actor.mentions.append(span)
                spans.add(span)
            return
        actor = Actor(actor_id, name, "group", country, sectors, None, False, [span])
        self.actors.append(actor)
        self.by_id[actor_id] = (actor, {span})
        self.size += 1


@cache
def resolver_for(kb_files: tuple = (), model: str = "md") -> ActorResolver:
    """The resolver for a set of user KB files, built once per process and shared by stages."""
    from eventwire.nlp import load_model

    tokenizer = load_model(model).tokenizer
    kb = load_knowledge_base(kb_files)
    return ActorResolver(kb, lambda text: [t.text for t in tokenizer(text)])


class ActorStage:
    """Reads ``docs``; writes ``actors``. ``link`` resolves any span for later stages."""

    name = "actors"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config
        self.resolver = resolver_for(tuple(config.kb_files), config.model)
        self.link = self.resolver.link
        self.link_all = self.resolver.link_all

    def __call__(self, analysis: Analysis) -> Analysis:
        self.resolver.collect(analysis)
        return analysis

    def forget(self, analyses: Iterable[Analysis]) -> None:
        """Once no stage will link spans of ``analyses`` again (see Pipeline.forget)."""
        self.resolver.forget(analyses)
