"""MinHash signatures of article text, and LSH band keys to find near-duplicates in SQL.

Syndicated copies and light rewrites share most word 5-grams. A MinHash signature
estimates the Jaccard similarity of those shingle sets; cutting it into bands
gives keys that collide for similar texts, so candidates are found with an
indexed equality join in DuckDB instead of a scan over every stored signature.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
BANDS = 16  # 16 bands x 4 rows: a pair with Jaccard 0.5 collides in some band with p ~ 0.65
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 5
SEED = 7
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Lower-cased word n-grams; texts shorter than ``size`` words give one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> np.ndarray:
    """MinHash signature (uint32 array of NUM_PERM values); deterministic across processes."""
    template = _template()
    minhash = MinHash(
        num_perm=NUM_PERM, seed=SEED, permutations=template.permutations, scheme=template.scheme
    )
    minhash.update_batch(list(shingles(text)))
    return np.asarray(minhash.hashvalues, dtype=np.uint32)


@cache
def _template() -> MinHash:
    """An empty MinHash of ``NUM_PERM`` and ``SEED``, built once per process: its permutations
    are drawn from a new random generator at each construction (about 1 ms), the same every
    time, so each signature reuses them."""
    return MinHash(num_perm=NUM_PERM, seed=SEED)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (band number mixed in, so bands never collide)."""
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    return float(np.mean(a == b))


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype(np.uint32).tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.uint32)
