"""Train the argument ranker: ``eventwire train-arguments``.

Data: the article **train** half only. The pipeline runs up to the event stage (the rules'
sides, before the discourse fills any); each event matched to a gold event (same type,
overlapping evidence, :func:`eventwire.evaluate.articles.match_events`) gives, for each side,
its candidates (:func:`eventwire.extract.argument_ranker.candidates`), one row each: right
when :func:`~eventwire.evaluate.articles.actor_matches` holds for the gold side (no one is
right when the gold side is empty). Events the rules coded as several pairs are left out,
as the stage leaves them.

Model: per side, L2 logistic regression over the candidates' features, its strength and
the margin by which a candidate must beat the rules' choice both chosen by grouped 5-fold
cross-validation by article (the side's accuracy over matched events, out of fold; ties go
to the larger margin, so the rules keep what the model is unsure of). The train figures
(events, triples) of the rules and of the rules with the ranker, each article's sides
decided by a model fitted on the other folds, are printed and stored in the model file.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.config import ARGUMENTS_PATH, PipelineConfig
from eventwire.evaluate import REPO
from eventwire.evaluate.article_gold import GoldArticle
from eventwire.evaluate.articles import (
    ArticleScore,
    actor_matches,
    actor_names,
    analyse,
    load_gold,
    match_events,
    score_article,
)  # fmt: skip
from eventwire.evaluate.cross_fit import FoldFitter, ParseCache
from eventwire.evaluate.train_scorer import feature_matrix
from eventwire.extract.argument_ranker import (
    SLOTS,
    ArgumentModel,
    SlotModel,
    actor_kinds,
    candidates,
    context,
    features,
    load_argument_model,
    rerank,
)  # fmt: skip
from eventwire.extract.event_actors import ArgumentLinker, linker_for
from eventwire.models import Analysis, Event
from eventwire.pipeline import Pipeline, Stage
from eventwire.resolve.actors import ActorResolver, resolver_for

ARTICLES = REPO / "eval" / "articles"
C_GRID = (0.1, 0.3, 1.0, 3.0)
MARGINS = tuple(m / 4 for m in range(0, 17))
# Added to the margin that gives the best side accuracy out of fold: a filled side makes the
# event scorer surer of the event, and out of fold on train +1.0 kept most of the triples
# gained (466 -> 491 right) at less cost to event precision (0.687 -> 0.669, against 0.658
# at the accuracy-best margin).
MARGIN_EXTRA = 1.0
FOLDS = 5


@dataclass(slots=True)
class Row:
    values: dict[str, float]
    label: int


@dataclass(slots=True)
class Choice:
    """One side of one matched event: its candidates, the rules' choice first."""

    group: str
    slot: str
    rows: list[Row] = field(default_factory=list)


@dataclass(slots=True)
class Coded:
    """One train article as the rules code it, and the stages that come after the ranker."""

    gold: GoldArticle
    analysis: Analysis
    events: list[Event]  # the rules' events, kept to run the later stages again


def split_pipeline(model: str) -> tuple[Pipeline, list[Stage]]:
    """The pipeline up to the event stage, and the stages after the ranker."""
    pipeline = Pipeline(PipelineConfig(model=model, arguments_path=None))
    names = [s.name for s in pipeline.stages]
    cut = names.index("events") + 1
    tail = [s for s in pipeline.stages[cut:] if s.name != "argument_ranker"]
    pipeline.stages = pipeline.stages[:cut]
    return pipeline, tail


def coded(gold: list[GoldArticle], pipeline: Pipeline) -> list[Coded]:
    return [Coded(g, a, copy.deepcopy(a.events)) for g, a in zip(gold, analyse(gold, pipeline), strict=True)]


def choices(articles: list[Coded], resolver: ActorResolver, linker: ArgumentLinker) -> list[Choice]:
    out = []
    for item in articles:
        analysis, names = item.analysis, actor_names(item.analysis)
        kinds = actor_kinds(analysis)
        events = item.events
        for match in match_events(item.gold, events, names):
            event, gold = events[match.predicted], item.gold.events[match.gold]
            if event.signals.get("pairs", 1.0) > 1.0:
                continue
            ctx = context(analysis, event, kinds)
            if ctx is None:
                continue
            for slot in SLOTS:
                side = getattr(gold, slot)
                choice = Choice(item.gold.id, slot)
                for candidate in candidates(analysis, ctx, slot, resolver, linker):
                    label = actor_matches(side, candidate.mention, names)
                    choice.rows.append(Row(features(ctx, slot, candidate), int(label)))
                out.append(choice)
    return out


# ---------------------------------------------------------------- fitting
def _fit(choices_: list[Choice], names: list[str], c: float) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression

    rows = [r for ch in choices_ for r in ch.rows]
    y = np.array([r.label for r in rows])
    if len(set(y)) < 2:
        return np.zeros(len(names))
    x = feature_matrix(rows, names)
    return LogisticRegression(C=c, fit_intercept=False, max_iter=3000).fit(x, y).coef_[0]


def _decide(scores: list[float], margin: float) -> int:
    best = max(range(len(scores)), key=lambda i: scores[i])
    return best if scores[best] - scores[0] > margin else 0


def _accuracy(choices_: list[Choice], scores: list[list[float]], margin: float) -> float:
    right = sum(ch.rows[_decide(s, margin)].label for ch, s in zip(choices_, scores, strict=True))
    return right / max(1, len(choices_))


def _fold_of(choices_: list[Choice]) -> dict[str, int]:
    groups = sorted({ch.group for ch in choices_})
    return {g: i % FOLDS for i, g in enumerate(groups)}


def out_of_fold(
    choices_: list[Choice], names: list[str], c: float, folds: dict[str, int]
) -> list[list[float]]:
    scores: list[list[float]] = [[] for _ in choices_]
    for fold in range(FOLDS):
        weights = _fit([ch for ch in choices_ if folds[ch.group] != fold], names, c)
        index = {n: i for i, n in enumerate(names)}
        for k, ch in enumerate(choices_):
            if folds[ch.group] == fold:
                scores[k] = [
                    sum(weights[index[n]] * v for n, v in r.values.items() if n in index) for r in ch.rows
                ]
    return scores


@dataclass(slots=True)
class SlotFit:
    c: float
    margin: float
    names: list[str]
    weights: np.ndarray
    figures: dict[str, Any]


def fit_slot(choices_: list[Choice], folds: dict[str, int]) -> SlotFit:
    names = sorted({n for ch in choices_ for r in ch.rows for n in r.values})
    best: tuple[float, float, float] | None = None
    for c in C_GRID:
        scores = out_of_fold(choices_, names, c, folds)
        for margin in MARGINS:
            accuracy = _accuracy(choices_, scores, margin)
            if best is None or accuracy > best[0] or (accuracy == best[0] and margin >= best[2]):
                best = (accuracy, c, margin)
    assert best is not None
    accuracy, c, margin = best
    scores = out_of_fold(choices_, names, c, folds)
    changed = sum(_decide(s, margin) != 0 for s in scores)
    figures = {
        "events": len(choices_),
        "rules_accuracy": round(sum(ch.rows[0].label for ch in choices_) / max(1, len(choices_)), 4),
        "model_accuracy_5fold": round(accuracy, 4),
        "model_accuracy_5fold_no_margin": round(_accuracy(choices_, scores, 0.0), 4),
        "changed_5fold": changed,
        "any_candidate_right": round(
            sum(any(r.label for r in ch.rows) for ch in choices_) / max(1, len(choices_)), 4
        ),
        "C": c,
    }
    figures["model_accuracy_5fold_at_margin"] = round(_accuracy(choices_, scores, margin + MARGIN_EXTRA), 4)
    figures["changed_5fold_at_margin"] = sum(_decide(s, margin + MARGIN_EXTRA) != 0 for s in scores)
    return SlotFit(c, margin + MARGIN_EXTRA, names, _fit(choices_, names, c), figures)


def _model(fits: dict[str, tuple[list[str], np.ndarray, float]], meta: dict[str, Any]) -> ArgumentModel:
    slots = {
        slot: SlotModel(tuple(names), tuple(float(w) for w in weights), margin)
        for slot, (names, weights, margin) in fits.items()
    }
    return ArgumentModel(slots, meta)


# ---------------------------------------------------------------- train figures
def score_train(articles: list[Coded], tail: list[Stage], threshold: float | None,
                models: dict[int, ArgumentModel] | None, resolver: ActorResolver,
                folds: dict[str, int], linker: ArgumentLinker | None = None) -> ArticleScore:  # fmt: skip
    """The train half coded again from the rules' events, with each article's sides decided
    by its fold's model (``models``; None: the rules alone), through the later stages."""
    total = ArticleScore()
    for item in articles:
        analysis = item.analysis
        analysis.events = copy.deepcopy(item.events)
        if models is not None:
            kinds = actor_kinds(analysis)
            model = models[folds.get(item.gold.id, 0)]
            for event in analysis.events:
                rerank(analysis, event, model, resolver, kinds, linker)
        for stage in tail:
            analysis = stage(analysis)
        total.add(score_article(item.gold, analysis, threshold or 0.0))
    return total


def _figures(score: ArticleScore) -> dict[str, Any]:
    return {"events": score.events.as_dict(), "triples": score.triples.as_dict()}


# ---------------------------------------------------------------- the command
def train(
    model_name: str = "md", articles: Path = ARTICLES, out: Path = ARGUMENTS_PATH
) -> tuple[ArgumentModel, str]:
    pipeline, tail = split_pipeline(model_name)
    threshold = _threshold(tail)
    gold = load_gold(articles, "train")
    resolver = resolver_for(tuple(pipeline.config.kb_files), model_name)
    linker = linker_for(pipeline.config, resolver)
    items = coded(gold, pipeline)
    rows = choices(items, resolver, linker)
    folds = _fold_of(rows)
    for g in gold:
        folds.setdefault(g.id, 0)
    fits = {slot: fit_slot([ch for ch in rows if ch.slot == slot], folds) for slot in SLOTS}
    fold_models = {}
    for fold in range(FOLDS):
        fitted = {}
        for slot in SLOTS:
            part = [ch for ch in rows if ch.slot == slot and folds[ch.group] != fold]
            fitted[slot] = (fits[slot].names, _fit(part, fits[slot].names, fits[slot].c), fits[slot].margin)
        fold_models[fold] = _model(fitted, {})
    rules = score_train(items, tail, threshold, None, resolver, folds)
    ranked = score_train(items, tail, threshold, fold_models, resolver, folds, linker)
    metrics = {slot: {**fits[slot].figures, "margin": fits[slot].margin} for slot in SLOTS} | {
        "train_rules": _figures(rules),
        "train_ranked_5fold": _figures(ranked),
        "threshold": threshold,
    }
    meta = {
        "trained": dt.date.today().isoformat(),
        "training_data": {
            "article_train": len(gold),
            "sha256": hashlib.sha256((articles / "train.jsonl").read_bytes()).hexdigest()[:16],
        },
        "spacy_model": model_name,
        "metrics": metrics,
    }
    final = _model({slot: (f.names, f.weights, f.margin) for slot, f in fits.items()}, meta)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(final.to_json(), indent=1) + "\n", encoding="utf-8")
    return final, render(final, out)


def fold_fitter(
    gold: list[GoldArticle], model_name: str, path: Path, cache: ParseCache | None = None
) -> FoldFitter:
    """A function that writes an argument ranker fitted without one fold, with each side's
    strength, margin and features of the ranker at ``path`` (for
    :func:`eventwire.evaluate.cross_fit.cross_fitted`)."""
    shipped = load_argument_model(path)
    pipeline, _ = split_pipeline(model_name)
    resolver = resolver_for(tuple(pipeline.config.kb_files), model_name)
    items = coded(gold, cache.attach(pipeline) if cache is not None else pipeline)
    rows = choices(items, resolver, linker_for(pipeline.config, resolver))
    strength = {slot: float(shipped.meta["metrics"][slot]["C"]) for slot in SLOTS}

    def fit(folds: dict[str, int], fold: int, folder: Path) -> Path:
        fitted = {}
        for slot, part in shipped.slots.items():
            kept = [ch for ch in rows if ch.slot == slot and folds[ch.group] != fold]
            fitted[slot] = (list(part.features), _fit(kept, list(part.features), strength[slot]), part.margin)
        out = folder / "argument_ranker.json"
        out.write_text(json.dumps(_model(fitted, {}).to_json()) + "\n", encoding="utf-8")
        return out

    return fit


def _threshold(tail: list[Stage]) -> float:
    from eventwire.extract.event_scorer import EventScorerStage

    for stage in tail:
        if isinstance(stage, EventScorerStage):
            return stage.threshold
    return 0.0


def render(model: ArgumentModel, out: Path) -> str:
    m = model.meta["metrics"]
    lines = [f"argument ranker written to {out}"]
    for slot in SLOTS:
        f = m[slot]
        lines.append(
            f"{slot}: {f['events']} matched events; accuracy rules {f['rules_accuracy']:.3f}, "
            f"ranker 5-fold {f['model_accuracy_5fold']:.3f} at the best margin "
            f"({f['changed_5fold']} changed), {f['model_accuracy_5fold_at_margin']:.3f} at the margin "
            f"used {f['margin']} ({f['changed_5fold_at_margin']} changed); C {f['C']}; "
            f"any candidate right {f['any_candidate_right']:.3f}"
        )
    for key, label in (("train_rules", "rules"), ("train_ranked_5fold", "ranker, 5-fold")):
        ev, tr = m[key]["events"], m[key]["triples"]
        lines.append(
            f"train {label:>14}: events P {ev['precision']:.3f} R {ev['recall']:.3f} F1 {ev['f1']:.3f}; "
            f"triples P {tr['precision']:.3f} R {tr['recall']:.3f} F1 {tr['f1']:.3f}"
        )
    return "\n".join(lines)
