"""Place stage: toponyms resolved to gazetteer records, disambiguated by article context.

Mentions are spaCy's GPE, LOC and FAC entities, widened or completed by the
gazetteer's multiword region names ("Yarmouk" + "camp", "Sinai Desert" that NER
misses) and by multiword country names where NER cut one ("The Democratic Republic"
+ "Congo": the longest name wins). Names spaCy tagged PERSON or ORG are places when
the actor stage made no actor of them (it leaves out villages and towns it judged
places: "near the villages of Kfar Kila and Khiam") and the gazetteer has them, or
when they are large cities or shipped regions no known actor claims. Each mention is
resolved in two passes: countries first, so that the countries an article talks
about can pick between same-named places in the second pass. Rules, in order:

1. "X, Y" where Y names a country or US state keeps the candidates of X inside Y
   ("Paris, Texas"; "Tripoli, Lebanon").
2. A country name is the country, unless the article is about the US and the name is
   also a US state ("Georgia" beside "Atlanta").
3. Shipped regions/territories/camps and user entries beat same-named cities: news
   "Gaza" is the Gaza Strip; the city is "Gaza City".
4. Among cities, those in a country the article mentions win; then the most populous;
   but a small town there yields to a national capital or a city of millions of the same
   name ("Copenhagen" in an American story; "Bamako", never a homonym elsewhere).
5. A short country name that ends a longer one the article used before means that
   country: "Congo" after "the Democratic Republic of the Congo".

A city is shown by its GeoNames name unless that name carries letters English does not
use ("Nabatîyé et Tahta") and the article wrote it otherwise ("Nabatieh"): then the
name as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from eventwire.config import PipelineConfig
from eventwire.models import Analysis, Place, Section, Span
from eventwire.nlp.bounds import keep_text, token_starts
from eventwire.nlp.columns import columns
from eventwire.resolve.gazetteer import GazetteerEntry, bare_name, normalise, shared_gazetteer

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
FOREIGN_CITY_POPULATION = 100_000  # below this, a city outside the article's countries is not taken
LOCAL_TOWN_POPULATION = 100_000  # a town of the article's countries smaller than this yields to
WORLD_CITY_POPULATION = 1_000_000  # a namesake capital, or a city this large, abroad
# spaCy tags some toponyms ORG or PERSON ("shelled Kharkiv", "the Yarmouk camp"): such a span
# is a place when the actor stage made no actor of it and the gazetteer has it; when it is a
# country actor's name or capital ("Niger", "Baku"); or when no known actor claims it and the
# gazetteer has it as a large city or a region, camp or territory of the shipped supplement.
MISTAGGED_LABELS = frozenset({"ORG", "PERSON"})
MISTAGGED_CITY_POPULATION = 250_000
_STORY_SECTIONS = frozenset({Section.TITLE, Section.BODY})
_SOURCE_RANK = {"user": 0, "supplement": 1, "country": 2, "us-state": 3, "city": 4}
_FIRST_WORD = re.compile(r"[^\s-]+")  # "guinea" of "guinea-bissau" and "guinea bissau"
_ARTICLE_START = re.compile(r"(?i)^the\s+")
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
        self.gazetteer = shared_gazetteer(tuple(config.gazetteer_files))  # also the actor finder's
        # multiword region names by their first word, longest first: one dict probe per token
        self._multiword: dict[str, list[str]] = {}
        regions = set(self.gazetteer.multiword)
        self._country_names = {
            name for name, entries in self.gazetteer.by_name.items()
            if _first_word(name) != name and name not in regions
            and any(e.source == "country" for e in entries)
        }  # fmt: skip
        for name in sorted({*self.gazetteer.multiword, *self._country_names}, key=len, reverse=True):
            self._multiword.setdefault(_first_word(name), []).append(name)

    def __call__(self, analysis: Analysis) -> Analysis:
        mentions = self._mentions(analysis)
        if not mentions:
            return analysis
        text = analysis.article.text
        candidates = [self.gazetteer.lookup(m.text) for m in mentions]
        countries = {c[0].country for c in candidates if c and c[0].source == "country"}
        us_context = any(e.country == "USA" and e.source != "country" for c in candidates for e in c[:1])
        places: dict[str, Place] = {}
        named: dict[tuple[str, ...], GazetteerEntry] = {}  # country names as written, by their endings
        for mention, options in zip(mentions, candidates, strict=True):
            entry = self._choose(mention, options, text, countries, us_context)
            if entry is None:
                continue
            if entry.source == "country":
                entry = _longer_country(mention.text, entry, named)
                _name_country(mention.text, entry, named)
            place = places.get(entry.id)
            if place is None:
                place = places[entry.id] = _place(entry, mention.text)
            place.mentions.append(Span(mention.text, mention.start, mention.end))
        analysis.places = list(places.values())
        return analysis

    def _mentions(self, analysis: Analysis) -> list[_Mention]:
        """Toponym spans: NER places, replaced by a longer gazetteer name when one covers them."""
        text = analysis.article.text
        found = [
            _Mention(e.text, e.start, e.end, e.section) for e in analysis.entities if e.label in PLACE_LABELS
        ]
        found.extend(self._mistagged(analysis))
        alive = [True] * len(found)
        regions = [
            (start + section_doc.offset, end + section_doc.offset, country_name, section_doc.section)
            for section_doc in analysis.docs
            for start, end, country_name in self._region_names(section_doc.doc, section_doc.text)
        ]  # fmt: skip
        found += [_Mention(text[start:end], start, end, section) for start, end, _, section in regions]
        alive += [False] * len(regions)  # each region name is in once it is taken
        index = _ByOffset([(m.start, m.end) for m in found])
        for at, (start, end, country_name, _) in enumerate(regions, len(alive) - len(regions)):
            overlapping = [i for i in index.overlapping(start, end) if alive[i]]
            if country_name and not (overlapping and all(_inside(found[i], start, end) for i in overlapping)):
                continue  # only completes what NER cut: not "United Kingdom" of "the United Kingdom
                # Maritime Trade Operations", nor a country inside a name NER did not tag a place
            for i in overlapping:
                alive[i] = False
            alive[at] = True
        return sorted((m for m, kept in zip(found, alive, strict=True) if kept), key=lambda m: m.start)

    def _mistagged(self, analysis: Analysis) -> Iterator[_Mention]:
        """Toponyms spaCy tagged ORG or PERSON ("shelled Kharkiv", "the villages of Kfar Kila")."""
        known = [(span, actor) for actor in analysis.actors for span in actor.mentions]
        spans = _ByOffset([(span.start, span.end) for span, _ in known])
        for e in analysis.entities:
            if e.label not in MISTAGGED_LABELS:
                continue
            claims = [known[i][1] for i in spans.overlapping(e.start, e.end)]
            if any(actor.known and actor.kind != "country" for actor in claims):
                continue
            if claims and all(actor.kind == "country" for actor in claims):
                # "Niger" tagged ORG is still the country, "Baku" tagged PERSON its capital
                options = self.gazetteer.lookup(e.text)
                home = claims[0].country
                take = any(o.source in ("country", "city") and o.country == home for o in options)
            elif not claims and e.section in _STORY_SECTIONS:
                take = self._is_named_place(e.text)  # the actor stage found it a place, not a name
            else:
                take = not any(a.known for a in claims) and self._is_clear_toponym(e.text)
            if take:
                yield _Mention(e.text, e.start, e.end, e.section)

    def _is_clear_toponym(self, name: str) -> bool:
        return any(
            entry.source == "supplement"
            or (entry.source == "city" and entry.population >= MISTAGGED_CITY_POPULATION)
            for entry in self.gazetteer.lookup(name)
        )

    def _is_named_place(self, name: str) -> bool:
        words = name.split()
        if not words or not words[0][:1].isupper() or (name.isupper() and len(name) <= 4):
            return False  # "BAK": a code among GeoNames' alternate names
        return any(entry.source in ("user", "supplement", "city") for entry in self.gazetteer.lookup(name))

    def _region_names(self, doc: Any, text: str) -> Iterator[tuple[int, int, bool]]:
        """Capitalised multiword region and country names in a Doc of ``text`` ("the west bank"
        of a river is not one), and whether the name is a country's only."""
        lowered = text.lower()
        skip_until = 0
        keep_text(doc, text)
        strings = doc.vocab.strings
        # offsets and lower-case ids read once per Doc: a spaCy Token per word cost more than the test
        for idx, lower in zip(token_starts(doc), columns(doc).lower, strict=True):
            if idx < skip_until or not text[idx].isupper():  # a word's first letter
                continue
            for name in self._multiword.get(_first_word(strings[lower]), ()):
                end = idx + len(name)
                if lowered.startswith(name, idx) and (end == len(text) or not text[end].isalnum()):
                    yield idx, end, name in self._country_names
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
        has_country = any(o.source == "country" for o in options)
        qualified = [] if has_country else self._qualified(options, text, mention.end)
        if qualified:  # "Paris, Texas"; but "Canada, Mexico" lists two countries
            options = qualified
        state = next((o for o in options if o.source == "us-state"), None)
        foreign = countries - {o.country for o in options} - {"USA"}
        if state and us_context and not foreign:
            return state  # "Georgia" beside "Atlanta"
        best_country = next((o for o in options if o.source == "country"), None)
        if best_country:
            return best_country
        best = min(options, key=lambda o: _rank(o, countries, us_context, mention.text))
        if best.source == "city" and best.population < LOCAL_TOWN_POPULATION and not qualified:
            best = self._world_city(options, mention.text) or best
        foreign_city = best.source == "city" and not _in_context(best, countries, us_context)
        if foreign_city and countries and best.population < FOREIGN_CITY_POPULATION:
            return None  # a small namesake abroad is likelier a wrong guess than the place meant
        return best

    def _world_city(self, options: list[GazetteerEntry], written: str) -> GazetteerEntry | None:
        """A national capital or a city of millions that bears the name, which beats a small
        namesake in the article's countries: "Copenhagen" in an American story is Denmark's."""
        key = normalise(written)
        capitals = self.gazetteer.capitals
        world = [
            o for o in options
            if o.source == "city"
            and (o.id in capitals or (o.population >= WORLD_CITY_POPULATION and normalise(o.name) == key))
        ]  # fmt: skip
        return max(world, key=lambda o: o.population) if world else None

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


def _first_word(name: str) -> str:
    match = _FIRST_WORD.match(name)
    return match.group(0) if match else name


def _inside(mention: _Mention, start: int, end: int) -> bool:
    """Whether a mention, without a leading "the", lies within ``start:end``."""
    skipped = len(mention.text) - len(_ARTICLE_START.sub("", mention.text))
    return start <= mention.start + skipped and mention.end <= end


def _in_context(entry: GazetteerEntry, countries: set[str | None], us_context: bool) -> bool:
    return entry.country in countries or (us_context and entry.country == "USA")


def _rank(entry: GazetteerEntry, countries: set[str | None], us_context: bool, text: str) -> tuple:
    """Lower is better: in-memory sources, cities of the article's countries, primary names, size."""
    local = _SOURCE_RANK[entry.source] < 3 or _in_context(entry, countries, us_context)
    primary = normalise(entry.name) == normalise(text)
    return (not local, _SOURCE_RANK[entry.source], not primary, -entry.population)


def _place(entry: GazetteerEntry, written: str) -> Place:
    return Place(
        id=entry.id,
        name=display_name(entry, written),
        feature_type=entry.feature_type,
        country=entry.country,
        admin1=entry.admin1,
        lat=entry.lat,
        lon=entry.lon,
    )


def display_name(entry: GazetteerEntry, written: str) -> str:
    """The English name of a place: GeoNames' own name, or the article's spelling where
    GeoNames uses letters English does not ("Nabatîyé et Tahta" written "Nabatieh")."""
    if entry.source != "city" or entry.name.isascii():
        return entry.name
    name = bare_name(written)
    if not name.isascii() or not name[:1].isupper() or normalise(name) == normalise(entry.name):
        return entry.name
    return name.title() if name.isupper() else name


def _longer_country(
    written: str, entry: GazetteerEntry, named: dict[tuple[str, ...], GazetteerEntry]
) -> GazetteerEntry:
    """The country an earlier, longer name ending with this one named ("Congo" after "the
    Democratic Republic of the Congo"); a country's own name ("Sudan") means itself."""
    words = normalise(written).split()
    if not words or words == normalise(entry.name).split():
        return entry
    # the latest such name: "South Korea ... Korea" is South Korea again
    return named.get(tuple(words), entry)


def _name_country(written: str, entry: GazetteerEntry, named: dict[tuple[str, ...], GazetteerEntry]) -> None:
    """Remember a country name as written under each of its shorter endings, for
    :func:`_longer_country` (one lookup, where a walk of every earlier name was quadratic)."""
    words = tuple(normalise(written).split())
    for size in range(1, len(words)):
        named[words[-size:]] = entry


class _ByOffset:
    """Spans ``(start, end)`` searched by offset: sorted by start, bisected, and the longest
    span bounds how far back one that overlaps can start (a walk of every span for every
    search made long articles quadratic)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self.starts = [spans[i][0] for i in self.order]
        self.longest = max([0, *(end - start for start, end in spans)])

    def overlapping(self, start: int, end: int) -> list[int]:
        """Positions (in the list given) of the spans that overlap ``start:end``, in order."""
        low = bisect_left(self.starts, start - self.longest + 1)
        high = bisect_left(self.starts, end)
        return sorted(i for i in self.order[low:high] if start < self.spans[i][1])


def region_like(place: Place) -> bool:
    """Places that "the region", "the territory", "the enclave" can refer back to."""
    return place.feature_type in {"territory", "region", "area", "country", "desert", "district"}


__all__ = ["PlaceStage", "normalise", "region_like"]
