"""Out-of-fold predictions grouped by article, shared by the project's trainers.

Every learned model (trigger tagger, event scorer, coreference pair model, attribution cues)
chooses its strength, threshold or calibration from predictions on rows it was not fitted
to. The rows of one article resemble each other (one story, one writer), so an article is
held out whole: a fold that saw its sibling rows would read better than unseen text does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

FOLDS = 5


def grouped_out_of_fold(
    x: Any,
    y: np.ndarray,
    groups: Sequence[str],
    predict: Callable[[np.ndarray, np.ndarray], np.ndarray],
    folds: int = FOLDS,
) -> np.ndarray:
    """Each row's prediction by a model fitted without its group: ``predict(fit_rows,
    held_rows)`` fits on the first indices and returns predictions for the second (one value
    or one vector per held row); the result holds them in row order."""
    from sklearn.model_selection import GroupKFold

    out: np.ndarray | None = None
    for fit_rows, held_rows in GroupKFold(n_splits=folds).split(x, y, groups):
        held = np.asarray(predict(fit_rows, held_rows))
        if out is None:
            out = np.zeros((len(y), *held.shape[1:]))
        out[held_rows] = held
    assert out is not None, "no folds"  # GroupKFold yields n_splits folds or raises
    return out
