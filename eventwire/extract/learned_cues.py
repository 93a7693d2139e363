"""Learned attribution cues: words the cue lexicon lacks that attribute a content to a source.

PolNeAR marks beliefs, positions and evaluations as well as speech, through a very long
tail of cue words: on its train split about 1,800 missed contents have a cue word that
occurs once in the whole corpus, so no lexicon row can reach them ("bemoaned that",
"ruled that", "the senator's contention that"). What such cues share is their syntax
(a clausal complement, a subject that is a person or an organisation) and their meaning
(verbs of saying and believing lie close together in the word-vector space), so a
logistic model over those reads cues it never saw.

Candidates are verbs outside quotation marks that govern a clause (read as a ``say``
cue is read, :func:`.attribution.clause_attribution`) or an object (read as an
``object`` cue: "backed [her bid]"), and nouns with a clause, or with a possessor and a
topic phrase (read as a ``noun`` cue); each needs a source. A word of the lexicon is
never one (its rules decided it). Each candidate's score is a logistic of named
features (part of speech, dependency label, lemma, the content's form, length and head,
what kind of word the source is, negation) plus the unit spaCy vectors of the cue and
of its source's head; the vector terms are kept per word form, so a candidate costs a
few dictionary lookups. One scoring at least the model's threshold (chosen out of fold
on the PolNeAR train split, precision first) is an attribution.

A learned cue's content is kept as an attribution (``stance``, ``topic`` or ``demand``,
read as a stance word's content would be), never as a quote: the model does not know
whether the word reports speech, and quotes feed the events. The model is trained by
``eventwire train-cues`` (:mod:`eventwire.evaluate.train_cues`) and kept as JSON
(``data/models/cue_model.json``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from eventwire.config import CUE_MODEL_PATH
from eventwire.errors import ConfigError
from eventwire.extract.attribution import Attribution, TokenIndex, attribute, clause_attribution, parsed
from eventwire.extract.content_edges import content_edges
from eventwire.extract.quote_lexicon import Cue, QuoteLexicon
from eventwire.extract.quotes_direct import word_count
from eventwire.linear_models import logistic, read_linear_model
from eventwire.nlp.bounds import heads as token_heads
from eventwire.nlp.bounds import span_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from eventwire.extract.quotes import Statement
    from eventwire.nlp import SectionDoc

FORMAT = "eventwire-cue-model/1"
DIMS = 300  # the md model's word vectors
MIN_CONTENT_WORDS = 2
LEARNED = "learned"  # the origin of a learned cue's lexicon entry
VERB_CUE = Cue(LEARNED, LEARNED, (), "VERB", "say", "stance", frozenset(), LEARNED)
NOUN_CUE = Cue(LEARNED, LEARNED, (), "NOUN", "noun", "stance", frozenset(), LEARNED)
OBJECT_CUE = Cue(LEARNED, LEARNED, (), "VERB", "object", "stance", frozenset(), LEARNED)
_PERSON_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "me", "us", "him", "her", "them"})
_NOUN_KIDS = frozenset({"acl", "ccomp"})
_NOUN_SOURCES = frozenset({"poss"})
_WORD_BUCKETS = ((4, "2-4"), (9, "5-9"), (19, "10-19"))


@dataclass(frozen=True, slots=True)
class CueModel:
    """Weights per named feature, the cue and source vector weights, bias and threshold.
    A word's vector term is kept per word form (:meth:`term`): a word met again costs a
    lookup, and a candidate's score is a sum of its named weights and two kept terms."""

    weights: dict[str, float]
    vector_weights: np.ndarray  # 2 * DIMS: the cue's unit vector, then its source's
    bias: float
    threshold: float
    spacy_model: str = "md"  # the spaCy model whose word vectors the vector weights read
    terms: dict[tuple[int, int], float] = field(default_factory=dict)  # (half, orth) -> term

    def score(self, names: list[str], vector: np.ndarray) -> float:
        """The logistic probability from named features and side-by-side unit vectors."""
        return logistic(self._named(names) + float(vector @ self.vector_weights))

    def accepts(self, att: Attribution) -> bool:
        """Whether the candidate reaches the threshold (its vector terms read per word form)."""
        names = reading_names(att)
        z = self._named(names) + self.term(0, att.cue)
        if att.speaker is not None:
            z += self.term(1, att.speaker)
        return logistic(z) >= self.threshold

    def term(self, half: int, token: Token) -> float:
        """The vector term of the cue (``half`` 0) or the source (1) for this word form."""
        key = (half, token.orth)
        found = self.terms.get(key)
        if found is None:
            found = self.terms[key] = float(
                _unit(token) @ self.vector_weights[half * DIMS : (half + 1) * DIMS]
            )
        return found

    def _named(self, names: list[str]) -> float:
        """Bias and named weights; a name given twice counts once, as in training."""
        return self.bias + sum(self.weights.get(n, 0.0) for n in dict.fromkeys(names))


@cache
def load_cue_model(path: Path = CUE_MODEL_PATH) -> CueModel | None:
    """The model at ``path``; None when the file is absent (no learned cues)."""
    if not path.is_file():
        return None
    raw, names = read_linear_model(
        path, FORMAT, "the cue model", "cue model", known_cue_feature, "eventwire train-cues"
    )
    vector = np.asarray(raw["vector_weights"], dtype=np.float32)
    if vector.shape != (2 * DIMS,):
        raise ConfigError(f"{path}: malformed cue model; retrain it with 'eventwire train-cues'")
    weights = dict(zip(names, raw["weights"], strict=True))
    spacy_model = str(raw.get("spacy_model", "md"))
    return CueModel(weights, vector, float(raw["bias"]), float(raw["threshold"]), spacy_model)


# The named features :func:`reading_names` computes: "name=value" by prefix, and flags.
_FEATURE_PREFIXES = frozenset(
    {"pos", "tag", "dep", "lemma", "suffix", "form", "words", "source", "frame", "content"}
)
_FEATURE_FLAGS = frozenset({"that", "negated", "modal", "object"})


def known_cue_feature(name: str) -> bool:
    """Whether :func:`reading_names` can give a feature of that name (a model naming others is
    refused at load)."""
    return name in _FEATURE_FLAGS or name.split("=", 1)[0] in _FEATURE_PREFIXES


def candidates(
    doc: Doc, lexicon: QuoteLexicon, quoted: set[int], taken: Collection[int] = frozenset()
) -> list[Attribution]:
    """Verbs and nouns the lexicon lacks, outside quotation marks (``quoted``: token
    indices), read as a cue: those with a source and a content of two words or more.
    ``taken``: words whose reading would be dropped anyway (the cues and contents of the
    rules' statements, :func:`fresh`), not read: the reading is most of this search's cost."""
    from spacy.attrs import DEP

    lexical = set(lexicon.heads(doc))
    strings = doc.vocab.strings
    deps: list[int] = doc.to_array([DEP]).tolist()
    labels = {dep for dep in set(deps) if dep and strings[dep] in ("ccomp", "acl", "prep", "dobj")}
    head = token_heads(doc)  # their heads, without a spaCy Token per word
    heads = {head[i] for i, dep in enumerate(deps) if dep in labels}
    found = []
    for i in sorted(heads - lexical - quoted):
        if i in taken:
            continue
        token = doc[i]
        if not parsed(token) or not token.is_alpha or token.pos_ not in ("VERB", "NOUN"):
            continue
        if token.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in token.children):
            att = clause_attribution(token, VERB_CUE)
        elif token.pos_ == "VERB":
            att = attribute(token, OBJECT_CUE)
        elif token.pos_ == "NOUN" and _noun_candidate(token):
            att = attribute(token, NOUN_CUE)
        else:
            continue
        if att.speaker is None or not att.content:
            continue
        edges = (content_edges(doc, r, lambda t: None, token.i) for r in att.content)
        att.content = [r for r in edges if r]
        words = sum(word_count(span_text(doc, start, end)) for start, end in att.content)
        if words >= MIN_CONTENT_WORDS:
            found.append(att)
    return found


def _noun_candidate(noun: Token) -> bool:
    """A noun with a clause ("the insistence that ...") or with a possessor and a topic."""
    kids = [c.dep_ for c in noun.children if c.i > noun.i]
    if any(k in _NOUN_KIDS for k in kids):
        return True
    return "prep" in kids and any(c.dep_ in _NOUN_SOURCES for c in noun.children)


def features(att: Attribution) -> tuple[list[str], np.ndarray]:
    """Named features and the side-by-side unit vectors (cue, source head) of a candidate."""
    vector = np.zeros(2 * DIMS, dtype=np.float32)
    vector[:DIMS] = _unit(att.cue)
    if att.speaker is not None:
        vector[DIMS:] = _unit(att.speaker)
    return reading_names(att), vector


def reading_names(att: Attribution) -> list[str]:
    """The named features: the word's part of speech, tag, dependency label, lemma and
    ending; the content's form (after the cue, before it, around it), length, opening
    "that" and head; the kind of word the source is; negation, a modal, an object."""
    cue, speaker = att.cue, att.speaker
    doc = cue.doc
    start = min(s for s, _ in att.content)
    end = max(e for _, e in att.content)
    form = "after" if start > cue.i else "before" if end <= cue.i else "around"
    words = sum(word_count(span_text(doc, s, e)) for s, e in att.content)
    bucket = next((name for top, name in _WORD_BUCKETS if words <= top), "20+")
    lemma = cue.lemma_.lower()
    names = [
        f"pos={cue.pos_}",
        f"tag={cue.tag_}",
        f"dep={cue.dep_}",
        f"lemma={lemma}",
        f"suffix={lemma[-3:]}",
    ]
    names += [f"form={form}", f"words={bucket}", f"source={_source_kind(speaker)}"]
    names.append(f"frame={att.entry.frame}")
    if doc[start].lower_ == "that":
        names.append("that")
    root = _root(doc, *att.content[0])
    names.append(f"content={root.pos_}_{root.ent_type_ or root.tag_}")
    for child in cue.children:
        if child.dep_ == "neg":
            names.append("negated")
        elif child.dep_ == "aux" and child.tag_ == "MD":
            names.append("modal")
        elif child.dep_ in ("dobj", "dative"):
            names.append("object")
    return names


def _unit(token: Token) -> np.ndarray:
    if not token.has_vector:
        return np.zeros(DIMS, dtype=np.float32)
    own = np.asarray(token.vector, dtype=np.float32)
    norm = float(np.linalg.norm(own))
    return own / norm if norm > 0 else np.zeros(DIMS, dtype=np.float32)


def _root(doc: Doc, start: int, end: int) -> Token:
    """The first token of the range whose head lies outside it (the content's head word)."""
    return next((t for t in doc[start:end] if not start <= t.head.i < end), doc[start])


def _source_kind(speaker: Token | None) -> str:
    if speaker is None:
        return "none"
    if speaker.pos_ == "PRON":
        return "person_pronoun" if speaker.lower_ in _PERSON_PRONOUNS else "pronoun"
    if speaker.ent_type_:
        return f"entity_{speaker.ent_type_}"
    return speaker.pos_.lower()


def learned(
    doc: Doc, lexicon: QuoteLexicon, quoted: set[int], model: CueModel, taken: Collection[int] = frozenset()
) -> list[Attribution]:
    """The candidates the model accepts that no rule-based statement covers (``taken``: their
    words; see :func:`candidates` and :func:`fresh`). The model reads only the fresh ones:
    reading the others cost as much as finding them, and :func:`fresh` dropped them after."""
    return [att for att in fresh(candidates(doc, lexicon, quoted, taken), taken) if model.accepts(att)]


def statement_tokens(section_doc: SectionDoc, statements: list[Statement]) -> tuple[set[int], set[int]]:
    """Token indices the rule-based statements of one section Doc cover (contents and cues),
    and those inside quotation marks."""
    doc = section_doc.doc
    index = TokenIndex(doc, section_doc.text)
    covered: set[int] = set()
    quoted: set[int] = set()
    for s in statements:
        if s.doc is not section_doc or s.end <= s.start:
            continue
        covered.update(range(index.at(s.start), index.at(s.end - 1) + 1))
        if s.attribution is not None:
            covered.update(range(s.attribution.cue.i, s.attribution.cue_end))
        if s.direct and s.quoted is not None:
            quoted.update(range(index.at(s.quoted.open), index.at(s.quoted.close) + 1))
    return covered, quoted


def fresh(found: list[Attribution], covered: Collection[int]) -> list[Attribution]:
    """The candidates that no rule-based statement covers, neither its cue nor its content."""
    return [
        att for att in found
        if att.cue.i not in covered and not any(i in covered for s, e in att.content for i in range(s, e))
    ]  # fmt: skip
