"""A simple gold format users can write themselves, for events and quotes.

One JSON object per line (see docs/evaluation.md)::

    {"id": "doc-1", "published": "2024-03-04", "text": "...",
     "events": [{"type": "ACCUSE", "source": "ISR", "target": "hamas",
                 "evidence_contains": "accused Hamas of"}],
     "quotes": [{"starts": "We will not", "speaker": "Israel Katz"}]}

Matching rules. An event is found when a predicted event of the same type has an
evidence span containing ``evidence_contains`` (or overlapping it); without
``evidence_contains``, any predicted event of that type in the document matches once.
A gold actor matches a predicted one when it equals, case-insensitively, the
mention's text, its actor id (``isis``, ``country:ISR``) or its country code. A quote
is found when a predicted quote's text starts with (or contains) ``starts``; its
speaker is right when ``speaker`` matches the predicted speaker as actors do.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventwire.config import PipelineConfig
from eventwire.errors import InputError
from eventwire.evaluate import EvalOptions, EvalReport
from eventwire.evaluate.metrics import PRF, macro_f1, prf_table
from eventwire.ingest import build_article
from eventwire.models import Analysis, Event, Mention, Quote
from eventwire.pipeline import Pipeline

QUOTE_MARKS = "\"'“”‘’ "


def load(path: Path) -> list[dict[str, Any]]:
    """Gold documents; a malformed line is an error naming the file and line."""
    docs = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}", f"malformed JSON ({exc.msg})") from None
            if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
                raise InputError(f"{path}:{number}", "each line needs an object with a 'text' string")
            docs.append(doc)
    return docs


def analyse(docs: list[dict[str, Any]], path: Path, options: EvalOptions) -> list[Analysis]:
    pipeline = Pipeline(PipelineConfig(model=options.model))
    articles = [
        build_article(doc["text"], f"{path}:{doc.get('id', i)}", {**doc, "id": doc.get("id", str(i))})
        for i, doc in enumerate(docs)
    ]
    return list(pipeline.analyze(articles))


def actor_matches(gold: str | None, mention: Mention | None) -> bool:
    if not gold:
        return True
    if mention is None:
        return False
    wanted = gold.strip().lower()
    names = {mention.text.lower(), (mention.actor or "").lower(), (mention.country or "").lower()}
    if mention.actor and mention.actor.startswith("country:"):
        names.add(mention.actor.split(":", 1)[1].lower())
    return wanted in names


def _event_hit(gold: dict[str, Any], event: Event, text: str) -> bool:
    if event.type != gold["type"]:
        return False
    needle = gold.get("evidence_contains")
    if not needle:
        return True
    at = text.find(needle)
    return at >= 0 and event.evidence.start < at + len(needle) and at < event.evidence.end


def score_events(docs: list[dict[str, Any]], analyses: list[Analysis]) -> tuple[dict[str, PRF], PRF, list]:
    """Per-type scores, (type, source, target) triple scores, and the misses."""
    per_type: dict[str, PRF] = {}
    triples = PRF()
    errors = []
    for doc, analysis in zip(docs, analyses, strict=True):
        unused = list(analysis.events)
        for gold in doc.get("events", []):
            scores = per_type.setdefault(gold["type"], PRF())
            hit = next((e for e in unused if _event_hit(gold, e, analysis.article.text)), None)
            if hit is None:
                scores.fn += 1
                triples.fn += 1
                errors.append({"document": doc.get("id"), "missed": gold})
                continue
            unused.remove(hit)
            scores.tp += 1
            if actor_matches(gold.get("source"), hit.source) and actor_matches(
                gold.get("target"), hit.target
            ):
                triples.tp += 1
            else:
                triples.fp += 1
                triples.fn += 1
                errors.append(
                    {"document": doc.get("id"), "wrong_actors": gold, "predicted": _event_dict(hit)}
                )
        for extra in unused:
            per_type.setdefault(extra.type, PRF()).fp += 1
            triples.fp += 1
            errors.append({"document": doc.get("id"), "spurious": _event_dict(extra)})
    return per_type, triples, errors


def _event_dict(event: Event) -> dict[str, Any]:
    return {
        "type": event.type,
        "source": event.source.text if event.source else None,
        "target": event.target.text if event.target else None,
        "evidence": event.evidence.text,
    }


def _quote_hit(gold: dict[str, Any], quote: Quote) -> bool:
    starts = gold["starts"].strip(QUOTE_MARKS)
    return quote.text.strip(QUOTE_MARKS).startswith(starts) or starts in quote.text


def score_quotes(docs: list[dict[str, Any]], analyses: list[Analysis]) -> tuple[PRF, PRF, list]:
    """Quote detection scores, speaker scores (over found quotes), and the misses."""
    found, speakers = PRF(), PRF()
    errors = []
    for doc, analysis in zip(docs, analyses, strict=True):
        unused = list(analysis.quotes)
        for gold in doc.get("quotes", []):
            hit = next((q for q in unused if _quote_hit(gold, q)), None)
            if hit is None:
                found.fn += 1
                errors.append({"document": doc.get("id"), "missed": gold})
                continue
            unused.remove(hit)
            found.tp += 1
            if actor_matches(gold.get("speaker"), hit.speaker):
                speakers.tp += 1
            else:
                speakers.fp += 1
                speakers.fn += 1
                speaker = hit.speaker.text if hit.speaker else None
                errors.append({"document": doc.get("id"), "wrong_speaker": gold, "predicted": speaker})
        found.fp += len(unused)
    return found, speakers, errors


def evaluate(task: str, path: Path, options: EvalOptions) -> EvalReport:
    docs = load(path)[: options.limit]
    analyses = analyse(docs, path, options)
    if task == "events":
        per_type, triples, errors = score_events(docs, analyses)
        total = PRF()
        for scores in per_type.values():
            total.add(scores)
        metrics = {
            "documents": len(docs),
            "events": total.as_dict(),
            "macro_f1": round(macro_f1(per_type), 4),
            "triples": triples.as_dict(),
            "per_type": {k: v.as_dict() for k, v in sorted(per_type.items())},
        }
        rows = {**dict(sorted(per_type.items())), "all types": total, "type+source+target": triples}
        text = prf_table(rows, f"Events on {path} ({len(docs)} documents)")
    else:
        found, speakers, errors = score_quotes(docs, analyses)
        metrics = {"documents": len(docs), "quotes": found.as_dict(), "speakers": speakers.as_dict()}
        text = prf_table({"quotes": found, "speaker (found quotes)": speakers}, f"Quotes on {path}")
    return EvalReport(task, str(path), metrics, text, errors[: options.errors])
