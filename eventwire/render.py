"""Human-readable renderings of analyses and query results for the terminal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventwire.models import Analysis, Mention

MAX_CELL = 60


def analysis_summary(analysis: Analysis) -> str:
    """A short, readable account of one article: parts, quotes, sources and events."""
    art = analysis.article
    lines = [f"== {art.id}  ({art.origin})"]
    for label, value in (
        ("title", art.title), ("image slug", art.image_slug), ("caption", art.caption),
        ("photo credit", art.photo_credit), ("published", art.published),
        ("language", art.language),
    ):  # fmt: skip
        if value:
            lines.append(f"   {label:<13} {_clip(str(value), 100)}")
    for warning in art.warnings:
        lines.append(f"   warning       {warning}")
    lines.append(
        f"   found         {len(analysis.entities)} entities, {len(analysis.actors)} actors, "
        f"{len(analysis.places)} places, {len(analysis.quotes)} quotes, "
        f"{len(analysis.events)} events"
    )
    if analysis.cited_sources:
        lines.append("   cites         " + ", ".join(s.name for s in analysis.cited_sources))
    for quote in analysis.quotes:
        speaker = _who(quote.speaker)
        via = f" (via {quote.reported_by})" if quote.reported_by else ""
        lines.append(f"   quote         {speaker}{via}: \u201c{_clip(quote.text, 70)}\u201d")
    for event in analysis.events:
        where = f" in {event.place.name}" if event.place else ""
        when = f" on {event.date}" if event.date else ""
        hedged = ", alleged" if event.alleged and event.modality.value != "alleged" else ""
        if event.section.value != "body":
            hedged += f", {event.section.value} only"  # a photo caption is not the story
        reports = f" x{1 + len(event.mentions)}" if event.mentions else ""  # headline, recaps
        lines.append(
            f"   event         {event.type:<9} {_who(event.source)} -> {_who(event.target)}"
            f" [{event.modality.value}{hedged}]{when}{where} {event.confidence:.2f}{reports}"
            f"  \u00ab{_clip(event.evidence.text, 60)}\u00bb"
        )
    return "\n".join(lines)


def table(names: Sequence[str], rows: Sequence[Sequence[Any]], max_cell: int | None = MAX_CELL) -> str:
    """A plain text table, cells on one line each, clipped to ``max_cell`` characters (None: never)."""
    cells = [[_clip("" if v is None else str(v), max_cell) for v in row] for row in rows]
    widths = [len(n) for n in names]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    out = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))]
    out.append("  ".join("-" * w for w in widths))
    out.extend("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells)
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _who(mention: Mention | None) -> str:
    if mention is None:
        return "?"
    return mention.text if not mention.actor else f"{mention.text} [{mention.actor}]"


def _clip(text: str, width: int | None) -> str:
    text = " ".join(text.split())
    return text if width is None or len(text) <= width else text[: width - 1] + "\u2026"
