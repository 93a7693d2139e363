"""The linear models' decision value: features a model weighs, summed in the dict's order."""

from __future__ import annotations

from eventwire.linear_models import weighted_sum


def test_weighted_sum_leaves_zero_features_out_to_the_last_bit() -> None:
    names = ("bias", "rule", "pronoun", "path=^nsubj", "distance=2", "known")
    weights = (-0.1, 0.7, -2.3, 1e-17, 0.30000000000000004, -1e-17)
    values = {"bias": 1.0, "rule": 0.0, "path=^nsubj": 1.0, "unseen": 1.0, "pronoun": 0.0,
              "distance=2": 1.0, "known": 0.0}  # fmt: skip
    weight = dict(zip(names, weights, strict=True))
    every = 0
    for name, value in values.items():  # each product, zeros too, in the dict's order
        if name in weight:
            every += weight[name] * value
    assert weighted_sum(names, weights, values) == every
    assert weighted_sum(names, weights, {"rule": 0.0, "known": 0.0}) == 0.0
    assert weighted_sum(names, weights, {"unseen": 1.0}) == 0.0
