"""The story's own state as the addressee of a statement aimed at no one
(eventwire/resolve/story_targets.py)."""

from __future__ import annotations

from eventwire import Pipeline, PipelineConfig
from eventwire.ingest import build_article
from eventwire.models import Actor, Analysis, Event, Mention, Span
from eventwire.resolve.story_targets import StoryTargetStage, story_state, story_targets


def _state(code: str, name: str, *starts: int) -> Actor:
    spans = [Span(name, at, at + len(name)) for at in starts]
    return Actor(f"country:{code}", name, "country", code, ["GOV"], mentions=spans)


def _event(type_: str, at: int, source: Mention | None, target: Mention | None = None) -> Event:
    span = Span("x" * 10, at, at + 10)
    return Event(type_, None, span, span, source, target)


def _country(code: str, name: str, at: int) -> Mention:
    return Mention(name, at, at + len(name), f"country:{code}", code, ["GOV"])


def test_a_pledge_by_another_state_is_aimed_at_the_story_s_state() -> None:
    sudan = _state("SDN", "Sudan", 0, 120, 400)
    egypt = _state("EGY", "Egypt", 500)
    pledge = _event("AGREE", 500, _country("EGY", "Egypt", 500))
    story_targets([pledge], [sudan, egypt])
    assert pledge.target is not None and pledge.target.actor == "country:SDN"
    assert pledge.target.text == "Sudan" and pledge.target.start == 400  # its latest mention before
    assert pledge.signals["story_state"] == 1.0


def test_the_state_s_own_people_and_organs_do_not_address_it() -> None:
    sudan = _state("SDN", "Sudan", 0, 120, 400)
    minister = Mention("the foreign minister", 300, 320, "unk:foreign-minister", "SDN", ["GOV"])
    refusal = _event("REJECT", 300, minister)
    demand = _event("REQUEST", 450, _country("SDN", "Sudan", 450))
    story_targets([refusal, demand], [sudan])
    assert refusal.target is None and demand.target is None


def test_the_story_s_state_speaking_addresses_the_story_s_other_state() -> None:
    russia = _state("RUS", "Russia", 0, 90, 200, 260)
    ukraine = _state("UKR", "Ukraine", 40, 150, 310)
    moscow = _country("RUS", "Moscow", 400)
    refusal = _event("REJECT", 400, moscow)  # "Moscow is not prepared to offer a cease-fire"
    minister = Mention("the foreign minister", 500, 520, "unk:foreign-minister", "RUS", ["GOV"])
    warning = _event("THREATEN", 500, minister)
    story_targets([refusal, warning], [russia, ukraine])
    assert refusal.target is not None and refusal.target.actor == "country:UKR"
    assert refusal.target.start == 310  # the other state's latest mention before
    assert warning.target is not None and warning.target.actor == "country:UKR"


def test_a_state_named_in_passing_is_no_addressee_of_the_story_s_state() -> None:
    russia = _state("RUS", "Russia", 0, 90, 200, 260)
    china = _state("CHN", "China", 40, 150)  # twice: a passing reference
    refusal = _event("REJECT", 400, _country("RUS", "Moscow", 400))
    story_targets([refusal], [russia, china])
    assert refusal.target is None


def test_two_other_states_named_equally_often_leave_the_story_s_state_unaddressed() -> None:
    russia = _state("RUS", "Russia", 0, 90, 200, 260, 280)
    ukraine, poland = _state("UKR", "Ukraine", 40, 150, 310), _state("POL", "Poland", 60, 170, 330)
    demand = _event("REQUEST", 400, _country("RUS", "Russia", 400))
    plea = _event("REQUEST", 450, _country("POL", "Poland", 450))  # another state still asks the story's
    story_targets([demand, plea], [russia, ukraine, poland])
    assert demand.target is None
    assert plea.target is not None and plea.target.actor == "country:RUS"


def test_acts_that_are_not_addressed_statements_stay_without_a_target() -> None:
    sudan = _state("SDN", "Sudan", 0, 120)
    chad = _country("TCD", "Chad", 300)
    troops = _event("MOBILIZE", 300, chad)
    backing = _event("SUPPORT", 350, chad)
    story_targets([troops, backing], [sudan, _state("TCD", "Chad", 300)])
    assert troops.target is None and backing.target is None


def test_a_target_the_clause_gives_is_kept() -> None:
    sudan = _state("SDN", "Sudan", 0, 120)
    militia = Mention("the militia", 320, 331, "unk:militia", "SDN", ["REB"])
    accusation = _event("ACCUSE", 300, _country("TCD", "Chad", 300), militia)
    story_targets([accusation], [sudan])
    assert accusation.target is militia


def test_two_states_named_equally_often_leave_the_story_without_one() -> None:
    chile, peru = _state("CHL", "Chile", 0, 50), _state("PER", "Peru", 100, 150)
    assert story_state([chile, peru]) is None
    threat = _event("THREATEN", 300, Mention("the rebels", 300, 310, "unk:rebels", None, ["REB"]))
    story_targets([threat], [chile, peru])
    assert threat.target is None


def test_a_disaster_story_s_donors_pledge_to_its_country(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "DHAKA, Bangladesh (AP) - Floods have swept across Bangladesh this week, the worst the country "
        "has seen in a decade.\n\n"
        "Bangladesh's government said rescue teams had reached the worst-hit districts, and Bangladesh "
        "has opened shelters for families who lost their homes.\n\n"
        "Japan and Canada pledged to send food, tents and medicine on Tuesday."
    )
    pledges = [e for e in analysis.events if e.type == "AGREE" and e.source is not None]
    assert {e.source.actor for e in pledges if e.source} == {"country:JPN", "country:CAN"}
    assert all(e.target is not None and e.target.actor == "country:BGD" for e in pledges)


def test_the_stage_is_off_while_the_scorer_s_training_rows_are_built() -> None:
    article = build_article("Sudan asked for help. Egypt pledged food.", "test:story-targets", {})
    sudan = _state("SDN", "Sudan", 0, 0)
    for scored, filled in ((True, True), (False, False)):
        analysis = Analysis(article, actors=[sudan, _state("EGY", "Egypt", 22)])
        analysis.events = [_event("AGREE", 22, _country("EGY", "Egypt", 22))]
        StoryTargetStage(PipelineConfig(score_events=scored))(analysis)
        assert (analysis.events[0].target is not None) is filled
