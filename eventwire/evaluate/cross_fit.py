"""The train articles read with every learned upstream model fitted without their fold.

The event scorer learns from the candidate events of the train articles, and its features
carry what the upstream models said: the trigger model's probability, the sides the
argument ranker chose, the mentions the coreference pair model joined. All three models
were fitted to these very articles, so read in sample they look surer and righter than
they are on new text, and a scorer trained on that trusts them too much. Here each article
is read by a pipeline whose trigger model, argument ranker and coreference model were all
fitted without the article's fold (the same grouped folds for the three, with each shipped
model's settings: strength, margin, threshold), as on unseen text.

Each reading parses the articles again; the spaCy parse does not depend on the models, so
:class:`ParseCache` keeps each article's parsed sections and the later readings reuse them.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.config import PipelineConfig
from eventwire.evaluate.article_gold import GoldArticle
from eventwire.evaluate.articles import analyse
from eventwire.evaluate.folds import FOLDS
from eventwire.extract.event_scorer import EventScorerStage
from eventwire.models import Analysis
from eventwire.pipeline import Pipeline

# fits one model without a fold: (fold of each article, fold held out, folder) -> the model's path
FoldFitter = Callable[[dict[str, int], int, Path], Path]


@dataclass(slots=True)
class ParseCache:
    """Each article's parsed sections (by article id), shared by the pipelines it is attached to."""

    sections: dict[str, list[Any]] = field(default_factory=dict)

    def attach(self, pipeline: Pipeline) -> Pipeline:
        pipeline.parser = _CachedParser(pipeline.parser, self.sections)  # type: ignore[assignment]
        return pipeline


class _CachedParser:
    """A SectionParser that parses only the articles it has not parsed before."""

    def __init__(self, inner: Any, sections: dict[str, list[Any]]) -> None:
        self.inner, self.sections = inner, sections

    def parse(self, analyses: list[Analysis], batch_size: int = 32) -> None:
        new = [a for a in analyses if a.article.id not in self.sections]
        if new:
            self.inner.parse(new, batch_size)
        for analysis in new:
            self.sections[analysis.article.id] = analysis.docs
        for analysis in analyses:
            analysis.docs = list(self.sections[analysis.article.id])


def article_folds(groups: Sequence[str], articles: Sequence[str]) -> dict[str, int]:
    """Fold of each article: grouped K-fold over ``groups`` (one per training row, so folds
    are balanced by rows), an article with no row in fold 0."""
    from sklearn.model_selection import GroupKFold

    folds = dict.fromkeys(articles, 0)
    if len(set(groups)) >= FOLDS:
        for fold, (_, held) in enumerate(
            GroupKFold(n_splits=FOLDS).split(np.zeros(len(groups)), groups=groups)
        ):
            folds.update({groups[i]: fold for i in held})
    return folds


def cross_fitted(gold: list[GoldArticle], model_name: str, config: PipelineConfig) -> list[Analysis]:
    """The articles analysed (no scorer, no threshold) by pipelines whose learned models
    (those ``config`` uses) were each fitted without the article's fold, read up to the
    scorer's stage (the events as the scorer sees them)."""
    from eventwire.evaluate import train_arguments, train_coref, train_triggers

    cache = ParseCache()
    ids = [g.id for g in gold]
    triggers = arguments = coref = None
    folds = article_folds(ids, ids)
    if config.trigger_model_path is not None:  # its folds, balanced by tokens, as it was tuned
        groups, triggers = train_triggers.fold_fitter(
            gold, model_name, Path(config.trigger_model_path), cache
        )
        folds = article_folds(groups, ids)
    if config.arguments_path is not None:
        arguments = train_arguments.fold_fitter(gold, model_name, Path(config.arguments_path), cache)
    if config.coref_path is not None:
        coref = train_coref.fold_fitter(gold, model_name, Path(config.coref_path), cache)
    analysed: dict[str, Analysis] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(FOLDS):
            folder = Path(tmp) / f"fold{fold}"
            folder.mkdir()

            def fitted(fit: FoldFitter | None, f: int = fold, d: Path = folder) -> Path | None:
                return fit(folds, f, d) if fit is not None else None

            fold_config = replace(
                config, model=model_name, score_events=False, min_confidence=0.0, fold_quotations=False,
                trigger_model_path=fitted(triggers), arguments_path=fitted(arguments),
                coref_path=fitted(coref),
            )  # fmt: skip
            held = [g for g in gold if folds[g.id] == fold]
            pipeline = cache.attach(Pipeline(fold_config).stop_after(EventScorerStage.name))
            analysed.update((g.id, a) for g, a in zip(held, analyse(held, pipeline), strict=True))
    return [analysed[g.id] for g in gold]
