"""Deduplication evaluation: B-cubed scores of story clusters and of merged events.

Gold format (eval/dedup-dev/README.md): ``articles.jsonl`` (feed records plus a gold
``story`` id) and ``events.jsonl`` (one line per gold event mention: ``article``,
``event`` id, ``type``, ``evidence_contains``). The articles are ingested into a fresh
temporary store, exactly as ``eventwire ingest`` would, and the store's clusters are
compared with the gold ones.

Matching rule for events: a gold mention is found when a stored event mention of the
same article has the gold type and an evidence span overlapping the gold evidence
substring. B-cubed is computed over found mentions; unfound gold mentions are reported
as coverage, and also scored as singletons (the stricter figure).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from eventwire.config import PipelineConfig
from eventwire.evaluate import EvalOptions, EvalReport
from eventwire.evaluate.metrics import bcubed
from eventwire.ingest import build_article
from eventwire.pipeline import Pipeline
from eventwire.store.database import Store


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate(data: Path, options: EvalOptions) -> EvalReport:
    records = load_jsonl(data / "articles.jsonl")[: options.limit]
    gold_events = [e for e in load_jsonl(data / "events.jsonl") if e["article"] in {r["id"] for r in records}]
    pipeline = Pipeline(PipelineConfig(model=options.model))
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "dedup-eval.duckdb") as store:
        articles = [build_article(r["text"], f"{data.name}:{r['id']}", r) for r in records]
        for start in range(0, len(articles), pipeline.config.batch_size):
            batch = articles[start : start + pipeline.config.batch_size]
            store.write_batch(pipeline.analyze_batch(batch))
        _, story_rows = store.query("SELECT id, story_id FROM articles")
        _, mention_rows = store.query(
            "SELECT article_id, event_id, type, evidence_start, evidence_end, evidence FROM event_mentions"
        )
        texts = {a.id: a.text for a in articles}
    predicted_story = {aid: sid for aid, sid in story_rows}
    gold_story = {r["id"]: r["story"] for r in records}
    story_p, story_r, story_f = bcubed(gold_story, predicted_story)

    found, misses = _match_events(gold_events, mention_rows, texts)
    gold_ids = {_key(g): g["event"] for g in gold_events}
    ev_p, ev_r, ev_f = bcubed(gold_ids, found)
    strict = {k: found.get(k, f"unfound:{k}") for k in gold_ids}
    st_p, st_r, st_f = bcubed(gold_ids, strict)
    metrics = {
        "articles": len(records),
        "gold_stories": len(set(gold_story.values())),
        "predicted_stories": len(set(predicted_story.values())),
        "stories": {"precision": story_p, "recall": story_r, "f1": story_f},
        "gold_event_mentions": len(gold_events),
        "gold_events": len(set(gold_ids.values())),
        "event_mentions_found": len(found),
        "events": {"precision": ev_p, "recall": ev_r, "f1": ev_f},
        "events_unfound_as_singletons": {"precision": st_p, "recall": st_r, "f1": st_f},
    }
    metrics = _rounded(metrics)
    text = "\n".join(
        [
            f"Deduplication on {data} ({len(records)} articles, {metrics['gold_stories']} gold stories, "
            f"{metrics['predicted_stories']} predicted)",
            f"{'':<34}{'P':>7}{'R':>7}{'F1':>7}",
            _line("story clusters (B-cubed)", metrics["stories"]),
            _line(f"events, found mentions ({len(found)}/{len(gold_events)})", metrics["events"]),
            _line("events, unfound as singletons", metrics["events_unfound_as_singletons"]),
        ]
    )
    return EvalReport("dedup", str(data), metrics, text, misses[: options.errors])


def _key(gold: dict[str, Any]) -> str:
    return f"{gold['article']}|{gold['evidence_contains']}"


def _match_events(
    gold_events: list[dict[str, Any]], rows: list[tuple], texts: dict[str, str]
) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Gold mention key -> predicted event id, for gold mentions the system found."""
    by_article: dict[str, list[tuple]] = {}
    for row in rows:
        by_article.setdefault(row[0], []).append(row)
    found: dict[str, str] = {}
    misses = []
    for gold in gold_events:
        text = texts.get(gold["article"], "")
        at = text.find(gold["evidence_contains"])
        start, end = at, at + len(gold["evidence_contains"])
        hit = next(
            (
                r[1]
                for r in by_article.get(gold["article"], [])
                if r[2] == gold["type"] and at >= 0 and r[3] < end and start < r[4]
            ),
            None,
        )
        if hit is None:
            predicted = [(r[2], r[5]) for r in by_article.get(gold["article"], [])]
            misses.append({"gold": gold, "predicted_in_article": predicted})
        else:
            found[_key(gold)] = hit
    return found, misses


def _line(label: str, scores: dict[str, float]) -> str:
    return f"{label:<34}{scores['precision']:>7.3f}{scores['recall']:>7.3f}{scores['f1']:>7.3f}"


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value
