"""Benchmark results as a table for people, or as JSON, with the targets marked PASS/FAIL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.bench.run import BenchResult, Measure

# Issue 7's targets: the md model on 2 cores, ~500-word articles; issue 11 raised the
# floor on the ratio to bare spaCy from 0.7 to 0.8 (the scorer and every rule must be cheap).
TARGET_ARTICLES_PER_S = 25.0
TARGET_PEAK_BYTES = 1.5e9  # 1.5 GB, i.e. 1431 MiB
TARGET_RATIO = 0.8


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    value: float
    limit: float
    at_least: bool  # True: value >= limit passes; False: value <= limit passes
    unit: str

    @property
    def passed(self) -> bool:
        return self.value >= self.limit if self.at_least else self.value <= self.limit

    def as_dict(self) -> dict[str, Any]:
        op = ">=" if self.at_least else "<="
        return {"name": self.name, "value": round(self.value, 3), "target": f"{op} {self.limit:g}",
                "unit": self.unit, "passed": self.passed}  # fmt: skip


def targets(result: BenchResult) -> list[Target]:
    pipeline = result.pipelines[0]
    return [
        Target("pipeline throughput", pipeline.articles_per_s, TARGET_ARTICLES_PER_S, True,
               "articles/s"),
        Target("peak memory (RSS, parent + workers)", pipeline.peak_rss_mb,
               TARGET_PEAK_BYTES / 2**20, False, "MiB"),
        Target("pipeline / bare spaCy throughput", ratio(result), TARGET_RATIO, True, "x"),
    ]  # fmt: skip


def ratio(result: BenchResult) -> float:
    bare = result.bare.articles_per_s
    return result.pipelines[0].articles_per_s / bare if bare else 0.0


def ratio_same_blas(result: BenchResult) -> float | None:
    """The pipeline against bare spaCy multiplying as the pipeline's spaCy does: what the
    stages after spaCy cost, with the pipeline's faster matrix products taken out."""
    bare = result.bare_numpy_blas.articles_per_s if result.bare_numpy_blas else 0.0
    return result.pipelines[0].articles_per_s / bare if bare else None


def as_dict(result: BenchResult) -> dict[str, Any]:
    """The machine-readable form (``eventwire bench --json``)."""
    k = result.options.processes or 1
    return {
        "settings": {
            "model": result.options.model,
            "processes": k,
            "batch_size": result.options.batch_size,
            "spacy_batch_size": result.options.spacy_batch_size,
            "parse": result.options.parse,
            "repeat": result.options.repeat,
        },
        "machine": {**result.machine, "load_after": [round(x, 2) for x in result.load_after or ()]},
        "corpus": result.corpus,
        "bare_spacy": _measure_dict(result.bare, k),
        "bare_spacy_numpy_blas": _measure_dict(result.bare_numpy_blas, k) if result.bare_numpy_blas else None,
        "pipeline": _measure_dict(result.pipelines[0], k),
        "pipelines": [_measure_dict(m, k) for m in result.pipelines],
        "store": _measure_dict(result.store, 1) if result.store else None,
        "ratio": round(ratio(result), 3),
        "ratio_same_blas": None if (same := ratio_same_blas(result)) is None else round(same, 3),
        "targets": [t.as_dict() for t in targets(result)],
    }


def _measure_dict(m: Measure, k: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": m.name,
        "seconds": round(m.seconds, 3),
        "articles_per_s": round(m.articles_per_s, 2),
        "words_per_s": round(m.words_per_s, 1),
        "load_seconds": round(m.load_seconds, 2),
        "peak_rss_mb": round(m.peak_rss_mb, 1),
        "parent_rss_mb": round(m.parent_rss_mb, 1),
        "worker_rss_mb": [round(w, 1) for w in m.worker_rss_mb],
    }
    if m.stages:
        out["stages"] = {name: _stage(m, seconds, k) for name, seconds in m.stages.items()}
    if m.parse_stats:
        out["parse_stats"] = dict(m.parse_stats)
    return out


def _stage(m: Measure, seconds: float, k: int) -> dict[str, float]:
    """A stage's seconds (summed over workers) as the throughput of K workers doing only it."""
    per_worker = seconds / k
    return {
        "seconds": round(seconds, 3),
        "share": round(seconds / sum(m.stages.values()), 3) if m.stages else 0.0,
        "articles_per_s": round(m.articles / per_worker, 1) if per_worker else 0.0,
        "words_per_s": round(m.words / per_worker, 1) if per_worker else 0.0,
    }


def render(result: BenchResult) -> str:
    """The report printed by ``eventwire bench``."""
    data = as_dict(result)
    c, mach, s = data["corpus"], data["machine"], data["settings"]
    lines = [
        f"eventwire bench: {c['articles']} articles, {c['words']:,} words "
        f"({c['words_per_article']:g}/article) from {c['source']}; model {s['model']}, "
        f"{s['processes']} process(es), chunks of {c['chunk_size']} articles, spaCy batches of "
        f"{s['spacy_batch_size']} docs, best of {s['repeat']}",
        f"machine: {mach['cpu']}, {mach['cores']} cores, {mach['ram_gb']} GB RAM; load average "
        f"{_load(mach['load_before'])} before, {_load(mach['load_after'])} after; "
        f"spaCy {mach['spacy']}, Python {mach['python']}",
        "",
    ]
    header = ("", "seconds", "articles/s", "words/s", "peak MiB", "load s", "share")
    rows: list[tuple[str, ...]] = [_row(data["bare_spacy"])]
    if data["bare_spacy_numpy_blas"]:
        rows.append(_row(data["bare_spacy_numpy_blas"]))
    for pipeline in data["pipelines"]:
        rows.append(_row(pipeline))
        for name, st in pipeline.get("stages", {}).items():
            rows.append((f"  {name}", f"{st['seconds']:.2f}", f"{st['articles_per_s']:.1f}",
                         f"{st['words_per_s']:,.0f}", "", "", f"{st['share']:.0%}"))  # fmt: skip
    if data["store"]:
        rows.append(_row(data["store"]))
    lines.append(_table(header, rows))
    lines.append("stage rows: seconds summed over the workers; articles/s and words/s as if "
                 "all workers ran only that stage")  # fmt: skip
    for pipeline in data["pipelines"]:
        lines.append(_parse_line(pipeline))
    lines += ["", f"targets (issues 7 and 11: md model, 2 cores, ~500-word articles); "
              f"pipeline / bare spaCy = {data['ratio']:.2f}"]  # fmt: skip
    if data["ratio_same_blas"] is not None:
        lines[-1] += (f" (against bare spaCy with the pipeline's numpy BLAS, the stages' own cost: "
                      f"{data['ratio_same_blas']:.2f})")  # fmt: skip
    for t in targets(result):
        op = ">=" if t.at_least else "<="
        mark = "PASS" if t.passed else "FAIL"
        lines.append(f"  {mark}  {t.name}: {t.value:,.2f} {t.unit} ({op} {t.limit:,.2f})")
    return "\n".join(lines)


def _row(m: dict[str, Any]) -> tuple[str, ...]:
    return (m["name"], f"{m['seconds']:.2f}", f"{m['articles_per_s']:.1f}",
            f"{m['words_per_s']:,.0f}", f"{m['peak_rss_mb']:,.0f}",
            f"{m['load_seconds']:.1f}" if m["load_seconds"] else "", "")  # fmt: skip


def _parse_line(pipeline: dict[str, Any]) -> str:
    st = pipeline.get("parse_stats") or {}
    tokens, parsed = st.get("tokens", 0), st.get("parsed_tokens", 0)
    share = f"{parsed / tokens:.0%}" if tokens else "n/a"
    sents = st.get("sentences", 0)
    cand = f", {st.get('candidate_sentences', 0) / sents:.0%} of sentences" if sents else ""
    return f"{pipeline['name']}: dependency-parsed {share} of tokens{cand}"


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]

    def fmt(row: tuple[str, ...]) -> str:
        first = row[0].ljust(widths[0])
        return "  ".join([first, *(cell.rjust(w) for cell, w in zip(row[1:], widths[1:], strict=True))])

    return "\n".join([fmt(header), "  ".join("-" * w for w in widths), *map(fmt, rows)])


def _load(values: list[float]) -> str:
    return " ".join(f"{v:.2f}" for v in values)
