"""Language identification, so non-English text is flagged instead of mis-parsed.

lingua is loaded with a short list of languages only: all 75 take 1.3 GB.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

# ISO 639-1 codes eventwire knows how to name; the detector is built from a subset of these.
_LINGUA_NAMES = {
    "en": "ENGLISH", "es": "SPANISH", "fr": "FRENCH", "de": "GERMAN", "ar": "ARABIC",
    "ru": "RUSSIAN", "pt": "PORTUGUESE", "it": "ITALIAN", "tr": "TURKISH", "uk": "UKRAINIAN",
    "fa": "PERSIAN", "he": "HEBREW", "zh": "CHINESE", "nl": "DUTCH", "pl": "POLISH",
}  # fmt: skip
SAMPLE_CHARS = 2000
# A language is named only when lingua rates it this likely: a one-line English text full of
# names ("France gave Iran an ultimatum.") rates several languages alike, and guessing one
# of them would leave the article unparsed.
MIN_CONFIDENCE = 0.5
# Scripts that no language lingua is built for here is written in: a text mostly in one
# of them is that language, flagged (not parsed), where lingua would guess among the
# languages it knows or give up (and the article would have been read as English).
# (first code point, last code point, ISO 639-1 code): kana before Han, so Japanese is ja.
_SCRIPTS = (
    (0x3040, 0x30FF, "ja"), (0xAC00, 0xD7AF, "ko"), (0x1100, 0x11FF, "ko"),
    (0x4E00, 0x9FFF, "zh"), (0x3400, 0x4DBF, "zh"), (0x0590, 0x05FF, "he"),
    (0x0370, 0x03FF, "el"), (0x0900, 0x097F, "hi"), (0x0980, 0x09FF, "bn"),
    (0x0B80, 0x0BFF, "ta"), (0x0E00, 0x0E7F, "th"), (0x10A0, 0x10FF, "ka"),
    (0x0530, 0x058F, "hy"), (0x1200, 0x137F, "am"),
)  # fmt: skip


# English's commonest words, which no other language the detector knows writes as words
# ("the", "and", "was", "said" ...): a sample where they are a large share of the words and
# "the" is among them is English, without running lingua (which took as long as every
# other stage before the parse, on the English news that is nearly all of a feed).
_ENGLISH_WORDS = frozenset(
    {"the", "and", "of", "to", "was", "were", "that", "with", "for", "said", "has", "have",
     "from", "by", "on", "is", "are", "which", "who", "had", "its", "his", "their", "will"}
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
ENGLISH_SHARE = 0.12  # news English: 0.17-0.35 of the words (these words); Dutch, German, Spanish: under 0.03
MIN_WORDS = 40


def plainly_english(sample: str) -> bool:
    """Whether a sample is English by its function words alone (at least ``MIN_WORDS`` words)."""
    words = _WORD.findall(sample.lower())
    if len(words) < MIN_WORDS:
        return False
    english = sum(1 for w in words if w in _ENGLISH_WORDS)
    return english >= ENGLISH_SHARE * len(words) and words.count("the") * 50 >= len(words)


@cache
def _detector(languages: tuple[str, ...]) -> Any:
    from lingua import Language, LanguageDetectorBuilder

    unknown = [code for code in languages if code not in _LINGUA_NAMES]
    if unknown:
        raise ValueError(f"unsupported language codes: {', '.join(unknown)}")
    chosen = [getattr(Language, _LINGUA_NAMES[code]) for code in languages]
    return LanguageDetectorBuilder.from_languages(*chosen).build()


def warm_detector(languages: tuple[str, ...]) -> None:
    """Load the detector's language models now (they load on its first call)."""
    _detector(tuple(sorted(languages))).compute_language_confidence_values("Le gouvernement a dit non.")


def detect_language(text: str, languages: tuple[str, ...]) -> str | None:
    """ISO 639-1 code of the most likely language among ``languages``, or None if unsure;
    a text mostly in a script none of them uses gives that script's language (``zh``)."""
    sample = text[:SAMPLE_CHARS]
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < 20:
        return None
    by_script = script_language(letters)
    if by_script is not None and by_script not in languages:
        return by_script
    if "en" in languages and by_script is None and plainly_english(sample):
        return "en"
    ranked = _detector(tuple(sorted(languages))).compute_language_confidence_values(sample)
    if not ranked or ranked[0].value < MIN_CONFIDENCE:
        return None  # "France sent humanitarian aid to Iran.": es 0.24, en 0.23, it 0.22
    return str(ranked[0].language.iso_code_639_1.name).lower()


def script_language(letters: list[str]) -> str | None:
    """The language of the script most of ``letters`` are in, among ``_SCRIPTS``; else None."""
    counts: dict[str, int] = {}
    for ch in letters:
        point = ord(ch)
        if point < 0x0370:
            continue  # Latin: lingua's business
        code = next((code for low, high, code in _SCRIPTS if low <= point <= high), None)
        if code is not None:
            counts[code] = counts.get(code, 0) + 1
    if "ja" in counts:  # Japanese mixes kana and Han
        counts["ja"] += counts.pop("zh", 0)
    best = max(counts, key=lambda c: counts[c], default=None)
    return best if best is not None and counts[best] * 2 >= len(letters) else None
