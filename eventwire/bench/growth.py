"""Store growth benchmark: is ingest time per article flat as the database grows?

The NLP cost per article does not depend on the database; what could grow with it
is storing and linking (near-duplicate lookup, story candidates, event merging).
So this benchmark feeds the store synthetic analyses at full speed: article texts
mixed from the sentences of the bundled examples with varied actors, places and
dates, and records with realistic counts of actors, places, quotes and events
drawn from pools of actors and places. It reports ms per article for the batches
around each checkpoint (1k, 10k, 100k articles stored).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire.ingest import build_article, read_sources
from eventwire.models import Actor, Analysis, Article, Event, Mention, Place, Quote, Span
from eventwire.store.database import Store

REPO = Path(__file__).resolve().parents[2]
TEXT_SOURCES = (REPO / "examples", REPO / "eval" / "dedup-dev" / "articles.jsonl")
MIN_SENTENCES = 100
TYPES = ("ASSAULT", "ACCUSE", "THREATEN", "PROTEST", "AGREE", "CONSULT", "COERCE", "AID", "REQUEST")
ARTICLES_PER_DAY = 300
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


@dataclass(slots=True)
class GrowthPoint:
    stored: int  # articles in the store after the measured batches
    ms_per_article: float


def sentence_pool(sources: tuple[Path, ...] = TEXT_SOURCES) -> list[str]:
    """Sentences of the project's own English example articles."""
    sentences: list[str] = []
    for item in read_sources([s for s in sources if s.exists()]):
        if isinstance(item, Article) and item.language in (None, "en"):
            sentences.extend(s.strip() for s in _SENTENCE.split(item.body) if len(s.split()) > 5)
    if len(sentences) < MIN_SENTENCES:
        raise RuntimeError(f"only {len(sentences)} example sentences in {sources}; need {MIN_SENTENCES}")
    return sorted(set(sentences))


def synthetic_articles(count: int, seed: int = 11) -> Iterator[Analysis]:
    """Deterministic stream of varied analyses, ``ARTICLES_PER_DAY`` per publication day."""
    rng = random.Random(seed)
    pool = sentence_pool()
    actors = [f"unk:group-{i}" for i in range(3000)]
    places = [f"geonames:{100000 + i}" for i in range(5000)]
    start = dt.date(2024, 1, 1)
    for i in range(count):
        day = start + dt.timedelta(days=i // ARTICLES_PER_DAY)
        body = " ".join(rng.sample(pool, min(len(pool), 20))) + f" (report {i}, {rng.random():.6f})"
        article = build_article(
            body,
            f"synthetic:{i}",
            {"id": f"syn-{i}", "published": day.isoformat(), "outlet": f"Outlet {i % 80}"},
        )
        yield _fill(Analysis(article), rng, actors, places, day)


def _fill(
    analysis: Analysis, rng: random.Random, actors: list[str], places: list[str], day: dt.date
) -> Analysis:
    text = analysis.article.text
    span = Span(text[:20], 0, 20)
    chosen = rng.sample(actors, 5)
    analysis.actors = [Actor(a, a, "group", mentions=[span]) for a in chosen]
    analysis.places = [Place(p, p, "city", mentions=[span]) for p in rng.sample(places, 3)]
    analysis.quotes = [Quote(text[20:80], 20, 80, True, Mention(chosen[0], 0, 5, chosen[0]))]
    analysis.events = [
        Event(
            type=rng.choice(TYPES), cameo=None, evidence=span, trigger=span,
            source=Mention(chosen[j], 0, 5, chosen[j]), target=Mention(chosen[j + 1], 0, 5, chosen[j + 1]),
            date=day - dt.timedelta(days=rng.randint(0, 2)), confidence=0.7,
        )
        for j in range(3)
    ]  # fmt: skip
    return analysis


def run_growth(
    total: int, checkpoints: list[int], batch_size: int = 64, window: int = 10
) -> list[GrowthPoint]:
    """Ingest ``total`` synthetic articles; time ``window`` batches ending at each checkpoint."""
    points: list[GrowthPoint] = []
    stream = synthetic_articles(total)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "growth.duckdb") as store:
        stored, elapsed, timed = 0, 0.0, 0
        pending = sorted(checkpoints)
        while stored < total:
            batch = [next(stream) for _ in range(min(batch_size, total - stored))]
            measure = pending and stored + len(batch) > pending[0] - window * batch_size
            started = time.perf_counter()
            store.write_batch(batch)
            if measure:
                elapsed += time.perf_counter() - started
                timed += len(batch)
            stored += len(batch)
            if pending and stored >= pending[0]:
                points.append(GrowthPoint(stored, 1000 * elapsed / max(timed, 1)))
                pending.pop(0)
                elapsed, timed = 0.0, 0
    return points
