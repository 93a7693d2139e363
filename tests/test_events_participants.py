"""Several participants named in one phrase are one event each (coding rule 2): a group
noun listing its named members ("countries, including X and Y"), two forces of one state
("the police and army"), envoys "from the two sides" of a story's pair. Places listed under
a group noun are no participants, and "X and its army" is X once."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.models import Analysis


def pairs(analysis: Analysis, type_: str) -> set[tuple[str | None, str | None]]:
    return {
        (e.source and e.source.actor, e.target and e.target.actor) for e in analysis.events if e.type == type_
    }


def test_members_listed_under_a_group_noun_are_each_a_doer(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Several Gulf states, including Qatar and Kuwait, condemned the bombing of the embassy."
    )
    doers = {s for s, _ in pairs(analysis, "ACCUSE")}
    assert {"country:QAT", "country:KWT"} <= doers, doers
    such = candidates.analyze_text("Nordic donors such as Norway and Denmark praised the new ombudsman.")
    assert {"country:NOR", "country:DNK"} <= {s for s, _ in pairs(such, "SUPPORT")}, pairs(such, "SUPPORT")


def test_members_listed_as_the_target_are_each_a_target(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "The Malian junta accused armed groups, including Ansar Dine and Boko Haram, of attacking a convoy."
    )
    targets = {t for _, t in pairs(analysis, "ACCUSE")}
    assert {"ansar_dine", "boko_haram"} <= targets, targets


def test_places_listed_under_a_group_noun_are_no_participants(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Police raided several towns, including Kano and Kaduna, on Monday.")
    targets = [e.target for e in analysis.events]
    assert all(t is None for t in targets), targets


def test_two_forces_of_one_state_are_two_doers(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Kenya's interior minister spoke on Friday. Kenyan police and soldiers arrested dozens of "
        "protesters in Nairobi."
    )
    doers = [e.source.text for e in analysis.events if e.type == "COERCE" and e.source is not None]
    assert any("police" in d for d in doers) and any("soldiers" in d for d in doers), doers


def test_a_state_and_its_own_army_is_the_state_once(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Nigeria and its army attacked the camp of the insurgents.")
    doers = [e.source for e in analysis.events if e.type == "ASSAULT" and e.source is not None]
    assert len(doers) == 1, doers


def test_envoys_from_the_two_sides_stand_for_the_pair(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Djibouti and Eritrea fought a brief border war in 2008. "
        "Delegates from the two countries held talks in Doha on Tuesday."
    )
    found = pairs(analysis, "CONSULT")
    assert {("country:DJI", "country:ERI"), ("country:ERI", "country:DJI")} <= found, found


def test_civilians_from_the_two_sides_are_not_the_pair(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Djibouti and Eritrea fought a brief border war in 2008. "
        "Refugees from the two countries protested outside the UN office on Tuesday."
    )
    doers = {s for s, _ in pairs(analysis, "PROTEST")}
    assert "country:DJI" not in doers and "country:ERI" not in doers, doers


def test_bare_each_with_the_other_is_the_pair_each_way(candidates: Pipeline) -> None:
    """ "Each ... the other" after a pair named in the sentence before: one event each way."""
    analysis = candidates.analyze_text(
        "Sudan and South Sudan exchanged fire along the border last week. "
        "Each blamed the other for the collapse of the oil deal on Monday."
    )
    found = pairs(analysis, "ACCUSE")
    assert {("country:SDN", "country:SSD"), ("country:SSD", "country:SDN")} <= found, found


def test_one_office_in_two_domains_is_two_holders(candidates: Pipeline) -> None:
    """ "the ministers of X and of Y": two ministers, each resigning (one event each)."""
    analysis = candidates.analyze_text(
        "The cabinet began to fall apart on Sunday, and the ministers of energy and of transport "
        "announced their resignations."
    )
    doers = [e.source.text for e in analysis.events if e.type == "CONCEDE" and e.source is not None]
    assert len(doers) == 2, doers
    assert any("energy" in d for d in doers) and any("transport" in d for d in doers), doers
    one = candidates.analyze_text("The ministers of energy announced their resignations on Sunday.")
    assert len([e for e in one.events if e.type == "CONCEDE"]) == 1, one.events


def test_the_pair_called_by_a_longer_plural_name(candidates: Pipeline) -> None:
    """ "the two Central Asian states": the pair named before, with two words of description."""
    analysis = candidates.analyze_text(
        "Uzbekistan and Tajikistan cut air links in 1992. "
        "On Monday the two Central Asian states agreed to restore direct flights."
    )
    found = pairs(analysis, "AGREE")
    assert {("country:UZB", "country:TJK"), ("country:TJK", "country:UZB")} <= found, found


def test_a_party_listed_with_a_named_one_is_a_doer_though_unknown(candidates: Pipeline) -> None:
    """ "Nurses and [lab technicians]": a group no role names is still a party of its own;
    a thing listed with a doer ("jets and drones") is none."""
    analysis = candidates.analyze_text(
        "Nurses and lab technicians staged a strike outside the ministry in Nairobi."
    )
    doers = {s for s, _ in pairs(analysis, "PROTEST")}
    assert "unk:lab-technicians" in doers, doers
    assert len(doers) == 2, doers
    jets = candidates.analyze_text("Israeli jets and drones struck the camp on Monday.")
    assert {s for s, _ in pairs(jets, "ASSAULT")} == {"country:ISR"}, pairs(jets, "ASSAULT")


def test_coordinated_modifiers_of_one_head_are_each_a_party(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "The junta scrapped its defence agreements with French, German and United Nations forces on Monday."
    )
    targets = {t for _, t in pairs(analysis, "SANCTION")}
    assert {"country:FRA", "country:DEU", "un"} <= targets, targets


def test_they_opening_a_sentence_continues_the_listed_subject_before(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Niger, Mali and Burkina Faso signed a defence pact in Bamako on Sunday. "
        "They expelled the French ambassadors on Monday."
    )
    doers = {s for s, _ in pairs(analysis, "SANCTION")}
    assert {"country:NER", "country:MLI", "country:BFA"} <= doers, doers


def test_a_thing_from_a_list_of_givers_comes_from_each(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Libya said it would accept emergency assistance from Egypt, Tunisia and Algeria after the floods."
    )
    givers = {t for _, t in pairs(analysis, "AGREE")}
    assert {"country:EGY", "country:TUN", "country:DZA"} <= givers, givers


def test_companions_of_a_passive_act_are_each_a_target(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Malawian opposition leader Peter Banda was arrested by police on Friday together with "
        "the journalist Grace Phiri."
    )
    targets = {e.target.text for e in analysis.events if e.type == "COERCE" and e.target is not None}
    assert any("Banda" in t for t in targets) and any("Phiri" in t for t in targets), targets


def test_a_thing_seized_with_a_person_is_no_target(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Malawian opposition leader Peter Banda was detained on Friday together with his car and two phones."
    )
    targets = {e.target.text for e in analysis.events if e.type == "COERCE" and e.target is not None}
    assert any("Banda" in t for t in targets), targets
    assert not any("car" in t or "phones" in t for t in targets), targets


def test_people_from_or_of_listed_parties_are_each_a_doer(candidates: Pipeline) -> None:
    troops = candidates.analyze_text("Soldiers from Nigeria, Chad and Cameroon attacked the militants.")
    doers = {s for s, _ in pairs(troops, "ASSAULT")}
    assert {"country:NGA", "country:TCD", "country:CMR"} <= doers, doers
    leaders = candidates.analyze_text("The foreign ministers of Egypt and Jordan condemned the bombing.")
    assert {"country:EGY", "country:JOR"} <= {s for s, _ in pairs(leaders, "ACCUSE")}, pairs(
        leaders, "ACCUSE"
    )


def test_places_of_a_plural_noun_of_things_stay_no_party(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Rebels shelled the towns of Gao and Kidal on Monday.")
    targets = {t for _, t in pairs(analysis, "ASSAULT")}
    assert not targets & {"country:MLI"}, targets


def test_every_member_of_a_long_list_of_states_is_a_doer(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "In a joint statement, Germany, Canada, Denmark, Finland, France, Norway and Sweden called for "
        "the release of the jailed publisher."
    )
    doers = {s for s, _ in pairs(analysis, "REQUEST")}
    wanted = {
        "country:DEU",
        "country:CAN",
        "country:DNK",
        "country:FIN",
        "country:FRA",
        "country:NOR",
        "country:SWE",
    }
    assert wanted <= doers, doers


def test_those_who_act_together_with_the_doer_are_doers_too(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Egypt brokered the truce together with Qatar and the United States.")
    doers = {s for s, _ in pairs(analysis, "CONSULT")}
    assert {"country:EGY", "country:QAT", "country:USA"} <= doers, doers
    assert not {t for _, t in pairs(analysis, "CONSULT")} & doers, pairs(analysis, "CONSULT")


def test_those_arrested_together_with_the_target_stay_targets(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Police detained the opposition leader on Friday together with his deputy Paul Ndoye."
    )
    assert {s for s, _ in pairs(analysis, "COERCE")} == {"unk:police"}, pairs(analysis, "COERCE")
