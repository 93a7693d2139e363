"""The quote-cue lexicon (``data/lexicons/quote_cues.csv``) and the outlet-name fallback.

Read once per process into a dictionary keyed by the head word, so testing a token is
one lookup. A phrase cue ("according to", "call for", "quote as") matches when its other
words follow the head or hang off it in the parse. Extra cue files (same columns) are read
after the shipped one; a row with the same cue and part of speech replaces the shipped row.

Outlets are news organisations the article cites. They come from the actor stage (actors of
kind ``media``); when its knowledge base is missing, the ``media`` rows of
``data/actors/organizations.csv`` (names and ``|``-separated aliases) are read here instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from eventwire.config import DATA_DIR
from eventwire.datafiles import read_csv_table
from eventwire.errors import ConfigError
from eventwire.nlp.columns import columns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CUES_FILE = DATA_DIR / "lexicons" / "quote_cues.csv"
ORGANIZATIONS_FILE = DATA_DIR / "actors" / "organizations.csv"
FRAMES = frozenset(
    {"say", "tell", "object", "according", "quote", "direct", "hedge", "seem", "noun", "document"}
)
KINDS = frozenset({"speech", "report", "stance", "accusation", "threat", "demand"})
ACT_KINDS = frozenset({"accusation", "threat", "demand"})  # verbal acts whose object is the event's
POS_TAGS = {
    "VERB": frozenset({"VERB", "AUX"}),
    "NOUN": frozenset({"NOUN"}),
    "ADP": frozenset({"ADP", "VERB"}),
    "ADV": frozenset({"ADV"}),
}
_COLUMNS = ("cue", "pos", "frame", "kind")  # required; "needs" and "notes" are optional
_NAME = re.compile(r"[^\w&]+")


@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon row."""

    phrase: str
    head: str
    others: tuple[str, ...]
    pos: str
    frame: str
    kind: str
    needs: frozenset[str]  # dependency labels of which the cue needs one child (empty: none)
    origin: str  # file:line


@dataclass(slots=True)
class QuoteLexicon:
    """Cue rows by head word (lemma or lower-case form), longest phrases first."""

    by_head: dict[str, list[Cue]] = field(default_factory=dict)
    # head words of hedge rows ("reportedly"): a word not among them heads no hedge, and most
    # words of a cue's clause are not, so the hedge search skips :meth:`match` for them
    hedge_heads: set[str] = field(default_factory=set)
    # Doc -> (:meth:`heads`, :meth:`hedge_words`), each dropped with its Doc: the rules' and
    # the learned cues' searches, and the hedge search, read the same words of one Doc
    _words: WeakKeyDictionary[Doc, tuple[list[int], list[int]]] = field(
        default_factory=WeakKeyDictionary, repr=False, compare=False
    )
    _ids: dict[int, str] | None = field(default=None, repr=False, compare=False)  # head words by string id

    def add(self, cue: Cue) -> None:
        self._words.clear()  # read with the rows as they were
        self._ids = None
        if cue.frame == "hedge":
            self.hedge_heads.add(cue.head)  # never removed: a row replaced leaves a harmless extra
        rows = [c for c in self.by_head.get(cue.head, []) if (c.phrase, c.pos) != (cue.phrase, cue.pos)]
        rows.append(cue)
        rows.sort(key=lambda c: -len(c.others))
        self.by_head[cue.head] = rows

    def match(self, token: Token) -> Cue | None:
        """The cue this token heads, if any (its lemma or form, part of speech and phrase words)."""
        rows = self.by_head.get(token.lemma_.lower()) or self.by_head.get(token.lower_)
        if not rows:
            return None
        for cue in rows:
            if token.pos_ and token.pos_ not in POS_TAGS[cue.pos]:
                continue
            if cue.needs and not any(c.dep_ in cue.needs for c in token.children):
                continue
            if not cue.others or _has_words(token, cue.others):
                return cue
        return None

    def heads(self, doc: Doc) -> list[int]:
        """Indices of the tokens that may head a cue (for the others :meth:`match` is None):
        those whose lower-cased lemma or lower-case form is a head word. Found once per Doc."""
        return self._cue_words(doc)[0]

    def hedge_words(self, doc: Doc) -> list[int]:
        """Indices of the tokens whose lower-cased lemma or lower-case form heads a hedge row
        (only they may head a hedge cue :meth:`match` finds). Found once per Doc."""
        return self._cue_words(doc)[1]

    def _cue_words(self, doc: Doc) -> tuple[list[int], list[int]]:
        """:meth:`heads` and :meth:`hedge_words`, read from the Doc's LEMMA and LOWER ids with
        one string lookup per distinct lemma (testing every token built a spaCy Token per
        word). A lower-case form needs none: its id is the id of the head word it spells
        (the head words' ids are read once, hashing them per Doc cost as much as the rest).
        Every hedge head is a head word (:meth:`add`), so hedges are among the heads."""
        found = self._words.get(doc)
        if found is None:
            if self._ids is None:
                from spacy.strings import get_string_id

                self._ids = {get_string_id(word): word for word in self.by_head}
            found = self._words[doc] = _cue_words(doc, self.by_head, self._ids, self.hedge_heads)
        return found

    def __len__(self) -> int:
        return sum(len(rows) for rows in self.by_head.values())


def _cue_words(
    doc: Doc, by_head: dict[str, list[Cue]], head_ids: dict[int, str], hedges: set[str]
) -> tuple[list[int], list[int]]:
    """See :meth:`QuoteLexicon._cue_words`; ``head_ids``: the head words by string id."""
    if not len(doc):
        return [], []
    strings = doc.vocab.strings
    c = columns(doc)  # read once per Doc for the other stages too
    lemmas_of, forms_of = c.lemma, c.lower
    # a form is lower case already: it is a head word when its id is one (spaCy gives a
    # string one id); a lemma may not be, and is looked up
    forms = {h: head_ids[h] for h in set(forms_of) & head_ids.keys()}
    lemmas = {h: low for h in set(lemmas_of) if (low := strings[h].lower()) in by_head}
    if not lemmas and not forms:
        return [], []
    heads = [i for i, (a, b) in enumerate(zip(lemmas_of, forms_of, strict=True)) if a in lemmas or b in forms]
    hedge_lemmas = {h for h, low in lemmas.items() if low in hedges}
    hedge_forms = {h for h, word in forms.items() if word in hedges}
    hedge_words = [i for i in heads if lemmas_of[i] in hedge_lemmas or forms_of[i] in hedge_forms]
    return heads, hedge_words


def _has_words(token: Token, words: tuple[str, ...]) -> bool:
    """The phrase's other words follow the head, or are its dependents (in order)."""
    doc = token.doc
    following = [t.lower_ for t in doc[token.i + 1 : token.i + 1 + len(words)]]
    if tuple(following) == words:
        return True
    children = {c.lower_ for c in token.children if c.dep_ in ("prep", "prt", "advmod")}
    return all(w in children for w in words)


def load_quote_lexicon(extra: Iterable[Path] = ()) -> QuoteLexicon:
    """The shipped cue lexicon, with the rows of ``extra`` files read after it."""
    lexicon = QuoteLexicon()
    for path in (CUES_FILE, *extra):
        for cue in read_cues(Path(path)):
            lexicon.add(cue)
    return lexicon


def read_cues(path: Path) -> list[Cue]:
    """The rows of one cue file; errors name the file and line."""
    table = read_csv_table(path, "quote-cue lexicon")
    if any(column not in table.header for column in _COLUMNS):
        raise ConfigError(
            f"{path}: the header must name the columns {','.join(_COLUMNS)} (and may add needs,notes)"
        )
    return [_cue(row, f"{path}:{n}") for n, row in table.rows]


def _cue(row: dict[str, str], origin: str) -> Cue:
    if any(not row.get(column) for column in _COLUMNS):
        raise ConfigError(f"{origin}: {', '.join(_COLUMNS)} must all be given")
    phrase, pos, frame, kind = (row[column] for column in _COLUMNS)
    words = phrase.lower().split()
    if pos not in POS_TAGS:
        raise ConfigError(f"{origin}: pos {pos!r} is not one of {', '.join(POS_TAGS)}")
    if frame not in FRAMES:
        raise ConfigError(f"{origin}: frame {frame!r} is not one of {', '.join(sorted(FRAMES))}")
    if kind not in KINDS:
        raise ConfigError(f"{origin}: kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
    needs = frozenset(label.strip() for label in (row.get("needs") or "").split("|") if label.strip())
    return Cue(phrase.lower(), words[0], tuple(words[1:]), pos, frame, kind, needs, origin)


_LEADING_THE = re.compile(r"^the\s+")  # compiled once: name_key runs for every cue's subject
_POSSESSIVE_S = re.compile(r"\s+s$")


@lru_cache(maxsize=4096)
def name_key(text: str) -> str:
    """Case, punctuation, a leading "the" and a possessive 's removed: "the Times'" -> "times".
    Kept per text: every actor mention's text and name is keyed to look for an outlet, and an
    article names the same few actors again and again."""
    key = _NAME.sub(" ", text.lower().replace("’", "'")).strip()
    key = _LEADING_THE.sub("", key)
    return _POSSESSIVE_S.sub("", key)


def load_outlet_names(path: Path = ORGANIZATIONS_FILE) -> dict[str, str]:
    """name key -> canonical name, for the ``media`` rows of an organisations file (may be absent)."""
    if not path.is_file():
        return {}
    names: dict[str, str] = {}
    for _, row in read_csv_table(path, "organisations file").rows:
        if (row.get("kind") or "").strip() != "media" or not row.get("name"):
            continue
        name = row["name"].strip()
        for alias in [name, *(row.get("aliases") or "").split("|")]:
            if alias.strip():
                names.setdefault(name_key(alias), name)
    return names
