"""The eventwire pipeline, in one place.

    ingest -> language -> nlp -> extract -> resolve -> (dedup, store)

Reading (``eventwire.ingest``) yields :class:`Article` records; the
:class:`Pipeline` detects their language, parses English ones with spaCy in
batches, then runs the ordered ``STAGES`` below over each :class:`Analysis`.
Deduplication and storage work across articles and live in ``eventwire.store``
and ``eventwire.dedup``. Each stage is a small class: built once per process
from the config (loading its data files), then called as ``Analysis -> Analysis``.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Protocol

from eventwire.config import PipelineConfig
from eventwire.dedup.fingerprint import FingerprintStage
from eventwire.extract.entities import EntityStage
from eventwire.extract.event_scorer import EventScorerStage
from eventwire.extract.events import EventStage
from eventwire.extract.quotes import QuoteStage
from eventwire.ingest.build import build_article
from eventwire.ingest.language import detect_language
from eventwire.models import Analysis, Article
from eventwire.nlp import SectionParser, load_candidate_finder, load_model
from eventwire.resolve.actors import ActorStage
from eventwire.resolve.event_coref import EventCorefStage
from eventwire.resolve.grounding import GroundingStage
from eventwire.resolve.places import PlaceStage


class Stage(Protocol):
    name: str

    def __call__(self, analysis: Analysis) -> Analysis: ...


StageFactory = Callable[[PipelineConfig], Stage]

# The per-article stages, in order. Each reads what earlier ones wrote.
STAGES: list[StageFactory] = [
    EntityStage,  # docs -> entities
    ActorStage,  # docs -> actors; ActorStage.link resolves any span for later stages
    PlaceStage,  # entities, docs -> places (gazetteer records)
    QuoteStage,  # docs, actors -> quotes, cited_sources
    EventStage,  # docs, actors, quotes -> events
    GroundingStage,  # events, places, entities -> each event's place and date
    EventCorefStage,  # events -> one event per act, with its other mentions
    EventScorerStage,  # events, actors -> calibrated confidence; drops events under the threshold
    FingerprintStage,  # (keep last) body, docs, actors, places, events -> features, signature
]


class Pipeline:
    """Loads the model and every stage's data once; analyses articles in batches."""

    def __init__(self, config: PipelineConfig | None = None) -> None:
        self.config = config or PipelineConfig()
        self.nlp = load_model(self.config.model)
        finder = load_candidate_finder(self.nlp) if self.config.selective_parse else None
        self.parser = SectionParser(self.nlp, finder)
        self.stages: list[Stage] = [factory(self.config) for factory in STAGES]
        self.timings: dict[str, float] = defaultdict(float)

    def analyze(self, articles: Iterable[Article], published: dt.date | None = None) -> Iterator[Analysis]:
        """Analyses in input order; ``published`` fills in articles that carry no date."""
        iterator = iter(articles)
        while batch := list(islice(iterator, self.config.batch_size)):
            yield from self.analyze_batch(batch, published)

    def analyze_batch(self, articles: list[Article], published: dt.date | None = None) -> list[Analysis]:
        analyses = [Analysis(article) for article in articles]
        with self._timed("language"):
            for analysis in analyses:
                self._prepare(analysis.article, published)
        with self._timed("nlp"):
            self.parser.parse(analyses, self.config.spacy_batch_size)
        for stage in self.stages:
            with self._timed(stage.name):
                analyses = [stage(analysis) for analysis in analyses]
        return analyses

    def analyze_text(self, text: str, published: dt.date | None = None, **meta: str) -> Analysis:
        """Convenience for one text: ``Pipeline().analyze_text(story, published=date(2015, 7, 1))``."""
        article = build_article(text, meta.get("id", "<text>"), meta)
        return self.analyze_batch([article], published)[0]

    def _prepare(self, article: Article, published: dt.date | None) -> None:
        if article.published is None and published is not None:
            article.published = published
        detected = detect_language(article.body, self.config.languages)
        if article.language is None:
            article.language = detected or "en"
        elif detected and detected != article.language:
            article.warnings.append(
                f"metadata says language {article.language!r} but the text reads as {detected!r}"
            )
        if not article.is_english:
            article.warnings.append(f"language {article.language!r} is not supported yet: stored, not parsed")

    def _timed(self, name: str) -> _Timer:
        return _Timer(self.timings, name)


class _Timer:
    def __init__(self, sink: dict[str, float], name: str) -> None:
        self.sink, self.name = sink, name

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.sink[self.name] += time.perf_counter() - self.start
