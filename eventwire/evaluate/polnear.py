"""Reading PolNeAR (Political News Attribution Relations): texts and brat attribution files.

Layout of a split: ``<split>/text/<name>.txt`` and ``<split>/attributions/<name>_<ann>.ann``
where ``<ann>`` is a 4-hex-digit annotator code. Some articles were annotated by several
annotators; the version used is the one with the smallest annotator code (a fixed,
content-blind choice). Each ``E`` line of a ``.ann`` file is one attribution linking
``Source`` (absent for ``Attribution-no-source``), ``Cue`` and ``Content`` text-bound
spans; a span may be discontinuous (``start end;start end``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import InputError

Ranges = tuple[tuple[int, int], ...]
_ANNOTATOR = re.compile(r"^(?P<name>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One attribution: character ranges into the raw text of its article."""

    content: Ranges
    cue: Ranges
    source: Ranges = ()


@dataclass(slots=True)
class GoldArticle:
    name: str
    text: str  # the raw file text the offsets refer to
    annotator: str
    attributions: list[GoldAttribution] = field(default_factory=list)


def load_split(data: Path, split: str, limit: int | None = None) -> list[GoldArticle]:
    """The articles of one split (sorted by name), each with one annotator's attributions."""
    text_dir, ann_dir = data / split / "text", data / split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(str(data / split), "not a PolNeAR split (expected text/ and attributions/)")
    versions: dict[str, list[tuple[str, Path]]] = {}
    for path in ann_dir.glob("*.ann"):
        match = _ANNOTATOR.match(path.name)
        if match:
            versions.setdefault(match["name"], []).append((match["annotator"], path))
    articles = []
    for text_path in sorted(text_dir.glob("*.txt"))[:limit]:
        choices = sorted(versions.get(text_path.stem, []))
        if not choices:
            continue
        annotator, ann_path = choices[0]
        text = text_path.read_text(encoding="utf-8")
        articles.append(GoldArticle(text_path.stem, text, annotator, read_ann(ann_path)))
    return articles


def read_ann(path: Path) -> list[GoldAttribution]:
    """The attributions of one brat file; a malformed line is an error naming file and line."""
    spans: dict[str, Ranges] = {}
    relations: list[tuple[int, dict[str, str]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split("\t")
        if not line.strip() or len(parts) < 2:
            continue
        try:
            if parts[0].startswith("T"):
                spans[parts[0]] = _ranges(parts[1].split(" ", 1)[1])
            elif parts[0].startswith("E"):
                roles = dict(arg.split(":", 1) for arg in parts[1].split())
                relations.append((number, roles))
        except (ValueError, IndexError):
            raise InputError(f"{path}:{number}", f"malformed brat line {line[:60]!r}") from None
    found = []
    for number, roles in relations:
        content = tuple(r for key in roles if key.startswith("Content") for r in spans.get(roles[key], ()))
        if not content:
            continue
        if any(roles[key] not in spans for key in roles if key in ("Cue", "Source")):
            raise InputError(f"{path}:{number}", "relation names a span that is not defined")
        cue = spans.get(roles.get("Cue", ""), ())
        source = spans.get(roles.get("Source", ""), ())
        found.append(GoldAttribution(content, cue, source))
    return found


def _ranges(field_text: str) -> Ranges:
    return tuple((int(a), int(b)) for a, b in (part.split() for part in field_text.split(";")))
