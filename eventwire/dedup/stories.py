"""The story score of a pair of articles: what the wording says (sentence embeddings) and
what the facts say (resolved actors, places, names, numbers: the sparse features).

Both the DuckDB linker and the Spark engine score pairs here, so that they decide alike.

* Both articles English: ``w * cosine(embeddings) + (1 - w) * cosine(features)``. The
  embedding carries reports that say the same thing in other words; the features keep
  same-actor, different-incident pairs apart (two Houthi attacks on two ships a day apart
  read alike, but name other ships, places and numbers).
* Otherwise (another language on either side): the embedding cosine alone, scaled so that
  ``cross_language_similarity`` maps onto the same threshold. The multilingual model puts
  an Arabic, Spanish or Russian report of a story next to its English reports; the sparse
  features of a non-English text are only its names and numbers.

Then the day decay: ``story_decay_per_day`` lost per day apart beyond the first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventwire.dedup.linker import DedupConfig

COSINE_DIGITS = 6  # embedding cosines are rounded, so float noise cannot separate two engines


def story_score(
    embedding: float, features: float, both_english: bool, days_apart: int, config: DedupConfig
) -> float:
    """Score of an (earlier article, new article) pair, to compare with ``config.story_similarity``."""
    if both_english:
        w = config.embedding_weight
        base = w * embedding + (1 - w) * features
    else:
        base = embedding * config.story_similarity / config.cross_language_similarity
    return base * (1 - config.story_decay_per_day * max(abs(days_apart) - 1, 0))


def rounded_cosine(value: float) -> float:
    return round(float(value), COSINE_DIGITS)
