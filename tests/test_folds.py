"""Out-of-fold predictions hold each article out whole, for every trainer alike."""

from __future__ import annotations

import numpy as np

from eventwire.evaluate.folds import grouped_out_of_fold


def _rows() -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Twelve articles of three candidate rows each; the label follows the first feature."""
    rng = np.random.default_rng(7)
    x = rng.normal(size=(36, 3))
    y = (x[:, 0] > 0).astype(int)
    groups = [f"article-{i // 3}" for i in range(36)]
    return x, y, groups


def test_no_row_is_predicted_by_a_model_that_saw_its_article() -> None:
    x, y, groups = _rows()
    seen: list[tuple[set[str], set[str]]] = []

    def predict(fit: np.ndarray, held: np.ndarray) -> np.ndarray:
        seen.append(({groups[i] for i in fit}, {groups[i] for i in held}))
        return np.full(len(held), float(len(seen)))

    out = grouped_out_of_fold(x, y, groups, predict, folds=4)
    assert len(seen) == 4
    assert all(not fitted & held for fitted, held in seen)
    assert set().union(*(held for _, held in seen)) == set(groups)
    for start in range(0, 36, 3):  # one article's rows come from one fold
        assert len(set(out[start : start + 3])) == 1


def test_vectors_per_row_keep_their_shape_and_order() -> None:
    from sklearn.linear_model import LogisticRegression

    x, y, groups = _rows()

    def predict(fit: np.ndarray, held: np.ndarray) -> np.ndarray:
        return LogisticRegression().fit(x[fit], y[fit]).predict_proba(x[held])

    out = grouped_out_of_fold(x, y, groups, predict)
    assert out.shape == (36, 2)
    assert np.allclose(out.sum(axis=1), 1.0)
    assert ((out[:, 1] > 0.5) == (y == 1)).mean() > 0.8  # each row read by its own fold's model
