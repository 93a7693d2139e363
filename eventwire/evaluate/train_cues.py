"""Train the learned cue model: ``eventwire train-cues``.

Data: the PolNeAR **train** split (840 articles; never dev or test), each read whole as its
body and parsed by the pipeline's parser. In each article the rule-based statements are
found first (:func:`eventwire.extract.quotes.find_statements`); the candidates of
:mod:`eventwire.extract.learned_cues` that no statement covers are the examples. A
candidate is positive when its content matches a gold PolNeAR content that no rule-based
statement matches (token-set Jaccard >= 0.5, the scorer's rule): the model learns what
adds a right content, not what repeats one.

Model: logistic regression over the named features (one-hot) and the cue's and source's
unit vectors. The threshold is chosen on out-of-fold probabilities (5 folds grouped by
article), precision first: the lowest threshold whose precision reaches TARGET_PRECISION
(the rule-based reported speech reaches about 0.74 on PolNeAR dev). When none does, the
model is written with threshold 1.01 and makes no cue.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from eventwire.evaluate.folds import FOLDS, grouped_out_of_fold
from eventwire.evaluate.polnear import GoldArticle, load_split
from eventwire.evaluate.quotes import THRESHOLD, Tokens, _article, gold_items, jaccard
from eventwire.extract.learned_cues import (
    DIMS,
    FORMAT,
    candidates,
    features,
    fresh,
    statement_tokens,
)
from eventwire.extract.quote_lexicon import QuoteLexicon, load_quote_lexicon
from eventwire.extract.quotes import find_statements
from eventwire.models import Analysis
from eventwire.nlp import SectionDoc

C = 0.3
TARGET_PRECISION = 0.75
THRESHOLDS = tuple(t / 100 for t in range(30, 96, 1))


@dataclass(slots=True)
class Examples:
    names: list[list[str]] = field(default_factory=list)
    vectors: list[np.ndarray] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    overlaps: list[float] = field(default_factory=list)  # the best Jaccard with an open gold content


def article_examples(
    gold: GoldArticle, text: str, section_doc: SectionDoc, lexicon: QuoteLexicon, out: Examples
) -> None:
    """The candidates of one article (read whole as one body Doc) with their labels."""
    tokens = Tokens(text)
    items = gold_items(gold, tokens, text)
    statements = find_statements(section_doc, lexicon)
    offset = section_doc.offset
    found = [tokens.within(((s.start + offset, s.end + offset),)) for s in statements]
    open_items = [g for g in items if not any(jaccard(f, g.tokens) >= THRESHOLD for f in found)]
    covered, quoted = statement_tokens(section_doc, statements)
    doc = section_doc.doc
    for att in fresh(candidates(doc, lexicon, quoted), covered):
        ranges = tuple(
            (doc[s].idx + offset, doc[e - 1].idx + len(doc[e - 1]) + offset) for s, e in att.content
        )
        words = tokens.within(ranges)
        best = max((jaccard(words, g.tokens) for g in open_items), default=0.0)
        names, vector = features(att)
        out.names.append(names)
        out.vectors.append(vector)
        out.labels.append(int(best >= THRESHOLD))
        out.groups.append(gold.name)
        out.overlaps.append(best)
        out.texts.append(f"{att.cue.text} | {' '.join(text[a:b] for a, b in ranges)[:100]}")


def parse_split(data: Path, split: str, model_name: str) -> tuple[list[GoldArticle], list[Analysis]]:
    """The split's articles parsed (no stage after the parser)."""
    from eventwire.config import PipelineConfig
    from eventwire.pipeline import Pipeline

    gold = load_split(data, split)
    pipeline = Pipeline(PipelineConfig(model=model_name))
    analyses = []
    for start in range(0, len(gold), 16):
        batch = [Analysis(_article(g, data / split)) for g in gold[start : start + 16]]
        batch = [pipeline._prepare(a, None) for a in batch]
        pipeline.parser.parse(batch, 32)
        analyses.extend(batch)
    return gold, analyses


def collect(gold: list[GoldArticle], analyses: list[Analysis]) -> Examples:
    lexicon = load_quote_lexicon()
    out = Examples()
    for g, analysis in zip(gold, analyses, strict=True):
        for section_doc in analysis.docs:
            article_examples(g, analysis.article.text, section_doc, lexicon, out)
    return out


def design(examples: Examples, vocabulary: list[str] | None = None) -> tuple[np.ndarray, list[str]]:
    """The example matrix: one-hot named features (those seen in 2+ examples) and vectors."""
    if vocabulary is None:
        counts: dict[str, int] = {}
        for names in examples.names:
            for n in set(names):
                counts[n] = counts.get(n, 0) + 1
        vocabulary = sorted(n for n, c in counts.items() if c >= 2)
    column = {n: k for k, n in enumerate(vocabulary)}
    x = np.zeros((len(examples.names), len(vocabulary) + 2 * DIMS), dtype=np.float32)
    for r, names in enumerate(examples.names):
        for n in names:
            if n in column:
                x[r, column[n]] = 1.0
    x[:, len(vocabulary) :] = np.asarray(examples.vectors, dtype=np.float32)
    return x, vocabulary


def out_of_fold(x: np.ndarray, y: np.ndarray, groups: list[str]) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression

    def predict(fit: np.ndarray, held: np.ndarray) -> np.ndarray:
        return LogisticRegression(C=C, max_iter=2000).fit(x[fit], y[fit]).predict_proba(x[held])[:, 1]

    return grouped_out_of_fold(x, y, groups, predict, FOLDS)


def pick_threshold(probs: np.ndarray, y: np.ndarray) -> tuple[float, float, int]:
    """The lowest threshold whose out-of-fold precision reaches TARGET_PRECISION."""
    for t in THRESHOLDS:
        taken = probs >= t
        if taken.sum() >= 20 and y[taken].mean() >= TARGET_PRECISION:
            return t, float(y[taken].mean()), int(y[taken].sum())
    return 1.01, 0.0, 0


def train(data: Path, model_name: str, out: Path) -> str:
    """Parse the PolNeAR train split, collect the candidates, fit and write the model."""
    gold, analyses = parse_split(data, "train", model_name)
    examples = collect(gold, analyses)
    return fit(examples, out, model_name)


def fit(examples: Examples, out: Path, model_name: str = "md") -> str:
    """Fit on ``examples`` (grouped out-of-fold threshold) and write the model to ``out``."""
    from sklearn.linear_model import LogisticRegression

    x, vocabulary = design(examples)
    y = np.asarray(examples.labels)
    probs = out_of_fold(x, y, examples.groups)
    threshold, precision, right = pick_threshold(probs, y)
    fitted = LogisticRegression(C=C, max_iter=2000).fit(x, y)
    coef = fitted.coef_[0]
    k = len(vocabulary)
    model = {
        "format": FORMAT,
        "trained": dt.date.today().isoformat(),
        "data": "PolNeAR v1.0.0 train split",
        "spacy_model": model_name,  # its vector weights read this model's word vectors
        "C": C,
        "threshold": threshold,
        "out_of_fold": {"precision": round(precision, 4), "right": right, "positives": int(y.sum())},
        "bias": float(fitted.intercept_[0]),
        "features": vocabulary,
        "weights": [round(float(w), 5) for w in coef[:k]],
        "vector_weights": [round(float(w), 5) for w in coef[k:]],
    }
    out.write_text(json.dumps(model, indent=0) + "\n", encoding="utf-8")
    return (
        f"{len(y)} candidates, {int(y.sum())} positive; out-of-fold threshold {threshold} "
        f"(precision {precision:.3f}, {right} right contents); written to {out}"
    )
