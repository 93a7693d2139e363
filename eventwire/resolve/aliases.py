"""Knowledge-base names found in the tokens of a Doc, for the names NER misses ("Daesh")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from eventwire.nlp.bounds import span_text
from eventwire.resolve.kb import KnowledgeBase

if TYPE_CHECKING:
    from spacy.tokens import Doc


class AliasIndex:
    """Knowledge-base names as token sequences, looked up by their first token."""

    def __init__(self, kb: KnowledgeBase, tokenize: Callable[[str], list[str]]) -> None:
        self.first: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for alias, actor_id in kb.alias_items():
            words = tokenize(alias)
            if not words or (len(words) == 1 and len(alias) < 3):
                continue
            lowered = tuple(w.lower() for w in words)
            self.first.setdefault(lowered[0], []).append((lowered, actor_id, alias))
        for rows in self.first.values():
            rows.sort(key=lambda row: -len(row[0]))

    def matches(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start token, end token, actor id) of alias matches, longest first, not overlapping."""
        lowers = _lowers(doc)
        out: list[tuple[int, int, str]] = []
        i, n = 0, len(doc)
        while i < n:
            rows = self.first.get(lowers[i])
            hit = None
            if rows and not doc[i].is_lower:
                hit = next((r for r in rows if _alias_fits(doc, lowers, i, r)), None)
            if hit is None:
                i += 1
                continue
            out.append((i, i + len(hit[0]), hit[1]))
            i += len(hit[0])
        return out


def _alias_fits(doc: Doc, lowers: list[str], i: int, row: tuple[tuple[str, ...], str, str]) -> bool:
    words, _, alias = row
    if tuple(lowers[i : i + len(words)]) != words:
        return False
    if alias.replace(".", "").isupper() and len(alias) <= 5:  # acronyms match in their own case
        return span_text(doc, i, i + len(words)).replace(" ", "") == alias.replace(" ", "")
    return True


def _lowers(doc: Doc) -> list[str]:
    """Each token's ``lower_``, read from the Doc's LOWER ids (one string lookup per distinct
    word): iterating the Doc built a spaCy Token per word of every section."""
    from spacy.attrs import LOWER

    ids: list[int] = doc.to_array(LOWER).tolist() if len(doc) else []
    strings = doc.vocab.strings
    words = {h: strings[h] for h in set(ids)}
    return [words[h] for h in ids]
