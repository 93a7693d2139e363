"""The project's learned models on disk: small logistic models kept as JSON, no pickle.

The event scorer (:mod:`eventwire.extract.event_scorer`) and the event coreference pair
model (:mod:`eventwire.resolve.coref_model`) are both a weight per named feature, read from
a JSON file that says its format. They share how such a file is read and checked (a model
naming a feature this code does not compute is refused: it was trained on another version)
and how a feature dict is weighed.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError

# Each model's weight per feature name, built once. Keyed by the identity of the model's
# tuples (hashing a tuple of thousands of names on every call cost more than the sum itself);
# the tuples are kept alongside, so an id reused by another object is never mistaken.
_WEIGHTS: dict[tuple[int, int], tuple[tuple[str, ...], tuple[float, ...], dict[str, float]]] = {}


def weight_map(names: tuple[str, ...], weights: tuple[float, ...]) -> dict[str, float]:
    """Each feature name's weight in a model (one dict per model, kept)."""
    key = (id(names), id(weights))
    found = _WEIGHTS.get(key)
    if found is None or found[0] is not names or found[1] is not weights:
        found = _WEIGHTS[key] = (names, weights, dict(zip(names, weights, strict=True)))
    return found[2]


def weighted_sum(names: tuple[str, ...], weights: tuple[float, ...], values: Mapping[str, float]) -> float:
    """The linear decision value: features the model does not know weigh nothing."""
    weight = weight_map(names, weights)
    # a list, not a generator: the same products summed in the same order, without resuming
    # a generator frame per feature (the argument ranker weighs ~60,000 dicts per 400 articles).
    # A feature valued 0 (a third of the flags) is left out: its product, 0.0 or -0.0, leaves
    # any partial sum exactly as it was, so the sum is the same to the last bit.
    return sum([weight[name] * value for name, value in values.items() if value and name in weight], 0.0)


def logistic(z: float) -> float:
    """The logistic function, clamped so that extreme values cannot overflow."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def read_linear_model(
    path: Path, fmt: str, what: str, kind: str, known: Callable[[str], bool], retrain: str
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The raw JSON of a model file and its feature names, checked: readable, of format
    ``fmt``, and naming only features ``known`` says this code computes, one weight each.
    ``what`` names the model in errors ("the event scorer"), ``kind`` its format's name
    ("event scorer"), ``retrain`` the command that makes a new one."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read {what} ({exc})") from None
    if raw.get("format") != fmt:
        raise ConfigError(f"{path}: not an eventwire {kind} (format {raw.get('format')!r})")
    return raw, checked_features(path, raw["features"], raw["weights"], known, retrain)


def checked_features(
    path: Path, names: list[str], weights: list[float], known: Callable[[str], bool], retrain: str,
    subject: str = "the model was trained on",
) -> tuple[str, ...]:  # fmt: skip
    """A model part's feature names, refused when this code does not compute one of them or
    they do not pair one to one with the weights; ``subject`` begins the error's sentence."""
    unknown = [n for n in names if not known(n)]
    if unknown or len(names) != len(weights):
        raise ConfigError(
            f"{path}: {subject} features this version does not compute "
            f"({', '.join(unknown[:5]) or 'weights and names differ in length'}); retrain it with "
            f"'{retrain}'"
        )
    return tuple(names)
