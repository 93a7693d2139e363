"""The learned trigger model: how likely each verb and noun of a sentence is to name an
event of each PLOVER type, read from the parse alone.

The lexicon (:mod:`.event_lexicon`) finds triggers by word; a word it lacks ("heckled",
"decapitated") is never a candidate, and a word it lists is read in its listed sense even
where the context says otherwise ("the accused", "pressing on with its fight"). A
multinomial logistic model over cheap features of the parse (the word's and its head's
spaCy vectors, its lemma, part of speech, dependency label, whether it has a subject or
object and whether that is a named actor or a pronoun, a negation, an auxiliary of
intention ("will", "would"), the section, being in a quote) gives, for each VERB and NOUN
token, a probability for the 16 types and "none".
It is used twice by :class:`eventwire.extract.events.EventStage`:

* a token the lexicon has no row for, whose best type reaches the model's threshold,
  becomes a trigger of that type (its CAMEO code the type's generic root) and goes
  through the same argument, modality and scorer rules as a lexicon trigger. A model
  whose new triggers reached no useful precision out of fold has no threshold (``null``):
  then it makes no trigger and only the lexicon's candidate words are scored, which
  saves scoring every verb and noun of the sentence;
* every candidate gets the probability of its type at its trigger token, a signal the
  event scorer weighs (a trigger read in another sense scores low).

The model is trained by ``eventwire train-triggers`` (:mod:`eventwire.evaluate.train_triggers`)
and kept as JSON (``data/models/trigger_model.json``), read with numpy only, once per process.
A word's share of the logits (its unit vector and its head's times the vector weights) is
kept per word (:class:`WordProjections`), so a word met again costs a lookup.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from eventwire.errors import ConfigError
from eventwire.extract.event_lexicon import PLOVER_TYPES, EventLexicon, SentenceWords, Trigger
from eventwire.extract.quote_lexicon import load_quote_lexicon
from eventwire.nlp.tree import child_with, children

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

FORMAT = "eventwire-trigger-model/1"
NONE = "none"
LABELS = (NONE, *PLOVER_TYPES)
DIMS = 300  # the md model's word vectors
SCORED_POS = frozenset({"VERB", "NOUN"})
_ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "agent", "poss"})
_OBJECTS = frozenset({"dobj", "dative", "pobj"})
_PRONOUNS = frozenset({"PRP", "PRP$"})
_INTENT_AUX = frozenset({"will", "'ll", "would", "shall", "wo"})  # "wo" of "won't"
LEARNED_ORIGIN = "learned"


def scored(token: Token) -> bool:
    """Whether the model scores this token: an alphabetic verb or common noun."""
    return token.pos_ in SCORED_POS and token.is_alpha


def _argument(word: Token) -> str:
    """What kind of word an argument is: a named actor, a pronoun, or another word."""
    if word.dep_ == "agent" or (word.dep_ == "prep" and word.lower_ == "by"):
        obj = child_with(word, ("pobj",))
        word = obj if obj is not None else word
    if word.ent_type_ in _ACTOR_ENTS:
        return "entity"
    return "pronoun" if word.tag_ in _PRONOUNS else "word"


def token_features(token: Token, section: str, in_quote: bool) -> list[str]:
    """The token's named (one-hot) features; its vectors are read by :func:`vectors`."""
    head = token.head
    names = [
        f"lemma={token.lemma_.lower()}", f"pos={token.pos_}", f"tag={token.tag_}", f"dep={token.dep_}",
        f"head_pos={head.pos_ if head is not token else 'ROOT'}", f"section={section}",
    ]  # fmt: skip
    if in_quote:
        names.append("in_quote")
    doc = token.doc
    for i, dep, lower in children(token):  # a child is built only when it is an argument
        if dep in _SUBJECTS or (dep == "prep" and lower == "by"):
            names.append(f"subject={_argument(doc[i])}")
        elif dep in ("dobj", "dative"):
            names.append(f"object={_argument(doc[i])}")
        elif dep == "prep":
            obj = child_with(doc[i], ("pobj",))
            if obj is not None:
                names.append(f"prep_object={_argument(obj)}")
        elif dep == "neg":
            names.append("negated")
        elif dep == "aux" and lower in _INTENT_AUX:
            names.append("intended")  # "we will uproot them": a threat, not yet an attack
            if in_quote:
                names.append("intended_in_quote")
    return names


def vectors(tokens: list[Token]) -> np.ndarray:
    """Each token's unit word vector and its head's, side by side (``len(tokens)`` x 600)."""
    out = np.zeros((len(tokens), 2 * DIMS), dtype=np.float32)
    read: dict[int, Any] = {}  # a word without a vector reads as zeros, as it stays
    for r, token in enumerate(tokens):
        own = read.get(token.i)
        if own is None:
            own = read[token.i] = token.vector
        out[r, :DIMS] = own
        head = token.head
        if head is not token:
            above = read.get(head.i)
            if above is None:
                above = read[head.i] = head.vector
            out[r, DIMS:] = above
    for block in (slice(0, DIMS), slice(DIMS, 2 * DIMS)):
        norms = np.linalg.norm(out[:, block], axis=1, keepdims=True)
        out[:, block] /= np.maximum(norms, 1e-6)
    return out


@dataclass(frozen=True, slots=True)
class TypeScores:
    """One token's probability for each label (:data:`LABELS`)."""

    probabilities: np.ndarray

    def of(self, type_: str) -> float:
        return float(self.probabilities[LABELS.index(type_)]) if type_ in LABELS else 0.0

    def best(self) -> tuple[str, float]:
        """The most probable event type (never "none") and its probability."""
        i = 1 + int(np.argmax(self.probabilities[1:]))
        return LABELS[i], float(self.probabilities[i])

    def signals(self, type_: str) -> dict[str, float]:
        """For the event scorer: the type's probability and how far the best other is above it."""
        p = self.of(type_)
        others = [float(q) for label, q in zip(LABELS, self.probabilities, strict=True) if label != type_]
        return {"type_probability": p, "type_margin": max(others) - p, "type_scored": 1.0}


@dataclass(frozen=True, slots=True)
class TriggerModel:
    """Weights of a trained model (see the module docstring)."""

    vector_weights: np.ndarray  # 600 x labels
    feature_index: dict[str, int]
    feature_weights: np.ndarray  # named features x labels
    bias: np.ndarray
    vector_scale: float
    threshold: float | None  # a new trigger needs its best type at least this probable; None: none
    meta: dict[str, Any]

    def probabilities(
        self, tokens: list[Token], section: str, in_quote: Callable[[Token], bool],
        projections: WordProjections,
    ) -> np.ndarray:  # fmt: skip
        """``len(tokens)`` x labels; each word's share of the logits is read from
        ``projections`` (the product :func:`vectors` gives in training, kept per word)."""
        z = projections.logits(tokens) + self.bias
        index = self.feature_index
        for r, token in enumerate(tokens):
            names = token_features(token, section, in_quote(token))
            rows = [i for name in names if (i := index.get(name)) is not None]
            if rows:
                z[r] += self.feature_weights[rows].sum(axis=0)
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def row(
        self, token: Token, section: str, in_quote: Callable[[Token], bool], projections: WordProjections
    ) -> np.ndarray:
        """One token's row of :meth:`probabilities`, the same float32 operations in the same
        order on a vector: for a token read alone, a third of the cost of a one-row matrix.
        A row is all its word, its head word and its named features give, so it is kept
        per those (:attr:`WordProjections.rows`): the same words recur in the same roles.
        The reductions are the ufuncs ``sum`` and ``max`` call, called directly, and the
        rows are taken with ``take``: on arrays this small numpy's Python wrappers and list
        indexing cost more than the arithmetic (the same values, a third of the time)."""
        names = token_features(token, section, in_quote(token))
        head = token.head
        key = (token.orth, head.orth if head is not token else -1, tuple(names))
        kept = projections.rows.get(key)
        if kept is None:
            z = projections.logit(token) + self.bias
            index = self.feature_index
            rows = [i for name in names if (i := index.get(name)) is not None]
            if rows:
                z += _SUM(self.feature_weights.take(rows, axis=0), axis=0)
            z -= _MAX(z)
            e = np.exp(z)
            kept = projections.keep_row(key, e / _SUM(e))
        return kept.copy()

    def to_json(self) -> dict[str, Any]:
        names = sorted(self.feature_index, key=self.feature_index.__getitem__)
        return {
            "format": FORMAT, "labels": list(LABELS), "vector_scale": self.vector_scale,
            "threshold": self.threshold, "bias": _rounded(self.bias),
            "vector_weights": [_rounded(row) for row in self.vector_weights],
            "features": {name: _rounded(self.feature_weights[i]) for i, name in enumerate(names)},
            **self.meta,
        }  # fmt: skip


_SUM, _MAX = np.add.reduce, np.maximum.reduce  # what ndarray.sum and .max call
_MAX_CACHED_WORDS = 100_000  # ~20 MB per cache


class WordProjections:
    """Each word's vector times its half of the model's vector weights, kept per word: the
    vector part of the logits is a word's unit vector times the first half of the weights
    plus its head's times the second half, the same for every occurrence of the word, so a
    word met again costs a lookup instead of a vector read and a product."""

    def __init__(self, model: TriggerModel) -> None:
        self.own_weights = model.vector_weights[:DIMS] * model.vector_scale
        self.head_weights = model.vector_weights[DIMS:] * model.vector_scale
        self.own: dict[int, np.ndarray] = {}
        self.head: dict[int, np.ndarray] = {}
        self.zero = np.zeros(model.vector_weights.shape[1], dtype=np.float32)
        # (word, head word or -1, named features) -> the probabilities TriggerModel.row gives
        self.rows: dict[tuple[int, int, tuple[str, ...]], np.ndarray] = {}

    def keep_row(self, key: tuple[int, int, tuple[str, ...]], row: np.ndarray) -> np.ndarray:
        """Keep a token's probabilities for :meth:`TriggerModel.row` (bounded like the products)."""
        if len(self.rows) >= _MAX_CACHED_WORDS:
            self.rows.clear()
        self.rows[key] = row
        return row

    def _of(self, token: Token, cache: dict[int, np.ndarray], weights: np.ndarray) -> np.ndarray:
        found = cache.get(token.orth)
        if found is None:
            if len(cache) >= _MAX_CACHED_WORDS:
                cache.clear()  # a long-running process meets ever more words: start over
            vector = np.asarray(token.vector, dtype=np.float32)
            norm = float(np.linalg.norm(vector))
            found = cache[token.orth] = (vector / max(norm, 1e-6)) @ weights if norm else self.zero
        return found

    def logits(self, tokens: list[Token]) -> np.ndarray:
        """``len(tokens)`` x labels: the vector part of each token's logits."""
        rows = []
        for token in tokens:
            row = self._of(token, self.own, self.own_weights)
            head = token.head
            rows.append(row + self._of(head, self.head, self.head_weights) if head is not token else row)
        return np.array(rows, dtype=np.float32)

    def logit(self, token: Token) -> np.ndarray:
        """One token's row of :meth:`logits` (a new array: the kept products stay as they are)."""
        row = self._of(token, self.own, self.own_weights)
        head = token.head
        return row + self._of(head, self.head, self.head_weights) if head is not token else row.copy()


def _rounded(row: np.ndarray) -> list[float]:
    return [round(float(v), 4) for v in row]


def load_model(path: Path) -> TriggerModel:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the trigger model ({exc})") from None
    if raw.get("format") != FORMAT or tuple(raw.get("labels", ())) != LABELS:
        raise ConfigError(
            f"{path}: not an eventwire trigger model for these labels (eventwire train-triggers)"
        )
    names = list(raw["features"])
    width = len(LABELS)
    features = np.array([raw["features"][n] for n in names], dtype=np.float32).reshape(len(names), width)
    own = ("format", "labels", "vector_scale", "threshold", "bias", "vector_weights", "features")
    return TriggerModel(
        np.array(raw["vector_weights"], dtype=np.float32).reshape(2 * DIMS, width),
        {n: i for i, n in enumerate(names)}, features, np.array(raw["bias"], dtype=np.float32),
        float(raw["vector_scale"]), _threshold(raw["threshold"]),
        {k: v for k, v in raw.items() if k not in own},
    )  # fmt: skip


def _threshold(raw: Any) -> float | None:
    return None if raw is None else float(raw)


@cache
def model_for(path: str) -> TriggerModel:
    """The model at ``path``, loaded once per process."""
    return load_model(Path(path))


def generic_codes(lexicon: EventLexicon) -> dict[str, str]:
    """Each type's generic CAMEO root code: its first code in the ontology with no mode."""
    codes: dict[str, str] = {}
    for code, info in lexicon.cameo.items():
        if info.mode is None and len(code) == 3:
            codes.setdefault(info.plover, code)
    return codes


def never_triggers(lexicon: EventLexicon) -> frozenset[str]:
    """Words that never name an act by themselves: verbs of saying (what is said is the
    act) and light verbs (the noun they take is)."""
    return lexicon.cue("speech") | lexicon.cue("light") | frozenset(load_quote_lexicon().by_head)


class SentenceTypes:
    """One sentence's scored tokens: their type probabilities and the new triggers they give.

    Without new triggers (the shipped model has no threshold) a token's probabilities are
    read when first asked for: only the triggers of emitted events ask, about a third of
    the lexicon's words the model scores, and a token's row does not depend on the others
    read with it (each is its own features and a softmax of its own logits)."""

    __slots__ = ("words", "learned", "_read", "_scores")

    def __init__(
        self, words: SentenceWords | None, learned: dict[int, Trigger],
        read: Callable[[Token], np.ndarray] | None = None, scores: dict[int, TypeScores] | None = None,
    ) -> None:  # fmt: skip
        """``read``: the probabilities of a token of the sentence; ``scores``:
        those read already (all of them, when the model makes new triggers)."""
        self.words = words
        self.learned = learned
        self._read = read
        self._scores = {} if scores is None else scores

    def at(self, token: Token) -> TypeScores | None:
        found = self._scores.get(token.i)
        if found is None and self._read is not None and self.words is not None:
            own = self._token(token.i)
            if own is not None and scored(own) and self.words.rows(own):
                found = self._scores[token.i] = TypeScores(self._read(own))
        return found

    def scored_tokens(self) -> list[int]:
        """Indices of the tokens the model reads, whether read yet or not."""
        if self._read is None or self.words is None:
            return sorted(self._scores)
        return [t.i for t in self.words.tokens if scored(t) and self.words.rows(t)]

    def _token(self, i: int) -> Token | None:
        words = self.words
        assert words is not None
        sent = words.sent  # the one word built, not the whole sentence's
        return words.token(i) if sent.start <= i < sent.end else None


class TriggerTyper:
    """Scores sentences with a :class:`TriggerModel` and makes triggers of the words the
    lexicon lacks. Words of saying and light verbs never become triggers by themselves:
    what is said, or the noun a light verb takes, is the act."""

    def __init__(self, model: TriggerModel, lexicon: EventLexicon) -> None:
        self.model = model
        self.lexicon = lexicon
        self.projections = WordProjections(model)
        self.never = never_triggers(lexicon)
        self.codes = generic_codes(lexicon)

    def sentence(
        self, sent: Span, section: str, in_quote: Callable[[Token], bool], words: SentenceWords | None = None
    ) -> SentenceTypes:
        """``words``: the sentence's tokens and lexicon rows, shared with the trigger finder."""
        words = words or SentenceWords(sent, self.lexicon)
        model, projections = self.model, self.projections

        def read(token: Token) -> np.ndarray:
            return model.row(token, section, in_quote, projections)

        threshold = model.threshold
        if threshold is None:  # no new triggers: only the lexicon's words, read when asked for
            return SentenceTypes(words, {}, read)
        tokens = [t for t in words.tokens if scored(t)]
        if not tokens:
            return SentenceTypes(None, {})
        rows = model.probabilities(tokens, section, in_quote, projections)
        scores = {t.i: TypeScores(row) for t, row in zip(tokens, rows, strict=True)}
        learned = {}
        for token in tokens:
            type_, p = scores[token.i].best()
            if p >= threshold and self._may_learn(token, words):
                learned[token.i] = self._trigger(token, type_, p)
        return SentenceTypes(None, learned, scores=scores)

    def _may_learn(self, token: Token, words: SentenceWords) -> bool:
        lemma = token.lemma_.lower()
        return lemma not in self.never and not words.rows(token)

    def _trigger(self, token: Token, type_: str, p: float) -> Trigger:
        lemma = token.lemma_.lower()
        return Trigger(
            phrase=lemma, head=lemma, others=(), pos=token.pos_, type=type_, cameo=self.codes.get(type_),
            mode=None, frame="event", embed=None, requires=None, forbids=None, weight=round(p, 3),
            origin=LEARNED_ORIGIN,
        )  # fmt: skip


def trigger_signals(types: TypeScores | None, type_: str, trigger: Trigger) -> dict[str, float]:
    """For the event scorer: the probability of the candidate's type at its trigger (the
    model was trained on the coded type, so "We will [destroy] them" reads as THREATEN, as
    the stated intention is) and, for a trigger the model made, ``learned_trigger`` and
    ``trigger_probability``."""
    signals = types.signals(type_) if types is not None else {}
    if trigger.origin == LEARNED_ORIGIN:
        signals.update({"learned_trigger": 1.0, "trigger_probability": trigger.weight})
    return signals
