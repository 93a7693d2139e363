"""Cues two mentions of one act share beyond their sides (eventwire/resolve/pair_cues.py)."""

from __future__ import annotations

from eventwire.models import Event, Mention, Span
from eventwire.resolve.pair_cues import ACT_CUES, act_cues

TEXT = (
    "Officers detained 12 students outside the university gates on Monday. "
    "The 12 students had been detained for handing out leaflets, their union said. "
    "Separately, a teacher was arrested in another town."
)


def _event(at: str, trigger: str, target: str) -> Event:
    start = TEXT.index(at)
    span = Span(at, start, start + len(at))
    head = TEXT.index(trigger, start)
    where = TEXT.index(target, start)
    side = Mention(target, where, where + len(target), "unk:students", None)
    return Event("COERCE", None, span, Span(trigger, head, head + len(trigger)), None, side)


def test_one_act_told_twice_shares_its_words_stem_and_count() -> None:
    lede = _event("Officers detained 12 students", "detained", "12 students")
    recap = _event("The 12 students had been detained", "detained", "The 12 students")
    cues = act_cues(lede, recap)
    assert cues["evidence_words"] == 1.0  # every content word of the shorter one
    assert cues["same_stem"] == 1.0
    assert cues["target_count=same"] == 1.0
    assert set(cues) <= set(ACT_CUES)


def test_another_act_shares_little() -> None:
    lede = _event("Officers detained 12 students", "detained", "12 students")
    other = _event("a teacher was arrested", "arrested", "a teacher")
    cues = act_cues(lede, other)
    assert cues["evidence_words"] == 0.0
    assert cues["same_stem"] == 0.0
    assert "target_count=same" not in cues  # "a teacher" counts one, "12 students" twelve
