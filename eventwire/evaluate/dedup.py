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

Also reported: the same story figures for the two parts of the set (``d*``: written for
the project; ``r*``: real multi-outlet stories rewritten from public reports), the pairs
of articles of different gold stories that share a predicted story (distractors merged),
the pairwise precision of event merges (pairs of found mentions put in one event that gold
keeps apart), and, per language, the linking recall of non-English articles: the share
whose predicted story holds at least one article of their gold story.
"""

from __future__ import annotations

import itertools
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
    language = {r["id"]: r.get("language") or "en" for r in records}

    found, misses = _match_events(gold_events, mention_rows, texts)
    gold_ids = {_key(g): g["event"] for g in gold_events}
    strict = {k: found.get(k, f"unfound:{k}") for k in gold_ids}
    metrics = {
        "articles": len(records),
        "gold_stories": len(set(gold_story.values())),
        "predicted_stories": len(set(predicted_story.values())),
        "stories": _scores(gold_story, predicted_story),
        "stories_by_part": {
            part: _scores({k: v for k, v in gold_story.items() if k.startswith(prefix)}, predicted_story)
            for part, prefix in (("written", "d"), ("real", "r"))
            if any(k.startswith(prefix) for k in gold_story)
        },
        "distractor_pairs_merged": _wrong_pairs(gold_story, predicted_story),
        "linking_recall_by_language": _linking_recall(gold_story, predicted_story, language),
        "gold_event_mentions": len(gold_events),
        "gold_events": len(set(gold_ids.values())),
        "event_mentions_found": len(found),
        "events": _scores(gold_ids, found),
        "events_unfound_as_singletons": _scores(gold_ids, strict),
        "event_merge_pairs": _merge_pairs(gold_ids, found),
    }
    metrics = _rounded(metrics)
    by_language = metrics["linking_recall_by_language"]
    lines = [
        f"Deduplication on {data} ({len(records)} articles, {metrics['gold_stories']} gold stories, "
        f"{metrics['predicted_stories']} predicted)",
        f"{'':<40}{'P':>7}{'R':>7}{'F1':>7}",
        _line("story clusters (B-cubed)", metrics["stories"]),
        *(_line(f"  {part} part", scores) for part, scores in metrics["stories_by_part"].items()),
        _line(f"events, found mentions ({len(found)}/{len(gold_events)})", metrics["events"]),
        _line("events, unfound as singletons", metrics["events_unfound_as_singletons"]),
        f"distractor pairs merged: {metrics['distractor_pairs_merged']}; event merges: "
        f"{metrics['event_merge_pairs']['right']} of {metrics['event_merge_pairs']['merged']} pairs right "
        f"(precision {metrics['event_merge_pairs']['precision']:.3f})",
        "non-English articles linked to their story: "
        + ", ".join(f"{lang} {v['linked']}/{v['articles']}" for lang, v in by_language.items()),
    ]
    text = "\n".join(lines)
    return EvalReport("dedup", str(data), metrics, text, misses[: options.errors])


def _scores(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    precision, recall, f1 = bcubed(gold, predicted)
    return {"precision": precision, "recall": recall, "f1": f1}


def _wrong_pairs(gold: dict[str, str], predicted: dict[str, str]) -> int:
    """Pairs of items that share a predicted cluster but not a gold one."""
    by_pred: dict[str, list[str]] = {}
    for item in gold:
        if item in predicted:
            by_pred.setdefault(predicted[item], []).append(item)
    return sum(gold[a] != gold[b] for items in by_pred.values() for a, b in itertools.combinations(items, 2))


def _merge_pairs(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    """Pairs of found mentions merged into one event, and how many of them gold merges too."""
    by_pred: dict[str, list[str]] = {}
    for item, cluster in predicted.items():
        by_pred.setdefault(cluster, []).append(item)
    pairs = [(a, b) for items in by_pred.values() for a, b in itertools.combinations(items, 2)]
    right = sum(gold[a] == gold[b] for a, b in pairs)
    return {"merged": len(pairs), "right": right, "precision": right / len(pairs) if pairs else 1.0}


def _linking_recall(
    gold: dict[str, str], predicted: dict[str, str], language: dict[str, str]
) -> dict[str, dict[str, float]]:
    """Per language other than English: articles whose gold story has other articles, and how
    many of them share a predicted story with at least one of those."""
    out: dict[str, dict[str, float]] = {}
    for item, lang in sorted(language.items(), key=lambda kv: kv[1]):
        mates = [m for m in gold if gold[m] == gold[item] and m != item]
        if lang == "en" or not mates or item not in predicted:
            continue
        row = out.setdefault(lang, {"articles": 0, "linked": 0})
        row["articles"] += 1
        row["linked"] += any(predicted.get(m) == predicted[item] for m in mates)
    for row in out.values():
        row["recall"] = row["linked"] / row["articles"]
    return out


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
    return f"{label:<40}{scores['precision']:>7.3f}{scores['recall']:>7.3f}{scores['f1']:>7.3f}"


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value
