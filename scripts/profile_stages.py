"""CPU time of each pipeline stage after spaCy, steadier than ``eventwire bench`` on a busy machine.

Parses a fixed set of articles once (the train gold articles and the bench corpus), then
runs the per-article stages over fresh copies of the parsed Docs several times, timing each
stage with ``time.process_time()`` (CPU seconds of this process, so other load on the machine
matters less than for wall time) and keeping each stage's fastest repeat. As in a worker
(eventwire/parallel.py), the parsed articles are frozen out of the cyclic garbage collector's
reach and each batch runs with the collector paused, collected after it: its passes were
7-9% of the stage times here and landed on whichever stage allocated. Optionally profiles
one stage with cProfile, or writes every analysis as JSON to check that a change leaves the
outputs byte-identical::

    PYTHONPATH=$PWD python scripts/profile_stages.py --repeats 3
    PYTHONPATH=$PWD python scripts/profile_stages.py --repeats 1 --profile events,quotes --top 40
    PYTHONPATH=$PWD python scripts/profile_stages.py --repeats 1 --sample events,quotes --top 40
    PYTHONPATH=$PWD python scripts/profile_stages.py --repeats 1 --dump /tmp/out.json
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import gc
import json
import pstats
import signal
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import Any

from eventwire.bench.corpus import build_corpus
from eventwire.evaluate.articles import load_gold
from eventwire.ingest import build_article
from eventwire.models import Analysis, Article
from eventwire.nlp import SectionDoc
from eventwire.parallel import collector_paused, settle_heap
from eventwire.pipeline import Pipeline

GOLD = Path(__file__).resolve().parents[1] / "eval" / "articles"


def articles(split: str, bench: int) -> list[Article]:
    """The gold articles of ``split`` (as ``evaluate articles`` builds them) and ``bench`` corpus ones."""
    gold = load_gold(GOLD, split) if split else []
    meta = ({"id": g.id, "published": g.published, "outlet": g.outlet, "url": g.source_url} for g in gold)
    found = [build_article(g.text, f"gold:{g.id}", m) for g, m in zip(gold, meta, strict=True)]
    return found + (build_corpus(bench) if bench else [])


def parsed(pipeline: Pipeline, batch: list[Article]) -> list[Analysis]:
    """Analyses after the ``language`` and ``nlp`` steps, the stages' input."""
    analyses = [Analysis(article) for article in batch]
    for analysis in analyses:
        pipeline._prepare(analysis, None)
    size = pipeline.config.batch_size
    for start in range(0, len(analyses), size):
        pipeline.parser.parse(analyses[start : start + size], pipeline.config.spacy_batch_size)
    return analyses


def fresh(analyses: list[Analysis]) -> list[Analysis]:
    """New analyses over copies of the parsed Docs (stages cache per Doc; they must start cold)."""
    out = []
    for analysis in analyses:
        art = analysis.article
        fields = (f for f in dataclasses.fields(art) if f.init)
        article = Article(**{f.name: getattr(art, f.name) for f in fields})
        article.warnings = list(art.warnings)
        docs = [SectionDoc(d.section, d.doc.copy(), d.offset, d.source) for d in analysis.docs]
        out.append(Analysis(article, docs))
    return out


class Sampler:
    """A statistical profiler: every ``interval`` CPU seconds (SIGPROF) it counts the running
    function (self) and each function on the stack (inclusive). Unlike cProfile it adds no
    cost per call, which overstates code that makes many small calls (each ``doc[i]``)."""

    def __init__(self, interval: float = 0.001) -> None:
        self.interval = interval
        self.own: Counter[str] = Counter()
        self.inclusive: Counter[str] = Counter()
        self.samples = 0

    def _tick(self, _signum: int, frame: FrameType | None) -> None:
        self.samples += 1
        seen = set()
        if frame is not None:
            self.own[_where(frame)] += 1
        while frame is not None:
            name = _where(frame)
            if name not in seen:
                seen.add(name)
                self.inclusive[name] += 1
            frame = frame.f_back

    def enable(self) -> None:
        signal.signal(signal.SIGPROF, self._tick)
        signal.setitimer(signal.ITIMER_PROF, self.interval, self.interval)

    def disable(self) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)

    def report(self, top: int) -> None:
        for title, counts in (("self", self.own), ("inclusive", self.inclusive)):
            print(f"-- {title} (% of {self.samples} samples)")
            for name, n in counts.most_common(top):
                print(f"{100 * n / max(1, self.samples):6.1f}  {name}")


def _where(frame: FrameType) -> str:
    code = frame.f_code
    path = code.co_filename
    path = path[path.find("eventwire/") :] if "eventwire/" in path else path.rsplit("/", 1)[-1]
    return f"{path}:{code.co_firstlineno}({code.co_name})"


def run_stages(
    pipeline: Pipeline, analyses: list[Analysis], profile: Sequence[str] = (), sample: Sequence[str] = ()
) -> tuple[dict[str, float], list[Analysis], dict[str, Any]]:
    """Each stage over every analysis, batch by batch as the pipeline does; CPU seconds per
    stage, and a cProfile of each stage named in ``profile`` (a :class:`Sampler` for ``sample``)."""
    times: dict[str, float] = defaultdict(float)
    profilers: dict[str, Any] = {name: cProfile.Profile() for name in profile}
    profilers |= {name: Sampler() for name in sample}
    size = pipeline.config.batch_size
    for start in range(0, len(analyses), size):
        batch = analyses[start : start + size]
        with collector_paused():  # as a worker analyses a chunk (eventwire/parallel.py)
            for stage in pipeline.stages:
                profiler = profilers.get(stage.name)
                began = time.process_time()
                if profiler is not None:
                    profiler.enable()
                batch = [stage(a) for a in batch]
                if profiler is not None:
                    profiler.disable()
                times[stage.name] += time.process_time() - began
        gc.collect()
        analyses[start : start + size] = batch
    pipeline.forget(analyses)
    return dict(times), analyses, profilers


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--split", default="train", help="gold split to include ('' for none)")
    parser.add_argument("--bench", type=int, default=200, help="bench corpus articles to include")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--profile", default="", help="stages to profile with cProfile, comma-separated")
    parser.add_argument("--sample", default="", help="stage names to profile by sampling, comma-separated")
    parser.add_argument("--top", type=int, default=30, help="rows of the profile to print")
    parser.add_argument("--sort", default="cumulative", help="profile sort key (cumulative, tottime)")
    parser.add_argument("--save", type=Path, help="also write each profile to SAVE/STAGE.prof (for pstats)")
    parser.add_argument("--dump", type=Path, help="write every analysis (first repeat) here as JSON")
    args = parser.parse_args()

    pipeline = Pipeline()
    pipeline.warm_up()
    batch = articles(args.split, args.bench)
    began = time.process_time()
    base = parsed(pipeline, batch)
    print(f"{len(base)} articles parsed in {time.process_time() - began:.1f} CPU s")
    settle_heap()  # what lives on is out of the collector's reach, as in a worker
    best: dict[str, float] = {}
    for repeat in range(args.repeats):
        profile = [n for n in args.profile.split(",") if n] if repeat == 0 else []
        sample = [n for n in args.sample.split(",") if n] if repeat == 0 else []
        times, done, profilers = run_stages(pipeline, fresh(base), profile, sample)
        best = {k: min(v, best.get(k, v)) for k, v in times.items()}
        print(f"repeat {repeat + 1}: {sum(times.values()):.2f} CPU s")
        if repeat == 0 and args.dump:
            extra = ({"features": a.features, "signature": (a.signature or b"").hex()} for a in done)
            records = [a.to_dict() | more for a, more in zip(done, extra, strict=True)]
            args.dump.write_text(json.dumps(records, ensure_ascii=False, sort_keys=True, default=str))
        for name, profiler in profilers.items():
            print(f"==== profile of {name}")
            if isinstance(profiler, Sampler):
                profiler.report(args.top)
                continue
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                profiler.dump_stats(args.save / f"{name}.prof")
            pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.top)
    print(f"{'stage':<16} {'CPU s (best)':>12}")
    for name, seconds in sorted(best.items(), key=lambda kv: -kv[1]):
        print(f"{name:<16} {seconds:>12.3f}")
    print(f"{'total':<16} {sum(best.values()):>12.3f}")


if __name__ == "__main__":
    main()
