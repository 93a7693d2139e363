"""Weighted features that say what an article is about, for story clustering.

Resolved actors and places weigh most; proper-noun-like words and numbers work
across languages ("Hodeidah", "Houthi", "12"), so a French re-report of an English
story still shares them; English content words add topic. Weights are scaled by
inverse document frequency over the store, so "said" or "government" count little.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

from eventwire.config import DATA_DIR
from eventwire.models import Analysis, known_actor_id

if TYPE_CHECKING:
    from spacy.tokens import Doc

ACTOR_WEIGHT = 3.0
PLACE_WEIGHT = 3.0
EVENT_WEIGHT = 2.0
NAME_WEIGHT = 1.5
NUMBER_WEIGHT = 1.0
WORD_WEIGHT = 0.6
MAX_WORDS = 40  # most frequent content words kept per article


def _word_list(name: str) -> frozenset[str]:
    lines = (DATA_DIR / "dedup" / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})
_CONTENT_POS = frozenset({"NOUN", "VERB", "PROPN", "ADJ"})
_NAME = re.compile(r"(?<![\w.])([A-Z][\w'’-]{2,}(?:\s+[A-Z][\w'’-]{2,})*)")
_NUMBER = re.compile(r"\b\d{2,}(?:[.,]\d+)?\b")
_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_STOP = _word_list("stopwords.txt")
_NAME_STOP = _word_list("name_stopwords.txt")


def raw_features(analysis: Analysis) -> dict[str, float]:
    """Feature -> base weight (before IDF) for one article."""
    feats: dict[str, float] = {}
    for actor in analysis.actors:
        if actor.known and actor.kind != "media":
            feats[f"a:{actor.id}"] = ACTOR_WEIGHT
    for place in analysis.places:
        feats[f"p:{place.id}"] = PLACE_WEIGHT
    for event in analysis.events:
        # Only known actors: "unk:doctors" in one report is "unk:medics" in the next, and
        # such one-off features would only dilute what reports of one story share.
        source = known_actor_id(event.source.actor if event.source else None)
        target = known_actor_id(event.target.actor if event.target else None)
        if (source or target) and event.section.value == "body":
            feats[f"e:{event.type}:{source}:{target}"] = EVENT_WEIGHT
    body = analysis.article.body
    for number in _NUMBER.findall(body):
        feats[f"d:{number.replace(',', '')}"] = NUMBER_WEIGHT
    body_docs = [d for d in analysis.docs if d.section.value == "body"]
    if body_docs:
        _parsed_features(feats, body_docs)
    else:
        _plain_features(feats, body, analysis.article.is_english)
    return feats


def _parsed_features(feats: dict[str, float], body_docs: list) -> None:
    """Entity names and content lemmas from the parse."""
    lemmas: Counter[str] = Counter()
    for section_doc in body_docs:
        doc = section_doc.doc
        for ent in doc.ents:
            if ent.label_ in _NAME_LABELS:
                feats[f"n:{ent.text.lower()}"] = NAME_WEIGHT
        lemmas.update(_content_lemmas(doc))
    for lemma, _ in lemmas.most_common(MAX_WORDS):
        if lemma not in _STOP:
            feats.setdefault(f"w:{lemma}", WORD_WEIGHT)


# Token attributes _content_lemmas reads, in column order.
_LEMMA_ATTRS: list[int | str] = ["POS", "IS_ALPHA", "LENGTH", "IS_STOP", "LEMMA"]


def _content_lemmas(doc: Doc) -> list[str]:
    """The lower-cased lemmas of the content words (noun, verb, name, adjective) of more
    than three letters that are no stop words, in text order. Selected on the Doc's arrays:
    a Token object per word of every body cost more than the test."""
    if not len(doc):
        return []
    rows = doc.to_array(_LEMMA_ATTRS)
    keep = np.isin(rows[:, 0], _content_pos_ids()) & (rows[:, 1] == 1) & (rows[:, 2] > 3) & (rows[:, 3] == 0)
    strings = doc.vocab.strings
    return [strings[lemma].lower() for lemma in rows[keep, 4].tolist()]


@cache
def _content_pos_ids() -> np.ndarray:
    from spacy.parts_of_speech import IDS

    return np.array(sorted(IDS[pos] for pos in _CONTENT_POS), dtype=np.uint64)


def _plain_features(feats: dict[str, float], body: str, english: bool) -> None:
    """Capitalised names (they survive translation) and, for English, frequent words."""
    for match in _NAME.finditer(body):
        words = [w for w in match.group(1).split() if w not in _NAME_STOP]
        if words:
            feats[f"n:{' '.join(words).lower()}"] = NAME_WEIGHT
    if english:
        counts = Counter(w for w in _WORD.findall(body.lower()) if w not in _STOP)
        for word, _ in counts.most_common(MAX_WORDS):
            feats.setdefault(f"w:{word}", WORD_WEIGHT)


def idf(df: int, total: int) -> float:
    """Smoothed inverse document frequency; a feature seen nowhere else gets the most."""
    return math.log((total + 1) / (df + 1)) + 1.0


def weigh(feats: Mapping[str, float], df: dict[str, int], total: int) -> dict[str, float]:
    """Base weights times IDF, L2-normalised (so a dot product is a cosine)."""
    weighted = {f: w * idf(df.get(f, 0), total) for f, w in feats.items()}
    norm = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
    return {f: v / norm for f, v in weighted.items()}
