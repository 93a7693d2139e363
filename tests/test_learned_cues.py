"""Learned attribution cues: a verb the cue lexicon lacks that governs a clause becomes an
attribution (never a quote), ordinary transitive verbs do not, and the rule-based quotes
are the same with or without the model."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire import Pipeline
from eventwire.config import CUE_MODEL_PATH, PipelineConfig
from eventwire.errors import ConfigError
from eventwire.extract.learned_cues import candidates, features, load_cue_model
from eventwire.extract.quote_lexicon import load_quote_lexicon

PUBLISHED = dt.date(2022, 5, 9)
RULING = (
    "Court blocks voting law\n\n"
    "The state's highest judge ruled that the new voting law could not take effect before the "
    "autumn election.\n\n"
    '"We will appeal this decision," Attorney General Dana Whitcombe said on Friday.\n\n'
    "Officials said the ballots had already been printed."
)


@pytest.fixture(scope="module")
def without_model() -> Pipeline:
    return Pipeline(PipelineConfig(model="md", cue_model_path=None))


def test_a_clause_verb_the_lexicon_lacks_is_an_attribution(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(RULING, published=PUBLISHED)
    ruled = [a for a in analysis.attributions if a.cue is not None and a.cue.text == "ruled"]
    assert ruled, [(a.cue, a.text) for a in analysis.attributions]
    assert ruled[0].text.startswith("that the new voting law could not take effect")
    assert ruled[0].speaker is not None and "judge" in ruled[0].speaker.text
    assert ruled[0].kind == "stance"
    assert not any(q.cue is not None and q.cue.text == "ruled" for q in analysis.quotes)


def test_learned_cues_leave_the_quotes_alone(pipeline: Pipeline, without_model: Pipeline) -> None:
    with_cues = pipeline.analyze_text(RULING, published=PUBLISHED)
    rules_only = without_model.analyze_text(RULING, published=PUBLISHED)
    assert [(q.text, q.speaker) for q in with_cues.quotes] == [(q.text, q.speaker) for q in rules_only.quotes]
    assert len(with_cues.attributions) > len(rules_only.attributions)
    assert [e.type for e in with_cues.events] == [e.type for e in rules_only.events]


def test_an_ordinary_transitive_verb_is_no_cue(pipeline: Pipeline) -> None:
    text = (
        "Club spends on training ground\n\n"
        "The football club bought two new pitches for its youth academy last week."
    )
    analysis = pipeline.analyze_text(text, published=PUBLISHED)
    assert not [a for a in analysis.attributions if a.cue is not None and a.cue.text == "bought"]


def test_candidates_skip_lexicon_words_and_quotations(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("The minister said that prices would fall, and the mayor ruled that parking is free.")
    lexicon = load_quote_lexicon()
    found = {att.cue.text for att in candidates(doc, lexicon, set())}
    assert "said" not in found  # the lexicon's rules decide its own words
    assert "ruled" in found
    ruled = next(t.i for t in doc if t.text == "ruled")
    assert "ruled" not in {att.cue.text for att in candidates(doc, lexicon, {ruled})}
    att = next(a for a in candidates(doc, lexicon, set()) if a.cue.text == "ruled")
    names, vector = features(att)
    assert "frame=say" in names and "that" in names and vector.shape == (600,)


def test_a_missing_model_is_refused_and_a_wrong_one_too(tmp_path: Path) -> None:
    assert load_cue_model(tmp_path / "absent.json") is None
    with pytest.raises(ConfigError):
        PipelineConfig(cue_model_path=tmp_path / "absent.json")
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"format": "something-else"}), encoding="utf-8")
    with pytest.raises(ConfigError):
        load_cue_model(wrong)
    shipped = json.loads(Path(CUE_MODEL_PATH).read_text(encoding="utf-8"))
    unknown = tmp_path / "unknown.json"
    unknown.write_text(json.dumps({**shipped, "features": ["sentiment=angry", *shipped["features"][1:]]}))
    with pytest.raises(ConfigError, match="sentiment=angry"):
        load_cue_model(unknown)  # a feature this code does not compute


def test_the_kept_word_terms_score_as_the_training_features_do(pipeline: Pipeline) -> None:
    model = load_cue_model()
    assert model is not None
    doc = pipeline.nlp("The panel concluded that the new stadium would cost twice the estimate.")
    for att in candidates(doc, load_quote_lexicon(), set()):
        names, vector = features(att)
        assert model.accepts(att) == (model.score(names, vector) >= model.threshold)


def test_the_small_model_reads_with_the_lexicon_alone() -> None:
    """The vector weights read md's 300-wide word vectors; sm's tokens carry 96 context
    dimensions, so with sm the learned cues stay off instead of failing the quote stage."""
    small = Pipeline(PipelineConfig(model="sm"))
    analysis = small.analyze_text(RULING, published=PUBLISHED)
    assert any(q.speaker is not None and "Whitcombe" in q.speaker.text for q in analysis.quotes)
    assert not any(a.cue is not None and a.cue.text == "ruled" for a in analysis.attributions)
