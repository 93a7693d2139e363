"""Blame said as a predicate ("said the militia was responsible for the attack", '"The
arrests are illegal," the lawyer said'): an ACCUSE by the speaker aimed at the clause's
subject, or at the doer of the act it judges (eventwire/extract/spoken_blame.py). Texts
written for the tests."""

from __future__ import annotations

import pytest

from eventwire import Pipeline


def _accusations(pipeline: Pipeline, text: str) -> list[tuple[str | None, str | None]]:
    events = pipeline.analyze_text(text).events
    return [
        (e.source.text if e.source else None, e.target.text if e.target else None)
        for e in events
        if e.type == "ACCUSE" and e.modality.value == "actual"
    ]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "The interior minister said on Friday that the rebels were responsible for the bombing "
            "of the bus station.",
            "The interior minister",
            "the rebels",
        ),
        (
            "Amnesty International says the army is guilty of war crimes in the eastern provinces.",
            "Amnesty International",
            "the army",
        ),
        (
            "The opposition leader told reporters the electoral commission was illegitimate.",
            "The opposition leader",
            "the electoral commission",
        ),
    ],
)
def test_blame_said_of_an_actor_accuses_it(candidates: Pipeline, text: str, source: str, target: str) -> None:
    assert (source, target) in _accusations(candidates, text), _accusations(candidates, text)


def test_blame_said_of_an_act_is_aimed_at_its_doer(candidates: Pipeline) -> None:
    text = "The foreign minister said the crackdown by the security forces had been unwarranted and disproportionate."
    assert ("The foreign minister", "the security forces") in _accusations(candidates, text)


@pytest.mark.parametrize(
    "text",
    [
        "The rebel commander said his fighters were not responsible for the bombing of the market.",
        "The mayor said the city council was responsible for road maintenance.",
        "The minister said it would be illegal for the council to raise taxes.",
        "The union said the strike was a success.",
    ],
)
def test_no_accusation_without_blame_said(candidates: Pipeline, text: str) -> None:
    """Negated or modal blame, a duty ("responsible for road maintenance") and praise are no
    accusation by the speaker."""
    speakers = {"The rebel commander", "The mayor", "The minister", "The union"}
    assert not [a for a in _accusations(candidates, text) if a[0] in speakers], _accusations(candidates, text)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "The ministry said it was unacceptable that Russian warplanes had entered its airspace.",
            "Russian warplanes",
        ),
    ],
)
def test_it_stands_for_the_clause_it_announces(candidates: Pipeline, text: str, target: str) -> None:
    """ "It is unacceptable that X ...": the blame is aimed at the subject of the clause "it"
    stands for, never at "it"."""
    found = _accusations(candidates, text)
    assert any(t == target for _, t in found), found
    assert not any(t == "it" for _, t in found), found


def test_the_act_blamed_for_is_carried_by_the_accusation(candidates: Pipeline) -> None:
    """ "said X was responsible for the bombing" is one accusation of X (coding rule 6): the
    bombing is not a second event by the speaker."""
    text = "The general said the rebels were responsible for the bombing of the market."
    events = candidates.analyze_text(text).events
    assert [e.type for e in events] == ["ACCUSE"], [(e.type, e.source and e.source.text) for e in events]


def test_regarded_as_illegal_parsed_as_a_clause_is_criticism(candidates: Pipeline) -> None:
    """ "regards X as illegal" is at times parsed with "illegal" as an adverbial clause: still
    the naming verb's predicate (docs/ontology.md, naming verbs)."""
    text = "The opposition party regards the detention of its activists as illegal and says they were beaten."
    assert any(s == "The opposition party" for s, _ in _accusations(candidates, text))


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "The former prime minister said the junta leaders were violating the constitution.",
            "The former prime minister",
            "the junta leaders",
        ),
        (
            "The opposition candidate said the vote had been rigged by the ruling party.",
            "The opposition candidate",
            "the ruling party",
        ),
        (
            "The prosecutor insisted that the accused officers had tried to destabilise the state.",
            "The prosecutor",
            "the accused officers",
        ),
        (
            "The opposition party said that the cabinet had committed an act of treason.",
            "The opposition party",
            "the cabinet",
        ),
        (
            '"These ministers have cheated the farmers," a union leader in the capital told reporters on Monday.',
            "a union leader in the capital",
            "These ministers",
        ),
    ],
)
def test_wrongdoing_said_of_an_actor_accuses_it(
    candidates: Pipeline, text: str, source: str, target: str
) -> None:
    """Saying that another did wrong (violated, rigged, tried to destabilise, committed
    treason) is accusing them: the speaker's ACCUSE aimed at the wrongdoer, the "by" agent
    of a passive clause."""
    assert (source, target) in _accusations(candidates, text), _accusations(candidates, text)


@pytest.mark.parametrize(
    "text",
    [
        "The army spokesman said the rebels had not violated the truce.",
        "The rebel commander said we violated no agreement.",
        "The army spokesman said rebels attacked a checkpoint near the border.",
        "The army spokesman said its soldiers had neutralized nine terrorists.",
    ],
)
def test_no_accusation_without_a_wrong_charged(candidates: Pipeline, text: str) -> None:
    """A denied wrong, the speaker's own, a reported attack (the attack itself, coding rule
    7) and enemies named by disapproval are no accusation by the speaker."""
    assert not [a for a in _accusations(candidates, text) if a[0] == "The army spokesman"], _accusations(
        candidates, text
    )
    assert not [a for a in _accusations(candidates, text) if a[0] == "The rebel commander"]


def test_a_violation_charged_is_no_refusal(candidates: Pipeline) -> None:
    """ "said X violated the truce" is the speaker's accusation, which carries the violation
    (coding rule 6): no REJECT by X."""
    text = "The defence ministry said two foreign helicopters had violated its airspace on Tuesday."
    types = [e.type for e in candidates.analyze_text(text).events]
    assert "ACCUSE" in types and "REJECT" not in types, types


def test_the_evidence_of_a_blame_said_is_its_clause(candidates: Pipeline) -> None:
    """The words that state the accusation are the clause ('"[These officials have betrayed
    the public]," the opposition leader told a rally'), not the verb of saying alone."""
    text = '"These officials have betrayed the public," the opposition leader told a rally in the capital.'
    events = [e for e in candidates.analyze_text(text).events if e.type == "ACCUSE"]
    assert events and "betrayed the public" in events[0].evidence.text, [e.evidence.text for e in events]
