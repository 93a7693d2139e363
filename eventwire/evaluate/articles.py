"""Whole-article evaluation: every emitted event and quote against hand-coded articles.

Gold: ``eval/articles/{train,dev}.jsonl`` (format and coding rules in its README). Unlike the
GSR task, which scores the top event of single sentences, here every event the pipeline
emits at or above the confidence threshold counts, so duplicates and noise cost precision.

Matching rules, stated:

* **Events**: a predicted event and a gold event match when they have the same PLOVER type
  and one of the prediction's evidence spans (its evidence and every other mention of the
  act) overlaps one of the gold evidence strings. Pairs are matched one-to-one, greedily by
  overlap size. Unmatched predictions are false positives (a second copy of one act too).
* **Triples** (type, source, target): a matched pair whose source and target both match.
  Sides match when both are empty, or when the gold actor's name shares a word with the
  predicted mention's text or its resolved actor's name, or the predicted actor is the
  country (``country:XXX``) the gold actor belongs to. Precision is over all predictions,
  recall over all gold events.
* **Strict triples**: the same, but a side must name the gold actor itself: the same
  knowledge-base actor, or a shared word once the words naming a country are set aside
  ("police" for gold "Kenyan police"), not resolved to another country. The country
  alone stands for the gold side only when that side is the state ("Kenya", "Kenyan
  government"): "Kenya" is right for gold "Kenyan government", wrong for "Kenyan police".
* **Modality** accuracy over matched events; ``alleged`` is a hedged actual event.
* **Dates**: over matched events whose gold event has a ``date`` (the text tells the day),
  the share whose predicted date is that day; a predicted date that contradicts it (another
  day, month or year) is a *wrong date*, a missing one is not.
* **Quotes**: token sets (``\\w+``) with Jaccard >= 0.5, one-to-one; the speaker is right
  when the gold speaker (name or attributing words) shares a word with the predicted
  speaker's text or resolved actor name. Recall is also given for gold quotes in quotation
  marks and for reported speech apart, and precision for the predicted ones of each form.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.config import PipelineConfig
from eventwire.evaluate import EvalOptions, EvalReport
from eventwire.evaluate.article_gold import GoldActor, GoldArticle, GoldEvent, load
from eventwire.evaluate.metrics import PRF, prf_table
from eventwire.extract.event_scorer import EventScorerStage
from eventwire.ingest import build_article
from eventwire.models import DAY_PRECISIONS, Analysis, Event, Mention, Modality, Quote, Span
from eventwire.pipeline import Pipeline
from eventwire.resolve.kb import KnowledgeBase

_WORD = re.compile(r"\w+")
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "for",
        "to",
        "and",
        "or",
        "its",
        "his",
        "her",
        "their",
        "s",
        "de",
        "al",
        "el",
        "le",
        "la",
        "by",
        "from",
        "with",
        "group",
    ]
)


@dataclass(slots=True)
class EventMatch:
    gold: int  # index into GoldArticle.events
    predicted: int  # index into the predicted events
    overlap: int


@dataclass(slots=True)
class DateScore:
    """Dates of matched events whose gold event gives the day."""

    gold: int = 0
    right: int = 0  # the predicted date is that day
    wrong: int = 0  # the predicted date contradicts it (another day, month or year)

    @property
    def accuracy(self) -> float:
        return self.right / self.gold if self.gold else 0.0

    def add(self, other: DateScore) -> None:
        self.gold += other.gold
        self.right += other.right
        self.wrong += other.wrong

    def count(self, event: Event, day: dt.date) -> bool:
        """Count one prediction against the gold day; True when its date contradicts it."""
        self.gold += 1
        if event.date is not None and event.date_precision in DAY_PRECISIONS and event.date == day:
            self.right += 1
            return False
        wrong = event.date is not None and not _consistent(event, day)
        self.wrong += wrong
        return wrong


def _consistent(event: Event, day: dt.date) -> bool:
    """A month or year precision date that holds the day."""
    assert event.date is not None
    if event.date_precision == "month":
        return (event.date.year, event.date.month) == (day.year, day.month)
    return event.date_precision == "year" and event.date.year == day.year


@dataclass(slots=True)
class ArticleScore:
    events: PRF = field(default_factory=PRF)
    triples: PRF = field(default_factory=PRF)
    # the same with sides matched by actor_matches_strictly: the gold actor itself
    strict_triples: PRF = field(default_factory=PRF)
    modality_right: int = 0
    matched: int = 0
    dates: DateScore = field(default_factory=DateScore)
    per_type: dict[str, PRF] = field(default_factory=dict)
    quotes: PRF = field(default_factory=PRF)
    speakers_right: int = 0
    # by form, "direct" (in quotation marks) or "reported": recall over gold quotes of that
    # form (tp, fn), precision over predicted quotes of that form (tp, fp)
    quote_recall: dict[str, PRF] = field(default_factory=dict)
    quote_precision: dict[str, PRF] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: ArticleScore) -> None:
        self.events.add(other.events)
        self.triples.add(other.triples)
        self.strict_triples.add(other.strict_triples)
        self.modality_right += other.modality_right
        self.dates.add(other.dates)
        self.matched += other.matched
        for name, scores in other.per_type.items():
            self.per_type.setdefault(name, PRF()).add(scores)
        self.quotes.add(other.quotes)
        self.speakers_right += other.speakers_right
        for form, scores in other.quote_recall.items():
            self.quote_recall.setdefault(form, PRF()).add(scores)
        for form, scores in other.quote_precision.items():
            self.quote_precision.setdefault(form, PRF()).add(scores)
        self.errors.extend(other.errors)


# ---------------------------------------------------------------- loading and running
# The test split is scored once at the end of a round of work and never read for errors:
# dev, read for every change, drifts optimistic (eval/articles/README.md). "all" leaves it out.
TEST_SPLIT = "test"


def gold_files(data: Path, split: str) -> list[Path]:
    if data.is_file():
        return [data]
    splits = ("train", "dev") if split == "all" else (split,)
    paths = [data / f"{name}.jsonl" for name in splits]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"{missing[0]}: article gold split not found (train, dev, test or all)")
    return paths


def load_gold(data: Path, split: str) -> list[GoldArticle]:
    return [article for path in gold_files(data, split) for article in load(path)]


def analyse(gold: list[GoldArticle], pipeline: Pipeline) -> list[Analysis]:
    articles = [
        build_article(
            g.text, f"gold:{g.id}",
            {"id": g.id, "published": g.published, "outlet": g.outlet, "url": g.source_url},
        )
        for g in gold
    ]  # fmt: skip
    return list(pipeline.analyze(articles))


def pipeline_threshold(pipeline: Pipeline) -> float:
    """The confidence under which the pipeline drops events (the scorer's, or the config's)."""
    for stage in pipeline.stages:
        if isinstance(stage, EventScorerStage):
            return stage.threshold
    return pipeline.config.min_confidence or 0.0


def emitted(analysis: Analysis, min_confidence: float) -> list[Event]:
    return [e for e in analysis.events if e.confidence >= min_confidence]


# ---------------------------------------------------------------- matching
def event_spans(event: Event) -> list[Span]:
    return [event.evidence, *getattr(event, "mentions", [])]


def _overlap(a: Span, start: int, end: int) -> int:
    return max(0, min(a.end, end) - max(a.start, start))


def match_events(
    gold: GoldArticle, predicted: list[Event], names: dict[str, str] | None = None
) -> list[EventMatch]:
    """One-to-one pairs of the same type whose evidence overlaps: as many pairs as can be
    made, then as many with the right sides as those allow, then the largest overlap.

    An optimal assignment, not a greedy one: taking the largest overlap first can pair a
    prediction with the wrong one of two gold events on the same words ("accused Russia and
    China": one event per party) and leave the other unmatched, or leave a second
    prediction without the gold event it alone could meet. With ``names`` (the article's
    actor names), among the assignments that make the most pairs, the one whose pairs
    have the right sides most often is taken: each direction of "the two governments
    agreed" meets the gold event of its own direction."""
    from scipy.optimize import linear_sum_assignment

    weights = np.zeros((len(gold.events), len(predicted)))
    overlaps: dict[tuple[int, int], int] = {}
    for gi, g in enumerate(gold.events):
        for pi, p in enumerate(predicted):
            if p.type != g.type:
                continue
            best = max(_overlap(s, e.start, e.end) for s in event_spans(p) for e in g.evidence)
            if best <= 0:
                continue
            overlaps[gi, pi] = best
            right = names is not None and (
                actor_matches(g.source, p.source, names) and actor_matches(g.target, p.target, names)
            )
            # pairs first, right sides second, overlap third (capped below a side's worth)
            weights[gi, pi] = _PAIR + _RIGHT * right + min(best, _MAX_OVERLAP)
    if not overlaps:
        return []
    rows, cols = linear_sum_assignment(weights, maximize=True)
    chosen = ((int(g), int(p)) for g, p in zip(rows, cols, strict=True))
    pairs = [EventMatch(g, p, overlaps[g, p]) for g, p in chosen if (g, p) in overlaps]
    return sorted(pairs, key=lambda m: (m.gold, m.predicted))


# Tiers of the assignment's weights, each above the most the tiers below can add up to
# over an article's pairs: any pair, then its right sides, then its overlap (characters).
_MAX_OVERLAP = 999
_RIGHT = 1e6
_PAIR = 1e11


def _words(text: str | None) -> set[str]:
    """Content words, accents folded: the coder's "Orbán" is eventwire's "Orban"."""
    decomposed = unicodedata.normalize("NFKD", (text or "").lower())
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return {w for w in _WORD.findall(folded) if w not in _STOP and len(w) > 1}


def _shipped_kb() -> KnowledgeBase:
    """The shipped knowledge base, as the pipeline's actor resolver loaded it (built once
    per process and shared: not a second copy read from the files)."""
    from eventwire.resolve.actors import resolver_for

    return resolver_for((), "md").kb


@cache
def _gold_actor_id(name: str) -> str | None:
    """The knowledge base's record for a coder's actor name ("United States" -> country:USA),
    so that "the US" and "United States" match though they share no word."""
    match = _shipped_kb().lookup(name)
    return match.record.id if match is not None else None


def actor_names(analysis: Analysis) -> dict[str, str]:
    return {a.id: a.name for a in analysis.actors}


def actor_matches(gold: GoldActor | None, mention: Mention | None, names: dict[str, str]) -> bool:
    if gold is None or mention is None:
        return gold is None and mention is None
    words = _words(gold.name)
    predicted = _words(mention.text) | _words(names.get(mention.actor or "", ""))
    if words & predicted:
        return True
    if mention.actor is not None and mention.actor == _gold_actor_id(gold.name):
        return True
    return bool(gold.country) and mention.actor == f"country:{gold.country}"


# A gold side whose name, its country's words aside, is only these words is the state
# itself ("Kenya", "Kenyan government", "the government" coded with country KEN).
_STATE_WORDS = frozenset({"government", "govt", "state"})
_NAME_TOKEN = re.compile(r"[^\s/,;:()\-–—]+")


@cache
def _country_words(text: str) -> frozenset[str]:
    """The content words of ``text`` that name a country or its people ("Kenyan",
    "South Korea", "US"): the part of a name that says where an actor is from, not who."""
    kb = _shipped_kb()
    tokens = _NAME_TOKEN.findall(text)
    found: set[str] = set()
    i = 0
    while i < len(tokens):
        for n in (5, 4, 3, 2, 1):
            if i + n > len(tokens):
                continue
            phrase = " ".join(tokens[i : i + n])
            match = kb.lookup(phrase, fuzzy=False)
            if match is not None and match.record.kind == "country" and match.how in ("exact", "demonym"):
                found |= _words(phrase)
                i += n
                break
        else:
            i += 1
    return frozenset(found)


def _who_words(text: str | None) -> set[str]:
    """Content words less the country's, singular: "Kenyan soldiers" -> {soldier}."""
    return {_singular(w) for w in _words(text) - _country_words(text or "")}


def _singular(word: str) -> str:
    """A plain English singular, enough that "a soldier" meets gold "soldiers"."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def _resolved_country(mention: Mention) -> str | None:
    """The country a side resolved to as a whole ("Armenian forces" -> country:ARM); other
    actors' countries are left out, as a mention's country is often the story's guess."""
    actor = mention.actor or ""
    return actor.removeprefix("country:") if actor.startswith("country:") else None


def actor_matches_strictly(gold: GoldActor | None, mention: Mention | None, names: dict[str, str]) -> bool:
    """The predicted side names the gold actor itself, not another actor of its country.

    ``actor_matches`` lets the country stand for any of its actors and any shared word
    count, so "Kenya" and "Kenyan police" both pass for gold "Kenyan opposition". Here the
    side must also pass that, and be the same knowledge-base actor or share a word with
    the gold name once the country's words are set aside ("police" for "Kenyan police"),
    and not resolve to another country ("Armenian forces" for gold "Azerbaijani forces");
    the country alone is right only when gold is the state itself ("Kenya", "Kenyan
    government")."""
    if not actor_matches(gold, mention, names):
        return False  # strict is a subset of lenient
    if gold is None or mention is None:
        return True  # both empty
    gold_id = _gold_actor_id(gold.name)
    if gold_id is not None and mention.actor == gold_id:
        return True
    country = gold.country or (
        gold_id.removeprefix("country:") if gold_id and gold_id.startswith("country:") else None
    )
    predicted_country = _resolved_country(mention)
    if country and predicted_country and predicted_country != country:
        return False
    who = _who_words(gold.name)
    state = gold_id == f"country:{country}" or bool(who) and who <= _STATE_WORDS
    if state and country and mention.actor == f"country:{country}":
        return True
    return bool(who & (_who_words(mention.text) | _who_words(names.get(mention.actor or ""))))


def modality_label(event: Event) -> str:
    if event.modality is Modality.ACTUAL and event.alleged:
        return "alleged"
    return event.modality.value


def _tokens(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def match_quotes(gold: GoldArticle, predicted: list[Quote]) -> list[tuple[int, int]]:
    pairs = []
    for gi, g in enumerate(gold.quotes):
        gold_tokens = _tokens(g.content.text)
        for pi, p in enumerate(predicted):
            score = _jaccard(gold_tokens, _tokens(p.text))
            if score >= 0.5:
                pairs.append((score, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def speaker_right(gold_speaker: Iterable[str | None], speaker: Mention | None, names: dict[str, str]) -> bool:
    if speaker is None:
        return False
    predicted = _words(speaker.text) | _words(names.get(speaker.actor or "", ""))
    return any(_words(g) & predicted for g in gold_speaker if g)


# ---------------------------------------------------------------- scoring
def _describe(event: Event) -> dict[str, Any]:
    return {
        "type": event.type,
        "source": event.source.text if event.source else None,
        "target": event.target.text if event.target else None,
        "modality": modality_label(event),
        "confidence": event.confidence,
        "evidence": event.evidence.text,
    }


def _describe_gold(event: GoldEvent) -> dict[str, Any]:
    return {
        "type": event.type,
        "source": event.source.name if event.source else None,
        "target": event.target.name if event.target else None,
        "modality": event.modality,
        "evidence": event.evidence[0].text,
    }


def score_article(gold: GoldArticle, analysis: Analysis, min_confidence: float) -> ArticleScore:
    score = ArticleScore()
    predicted = emitted(analysis, min_confidence)
    names = actor_names(analysis)
    matches = match_events(gold, predicted, names)
    matched_gold = {m.gold for m in matches}
    matched_pred = {m.predicted for m in matches}
    for m in matches:
        g, p = gold.events[m.gold], predicted[m.predicted]
        score.events.tp += 1
        score.per_type.setdefault(g.type, PRF()).tp += 1
        score.matched += 1
        score.modality_right += modality_label(p) == g.modality
        if g.date and score.dates.count(p, dt.date.fromisoformat(g.date)):
            score.errors.append({"article": gold.id, "kind": "wrong date", "gold": g.date,
                                 "predicted": str(p.date), "evidence": p.evidence.text})  # fmt: skip
        strict = actor_matches_strictly(g.source, p.source, names) and actor_matches_strictly(
            g.target, p.target, names
        )
        score.strict_triples.tp += strict
        if actor_matches(g.source, p.source, names) and actor_matches(g.target, p.target, names):
            score.triples.tp += 1
            if not strict:
                score.errors.append({"article": gold.id, "kind": "wrong actors (strict)",
                                     "gold": _describe_gold(g), "predicted": _describe(p)})  # fmt: skip
        else:
            score.errors.append(
                {
                    "article": gold.id,
                    "kind": "wrong actors",
                    "gold": _describe_gold(g),
                    "predicted": _describe(p),
                }
            )
    for gi, g in enumerate(gold.events):
        if gi not in matched_gold:
            score.events.fn += 1
            score.per_type.setdefault(g.type, PRF()).fn += 1
            score.errors.append({"article": gold.id, "kind": "missed", "gold": _describe_gold(g)})
    for pi, p in enumerate(predicted):
        if pi not in matched_pred:
            score.events.fp += 1
            score.per_type.setdefault(p.type, PRF()).fp += 1
            score.errors.append({"article": gold.id, "kind": "spurious", "predicted": _describe(p)})
    score.triples.fp = len(predicted) - score.triples.tp
    score.triples.fn = len(gold.events) - score.triples.tp
    score.strict_triples.fp = len(predicted) - score.strict_triples.tp
    score.strict_triples.fn = len(gold.events) - score.strict_triples.tp
    _score_quotes(gold, analysis, names, score)
    return score


def _score_quotes(gold: GoldArticle, analysis: Analysis, names: dict[str, str], score: ArticleScore) -> None:
    quotes = analysis.quotes
    pairs = match_quotes(gold, quotes)
    score.quotes.tp = len(pairs)
    score.quotes.fp = len(quotes) - len(pairs)
    score.quotes.fn = len(gold.quotes) - len(pairs)
    for gi, pi in pairs:
        g, p = gold.quotes[gi], quotes[pi]
        if speaker_right((g.speaker, g.speaker_text), p.speaker, names):
            score.speakers_right += 1
        else:
            score.errors.append({
                "article": gold.id, "kind": "wrong speaker", "quote": g.content.text[:80],
                "gold": g.speaker, "predicted": p.speaker.text if p.speaker else None,
            })  # fmt: skip
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for gi, g in enumerate(gold.quotes):
        recall = score.quote_recall.setdefault(_form(g.direct), PRF())
        recall.tp, recall.fn = recall.tp + (gi in matched_g), recall.fn + (gi not in matched_g)
    for pi, p in enumerate(quotes):
        precision = score.quote_precision.setdefault(_form(p.direct), PRF())
        precision.tp, precision.fp = precision.tp + (pi in matched_p), precision.fp + (pi not in matched_p)
    for gi, g in enumerate(gold.quotes):
        if gi not in matched_g:
            score.errors.append(
                {
                    "article": gold.id,
                    "kind": "missed quote",
                    "speaker": g.speaker,
                    "quote": g.content.text[:100],
                }
            )
    for pi, p in enumerate(quotes):
        if pi not in matched_p:
            speaker = p.speaker.text if p.speaker else None
            score.errors.append(
                {"article": gold.id, "kind": "spurious quote", "speaker": speaker, "quote": p.text[:100]}
            )


def _form(direct: bool) -> str:
    return "direct" if direct else "reported"


_ERROR_ORDER = {
    "spurious": 0, "missed": 1, "wrong actors": 2, "wrong actors (strict)": 3, "wrong date": 4,
    "spurious quote": 5, "missed quote": 6,
}  # fmt: skip


def evaluate(data: Path, options: EvalOptions) -> EvalReport:
    if options.split == TEST_SPLIT and options.errors and not data.is_file():
        raise ValueError("the test split is scored, never read for errors: list errors on dev or train")
    gold = load_gold(data, options.split)[: options.limit]
    pipeline = Pipeline(PipelineConfig(model=options.model, min_confidence=options.min_confidence))
    analyses = analyse(gold, pipeline)
    threshold = pipeline_threshold(pipeline)
    total = ArticleScore()
    for g, analysis in zip(gold, analyses, strict=True):
        total.add(score_article(g, analysis, threshold))
    metrics = _metrics(total, len(gold), threshold)
    text = _render(total, data, options.split, len(gold), threshold)
    errors = sorted(total.errors, key=lambda e: _ERROR_ORDER.get(e["kind"], 9))
    return EvalReport("articles", str(data), metrics, text, errors[: options.errors])


def _metrics(total: ArticleScore, documents: int, threshold: float) -> dict[str, Any]:
    return {
        "documents": documents,
        "min_confidence": threshold,
        "events": total.events.as_dict(),
        "triples": total.triples.as_dict(),
        "triples_strict": total.strict_triples.as_dict(),
        "modality_accuracy": round(total.modality_right / total.matched, 4) if total.matched else 0.0,
        "date_accuracy": round(total.dates.accuracy, 4),
        "dates": {"gold_days": total.dates.gold, "right": total.dates.right, "wrong": total.dates.wrong},
        "per_type": {k: v.as_dict() for k, v in sorted(total.per_type.items())},
        "quotes": total.quotes.as_dict(),
        "speaker_accuracy": round(total.speakers_right / total.quotes.tp, 4) if total.quotes.tp else 0.0,
        "quotes_by_form": {
            form: {
                "recall": round(total.quote_recall.get(form, PRF()).recall, 4),
                "precision": round(total.quote_precision.get(form, PRF()).precision, 4),
            }
            for form in ("direct", "reported")
        },
    }


def _render(total: ArticleScore, data: Path, split: str, documents: int, threshold: float) -> str:
    rows: dict[str, PRF] = dict(sorted(total.per_type.items()))
    rows["all events"] = total.events
    rows["type+source+target"] = total.triples
    rows["type+source+target (strict)"] = total.strict_triples
    rows["quotes"] = total.quotes
    text = prf_table(
        rows, f"Articles on {data} ({split}, {documents} articles, min confidence {threshold:g})"
    )
    modality = total.modality_right / total.matched if total.matched else 0.0
    speakers = total.speakers_right / total.quotes.tp if total.quotes.tp else 0.0
    text += f"\nmodality accuracy (matched events): {modality:.3f} ({total.modality_right}/{total.matched})"
    dates = total.dates
    text += (
        f"\ndate accuracy (matched events with a gold day): {dates.accuracy:.3f}"
        f" ({dates.right}/{dates.gold}), {dates.wrong} dated wrongly"
    )
    text += f"\nspeaker accuracy (matched quotes): {speakers:.3f} ({total.speakers_right}/{total.quotes.tp})"
    for form in ("direct", "reported"):
        recall, precision = total.quote_recall.get(form, PRF()), total.quote_precision.get(form, PRF())
        text += (
            f"\n{form} quotes: recall {recall.recall:.3f} ({recall.tp}/{recall.tp + recall.fn} gold),"
            f" precision {precision.precision:.3f} ({precision.tp}/{precision.tp + precision.fp} predicted)"
        )
    return text
