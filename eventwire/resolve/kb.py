"""The actor knowledge base: CSV files loaded into an in-memory index.

Shipped files live in ``eventwire/data/actors/`` (format in its README.md):

* ``countries.csv``     ``iso3,name,aliases,demonyms,capitals,wikidata``
* ``organizations.csv`` ``id,name,aliases,kind,country,sector,wikidata``
* ``people.csv``        ``id,name,aliases,country,sector,role,wikidata``
* ``roles.csv``         ``term,sector,kind``

``|`` separates several values in one field; lines starting with ``#`` are comments.
A user's own files (``PipelineConfig.kb_files``, ``--kb FILE``) use the same formats;
the kind of file is told by its header. They are read after the shipped ones, so a
user record with the same id replaces the shipped record, and a user alias wins over
a shipped one.

Lookup is an exact match on a normalised form (case, "the", dots and possessive 's
removed: "the U.S." -> "us"), then a rapidfuzz ratio match over names and aliases
for spelling variants ("Hizbollah" -> Hezbollah) at a strict cut-off. Country records
get the id ``country:<ISO3>``, people ``person:<slug>``, organisations keep their id.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from eventwire.config import DATA_DIR
from eventwire.datafiles import read_csv_table
from eventwire.errors import ConfigError

KB_DIR = DATA_DIR / "actors"
SHIPPED_FILES = ("countries.csv", "organizations.csv", "people.csv", "roles.csv")
FUZZY_CUTOFF = 90.0  # rapidfuzz ratio, 0-100
FUZZY_MIN_LENGTH = 5  # shorter names are matched exactly only ("Iran" is not "Iraq")
# Fuzzy answers kept per process: a long-running ingest or `watch` meets new spellings for
# ever, so the memo starts again when full (about 5 MiB); answers never depend on it.
FUZZY_CACHE_SIZE = 20_000

_DOTS = re.compile(r"(?<=\w)\.(?=\w|$)|(?<=\b\w)\.")
_ARTICLE = re.compile(r"(?i)^the\s+")
_NON_WORD = re.compile(r"[^\w'&+-]+")
_SLUG = re.compile(r"[^a-z0-9]+")
_NO_PLURAL = ("ese", "ss", "sh", "ch", "s", "x", "z")  # demonyms with no -s plural


@dataclass(frozen=True, slots=True)
class KBRecord:
    """One actor of the knowledge base."""

    id: str  # "country:ISR", "isis", "person:israel-katz"
    name: str
    kind: str  # country, person, igo, armed_group, party, government_body, military, media...
    country: str | None = None
    sectors: tuple[str, ...] = ()
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Role:
    """A title or group noun ("minister", "rebels") and what it says about an actor."""

    term: str
    sector: str
    kind: str  # person, group, organization...


@dataclass(slots=True)
class Match:
    """A resolved name: the record, how it matched, and the sector the words add."""

    record: KBRecord
    how: str  # exact, demonym, capital, fuzzy, context
    score: float = 100.0
    sectors: tuple[str, ...] = ()


@dataclass(slots=True)
class KnowledgeBase:
    """Exact and fuzzy name lookup over countries, organisations and people, plus roles."""

    records: dict[str, KBRecord] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # normalised name/alias -> id
    acronyms: dict[str, str] = field(default_factory=dict)  # case-exact short all-caps alias -> id
    plain: set[str] = field(default_factory=set)  # normalised names not only written as acronyms
    demonyms: dict[str, str] = field(default_factory=dict)  # normalised demonym -> country id
    capitals: dict[str, str] = field(default_factory=dict)  # normalised capital -> country id
    roles: dict[str, Role] = field(default_factory=dict)  # normalised term (sg. and pl.) -> role
    sources: list[str] = field(default_factory=list)
    _choices: list[str] | None = None
    _choices_by_length: dict[int, list[str]] = field(default_factory=dict)  # see _fuzzy_choices
    _fuzzy_cache: dict[str, tuple[str, float] | None] = field(default_factory=dict)

    # ------------------------------------------------------------------ lookup
    def get(self, actor_id: str) -> KBRecord | None:
        return self.records.get(actor_id)

    def lookup(self, text: str, fuzzy: bool = True) -> Match | None:
        """The record a name stands for, or None; ``text`` is the name as written."""
        stripped = text.strip()
        bare = _ARTICLE.sub("", stripped)  # "the U.S." -> "U.S.": the case of the name itself
        for form in (stripped, bare):
            if form in self.acronyms:
                return Match(self.records[self.acronyms[form]], "exact")
        key = normalise(stripped)
        if not key:
            return None
        if key in self.names and self._cased(key, bare):
            return Match(self.records[self.names[key]], "exact")
        if key in self.demonyms:
            return Match(self.records[self.demonyms[key]], "demonym")
        if key in self.capitals:
            return Match(self.records[self.capitals[key]], "capital", sectors=("GOV",))
        if fuzzy and len(key) >= FUZZY_MIN_LENGTH and bare[:1].isupper():
            return self._fuzzy(key)
        return None

    def _cased(self, key: str, written: str) -> bool:
        """Whether a name written so may stand for the record of ``key``.

        A short key needs a capital ("Iran", not "iran"); a key known only from an acronym
        ("WHO", "IS", "IT") needs capitals throughout when short ("Who", "Is" are words) and
        an initial capital otherwise ("Isis", "Nato" as some newspapers write them).
        """
        if key not in self.plain:
            letters = written.replace(".", "").replace(" ", "")
            return letters.isupper() if len(key) <= 3 else written[:1].isupper()
        return len(key) > 3 or written[:1].isupper()

    def role(self, word: str) -> Role | None:
        return self.roles.get(word.lower())

    def person_titles(self) -> frozenset[str]:
        """The terms of the roles that title one person ("official", "activist", "leader"; kind
        ``person``), as written, not their plurals, nor group nouns ("police", "army"); the
        shipped roles and a user's alike, a term a later file gives another kind not among them."""
        return frozenset(
            key for key, role in self.roles.items() if role.kind == "person" and key == role.term
        )

    def country_of_word(self, word: str) -> str | None:
        """ISO3 for a country name, demonym or capital ("Israeli", "Tehran"), else None."""
        key = normalise(word)
        actor_id = self.demonyms.get(key) or self.capitals.get(key)
        if actor_id is None:
            actor_id = self.names.get(key)
            if actor_id is None or not actor_id.startswith("country:"):
                return None
        return self.records[actor_id].country

    def nationals(self, word: str) -> KBRecord | None:
        """The country whose people a plural demonym names ("Syrians", "Mozambicans", the
        invariant "Lebanese", "Kyrgyz"), else None: not the singular adjective of an -s plural
        ("Syrian troops"), nor a country's own name ending like one ("the Philippines")."""
        key = normalise(word)
        actor_id = self.demonyms.get(key)
        if actor_id is None or not word[:1].isupper() or key in self.names:
            return None
        if not key.endswith("s") and key + "s" in self.demonyms:
            return None  # "Syrian": the adjective, or one person
        return self.records[actor_id]

    def _fuzzy(self, key: str) -> Match | None:
        if key not in self._fuzzy_cache:
            if len(self._fuzzy_cache) >= FUZZY_CACHE_SIZE:
                self._fuzzy_cache.clear()
            choices = self._fuzzy_choices(len(key))
            hit = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            self._fuzzy_cache[key] = (hit[0], float(hit[1])) if hit else None
        found = self._fuzzy_cache[key]
        if found is None or found[0] not in self.names:
            return None
        return Match(self.records[self.names[found[0]]], "fuzzy", found[1])

    def _fuzzy_choices(self, length: int) -> list[str]:
        """The fuzzy choices, in index order, that a key of ``length`` characters can match:
        the Indel distance behind ``fuzz.ratio`` is at least the difference of the lengths,
        so a name much longer or shorter never reaches the cutoff. The same best match as
        over every choice (ties go to the first, and the order is kept), from ~10x fewer."""
        if self._choices is None:
            self._choices = [name for name in self.names if len(name) >= FUZZY_MIN_LENGTH - 1]
            self._choices_by_length.clear()
        found = self._choices_by_length.get(length)
        if found is None:
            found = [name for name in self._choices if may_reach_cutoff(length, len(name), FUZZY_CUTOFF)]
            self._choices_by_length[length] = found
        return found

    # ------------------------------------------------------------------ building
    def add(self, record: KBRecord) -> None:
        """Add or replace a record and index its name and aliases (later additions win)."""
        old = self.records.get(record.id)
        if old is not None:
            for alias in (old.name, *old.aliases):
                key = normalise(alias)
                if self.names.get(key) == old.id:
                    del self.names[key]
        self.records[record.id] = record
        for alias in (record.name, *record.aliases):
            self._index_alias(alias, record.id)
        self._choices = None
        self._fuzzy_cache.clear()

    def _index_alias(self, alias: str, actor_id: str) -> None:
        alias = alias.strip()
        if not alias:
            return
        acronym = alias.isupper() and len(alias.replace(".", "")) <= 4
        if acronym:
            self.acronyms[alias] = actor_id
            self.acronyms[alias.replace(".", "")] = actor_id
        key = normalise(alias)
        if key:
            self.names[key] = actor_id
            if not acronym:
                self.plain.add(key)

    def add_role(self, role: Role) -> None:
        key = role.term.lower().strip()
        self.roles[key] = role
        self.roles.setdefault(plural(key), role)

    def alias_items(self) -> Iterator[tuple[str, str]]:
        """(alias as written, actor id) for every indexed name, for token matching."""
        for record in self.records.values():
            for alias in (record.name, *record.aliases):
                if alias.strip():
                    yield alias.strip(), record.id


def may_reach_cutoff(a: int, b: int, cutoff: float) -> bool:
    """Whether strings of lengths ``a`` and ``b`` can have a ``fuzz.ratio`` of ``cutoff`` or
    more: at best 100 * 2 * min / (a + b), when the shorter is inside the longer (with one
    point to spare, against rounding)."""
    return 200 * min(a, b) >= (cutoff - 1) * (a + b)


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Lower case, no accents, dots, possessive 's or leading "the"; single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").lower().strip()
    if text.endswith("'s") or text.endswith("s'"):
        text = text[:-2] if text.endswith("'s") else text[:-1]
    text = _DOTS.sub("", text)
    text = _NON_WORD.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def slug(text: str) -> str:
    """ASCII slug for ids: "Israel Katz" -> "israel-katz"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _SLUG.sub("-", text).strip("-") or "x"


def plural(word: str) -> str:
    """English plural of a role noun or phrase ("minister" -> "ministers", "police" stays)."""
    last = word.rsplit(" ", 1)[-1]
    if last.endswith(("ese", "ss", "s", "police", "staff", "personnel", "people")):
        return word
    if last.endswith(("sh", "ch", "x", "z")):
        return word + "es"
    if last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        return word[:-1] + "ies"
    if last.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


# ---------------------------------------------------------------------- reading
def load_knowledge_base(extra_files: Iterable[Path] = (), kb_dir: Path | None = None) -> KnowledgeBase:
    """The shipped files (those present) then the user's ``extra_files``, merged in order."""
    kb = KnowledgeBase()
    kb_dir = kb_dir or KB_DIR
    for name in SHIPPED_FILES:
        path = kb_dir / name
        if path.is_file():
            read_kb_file(kb, path)
    for path in extra_files:
        read_kb_file(kb, Path(path))
    return kb


def read_kb_file(kb: KnowledgeBase, path: Path) -> None:
    """Add one CSV file to ``kb``; its header says which of the four formats it is."""
    table = read_csv_table(path, "knowledge-base file")
    if not table.header:
        return
    kind = _file_kind(table.header, path)
    for line_no, record in table.rows:
        try:
            _ADDERS[kind](kb, record)
        except (KeyError, ValueError) as exc:
            raise ConfigError(f"{path}:{line_no}: bad {kind} record ({exc})") from exc
    kb.sources.append(str(path))


def _file_kind(header: list[str], path: Path) -> str:
    columns = set(header)
    if "iso3" in columns:
        return "country"
    if "term" in columns:
        return "role"
    if {"id", "name"} <= columns and "kind" in columns:
        return "organization"
    if {"id", "name"} <= columns:
        return "person"
    raise ConfigError(
        f"{path}:1: unknown knowledge-base header {','.join(header)!r}; expected the columns "
        "of countries.csv, organizations.csv, people.csv or roles.csv (see data/actors/README.md)"
    )


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def _add_country(kb: KnowledgeBase, row: dict[str, str]) -> None:
    iso3 = row["iso3"].upper()
    if len(iso3) != 3 or not iso3.isalpha():
        raise ValueError(f"iso3 {row['iso3']!r} is not a 3-letter code")
    actor_id = f"country:{iso3}"
    name = row.get("name") or iso3
    aliases = _split(row.get("aliases"))
    kb.add(KBRecord(actor_id, name, "country", iso3, (), row.get("wikidata") or None, aliases))
    for demonym in _split(row.get("demonyms")):
        key = normalise(demonym)
        kb.demonyms[key] = actor_id
        if not key.endswith(_NO_PLURAL):
            kb.demonyms.setdefault(key + "s", actor_id)
    for capital in _split(row.get("capitals")):
        kb.capitals[normalise(capital)] = actor_id


def _add_organization(kb: KnowledgeBase, row: dict[str, str]) -> None:
    actor_id = row["id"]
    if not actor_id or not row.get("name"):
        raise ValueError("id and name are required")
    country = (row.get("country") or "").upper() or None
    kb.add(
        KBRecord(
            actor_id,
            row["name"],
            row.get("kind") or "organization",
            country,
            _split(row.get("sector")),
            row.get("wikidata") or None,
            _split(row.get("aliases")),
        )
    )


def _add_person(kb: KnowledgeBase, row: dict[str, str]) -> None:
    raw_id = row["id"]
    if not raw_id or not row.get("name"):
        raise ValueError("id and name are required")
    actor_id = raw_id if raw_id.startswith("person:") else f"person:{raw_id}"
    kb.add(
        KBRecord(
            actor_id,
            row["name"],
            "person",
            (row.get("country") or "").upper() or None,
            _split(row.get("sector")),
            row.get("wikidata") or None,
            _split(row.get("aliases")),
            row.get("role") or None,
        )
    )


def _add_role(kb: KnowledgeBase, row: dict[str, str]) -> None:
    if not row.get("term"):
        raise ValueError("term is required")
    kb.add_role(Role(row["term"].lower(), (row.get("sector") or "").upper(), row.get("kind") or "person"))


_ADDERS = {
    "country": _add_country,
    "organization": _add_organization,
    "person": _add_person,
    "role": _add_role,
}
