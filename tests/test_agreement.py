"""Agreement between two codings of the same article (eventwire/evaluate/agreement.py)."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.evaluate.agreement import main

TEXT = (
    "Ruritanian troops shell border town\n\n"
    "Ruritanian troops shelled the border town of Velka on Monday, and Borduria accused "
    'Ruritania of breaking the truce. "This is a war crime," said Bordurian minister Anna Koval.'
)


def _record(events: list[dict]) -> dict:
    return {
        "id": "agree-1", "split": "dev", "published": "2024-03-05", "text": TEXT, "events": events,
        "quotes": [{"speaker": "Anna Koval", "content": "This is a war crime,", "direct": True}],
    }  # fmt: skip


SHELLING = {
    "type": "ASSAULT", "source": {"name": "Ruritanian troops", "country": "RUR"}, "target": None,
    "modality": "actual", "evidence": ["Ruritanian troops shelled the border town", "troops shell border town"],
}  # fmt: skip
ACCUSATION = {
    "type": "ACCUSE", "source": {"name": "Borduria", "country": None}, "target": {"name": "Ruritania", "country": None},
    "modality": "actual", "evidence": ["Borduria accused Ruritania of breaking the truce"],
}  # fmt: skip


def test_a_second_coding_is_scored_like_eventwire_output(tmp_path: Path, capsys) -> None:
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(json.dumps(_record([SHELLING, ACCUSATION])) + "\n", encoding="utf-8")
    # the second coder read the accusation as a threat and named the headline's act only
    threat = {**ACCUSATION, "type": "THREATEN"}
    headline = {**SHELLING, "evidence": ["troops shell border town"]}
    second.write_text(json.dumps(_record([headline, threat])) + "\n", encoding="utf-8")
    assert main([str(first), str(second)]) == 0
    out = capsys.readouterr().out
    assert "1 articles coded by both" in out
    row = next(line for line in out.splitlines() if line.startswith("all events")).split()
    # the shelling agrees (through the headline mention); the accusation's type does not
    assert row[2:5] == ["0.500", "0.500", "0.500"]
    quotes = next(line for line in out.splitlines() if line.startswith("quotes")).split()
    assert quotes[1:4] == ["1.000", "1.000", "1.000"]


def test_articles_with_other_text_are_not_compared(tmp_path: Path, capsys) -> None:
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(json.dumps(_record([SHELLING])) + "\n", encoding="utf-8")
    rewritten = {**_record([SHELLING]), "text": TEXT.replace("Monday", "Tuesday")}
    second.write_text(json.dumps(rewritten) + "\n", encoding="utf-8")
    assert main([str(first), str(second)]) == 1
    assert "no article" in capsys.readouterr().err


def test_a_missing_or_malformed_file_is_named_without_a_traceback(tmp_path: Path, capsys) -> None:
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps(_record([SHELLING])) + "\n", encoding="utf-8")
    assert main([str(first), str(tmp_path / "absent.jsonl")]) == 2
    assert "absent.jsonl: No such file or directory" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(_record([SHELLING])) + "\nnot json\n", encoding="utf-8")
    assert main([str(first), str(bad)]) == 2
    assert "bad.jsonl:2: malformed JSON" in capsys.readouterr().err
