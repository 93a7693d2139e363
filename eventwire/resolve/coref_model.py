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

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from eventwire.config import COREF_PATH
from eventwire.errors import ConfigError

FORMAT = "eventwire-event-coref/1"


@dataclass(frozen=True, slots=True)
class PairModel:
    """Weights of a trained pair model and the probability over which a pair is one act."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    threshold: float
    meta: dict[str, Any]

    def probability(self, values: dict[str, float]) -> float:
        index = _indices(self.features)
        z = sum(self.weights[index[name]] * value for name, value in values.items() if name in index)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "features": list(self.features),
            "weights": [round(w, 6) for w in self.weights],
            "threshold": self.threshold,
            **self.meta,
        }


@cache
def _indices(names: tuple[str, ...]) -> dict[str, int]:
    return {name: i for i, name in enumerate(names)}


def load_pair_model(path: Path = COREF_PATH) -> PairModel:
    from eventwire.resolve.event_coref import known_pair_feature

    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the event coreference model ({exc})") from None
    if raw.get("format") != FORMAT:
        raise ConfigError(f"{path}: not an eventwire coreference model (format {raw.get('format')!r})")
    names = tuple(raw["features"])
    unknown = [n for n in names if not known_pair_feature(n)]
    if unknown or len(names) != len(raw["weights"]):
        raise ConfigError(
            f"{path}: the model was trained on features this version does not compute "
            f"({', '.join(unknown[:5]) or 'weights and names differ in length'}); retrain it with "
            "'eventwire train-coref'"
        )
    meta = {k: v for k, v in raw.items() if k not in ("format", "features", "weights", "threshold")}
    return PairModel(names, tuple(float(w) for w in raw["weights"]), float(raw["threshold"]), meta)


@cache
def pair_model_for(path: str) -> PairModel:
    """The model at ``path``, loaded once per process."""
    return load_pair_model(Path(path))
