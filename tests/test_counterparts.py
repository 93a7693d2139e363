"""Targets a coder infers from the story: the other side of a conflict for a retreat or a
truce, the state a protest at home is against (eventwire/resolve/counterparts.py)."""

from __future__ import annotations

import datetime as dt

from eventwire import Pipeline
from eventwire.models import Actor, Event, Mention, PlaceRef, Span
from eventwire.resolve.counterparts import counterparts, fight_counterparts, protest_crowds, protest_states
from eventwire.resolve.implicit_args import CROWD


def _side(name: str, at: int, country: str | None = None) -> Mention:
    return Mention(name, at, at + len(name), f"unk:{name.lower()}", country)


def _event(type_: str, at: int, source: str | None, target: str | None = None) -> Event:
    span = Span("x" * 10, at, at + 10)
    return Event(
        type_,
        None,
        span,
        span,
        _side(source, at) if source else None,
        _side(target, at + 5) if target else None,
    )


def _war(*extra: Event) -> list[Event]:
    return [
        _event("ASSAULT", 10, "Rebels", "Troops"),
        _event("ASSAULT", 100, "Troops", "Rebels"),
        _event("COERCE", 200, "Troops", "Villagers"),
        *extra,
    ]


def test_a_retreat_by_one_party_to_the_conflict_is_aimed_at_the_party_it_fights() -> None:
    pull_out = _event("RETREAT", 300, "Rebels")
    counterparts(_war(pull_out))
    assert pull_out.target is not None and pull_out.target.text == "Troops"
    assert pull_out.signals["counterpart"] == 1.0


def test_a_truce_refused_or_agreed_is_aimed_at_the_other_side() -> None:
    refused, agreed = _event("REJECT", 300, "Troops"), _event("AGREE", 400, "Rebels")
    counterparts(_war(refused, agreed))
    assert refused.target is not None and refused.target.text == "Rebels"
    assert agreed.target is not None and agreed.target.text == "Troops"


def test_one_clash_or_two_foes_tied_name_no_counterpart() -> None:
    once = _event("RETREAT", 300, "Militia")
    counterparts([_event("ASSAULT", 10, "Militia", "Police"), once])
    assert once.target is None  # a single episode, not the story's conflict
    tied = _event("RETREAT", 300, "Troops")
    counterparts([*_war(), _event("ASSAULT", 250, "Troops", "Villagers"), tied])
    assert tied.target is None  # rebels twice, villagers twice: no one stands out


def test_a_side_the_clause_named_or_an_act_with_no_part_in_the_conflict_is_kept() -> None:
    named = _event("RETREAT", 300, "Rebels", "Residents")
    outsider = _event("AGREE", 400, "Mediators")
    counterparts(_war(named, outsider))
    assert named.target is not None and named.target.text == "Residents"
    assert outsider.target is None


def _state(code: str, name: str, *spans: Span) -> Actor:
    return Actor(f"country:{code}", name, "country", code, ["GOV"], mentions=list(spans))


def _protest(at: int, crowd: Mention, country: str | None) -> Event:
    event = _event("PROTEST", at, None)
    event.source = crowd
    if country is not None:
        event.place = PlaceRef(f"country:{country}", country, country, None, None, "exact")
    return event


def test_a_protest_at_home_naming_no_one_is_against_the_countrys_government() -> None:
    belarus = _state(
        "BLR", "Belarus", Span("Belarusian", 0, 10), Span("Belarus", 40, 47), Span("Belarus", 900, 907)
    )
    march = _protest(300, _side("Thousands", 300), "BLR")
    protest_states([march], [belarus])
    assert march.target is not None and (march.target.start, march.target.actor) == (40, "country:BLR")
    assert march.target.sectors == ["GOV"] and march.signals["protest_state"] == 1.0


def test_a_protest_abroad_by_the_state_or_against_someone_named_is_left_alone() -> None:
    egypt, israel = (
        _state("EGY", "Egypt", Span("Egypt", 0, 5)),
        _state("ISR", "Israel", Span("Israel", 20, 26)),
    )
    abroad = _protest(300, _side("Egyptians", 300, "EGY"), "ISR")  # outside an embassy, say
    rally = _protest(400, Mention("Egypt", 400, 405, "country:EGY", "EGY", ["GOV"]), "EGY")
    aimed = _protest(500, _side("Students", 500), "EGY")
    aimed.target = _side("the university", 520)
    nowhere = _protest(600, _side("Workers", 600), None)
    protest_states([abroad, rally, aimed, nowhere], [egypt, israel])
    assert abroad.target is None and rally.target is None and nowhere.target is None
    assert aimed.target is not None and aimed.target.text == "the university"


def test_a_blockade_naming_no_one_is_not_against_the_government() -> None:
    chile = _state("CHL", "Chile", Span("Chile", 0, 5))
    march = _protest(300, _side("Miners", 300), "CHL")
    march.cameo = "141"  # "Miners marched through Santiago"
    blockade = _protest(400, _side("Truckers", 400), "CHL")
    blockade.cameo = "144"  # "Truckers blocked the main highway with their lorries"
    protest_states([march, blockade], [chile])
    assert march.target is not None and march.target.actor == "country:CHL"
    assert blockade.target is None and "protest_state" not in blockade.signals


def test_a_blockade_in_a_named_country_is_aimed_at_no_one(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "SANTIAGO, Chile (AP) - Chile has been shaken by a dispute over fuel prices.\n\n"
        "Hundreds of protesters blocked roads in the capital with burning tyres on Monday."
    )
    blockades = [e for e in analysis.events if e.type == "PROTEST" and (e.cameo or "").startswith("144")]
    assert blockades and all(e.source is not None and e.target is None for e in blockades)


def test_the_government_is_named_by_its_state_not_its_people_or_forces() -> None:
    georgia = _state("GEO", "Georgia", Span("Georgia", 0, 7), Span("Georgian police", 100, 115))
    march = _protest(300, _side("Protesters", 300), "GEO")
    protest_states([march], [georgia])
    assert march.target is not None and march.target.text == "Georgia"


def test_a_state_named_only_by_a_pronoun_is_no_target() -> None:
    kenya = _state("KEN", "Kenya", Span("we", 50, 52))
    march = _protest(300, _side("Protesters", 300), "KEN")
    protest_states([march], [kenya])
    assert march.target is None and "protest_state" not in march.signals


def test_a_protest_in_a_named_country_is_against_its_government(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "MINSK, Belarus (AP) - Belarus has been gripped by unrest since the disputed election.\n\n"
        "Tens of thousands of people marched through the streets of Minsk on Sunday."
    )
    marches = [e for e in analysis.events if e.type == "PROTEST" and e.source is not None]
    assert marches and all(e.target is not None and e.target.actor == "country:BLR" for e in marches)


def _police(type_: str, at: int, target: Mention | None = None, cameo: str | None = "173") -> Event:
    event = _event(type_, at, None)
    event.source, event.target, event.cameo = (
        Mention("riot police", at, at + 11, "unk:riot-police", "XYZ", ["COP"]),
        target,
        cameo,
    )
    return event


def test_people_who_protest_are_the_crowd_and_keep_their_words() -> None:
    march = _protest(300, Mention("Some 5,000 people", 300, 317, "unk:people", "XYZ", ["CVL"]), None)
    students = _protest(900, _side("Students", 900), None)
    assert protest_crowds([march, students], CROWD)
    assert march.source is not None and (march.source.actor, march.source.text) == (
        CROWD.id,
        "Some 5,000 people",
    )
    assert students.source is not None and students.source.actor == "unk:students"  # a role says who


def test_a_state_forces_coercion_near_a_protest_is_aimed_at_its_crowd() -> None:
    march = _protest(300, _side("Marchers", 300), None)
    tear_gas = _police("COERCE", 500, cameo="175")
    detained = _police("COERCE", 700, Mention("two men", 720, 727, "unk:men", None, ["CVL"]))
    protest_crowds([march, tear_gas, detained], CROWD)
    assert tear_gas.target is not None and tear_gas.target.actor == "unk:marchers"
    assert detained.target is not None and (detained.target.text, detained.target.actor) == (
        "two men",
        "unk:marchers",
    )
    assert detained.signals["protest_crowd"] == 1.0


def test_force_against_a_protest_by_a_list_of_crowds_is_aimed_at_each() -> None:
    # "police broke up a march by farmers and students": one protest word, two crowds
    farmers = _protest(300, _side("Farmers", 300), None)
    students = _protest(300, _side("Students", 320), None)
    dispersed = _police("COERCE", 500)
    events = [farmers, students, dispersed]
    protest_crowds(events, CROWD)
    aimed = {e.target.actor for e in events if e.type == "COERCE" and e.target is not None}
    assert aimed == {"unk:farmers", "unk:students"}
    assert len(events) == 4


def test_a_curfew_a_named_target_or_a_far_protest_is_left_alone() -> None:
    march = _protest(300, _side("Marchers", 300), None)
    curfew = _police("COERCE", 400, cameo="1721")
    named = _police("COERCE", 500, _side("Journalists", 510))
    far = _police("ASSAULT", 5000)
    protest_crowds([march, curfew, named, far], CROWD)
    assert curfew.target is None and far.target is None
    assert named.target is not None and named.target.actor == "unk:journalists"


def test_coercion_between_two_protests_goes_to_the_nearer_and_of_two_as_near_to_the_first() -> None:
    later = _protest(1400, _side("Farmers", 1400), None)
    earlier = _protest(200, _side("Students", 200), None)
    nearer_later = _police("COERCE", 1000)  # 400 before "Farmers", 800 after "Students"
    midway = _police("ASSAULT", 800)  # 600 from each: the first protest given
    protest_crowds([later, earlier, nearer_later, midway], CROWD)
    assert nearer_later.target is not None and nearer_later.target.actor == "unk:farmers"
    assert midway.target is not None and midway.target.actor == "unk:farmers"


def test_many_retreats_read_the_conflict_once_and_each_finds_its_foe() -> None:
    withdrawals = [_event("RETREAT", 300 + 10 * n, "Rebels" if n % 2 else "Troops") for n in range(6)]
    counterparts(_war(*withdrawals))
    assert [w.target.text if w.target else None for w in withdrawals] == ["Rebels", "Troops"] * 3


def _pair(first: str, second: str) -> list[Mention]:
    return [_side(first, 0), _side(second, 20)]


def test_a_fight_by_one_of_the_story_s_two_foes_is_aimed_at_the_other() -> None:
    shelling = _event("ASSAULT", 300, "Rebels")  # "rebel shelling resumed on Monday"
    seizure = _event("COERCE", 400, "Troops")  # "troops seized the ridge"
    seizure.cameo = "171"
    fight_counterparts(_war(shelling, seizure), lambda at: _pair("Troops", "Rebels"))
    assert shelling.target is not None and shelling.target.text == "Troops"
    assert shelling.signals["story_foe"] == 1.0
    assert seizure.target is not None and seizure.target.text == "Rebels"


def test_two_parties_told_as_doers_of_one_fight_fought_each_other() -> None:
    one, other = _event("ASSAULT", 300, "Northland"), _event("ASSAULT", 300, "Southland")  # "went to war"
    fight_counterparts([one, other], lambda at: _pair("Northland", "Southland"))
    assert one.target is not None and one.target.text == "Southland"
    assert other.target is not None and other.target.text == "Northland"


def test_allies_named_together_or_a_fight_outside_the_pair_are_left_alone() -> None:
    strikes = _event("ASSAULT", 300, "Allies")  # "allied warplanes struck": the pair are partners
    fight_counterparts([strikes], lambda at: _pair("Allies", "Partners"))
    assert strikes.target is None
    bandits = _event("ASSAULT", 300, "Bandits")
    named = _event("ASSAULT", 350, "Rebels", "Villagers")
    curfew = _event("COERCE", 400, "Troops")  # "troops imposed a curfew": on no side of the war
    curfew.cameo = "1723"
    fight_counterparts(_war(bandits, named, curfew), lambda at: _pair("Troops", "Rebels"))
    assert bandits.target is None and curfew.target is None
    assert named.target is not None and named.target.text == "Villagers"


def test_a_ceasefire_broken_by_one_side_of_a_border_war_is_aimed_at_the_other(candidates: Pipeline) -> None:
    text = (
        "India and Pakistan traded accusations on Monday over the disputed Kashmir frontier.\n\n"
        "Indian troops shelled Pakistani posts near the border on Sunday, Pakistan's army said, and "
        "Pakistani forces fired on Indian positions in reply.\n\n"
        "India and Pakistan have fought three wars since 1947. Pakistani troops violated the ceasefire "
        "40 times this month, the Indian army said on Monday."
    )
    analysis = candidates.analyze_text(text, published=dt.date(2024, 5, 6))
    broken = [e for e in analysis.events if e.type == "ASSAULT" and "violated" in e.evidence.text]
    assert broken and broken[0].target is not None and broken[0].target.actor == "country:IND"
    assert broken[0].signals["story_foe"] == 1.0
