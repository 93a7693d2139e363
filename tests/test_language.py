"""Language identification (ingest/language.py): English news is known by its function
words without lingua; other languages still go to lingua. Texts written for the tests."""

from __future__ import annotations

import pytest

from eventwire.ingest import language
from eventwire.ingest.language import detect_language, plainly_english

ENGLISH = (
    "The Kenyan government said on Tuesday that it had expelled two Ugandan diplomats accused of "
    "spying on opposition leaders, a move that drew a sharp protest from Kampala. The foreign "
    "ministry in Nairobi gave the envoys 48 hours to leave the country, and officials said the "
    "decision followed an investigation by the national intelligence service."
)
SPANISH = (
    "El gobierno de Colombia anunció el martes que suspenderá las conversaciones de paz con el ELN "
    "después de un ataque contra una base militar en Arauca, según informó el ministro de Defensa en "
    "una rueda de prensa en Bogotá. Los rebeldes no han reivindicado el atentado."
)
FRENCH = (
    "Le gouvernement français a annoncé mardi qu'il allait suspendre les discussions avec le Mali "
    "après l'expulsion de son ambassadeur à Bamako, a déclaré le ministre des Affaires étrangères "
    "lors d'une conférence de presse à Paris. Les autorités maliennes ont accusé la France d'ingérence."
)


def test_english_news_is_known_by_its_function_words_without_lingua(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_lingua(languages: tuple[str, ...]) -> None:
        raise AssertionError("lingua was asked")

    monkeypatch.setattr(language, "_detector", no_lingua)
    assert plainly_english(ENGLISH)
    assert detect_language(ENGLISH, ("en", "es", "fr")) == "en"


@pytest.mark.parametrize(("text", "code"), [(SPANISH, "es"), (FRENCH, "fr")])
def test_other_languages_are_not_taken_for_english(text: str, code: str) -> None:
    assert not plainly_english(text)
    assert detect_language(text, ("en", "es", "fr")) == code


def test_a_short_english_line_is_left_to_lingua() -> None:
    assert not plainly_english("France gave Iran an ultimatum.")  # too few words to tell


def test_warming_builds_the_detector_a_plainly_english_text_never_calls() -> None:
    """A served worker warms up on English news, which never reaches lingua; its models must
    still be loaded before the first timed request (tests/test_serve_limits.py)."""
    languages = ("en", "fr", "de")
    language._detector.cache_clear()
    language.warm_detector(languages)
    assert language._detector.cache_info().currsize == 1
    assert detect_language("Le gouvernement a rejeté la proposition des syndicats.", languages) == "fr"
