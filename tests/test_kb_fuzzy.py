"""Fuzzy name lookup compares a name only with names of a length that can reach the cutoff."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz, process

from eventwire.resolve import kb as kb_module
from eventwire.resolve.kb import FUZZY_CUTOFF, KBRecord, KnowledgeBase, may_reach_cutoff


def test_the_length_bound_never_rules_out_a_match() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        a = "".join(rng.choice("abcde ") for _ in range(rng.randint(1, 30)))
        b = "".join(rng.choice("abcde ") for _ in range(rng.randint(1, 30)))
        for cutoff in (50.0, 80.0, 90.0, 100.0):
            if fuzz.ratio(a, b) >= cutoff:
                assert may_reach_cutoff(len(a), len(b), cutoff), (a, b, cutoff)
    assert may_reach_cutoff(10, 11, 90.0)
    assert not may_reach_cutoff(10, 13, 90.0)  # at best 87 points


def _kb(names: list[str]) -> KnowledgeBase:
    kb = KnowledgeBase()
    for i, name in enumerate(names):
        kb.add(KBRecord(id=f"org:{i}", name=name, kind="armed_group"))
    return kb


def test_fuzzy_lookup_matches_as_over_every_name() -> None:
    names = [
        "Sudan Liberation Movement", "Sudan Liberation Army", "Justice and Equality Movement",
        "Rapid Support Forces", "Sudanese Armed Forces", "Sudan People's Liberation Movement-North",
        "Popular Defence Forces", "Janjaweed",
    ]  # fmt: skip
    kb = _kb(names)
    kb._fuzzy_choices(10)  # builds the choices
    every = kb._choices
    assert every is not None
    matched = 0
    for key in ("sudan liberation movment", "rapid suport forces", "janjawed", "sudanese armed force",
                "popular defense forces", "sudan liberation army x", "justice equality"):  # fmt: skip
        best = process.extractOne(key, every, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        found = kb._fuzzy(key)
        if best is None:
            assert found is None, key
        else:
            assert found is not None and found.score == best[1], key
            assert found.record.id == kb.names[best[0]], key
            matched += 1
    assert matched >= 4
    assert len(kb._fuzzy_choices(len("janjawed"))) < len(every)


def test_adding_a_name_renews_the_choices() -> None:
    kb = _kb(["Rapid Support Forces"])
    assert kb._fuzzy("janjawed") is None
    kb.add(KBRecord(id="org:janjaweed", name="Janjaweed", kind="armed_group"))
    found = kb._fuzzy("janjawed")
    assert found is not None and found.record.id == "org:janjaweed"


def test_the_fuzzy_memo_stays_bounded_and_answers_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long ingest meets new misspellings without end: the memo starts again when full."""
    monkeypatch.setattr(kb_module, "FUZZY_CACHE_SIZE", 3)
    kb = _kb(["Rapid Support Forces", "Janjaweed"])
    first = kb._fuzzy("janjawed")
    for key in ("rapid suport forces", "rapid support force", "janjaweeds", "rapid supp forces"):
        kb._fuzzy(key)
        assert len(kb._fuzzy_cache) <= 3
    again = kb._fuzzy("janjawed")
    assert first is not None and again is not None and again.record.id == first.record.id == "org:1"
