"""Evaluation helpers and the users' own JSONL gold format."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.evaluate import EvalOptions, run_evaluation
from eventwire.evaluate.jsonl_gold import actor_matches, load, score_events, score_quotes
from eventwire.evaluate.metrics import PRF, confusion, macro_f1, per_class_prf
from eventwire.ingest import build_article
from eventwire.models import Analysis, Event, Mention, Quote, Span

GOLD = Path(__file__).parent / "data" / "gold-mini.jsonl"


def test_prf_and_per_class_scores() -> None:
    scores = PRF(tp=8, fp=2, fn=8)
    assert (scores.precision, scores.recall) == (0.8, 0.5)
    assert scores.f1 == pytest.approx(2 * 0.8 * 0.5 / 1.3)
    gold = ["ACCUSE", "ACCUSE", "ASSAULT", "THREATEN"]
    pred = ["ACCUSE", "THREATEN", "ASSAULT", "THREATEN"]
    per = per_class_prf(gold, pred)
    assert (per["ACCUSE"].tp, per["ACCUSE"].fn, per["THREATEN"].fp) == (1, 1, 1)
    assert macro_f1(per) == pytest.approx((2 / 3 + 1 + 2 / 3) / 3)
    assert confusion(gold, pred)["ACCUSE"] == {"ACCUSE": 1, "THREATEN": 1}


def _analysis(doc: dict, events: list[Event], quotes: list[Quote]) -> Analysis:
    analysis = Analysis(build_article(doc["text"], "gold", doc))
    analysis.events, analysis.quotes = events, quotes
    return analysis


def _span(text: str, needle: str) -> Span:
    at = text.index(needle)
    return Span(needle, at, at + len(needle))


def test_scoring_matches_by_evidence_type_and_actors() -> None:
    docs = load(GOLD)
    first, second = docs
    accuse = _span(first["text"], "accused Azerbaijan of shelling a border village")
    right = Event(
        "ACCUSE", "112", accuse, accuse,
        source=Mention("Armenia", 0, 7, actor="country:ARM"),
        target=Mention("Azerbaijan", 16, 26, actor="country:AZE"),
    )  # fmt: skip
    gas = _span(second["text"], "fired tear gas at protesters")
    wrong_type = Event("ASSAULT", "18", gas, gas, source=Mention("Police", 0, 6))
    quote_text = "We will defend every village,"
    at = first["text"].index(quote_text)
    quote = Quote(quote_text, at, at + len(quote_text), True, speaker=Mention("Nikol Pashinyan", 0, 1))
    analyses = [_analysis(first, [right], [quote]), _analysis(second, [wrong_type], [])]
    per_type, triples, errors = score_events(docs, analyses)
    assert (per_type["ACCUSE"].tp, per_type["COERCE"].fn, per_type["ASSAULT"].fp) == (1, 1, 1)
    assert (triples.tp, triples.fp, triples.fn) == (1, 1, 1)
    assert {"missed", "spurious"} <= {k for e in errors for k in e}
    found, speakers, _ = score_quotes(docs, analyses)
    assert (found.tp, found.fn, speakers.tp) == (1, 0, 1)


def test_actor_matching_rules() -> None:
    mention = Mention("the Israeli government", 0, 5, actor="country:ISR", country="ISR")
    assert actor_matches("ISR", mention) and actor_matches("country:isr", mention)
    assert not actor_matches("hamas", mention)
    assert actor_matches(None, None) and not actor_matches("ISR", None)


def test_malformed_gold_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"text": "ok"}\n{"text": 5}\n', encoding="utf-8")
    with pytest.raises(InputError, match="gold.jsonl:2"):
        load(bad)


@pytest.mark.slow
def test_jsonl_gold_runs_end_to_end(pipeline) -> None:
    report = run_evaluation("events", GOLD, EvalOptions(errors=5))
    assert report.metrics["documents"] == 2
    assert "type+source+target" in report.text
    counts = report.metrics["events"]
    assert counts["tp"] + counts["fn"] == 2  # both gold events are scored


def test_a_gsr_sentence_is_represented_by_its_main_clause_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    """GSR codes a sentence's main event: the suspension, not the shooting down it follows."""
    from eventwire.evaluate.events import predicted_event

    analysis = pipeline.analyze_text(
        "Italy announced a suspension of air links with Serbia on Wednesday, "
        "one day after a Serbian army jet shot down an Italian helicopter."
    )
    types = {e.type for e in analysis.events}
    assert {"SANCTION", "ASSAULT"} <= types
    event = predicted_event(analysis)
    assert event is not None and event.type == "SANCTION"


def test_main_event_prefers_the_main_clause_over_a_more_confident_background_act() -> None:
    from eventwire.evaluate.events import main_event

    text = "Italy suspended air links with Serbia, one day after a Serbian jet shot down a helicopter."

    def event(type_: str, trigger: str, subordinate: float, confidence: float) -> Event:
        start = text.index(trigger)
        span = Span(trigger, start, start + len(trigger))
        return Event(
            type_, None, span, span, None, None, confidence=confidence, signals={"subordinate": subordinate}
        )

    suspension = event("SANCTION", "suspended", 0.0, 0.55)
    shooting = event("ASSAULT", "shot down", 1.0, 0.80)
    assert main_event([shooting, suspension], lambda e: e.confidence) is suspension
    assert main_event([shooting], lambda e: e.confidence) is shooting
