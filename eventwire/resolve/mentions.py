"""Finding actor mentions in a parsed section and resolving each to an actor.

A mention starts from a spaCy entity (ORG, GPE, NORP, PERSON) or a knowledge-base
alias found in the tokens (NER misses many group names: "Daesh", "Islamic State").
It then grows by the words around it that say who the actor is:

* a role noun after a country word: "the Israeli government" -> ISR, GOV; a group that is
  not the state ("the Kenyan opposition", "Zimbabwean opposition parties") is an
  unknown group with that country and the role's sector, never the state;
  "Montenegro's prime minister" -> MNE, GOV; after a group: "Hamas movement";
* a title and country before a person: "the Israeli intelligence minister Israel Katz";
* an appositive after a person: "Israel Katz, the Israeli intelligence minister".

A name the article already gave in full is preferred for its short form: "the Times"
after "The New York Times", "Katz" after "Israel Katz" (the article-context rule); so is
a longer country name: "Congo" after "the Democratic Republic of the Congo" is that
country, not the Republic of the Congo. A knowledge-base name found in the tokens beats
the shorter entities NER cut it into ("The Democratic Republic" + "Congo").

spaCy tags many villages and towns PERSON or ORG ("near the villages of Kfar Kila and
Khiam", "Baku was ready"). Such a name is no actor when nothing says it is a person (a
title, an appositive role, "Mr", "said" right after) and the words around it say it is a
place: "the villages of", ", a town" alone; "in", "near", "west of" when the gazetteer
has the name or NER tags it a place elsewhere in the section. A capital stands for its
country as it does when tagged GPE; other places are left to the place stage. A group's
name tagged PERSON that the knowledge base has in a close spelling of two words or more
("Jaysh al-Islam" for Jaish al-Islam) is that group when nothing says "person". A one-word
"name" nobody introduced, right before a role noun ("Zim police", "the Stern
correspondent"), is a modifier of the role, not a person: the role phrase is linked as one.
Unknown organisations, people and groups are kept, with the country their words or a
following "in <place>" name. A state organ the knowledge base files under one country by a
generic name ("Congress", "Senate") is another state's where the words place it there ("the
Peruvian Congress", "Congress in Peru"): that state with the organ's sector. Works on
unparsed sentences too: only tokens and entities are read, never the dependency tree.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import accumulate
from typing import TYPE_CHECKING

from eventwire.models import UNKNOWN_ACTOR_PREFIX, Mention, Section
from eventwire.nlp.bounds import entity_end, entity_start, is_sent_start, keep_text, span_text, token_starts
from eventwire.nlp.columns import columns, ids
from eventwire.resolve.aliases import AliasIndex
from eventwire.resolve.groups import NONSTATE_SECTORS, group_name
from eventwire.resolve.hints import CountryHints, SectionPlaces, in_dateline, person_cue
from eventwire.resolve.kb import KBRecord, KnowledgeBase, Match, Role, normalise, plural, slug

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from eventwire.nlp.parse import SectionDoc

ACTOR_LABELS = frozenset({"ORG", "GPE", "NORP", "PERSON"})
_MAX_MODIFIERS = 3  # words between a country word and its role noun: "Israeli intelligence minister"
_TITLE_WINDOW = 7  # tokens before a name searched for its title: "Israeli Prime Minister Ehud Barak"
_STOP_WORDS = frozenset({"and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from", "said"})
# participles that qualify a title as adjectives do ("Thailand's acting Prime Minister X")
_TITLE_PARTICIPLES = frozenset({"acting", "outgoing", "incoming", "serving", "sitting", "reigning", "ruling"})
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
_POSSESSIVE = frozenset({"'s", "’s", "'"})
_POSSESSIVE_IDS = ids(_POSSESSIVE)  # string ids, as the Doc's columns hold them
_ARTICLE_IDS = ids(("the", "a", "an"))
_RELATIVES = frozenset({"who", "whose", "whom", "which", "where", "when"})
_GENERIC_GROUPS = frozenset(
    {"group", "movement", "organization", "organisation", "faction", "party", "network"}
)
_AGAINST_PREFIXES = frozenset({"anti", "non", "ex"})
# Kinds of a state's own organs: the knowledge base files "Congress", "Senate" or "Foreign
# Office" under one country, but every state has one.
_ORGANS = frozenset({"government_body", "military", "police"})
# Heads of a name that is always the state's own organ, never a body apart from it: NER's
# "Kuwait's Foreign Ministry", "the Turkish Embassy" are that state (GOV), as "the Kuwaiti
# government" is; not "council" or "commission" ("the Norwegian Refugee Council" is no state).
_STATE_ORGAN_HEADS = frozenset(
    {"ministry", "ministries", "government", "administration", "cabinet", "embassy", "consulate"}
)
_NOT_ACTOR_NEXT = frozenset({"$", "dollar", "dollars", "language", "languages", "speakers", "-speaking"})
_ORG_WORDS = frozenset(
    {"ministry", "council", "party", "front", "forces", "army", "brigade", "brigades", "agency", "company",
     "corporation", "bank", "university", "committee", "union", "association", "movement", "group",
     "organization", "organisation", "institute", "foundation", "court", "police", "commission", "office",
     "network", "news", "times", "post", "radio", "television", "tv", "press", "club", "fc"}
)  # fmt: skip


@dataclass(slots=True)
class Hit:
    """One resolved mention, offsets into ``Article.text``."""

    start: int
    end: int
    text: str
    actor: str
    name: str
    kind: str
    country: str | None
    sectors: tuple[str, ...]
    known: bool
    wikidata: str | None
    section: Section
    head: int = -1  # offset of the word the mention is named by (the person's name, the group)
    introduced: bool = True  # a person's mention with a word that says "person" (a title, "Mr", "said")
    organ: str = ""  # the generic name of the state organ it names, filed in the KB under another state


def named_as(mention: Mention, hit: Hit) -> Mention:
    """An event side's words, now naming the hit's actor (its country and sectors too): what a
    later stage writes when it finds whom a description stands for."""
    return Mention(mention.text, mention.start, mention.end, hit.actor, hit.country, list(hit.sectors))


class HitSpans:
    """Hits in text order, searchable by offset: a search costs log n plus the hits near
    the offsets, where walking the list for every link made long articles quadratic."""

    def __init__(self, hits: list[Hit]) -> None:
        self.hits = hits  # sorted by start
        self.starts = [h.start for h in hits]
        # the furthest end of the hits up to each one: a search starts after the last hit that
        # ends before it, where starting one longest hit back scanned far in a long article
        self.reach = list(accumulate((h.end for h in hits), max))

    def overlapping(self, start: int, end: int) -> list[Hit]:
        """Hits that overlap ``start:end``, in text order."""
        low = bisect_right(self.reach, start)
        high = bisect_left(self.starts, end)
        return [h for h in self.hits[low:high] if start < h.end]

    def starting(self, low: int, high: int) -> list[Hit]:
        """Hits that start in ``low:high``, in text order."""
        return self.hits[bisect_left(self.starts, low) : bisect_left(self.starts, high)]

    def within(self, start: int, end: int) -> list[Hit]:
        """Hits that lie inside ``start:end``, in text order."""
        return [h for h in self.starting(start, end + 1) if h.end <= end]

    @cached_property
    def actors(self) -> frozenset[str]:
        """Ids of the actors the hits name."""
        return frozenset(h.actor for h in self.hits)

    def titled(self, word: str, before: int) -> list[Hit]:
        """People named with ``word`` among their words before offset ``before``, in text
        order: "President Manuel Zelaya" for "president" (indexed once, on first use)."""
        starts, hits = self._titles.get(word.lower(), ([], []))
        return hits[: bisect_left(starts, before)]

    @cached_property
    def _titles(self) -> dict[str, tuple[list[int], list[Hit]]]:
        index: dict[str, tuple[list[int], list[Hit]]] = {}
        for hit in self.hits:
            if hit.kind == "person":
                for word in dict.fromkeys(hit.text.lower().split()):
                    starts, hits = index.setdefault(word, ([], []))
                    starts.append(hit.start)
                    hits.append(hit)
        return index


# The Arabic article joined to a family name ("al-Bashir", "el-Sisi", "ash-Shara"): the
# name is said without it too.
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ud)-(?=\w{3})")


# An acronym as written: two to six capitals ("NCA", "RSF"), not a word in capitals.
_ACRONYM = re.compile(r"[A-Z]{2,6}")
# The word that makes an unknown organisation of a state one of its organs, and the sector
# it gives: "the U.S. Department of Agriculture", "the Ministry of Foreign Affairs of X".
_ORGAN_SECTORS = {
    "ministry": "GOV", "department": "GOV", "embassy": "GOV", "consulate": "GOV", "cabinet": "GOV",
    "fleet": "MIL", "command": "MIL", "army": "MIL", "navy": "MIL", "police": "COP",
    "court": "JUD", "parliament": "LEG", "senate": "LEG", "assembly": "LEG",
}  # fmt: skip
# A short form given in brackets right after a name: "Citizens for Innovation (CI)".
_BRACKETED_ACRONYM = re.compile(r"\s*\(([A-Z]{2,6})\)")
# Words an acronym may skip: "Democratic Republic of the Congo" is "DRC".
_ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "in", "on", "&"})


def _initials(name: str) -> tuple[str, ...]:
    """The acronyms a name of three or more content words is abbreviated to: their initials,
    and every word's ("DRC" and "DROC" for the Democratic Republic of the Congo). Two-word
    names are left out: two letters ("US", "UN") are too often another actor's."""
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isalpha()]
    content = [w for w in words if w.lower() not in _ACRONYM_SKIPS]
    if len(content) < 3:
        return ()
    short = "".join(w[0] for w in content).lower()
    full = "".join(w[0] for w in words if w.lower() != "the").lower()
    return (short,) if full == short else (short, full)


class NameIndex:
    """Earlier mentions by the last words of their names, latest first, so that a short
    form finds its full name ("Katz" -> "Israel Katz") without walking every earlier hit."""

    def __init__(self, hits: Iterable[Hit] = ()) -> None:
        self._names: dict[tuple[str, ...], Hit] = {}
        self._people: dict[tuple[str, ...], Hit] = {}
        self._given: dict[str, Hit] = {}  # a person's first name word: "Kim" (Jong Un), "Abiy" (Ahmed)
        self._countries: dict[tuple[str, ...], Hit] = {}
        self._organs: dict[str, Hit] = {}  # the latest state organ by its generic name: "congress"
        self._acronyms: dict[str, Hit] = {}  # initials of an organisation's name: "nca"
        for hit in hits:
            self.add(hit)

    def add(self, hit: Hit) -> None:
        """Index ``hit``; it then wins over every hit added before it."""
        words = tuple(normalise(hit.name).split())
        for size in (1, 2):
            if len(words) > size:
                self._names[words[-size:]] = hit
                if hit.kind == "person":
                    self._people[words[-size:]] = hit
        if hit.kind == "person" and len(words) > 1:
            self._given[words[0]] = hit
            bare = _ARTICLE_PREFIX.sub("", words[-1])  # "Bashir" for Omar al-Bashir
            if bare != words[-1]:
                self._people[(bare,)] = self._names[(bare,)] = hit
        if hit.kind == "country" and hit.known:
            named = tuple(normalise(hit.text).split())
            for size in range(1, len(named)):
                self._countries[named[-size:]] = hit
        if hit.kind not in ("person", "country") and not hit.text.isupper():
            for initials in _initials(hit.text):
                self._acronyms[initials] = hit
        if hit.organ:
            self._organs[hit.organ] = hit
        elif hit.kind in _ORGANS and hit.known:  # "the US Senate": the organ of that name again
            self._organs[normalise(hit.name)] = hit

    def longer_name(self, words: list[str], people: bool = False) -> Hit | None:
        """The latest hit whose name is longer than ``words`` and ends with them; for a
        person's one word that ends no name, the latest person whose name starts with it
        (names said family name first, "Kim" for Kim Jong Un, or by the given name, "Abiy"
        for Abiy Ahmed)."""
        found = (self._people if people else self._names).get(tuple(words))
        if found is None and people and len(words) == 1 and tuple(words) not in self._names:
            found = self._given.get(words[0])
        return found

    def add_acronym(self, acronym: str, hit: Hit) -> None:
        """Index the short form the article gives a name in brackets, of any length: the
        article says it, so two letters ("CI") are as sure as the initials of a long name."""
        self._acronyms[acronym.lower()] = hit

    def acronym(self, text: str) -> Hit | None:
        """The latest organisation whose name's initials ``text`` spells: "NCA" after "the
        National Constitutional Assembly", when the article never gave it in brackets."""
        return self._acronyms.get(text.lower())

    def longer_country(self, words: list[str]) -> Hit | None:
        """The latest known country named by more words that end with ``words``."""
        return self._countries.get(tuple(words))

    def placed_organ(self, name: str) -> Hit | None:
        """The latest organ named ``name`` ("congress"): one the article placed in a state
        ("Congress in Peru"), or the knowledge base's own ("the US Congress")."""
        return self._organs.get(name)


class MentionFinder:
    """Finds and resolves the actor mentions of one section Doc."""

    def __init__(self, kb: KnowledgeBase, hints: CountryHints, aliases: AliasIndex) -> None:
        self.kb = kb
        self.hints = hints
        self.aliases = aliases

    def find(self, section_doc: SectionDoc, context: list[Hit]) -> list[Hit]:
        doc, offset, section = section_doc.doc, section_doc.offset, section_doc.section
        keep_text(doc, section_doc.text)  # the parse's text, for span_text: Doc.text joins every token
        spans = self._spans(doc)
        taken = [False] * len(doc)
        hits: list[Hit] = []
        places = SectionPlaces(doc, self.hints)
        names = NameIndex(context)  # the context, then this section's hits as they are found
        given_acronyms: dict[str, Hit] = {}  # short forms this section gives in brackets
        for start, end, label, actor_id in sorted(spans, key=lambda s: (s[2] != "PERSON", s[0])):
            if any(taken[start:end]):
                continue
            if label == "ORG" and actor_id is None and self.titled_apposition(doc, start, end):
                label = "PERSON"  # "The regional governor, X,": NER's organisation is the person
            elif label == "ORG" and actor_id is None and self.relative_person(doc, start, end):
                label = "PERSON"  # "X (pictured), who leads the party": a person, so "he" is X
            if label == "PERSON":
                hit = self._person(doc, start, end, offset, section, names, taken, places)
            elif label == "ORG" and self._org_toponym(doc, start, end, places, names):
                continue  # "shelled Khiam": a town NER took for an organisation
            else:
                hit = self._named(doc, start, end, label, actor_id, offset, section, names, taken)
            if hit is not None:
                hits.append(hit)
                names.add(hit)
                given = _BRACKETED_ACRONYM.match(section_doc.text, hit.end - offset)
                if given is not None and hit.kind not in ("person", "country"):
                    names.add_acronym(given.group(1), hit)  # "Citizens for Innovation (CI)": "the CI party"
                    given_acronyms[given.group(1)] = hit
        if given_acronyms:
            hits.extend(_acronym_mentions(doc, offset, section, taken, given_acronyms))
        hits.sort(key=lambda h: h.start)
        _acronyms_in_brackets(hits, section_doc.text, offset)
        return hits

    # ---------------------------------------------------------------- spans
    def _spans(self, doc: Doc) -> list[tuple[int, int, str, str | None]]:
        spans: list[tuple[int, int, str, str | None]] = [
            (e.start, e.end, e.label_, None) for e in doc.ents if e.label_ in ACTOR_LABELS
        ]
        ends = [s[1] for s in spans]  # spans never overlap, so starts and ends both ascend
        for start, end, actor_id in self.aliases.matches(doc):
            low = high = bisect_right(ends, start)
            while high < len(spans) and spans[high][0] < end:
                high += 1
            # the longest name wins: "The Democratic Republic" + "Congo" from NER is one country
            trimmed = [_trim(doc, s[0], s[1]) for s in spans[low:high]]
            if all(start <= first and last <= end for first, last in trimmed):
                label = "PERSON" if actor_id.startswith("person:") else "KB"
                spans[low:high] = [(start, end, label, actor_id)]
                ends[low:high] = [end]
        return _defined_names(doc, spans)

    # ---------------------------------------------------------------- named groups, places
    def _named(
        self, doc: Doc, start: int, end: int, label: str, actor_id: str | None,
        offset: int, section: Section, context: NameIndex, taken: list[bool],
    ) -> Hit | None:  # fmt: skip
        start, end = _trim(doc, start, end)
        if start >= end or _negated_affix(doc, start) or _not_an_actor(doc, end):
            return None
        if label in ("GPE", "NORP") and not (start > 0 and taken[start - 1]):
            wider = self._wider_country(doc, start, end)
            if wider is not None:
                start, actor_id = wider[0], wider[1].id  # "[Sri] Lankan Prime Minister"
        match = self._match_span(doc, start, end, actor_id, context)
        if in_dateline(doc, start, end) and (match is None or match.record.kind == "country"):
            return None  # "JERUSALEM, March 3 (Wire) —" says where the report was filed
        if match is not None and match.how == "demonym" and start > 0 and doc[start - 1].lower_ == "ethnic":
            match = None  # "ethnic Albanians" names a people, not Albania
        role_end, role = self._role_after(doc, end)
        if match is None:
            return self._unknown(doc, start, end, label, role_end, role, offset, section, taken)
        organ = ""
        if match.record.kind in _ORGANS and match.record.country and match.how != "context":
            placed = self._organ_of(doc, start, end, match.record, context)
            if placed is not None:
                organ, match = normalise(match.record.name), placed
        record = match.record
        sectors = match.sectors or record.sectors
        if role is not None and (record.kind == "country" or match.how in ("demonym", "capital")):
            sectors = (role.sector,) if role.sector else sectors
            if record.kind == "country" and role.sector in NONSTATE_SECTORS:
                words = [t.text for t in doc[end:role_end] if t.text not in _POSSESSIVE]
                record = _group_from(record, role, words, self.kb)  # "the Kenyan opposition": not Kenya
        last = role_end if role is not None else end
        for i in range(start, last):
            taken[i] = True
        hit = _hit(doc, start, last, offset, section, record, sectors, head=start)
        hit.known = match.record.id in self.kb.records  # named by a known country
        hit.organ = organ
        return hit

    def _match_span(
        self, doc: Doc, start: int, end: int, actor_id: str | None, context: NameIndex
    ) -> Match | None:
        if actor_id is not None and actor_id in self.kb.records:
            record = self.kb.records[actor_id]
            longer = _longer_country(span_text(doc, start, end), record, context)
            if longer is not None:
                return Match(self.kb.records.get(longer.actor) or _record_of(longer), "context")
            return Match(record, "exact")
        text = span_text(doc, start, end)
        match = self.lookup(text, context)
        if match is not None or end - start < 2:
            return match
        # "Islamic State group", "Palestinian Hamas": try without a role word or a demonym
        if self.kb.role(doc[end - 1].lower_):
            match = self.lookup(doc[start : end - 1].text, context)
        if match is None and self.kb.country_of_word(doc[start].text):
            match = self.lookup(doc[start + 1 : end].text, context)
            if match is not None and match.how == "demonym" and end - start == 2:
                match = self.kb.lookup(doc[start].text)  # "Bosnian Serbs": the country they live in
        return match

    def lookup(self, text: str, context: NameIndex | None = None, people: bool = False) -> Match | None:
        """KB record for a name, preferring a longer name the article gave before (of a
        person only, with ``people``)."""
        words = normalise(text).split()
        if context is not None and _ACRONYM.fullmatch(text):
            hit = context.acronym(text)
            if hit is not None:  # the article's own expansion wins over the KB's reading
                return Match(self.kb.records.get(hit.actor) or _record_of(hit), "context")
            known = self.kb.lookup(text)
            if known is not None:  # "UN" is the United Nations, not the end of "Kim Jong Un"
                return known
        if context is not None and 0 < len(words) <= 2:
            hit = context.longer_name(words, people)
            if hit is not None and not (hit.kind == "person" and _ACRONYM.fullmatch(text)):
                # not "UN" for Kim Jong Un: a family name is not written as an acronym
                record = self.kb.records.get(hit.actor) or _record_of(hit)
                return Match(record, "context")
        return self.kb.lookup(text)

    def _role_after(self, doc: Doc, end: int) -> tuple[int, Role | None]:
        """End token and role of "<country word> [modifiers] <role>" after ``end``."""
        i, best_end, best = end, end, None
        if i < len(doc) and doc[i].text in _POSSESSIVE:
            i += 1
        limit = min(len(doc), i + _MAX_MODIFIERS + 1)
        while i < limit:
            found = self._role_starting_at(doc, i)
            if found is not None:
                size, best = found
                i = best_end = i + size
                continue
            if not _modifier(doc[i]):
                break
            i += 1
        return best_end, best

    def _role_starting_at(self, doc: Doc, i: int) -> tuple[int, Role] | None:
        if i > 0 and is_sent_start(doc, i):
            return None
        for size in (3, 2, 1):
            if i + size <= len(doc):
                role = self.kb.role(span_text(doc, i, i + size).lower())
                if role is not None:
                    return size, role
        return None

    def _unknown(
        self, doc: Doc, start: int, end: int, label: str, role_end: int, role: Role | None,
        offset: int, section: Section, taken: list[bool],
    ) -> Hit | None:  # fmt: skip
        if label == "GPE":
            return None  # a place, not an actor: the geo stage's business
        if label == "NORP":
            if role is not None and role.term in _GENERIC_GROUPS:
                return None  # "Islamist group": a description, resolved from context when linked
            standalone = end >= len(doc) or not doc[end].is_alpha or not doc[end].is_lower
            if role is None and not (standalone and doc[end - 1].lower_.endswith("s")):
                return None  # "Islamic", "Islamist" as adjectives
        last = role_end if role is not None else end
        words = [t.text for t in doc[start:last]]
        country = self.hints.in_words(words) or self._country_before(doc, start)
        # "the Ministry of Foreign Affairs of Pakistan": an organisation's "of" says whose
        country = country or self._country_after(doc, last, of=label == "ORG")
        sectors = (role.sector,) if role is not None and role.sector else ()
        if not sectors and label == "ORG" and country is not None:  # "the U.S. Pacific Fleet": MIL
            sectors = next(((_ORGAN_SECTORS[w.lower()],) for w in words if w.lower() in _ORGAN_SECTORS), ())
        kind = "organization" if label == "ORG" else "group"
        for i in range(start, last):
            taken[i] = True
        state = self.kb.records.get(f"country:{country}") if country else None
        if label == "ORG" and state is not None and doc[last - 1].lower_ in _STATE_ORGAN_HEADS:
            # "Kuwait's Foreign Ministry", "the Nigerian Interior Ministry": NER's name for the
            # state's own organ is that state, as "the Kenyan government" is Kenya's
            hit = _hit(doc, start, last, offset, section, state, ("GOV",), head=start)
            hit.known = True
            return hit
        text = doc[start:last].text
        record = KBRecord(f"{UNKNOWN_ACTOR_PREFIX}{slug(text)}", text, kind, country, sectors)
        hit = _hit(doc, start, last, offset, section, record, sectors, head=start)
        hit.known = False
        return hit

    def _organ_of(self, doc: Doc, start: int, end: int, record: KBRecord, context: NameIndex) -> Match | None:
        """Another state's organ where the knowledge base files its generic name under one
        country ("Congress", "Senate"): the state its words place it in ("the Peruvian
        Congress", "Peru's Congress", "Congress in Peru", "the Senate of the Philippines"),
        with the organ's sector, as "Kenyan police" is Kenya's; said bare, the organ of that
        name the article named last ("dissolving Congress" after "Congress in Peru")."""
        first = start
        if start > 0 and doc[start - 1].ent_type_ in ("GPE", "NORP"):  # "the South Korean [Senate]"
            first = entity_start(doc, start - 1)
        country = self._named_country(doc, first, end)
        country = country or self._country_before(doc, start) or self._country_after(doc, end, of=True)
        if country == record.country:
            return None
        if country is None:
            earlier = context.placed_organ(normalise(record.name))
            if earlier is None or earlier.actor == record.id:
                return None
            state = self.kb.records.get(earlier.actor) or _record_of(earlier)
            return Match(state, "context", sectors=earlier.sectors)
        placed = self.kb.records.get(f"country:{country}")
        return Match(placed, "placed", sectors=record.sectors) if placed is not None else None

    def _named_country(self, doc: Doc, start: int, end: int) -> str | None:
        """The first country a capitalised word or two of ``start:end`` name ("US", "Peruvian",
        "South Korean"); unlike :meth:`CountryHints.in_words`, "US" is no stop word here."""
        for i in range(start, end):
            for size in (2, 1):
                words = doc[i : min(i + size, end)]
                if words.text[:1].isupper() and (found := self.kb.country_of_word(words.text)):
                    return found
        return None

    def _country_before(self, doc: Doc, start: int) -> str | None:
        """Country of a possessive before a mention: "the Ivory Coast's Supreme Court"."""
        if start < 2 or doc[start - 1].text not in _POSSESSIVE or not doc[start - 2].ent_type_:
            return None
        first = entity_start(doc, start - 2)
        return self.hints.country(doc[first : start - 1].text)

    def _country_after(self, doc: Doc, end: int, of: bool = False) -> str | None:
        """Country of "in <place>" right after a mention: "opposition parties in Nepal";
        with ``of`` (for an organ, whose "from" says whence, not whose), of "in" or "of
        <place>": "the Senate of the Philippines"."""
        if end + 1 >= len(doc) or doc[end].lower_ not in (("in", "of") if of else ("in", "from")):
            return None
        first = end + 2 if doc[end + 1].lower_ == "the" and end + 2 < len(doc) else end + 1
        if doc[first].ent_type_ in ("GPE", "LOC"):
            return self.hints.country(doc[first : entity_end(doc, first)].text)
        return None

    # ---------------------------------------------------------------- people
    def _person(
        self, doc: Doc, start: int, end: int, offset: int, section: Section,
        context: NameIndex, taken: list[bool], places: SectionPlaces,
    ) -> Hit | None:  # fmt: skip
        start, end = _trim(doc, start, end)
        start = self._strip_title(doc, start, end)
        if start >= end:
            return None
        name = doc[start:end].text
        match = self.lookup(name, context, people=True)
        if match is None and in_dateline(doc, start, end):
            return None  # the city or the agency of a dateline: "CAIRO (AP) —"
        title_start, role, country, affiliation = self._title_before(doc, start)
        if role is None and (match is None or match.record.kind == "person"):
            # "Peru's minister, X": the title is the person's mention, so its country word is
            # no actor of its own that a verb of the sentence could take for the speaker
            title_start, role, country, affiliation = self._title_before_comma(doc, start)
            if country is None and not affiliation and not self._opens_sentence(doc, title_start, end):
                role = None  # "with the judge, X": no country to take; the title alone is no better guess
        if role is None:
            role, country = self._appositive_after(doc, end, country)
        if role is None:
            title_start, role, country = self._appositive_before(doc, start, end, country)
        # a title says "person" ("minister Khiam"); a plural group noun does not ("people around Goma")
        cue = (role is not None and plural(role.term) != role.term) or person_cue(doc, start, end)
        if match is not None and match.record.kind != "person":
            # "Baku was ready": Azerbaijan; "Jaysh al-Islam", a group's name in another spelling
            spelt = match.how == "fuzzy" and end - start > 1 and match.record.kind != "country"
            if not cue and (match.how in ("exact", "capital") or spelt):
                label = "GPE" if match.record.kind == "country" else "ORG"
                return self._named(doc, start, end, label, None, offset, section, context, taken)
            match = None  # "Israel" inside a name list is not a person
        if match is None and not cue and places.toponym(start, end):
            return None  # "near the villages of Kfar Kila and Khiam": places, not people
        if match is None and not cue and self._modifies_a_role(doc, start, end):
            return None  # "Zim police", "the Stern correspondent": a role phrase, linked as one
        record = match.record if match is not None else None
        role_sectors: tuple[str, ...] = (role.sector,) if role is not None and role.sector else ()
        if record is None:
            record = KBRecord(f"person:{slug(name)}", name, "person", country, role_sectors)
        first = title_start if role is not None else start
        for i in range(first, end):
            taken[i] = True
        sectors = tuple(dict.fromkeys((*affiliation, *(record.sectors or role_sectors))))
        hit = _hit(doc, first, end, offset, section, record, sectors, head=start)
        hit.country = record.country or country
        hit.known = record.id in self.kb.records
        named = person_cue(doc, start, end) or _after_nickname(doc, start)
        hit.introduced = hit.known or role is not None or named
        return hit

    @staticmethod
    def _opens_sentence(doc: Doc, title_start: int, end: int) -> bool:
        """Whether a title set off before a name opens its sentence and the name is closed by
        a comma: "The regional governor, X, said" names X by the title, where "After talks with
        the envoy, X said" may be a clause and its subject."""
        first = title_start - 1 if title_start > 0 and doc[title_start - 1].lower_ == "the" else title_start
        return bool(doc[first].is_sent_start) and end < len(doc) and doc[end].text == ","

    def titled_apposition(self, doc: Doc, start: int, end: int) -> bool:
        """Whether a name NER took for an organisation is set off after a person's title:
        "The regional governor, X, said", "Peru's ambassador to Chile, X, said"."""
        if self.lookup(doc[start:end].text) is not None:
            return False
        _, role, _, _ = self._title_before_comma(doc, start)
        return role is not None and role.kind == "person" and end < len(doc) and doc[end].text == ","

    def relative_person(self, doc: Doc, start: int, end: int) -> bool:
        """Whether a name NER took for an organisation, not in the knowledge base and with no
        organisation's word, opens a relative clause on a person: "X, who leads the party",
        "X (pictured above), who": only people are "who" set off by a comma, and the pronouns
        that follow ("he", "his") need X to be a person to find it."""
        after = end
        if after < len(doc) and doc[after].text == "(":  # "(pictured above)"
            close = next((t.i for t in doc[after : after + 8] if t.text == ")"), None)
            after = close + 1 if close is not None else after
        if [t.lower_ for t in doc[after : after + 2]] not in ([",", "who"], [",", "whose"]):
            return False  # the cheap test first: most names open no relative clause
        if any(t.lower_ in _ORG_WORDS for t in doc[start:end]):
            return False
        return self.lookup(doc[start:end].text) is None  # titled_apposition asked the same first

    def _modifies_a_role(self, doc: Doc, start: int, end: int) -> bool:
        """Whether a one-word "name" nobody introduced is a modifier of the role noun right
        after it: "Zim police" (a clipped place), "the Stern correspondent" (a paper). A
        person's name is not put before a common noun unless the reader knows it ("the
        Trump administration", found in the knowledge base or earlier in the article)."""
        if end - start != 1 or end >= len(doc) or not doc[end].is_lower:
            return False
        return self._role_starting_at(doc, end) is not None

    def _org_toponym(self, doc: Doc, start: int, end: int, places: SectionPlaces, context: NameIndex) -> bool:
        """Whether an ORG span no knowledge-base name covers is a place ("Khiam")."""
        first, last = _trim(doc, start, end)
        if first >= last or self.lookup(doc[first:last].text, context) is not None:
            return False
        if any(t.lower_ in _ORG_WORDS for t in doc[first:last]) or self._role_after(doc, last)[1] is not None:
            return False
        if person_cue(doc, first, last):
            return False  # "Peabody said": a company that speaks
        return places.toponym(first, last)

    def _title_before(self, doc: Doc, start: int) -> tuple[int, Role | None, str | None, tuple[str, ...]]:
        """Start, role, country and affiliation sectors of a title before a name.

        "Israeli Prime Minister Ehud Barak" -> ISR; "U.N. Secretary-General Kofi Annan" -> IGO.
        """
        first, role, country = start, None, None
        sectors: tuple[str, ...] = ()
        titled = False
        i = start - 1
        floor = max(0, start - _TITLE_WINDOW)
        while i >= floor:
            token = doc[i]
            if role is not None and self._joins_title_words(doc, i, floor):
                i -= 1  # "Industry and Trade Minister", "Economy, Trade and Industry Minister"
                continue
            if token.is_sent_end or (token.is_punct and token.text not in ("-", ".")) or token.like_num:
                break
            if token.text in _POSSESSIVE or token.lower_ == "the":
                i -= 1
                continue
            found = self._role_ending_at(doc, i)
            if found is not None:
                size, found_role = found
                if role is not None and not role.sector and found_role.sector:
                    role = replace(role, sector=found_role.sector)  # "ministry spokeswoman": GOV
                role = role or found_role
                i -= size
                first = i + 1
                continue
            if (role is not None or titled) and token.text[:1].isupper():
                ent_start, record = self._affiliation(doc, i)
                if record is not None:
                    if record.kind == "country" or country is None:
                        country = record.country  # "Serbian Labour Minister": Serbia, not Labour's
                    sectors = sectors or tuple(s for s in record.sectors if s in ("IGO", "NGO"))
                    first, i = ent_start, ent_start - 1
                    continue
            if not _title_word(token):
                break
            titled = titled or (token.is_lower and token.pos_ == "NOUN")  # "U.N. mediator Diego Cordovez"
            i -= 1
        return first, role, country, sectors

    @staticmethod
    def _joins_title_words(doc: Doc, i: int, floor: int) -> bool:
        """Whether ``doc[i]`` ("and", "&", ",") joins two capitalised words of one title, as
        in "Swedish Industry and Trade Minister": not "Putin and Defence Minister X", where
        the word before is a name, nor a list of countries."""
        if doc[i].text not in ("and", "&", ",") or i - 1 < floor or i + 1 >= len(doc):
            return False
        before, after = doc[i - 1], doc[i + 1]
        return (
            before.is_title and after.is_title and before.ent_type_ in ("", "ORG")
            and not before.is_sent_start and _title_word(before) and _title_word(after)
        )  # fmt: skip

    def _title_before_comma(
        self, doc: Doc, start: int
    ) -> tuple[int, Role | None, str | None, tuple[str, ...]]:
        """Like :meth:`_title_before`, for a name in apposition after its title: "Kosovo's
        interior minister, Xhelal Svecla", "the U.N. special envoy, Julie Bishop". Wire copy
        puts the title first as often as after the name; the country is the title's."""
        if start < 2 or doc[start - 1].text != ",":
            return start, None, None, ()
        last = self._posting_start(doc, start - 2)  # "Peru's ambassador [to Chile], X"
        if self._role_ending_at(doc, last) is None:
            return start, None, None, ()
        return self._title_before(doc, last + 1)

    @staticmethod
    def _posting_start(doc: Doc, i: int) -> int:
        """The token before "to <place>" or "in <place>" ending at ``i`` ("ambassador to
        Chile": the country posted to is not the title's); ``i`` when none."""
        if not doc[i].ent_type_:
            return i
        first = entity_start(doc, i)
        if first >= 2 and doc[first - 1].lower_ in ("to", "in", "at"):
            return first - 2
        return i

    def _affiliation(self, doc: Doc, i: int) -> tuple[int, KBRecord | None]:
        """The country or organisation a title word belongs to ("Israeli", "Arab League")."""
        start = entity_start(doc, i)
        text = doc[start : i + 1].text if doc[i].ent_type_ else doc[i].text
        match = self.kb.lookup(text, fuzzy=False)
        if match is None and start != i:
            match = self.kb.lookup(doc[i].text, fuzzy=False)
            start = i
        wider = self._wider_country(doc, start, i + 1)
        if wider is not None:  # "[Sri] Lankan Prime Minister": NER left out the first word
            return wider
        return start, match.record if match is not None else None

    def _wider_country(self, doc: Doc, start: int, end: int) -> tuple[int, KBRecord] | None:
        """The country a two-word name or demonym names when NER kept only its second word
        ("Sri [Lankan]", "South [Korean]", "New [Zealand]"): the word before, capitalised and
        in no entity of its own, with this span, is a country's name in the knowledge base."""
        if start < 1 or end - start != 1:
            return None
        before = doc[start - 1]
        if not before.is_title or (before.is_sent_start and before.is_stop) or before.ent_iob_ == "I":
            return None
        if before.ent_type_ and before.ent_type_ not in ("GPE", "NORP", "LOC"):
            return None
        match = self.kb.lookup(doc[start - 1 : end].text, fuzzy=False)
        if match is None or match.record.kind != "country":
            return None
        return start - 1, match.record

    def _country_word(self, text: str) -> str | None:
        """Country of a word in a title: "Israeli", "Lebanon", or a group's ("Hamas")."""
        match = self.kb.lookup(text, fuzzy=False)
        return match.record.country if match is not None else None

    def _strip_title(self, doc: Doc, start: int, end: int) -> int:
        """First token of the name proper when NER put a title in it ("[General] Kofi Annan")."""
        name_start = start
        for stop in range(start, min(end - 1, start + 3)):
            if self._role_ending_at(doc, stop) is not None:
                name_start = stop + 1
        return name_start

    def _role_ending_at(self, doc: Doc, i: int) -> tuple[int, Role] | None:
        for size in (3, 2, 1):
            if i - size + 1 < 0:
                continue
            role = self.kb.role(doc[i - size + 1 : i + 1].text.lower())
            if role is not None:
                if size == 1 and i >= 2 and doc[i - 1].text == "-":
                    first = self.kb.role(doc[i - 2].lower_)  # "Secretary-General" is a secretary
                    return (3, first) if first is not None else (3, role)
                return size, role
        return None

    def _appositive_before(
        self, doc: Doc, start: int, end: int, country: str | None
    ) -> tuple[int, Role | None, str | None]:
        """Start, role and country of "Lithuania's foreign minister, [Name]," before a name set off
        by commas: the title a wire names first and the name it gives in apposition. Only a
        title that names its country counts ("the envoy, X" leaves X to the other cues), and
        its country beats one read after the name (", who warned Minsk")."""
        closed = end >= len(doc) or doc[end].text in (",", ".", ";")
        if start < 2 or doc[start - 1].text != "," or not closed:
            return start, None, country
        first, role, found, _sectors = self._title_before(doc, start - 1)
        if role is None or found is None:
            return start, None, country
        return first, role, found

    def _appositive_after(self, doc: Doc, end: int, country: str | None) -> tuple[Role | None, str | None]:
        """Role and country of ", the Israeli intelligence minister" after a name; not of a
        relative clause (", who met officials in Minsk" says what the person did)."""
        if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ in _RELATIVES:
            return None, country
        role, of_someone = None, False
        for token in doc[end + 1 : min(len(doc), end + 1 + _TITLE_WINDOW)]:
            if token.is_punct and token.text not in ("-", "'s"):
                break
            of_someone = of_someone or (role is None and token.lower_ in ("of", "for"))
            if role is None and not of_someone:  # not ", the home city of President X"
                role = self.kb.role(token.lower_)
            if token.text[:1].isupper():
                country = country or self._country_word(token.text)
        return role, country


def _longer_country(text: str, record: KBRecord, context: NameIndex) -> Hit | None:
    """An earlier mention of another country whose longer name ends with this short one:
    "Congo" after "the Democratic Republic of the Congo", "Korea" after "North Korea".
    A country's own name ("Sudan" after "South Sudan", "Guinea") always means itself."""
    if record.kind != "country":
        return None
    key = normalise(text)
    if not key or key == normalise(record.name):
        return None
    hit = context.longer_country(key.split())
    return hit if hit is not None and hit.actor != record.id else None  # "South Korea ... Korea"


def _defined_names(
    doc: Doc, spans: list[tuple[int, int, str, str | None]]
) -> list[tuple[int, int, str, str | None]]:
    """Spans widened to the whole name a bracketed short form is given for: NER often ends
    a long name early ("[the Convention of Patriots for Justice] and Peace (CPJP)") or
    misses it, and the short form's letters say how far it reaches. The name is the run of
    capitalised words (and the small words between them) before the bracket whose initials
    are the short form's letters, in any order ("National Movement for the Liberation of
    Azawad (MNLA)" is abbreviated in French word order). An organisation's name: a person's
    is never abbreviated so ("Christian Panika (AFP)" is a credit)."""
    defined = []
    for i in range(2, len(doc) - 2):
        if doc[i].text != "(" or doc[i + 2].text != ")" or not _ACRONYM.fullmatch(doc[i + 1].text):
            continue
        first = i
        while first > 0 and i - first < _NAME_WORDS and _name_word(doc[first - 1]):
            first -= 1
        while first < i and (doc[first].lower_ in _ACRONYM_SKIPS or not doc[first].text[:1].isupper()):
            first += 1  # "The [Convention ...]", "of the [National ...]": from its first capitalised word
        initials = sorted(t.text[0].lower() for t in doc[first:i] if t.text[:1].isupper())
        if len(initials) >= 2 and initials == sorted(doc[i + 1].text.lower()):
            defined.append((first, i))
    if not defined:
        return spans
    kept = list(spans)
    for first, end in defined:
        while first > 0 and doc[first - 1].lower_ == "the" and any(s[0] == first - 1 for s in kept):
            first -= 1  # NER's "The Convention ...": its span, from "The"
        inside = [s for s in kept if s[0] < end and first < s[1]]
        if any(s[0] < first or s[1] > end or s[2] == "PERSON" and s[1] - s[0] == end - first for s in inside):
            continue  # a span reaching outside the name, or the name itself taken for a person's
        if len(inside) == 1 and inside[0][:2] == (first, end):
            continue  # NER found the whole name
        kept = [s for s in kept if s not in inside]
        kept.append((first, end, "ORG", None))
    return sorted(kept, key=lambda s: s[0])


def _name_word(token: Token) -> bool:
    """A word of a name before a bracketed short form: capitalised, or a small word between
    capitalised ones ("of", "for the", "and")."""
    return token.text[:1].isupper() and token.is_alpha or token.lower_ in _ACRONYM_SKIPS


_NAME_WORDS = 8  # the most words a name given a short form is read back over


def _acronyms_in_brackets(hits: list[Hit], text: str, offset: int) -> None:
    """ "the Revolutionary United Front (RUF)": the bracketed short form is the same actor."""
    for first, second in zip(hits, hits[1:], strict=False):
        between = text[first.end - offset : second.start - offset]
        after = text[second.end - offset : second.end - offset + 1]
        if first.kind == "person":
            continue  # "Christian Panika (AFP)": a credit or an affiliation, not the person's short form
        if between.strip() == "(" and after == ")" and (second.text.isupper() or not second.known):
            second.actor, second.name, second.kind = first.actor, first.name, first.kind
            second.country, second.sectors, second.known = first.country, first.sectors, first.known
            second.wikidata = first.wikidata


def _acronym_mentions(
    doc: Doc, offset: int, section: Section, taken: list[bool], given: dict[str, Hit]
) -> list[Hit]:
    """Mentions NER did not tag of a short form the section gave in brackets after a name
    ("Citizens for Innovation (CI)" ... "the CI party", "according to CI"): its actor."""
    from spacy.strings import get_string_id

    found = []
    forms = {get_string_id(form): (form, hit) for form, hit in given.items()}  # by the word's id
    for i, (orth, idx) in enumerate(zip(columns(doc).orth, token_starts(doc), strict=True)):
        form, hit = forms.get(orth, ("", None)) if not taken[i] else ("", None)
        if hit is None or idx + offset <= hit.end:
            continue  # the bracketed form itself
        start = idx + offset
        found.append(replace(hit, start=start, end=start + len(form), text=form, head=start))
        taken[i] = True
    return found


def _record_of(hit: Hit) -> KBRecord:
    """A stand-in record for an unknown actor met earlier in the article."""
    return KBRecord(hit.actor, hit.name, hit.kind, hit.country, hit.sectors, hit.wikidata)


def _title_word(token: Token) -> bool:
    """A word that can be part of a title before a name: "new", "former", "Defence", "acting"."""
    if token.lower_ in _TITLE_PARTICIPLES:
        return True
    if not token.is_alpha or not (token.is_lower or token.is_title) or token.lower_ in _STOP_WORDS:
        return False
    if token.pos_:
        return token.pos_ in ("ADJ", "NOUN", "PROPN")
    return not (token.is_lower and token.lower_.endswith(("ed", "ing")))


def _modifier(token: Token) -> bool:
    """A word that may stand between a country word and a role: "intelligence", "new"."""
    if token.is_punct or token.is_stop or token.like_num or token.is_sent_start:
        return False
    if token.ent_type_ not in ("", "NORP"):
        return False
    if token.pos_:
        return token.pos_ in ("ADJ", "NOUN", "PROPN")
    return token.is_alpha and not token.lower_.endswith(("ed", "ing"))


def _after_nickname(doc: Doc, start: int) -> bool:
    """A surname after a first name and a quoted nickname: 'Joaquin "El Chapo" Guzman'."""
    if start < 3 or doc[start - 1].text not in _QUOTES:
        return False
    for i in range(start - 2, max(0, start - 7), -1):
        if doc[i].text in _QUOTES:
            return i >= 1 and doc[i - 1].ent_type_ == "PERSON"
    return False


def _not_an_actor(doc: Doc, end: int) -> bool:
    """ "US $50 million", "the Russian language": a currency or a language, not the country."""
    return end < len(doc) and doc[end].lower_ in _NOT_ACTOR_NEXT


def _negated_affix(doc: Doc, start: int) -> bool:
    """ "Anti-Hamas militants" are not Hamas."""
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in _AGAINST_PREFIXES


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Without the articles and punctuation before and the possessive and punctuation after
    (read from the Doc's columns: no Token per word)."""
    c = columns(doc)
    lower, orth, punct = c.lower, c.orth, c.punct
    while start < end and (lower[start] in _ARTICLE_IDS or punct[start]):
        start += 1
    while end > start and (orth[end - 1] in _POSSESSIVE_IDS or punct[end - 1]):
        end -= 1
    return start, end


def _group_from(country: KBRecord, role: Role, words: list[str], kb: KnowledgeBase) -> KBRecord:
    """The unknown group a country word qualifies ("the Kenyan opposition"),
    with that country: a group of its own, not the state. Named by its words after the
    country, the role as the group goes by, as a bare "the opposition" is, so that both are one
    group ("Zimbabwean opposition parties" is "opposition parties")."""
    size = len(role.term.split())
    name = " ".join([*words[: max(0, len(words) - size)], group_name(role, kb, frozenset())])
    return KBRecord(f"{UNKNOWN_ACTOR_PREFIX}{slug(name)}", name, "group", country.country, (role.sector,))


def _hit(
    doc: Doc, start: int, end: int, offset: int, section: Section,
    record: KBRecord, sectors: tuple[str, ...], head: int,
) -> Hit:  # fmt: skip
    starts = token_starts(doc)  # the span's offsets and text without a Span or Token built
    if start < end:
        text = span_text(doc, start, end)
        first, last = starts[start], starts[start] + len(text)
    else:
        span = doc[start:end]
        text, first, last = span.text, span.start_char, span.end_char
    return Hit(
        start=first + offset, end=last + offset, text=text,
        actor=record.id, name=record.name, kind=record.kind, country=record.country,
        sectors=tuple(sectors), known=True, wikidata=record.wikidata, section=section,
        head=starts[head] + offset,
    )  # fmt: skip
