"""Evaluation against gold data: precision, recall and F1 for each capability.

Each task lives in its own module exposing ``evaluate(data, options) -> EvalReport``;
``TASKS`` maps the task name to that module and to the default gold-data path.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import EventwireError

REPO = Path(__file__).resolve().parents[2]
# The shared gold data beside the repository; EVENTWIRE_SHARED (as the tests read it) points
# elsewhere, e.g. from a git worktree whose parent folder has no shared/.
SHARED_DATA = Path(os.environ.get("EVENTWIRE_SHARED", REPO.parent / "shared")) / "data"

# task -> (module, default data path)
TASKS: dict[str, tuple[str, Path]] = {
    "quotes": ("eventwire.evaluate.quotes", SHARED_DATA / "polnear"),
    "events": ("eventwire.evaluate.events", SHARED_DATA / "plover-gsr"),
    "geo": ("eventwire.evaluate.geo", REPO / "eval" / "geo-dev"),
    "dedup": ("eventwire.evaluate.dedup", REPO / "eval" / "dedup-dev"),
    "articles": ("eventwire.evaluate.articles", REPO / "eval" / "articles"),
}


class GoldDataMissing(EventwireError):
    """The gold data folder is absent: the evaluation is skipped, with this message."""


@dataclass(slots=True)
class EvalOptions:
    split: str = "dev"
    model: str = "md"
    errors: int = 0  # how many worst errors to list
    limit: int | None = None  # evaluate only the first N documents (quick runs)
    min_confidence: float | None = None  # score only events at or above this (articles task)


@dataclass(slots=True)
class EvalReport:
    task: str
    data: str
    metrics: dict[str, Any]  # JSON-able figures
    text: str  # the tables, for people
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"task": self.task, "data": self.data, "metrics": self.metrics, "errors": self.errors}


def run_evaluation(task: str, data: Path | None, options: EvalOptions) -> EvalReport:
    """Run one task's evaluation; raises GoldDataMissing if its data folder is absent."""
    module_name, default = TASKS[task]
    path = data or default
    if not path.exists():
        raise GoldDataMissing(f"{task}: gold data not found at {path}; pass --data PATH")
    if path.is_file() and path.suffix == ".jsonl" and task in ("events", "quotes"):
        from eventwire.evaluate import jsonl_gold  # users' own gold, docs/evaluation.md

        return jsonl_gold.evaluate(task, path, options)
    module = importlib.import_module(module_name)
    report: EvalReport = module.evaluate(path, options)
    return report
