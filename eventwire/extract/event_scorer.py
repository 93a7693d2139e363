"""The event scorer: a calibrated probability that an emitted event is a real, coded act.

The extraction rules find candidates; whether a candidate is an event a coder would keep
depends on many weak signals at once (the pattern, whether both sides are actors, the
section, a boilerplate-looking line, how many times the act is reported). A logistic
model weighs them, trained by ``eventwire train-scorer`` on the train half of the article
gold and the GSR dev sentences (:mod:`eventwire.evaluate.train_scorer`), and a sigmoid
(Platt) calibration fitted on out-of-fold scores turns its output into ``confidence``:
of events scored about 0.7, about 70% were right on held-out articles
(docs/evaluation.md has the reliability table).

The model is a JSON file (``data/models/event_scorer.json``): feature names, weights,
the calibration's ``a`` and ``b``, the default threshold chosen on the dev half, and
what it was trained on. No pickle: loading checks that the feature names are the ones
this code computes, and refuses a model written for other features.

``predict`` scores without changing anything; ``set_annotations`` writes ``confidence``
and drops events under the threshold (``PipelineConfig.min_confidence``; the model's own
threshold when that is None).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from eventwire.config import SCORER_PATH, PipelineConfig
from eventwire.linear_models import logistic, read_linear_model, weighted_sum
from eventwire.models import Actor, Analysis, Event, Mention, Modality, Section, known_actor_id

MODEL_PATH = SCORER_PATH
FORMAT = "eventwire-event-scorer/1"
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
PRONOUNS = frozenset(
    {"it", "they", "he", "she", "its", "their", "his", "her", "them", "him", "we", "our", "us"}
)
KIND_BUCKET = {
    "country": "country", "person": "person", "armed_group": "armed", "party": "political",
    "government_body": "state", "military": "state", "police": "state", "igo": "igo", "ngo": "civil",
    "media": "media", "company": "civil", "religious": "civil", "group": "group",
}  # fmt: skip
_LINE_END = re.compile(r"[.!?\"”’)]\s*$")


def _side(prefix: str, mention: Mention | None, actors: dict[str, Actor]) -> dict[str, float]:
    if mention is None:
        return {f"{prefix}=none": 1.0}
    actor = actors.get(mention.actor or "")
    if mention.text.lower() in PRONOUNS:
        status = "pronoun"
    elif known_actor_id(mention.actor):
        status = "known"
    else:
        status = "unknown"
    kind = KIND_BUCKET.get(actor.kind if actor else "", "other")
    return {f"{prefix}={status}": 1.0, f"{prefix}_kind={kind}": 1.0}


class Lines:
    """The lines of one article's text, each one's features computed the first time an event
    on it asks (once per line: a one-paragraph article is one long line, and reading it for
    every event made the scorer quadratic)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [i for i, char in enumerate(text) if char == "\n"]
        self._features: dict[int, tuple[float, float]] = {}

    def features(self, start: int) -> tuple[float, float]:
        """``line_words`` and ``line_unfinished`` of the line holding offset ``start``."""
        index = bisect_right(self.breaks, start)
        begin = self.breaks[index - 1] + 1 if index else 0
        found = self._features.get(begin)
        if found is None:
            end = self.breaks[index] if index < len(self.breaks) else len(self.text)
            line = self.text[begin:end].strip()
            found = self._features[begin] = (
                min(len(line.split()), 60) / 30.0, float(not _LINE_END.search(line))
            )  # fmt: skip
        return found


def _speaker_act(event: Event, analysis: Analysis) -> bool:
    """Whether an event inside a quote is the speaker's own act (its source is the speaker)."""
    if event.quote is None or event.source is None or event.source.actor is None:
        return False
    quote = analysis.quotes[event.quote] if event.quote < len(analysis.quotes) else None
    speaker = quote.speaker if quote is not None else None
    return speaker is not None and speaker.actor == event.source.actor


def features(
    event: Event, analysis: Analysis, actors: dict[str, Actor], lines: Lines | None = None
) -> dict[str, float]:
    """The scorer's inputs for one event: the extractor's signals plus what the article says.
    ``lines`` (the text's :class:`Lines`) is built once per article."""
    text = analysis.article.text
    if lines is None:
        lines = Lines(text)
    values: dict[str, float] = {"bias": 1.0}
    for name, value in event.signals.items():
        values[name] = value
    values["sentence_tokens"] = min(event.signals.get("sentence_tokens", 0.0), 80.0) / 40.0
    values["phrase_words"] = min(event.signals.get("phrase_words", 1.0), 4.0)
    values["pairs"] = min(event.signals.get("pairs", 1.0), 9.0)
    values[f"type={event.type}"] = 1.0
    modality = "alleged" if event.modality is Modality.ACTUAL and event.alleged else event.modality.value
    values[f"modality={modality}"] = 1.0
    values[f"section={event.section.value}"] = 1.0
    values.update(_side("source", event.source, actors))
    values.update(_side("target", event.target, actors))
    if event.source is not None and event.target is not None:
        values["same_actor"] = float(event.source.actor == event.target.actor)
        values["same_country"] = float(
            event.source.country is not None and event.source.country == event.target.country
        )
    values["mentions"] = math.log1p(len(event.mentions))
    values["reported_by"] = float(event.reported_by is not None)
    # the speaker's own act in their quote ("We will uproot them": coding rule 5) is a
    # statement of the speaker, like "X threatened to ..."; another's act told in a quote is not
    speaker_act = _speaker_act(event, analysis)
    values["in_quote"] = float(event.quote is not None and not speaker_act)
    values["speaker_act"] = float(speaker_act)
    values[f"place={event.place.precision if event.place else 'none'}"] = 1.0
    values["dated"] = float(event.date is not None)
    values["line_words"], values["line_unfinished"] = lines.features(event.evidence.start)
    body = analysis.article.sections.get(Section.BODY.value, (0, len(text)))
    span = max(1, body[1] - body[0])
    values["body_position"] = min(1.0, max(0.0, (event.evidence.start - body[0]) / span))
    return values


def scorer_inputs(analysis: Analysis) -> list[dict[str, float]]:
    """The scorer's inputs for each of the article's events, in order. The stage scores these;
    the training rows are these too, on the article read up to the stage
    (:meth:`eventwire.pipeline.Pipeline.stop_after`), so the model is fitted on what it sees."""
    actors = {a.id: a for a in analysis.actors}
    lines = Lines(analysis.article.text)
    return [features(e, analysis, actors, lines) for e in analysis.events]


@dataclass(frozen=True, slots=True)
class ScorerModel:
    """Weights and calibration of a trained scorer (see the module docstring)."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    calibration_a: float
    calibration_b: float
    threshold: float
    meta: dict[str, Any]

    def decision(self, values: dict[str, float]) -> float:
        return weighted_sum(self.features, self.weights, values)

    def probability(self, values: dict[str, float]) -> float:
        return logistic(self.calibration_a * self.decision(values) + self.calibration_b)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "features": list(self.features),
            "weights": [round(w, 6) for w in self.weights],
            "calibration": {"a": round(self.calibration_a, 6), "b": round(self.calibration_b, 6)},
            "threshold": self.threshold,
            **self.meta,
        }


def known_feature(name: str) -> bool:
    """Whether this code can compute a feature of that name (a model for others is refused)."""
    prefix = name.split("=", 1)[0]
    return prefix in _KNOWN_PREFIXES or name in _KNOWN_NAMES


_KNOWN_PREFIXES = frozenset(
    {"pos", "dep", "trigger", "type", "modality", "section", "source", "target", "source_kind", "target_kind",
     "place"}
)  # fmt: skip
_KNOWN_NAMES = frozenset(
    {"bias", "lexicon_weight", "governed", "nominal", "light_verb", "subordinate", "stance", "demand",
     "passive", "phrase_words", "sentence_tokens", "sentence_is_question", "pairs", "sources_found",
     "nearby_actors", "mutual", "inherited_source", "implied_source", "implicit_target",
     "implicit_participants", "targets_found", "same_actor", "same_country",
     "mentions", "reported_by", "in_quote", "dated", "date_weak", "line_words", "line_unfinished",
     "body_position", "mediation", "learned_trigger", "trigger_probability", "type_probability",
     "type_margin", "type_scored", "ranked_source", "ranked_target", "speaker_act", "implied_crowd",
     "implicit_fight", "counterpart", "protest_state", "protest_crowd", "purpose", "pressed_by"}
)  # fmt: skip


def load_model(path: Path = MODEL_PATH) -> ScorerModel:
    raw, names = read_linear_model(
        path, FORMAT, "the event scorer", "event scorer", known_feature, "eventwire train-scorer"
    )
    own = ("format", "features", "weights", "calibration", "threshold")
    meta = {k: v for k, v in raw.items() if k not in own}
    return ScorerModel(
        names, tuple(float(w) for w in raw["weights"]), float(raw["calibration"]["a"]),
        float(raw["calibration"]["b"]), float(raw["threshold"]), meta,
    )  # fmt: skip


@cache
def model_for(path: str) -> ScorerModel:
    """The model at ``path``, loaded once per process."""
    return load_model(Path(path))


def both_ways_alike(events: list[Event], scores: list[float]) -> list[float]:
    """One score for the two directions of an act told both ways on one trigger ("X and Y
    agreed", "X held talks with Y": coding rule 2): the text states both alike, so both are
    kept or dropped together, whichever side the model finds likelier as the doer."""
    at: dict[tuple[int, str | None, str | None], list[int]] = {}
    for i, event in enumerate(events):
        if event.source is not None and event.target is not None:
            at.setdefault((event.trigger.start, event.source.actor, event.target.actor), []).append(i)
    out = list(scores)
    for (start, source, target), ours in at.items():
        theirs = at.get((start, target, source), []) if source != target else []
        if theirs:
            best = max(scores[k] for k in (*ours, *theirs))
            for i in ours:
                out[i] = best
    return out


class EventScorerStage:
    """Reads ``events`` (after coreference) and ``actors``; writes ``confidence``, drops the
    events under the threshold."""

    name = "event_scorer"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config
        self.model = model_for(str(config.scorer_path)) if config.score_events else None

    def predict(self, analysis: Analysis) -> list[float]:
        """Calibrated probabilities for the article's events; changes nothing."""
        assert self.model is not None
        scores = [self.model.probability(values) for values in scorer_inputs(analysis)]
        return both_ways_alike(analysis.events, scores)

    def set_annotations(self, analysis: Analysis, scores: list[float]) -> None:
        threshold = self.threshold
        for event, score in zip(analysis.events, scores, strict=True):
            event.confidence = round(score, 3)
        analysis.events = [e for e in analysis.events if e.confidence >= threshold]

    @property
    def threshold(self) -> float:
        if self.config.min_confidence is not None:
            return self.config.min_confidence
        return self.model.threshold if self.model is not None else 0.0

    def __call__(self, analysis: Analysis) -> Analysis:
        if self.model is None:
            threshold = self.threshold
            analysis.events = [e for e in analysis.events if e.confidence >= threshold]
            return analysis
        self.set_annotations(analysis, self.predict(analysis))
        return analysis
