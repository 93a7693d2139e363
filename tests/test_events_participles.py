"""Participles after a noun: an act of the noun, of whoever issued it, or only a description."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.models import Analysis, Event


def events(analysis: Analysis, type_: str) -> list[Event]:
    return [e for e in analysis.events if e.type == type_]


def sides(event: Event) -> tuple[str | None, str | None]:
    return (
        event.source.country if event.source else None,
        event.target.country if event.target else None,
    )


def test_participle_between_commas_is_the_nouns_act(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Kurdish militia fighters, battling Turkish troops near the border, lost two villages on Sunday."
    )
    assert any(sides(e)[1] == "TUR" for e in events(analysis, "ASSAULT"))


def test_participle_on_a_letter_is_its_senders_act(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Senators from both parties sent Secretary Rubio a letter urging him to suspend arms sales to Qatar."
    )
    requests = events(analysis, "REQUEST")
    assert requests and all(e.source is not None and "Senators" in e.source.text for e in requests)


def test_participle_on_a_decree_is_the_act_of_who_imposed_it(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "The Bolivian government imposed an emergency decree banning all street demonstrations in La Paz."
    )
    assert any(sides(e)[0] == "BOL" and e.trigger.text == "banning" for e in events(analysis, "COERCE"))


def test_reacting_to_a_resolution_does_not_issue_it(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Ethiopia rejected a resolution calling on Eritrea to withdraw its troops from the border town."
    )
    assert not any(sides(e)[0] == "ETH" for e in events(analysis, "REQUEST"))


def test_participle_on_people_or_an_unsent_thing_only_describes(candidates: Pipeline) -> None:
    marchers = candidates.analyze_text(
        "Protesters carrying Palestinian flags marched through central London."
    )
    assert all(e.trigger.text != "carrying" for e in marchers.events)
    convoy = candidates.analyze_text("A convoy carrying food and medicine reached the Syrian town of Idlib.")
    assert not events(convoy, "AID")
    arrest = candidates.analyze_text("Police in Nairobi arrested a man carrying a rifle near the embassy.")
    assert [e.trigger.text for e in arrest.events] == ["arrested"]


def test_participle_after_an_act_noun_names_its_target(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Washington announced new sanctions targeting Venezuelan officials on Tuesday."
    )
    assert any(sides(e) == ("USA", "VEN") for e in events(analysis, "COERCE"))
    assert not events(analysis, "ASSAULT")  # "targeting" restates the sanctions, no attack of its own


def test_a_passive_participle_with_its_doer_is_no_part_of_the_nouns_name(candidates: Pipeline) -> None:
    # "the opposition leader blamed by the president": the leader, not the president who blamed him
    analysis = candidates.analyze_text(
        "The opposition leader blamed by President Maduro for the riots was charged with murder on Monday."
    )
    blamed = [e for e in events(analysis, "ACCUSE") if e.trigger.text == "blamed"]
    assert blamed and all(e.source is not None and "Maduro" in e.source.text for e in blamed)
    assert all(e.target is not None and e.target.text == "The opposition leader" for e in blamed)


def test_members_of_a_set_a_participle_describes_are_its_patients(candidates: Pipeline) -> None:
    """Members of a set: "X were among those detained", "among those held were X", "X was one of those
    arrested", "those detained included X": what is done to the set is done to X."""
    told = {
        "Two opposition leaders were among those detained in Lusaka on Monday.": {"Two opposition leaders"},
        "Among those arrested in Harare were lawyer Tendai Moyo and activist Grace Phiri.": {
            "lawyer Tendai Moyo", "activist Grace Phiri",
        },
        "The journalist Samuel Okello was one of those detained by soldiers in Gulu.": {"The journalist Samuel Okello"},
        "Those detained in Lagos on Friday included the union leader Bola Adeyemi.": {"the union leader Bola Adeyemi"},
    }  # fmt: skip
    for text, members in told.items():
        targets = {e.target.text for e in events(candidates.analyze_text(text), "COERCE") if e.target}
        assert members <= targets, (text, targets)
    # a set named in other ways keeps its own patient: no member where none is placed in it
    plain = candidates.analyze_text("Two opposition leaders said those detained in Lusaka were beaten.")
    assert all(e.target is None or "opposition" not in e.target.text for e in events(plain, "COERCE"))
