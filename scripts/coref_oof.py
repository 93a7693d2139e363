"""Events and triples on the train half with the coreference pair model fitted out of fold.

    PYTHONPATH=. .venv/bin/python scripts/coref_oof.py [--thresholds 0.7,0.55] [--limit N]

Reads the article **train** half only (never dev or test). Each article is coded by the
shipped pipeline whose pair model (``eventwire train-coref``'s features, labels and strength)
was fitted without the article's fold, at each threshold asked for; the scorer stays the
shipped one. The articles are parsed once (:class:`~eventwire.evaluate.cross_fit.ParseCache`),
so each further threshold costs a pass of the stages after the parse (under a minute on 535
articles, against several for a parse). A change to the pair model is judged here by the true
events it keeps and the false ones it removes (a wrong join loses a true event, a right one
removes a false copy).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eventwire.config import PipelineConfig  # noqa: E402
from eventwire.evaluate import articles as scoring  # noqa: E402
from eventwire.evaluate import train_coref  # noqa: E402
from eventwire.evaluate.cross_fit import ParseCache, article_folds  # noqa: E402
from eventwire.evaluate.folds import FOLDS  # noqa: E402
from eventwire.evaluate.train_scorer import feature_matrix  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.resolve.coref_model import PairModel, load_pair_model  # noqa: E402
from eventwire.resolve.event_coref import EventCorefStage  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thresholds", default=f"{train_coref.THRESHOLD}", help="comma-separated")
    parser.add_argument("--limit", type=int, default=None, help="only the first N train articles")
    args = parser.parse_args()
    gold = scoring.load_gold(train_coref.ARTICLES, "train")[: args.limit]
    cache = ParseCache()
    rows = train_coref.pair_rows(train_coref.uncorefered(gold, "md", cache))
    shipped = load_pair_model()
    names = list(shipped.features)
    x, y = feature_matrix(rows, names), np.array([r.label for r in rows])
    folds = article_folds([r.group for r in rows], [g.id for g in gold])
    strength = float(shipped.meta["training_data"]["C"])
    weights = {}
    for fold in range(FOLDS):
        kept = np.array([folds[r.group] != fold for r in rows])
        weights[fold] = tuple(float(w) for w in train_coref._fit(x[kept], y[kept], strength).coef_[0])
    pipeline = cache.attach(Pipeline(PipelineConfig()))
    stage = next(s for s in pipeline.stages if isinstance(s, EventCorefStage))
    minimum = scoring.pipeline_threshold(pipeline)
    for threshold in (float(t) for t in args.thresholds.split(",")):
        total = scoring.ArticleScore()
        for fold in range(FOLDS):
            stage.model = PairModel(tuple(names), weights[fold], threshold, {})
            held = [g for g in gold if folds[g.id] == fold]
            for article, analysis in zip(held, scoring.analyse(held, pipeline), strict=True):
                total.add(scoring.score_article(article, analysis, minimum))
        e, t = total.events, total.triples
        print(
            f"threshold {threshold:.2f}: events P {e.precision:.3f} R {e.recall:.3f} F1 {e.f1:.3f} "
            f"(true {e.tp}, false {e.fp}, missed {e.fn}); triples F1 {t.f1:.3f} (right {t.tp})"
        )


if __name__ == "__main__":
    main()
