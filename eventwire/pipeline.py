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
from eventwire.extract.argument_ranker import ArgumentRankerStage
from eventwire.extract.entities import EntityStage
from eventwire.extract.event_scorer import EventScorerStage
from eventwire.extract.events import EventStage
from eventwire.extract.quotes import QuoteFoldStage, QuoteStage
from eventwire.ingest.build import build_article
from eventwire.ingest.language import detect_language, warm_detector
from eventwire.models import Analysis, Article
from eventwire.nlp import SectionParser, load_candidate_finder, load_model
from eventwire.resolve.actors import ActorStage
from eventwire.resolve.described import DescribedActorStage
from eventwire.resolve.event_coref import EventCorefStage
from eventwire.resolve.grounding import GroundingStage
from eventwire.resolve.implicit_args import ImplicitArgsStage
from eventwire.resolve.implied_doers import ImpliedDoersStage
from eventwire.resolve.judges import JudgeSidesStage
from eventwire.resolve.office_holders import OfficeHolderStage
from eventwire.resolve.places import PlaceStage
from eventwire.resolve.self_directed import SelfDirectedStage
from eventwire.resolve.story_dates import StoryDateStage
from eventwire.resolve.story_targets import StoryTargetStage


class Stage(Protocol):
    name: str

    def __call__(self, analysis: Analysis) -> Analysis: ...


StageFactory = Callable[[PipelineConfig], Stage]
# Called with an article that made a step raise, the step's name and the exception.
ErrorHandler = Callable[[Article, str, Exception], None]

# The per-article stages, in order. Each reads what earlier ones wrote.
STAGES: list[StageFactory] = [
    EntityStage,  # docs -> entities
    ActorStage,  # docs -> actors; ActorStage.link resolves any span for later stages
    PlaceStage,  # entities, docs -> places (gazetteer records)
    QuoteStage,  # docs, actors -> quotes, cited_sources
    EventStage,  # docs, actors, quotes -> events
    ArgumentRankerStage,  # events, docs, actors -> each side re-decided among the sentence's actors
    GroundingStage,  # events, places, entities -> each event's place and date
    ImplicitArgsStage,  # events -> targets the discourse gives ("condemned the killing", "X refused")
    ImpliedDoersStage,  # events -> doers the discourse implies ("Moyo was also arrested", "... was freed")
    JudgeSidesStage,  # events -> no judge as a side of the act judged ("condemned the arrest of X")
    EventCorefStage,  # events -> one event per act, with its other mentions
    EventScorerStage,  # events, actors -> calibrated confidence; drops events under the threshold
    StoryTargetStage,  # events, actors -> the story's state as the addressee of a statement aimed at no one
    StoryDateStage,  # events, docs, entities -> the story's day for acts told without a date
    OfficeHolderStage,  # events, actors -> "Greek premier": the one person the article gives that office
    DescribedActorStage,  # events, actors -> "the prime minister": the one named actor the article titles so
    SelfDirectedStage,  # events -> one side emptied where both name one person or group
    QuoteFoldStage,  # quotes, events -> a reported clause's own quoted words folded into it
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

    def stop_after(self, name: str) -> Pipeline:
        """This pipeline without the stages after the one called ``name``: the event scorer's
        training rows are read as the scorer stage reads its events, before the stages after
        it (story dates, office holders, one-sided acts) change their dates and sides."""
        names = [stage.name for stage in self.stages]
        self.stages = self.stages[: names.index(name) + 1]
        return self

    def analyze(
        self,
        articles: Iterable[Article],
        published: dt.date | None = None,
        on_error: ErrorHandler | None = None,
    ) -> Iterator[Analysis]:
        """Analyses in input order; ``published`` fills in articles that carry no date."""
        iterator = iter(articles)
        while batch := list(islice(iterator, self.config.batch_size)):
            yield from self.analyze_batch(batch, published, on_error)

    def analyze_batch(
        self, articles: list[Article], published: dt.date | None = None, on_error: ErrorHandler | None = None
    ) -> list[Analysis]:
        """Analyses of ``articles`` in order. With ``on_error``, an article that makes a step
        raise is handed to it and left out, and the rest of the batch goes on; without, the
        exception propagates (callers that retry article by article rely on that)."""
        analyses = [Analysis(article) for article in articles]
        with self._timed("language"):
            analyses = _each("language", analyses, lambda a: self._prepare(a, published), on_error)
        with self._timed("nlp"):
            analyses = self._parse(analyses, on_error)
        for stage in self.stages:
            with self._timed(stage.name):
                analyses = _each(stage.name, analyses, stage, on_error)
        return analyses

    def forget(self, analyses: Iterable[Analysis]) -> None:
        """Drop what stages keep about ``analyses`` to link their spans later (ActorStage):
        for callers done with them, such as a worker that has dropped their Docs."""
        for stage in self.stages:
            forget = getattr(stage, "forget", None)
            if forget is not None:
                forget(analyses)

    def _parse(self, analyses: list[Analysis], on_error: ErrorHandler | None) -> list[Analysis]:
        """spaCy over the batch; if it fails and errors are handled, article by article."""
        try:
            self.parser.parse(analyses, self.config.spacy_batch_size)
            return analyses
        except Exception:
            if on_error is None:
                raise
        for analysis in analyses:
            analysis.docs = []

        def parse_one(analysis: Analysis) -> Analysis:
            self.parser.parse([analysis], self.config.spacy_batch_size)
            return analysis

        return _each("nlp", analyses, parse_one, on_error)

    def analyze_text(self, text: str, published: dt.date | None = None, **meta: str) -> Analysis:
        """Convenience for one text: ``Pipeline().analyze_text(story, published=date(2015, 7, 1))``."""
        article = build_article(text, meta.get("id", "<text>"), meta)
        return self.analyze_batch([article], published)[0]

    def warm_up(self) -> None:
        """Build what is built lazily before the first timed analysis: one article through
        every stage, and the language detector's models, which a plainly English text never
        touches (lingua loads them on its first call: seconds, longer than a served
        request's time limit)."""
        from eventwire.parallel import WARMUP_TEXT

        self.analyze_text(WARMUP_TEXT)
        warm_detector(self.config.languages)

    def _prepare(self, analysis: Analysis, published: dt.date | None) -> Analysis:
        article = analysis.article
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
        return analysis

    def _timed(self, name: str) -> _Timer:
        return _Timer(self.timings, name)


def _each(
    name: str, analyses: list[Analysis], step: Callable[[Analysis], Analysis], on_error: ErrorHandler | None
) -> list[Analysis]:
    """``step`` over each analysis; with ``on_error``, one that raises is reported and dropped."""
    if on_error is None:
        return [step(analysis) for analysis in analyses]
    kept = []
    for analysis in analyses:
        try:
            kept.append(step(analysis))
        except Exception as exc:  # noqa: BLE001 - per-record isolation: any bug in a stage
            analysis.docs = []
            on_error(analysis.article, name, exc)
    return kept


class _Timer:
    def __init__(self, sink: dict[str, float], name: str) -> None:
        self.sink, self.name = sink, name

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.sink[self.name] += time.perf_counter() - self.start
