"""Shared fixtures: one spaCy pipeline per test session (loading it takes a second)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire import Pipeline, PipelineConfig

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__import__("os").environ.get("EVENTWIRE_SHARED", REPO.parent / "shared"))
REFERENCE_ARTICLE = SHARED / "examples" / "isis-hamas-gaza.txt"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline(PipelineConfig(model="md"))


@pytest.fixture(scope="session")
def candidates() -> Pipeline:
    """Every event the rules find (no threshold): for tests of extraction patterns and
    readings, which must see a candidate whether or not the scorer would keep it."""
    return Pipeline(PipelineConfig(min_confidence=0.0))


@pytest.fixture(scope="session")
def rules() -> Pipeline:
    """Every event the rules find, with each side as the rules chose it: the learned
    argument ranker (trained on the coders' choices) left out."""
    return Pipeline(PipelineConfig(min_confidence=0.0, arguments_path=None))


@pytest.fixture(scope="session")
def reference_text() -> str:
    if not REFERENCE_ARTICLE.is_file():
        pytest.skip(f"reference article not found at {REFERENCE_ARTICLE} (shared/ is absent)")
    return REFERENCE_ARTICLE.read_text(encoding="utf-8")
