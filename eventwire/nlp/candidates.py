"""Which sentences can hold an event or a quote: a cheap word test before parsing.

A sentence is a *candidate* when it contains a quotation mark, or any form of a
word listed in the event-trigger or quote-cue lexicons
(``data/lexicons/event_triggers.csv``, ``data/lexicons/quote_cues.csv``). Only
candidate sentences need the dependency parse, tags and lemmas; the rest of the
text only needs its entities (see :mod:`eventwire.nlp.parse`).

The test errs on the side of inclusion: each lexicon entry is expanded to its
inflected forms (regular suffixes plus the irregular forms in spaCy's own
lemmatizer tables, so "say" also matches "said"), and a multi-word entry matches
when each of its words occurs somewhere in the sentence. A false positive only
costs parsing time; a false negative could lose an event.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.config import DATA_DIR
from eventwire.datafiles import read_csv_table

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

LEXICON_DIR = DATA_DIR / "lexicons"
LEXICON_FILES = ("event_triggers.csv", "quote_cues.csv")
# Column holding the word or phrase, by preference; else the first column.
_TERM_COLUMNS = ("lemma", "trigger", "cue", "term", "word", "phrase", "pattern", "text")
QUOTE_MARKS = frozenset({'"', "“", "”", "„", "‟", "«", "»", "‘", "``", "''"})
_VOWELS = frozenset("aeiou")


class CandidateFinder:
    """Tests spaCy sentences (Spans) for trigger/cue words or quotation marks."""

    def __init__(self, terms: Iterable[str], irregular: Mapping[str, Iterable[str]] | None = None):
        irregular = irregular or {}
        self.single: set[str] = set()
        # first word's form -> the other words' form sets, one tuple per multi-word entry
        self.multi: dict[str, list[tuple[frozenset[str], ...]]] = {}
        for term in terms:
            words = term.lower().replace("*", "").split()
            if not words:
                continue
            forms = [frozenset(variants(inflections(w, irregular.get(w, ())))) for w in words]
            if len(forms) == 1:
                self.single |= forms[0]
                continue
            for first in forms[0]:
                self.multi.setdefault(first, []).append(tuple(forms[1:]))
        self._ids: _WordIds | None = None  # the same sets as string ids, built when first asked

    def __len__(self) -> int:
        return len(self.single) + len(self.multi)

    def is_candidate(self, sent: Span) -> bool:
        """Whether the sentence holds a quote mark or a term (every word of a multi-word one)."""
        return self.is_candidate_ids({token.lower for token in sent})

    def is_candidate_ids(self, words: set[int]) -> bool:
        """:meth:`is_candidate` for a sentence given as the string ids of its lower-cased
        words (``Doc.to_array("LOWER")``): the selective parser tests every sentence of every
        section, and one array per Doc costs less than a Token object per word."""
        ids = self._ids or self._hashed()
        if not words.isdisjoint(ids.quotes) or not words.isdisjoint(ids.single):
            return True
        for first in words & ids.first_words:
            for rest in ids.multi[first]:
                if all(not words.isdisjoint(forms) for forms in rest):
                    return True
        return False

    def _hashed(self) -> _WordIds:
        from spacy.strings import get_string_id

        def hashed(words: Iterable[str]) -> frozenset[int]:
            return frozenset(get_string_id(w) for w in words)

        multi = {
            get_string_id(first): [tuple(hashed(forms) for forms in rest) for rest in entries]
            for first, entries in self.multi.items()
        }
        self._ids = _WordIds(hashed(QUOTE_MARKS), hashed(self.single), multi, frozenset(multi))
        return self._ids


@dataclass(frozen=True, slots=True)
class _WordIds:
    """A finder's word sets as spaCy string ids (a string's id is its hash, the same in
    every StringStore)."""

    quotes: frozenset[int]
    single: frozenset[int]
    multi: dict[int, list[tuple[frozenset[int], ...]]]
    first_words: frozenset[int]


_US_TO_BRITISH = (("ization", "isation"), ("izing", "ising"), ("ized", "ised"), ("izes", "ises"),
                  ("ize", "ise"), ("yze", "yse"), ("ense", "ence"), ("or", "our"))  # fmt: skip


def variants(forms: Iterable[str]) -> set[str]:
    """The forms, their British spellings and their "re-" verbs, as the event lexicon reads
    them (``EventLexicon.candidates``): "mobilisation", "recaptured" are candidates too."""
    out = set(forms)
    for form in list(out):
        for us, british in _US_TO_BRITISH:
            if form.endswith(us):
                out.add(form[: -len(us)] + british)
                break
        if len(form) >= 4:
            out.add("re" + form)
    return out


def load_candidate_finder(nlp: Language, paths: Iterable[Path] | None = None) -> CandidateFinder | None:
    """A finder over the lexicon files, or None if one is missing: then every sentence is parsed.

    Both lexicons are needed: without the quote cues, a sentence such as "He said the
    talks had failed" would go unparsed and its quote unseen.
    """
    files = [Path(p) for p in paths] if paths is not None else [LEXICON_DIR / f for f in LEXICON_FILES]
    if not files or not all(p.is_file() for p in files):
        return None
    terms = [term for path in files for term in read_terms(path)]
    return CandidateFinder(terms, irregular_forms(nlp))


def read_terms(path: Path) -> list[str]:
    """The words/phrases of one lexicon CSV (header row; '#' lines are comments)."""
    table = read_csv_table(path, "lexicon")
    if not table.header:
        return []
    column = next((c for c in _TERM_COLUMNS if c in table.header), table.header[0])
    return [row[column] for _, row in table.rows if row.get(column)]


def irregular_forms(nlp: Language) -> dict[str, set[str]]:
    """lemma -> irregular inflected forms, inverted from the model's lemmatizer exceptions."""
    forms: dict[str, set[str]] = {}
    if "lemmatizer" not in nlp.component_names:
        return forms
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_exc"):
        return forms
    table = lookups.get_table("lemma_exc")
    for pos in ("verb", "noun"):
        for form, lemmas in (table.get(pos) or {}).items():
            for lemma in lemmas:
                forms.setdefault(lemma, set()).add(form)
    return forms


def inflections(word: str, irregular: Iterable[str] = ()) -> set[str]:
    """The word and its likely English inflections (over-generating is harmless here)."""
    forms = {word, *irregular}
    if not word.isalpha() or len(word) < 2:
        return forms
    forms |= {word + "s", word + "es", word + "ed", word + "d", word + "ing", word + "er"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word[:-1] + "ion"}
    if word.endswith("y") and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word[-1] not in _VOWELS and word[-2] in _VOWELS:
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms
