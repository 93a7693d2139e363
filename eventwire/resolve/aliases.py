"""Knowledge-base names found in the tokens of a Doc, for the names NER misses ("Daesh")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from eventwire.nlp.bounds import span_text
from eventwire.resolve.kb import KnowledgeBase

if TYPE_CHECKING:
    from spacy.tokens import Doc

# words (string ids) -> (actor id, the alias as written, an acronym matched in its own case)
Rows = dict[tuple[int, ...], list[tuple[str, str, bool]]]


class AliasIndex:
    """Knowledge-base names as token sequences, looked up by their first token, then by
    their words for each length, longest first. Words are string ids, as a Doc's LOWER
    column holds them (spaCy gives a string one id in every vocabulary): testing each name
    of a common first word ("the") word by word, and a string per distinct word of the Doc,
    cost most of the actor stage's search for names."""

    def __init__(self, kb: KnowledgeBase, tokenize: Callable[[str], list[str]]) -> None:
        from spacy.strings import get_string_id

        first: dict[int, dict[int, Rows]] = {}
        for alias, actor_id in kb.alias_items():
            words = tokenize(alias)
            if not words or (len(words) == 1 and len(alias) < 3):
                continue
            lowered = tuple(get_string_id(w.lower()) for w in words)
            acronym = alias.replace(".", "").isupper() and len(alias) <= 5  # matched in its own case
            rows = first.setdefault(lowered[0], {}).setdefault(len(lowered), {})
            rows.setdefault(lowered, []).append((actor_id, alias.replace(" ", ""), acronym))
        # each first word's names by length, longest first (within a length, in the kb's order)
        self.first = {h: sorted(by_length.items(), key=lambda kv: -kv[0]) for h, by_length in first.items()}

    def matches(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start token, end token, actor id) of alias matches, longest first, not overlapping."""
        from spacy.attrs import IS_LOWER, LOWER

        if not len(doc):
            return []
        lowers, lower_case = doc.to_array([LOWER, IS_LOWER]).T.tolist()
        out: list[tuple[int, int, str]] = []
        i, n = 0, len(doc)
        while i < n:
            lengths = self.first.get(lowers[i])
            hit = _match(doc, lowers, i, lengths) if lengths and not lower_case[i] else None
            if hit is None:
                i += 1
                continue
            out.append((i, i + hit[0], hit[1]))
            i += hit[0]
        return out


def _match(doc: Doc, lowers: list[int], i: int, lengths: list[tuple[int, Rows]]) -> tuple[int, str] | None:
    """The longest name starting at token ``i`` (its length and actor id); an acronym
    ("UN", "A.U.") only in its own case."""
    for size, rows in lengths:
        found = rows.get(tuple(lowers[i : i + size]))
        for actor_id, written, acronym in found or ():
            if not acronym or span_text(doc, i, i + size).replace(" ", "") == written:
                return size, actor_id
    return None
