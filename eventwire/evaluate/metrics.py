"""Precision, recall and F1 with their counts, and the tables that print them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass


@dataclass(slots=True)
class PRF:
    """Counts of true positives, false positives and false negatives, and their scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float | int]:
        return {
            **asdict(self),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def per_class_prf(gold: Iterable[str], predicted: Iterable[str]) -> dict[str, PRF]:
    """Per-label scores for paired single-label decisions (gold[i] vs predicted[i])."""
    scores: dict[str, PRF] = {}
    for g, p in zip(gold, predicted, strict=True):
        scores.setdefault(g, PRF())
        scores.setdefault(p, PRF())
        if g == p:
            scores[g].tp += 1
        else:
            scores[g].fn += 1
            scores[p].fp += 1
    return scores


def macro_f1(scores: Mapping[str, PRF]) -> float:
    """Mean F1 over labels that occur in gold or predictions."""
    return sum(s.f1 for s in scores.values()) / len(scores) if scores else 0.0


def confusion(gold: Iterable[str], predicted: Iterable[str]) -> dict[str, dict[str, int]]:
    """``matrix[gold][predicted]`` counts."""
    counts = Counter(zip(gold, predicted, strict=True))
    matrix: dict[str, dict[str, int]] = {}
    for (g, p), n in counts.items():
        matrix.setdefault(g, {})[p] = n
    return matrix


def prf_table(rows: Mapping[str, PRF], title: str = "") -> str:
    """A fixed-width table of P/R/F1 and counts, one row per label."""
    width = max([len(k) for k in rows] + [5])
    lines = [title] if title else []
    lines.append(f"{'':<{width}}  {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for name, s in rows.items():
        lines.append(
            f"{name:<{width}}  {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}"
        )
    return "\n".join(lines)


def confusion_table(matrix: Mapping[str, Mapping[str, int]]) -> str:
    """Gold labels down, predicted labels across."""
    labels = sorted({*matrix, *(p for row in matrix.values() for p in row)})
    short = [label[:8] for label in labels]
    lines = ["gold \\ predicted".ljust(12) + " ".join(f"{s:>8}" for s in short)]
    for gold in labels:
        row = matrix.get(gold, {})
        lines.append(f"{gold[:12]:<12}" + " ".join(f"{row.get(p, 0):>8}" for p in labels))
    return "\n".join(lines)


def bcubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering, over the items both mappings hold.

    For each item: precision is the share of its predicted cluster that shares its gold
    cluster; recall the share of its gold cluster that shares its predicted cluster.
    """
    items = [i for i in gold if i in predicted]
    if not items:
        return 0.0, 0.0, 0.0
    by_gold: dict[str, set[str]] = {}
    by_pred: dict[str, set[str]] = {}
    for item in items:
        by_gold.setdefault(gold[item], set()).add(item)
        by_pred.setdefault(predicted[item], set()).add(item)
    precision = recall = 0.0
    for item in items:
        same_gold, same_pred = by_gold[gold[item]], by_pred[predicted[item]]
        overlap = len(same_gold & same_pred)
        precision += overlap / len(same_pred)
        recall += overlap / len(same_gold)
    precision, recall = precision / len(items), recall / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
