"""The learned event scorer: loading, calibrated confidence, threshold (extract/event_scorer.py)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from eventwire import Pipeline, PipelineConfig
from eventwire.errors import ConfigError
from eventwire.extract.event_scorer import MODEL_PATH, load_model
from eventwire.models import Analysis

STORY = (
    "Police in Nairobi fired tear gas at protesters on Tuesday, witnesses said. The opposition "
    "accused the government of crushing dissent and called for an inquiry."
)


def test_shipped_model_loads_with_its_provenance() -> None:
    model = load_model()
    assert len(model.features) == len(model.weights) > 20
    assert 0.0 < model.threshold < 1.0
    meta = model.meta
    assert meta["training_data"]["article_train"] >= 20  # trained on the article train half
    assert "reliability_dev" in meta["metrics"] and meta["metrics"]["dev_articles"] >= 20


def test_a_model_for_other_features_is_refused(tmp_path: Path) -> None:
    raw = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    raw["features"][1] = "word_count_of_the_moon"
    path = tmp_path / "scorer.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ConfigError, match="word_count_of_the_moon"):
        load_model(path)
    path.write_text(json.dumps({"format": "something-else"}), encoding="utf-8")
    with pytest.raises(ConfigError, match="not an eventwire event scorer"):
        load_model(path)


def test_missing_model_and_bad_threshold_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="event scorer model not found"):
        PipelineConfig(scorer_path=tmp_path / "none.json")
    with pytest.raises(ConfigError, match="min_confidence"):
        PipelineConfig(min_confidence=1.5)


@pytest.mark.slow
def test_confidence_is_the_calibrated_probability_and_thresholds_filter(pipeline: Pipeline) -> None:
    events = pipeline.analyze_text(STORY, published=dt.date(2024, 7, 2)).events
    assert events and all(0.0 < e.confidence < 1.0 for e in events)
    model = load_model()
    assert all(e.confidence >= model.threshold for e in events)  # the default threshold applies
    coerce = next(e for e in events if e.type == "COERCE")
    assert coerce.source is not None and "police" in coerce.source.text.lower()
    keep_all = Pipeline(PipelineConfig(min_confidence=0.0))
    every = keep_all.analyze_text(STORY, published=dt.date(2024, 7, 2)).events
    assert len(every) >= len(events)
    strict = Pipeline(PipelineConfig(min_confidence=0.99)).analyze_text(STORY).events
    assert strict == []


@pytest.mark.slow
def test_link_lines_are_not_mined() -> None:
    """A "MORE:" line is another article's headline: no event comes from it, even unthresholded."""
    text = (
        "Government forces shelled rebel positions near Idlib\n\n"
        "Syrian government forces shelled rebel positions near Idlib on Monday, a war monitor said.\n\n"
        "MORE: Turkey and Russia trade accusations over Idlib attacks"
    )
    analysis = Pipeline(PipelineConfig(min_confidence=0.0)).analyze_text(text, published=dt.date(2020, 2, 4))
    body = [e for e in analysis.events if "Syrian government forces" in e.evidence.text]
    assert body and body[0].type == "ASSAULT"
    assert not [
        e for e in analysis.events if "MORE:" in analysis.article.text[e.evidence.start - 6 : e.evidence.end]
    ]
    assert not [e for e in analysis.events if "trade accusations" in e.evidence.text]  # a link line


def test_every_feature_the_pipeline_computes_is_one_a_model_may_use() -> None:
    """A retrained model keeps every feature it saw; one the loader does not know is refused,
    so a new extractor signal must be registered (``known_feature``) before it is trained on."""
    from eventwire.extract.event_scorer import features, known_feature

    analysis = Pipeline(PipelineConfig(min_confidence=0.0)).analyze_text(
        "Qatar brokered a ceasefire between the army and the rebels on Monday. "
        "The rebels accused the army of shelling their camps, and police arrested 20 protesters.",
        published=dt.date(2024, 5, 2),
    )
    actors = {actor.id: actor for actor in analysis.actors}
    names = {name for event in analysis.events for name in features(event, analysis, actors)}
    assert "mediation" in names
    assert not [name for name in names if not known_feature(name)]


def test_the_threshold_is_chosen_again_on_dev_and_the_weights_are_kept(tmp_path: Path) -> None:
    """``train-scorer --threshold-only``: a grown dev half moves the threshold, by the same
    precision-first rule, without refitting the weights or losing the GSR figures."""
    from eventwire.evaluate.train_scorer import rechoose_threshold

    text = (
        "Kenyan police fire tear gas at protesters\n\n"
        "NAIROBI - Kenyan police fired tear gas at protesters in Nairobi on Tuesday, and the "
        "interior minister accused the opposition of paying young men to riot."
    )
    gold = {
        "id": "dev-1", "split": "dev", "published": "2024-07-02", "text": text,
        "events": [
            {"type": "COERCE", "source": {"name": "Kenyan police", "country": "KEN"},
             "target": {"name": "protesters", "country": "KEN"}, "modality": "actual",
             "evidence": ["police fired tear gas at protesters", "police fire tear gas at protesters"]},
            {"type": "ACCUSE", "source": {"name": "interior minister", "country": "KEN"},
             "target": {"name": "the opposition", "country": "KEN"}, "modality": "actual",
             "evidence": ["accused the opposition of paying young men to riot"]},
        ],
        "quotes": [],
    }  # fmt: skip
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "dev.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    path = tmp_path / "scorer.json"
    shutil.copy(MODEL_PATH, path)
    before = load_model(path)
    report = rechoose_threshold("md", articles=articles, path=path)
    after = load_model(path)
    assert after.weights == before.weights and after.features == before.features
    assert after.calibration_a == before.calibration_a and after.calibration_b == before.calibration_b
    metrics = after.meta["metrics"]
    assert metrics["dev_articles"] == 1 and metrics["threshold"] == after.threshold
    assert metrics["dev_events_at_threshold"]["tp"] >= 1  # the police's tear gas is kept
    assert "gsr_type_accuracy_5fold" in metrics  # the training-time GSR figures stay
    assert f"threshold chosen on the dev half: {after.threshold:.2f}" in report.text


def test_the_two_directions_of_an_act_told_both_ways_score_alike() -> None:
    """ "Ghana held talks with Togo": the model may find one side likelier as the doer, but
    the text states both directions alike (coding rule 2), so both are kept or dropped."""
    from eventwire.extract.event_scorer import both_ways_alike
    from eventwire.models import Event, Mention, Span

    ghana, togo = Mention("Ghana", 0, 5, "country:GHA"), Mention("Togo", 22, 26, "country:TGO")
    talks = Span("talks", 11, 16)
    evidence = Span("Ghana held talks with Togo", 0, 26)
    events = [
        Event("CONSULT", "040", evidence, talks, ghana, togo),
        Event("CONSULT", "040", evidence, talks, togo, ghana),
        Event("CONSULT", "040", evidence, Span("met", 30, 33), togo, ghana),  # another act
    ]
    assert both_ways_alike(events, [0.7, 0.3, 0.2]) == [0.7, 0.7, 0.2]


@pytest.mark.slow
def test_every_feature_the_pipeline_computes_is_one_a_model_may_name() -> None:
    # a scorer trained on the pipeline's signals must load: a signal a stage sets but the
    # loader does not know made every retrained scorer unloadable
    from eventwire.extract.event_scorer import features, known_feature

    pipeline = Pipeline(PipelineConfig(min_confidence=0.0))
    analysis = pipeline.analyze_text(
        "Belarusian police arrested the opposition leader in Minsk on Saturday. Thousands of "
        "people took to the streets of Minsk on Sunday, and police fired tear gas at people "
        "near the central square.",
        published=dt.date(2024, 7, 2),
    )
    actors = {a.id: a for a in analysis.actors}
    names = {n for e in analysis.events for n in features(e, analysis, actors)}
    assert {"protest_state", "protest_crowd"} & names  # the story's implied sides
    assert [n for n in names if not known_feature(n)] == []


def test_the_purpose_and_pressure_signals_are_features_a_model_may_use() -> None:
    """An act told as the aim of another ("flew to Lagos to meet ...") carries ``purpose``; a
    concession to pressure carries ``pressed_by``: both reach the scorer's features, and a
    model trained on them loads."""
    from eventwire.extract.event_scorer import features, known_feature

    analysis = Pipeline(PipelineConfig(min_confidence=0.0)).analyze_text(
        "The Nigerian foreign minister flew to Accra on Monday to meet President John Mahama. "
        "The Ghanaian government gave in to the strikers' demands on Tuesday.",
        published=dt.date(2024, 5, 2),
    )
    actors = {actor.id: actor for actor in analysis.actors}
    meet = [e for e in analysis.events if e.trigger.text == "meet"]
    assert meet and features(meet[0], analysis, actors)["purpose"] == 1.0
    assert all(features(e, analysis, actors)["purpose"] == 0.0 for e in analysis.events if e not in meet)
    assert known_feature("purpose") and known_feature("pressed_by")


TOLD_WITHOUT_DAYS = (
    "Farmers blocked the main highway into Lusaka on Monday to protest a new fuel tax. The "
    "agriculture minister accused the farmers' union of paying the crowd, and police arrested "
    "eleven of its officials. The union rejected the charge and demanded their release."
)


@pytest.mark.slow
def test_the_scorer_is_trained_on_the_features_it_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    """Train/serve skew: the training rows are the inputs the scorer stage computes, not
    features read after the later stages (story dates, office holders) changed the events."""
    import eventwire.extract.event_scorer as scorer
    from eventwire.evaluate.train_scorer import raw_pipeline

    day = dt.date(2024, 3, 5)
    served: list[dict[str, float]] = []

    def recording(analysis: Analysis) -> list[dict[str, float]]:
        inputs = real(analysis)
        served.extend(inputs)
        return inputs

    real = scorer.scorer_inputs
    monkeypatch.setattr(scorer, "scorer_inputs", recording)
    serving = Pipeline(PipelineConfig(min_confidence=0.0)).analyze_text(TOLD_WITHOUT_DAYS, published=day)
    monkeypatch.setattr(scorer, "scorer_inputs", real)
    training = raw_pipeline("md")
    assert training.stages[-1].name == scorer.EventScorerStage.name  # read up to the scorer's turn
    trained_on = scorer.scorer_inputs(training.analyze_text(TOLD_WITHOUT_DAYS, published=day))
    assert len(served) >= 3 and trained_on == served
    # read after every stage, the acts told without a day carry the story's day: not what was scored
    assert real(serving) != served


def test_the_dev_threshold_is_chosen_on_the_scores_the_stage_filters_by(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Training picks the default threshold on dev scores; the stage gives the two directions
    of an act told both ways the likelier one's score, so the dev scores must too, or the
    threshold is read on numbers the pipeline never filters by."""
    from eventwire.evaluate import train_scorer
    from eventwire.models import Analysis, Article, Event, Mention, Span

    ghana, togo = Mention("Ghana", 0, 5, "country:GHA"), Mention("Togo", 22, 26, "country:TGO")
    talks, evidence = Span("talks", 11, 16), Span("Ghana held talks with Togo", 0, 26)
    text = "Ghana held talks with Togo."
    analysis = Analysis(Article(id="a", text=text, body=text))
    analysis.events = [
        Event("CONSULT", "040", evidence, talks, ghana, togo),
        Event("CONSULT", "040", evidence, talks, togo, ghana),
    ]

    class Model:
        def probability(self, values: dict[str, float]) -> float:
            return values["p"]

    monkeypatch.setattr(train_scorer, "scorer_inputs", lambda _: [{"p": 0.35}, {"p": 0.62}])
    [(_, _, scores)] = train_scorer.dev_scores(Model(), [None], [analysis])  # type: ignore[arg-type, list-item]
    assert scores == [0.62, 0.62]
