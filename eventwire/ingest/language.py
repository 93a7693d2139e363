"""Language identification, so non-English text is flagged instead of mis-parsed.

lingua is loaded with a short list of languages only: all 75 take 1.3 GB.
"""

from __future__ import annotations

from functools import cache
from typing import Any

# ISO 639-1 codes eventwire knows how to name; the detector is built from a subset of these.
_LINGUA_NAMES = {
    "en": "ENGLISH", "es": "SPANISH", "fr": "FRENCH", "de": "GERMAN", "ar": "ARABIC",
    "ru": "RUSSIAN", "pt": "PORTUGUESE", "it": "ITALIAN", "tr": "TURKISH", "uk": "UKRAINIAN",
    "fa": "PERSIAN", "he": "HEBREW", "zh": "CHINESE", "nl": "DUTCH", "pl": "POLISH",
}  # fmt: skip
SAMPLE_CHARS = 2000


@cache
def _detector(languages: tuple[str, ...]) -> Any:
    from lingua import Language, LanguageDetectorBuilder

    unknown = [code for code in languages if code not in _LINGUA_NAMES]
    if unknown:
        raise ValueError(f"unsupported language codes: {', '.join(unknown)}")
    chosen = [getattr(Language, _LINGUA_NAMES[code]) for code in languages]
    return LanguageDetectorBuilder.from_languages(*chosen).build()


def detect_language(text: str, languages: tuple[str, ...]) -> str | None:
    """ISO 639-1 code of the most likely language among ``languages``, or None if unsure."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 20:
        return None
    language = _detector(tuple(sorted(languages))).detect_language_of(sample)
    if language is None:
        return None
    return str(language.iso_code_639_1.name).lower()
