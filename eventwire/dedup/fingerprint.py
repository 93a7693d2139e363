"""Pipeline stage that prepares what deduplication compares, while the parse is at hand.

Runs last in the per-article pipeline (so in worker processes in parallel mode): the
MinHash signature of the body, and the base weights of the story features, using the
parse (lemmas, entities) when the article is English and plain patterns otherwise.
"""

from __future__ import annotations

from eventwire.config import PipelineConfig
from eventwire.dedup.features import raw_features
from eventwire.dedup.signatures import signature, to_blob
from eventwire.models import Analysis


class FingerprintStage:
    """Reads the body, ``docs``, ``actors``, ``places``, ``events``; writes ``features``, ``signature``."""

    name = "fingerprint"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config

    def __call__(self, analysis: Analysis) -> Analysis:
        analysis.signature = to_blob(signature(analysis.article.body))
        analysis.features = dict(raw_features(analysis))
        return analysis
