"""The one reader of the project's hand-edited CSV data files."""

from pathlib import Path

import pytest

from eventwire.datafiles import read_csv_table
from eventwire.errors import ConfigError


def test_comments_blank_lines_and_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "triggers.csv"
    path.write_text(
        "\ufeff# my additions to the lexicon\nLemma, POS ,type\n\nshell,VERB, ASSAULT \n  # not yet: siege\nbesiege,VERB,COERCE\n",
        encoding="utf-8",
    )
    table = read_csv_table(path, "event lexicon")
    assert table.header == ["lemma", "pos", "type"]
    assert table.rows == [
        (4, {"lemma": "shell", "pos": "VERB", "type": "ASSAULT"}),
        (6, {"lemma": "besiege", "pos": "VERB", "type": "COERCE"}),
    ]


def test_empty_file_and_unreadable_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("# nothing here yet\n", encoding="utf-8")
    assert read_csv_table(empty).header == [] and read_csv_table(empty).rows == []
    latin = tmp_path / "latin1.csv"
    latin.write_bytes("name\nBogot\xe1\n".encode("latin-1"))
    with pytest.raises(ConfigError, match=r"latin1.csv: cannot read gazetteer supplement"):
        read_csv_table(latin, "gazetteer supplement")
