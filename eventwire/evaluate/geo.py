"""Places and dates evaluation on the hand-annotated set in ``eval/geo-dev``.

Places: the example articles are read and analysed as ``eventwire extract`` would; each
gold mention (its first occurrence in the article) is looked up among the resolved places.
Scores: resolved at all, country right, within 161 km and 50 km of the gold point,
feature type right. Dates: ``resolve_date`` on each gold expression against its
publication date; right when date and precision match (non-dates: nothing returned).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

from eventwire.config import PipelineConfig
from eventwire.evaluate import EvalOptions, EvalReport
from eventwire.ingest import read_sources
from eventwire.models import Article
from eventwire.pipeline import Pipeline
from eventwire.resolve.dates import resolve_date

REPO = Path(__file__).resolve().parents[2]


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def score_places(gold: list[dict[str, Any]], options: EvalOptions) -> tuple[dict[str, Any], list]:
    origins = sorted({g["article"].split(":")[0] for g in gold})
    articles = [a for a in read_sources([REPO / o for o in origins]) if isinstance(a, Article)]
    by_origin = {str(Path(a.origin).relative_to(REPO)): a for a in articles if Path(a.origin).is_absolute()}
    by_origin |= {a.origin: a for a in articles}
    analyses = {a.article.origin: a for a in Pipeline(PipelineConfig(model=options.model)).analyze(articles)}
    counts = {"resolved": 0, "country": 0, "within_161km": 0, "within_50km": 0, "feature_type": 0}
    errors = []
    for item in gold:
        article = by_origin.get(item["article"])
        analysis = analyses.get(article.origin) if article else None
        place = _place_of(analysis, item["mention"], item.get("context")) if analysis else None
        if place is None:
            errors.append({"gold": item, "predicted": None})
            continue
        counts["resolved"] += 1
        right_country = place.country == item["country"]
        counts["country"] += right_country
        counts["feature_type"] += place.feature_type == item["feature_type"]
        distance = km(place.lat, place.lon, item["lat"], item["lon"]) if place.lat is not None else math.inf
        counts["within_161km"] += right_country and distance <= 161
        counts["within_50km"] += right_country and distance <= 50
        if not right_country or distance > 161:
            errors.append({"gold": item, "predicted": {"id": place.id, "country": place.country,
                                                       "km": round(distance)}})  # fmt: skip
    return {k: round(v / len(gold), 4) for k, v in counts.items()} | {"mentions": len(gold)}, errors


def _place_of(analysis: Any, mention: str, context: str | None = None) -> Any:
    """The place resolved at the first occurrence of ``mention`` (inside ``context`` if given)."""
    text = analysis.article.text
    at = text.find(mention, max(text.find(context), 0)) if context else text.find(mention)
    for place in analysis.places:
        if any(s.start <= at < s.end for s in place.mentions):
            return place
    return None


def score_dates(gold: list[dict[str, Any]]) -> tuple[dict[str, Any], list]:
    right, errors = 0, []
    for item in gold:
        date, precision = resolve_date(item["text"], dt.date.fromisoformat(item["published"]), item["past"])
        got = (date.isoformat() if date else None, precision if date else "unknown")
        if got == (item["date"], item["precision"]):
            right += 1
        else:
            errors.append({"gold": item, "predicted": got})
    return {"expressions": len(gold), "accuracy": round(right / len(gold), 4)}, errors


def evaluate(data: Path, options: EvalOptions) -> EvalReport:
    places, place_errors = score_places(_jsonl(data / "places.jsonl"), options)
    dates, date_errors = score_dates(_jsonl(data / "dates.jsonl"))
    text = "\n".join(
        [
            f"Places on {data} ({places['mentions']} gold mentions)",
            *(f"  {k:<14} {v:.3f}" for k, v in places.items() if k != "mentions"),
            f"Dates ({dates['expressions']} expressions): accuracy {dates['accuracy']:.3f}",
        ]
    )
    metrics = {"places": places, "dates": dates}
    return EvalReport("geo", str(data), metrics, text, (place_errors + date_errors)[: options.errors])
