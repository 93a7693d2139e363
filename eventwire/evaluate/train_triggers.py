"""Train the learned trigger model: ``eventwire train-triggers``.

Data: the article **train** half (``eval/articles/train.jsonl``), parsed by the pipeline
(every candidate, no scorer, no trigger model). Each gold event's evidence string gives
one positive token, its trigger: a lexicon trigger of the gold type inside the span when
there is one, else the span's syntactic head (the token whose head lies outside the
span), a verb before a noun, never a verb of saying or a light verb (the act is what is
said, or the noun the light verb takes). Every other verb and noun of a parsed sentence that lies
outside all of the article's evidence spans is a "none" example; the other words inside
an evidence span are left out (they belong to an event without naming it).

Model: multinomial logistic regression (:mod:`eventwire.extract.trigger_model` has the
features). The weight of the "none" class is chosen by grouped 5-fold cross-validation
by article (micro F1 of the typed tokens, the type taken as the most probable label); the
threshold for a new trigger is chosen on the same out-of-fold probabilities, among the
words the lexicon lacks, precision first: the lowest threshold whose precision reaches
TARGET_PRECISION; when none does, the model makes no new triggers (threshold ``null``)
and the pipeline scores only the lexicon's candidate words. The GSR sentences are not
used: one coded event per sentence leaves the other words of the sentence unlabelled, so
they give no "none" examples.
"""

from __future__ import annotations

import datetime as dt
import json
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.config import TRIGGER_MODEL_PATH, PipelineConfig
from eventwire.evaluate import REPO
from eventwire.evaluate.article_gold import GoldArticle
from eventwire.evaluate.articles import analyse, load_gold
from eventwire.evaluate.cross_fit import FoldFitter, ParseCache
from eventwire.evaluate.folds import FOLDS, grouped_out_of_fold
from eventwire.extract.event_lexicon import EventLexicon, load_event_lexicon
from eventwire.extract.speech import DirectQuotes
from eventwire.extract.trigger_model import (
    DIMS,
    LABELS,
    NONE,
    TriggerModel,
    load_model,
    never_triggers,
    scored,
    token_features,
    vectors,
)
from eventwire.models import Analysis
from eventwire.pipeline import Pipeline

ARTICLES = REPO / "eval" / "articles"
NONE_WEIGHTS = (1.0, 0.3, 0.1)
C = 0.3  # grouped 5-fold typed F1: 0.394 at 0.1, 0.449 at 0.3, 0.456 at 1.0; 0.3 fits train less closely
VECTOR_SCALE = 3.0
MIN_LEMMA_COUNT = 5
TARGET_PRECISION = 0.6
THRESHOLDS = tuple(t / 100 for t in range(30, 96, 5))


@dataclass(slots=True)
class Examples:
    """Training tokens: named features, vectors, labels (indices of LABELS), article groups,
    and whether the lexicon lacks the word (a new trigger could come from it)."""

    names: list[list[str]]
    vectors: list[np.ndarray]
    labels: list[int]
    groups: list[str]
    new: list[bool]


def parse(gold: list[GoldArticle], model_name: str, cache: ParseCache | None = None) -> list[Analysis]:
    """The articles through the pipeline without the scorer or a trigger model."""
    config = PipelineConfig(
        model=model_name,
        score_events=False,
        min_confidence=0.0,
        trigger_model_path=None,
        fold_quotations=False,
    )
    pipeline = Pipeline(config)
    return analyse(gold, cache.attach(pipeline) if cache is not None else pipeline)


def examples(gold: list[GoldArticle], analyses: list[Analysis], lexicon: EventLexicon) -> Examples:
    out = Examples([], [], [], [], [])
    never = never_triggers(lexicon)
    for article, analysis in zip(gold, analyses, strict=True):
        spans = sorted((s.start, s.end) for e in article.events for s in e.evidence)
        reach = max((e - s for s, e in spans), default=0)

        def inside(offset: int, spans: list[tuple[int, int]] = spans, reach: int = reach) -> bool:
            starts = [s for s, _ in spans]
            low = bisect_right(starts, offset - reach - 1)
            return any(s <= offset < e for s, e in spans[low : bisect_right(starts, offset)])

        positives = _positives(article, analysis, lexicon, never)
        quotes = DirectQuotes(analysis.quotes)
        for sd in analysis.docs:
            for sent in sd.doc.sents:
                if sent.root.dep_ != "ROOT":
                    continue  # not parsed
                tokens = []
                for token in sent:
                    if not scored(token):
                        continue
                    type_ = positives.get((sd.offset, token.i))
                    if type_ is None and inside(token.idx + sd.offset):
                        continue  # a word of an event's evidence that is not its trigger
                    tokens.append((token, LABELS.index(type_ or NONE)))
                if not tokens:
                    continue
                rows = vectors([t for t, _ in tokens])
                for (token, label), row in zip(tokens, rows, strict=True):
                    in_quote = quotes.quote_at(token.idx + sd.offset) is not None
                    out.names.append(token_features(token, sd.section.value, in_quote))
                    out.vectors.append(row)
                    out.labels.append(label)
                    out.groups.append(article.id)
                    out.new.append(not lexicon.candidates(token) and token.lemma_.lower() not in never)
    return out


def _positives(
    article: GoldArticle, analysis: Analysis, lexicon: EventLexicon, never: frozenset[str]
) -> dict[tuple[int, int], str]:
    """(section offset, token index) -> gold type of each evidence string's trigger token."""
    found: dict[tuple[int, int], str] = {}
    for event in article.events:
        for span in event.evidence:
            for sd in analysis.docs:
                start, end = span.start - sd.offset, span.end - sd.offset
                chars = sd.doc.char_span(start, end, alignment_mode="expand")
                if chars is None or not len(chars) or chars.root.dep_ == "":
                    continue
                token = trigger_token(chars, event.type, lexicon, never)
                if token is not None:
                    found.setdefault((sd.offset, token.i), event.type)
                break
    return found


def trigger_token(span: Any, type_: str, lexicon: EventLexicon, never: frozenset[str]) -> Any:
    """The token of an evidence span that names its event (see the module docstring)."""
    words = [t for t in span if scored(t)]
    for token in words:
        if any(row.type == type_ for row in lexicon.candidates(token)):
            return token
    words = [t for t in words if t.lemma_.lower() not in never]
    heads = [t for t in words if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    for pool in (heads, words):
        for pos in ("VERB", "NOUN"):
            token = next((t for t in pool if t.pos_ == pos), None)
            if token is not None:
                return token
    return None


# ---------------------------------------------------------------- fitting
def design(data: Examples, vocabulary: list[str]) -> Any:
    """The examples as one sparse matrix: scaled vectors, then the named features."""
    from scipy import sparse

    index = {n: i for i, n in enumerate(vocabulary)}
    rows, cols = [], []
    for r, names in enumerate(data.names):
        for name in names:
            i = index.get(name)
            if i is not None:
                rows.append(r)
                cols.append(i)
    named = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(data.names), len(vocabulary)))
    dense = sparse.csr_matrix(np.vstack(data.vectors) * VECTOR_SCALE)
    return sparse.hstack([dense, named]).tocsr()


def vocabulary_of(data: Examples) -> list[str]:
    """Named features seen in training; a lemma only when seen MIN_LEMMA_COUNT times."""
    counts: dict[str, int] = {}
    for names in data.names:
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    return sorted(n for n, c in counts.items() if not n.startswith("lemma=") or c >= MIN_LEMMA_COUNT)


def _fit(x: Any, y: np.ndarray, none_weight: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    weights = {i: (none_weight if LABELS[i] == NONE else 1.0) for i in range(len(LABELS))}
    return LogisticRegression(C=C, class_weight=weights, max_iter=300).fit(x, y)


def _probabilities(model: Any, x: Any) -> np.ndarray:
    out = np.zeros((x.shape[0], len(LABELS)))
    out[:, model.classes_] = model.predict_proba(x)
    return out


def out_of_fold(x: Any, y: np.ndarray, groups: list[str], none_weight: float) -> np.ndarray:
    return grouped_out_of_fold(
        x, y, groups, lambda fit, held: _probabilities(_fit(x[fit], y[fit], none_weight), x[held]), FOLDS
    )


def typed_f1(y: np.ndarray, probabilities: np.ndarray) -> float:
    """Micro F1 of the typed tokens, each token's label its most probable one."""
    predicted = probabilities.argmax(axis=1)
    tp = int(((predicted == y) & (y > 0)).sum())
    fp, fn = int((predicted > 0).sum()) - tp, int((y > 0).sum()) - tp
    return 2 * tp / max(1, 2 * tp + fp + fn)


def per_type(y: np.ndarray, probabilities: np.ndarray) -> dict[str, dict[str, float]]:
    predicted = probabilities.argmax(axis=1)
    out = {}
    for i, label in enumerate(LABELS[1:], start=1):
        tp = int(((predicted == i) & (y == i)).sum())
        p, g = int((predicted == i).sum()), int((y == i).sum())
        out[label] = {"precision": round(tp / p, 3) if p else 0.0, "recall": round(tp / g, 3) if g else 0.0,
                      "gold": g, "predicted": p}  # fmt: skip
    return out


def threshold_curve(y: np.ndarray, probabilities: np.ndarray, new: np.ndarray) -> list[dict[str, float]]:
    """Among words the lexicon lacks: precision and count of new triggers at each threshold."""
    best = 1 + probabilities[:, 1:].argmax(axis=1)
    p = probabilities[np.arange(len(y)), best]
    curve = []
    for t in THRESHOLDS:
        chosen = new & (p >= t)
        right = int((chosen & (best == y)).sum())
        n = int(chosen.sum())
        precision = round(right / n, 3) if n else 0.0
        curve.append({"threshold": t, "triggers": n, "right": right, "precision": precision})
    return curve


def choose_threshold(curve: list[dict[str, float]]) -> float | None:
    """The lowest threshold whose new triggers reach TARGET_PRECISION (None when none does:
    no new triggers)."""
    return next((c["threshold"] for c in curve if c["precision"] >= TARGET_PRECISION), None)


@dataclass(slots=True)
class TrainReport:
    model: TriggerModel
    text: str


def train(model_name: str = "md", articles: Path = ARTICLES, out: Path = TRIGGER_MODEL_PATH) -> TrainReport:
    gold = load_gold(articles, "train")
    lexicon = load_event_lexicon()
    data = examples(gold, parse(gold, model_name), lexicon)
    vocabulary = vocabulary_of(data)
    x, y = design(data, vocabulary), np.array(data.labels)
    cv = {w: out_of_fold(x, y, data.groups, w) for w in NONE_WEIGHTS}
    scores = {w: typed_f1(y, p) for w, p in cv.items()}
    none_weight = max(NONE_WEIGHTS, key=lambda w: scores[w])
    oof = cv[none_weight]
    curve = threshold_curve(y, oof, np.array(data.new))
    meta = {
        "trained": dt.date.today().isoformat(), "spacy_model": model_name,
        "training_data": {"article_train": len(gold), "tokens": len(y), "events": int((y > 0).sum()),
                          "none_weight": none_weight, "C": C},
        "metrics": {"cv_typed_f1": {str(w): round(s, 4) for w, s in scores.items()},
                    "oof_per_type": per_type(y, oof), "new_trigger_curve": curve},
    }  # fmt: skip
    model = _model(_fit(x, y, none_weight), vocabulary, choose_threshold(curve), meta)
    _write(model, out)
    return TrainReport(model, render(model, out))


def _model(fitted: Any, vocabulary: list[str], threshold: float | None, meta: dict[str, Any]) -> TriggerModel:
    coef = np.zeros((len(LABELS), 2 * DIMS + len(vocabulary)))
    bias = np.zeros(len(LABELS))
    coef[fitted.classes_], bias[fitted.classes_] = fitted.coef_, fitted.intercept_
    return TriggerModel(
        coef[:, : 2 * DIMS].T.astype(np.float32), {n: i for i, n in enumerate(vocabulary)},
        coef[:, 2 * DIMS :].T.astype(np.float32), bias.astype(np.float32), VECTOR_SCALE, threshold, meta,
    )  # fmt: skip


def _write(model: TriggerModel, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")


def fold_fitter(
    gold: list[GoldArticle], model_name: str, path: Path, cache: ParseCache | None = None
) -> tuple[list[str], FoldFitter]:
    """The article of each training token, and a function that writes a trigger model fitted
    without one fold, with the settings of the model at ``path`` (for
    :func:`eventwire.evaluate.cross_fit.cross_fitted`)."""
    shipped = load_model(path)
    none_weight = float(shipped.meta.get("training_data", {}).get("none_weight", 1.0))
    data = examples(gold, parse(gold, model_name, cache), load_event_lexicon())
    vocabulary = vocabulary_of(data)
    x, y = design(data, vocabulary), np.array(data.labels)

    def fit(folds: dict[str, int], fold: int, folder: Path) -> Path:
        rows = np.array([folds[g] != fold for g in data.groups])
        out = folder / "trigger_model.json"
        _write(_model(_fit(x[rows], y[rows], none_weight), vocabulary, shipped.threshold, {}), out)
        return out

    return data.groups, fit


def render(model: TriggerModel, out: Path) -> str:
    info, metrics = model.meta["training_data"], model.meta["metrics"]
    lines = [
        f"trigger model written to {out}",
        f"trained on {info['article_train']} train articles: {info['tokens']} tokens, {info['events']} "
        f"event triggers; 'none' weight {info['none_weight']} (grouped 5-fold typed F1 "
        f"{metrics['cv_typed_f1']})",
        "new-trigger threshold "
        + (
            f"{model.threshold:.2f}"
            if model.threshold is not None
            else f"none (no threshold reaches precision {TARGET_PRECISION})"
        ),
        "out-of-fold per type (precision, recall, gold tokens):",
    ]
    for label, row in metrics["oof_per_type"].items():
        lines.append(f"  {label:10} {row['precision']:.3f} {row['recall']:.3f} {row['gold']:5d}")
    lines.append("new triggers among words the lexicon lacks (threshold: triggers, right, precision):")
    for c in metrics["new_trigger_curve"]:
        lines.append(f"  {c['threshold']:.2f}: {c['triggers']:5d} {c['right']:5d} {c['precision']:.3f}")
    return "\n".join(lines)
