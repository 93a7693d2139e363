"""The learned half of event coreference: whether two mentions of one type report one act.

The rules of :mod:`eventwire.resolve.event_coref` keep apart what coding rule 2 says is
never one act (opposite directions, different targets, days, places or counts); between
the pairs they allow, which are one act depends on many weak signals at once (the sides'
words, the sections, how far apart, the trigger, a definite noun). A logistic model weighs
them (``event_coref.pair_features``), trained by ``eventwire train-coref`` on the article
train half (:mod:`eventwire.evaluate.train_coref`).

The model is a small JSON file (``data/models/event_coref.json``): feature names, weights,
the probability over which two mentions are one act, and what it was trained on. No
pickle; a model that names features this code does not compute is refused at load.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from eventwire.config import COREF_PATH
from eventwire.linear_models import logistic, read_linear_model, weighted_sum

FORMAT = "eventwire-event-coref/1"


@dataclass(frozen=True, slots=True)
class PairModel:
    """Weights of a trained pair model and the probability over which a pair is one act."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    threshold: float
    meta: dict[str, Any]

    def probability(self, values: dict[str, float]) -> float:
        return logistic(weighted_sum(self.features, self.weights, values))

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "features": list(self.features),
            "weights": [round(w, 6) for w in self.weights],
            "threshold": self.threshold,
            **self.meta,
        }


def load_pair_model(path: Path = COREF_PATH) -> PairModel:
    from eventwire.resolve.event_coref import known_pair_feature

    raw, names = read_linear_model(
        path, FORMAT, "the event coreference model", "coreference model", known_pair_feature,
        "eventwire train-coref",
    )  # fmt: skip
    meta = {k: v for k, v in raw.items() if k not in ("format", "features", "weights", "threshold")}
    return PairModel(names, tuple(float(w) for w in raw["weights"]), float(raw["threshold"]), meta)


@cache
def pair_model_for(path: str) -> PairModel:
    """The model at ``path``, loaded once per process."""
    return load_pair_model(Path(path))
