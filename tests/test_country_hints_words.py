"""CountryHints.in_words (resolve/hints.py): the first country a run of up to three
capitalised words names, longest runs first. Word lists written for the tests."""

from __future__ import annotations

import pytest

from eventwire.resolve.actors import resolver_for


@pytest.mark.parametrize(
    ("words", "country"),
    [
        (["riot", "police", "in", "Nairobi", "(Kenya)", "on", "Monday"], "KEN"),
        (["troops", "of", "the", "US-led", "coalition"], None),
        (["a", "UK", "drone"], "GBR"),
        (["Up", "to", "100", "ethnic", "Turks", "crossed"], None),  # a first word and a people, no place
        (["teachers", "of", "the", "Russian", "language"], None),
        (["gunmen", "near", "“Bamako,”", "witnesses", "said"], "MLI"),
        ([], None),
    ],
)
def test_a_country_is_read_off_capitalised_runs(words: list[str], country: str | None) -> None:
    assert resolver_for((), "md").hints.in_words(words) == country
