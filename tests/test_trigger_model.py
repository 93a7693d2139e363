"""The learned trigger model (extract/trigger_model.py): new triggers for words the lexicon
lacks, and each candidate's type read in context. Texts written for the tests."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from eventwire import Pipeline, PipelineConfig
from eventwire.config import TRIGGER_MODEL_PATH
from eventwire.errors import ConfigError
from eventwire.extract.event_lexicon import load_event_lexicon
from eventwire.extract.trigger_model import DIMS, LABELS, NONE, TriggerModel, generic_codes, load_model


def _event(analysis, word: str):  # type: ignore[no-untyped-def]
    return next((e for e in analysis.events if e.trigger.text.lower() == word), None)


@pytest.fixture(scope="module")
def toy(tmp_path_factory: pytest.TempPathFactory, candidates: Pipeline) -> Pipeline:
    """A pipeline whose trigger model reads ASSAULT in any word whose vector is close to
    "behead"'s (a toy model: the mechanism, not the trained weights, is under test)."""
    behead = candidates.nlp.vocab["behead"].vector
    weights = np.zeros((2 * DIMS, len(LABELS)), dtype=np.float32)
    weights[:DIMS, LABELS.index("ASSAULT")] = 20 * behead / np.linalg.norm(behead)
    bias = np.zeros(len(LABELS), dtype=np.float32)
    bias[LABELS.index(NONE)] = 14.0
    model = TriggerModel(weights, {}, np.zeros((0, len(LABELS)), dtype=np.float32), bias, 1.0, 0.6, {})
    path = tmp_path_factory.mktemp("trigger_model") / "toy.json"
    path.write_text(json.dumps(model.to_json()), encoding="utf-8")
    return Pipeline(PipelineConfig(min_confidence=0.0, trigger_model_path=path))


def test_a_verb_the_lexicon_lacks_becomes_a_trigger_of_its_type(toy: Pipeline) -> None:
    lexicon = load_event_lexicon()
    assert not lexicon.triggers.get(("decapitate", "VERB"))  # the lexicon has no such row
    analysis = toy.analyze_text(
        "Islamist militants decapitated a Kenyan hostage near the border on Sunday, police said."
    )
    event = _event(analysis, "decapitated")
    assert event is not None and event.type == "ASSAULT"
    assert event.source is not None and event.cameo == generic_codes(lexicon)["ASSAULT"]
    assert event.signals["learned_trigger"] == 1.0 and event.signals["trigger_probability"] > 0.9


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The Kenyan foreign minister travelled to Mombasa on Tuesday, officials said.", "travelled"),
        ("The Turkish airline reported higher profits for the third quarter, the company said.", "reported"),
        ("The Egyptian president said on Monday that the talks were useful.", "said"),
    ],
)
def test_ordinary_verbs_and_verbs_of_saying_are_no_triggers(toy: Pipeline, text: str, word: str) -> None:
    assert _event(toy.analyze_text(text), word) is None


def test_a_learned_trigger_still_needs_an_actor(toy: Pipeline) -> None:
    analysis = toy.analyze_text(
        "The old bronze statue in the square was decapitated overnight, the mayor said."
    )
    assert _event(analysis, "decapitated") is None  # no one on either side (coding rule 3)


def test_the_shipped_model_learns_no_trigger_it_cannot_type_well(candidates: Pipeline) -> None:
    # out of fold on train, new triggers were right about one time in ten at any threshold,
    # so the shipped model has no threshold: it makes no trigger
    assert load_model(TRIGGER_MODEL_PATH).threshold is None
    analysis = candidates.analyze_text(
        "The Kenyan foreign minister travelled to Mombasa on Tuesday, officials said."
    )
    assert _event(analysis, "travelled") is None


def test_without_new_triggers_only_the_lexicons_words_are_scored(candidates: Pipeline) -> None:
    typer = next(s for s in candidates.stages if s.__class__.__name__ == "EventStage").typer  # type: ignore[attr-defined]
    doc = candidates.nlp("Kenyan police arrested two opposition leaders in Nairobi after the rally.")
    types = typer.sentence(next(iter(doc.sents)), "body", lambda token: False)
    assert not types.learned
    scored_words = {doc[i].text for i in types.scored_tokens()}
    assert "arrested" in scored_words and "rally" in scored_words  # lexicon triggers
    assert "leaders" not in scored_words  # a noun no row lists: nothing to read


def test_a_lexicon_trigger_in_its_ordinary_sense_has_a_probable_type(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Israeli jets bombed Hamas positions in Gaza on Monday, the army said."
    )
    event = _event(analysis, "bombed")
    assert event is not None and event.type == "ASSAULT"
    assert "learned_trigger" not in event.signals  # a lexicon trigger
    assert event.signals["type_probability"] >= 0.5
    assert event.signals["type_margin"] < 0


def test_without_a_trigger_model_the_lexicon_alone_finds_triggers() -> None:
    pipeline = Pipeline(PipelineConfig(min_confidence=0.0, trigger_model_path=None))
    analysis = pipeline.analyze_text(
        "Islamist militants decapitated a Kenyan hostage near the border on Sunday, police said."
    )
    assert _event(analysis, "decapitated") is None
    assert all("type_probability" not in e.signals for e in analysis.events)


def test_the_shipped_model_loads_and_a_foreign_file_is_refused(tmp_path: Path) -> None:
    model = load_model(TRIGGER_MODEL_PATH)
    assert model.vector_weights.shape == (600, len(LABELS)) and model.threshold is None
    other = tmp_path / "model.json"
    other.write_text(json.dumps({"format": "eventwire-event-scorer/1"}), encoding="utf-8")
    with pytest.raises(ConfigError, match="not an eventwire trigger model"):
        load_model(other)
    with pytest.raises(ConfigError, match="trigger model not found"):
        PipelineConfig(trigger_model_path=tmp_path / "missing.json")


def test_an_auxiliary_of_intention_is_a_feature_of_the_act_it_announces(candidates: Pipeline) -> None:
    from eventwire.extract.trigger_model import token_features

    doc = candidates.nlp('"We will destroy their camps," the commander said. Troops destroyed the camps.')
    will, did = (t for t in doc if t.lemma_ == "destroy")
    assert {"intended", "intended_in_quote"} <= set(token_features(will, "body", True))
    assert "intended" not in token_features(did, "body", False)  # told as done


def test_a_token_read_alone_has_its_row_of_the_sentence_bit_for_bit(candidates: Pipeline) -> None:
    # the events stage reads only emitted triggers, one at a time: their probabilities must be
    # the ones a reading of the whole sentence gives, to the last bit
    typer = next(s for s in candidates.stages if s.__class__.__name__ == "EventStage").typer  # type: ignore[attr-defined]
    doc = candidates.nlp(
        '"We will not negotiate with them," the rebel commander said, after troops shelled their '
        "positions near the border and police detained dozens of protesters in the capital."
    )
    tokens = [t for t in doc if t.pos_ in ("VERB", "NOUN") and t.is_alpha]
    in_quote = lambda t: t.i < 9  # noqa: E731
    rows = typer.model.probabilities(tokens, "body", in_quote, typer.projections)
    for token, row in zip(tokens, rows, strict=True):
        alone = typer.model.row(token, "body", in_quote, typer.projections)
        assert alone.dtype == row.dtype and alone.tobytes() == row.tobytes(), token.text
    types = typer.sentence(next(iter(doc.sents)), "body", in_quote)
    shelled = next(t for t in doc if t.text == "shelled")
    at = tokens.index(shelled)
    assert types.at(shelled) is not None and types.at(shelled).probabilities.tobytes() == rows[at].tobytes()
