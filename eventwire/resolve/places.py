"""Place stage: toponyms resolved to gazetteer records, disambiguated by article context.

Mentions are spaCy's GPE, LOC and FAC entities, widened or completed by the
gazetteer's multiword region names ("Yarmouk" + "camp", "Sinai Desert" that NER
misses). Each mention is resolved in two passes: countries first, so that the
countries an article talks about can pick between same-named places in the second
pass. Rules, in order:

1. "X, Y" where Y names a country or US state keeps the candidates of X inside Y
   ("Paris, Texas"; "Tripoli, Lebanon").
2. A country name is the country, unless the article is about the US and the name is
   also a US state ("Georgia" beside "Atlanta").
3. Shipped regions/territories/camps and user entries beat same-named cities: news
   "Gaza" is the Gaza Strip; the city is "Gaza City".
4. Among cities, those in a country the article mentions win; then the most populous.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from eventwire.config import PipelineConfig
from eventwire.models import Analysis, Place, Section, Span
from eventwire.resolve.gazetteer import Gazetteer, GazetteerEntry, normalise

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
FOREIGN_CITY_POPULATION = 100_000  # below this, a city outside the article's countries is not taken
# spaCy tags some toponyms ORG or PERSON ("shelled Kharkiv", "the Yarmouk camp"): such a span
# is taken as a place when no known actor claims it and the gazetteer has it as a large city
# or a region, camp or territory of the shipped supplement.
MISTAGGED_LABELS = frozenset({"ORG", "PERSON"})
MISTAGGED_CITY_POPULATION = 250_000
_SOURCE_RANK = {"user": 0, "supplement": 1, "country": 2, "us-state": 3, "city": 4}
_QUALIFIER = re.compile(r",\s*([A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})")


@dataclass(slots=True)
class _Mention:
    text: str
    start: int
    end: int
    section: Section


class PlaceStage:
    """Reads ``entities`` and the text; writes ``places`` (records with all their mentions)."""

    name = "places"

    def __init__(self, config: PipelineConfig) -> None:
        self.gazetteer = Gazetteer(config.gazetteer_files)
        # multiword region names by their first word, longest first: one dict probe per token
        self._multiword: dict[str, list[str]] = {}
        for name in sorted(self.gazetteer.multiword, key=len, reverse=True):
            self._multiword.setdefault(name.split(" ", 1)[0], []).append(name)

    def __call__(self, analysis: Analysis) -> Analysis:
        mentions = self._mentions(analysis)
        if not mentions:
            return analysis
        text = analysis.article.text
        candidates = [self.gazetteer.lookup(m.text) for m in mentions]
        countries = {c[0].country for c in candidates if c and c[0].source == "country"}
        us_context = any(e.country == "USA" and e.source != "country" for c in candidates for e in c[:1])
        places: dict[str, Place] = {}
        for mention, options in zip(mentions, candidates, strict=True):
            entry = self._choose(mention, options, text, countries, us_context)
            if entry is None:
                continue
            place = places.get(entry.id)
            if place is None:
                place = places[entry.id] = _place(entry)
            place.mentions.append(Span(mention.text, mention.start, mention.end))
        analysis.places = list(places.values())
        return analysis

    def _mentions(self, analysis: Analysis) -> list[_Mention]:
        """Toponym spans: NER places, replaced by a longer gazetteer region name when one covers them."""
        text = analysis.article.text
        found = [
            _Mention(e.text, e.start, e.end, e.section) for e in analysis.entities if e.label in PLACE_LABELS
        ]
        claimed = [span for actor in analysis.actors if actor.known for span in actor.mentions]
        for e in analysis.entities:
            unclaimed = not any(s.start < e.end and e.start < s.end for s in claimed)
            if e.label in MISTAGGED_LABELS and unclaimed and self._is_clear_toponym(e.text):
                found.append(_Mention(e.text, e.start, e.end, e.section))
        for section_doc in analysis.docs:
            for start, end in self._region_names(section_doc.doc):
                start, end = start + section_doc.offset, end + section_doc.offset
                found = [m for m in found if not (m.start < end and start < m.end)]
                found.append(_Mention(text[start:end], start, end, section_doc.section))
        return sorted(found, key=lambda m: m.start)

    def _is_clear_toponym(self, name: str) -> bool:
        return any(
            entry.source == "supplement"
            or (entry.source == "city" and entry.population >= MISTAGGED_CITY_POPULATION)
            for entry in self.gazetteer.lookup(name)
        )

    def _region_names(self, doc: Any) -> Iterator[tuple[int, int]]:
        """Capitalised multiword region names in a Doc ("the west bank" of a river is not one)."""
        text = doc.text
        lowered = text.lower()
        skip_until = 0
        for token in doc:
            if token.idx < skip_until or not token.text[:1].isupper():
                continue
            for name in self._multiword.get(token.lower_, ()):
                end = token.idx + len(name)
                if lowered.startswith(name, token.idx) and (end == len(text) or not text[end].isalnum()):
                    yield token.idx, end
                    skip_until = end
                    break

    def _choose(
        self,
        mention: _Mention,
        options: list[GazetteerEntry],
        text: str,
        countries: set[str | None],
        us_context: bool,
    ) -> GazetteerEntry | None:
        if not options:
            return None
        qualified = self._qualified(options, text, mention.end)
        if qualified:
            options = qualified
        state = next((o for o in options if o.source == "us-state"), None)
        foreign = countries - {o.country for o in options} - {"USA"}
        if state and us_context and not foreign:
            return state  # "Georgia" beside "Atlanta"
        best_country = next((o for o in options if o.source == "country"), None)
        if best_country:
            return best_country
        best = min(options, key=lambda o: _rank(o, countries, us_context, mention.text))
        foreign_city = best.source == "city" and not _in_context(best, countries, us_context)
        if foreign_city and countries and best.population < FOREIGN_CITY_POPULATION:
            return None  # a small namesake abroad is likelier a wrong guess than the place meant
        return best

    def _qualified(self, options: list[GazetteerEntry], text: str, end: int) -> list[GazetteerEntry]:
        """Candidates inside the country or US state named right after the mention ("X, Y")."""
        match = _QUALIFIER.match(text, end)
        if not match:
            return []
        container = self.gazetteer.lookup(match.group(1))
        codes = {c.country for c in container if c.source == "country"}
        states = {c.admin1 for c in container if c.source == "us-state"}
        return [
            o
            for o in options
            if o.source not in ("country", "us-state")
            and (o.country in codes or (o.country == "USA" and o.admin1 in states))
        ]


def _in_context(entry: GazetteerEntry, countries: set[str | None], us_context: bool) -> bool:
    return entry.country in countries or (us_context and entry.country == "USA")


def _rank(entry: GazetteerEntry, countries: set[str | None], us_context: bool, text: str) -> tuple:
    """Lower is better: in-memory sources, cities of the article's countries, primary names, size."""
    local = _SOURCE_RANK[entry.source] < 3 or _in_context(entry, countries, us_context)
    primary = normalise(entry.name) == normalise(text)
    return (not local, _SOURCE_RANK[entry.source], not primary, -entry.population)


def _place(entry: GazetteerEntry) -> Place:
    return Place(
        id=entry.id,
        name=entry.name,
        feature_type=entry.feature_type,
        country=entry.country,
        admin1=entry.admin1,
        lat=entry.lat,
        lon=entry.lon,
    )


def region_like(place: Place) -> bool:
    """Places that "the region", "the territory", "the enclave" can refer back to."""
    return place.feature_type in {"territory", "region", "area", "country", "desert", "district"}


__all__ = ["PlaceStage", "normalise", "region_like"]
