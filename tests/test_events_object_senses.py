"""A trigger's type as its object decides it (extract/object_senses.py). Texts written for the tests."""

from __future__ import annotations

from eventwire import Pipeline


def _types(pipeline: Pipeline, text: str, trigger: str) -> set[tuple[str, str | None]]:
    analysis = pipeline.analyze_text(text)
    return {(e.type, e.cameo) for e in analysis.events if e.trigger.text.lower().startswith(trigger)}


def test_welcoming_a_person_is_hosting_a_visit(candidates: Pipeline) -> None:
    found = _types(
        candidates,
        "The Kenyan foreign minister welcomed Ethiopian envoy Tadesse Worku in Nairobi on Tuesday.",
        "welcomed",
    )
    assert found == {("CONSULT", "043")}
    passive = _types(
        candidates,
        "The new Ghanaian ambassador, Kwame Mensah, was welcomed in Abuja by Nigeria's foreign minister.",
        "welcomed",
    )
    assert passive == {("CONSULT", "043")}


def test_welcoming_a_decision_stays_praise(candidates: Pipeline) -> None:
    found = _types(candidates, "Chile welcomed the ruling of the regional court on Friday.", "welcomed")
    assert found and all(t == "SUPPORT" for t, _ in found)


def test_joint_patrols_are_military_cooperation(candidates: Pipeline) -> None:
    found = _types(
        candidates, "The Malaysian and Thai navies began joint patrols in the Strait of Malacca.", "patrols"
    )
    assert found == {("COOPERATE", "062")}


def test_patrols_of_one_force_stay_a_deployment(candidates: Pipeline) -> None:
    found = _types(candidates, "Indian troops stepped up patrols along the Pakistani border.", "patrols")
    assert found and all(t == "MOBILIZE" for t, _ in found)


def test_calling_off_events_with_another_party_reduces_relations(candidates: Pipeline) -> None:
    found = _types(candidates, "Georgia called off planned Russian trade fairs on Thursday.", "called")
    assert found == {("SANCTION", "160")}
    cancelled = _types(
        candidates, "The Kenyan army cancelled two training missions with the Ugandan army.", "cancelled"
    )
    assert cancelled == {("SANCTION", "160")}


def test_calling_off_ones_own_strike_is_still_a_concession(candidates: Pipeline) -> None:
    found = _types(
        candidates, "The Nigerian Labour Congress called off its general strike on Friday.", "called"
    )
    assert found and all(t == "CONCEDE" for t, _ in found)


def test_a_day_is_no_particle_of_a_phrase(candidates: Pipeline) -> None:
    """ "called [on] Monday": a preposition of time never completes "call on"."""
    found = _types(
        candidates, "Serbia called off on Monday the planned Hungarian cultural festival.", "called"
    )
    assert ("REQUEST", "100") not in found


def test_calling_off_a_tie_reduces_relations(candidates: Pipeline) -> None:
    """Coding rule 11: ending talks or exercises is a SANCTION by the one who ends them."""
    found = _types(candidates, "Tanzania called off the military exercises planned in Malawi.", "called")
    assert found == {("SANCTION", "160")}


def test_a_deal_struck_is_no_attack(candidates: Pipeline) -> None:
    """ "a deal struck between X and Y": the participle describes the accord, no blow lands."""
    analysis = candidates.analyze_text(
        "Refugees returned under a deal struck between Kenya and Somalia last year."
    )
    assert "ASSAULT" not in {e.type for e in analysis.events}


def _all_types(pipeline: Pipeline, text: str) -> set[str]:
    return {e.type for e in pipeline.analyze_text(text).events}


def test_lifting_or_halting_a_hostile_measure_eases_it(candidates: Pipeline) -> None:
    suspended = _all_types(candidates, "The Canadian government suspended the sanctions on Zimbabwe.")
    assert "RETREAT" in suspended and "SANCTION" not in suspended and "COERCE" not in suspended
    halted = _all_types(candidates, "The Ethiopian army halted its offensive in the Afar region on Monday.")
    assert "RETREAT" in halted and "ASSAULT" not in halted


def test_lifting_an_administrative_measure_is_a_concession(candidates: Pipeline) -> None:
    lifted = _all_types(candidates, "Ghana's parliament lifts the state of emergency in the north.")
    assert lifted == {"CONCEDE"}
    suspended = _all_types(candidates, "The Togolese government suspended the curfew in Lome.")
    assert suspended == {"CONCEDE"}


def test_halting_a_tie_or_ones_own_strike_is_no_easing(candidates: Pipeline) -> None:
    talks = _types(
        candidates, "Peru's government halted its peace talks with the rebels on Tuesday.", "halted"
    )
    assert talks == {("SANCTION", "160")}
    strike = _all_types(candidates, "The Zambian miners suspended their strike on Friday.")
    assert "RETREAT" not in strike


def test_cancelling_a_series_of_agreements_reduces_relations(candidates: Pipeline) -> None:
    found = _types(
        candidates,
        "Mali's junta cancelled a series of defence cooperation agreements with Denmark.",
        "cancelled",
    )
    assert found == {("SANCTION", "160")}


def test_exercises_held_alone_are_a_show_of_force(candidates: Pipeline) -> None:
    alone = _types(
        candidates, "This week Serbia began military exercises close to the Kosovo border.", "exercises"
    )
    assert alone == {("MOBILIZE", "150")}
    joint = _types(
        candidates, "The Indian navy held exercises with the French navy in the Arabian Sea.", "exercises"
    )
    assert joint and all(t == "COOPERATE" for t, _ in joint)
    two = _types(candidates, "Kenya and Uganda staged anti-terror exercises in Nairobi.", "exercises")
    assert two and all(t == "COOPERATE" for t, _ in two)


def test_what_arrives_decides_arrive(candidates: Pipeline) -> None:
    aid = _types(
        candidates,
        "Relief aid from Malaysia arrived on Monday for the flood victims in Bangladesh.",
        "arrived",
    )
    assert aid == {("AID", "070")}
    troops = _types(candidates, "The first group of Turkish soldiers has arrived in Qatar.", "arrived")
    assert troops == {("MOBILIZE", "154")}
    envoy = _types(candidates, "The French foreign minister arrived in Algiers on Sunday.", "arrived")
    assert envoy == {("CONSULT", "042")}


def test_storming_an_institution_is_a_raid_or_a_protest_by_who_storms_it(candidates: Pipeline) -> None:
    raid = _types(
        candidates, "Soldiers stormed the offices of the Daily Monitor newspaper in Kampala.", "stormed"
    )
    assert raid == {("COERCE", "170")}
    protest = _types(candidates, "Angry protesters stormed the parliament building in Tirana.", "stormed")
    assert protest == {("PROTEST", "141")}
    armed = _types(candidates, "Islamist gunmen stormed the parliament building in Mogadishu.", "stormed")
    assert armed == {("ASSAULT", "190")}
    town = _types(candidates, "Government troops stormed the rebel-held town of Kidal.", "stormed")
    assert town and all(t == "ASSAULT" for t, _ in town)


def test_an_act_told_as_how_a_response_was_done_is_the_act(candidates: Pipeline) -> None:
    found = _all_types(candidates, "Brazil retaliated by imposing 30% tariffs on Argentine wine.")
    assert found == {"COERCE"}
    expelled = _all_types(candidates, "Poland responded by expelling two Belarusian diplomats.")
    assert expelled == {"SANCTION"}


def test_suspending_tariffs_eases_them(candidates: Pipeline) -> None:
    found = _all_types(candidates, "India suspended the tariffs on Chinese solar panels on Friday.")
    assert found == {"RETREAT"}


def test_exercises_of_two_hyphened_parties_are_military_cooperation(candidates: Pipeline) -> None:
    found = _types(candidates, "Japanese-Australian naval exercises began off Darwin on Monday.", "exercises")
    assert found and all(t == "COOPERATE" for t, _ in found)
    analysis = candidates.analyze_text("Japanese-Australian naval exercises began off Darwin on Monday.")
    sides = {
        (e.source.actor if e.source else None, e.target.actor if e.target else None)
        for e in analysis.events
        if e.type == "COOPERATE"
    }
    assert len(sides) == 2  # each party with the other
    dotted = _types(candidates, "U.S.-South Korean military drills began on Monday near Seoul.", "drills")
    assert dotted and all(t == "COOPERATE" for t, _ in dotted)


def test_suspects_handed_over_are_extradited(candidates: Pipeline) -> None:
    found = _types(
        candidates, "Colombia handed 14 drug traffickers over to the United States on Tuesday.", "handed"
    )
    assert found == {("COOPERATE", "063")}
    captives = _types(
        candidates, "The rebels handed the captured soldiers over to the Red Cross on Sunday.", "handed"
    )
    assert captives and all(t == "RETREAT" for t, _ in captives)


def test_sharing_a_border_is_no_cooperation(candidates: Pipeline) -> None:
    border = _types(candidates, "Chile and Bolivia share a border of about 860 kilometres.", "share")
    assert border == set()
    relative = _types(candidates, "Both armies pulled back from the frontier they share.", "share")
    assert relative == set()
    shared = _types(candidates, "Kenya shared intelligence with Uganda on the militants' camps.", "shared")
    assert shared and all(t == "COOPERATE" for t, _ in shared)
