"""Train the event coreference pair model: ``eventwire train-coref``.

Data: the article **train** half only. The pipeline runs without coreference and the scorer,
so every mention the rules find stays its own event; each pair of mentions of one type that
the hard constraints allow (``event_coref.conflicts``) is a row, **positive** when both
overlap the evidence of one gold event of that type, **negative** when they overlap
different gold events of that type and no common one; other pairs are left out.

Model: L2 logistic regression over ``event_coref.pair_features``, its strength chosen by
grouped 5-fold cross-validation by article (log loss). The pipeline joins an act the rules
accept and, where they accept none, one the model scores over ``THRESHOLD``; the pair-level
precision and recall of the rules, the model and the two together, out of fold, are printed
and stored in the model file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.config import COREF_PATH, PipelineConfig
from eventwire.evaluate import REPO
from eventwire.evaluate.article_gold import GoldArticle
from eventwire.evaluate.articles import analyse, load_gold
from eventwire.evaluate.cross_fit import FoldFitter, ParseCache
from eventwire.evaluate.folds import FOLDS, grouped_out_of_fold
from eventwire.evaluate.metrics import PRF
from eventwire.evaluate.train_scorer import feature_matrix
from eventwire.models import Analysis, Event
from eventwire.pipeline import Pipeline
from eventwire.resolve.actors import resolver_for
from eventwire.resolve.coref_model import PairModel, load_pair_model
from eventwire.resolve.event_coref import (
    EventCorefStage,
    Pair,
    Paragraphs,
    _Act,
    conflicts,
    definite_nouns,
    pair_features,
)  # fmt: skip

ARTICLES = REPO / "eval" / "articles"
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
# Precision first: of pairs the rules leave apart, only the likeliest join. Chosen by coding
# each train article with a model fitted on the other folds (events and triples F1 are flat
# from 0.65 to 0.7, precision falls above it, recall below it).
THRESHOLD = 0.7


@dataclass(slots=True)
class PairRow:
    values: dict[str, float]
    label: int
    group: str


@dataclass(slots=True)
class Mentions:
    """One article's events before coreference, with the ids of its definite event nouns and
    the knowledge base's titles of one person the pipeline read them with."""

    gold: GoldArticle
    analysis: Analysis
    definite: frozenset[int]
    person_titles: frozenset[str]


def uncorefered(
    gold: list[GoldArticle], model: str = "md", cache: ParseCache | None = None
) -> list[Mentions]:
    """The train articles through the pipeline without coreference and the scorer."""
    config = PipelineConfig(model=model, score_events=False, min_confidence=0.0, coref_path=None)
    pipeline = Pipeline(config)
    if cache is not None:
        cache.attach(pipeline)
    pipeline.stages = [s for s in pipeline.stages if s.name not in (EventCorefStage.name, "event_scorer")]
    titles = resolver_for(tuple(config.kb_files), config.model).kb.person_titles()
    out = []
    for article, analysis in zip(gold, analyse(gold, pipeline), strict=True):
        analysis.events.sort(key=lambda e: e.evidence.start)
        out.append(Mentions(article, analysis, definite_nouns(analysis, analysis.events), titles))
    return out


def _gold_of(event: Event, gold: GoldArticle) -> set[int]:
    """The gold events of the event's type whose evidence it overlaps."""
    start, end = event.evidence.start, event.evidence.end
    return {
        i for i, g in enumerate(gold.events)
        if g.type == event.type and any(s.start < end and start < s.end for s in g.evidence)
    }  # fmt: skip


def pair_rows(articles: list[Mentions]) -> list[PairRow]:
    """Labelled pairs (see the module docstring), with the rules' verdict among the features."""
    rows = []
    for m in articles:
        events = m.analysis.events
        body = m.analysis.article.sections.get("body", (0, 0))
        pair = Pair(Paragraphs(m.analysis.article.text, body[0]), body[0], person_titles=m.person_titles)
        golds = [_gold_of(e, m.gold) for e in events]
        for j, later in enumerate(events):
            for i in range(j):
                earlier = events[i]
                if earlier.type != later.type or not golds[i] or not golds[j]:
                    continue
                single = _Act(person_titles=m.person_titles)
                single.add(earlier)
                if conflicts(single, later):
                    continue
                label = int(bool(golds[i] & golds[j]))
                rows.append(
                    PairRow(pair_features(earlier, later, pair, id(later) in m.definite), label, m.gold.id)
                )
    return rows


def _fit(x: np.ndarray, y: np.ndarray, c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, fit_intercept=False, max_iter=5000).fit(x, y)  # "bias" is a feature


def _out_of_fold(x: np.ndarray, y: np.ndarray, groups: list[str], c: float) -> np.ndarray:
    return grouped_out_of_fold(
        x, y, groups, lambda fit, held: _fit(x[fit], y[fit], c).predict_proba(x[held])[:, 1], FOLDS
    )


def _prf(y: np.ndarray, said: np.ndarray) -> PRF:
    tp = int((said & (y == 1)).sum())
    return PRF(tp, int(said.sum()) - tp, int((y == 1).sum()) - tp)


def fit_pairs(rows: list[PairRow]) -> tuple[PairModel, dict[str, Any]]:
    """Weights on all rows, strength by grouped CV log loss; rules vs model pair P/R out of fold."""
    names = sorted({n for row in rows for n in row.values})
    x = feature_matrix(rows, names)
    y = np.array([r.label for r in rows])
    groups = [r.group for r in rows]
    best: tuple[float, float, np.ndarray] | None = None
    for c in C_GRID:
        p = np.clip(_out_of_fold(x, y, groups, c), 1e-6, 1 - 1e-6)
        loss = float(-(y * np.log(p) + (1 - y) * np.log(1 - p)).mean())
        if best is None or loss < best[0]:
            best = (loss, c, p)
    assert best is not None
    loss, c, p = best
    ruled = x[:, names.index("rule_same")] == 1
    scores = {
        "rules": _prf(y, ruled), "model_at_0.5": _prf(y, p >= 0.5),
        "model": _prf(y, p >= THRESHOLD), "rules_or_model": _prf(y, ruled | (p >= THRESHOLD)),
    }  # fmt: skip
    final = _fit(x, y, c)
    model = PairModel(tuple(names), tuple(float(w) for w in final.coef_[0]), THRESHOLD, {})
    info = {
        "C": c, "cv_log_loss": round(loss, 4), "pairs": len(rows), "positives": int(y.sum()),
        "pairs_5fold": {name: prf.as_dict() for name, prf in scores.items()},
    }  # fmt: skip
    return model, info


def train(model_name: str = "md", articles: Path = ARTICLES, out: Path = COREF_PATH) -> tuple[PairModel, str]:
    gold = load_gold(articles, "train")
    model, info = fit_pairs(pair_rows(uncorefered(gold, model_name)))
    meta = {
        "trained": dt.date.today().isoformat(),
        "training_data": {
            "article_train": len(gold), **info,
            "sha256": hashlib.sha256((articles / "train.jsonl").read_bytes()).hexdigest()[:16],
        },
        "spacy_model": model_name,
    }  # fmt: skip
    final = PairModel(model.features, model.weights, model.threshold, meta)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(final.to_json(), indent=1) + "\n", encoding="utf-8")
    return final, render(final, out)


def fold_fitter(
    gold: list[GoldArticle], model_name: str, path: Path, cache: ParseCache | None = None
) -> FoldFitter:
    """A function that writes a pair model fitted without one fold, with the strength,
    threshold and features of the model at ``path`` (for
    :func:`eventwire.evaluate.cross_fit.cross_fitted`)."""
    shipped = load_pair_model(path)
    strength = float(shipped.meta["training_data"]["C"])
    rows = pair_rows(uncorefered(gold, model_name, cache))
    names = list(shipped.features)
    x, y = feature_matrix(rows, names), np.array([r.label for r in rows])

    def fit(folds: dict[str, int], fold: int, folder: Path) -> Path:
        kept = np.array([folds[r.group] != fold for r in rows])
        weights = _fit(x[kept], y[kept], strength).coef_[0]
        model = PairModel(shipped.features, tuple(float(w) for w in weights), shipped.threshold, {})
        out = folder / "event_coref.json"
        out.write_text(json.dumps(model.to_json()) + "\n", encoding="utf-8")
        return out

    return fit


def render(model: PairModel, out: Path) -> str:
    info = model.meta["training_data"]
    lines = [
        f"event coreference model written to {out}",
        f"trained on {info['article_train']} train articles ({info['pairs']} labelled pairs, "
        f"{info['positives']} one act; C={info['C']}, grouped 5-fold log loss {info['cv_log_loss']})",
    ]
    for name, scores in info["pairs_5fold"].items():
        p, r, f = scores["precision"], scores["recall"], scores["f1"]
        lines.append(f"pairs, 5-fold, {name:>14}: P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return "\n".join(lines)
