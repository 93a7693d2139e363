"""One declarative configuration for a pipeline run, validated when built."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import ConfigError

DATA_DIR = Path(__file__).parent / "data"
MODELS = ("sm", "md")
SCORER_PATH = DATA_DIR / "models" / "event_scorer.json"
COREF_PATH = DATA_DIR / "models" / "event_coref.json"
TRIGGER_MODEL_PATH = DATA_DIR / "models" / "trigger_model.json"
ARGUMENTS_PATH = DATA_DIR / "models" / "argument_ranker.json"
CUE_MODEL_PATH = DATA_DIR / "models" / "cue_model.json"


@dataclass(frozen=True)
class PipelineConfig:
    """What to run and with which data; every data file a user may extend is listed here."""

    model: str = "md"
    batch_size: int = 32
    # Parse (tag, lemmatise, dependency-parse) only sentences that can hold an event or a
    # quote; entities are found everywhere either way. See eventwire/nlp/parse.py.
    selective_parse: bool = True
    # Sections per spaCy batch. Speed is flat from 4 up; peak memory grows with it
    # (md model, ~800-word sections: ~560 MB per process at 4, ~960 MB at 32).
    spacy_batch_size: int = 4
    # Extra user data files merged over the shipped ones.
    kb_files: tuple[Path, ...] = field(default_factory=tuple)
    gazetteer_files: tuple[Path, ...] = field(default_factory=tuple)
    languages: tuple[str, ...] = ("en", "es", "fr", "de", "ar", "ru", "pt", "it", "tr", "uk")
    # The event scorer (eventwire/extract/event_scorer.py) sets each event's calibrated
    # confidence; events under ``min_confidence`` are dropped (None: the threshold chosen
    # with the model on the article dev half; 0: keep every candidate).
    score_events: bool = True
    # A reported clause's own quoted words are folded into the clause after the event stages
    # (QuoteFoldStage, eventwire/extract/quotes.py); False keeps them as the event stages
    # read them, for the models trained on what those stages read.
    fold_quotations: bool = True
    scorer_path: Path = SCORER_PATH
    min_confidence: float | None = None
    # Which mentions of one type are one act (eventwire/resolve/event_coref.py): a learned
    # pair model within the rules' hard constraints; None: the rules alone.
    coref_path: Path | None = COREF_PATH
    # The learned trigger model (eventwire/extract/trigger_model.py): new triggers for words the
    # lexicon lacks, and each candidate's type probability for the scorer; None: the lexicon alone.
    trigger_model_path: Path | None = TRIGGER_MODEL_PATH
    # A learned second look at each event's sides among the sentence's actors
    # (eventwire/extract/argument_ranker.py); None: the rules' choice stands.
    arguments_path: Path | None = ARGUMENTS_PATH
    # Learned attribution cues for words the quote-cue lexicon lacks
    # (eventwire/extract/learned_cues.py): attributions only; None: the lexicon alone.
    cue_model_path: Path | None = CUE_MODEL_PATH

    def __post_init__(self) -> None:
        if self.model not in MODELS:
            raise ConfigError(f"unknown model {self.model!r}: choose one of {', '.join(MODELS)}")
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be >= 1, got {self.batch_size}")
        if self.spacy_batch_size < 1:
            raise ConfigError(f"spacy_batch_size must be >= 1, got {self.spacy_batch_size}")
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError(f"min_confidence must be between 0 and 1, got {self.min_confidence}")
        if self.score_events and not Path(self.scorer_path).is_file():
            raise ConfigError(f"event scorer model not found: {self.scorer_path} (eventwire train-scorer)")
        if self.coref_path is not None and not Path(self.coref_path).is_file():
            raise ConfigError(f"event coreference model not found: {self.coref_path} (eventwire train-coref)")
        if self.trigger_model_path is not None and not Path(self.trigger_model_path).is_file():
            path = self.trigger_model_path
            raise ConfigError(f"trigger model not found: {path} (eventwire train-triggers)")
        if self.arguments_path is not None and not Path(self.arguments_path).is_file():
            raise ConfigError(f"argument ranker not found: {self.arguments_path} (eventwire train-arguments)")
        if self.cue_model_path is not None and not Path(self.cue_model_path).is_file():
            raise ConfigError(f"cue model not found: {self.cue_model_path} (eventwire train-cues)")
        for path in (*self.kb_files, *self.gazetteer_files):
            if not Path(path).is_file():
                raise ConfigError(f"data file not found: {path}")
