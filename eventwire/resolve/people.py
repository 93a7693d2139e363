"""One person, one id: the short forms of a name joined to the full name the article gives.

The mention finder links "Katz" to "Israel Katz" when the full name came first; news often
says the short form first (a headline's "Odinga rejects results" before the lede's "Raila
Odinga"), with an honorific ("Mr Yameen" after "Abdulla Yameen") or without a middle name
("Luis Diaz" and "Luis Manuel Diaz"). Left apart, one person has two ids: one act is then
coded twice, and a side names the short id where the coder names the person. After every
mention is found, a person's name whose words (less honorifics, titles and the Arabic
article) are a part of exactly one longer person name of the article, ending with its family
name or, for one word, starting with its given name, becomes that person. Where two people
share the words ("Rajapaksa" with Gotabaya and Mahinda Rajapaksa) the short form stays
apart. Linear in the article's people (candidates are found by family name).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.nlp.columns import columns
from eventwire.resolve.kb import normalise
from eventwire.resolve.mentions import Hit

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from eventwire.nlp.parse import SectionDoc

# Words said with a name that are not part of it: honorifics and generational suffixes.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "jr", "sr", "ii", "iii"})
_ARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ud)-(?=\w{3})")


def name_words(name: str, titles: frozenset[str]) -> tuple[str, ...]:
    """The words of a person's name without honorifics, titles and the Arabic article:
    "Mr al-Bashir" -> ("bashir",); "Brigadier Mark Phillips" -> ("mark", "phillips")."""
    words = [_ARTICLE.sub("", w.strip(".")) for w in normalise(name).replace(".", " ").split()]
    return tuple(w for w in words if w and w not in _HONORIFICS and w not in titles)


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether ``short`` is a shorter form of ``long``: its words in order, the family name
    last ("Luis Diaz" of "Luis Manuel Diaz"), or one word that is the given name ("Yulia")."""
    if len(short) >= len(long):
        return False
    if len(short) == 1 and short[0] == long[0]:
        return True
    if short[-1] != long[-1]:
        return False
    rest = iter(long)
    return all(word in rest for word in short)


def unify_people(hits: Iterable[Hit], titles: frozenset[str]) -> dict[str, Hit]:
    """Re-point every hit of a short person name to the one longer name it is a form of;
    returns the map from each joined id to the hit of the full name."""
    people: dict[str, tuple[Hit, tuple[str, ...]]] = {}
    by_word: defaultdict[str, set[str]] = defaultdict(set)  # family and given names -> ids
    person_hits = [h for h in hits if h.kind == "person"]
    for hit in person_hits:
        if hit.actor in people:
            continue
        words = name_words(hit.name, titles)
        if not words:
            continue
        people[hit.actor] = (hit, words)
        if len(words) > 1:
            by_word[words[-1]].add(hit.actor)
            by_word[words[0]].add(hit.actor)
    joined: dict[str, Hit] = {}
    for actor, (hit, words) in people.items():
        if hit.known:
            continue  # the knowledge base named it: its id is the canonical one
        longer = [other for other in by_word.get(words[-1], ()) if _within(words, people[other][1])]
        if not longer:
            continue
        full = max(longer, key=lambda other: len(people[other][1]))
        if all(other == full or _within(people[other][1], people[full][1]) for other in longer):
            joined[actor] = people[full][0]
    for hit in person_hits:
        full_hit = joined.get(hit.actor)
        if full_hit is not None:
            hit.actor, hit.name, hit.known = full_hit.actor, full_hit.name, full_hit.known
            hit.wikidata, hit.country = full_hit.wikidata, hit.country or full_hit.country
    return joined


def surname_mentions(
    section_docs: Iterable[SectionDoc], hits: list[Hit], titles: frozenset[str]
) -> list[Hit]:
    """Mentions of a person by family name alone that NER did not tag ("Bout had been
    held" after "Viktor Bout"): a capitalised word outside every other mention that is the
    family name of exactly one person the article names in full; not inside a longer
    capitalised name ("Naya Paltan") or an affix ("pro-Morsi"). One walk over the tokens,
    with the hits in text order beside it."""
    families: dict[str, Hit | None] = {}
    for hit in hits:
        words = name_words(hit.name, titles)
        if hit.kind == "person" and len(words) > 1 and len(words[-1]) > 2:
            seen = families.get(words[-1], hit)
            families[words[-1]] = hit if seen is not None and seen.actor == hit.actor else None
    if not any(families.values()):
        return []
    spans = sorted((h.start, h.end) for h in hits)
    found: list[Hit] = []
    for section_doc in section_docs:
        doc, offset, at = section_doc.doc, section_doc.offset, 0
        for i in _capitalised_names(doc):
            token = doc[i]
            person = families.get(_ARTICLE.sub("", normalise(token.text)))
            if person is None:
                continue
            start = token.idx + offset
            while at < len(spans) and spans[at][1] <= start:
                at += 1
            if at < len(spans) and spans[at][0] <= start:
                continue  # inside a mention found before
            if _in_a_name(doc, token.i, titles):
                continue
            end = start + len(token.text)
            found.append(replace(person, start=start, end=end, text=token.text, head=start,
                                 section=section_doc.section, introduced=True))  # fmt: skip
    return found


# Labels NER gives a bare family name besides PERSON: none, or a mistaken one ("Sonko
# wrote", "stolen by Bongo").
_NAME_LABELS = frozenset({"", "PERSON", "WORK_OF_ART", "PRODUCT"})


def _capitalised_names(doc: Doc) -> list[int]:
    """Indices of the title-case words with no entity label or a name's (``_NAME_LABELS``),
    read from the Doc's columns (:mod:`eventwire.nlp.columns`, read once per Doc for the
    other stages): a spaCy Token per word of the article cost more than the rest."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    c = columns(doc)
    named = {label for label in set(c.ent_type) if (strings[label] if label else "") in _NAME_LABELS}
    words = zip(c.title, c.ent_type, strict=True)
    return [i for i, (title, label) in enumerate(words) if title and label in named]


def _in_a_name(doc: Doc, i: int, titles: frozenset[str] = frozenset()) -> bool:
    """Whether the word at ``i`` is part of a longer name or an affix: a capitalised word
    or a hyphen next to it ("Naya Paltan", "pro-Morsi"), its sentence's first word aside;
    not a day or month before it ("On Sunday Georgescu said") nor an honorific or a title
    ("Ms Yuksekdag", "President Abinader"), which no name is made of."""
    before = doc[i - 1] if i > 0 and not doc[i].is_sent_start else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    if before is not None and before.is_title and _not_a_name_word(before, titles):
        before = None
    if before is not None and (before.is_title or before.text == "-"):
        return True
    return after is not None and (after.is_title and not after.is_sent_start or after.text == "-")


def _not_a_name_word(word: Token, titles: frozenset[str]) -> bool:
    """A capitalised word that is no part of a name: a date word, an honorific, a title."""
    if word.ent_type_ in ("DATE", "TIME"):
        return True
    lower = normalise(word.text)
    return lower in _HONORIFICS or lower in titles


def common_words(hits: list[Hit], text: str) -> list[Hit]:
    """Drop the one-word "people" that are common words in capitals: headlines are title
    case, so NER tags "Ceasefire halts fighting" a person. A one-word name the knowledge base
    does not know, never introduced as a person (no title, role, "Mr", "said") and that the
    article writes in lower case elsewhere ("the ceasefire held") is a word, not a name. One
    search of the text per such name."""
    introduced: dict[str, bool] = {}
    names: dict[str, str] = {}
    for hit in hits:
        if hit.kind == "person" and not hit.known:
            introduced[hit.actor] = introduced.get(hit.actor, False) or hit.introduced
            names[hit.actor] = hit.name
    words = {
        actor
        for actor, name in names.items()
        if not introduced[actor]
        and name.isalpha()
        and name[:1].isupper()
        and re.search(rf"\b{re.escape(name.lower())}\b", text) is not None
    }
    if not words:
        return hits
    return [h for h in hits if h.actor not in words]
