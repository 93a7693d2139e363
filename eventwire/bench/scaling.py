"""How each stage's time grows with one article's length (``eventwire bench --scaling``).

One article of N sentences, all in one paragraph (the hardest case: no paragraph bounds any
search), made of the bundled examples' body sentences in turn, is analysed at each size;
each stage's seconds are printed with its time per 1,000 sentences and how that changed
from the size before (about 1.0 where the stage is linear, 10 where it is quadratic and
the sizes grow tenfold). The article is built without the reading limit
(``MAX_ARTICLE_CHARS``) and spaCy's ``max_length`` is raised to fit, so sizes past what
``ingest`` analyses can be timed. :func:`run_stage_scaling` leaves spaCy out: the sentences are
parsed once and their Doc repeated, so that the stages alone can be timed (CPU seconds, with
the garbage collector off, as ``timeit`` does) at thousands of sentences in seconds
(``tests/test_scaling.py``).
"""

from __future__ import annotations

import gc
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from eventwire.bench.corpus import EXAMPLES_DIR, load_english_articles
from eventwire.config import PipelineConfig
from eventwire.ingest.build import build_article

SIZES = (100, 1_000, 10_000)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(slots=True)
class ScalePoint:
    sentences: int
    chars: int
    seconds: dict[str, float] = field(default_factory=dict)  # stage -> seconds


def sentences() -> list[str]:
    """Body sentences of the bundled English examples (at least four words each), in order."""
    found: list[str] = []
    for article in load_english_articles(EXAMPLES_DIR):
        parts = _SENTENCE_END.split(article.body.replace("\n", " "))
        found += [s.strip() for s in parts if len(s.split()) >= 4]
    return found


def long_text(count: int, pool: list[str]) -> str:
    return "Long report\n\n" + " ".join(pool[i % len(pool)] for i in range(count))


def run_scaling(
    sizes: tuple[int, ...] = SIZES, model: str = "md", progress: Callable[[str], None] = lambda line: None
) -> list[ScalePoint]:
    """Stage seconds for one article at each size (one pipeline, loaded once, warmed up)."""
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline(PipelineConfig(model=model))
    pool = sentences()
    pipeline.analyze_text(long_text(20, pool))  # warm-up: lazily built parts
    points = []
    clock = pipeline.timings = FullCollections()
    gc.callbacks.append(clock.observe)
    try:
        for size in sizes:
            progress(f"scaling: {size:,} sentences")
            text = long_text(size, pool)
            article = build_article(text, f"<scaling {size}>", max_chars=len(text) + 1)
            pipeline.nlp.max_length = max(pipeline.nlp.max_length, len(text) + 1)
            clock.clear()
            start = time.perf_counter()
            pipeline.analyze_batch([article])
            seconds = {name: round(value, 3) for name, value in clock.items() if name != "gc"}
            seconds["gc"] = round(clock.get("gc", 0.0), 3)  # full collections, apart from the stages
            seconds["total"] = round(time.perf_counter() - start, 3)
            points.append(ScalePoint(size, len(text), seconds))
    finally:
        gc.callbacks.remove(clock.observe)
    return points


class FullCollections(dict[str, float]):
    """Stage seconds (as ``Pipeline.timings`` keeps them) with the garbage collector's full
    passes moved to a ``gc`` row of their own. A full pass sweeps every live object, the
    whole article's parse and every stage's output, so its cost follows the article, not the
    stage it happens to interrupt: at 10,000 sentences one pass (0.3 s) inside
    ``implicit_args`` read as that stage growing 4.8x, where its own work grows 1.1x."""

    def __init__(self) -> None:
        super().__init__()
        self.pending = 0.0  # full passes' seconds since the last stage ended
        self._began = 0.0

    def observe(self, phase: str, info: dict[str, int]) -> None:
        """A ``gc.callbacks`` hook: times each full (generation 2) pass."""
        if info.get("generation") != 2:
            return
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self.pending += time.perf_counter() - self._began

    def __setitem__(self, stage: str, seconds: float) -> None:
        """A stage's seconds as it ends (``Pipeline``'s timer adds them), less the full passes
        that ran in it, which go to ``gc``."""
        super().__setitem__(stage, seconds - self.pending)
        super().__setitem__("gc", self.get("gc", 0.0) + self.pending)
        self.pending = 0.0

    def __missing__(self, stage: str) -> float:
        return 0.0  # a stage not timed yet (the timer adds to it); nothing is stored

    def clear(self) -> None:
        super().clear()
        self.pending = 0.0


def run_stage_scaling(copies: tuple[int, ...], model: str = "sm", repeats: int = 1) -> list[ScalePoint]:
    """Each stage's CPU seconds (spaCy left out) on articles of the sentences ``copies`` times
    over: the body of one copy is parsed once and its Doc repeated (``Doc.from_docs``). With
    ``repeats`` above one each size is analysed that many times and each stage keeps its
    least time, as ``timeit`` reports its best run: a page-fault burst or another process
    only ever adds time, so the least is the nearest to the stage's own work."""
    from spacy.tokens import Doc

    from eventwire.models import Analysis, Section
    from eventwire.nlp.parse import SectionDoc
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline(PipelineConfig(model=model))
    pool = sentences()
    once = pipeline.analyze_batch([build_article(long_text(len(pool), pool), "<scaling once>")])[0]  # warm-up
    points = []
    for count in copies:
        text = long_text(count * len(pool), pool)
        least: dict[str, float] = {}
        for _ in range(max(1, repeats)):
            analysis = Analysis(build_article(text, f"<scaling {count} copies>", max_chars=len(text) + 1))
            analysis.article.language = once.article.language
            for parsed in once.docs:
                body = parsed.section is Section.BODY
                doc = Doc.from_docs([parsed.doc] * count, ensure_whitespace=True) if body else parsed.doc
                start, end = analysis.article.sections[parsed.section.value]
                if doc.text != text[start:end]:  # (this also makes spaCy's Token objects, once per Doc)
                    raise ValueError(f"repeated {parsed.section.value} Doc does not match the text")
                analysis.docs.append(SectionDoc(parsed.section, doc, start))
            for stage in pipeline.stages:  # CPU seconds: what other processes do weighs less
                seconds, analysis = _timed(stage, analysis)
                least[stage.name] = min(seconds, least.get(stage.name, seconds))
        points.append(ScalePoint(count * len(pool), len(text), least))
    return points


def _timed(stage: Any, analysis: Any) -> tuple[float, Any]:
    """CPU seconds of one stage with the garbage collector off, as ``timeit`` times code: a
    collection sweeps every live object, so its cost follows the size of the whole heap (the
    article's parse and every earlier stage's output), not the stage's own work. With it on,
    a linear stage that allocates read 1.8x per sentence from 284 to 5,680 sentences, and
    0.94x with it off."""
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        start_time = time.process_time()
        analysis = stage(analysis)
        return round(time.process_time() - start_time, 4), analysis
    finally:
        if enabled:
            gc.enable()


def render(points: list[ScalePoint]) -> str:
    """Seconds per stage and size, then each stage's ms per 1,000 sentences' growth."""
    from eventwire.render import table

    stages = list(points[0].seconds) if points else []
    names = ["stage", *(f"{p.sentences:,} sent. s" for p in points), "s per 1k sent. (largest)", "growth"]
    rows = []
    for stage in stages:
        per_k = [p.seconds.get(stage, 0.0) * 1000 / p.sentences for p in points]
        growth = [b / a if a > 0.001 else None for a, b in zip(per_k, per_k[1:], strict=False)]
        shown = " ".join("-" if g is None else f"{g:.1f}x" for g in growth)
        rows.append([stage, *(f"{p.seconds.get(stage, 0.0):.2f}" for p in points), f"{per_k[-1]:.3f}", shown])
    chars = ", ".join(f"{p.sentences:,} sentences = {p.chars:,} chars" for p in points)
    footer = (
        f"one article in one paragraph ({chars}); growth: time per sentence at each size over the "
        "size before (1.0x: linear)"
    )
    return table(names, rows, max_cell=None) + "\n" + footer


def as_dict(points: list[ScalePoint]) -> list[dict[str, Any]]:
    return [{"sentences": p.sentences, "chars": p.chars, "seconds": p.seconds} for p in points]
