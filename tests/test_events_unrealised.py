"""Acts that were not done: conditions ("if the army attacks", and told by inversion, "should
the army attack, ...": hypothetical, no stated intention of the army, and the one whose act
would bring on a threat is its target; the condition's act is no event of its own), acts
their doer could not do ("could not evacuate them": no act and no refusal), and acts
another kept from happening ("prevented them from storming ...")."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.extract.event_lexicon import load_event_lexicon
from eventwire.extract.modality import ModalityReader, Reading
from eventwire.models import Modality


def types(pipeline: Pipeline, text: str) -> dict[str, list[Modality]]:
    out: dict[str, list[Modality]] = {}
    for event in pipeline.analyze_text(text).events:
        out.setdefault(event.type, []).append(event.modality)
    return out


def reading(pipeline: Pipeline, text: str, word: str) -> Reading:
    """The modality reader's reading of ``word`` (its first occurrence) in ``text``."""
    doc = pipeline.analyze_text(text).docs[0].doc
    token = next(t for t in doc if t.text == word)
    return ModalityReader(load_event_lexicon()).read(token)


def test_an_inverted_condition_is_no_stated_intention(candidates: Pipeline) -> None:
    found = types(candidates, "Should the army attack the town, the rebels will retaliate, a commander said.")
    assert "ASSAULT" not in found  # a condition, like "if the army attacks": no act told
    assert found.get("THREATEN") == [Modality.ACTUAL]  # the rebels' retaliation, not the army's attack


def test_an_inverted_condition_after_the_main_clause(candidates: Pipeline) -> None:
    found = types(
        candidates,
        "The opposition leader said she stood ready to lead the country should the president resign.",
    )
    assert "CONCEDE" not in found  # his resignation is only the condition of her readiness
    assert "AGREE" in found


def test_had_before_its_subject_is_a_condition(candidates: Pipeline) -> None:
    found = types(
        candidates, "Had the police arrested the gunmen, the riot would have ended, residents said."
    )
    assert "COERCE" not in found
    arrest = reading(candidates, "Had the police arrested the gunmen, the riot would have ended.", "arrested")
    assert arrest.condition and arrest.modality() is Modality.HYPOTHETICAL


def test_a_condition_covers_both_verbs_of_its_clause(candidates: Pipeline) -> None:
    found = types(
        candidates, "Should the militia storm the base and seize its weapons, the army will strike back."
    )
    assert Modality.ACTUAL not in found.get("ASSAULT", []) + found.get("COERCE", [])


def test_a_real_act_in_the_main_clause_stays_actual(candidates: Pipeline) -> None:
    found = types(
        candidates, "Soldiers shot three protesters in the capital, should the reports be confirmed."
    )
    assert found.get("ASSAULT") == [Modality.ACTUAL]  # "should the reports be confirmed": no event


def test_a_threat_stays_a_threat(candidates: Pipeline) -> None:
    found = types(candidates, "The militia threatened to attack the convoy.")
    assert found.get("THREATEN") == [Modality.ACTUAL]
    assert "ASSAULT" not in found  # carried by the threat


def test_a_second_act_of_the_main_clause_stays_actual(candidates: Pipeline) -> None:
    found = types(candidates, "Troops fired on the crowd and arrested dozens of students.")
    assert found.get("COERCE") == [Modality.ACTUAL]


def test_an_inverted_condition_names_the_threatened_side(candidates: Pipeline) -> None:
    text = "Chile warned on Friday that it would impose tariffs should Peru block the shipments."
    threats = [e for e in candidates.analyze_text(text).events if e.type == "THREATEN"]
    assert threats and threats[0].target is not None and threats[0].target.text == "Peru"


def test_an_inverted_condition_reads_like_if(candidates: Pipeline) -> None:
    inverted = reading(candidates, "Should the rebels storm the capital, the army will pull back.", "storm")
    plain = reading(candidates, "If the rebels storm the capital, the army will pull back.", "storm")
    assert inverted.condition and plain.condition
    assert inverted.modality() is plain.modality() is Modality.HYPOTHETICAL
    found = types(candidates, "If the rebels storm the capital, the army will pull back.")
    assert "ASSAULT" not in found and "AGREE" in found  # the army's stated pull-back, not the storm


def test_the_act_a_threat_is_conditioned_on_is_no_event(candidates: Pipeline) -> None:
    text = "The minister warned that the government would cut fuel subsidies if the unions blocked the ports."
    found = types(candidates, text)
    assert "COERCE" not in found and "PROTEST" not in found  # the blockade is only the condition
    found = types(candidates, "The general said his troops would respond if they were attacked again.")
    assert "ASSAULT" not in found


def test_a_negated_ability_is_no_act_and_no_refusal(candidates: Pipeline) -> None:
    for text in (
        "The injured villagers could not be evacuated before nightfall, a relief worker said.",
        "Rescue teams were unable to evacuate the injured villagers before nightfall.",
        "The aid agency could not deliver food to the displaced families, its director said.",
    ):
        found = types(candidates, text)
        assert "AID" not in found and "REJECT" not in found, text


def test_a_refusal_is_still_a_refusal(candidates: Pipeline) -> None:
    found = types(candidates, "The rebels said they would not release the hostages on Tuesday.")
    assert "REJECT" in found  # "would not release": a refusal, unlike "could not release"
    found = types(candidates, "The government refused to release the detained journalists.")
    assert found.get("REJECT") == [Modality.ACTUAL]
    found = types(candidates, "Moldova said it cannot accept the terms of the gas contract.")
    assert found.get("REJECT") == [Modality.ACTUAL]  # one cannot accept only by not willing to


def test_what_could_not_be_stopped_happened(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Troops could not stop the protesters from storming the parliament building."
    )
    storming = [e for e in analysis.events if e.type == "PROTEST"]  # protesters storming protest
    assert storming and storming[0].modality is Modality.ACTUAL  # the storming happened
    assert storming[0].source is not None and storming[0].source.text == "the protesters"  # theirs


def test_an_act_kept_from_happening_is_no_event(candidates: Pipeline) -> None:
    found = types(candidates, "Police prevented the protesters from storming the parliament building.")
    assert "ASSAULT" not in found  # it did not happen; the police's act is what is told
    text = "Witnesses said police stopped students from leaving the campus and arrested twelve of them."
    arrests = [e for e in candidates.analyze_text(text).events if e.type == "COERCE"]
    assert arrests and arrests[0].source is not None and arrests[0].source.text == "police"  # not over "and"


def test_a_real_act_beside_a_condition_stays(candidates: Pipeline) -> None:
    found = types(
        candidates, "Gunmen attacked a police post on Monday, killing two officers, if the governor is right."
    )
    assert found.get("ASSAULT") == [Modality.ACTUAL]


def test_a_habit_is_no_specific_act(candidates: Pipeline) -> None:
    for text in (
        "The opposition leader has been arrested many times over the years.",
        "Border guards routinely detain migrants crossing the river at night.",
    ):
        assert "COERCE" not in types(candidates, text), text
    found = types(candidates, "The army has repeatedly accused the rebels of hiding among civilians.")
    assert found.get("ACCUSE") == [Modality.ACTUAL]  # a verbal act, as coded, even repeated
    found = types(candidates, "Police arrested the opposition leader on Tuesday, a day before the rally.")
    assert found.get("COERCE") == [Modality.ACTUAL]  # "a day before": a date, no habit


def test_neither_nor_negates_both_verbs(candidates: Pipeline) -> None:
    assert reading(
        candidates, "Manila neither accepts nor recognises the arbitration ruling.", "accepts"
    ).negated
    assert reading(
        candidates, "Manila neither accepts nor recognises the arbitration ruling.", "recognises"
    ).negated
    found = types(candidates, "Manila neither accepts nor recognises the arbitration ruling.")
    assert "REJECT" in found and "AGREE" not in found
    both = reading(candidates, "Either the army or the police attacked the protesters.", "attacked")
    assert not both.negated
