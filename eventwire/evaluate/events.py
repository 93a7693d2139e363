"""Event evaluation on the PLOVER Gold Standard Records (``plover_gsr_<split>.json``).

Each record is one news sentence coded with one event: a PLOVER type, source and target
actors (text, country or IGO/NGO code, sector). The sentences are run through the whole
pipeline in batches, exactly as articles are.

Rules, stated:

* Older GSR names are mapped to the 16 current PLOVER types: DEMAND -> REQUEST,
  DISAPPROVE -> ACCUSE, FIGHT -> ASSAULT, INVESTIGATE -> ACCUSE (PLOVER's CAMEO table
  puts CAMEO 09, investigate, under ACCUSE with mode ``investigate``). The DOCUMENT
  record is skipped. Three pre-ISO country codes of the GSR are read as ISO 3166:
  JAP -> JPN, ITL -> ITA, VTN -> VNM.
* The predicted event of a record is its main event: of the body's events, those of the
  main clause first (a GSR record codes the sentence's main event; an act told in an
  adverbial, relative or participle clause, "one day after a jet shot down a helicopter",
  "..., killing one and arresting five", is background to it), then the highest
  confidence, then the earliest trigger; a record with none is predicted ``NONE``.
* Type accuracy and macro-F1 compare that event's type with the gold type (macro-F1 is the
  mean F1 over the labels occurring in gold or predictions, ``NONE`` included).
* Triples: the predicted (type, source code, target code) is correct when the type is the
  gold type, the source code is one of the gold source codes, and the target code is one
  of the gold target codes; an empty gold side matches only an empty prediction. A
  mention's code is ``IGO``/``NGO`` for international and non-governmental organisations,
  ``IMG`` for armed groups with no country (CAMEO's international militarised groups),
  else its country (ISO3). An event with no target actor takes the country of the place
  the sentence names for it ("demonstrated in Kirkuk" -> IRQ), as CAMEO coders code
  location when no one is targeted; eventwire itself never makes a place a target actor.
  Precision is over records with a prediction, recall over all records.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.config import PipelineConfig
from eventwire.evaluate import EvalOptions, EvalReport
from eventwire.evaluate.metrics import PRF, confusion, confusion_table, macro_f1, per_class_prf, prf_table
from eventwire.ingest import build_article
from eventwire.models import Analysis, Event, Mention, Section
from eventwire.pipeline import Pipeline
from eventwire.resolve.actors import resolver_for

OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
NONE = "NONE"


def load_records(data: Path, split: str) -> list[dict[str, Any]]:
    path = data / f"plover_gsr_{split}.json" if data.is_dir() else data
    if not path.is_file():
        raise FileNotFoundError(f"{path}: PLOVER GSR file not found (expected plover_gsr_{split}.json)")
    records = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") != "DOCUMENT" and r.get("text")]


def gold_codes(side: Any) -> set[str]:
    """The codes of a GSR source/target field (a list of actors, or empty)."""
    if not isinstance(side, list):
        return set()
    return {OLD_CODES.get(a["code"], a["code"]) for a in side if a.get("code")}


def evaluate(data: Path, options: EvalOptions) -> EvalReport:
    records = load_records(data, options.split)[: options.limit]
    # Every record holds an event: the type of the top one is scored, so nothing is thresholded.
    config = PipelineConfig(model=options.model, min_confidence=0.0)
    pipeline = Pipeline(config)
    articles = [build_article(r["text"], f"{data.name}:{r['id']}", {"id": r["id"]}) for r in records]
    started = time.perf_counter()
    analyses = list(pipeline.analyze(articles))
    seconds = time.perf_counter() - started
    coder = _Coder(config)
    rows = [_row(record, analysis, coder) for record, analysis in zip(records, analyses, strict=True)]
    metrics, text = _score(rows, data, seconds)
    errors = [_error(r) for r in sorted((r for r in rows if not r["triple_ok"]), key=_error_rank)]
    errors = errors[: options.errors]
    if errors:
        text += "\n\n" + _errors_text(errors)
    return EvalReport("events", str(data), metrics, text, errors)


class _Coder:
    """Turns a predicted mention into the GSR's code (country, IGO or NGO)."""

    def __init__(self, config: PipelineConfig) -> None:
        self.kb = resolver_for(tuple(config.kb_files), config.model).kb

    def code(self, mention: Mention | None) -> str | None:
        if mention is None:
            return None
        record = self.kb.get(mention.actor or "")
        if record is not None and record.kind == "country":
            return record.country  # "peacekeepers in Iraq" is Iraq, whatever the role word says
        sectors = set(record.sectors if record else mention.sectors)
        kind = record.kind if record else ""
        if kind == "igo" or "IGO" in sectors:
            return "IGO"
        if kind == "ngo" or "NGO" in sectors:
            return "NGO"
        if kind == "armed_group" and not mention.country:
            return "IMG"  # CAMEO's code for transnational armed groups (al-Qaeda, ISIS)
        return mention.country


def predicted_event(analysis: Analysis) -> Event | None:
    """The event compared with the gold one: the sentence's main event (module docstring)."""
    return main_event([e for e in analysis.events if e.section is Section.BODY], lambda e: e.confidence)


def main_event(events: list[Event], confidence: Callable[[Event], float]) -> Event | None:
    """Main-clause events first, then the most confident, then the earliest."""
    if not events:
        return None
    return max(
        events, key=lambda e: (e.signals.get("subordinate", 0.0) == 0.0, confidence(e), -e.trigger.start)
    )


def _row(record: dict[str, Any], analysis: Analysis, coder: _Coder) -> dict[str, Any]:
    gold_type = OLD_NAMES.get(record["event"], record["event"])
    event = predicted_event(analysis)
    src, tgt = gold_codes(record.get("source")), gold_codes(record.get("target"))
    pred_src = coder.code(event.source) if event else None
    pred_tgt = coder.code(event.target) if event else None
    located = event is not None and event.place is not None and event.place.precision in ("exact", "nearest")
    if located and event is not None and event.target is None and event.place is not None:
        pred_tgt = event.place.country  # CAMEO's location-as-target convention
    type_ok = event is not None and event.type == gold_type
    src_ok = pred_src in src if src else pred_src is None
    tgt_ok = pred_tgt in tgt if tgt else pred_tgt is None
    return {
        "record": record, "gold_type": gold_type, "pred_type": event.type if event else NONE,
        "event": event, "gold_src": src, "gold_tgt": tgt, "pred_src": pred_src, "pred_tgt": pred_tgt,
        "type_ok": type_ok, "src_ok": src_ok, "tgt_ok": tgt_ok, "triple_ok": type_ok and src_ok and tgt_ok,
    }  # fmt: skip


def _score(rows: list[dict[str, Any]], data: Path, seconds: float) -> tuple[dict[str, Any], str]:
    gold = [r["gold_type"] for r in rows]
    pred = [r["pred_type"] for r in rows]
    classes = per_class_prf(gold, pred)
    n = len(rows)
    predicted = sum(r["event"] is not None for r in rows)
    triples = PRF(
        tp=sum(r["triple_ok"] for r in rows),
        fp=sum(r["event"] is not None and not r["triple_ok"] for r in rows),
        fn=sum(not r["triple_ok"] for r in rows),
    )
    typed = [r for r in rows if r["type_ok"]]
    matrix = confusion(gold, pred)
    metrics = {
        "records": n,
        "predicted": predicted,
        "type_accuracy": round(sum(r["type_ok"] for r in rows) / n, 4) if n else 0.0,
        "type_macro_f1": round(macro_f1(classes), 4),
        "triples": triples.as_dict(),
        "source_code_accuracy_when_type_right": round(sum(r["src_ok"] for r in typed) / len(typed), 4)
        if typed else 0.0,
        "target_code_accuracy_when_type_right": round(sum(r["tgt_ok"] for r in typed) / len(typed), 4)
        if typed else 0.0,
        "per_class": {k: v.as_dict() for k, v in sorted(classes.items())},
        "confusion": matrix,
        "gold_types": dict(Counter(gold)),
        "seconds": round(seconds, 2),
    }  # fmt: skip
    text = "\n".join(
        [
            f"Events on {data} ({n} records, {predicted} with a predicted event, {seconds:.1f} s)",
            f"type accuracy     {metrics['type_accuracy']:.3f}",
            f"type macro-F1     {metrics['type_macro_f1']:.3f}",
            f"triple P/R/F1     {triples.precision:.3f} {triples.recall:.3f} {triples.f1:.3f}"
            "   (type, source code, target code)",
            f"source code right when type right  {metrics['source_code_accuracy_when_type_right']:.3f}",
            f"target code right when type right  {metrics['target_code_accuracy_when_type_right']:.3f}",
            "",
            prf_table(dict(sorted(classes.items())), "per type"),
            "",
            confusion_table(matrix),
        ]
    )
    return metrics, text


def _error_rank(row: dict[str, Any]) -> tuple[int, float]:
    """Wrong types first, then wrong actors; the most confident mistakes first."""
    confidence = row["event"].confidence if row["event"] else 0.0
    return (0 if not row["type_ok"] else 1, -confidence)


def _error(row: dict[str, Any]) -> dict[str, Any]:
    event: Event | None = row["event"]
    record = row["record"]
    predicted = None
    if event is not None:
        predicted = {
            "type": event.type, "cameo": event.cameo, "confidence": event.confidence,
            "modality": event.modality.value, "trigger": event.trigger.text, "evidence": event.evidence.text,
            "source": event.source.text if event.source else None, "source_code": row["pred_src"],
            "target": event.target.text if event.target else None, "target_code": row["pred_tgt"],
        }  # fmt: skip
    return {
        "id": record["id"],
        "text": record["text"].strip(),
        "gold": {
            "type": row["gold_type"],
            "source": sorted(row["gold_src"]),
            "target": sorted(row["gold_tgt"]),
            "event_text": record.get("eventText"),
        },  # fmt: skip
        "predicted": predicted,
        "wrong": [k for k in ("type", "src", "tgt") if not row[f"{k}_ok"]],
    }


def _errors_text(errors: list[dict[str, Any]]) -> str:
    lines = [f"{len(errors)} worst errors (wrong type first, most confident first)"]
    for error in errors:
        gold, pred = error["gold"], error["predicted"] or {}
        lines.append(f"- {error['id']}: {error['text']}")
        lines.append(
            f"    gold {gold['type']} {'+'.join(gold['source']) or '-'} -> {'+'.join(gold['target']) or '-'}"
            f"  ({gold['event_text']})"
        )
        if pred:
            lines.append(
                f"    pred {pred['type']} {pred['cameo']} {pred['source_code'] or '-'}"
                f" -> {pred['target_code'] or '-'}  conf {pred['confidence']}  trigger {pred['trigger']!r}"
                f"  source {pred['source']!r}  target {pred['target']!r}"
            )
        else:
            lines.append("    pred NONE")
    return "\n".join(lines)
