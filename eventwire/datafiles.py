"""Reading the project's CSV data files (lexicons, knowledge base, gazetteer supplements).

Users extend these files by hand, so they share one forgiving format and one strict error
style: a header row, ``#`` lines as comments, blank lines ignored, values and column names
stripped (names lower-cased), and every row carrying its line number so that an error can
name ``file:line``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import ConfigError


@dataclass(slots=True)
class CsvTable:
    header: list[str]  # column names, stripped and lower-cased; empty for an empty file
    rows: list[tuple[int, dict[str, str]]]  # (line number in the file, column -> value)


def read_csv_table(path: Path, what: str = "data file") -> CsvTable:
    """The header and data rows of one CSV data file; ``what`` names it in errors."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read {what} ({exc})") from exc
    numbered = [
        (n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.lstrip().startswith("#")
    ]
    try:
        parsed = list(csv.reader(line for _, line in numbered))
    except csv.Error as exc:
        raise ConfigError(f"{path}: cannot read {what} ({exc})") from exc
    if not parsed:
        return CsvTable([], [])
    header = [name.strip().lower() for name in parsed[0]]
    rows = [
        (line_no, dict(zip(header, (value.strip() for value in values), strict=False)))
        for (line_no, _), values in zip(numbered[1:], parsed[1:], strict=True)
    ]
    return CsvTable(header, rows)
