"""Who a speaker is: the phrase, the actor it links to, pronouns, and the outlets that report.

* The speaker's phrase is the subject's noun phrase without appositions or relative
  clauses ("Israel Katz", "a spokesman for groups supporting ISIS"); it is linked to an
  actor through the actor stage's linker (:mod:`eventwire.resolve.actors`), through a
  named apposition when the phrase is a description ("the minister, Israel Katz").
* "he"/"she" take the nearest earlier person: a speaker already found or a PERSON
  entity, preferring the subject of that sentence, skipping a "Mr." for "she" and a
  "Mrs."/"Ms." for "he". Other pronouns are left to the actor linker.
* Outlets are the article's actor mentions of kind ``media`` (or, without a knowledge
  base, names from the ``media`` rows of ``data/actors/organizations.csv``), and phrases
  that name an outlet by what it is ("state media", "the news agency": :func:`is_media`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.extract.quote_lexicon import name_key
from eventwire.models import Analysis, Mention, Section, known_actor_id
from eventwire.nlp.per_doc import PerDoc

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from eventwire.resolve.actors import ActorResolver

_DROP = frozenset({"appos", "relcl", "punct", "parataxis", "advcl", "prep_by"})
_PERSONAL = frozenset({"he", "she", "him", "her"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me"})
_NOT_PERSON = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
_MALE_TITLES = frozenset({"mr", "mr."})
_FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "miss"})
_PERSON_WINDOW = 1500  # characters back to look for a pronoun's antecedent
# Heads of a phrase that names an outlet by what it is ("state media", "the newspaper"); with
# "news" before it any noun does ("the news agency", "the Bangkok-based news site").
_MEDIA_NOUNS = frozenset(
    {"media", "newspaper", "broadcaster", "television", "tv", "radio", "magazine", "tabloid", "website",
     "daily", "press", "newswire", "wire"}
)  # fmt: skip
_PUBLICATION_NOUNS = frozenset({"report", "footage"})
_OWNER_ENTITIES = frozenset({"ORG", "PERSON", "GPE"})
_WHEN = frozenset({"DATE", "TIME"})
_EDGE_TRIM = frozenset({",", "“", "”", '"', "'", "(", ")", "—", "–", "-", ":", ";"})
# Doc -> each head's phrase range read so far (:func:`phrase_range`), dropped with its Doc: a
# speaker's phrase is read for its outlet, its mention and the people "he" may be
_PHRASES: PerDoc[dict[int, tuple[int, int]]] = PerDoc()


@dataclass(frozen=True, slots=True)
class Outlet:
    """A news outlet named in the article: its canonical name, actor id and mention offsets."""

    name: str
    actor: str | None
    start: int
    end: int


@dataclass(slots=True)
class Person:
    """A possible antecedent for "he"/"she": offsets into the article, and whether a subject."""

    start: int
    end: int
    subject: bool
    title: str = ""


def phrase_range(head: Token) -> tuple[int, int]:
    """Token range of the head's noun phrase, without appositions, relative clauses, a
    participle's phrase ("protesters [chanting slogans]") or edge punctuation; read once
    per head of a Doc."""
    ranges = _PHRASES.get(head.doc)
    if ranges is None:
        ranges = _PHRASES[head.doc] = {}
    found = ranges.get(head.i)
    if found is None:
        found = ranges[head.i] = _phrase_range(head)
    return found


def _phrase_range(head: Token) -> tuple[int, int]:
    kept = [c for c in head.children if c.dep_ not in _DROP and not _when(c) and not _doing(c)]
    start = min([head.i, *(c.left_edge.i for c in kept)])
    end = max([head.i, *(c.right_edge.i for c in kept)]) + 1
    doc = head.doc
    while start < head.i and (doc[start].text in _EDGE_TRIM or doc[start].is_space):
        start += 1
    comma = next((t.i for t in doc[head.i + 1 : end] if t.text in (",", "(", "—", ":")), end)
    end = comma  # "O'Neill, on his first day on the job": the name; "Mendez: The audit ...": the name
    while end - 1 > head.i and (doc[end - 1].text in _EDGE_TRIM or doc[end - 1].is_space):
        end -= 1
    return start, end


def _doing(child: Token) -> bool:
    """ "students chanting slogans", "a statement saying ...": what the noun does, not who it is."""
    return child.dep_ == "acl" and child.tag_ == "VBG"


def _when(child: Token) -> bool:
    """ "The ministry on Tuesday said", "Thursday Blinken said": a time the parser hung on the
    speaker's noun says when it spoke, and is no part of the speaker."""
    if child.dep_ in ("npadvmod", "nmod", "compound"):  # "Tuesday NCA chairperson Lovemore Madhuku"
        return all(t.ent_type_ in _WHEN for t in child.subtree)
    if child.dep_ != "prep":
        return False
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in _WHEN for o in objects)


# Things issued that "say" what their issuer says: "the statement said", "a communique read".
DOCUMENTS = frozenset({"statement", "communique", "communiqué", "declaration", "letter", "message", "notice"})
_ISSUED_BY = frozenset({"from", "by", "of"})


def _own_issuer(document: Token) -> Token | None:
    """The issuer a document's phrase names: "the ministry's statement", "an army statement",
    "a statement from the army", "a statement issued by the army"; or the subject of the verb that issued it
    or spoke in it ("the army issued a statement", "the army said in a statement")."""
    for child in document.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ in ("NOUN", "PROPN")):
            return child  # "the ministry's statement", "an army statement"
        if child.dep_ == "prep" and child.lower_ in _ISSUED_BY:
            return next((o for o in child.children if o.dep_ == "pobj"), None)
        if child.dep_ == "acl":  # "a statement issued by the army"
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((o for o in agent.children if o.dep_ == "pobj"), None)
    verb = document.head
    if document.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ == "in":
        verb = verb.head  # "said in a statement"
    elif document.dep_ != "dobj":
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def document_issuer(head: Token) -> Token | None:
    """Who speaks through a document that is a quote's speaker ("the statement said"): the
    issuer its own phrase names, else the issuer of the last earlier mention of the same
    kind of document in the section ("The army issued a statement on Monday. ... The
    statement said ..."). A document is nobody: without an issuer, no actor."""
    own = _own_issuer(head)
    if own is not None:
        return own
    doc = head.doc
    earlier = _nouns_by_lemma(doc).get(head.lemma_.lower(), [])
    for i in reversed(earlier[: bisect_left(earlier, head.i)]):
        issuer = _own_issuer(doc[i])
        if issuer is not None and issuer.lemma_.lower() not in DOCUMENTS:
            return issuer
    return None


# Each Doc's nouns by lowercase lemma, in token order, read once: a long article's every
# "the statement said" would otherwise walk all the words before it.
_NOUNS: PerDoc[dict[str, list[int]]] = PerDoc()


def _nouns_by_lemma(doc: Doc) -> dict[str, list[int]]:
    found = _NOUNS.get(doc)
    if found is None:
        found = {}
        for token in doc:
            if token.pos_ == "NOUN":
                found.setdefault(token.lemma_.lower(), []).append(token.i)
        _NOUNS[doc] = found
    return found


def named_apposition(head: Token) -> Token | None:
    """ "the Israeli intelligence minister, Israel Katz": the name standing beside a description."""
    if head.pos_ == "PROPN":
        return None
    return next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)


class SpeakerLinker:
    """Links speaker tokens to mentions of actors; one per stage, shared across articles."""

    def __init__(self, resolver: ActorResolver, outlet_names: dict[str, str]) -> None:
        self.resolver = resolver
        self.outlet_names = outlet_names

    # ------------------------------------------------------------ outlets
    def outlets(self, analysis: Analysis) -> list[Outlet]:
        """Every mention of a news outlet in the title and body, in text order."""
        found: list[Outlet] = []
        for hit in self.resolver.hits(analysis):
            if hit.section not in (Section.BODY, Section.TITLE):
                continue
            if hit.kind == "media":
                found.append(Outlet(hit.name, hit.actor, hit.start, hit.end))
                continue
            name = self.outlet_names.get(name_key(hit.text)) or self.outlet_names.get(name_key(hit.name))
            if name:
                found.append(Outlet(name, known_actor_id(hit.actor), hit.start, hit.end))
        return found

    # ------------------------------------------------------------ speakers
    def mention(self, analysis: Analysis, head: Token, offset: int, people: list[Person]) -> Mention:
        """The speaker's mention: phrase offsets into ``Article.text`` and the actor it resolves to."""
        doc = head.doc
        start, end = phrase_range(head)
        span = doc[start:end]
        begin, finish = span.start_char + offset, span.end_char + offset
        text = analysis.article.text[begin:finish]
        if head.lower_ in _PERSONAL and end - start == 1:
            antecedent = antecedent_for(head.lower_, begin, people, analysis.article.text)
            if antecedent is not None:
                linked = self.resolver.link(analysis, antecedent.start, antecedent.end)
                return Mention(text, begin, finish, linked.actor, linked.country, list(linked.sectors))
        issuer = document_issuer(head) if head.lemma_.lower() in DOCUMENTS else None
        if issuer is not None:  # "the statement said": the one who issued it speaks
            i_start, i_end = phrase_range(issuer)
            words = doc[i_start:i_end]
            linked = self.resolver.link(analysis, words.start_char + offset, words.end_char + offset)
            if linked.actor:
                return Mention(text, begin, finish, linked.actor, linked.country, list(linked.sectors))
        name = named_apposition(head)
        if name is not None:
            n_start, n_end = phrase_range(name)
            named = doc[n_start:n_end]
            linked = self.resolver.link(analysis, named.start_char + offset, named.end_char + offset)
        else:
            linked = self.resolver.link(analysis, begin, finish, head=head.idx + offset)
        return Mention(text, begin, finish, linked.actor, linked.country, list(linked.sectors))


def is_media(head: Token) -> bool:
    """An outlet named by what it is: "state media", "the news agency", "the newspaper", or
    a name ending in "News" ("Fresh News", "DawnNews")."""
    if head.lemma_.lower() in _MEDIA_NOUNS or head.lower_ in _MEDIA_NOUNS:
        return True
    if head.pos_ == "PROPN" and head.text.endswith("News"):
        return True
    return any(c.dep_ in ("compound", "amod") and c.lower_ == "news" for c in head.children)


def is_publication(head: Token) -> bool:
    """An account nobody is named for ("reports suggest", "media reports", "footage aired on
    state television"): the press's word, a ``report``; "the OAS report", "its report" are
    the owner's statements."""
    if head.lemma_.lower() not in _PUBLICATION_NOUNS:
        return False
    return not any(t.dep_ == "poss" or t.ent_type_ in _OWNER_ENTITIES for t in head.subtree if t.i != head.i)


def is_pronoun(token: Token) -> bool:
    return token.lower_ in _PRONOUNS


def person_like(head: Token) -> bool:
    """Could be "he" or "she" later: a PERSON name, or a description of one ("a spokesman")."""
    if head.lower_ in _PRONOUNS:
        return False
    if head.ent_type_:
        return head.ent_type_ == "PERSON"
    return head.pos_ == "NOUN" and head.tag_ == "NN"


def people_of(analysis: Analysis) -> list[Person]:
    """PERSON entities of the body and title, marked when they are a sentence's subject."""
    people: list[Person] = []
    for section_doc in analysis.docs:
        if section_doc.section not in (Section.BODY, Section.TITLE):
            continue
        for ent in section_doc.doc.ents:
            if ent.label_ != "PERSON":
                continue
            subject = ent.root.dep_ in ("nsubj", "nsubjpass")
            before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
            offset = section_doc.offset
            people.append(Person(ent.start_char + offset, ent.end_char + offset, subject, before))
    people.sort(key=lambda p: p.start)
    return people


def antecedent_for(pronoun: str, at: int, people: list[Person], text: str) -> Person | None:
    """The nearest earlier compatible person, preferring the subject of its sentence."""
    excluded = _FEMALE_TITLES if pronoun in ("he", "him") else _MALE_TITLES
    window = at - _PERSON_WINDOW
    first = bisect_left(people, window, key=lambda p: p.start)  # ``people`` is in text order
    last_start = bisect_right(people, at, lo=first, key=lambda p: p.start)
    before = [p for p in people[first:last_start] if p.end <= at and p.title not in excluded]
    if not before:
        return None
    last = before[-1]
    # a sentence start before the window is before every candidate: search the window only
    low = max(window, 0)
    sentence_start = max(text.rfind(". ", low, last.start), text.rfind("\n", low, last.start))
    same_sentence = [p for p in before if p.start > sentence_start]
    subjects = [p for p in same_sentence if p.subject]
    return subjects[-1] if subjects else last
