"""Verbs of the prefix "re-" that repeat an act read as the act they repeat."""

from __future__ import annotations

import pytest

from eventwire import Pipeline
from eventwire.extract.event_lexicon import load_event_lexicon


@pytest.mark.parametrize(
    ("lemma", "form", "base"),
    [
        ("recapture", "recaptured", "capture"),
        ("reimpose", "reimposing", "impose"),
        ("rearreste", "rearrested", "arrest"),  # the lemma spaCy guesses for an unknown prefixed form
        ("re-deploy", "re-deployed", "deploy"),
        ("recommend", "recommended", None),  # its "re" is no prefix: no "commend" again
        ("remove", "removed", None),
        ("resign", "resigned", None),  # a row of its own
        ("remain", "remained", None),  # "main" is no trigger
        ("report", "reported", None),
    ],
)  # fmt: skip
def test_the_act_a_re_verb_repeats(lemma: str, form: str, base: str | None) -> None:
    assert load_event_lexicon().repeated(lemma, form) == base


def codes(pipeline: Pipeline, text: str) -> set[tuple[str, str | None]]:
    return {(e.type, e.cameo) for e in pipeline.analyze_text(text).events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Riot police rearrested the student leader outside the courthouse.", ("COERCE", "173")),
        ("The army recaptured the port town of Marsa after two days of fighting.", ("COERCE", "192")),
        ("Militia fighters have retaken the town of Kauda from the government.", ("COERCE", "192")),
        ("The trade bloc reimposed sanctions on the junta after the coup.", ("COERCE", "163")),
        ("The ministry redeployed troops along the southern frontier.", ("MOBILIZE", "154")),
    ],
)  # fmt: skip
def test_a_repeated_act_reads_as_the_act(candidates: Pipeline, text: str, expected: tuple[str, str]) -> None:
    assert expected in codes(candidates, text)


def test_a_word_whose_re_is_no_prefix_is_not_its_remainder(candidates: Pipeline) -> None:
    types = {
        e.type for e in candidates.analyze_text("The panel recommended a review of the budget rules.").events
    }
    assert "SUPPORT" not in types  # no "commend"
