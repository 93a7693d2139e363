"""The induction rule of ``scripts/induce_triggers.py`` (rows from train gold evidence heads):
a word becomes a row only with enough events, in enough articles, written mostly inside
such events' evidence, for the type it heads most often."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "induce_triggers.py"


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("induce_triggers", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up there
    spec.loader.exec_module(module)
    return module


def _article(name: str, heads: list[tuple[str, str, str, str]], seen: int, within: int) -> dict:
    """One article's counts: ``heads`` (lemma, pos, type, cameo); each head lemma written
    ``seen`` times, ``within`` of them inside evidence of its type."""
    keys = {(lemma, pos, kind) for lemma, pos, kind, _ in heads}
    return {
        "id": name,
        "heads": heads,
        "seen": Counter({(lemma, pos): seen for lemma, pos, _ in keys}),
        "within": Counter({key: within for key in keys}),
    }


def test_a_word_heading_events_in_several_articles_becomes_a_row(script: ModuleType) -> None:
    head = ("glorp", "VERB", "COERCE", "173")
    counts = [_article("a", [head, head], seen=2, within=2), _article("b", [head], seen=2, within=1)]
    rows = script.induce(counts)
    assert [(r["lemma"], r["pos"], r["type"], r["cameo"]) for r in rows] == [
        ("glorp", "VERB", "COERCE", "173")
    ]
    assert float(rows[0]["weight"]) == pytest.approx(0.75)


def test_one_article_is_not_enough(script: ModuleType) -> None:
    head = ("glorp", "VERB", "COERCE", "173")
    assert script.induce([_article("a", [head, head, head], seen=3, within=3)]) == []


def test_a_word_mostly_written_outside_events_is_no_row(script: ModuleType) -> None:
    head = ("glorp", "VERB", "COERCE", "173")
    counts = [_article("a", [head, head], seen=10, within=2), _article("b", [head], seen=10, within=1)]
    assert script.induce(counts) == []


def test_a_code_of_another_type_is_not_taken(script: ModuleType) -> None:
    """Gold events coded with a CAMEO code that is not the type's give no code, and no row."""
    head = ("glorp", "VERB", "COERCE", "190")  # 190 is ASSAULT
    counts = [_article("a", [head, head], seen=2, within=2), _article("b", [head], seen=1, within=1)]
    assert script.induce(counts) == []


def test_new_words_only_leaves_words_the_lexicon_has(script: ModuleType) -> None:
    head = ("capture", "VERB", "COERCE", "173")  # the lexicon has capture as an attack
    counts = [_article("a", [head, head], seen=2, within=2), _article("b", [head], seen=1, within=1)]
    assert [r["lemma"] for r in script.induce(counts)] == ["capture"]
    assert script.induce(counts, script.Thresholds(new_words_only=True)) == []
