"""A story's two parties called by one plural name ("the two sides", "the two Koreas", "the
warring parties", "the two leaders"): the pair the article names together (coding rule 8).
A mutual act, or one that names no one else, is one event each way; an act on a third party
is each party's act on it."""

from __future__ import annotations

import pytest

from eventwire import Pipeline
from eventwire.models import Analysis, Event, Section


def find(analysis: Analysis, type_: str, source: str | None = None, target: str | None = None) -> list[Event]:
    """Body events of ``type_`` whose source and target have that actor id or country."""

    def who(mention) -> set[str | None]:  # type: ignore[no-untyped-def]
        return {mention.actor, mention.country} if mention is not None else {None}

    return [
        e
        for e in analysis.events
        if e.type == type_
        and e.section is Section.BODY
        and (source is None or source in who(e.source))
        and (target is None or target in who(e.target))
    ]


def describe(analysis: Analysis) -> list[str]:
    return [f"{e.type}:{e.source and e.source.actor}->{e.target and e.target.actor}" for e in analysis.events]


def both_ways(analysis: Analysis, type_: str, first: str, second: str) -> bool:
    return bool(find(analysis, type_, first, second) and find(analysis, type_, second, first))


def test_two_states_of_one_name_are_both(candidates: Pipeline) -> None:
    """ "the two Koreas" are the two states named with "Korea", not South Korea alone."""
    analysis = candidates.analyze_text(
        "North Korea fired artillery near the sea border on Friday, and South Korea answered with drills. "
        "On Monday the two Koreas agreed to reopen a liaison office at the truce village."
    )
    assert both_ways(analysis, "AGREE", "PRK", "KOR"), describe(analysis)


def test_the_two_neighbours_and_the_neighbours_are_the_pair(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Ethiopia and Eritrea fought a border war two decades ago. "
        "On Friday the neighbours signed a peace accord in the Saudi city of Jeddah."
    )
    assert both_ways(analysis, "SUPPORT", "ETH", "ERI"), describe(analysis)


def test_the_warring_parties_of_a_civil_war(candidates: Pipeline) -> None:
    """ "the warring parties" and "the rival factions" may be armed groups, not states."""
    analysis = candidates.analyze_text(
        "Fighting between the Sudanese army and the Rapid Support Forces spread to Darfur last month. "
        "The warring parties agreed to a truce in Jeddah on Saturday."
    )
    assert both_ways(analysis, "AGREE", "saf", "rsf_sudan"), describe(analysis)
    rival = candidates.analyze_text(
        "Fatah and Hamas have governed the West Bank and Gaza separately for years. "
        "The rival factions signed a reconciliation deal in Cairo on Thursday."
    )
    assert both_ways(rival, "SUPPORT", "fatah", "hamas"), describe(rival)


def test_the_two_leaders_are_the_leaders_not_a_spokesman(candidates: Pipeline) -> None:
    """A summit: "the two leaders" are the two people each side names most, not the
    spokesman quoted last, though he is of one of the two states."""
    analysis = candidates.analyze_text(
        "Russian President Vladimir Putin and U.S. President Joe Biden met in Geneva on Wednesday. "
        "Putin called the talks constructive. Biden said he had raised cyber attacks with Putin. "
        "Reporters waited outside the villa. Kremlin spokesman Dmitry Peskov said the two leaders "
        "had agreed on a joint statement."
    )
    agreed = [(e.source and e.source.actor, e.target and e.target.actor) for e in find(analysis, "AGREE")]
    assert ("person:vladimir-putin", "person:joe-biden") in agreed, describe(analysis)
    assert ("person:joe-biden", "person:vladimir-putin") in agreed, describe(analysis)
    assert not any("peskov" in str(pair) for pair in agreed), describe(analysis)


def test_an_act_of_the_pair_that_names_no_one_else_is_done_to_each_other(candidates: Pipeline) -> None:
    """ "neither side has pulled back", "attacks were launched by both sides": each way."""
    analysis = candidates.analyze_text(
        "Armenia and Azerbaijan massed troops along their border this week. "
        "Attacks were launched by both sides on Tuesday. Neither side has pulled back since."
    )
    assert both_ways(analysis, "ASSAULT", "ARM", "AZE"), describe(analysis)
    assert both_ways(analysis, "RETREAT", "ARM", "AZE"), describe(analysis)


def test_an_act_of_the_pair_on_a_third_party_is_each_partys(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "India and Pakistan sent more troops to the Line of Control. Both sides accused China of arming militants."
    )
    assert find(analysis, "ACCUSE", "IND", "CHN"), describe(analysis)
    assert find(analysis, "ACCUSE", "PAK", "CHN"), describe(analysis)
    assert not find(analysis, "ACCUSE", "IND", "PAK"), describe(analysis)
    assert not find(analysis, "ACCUSE", "PAK", "IND"), describe(analysis)


def test_sides_that_are_no_actors(candidates: Pipeline) -> None:
    """ "both sides of the border" is a place and "two sides of the story" a manner of
    speaking; "the two Iraqis" are two people, not Iraq and a neighbour."""
    analysis = candidates.analyze_text(
        "Kenya and Somalia have quarrelled over their sea border. Police arrested 20 smugglers on "
        "both sides of the border on Monday. There are two sides of the story, the mayor said."
    )
    assert not find(analysis, "COERCE", target="country:KEN"), describe(analysis)
    assert not find(analysis, "COERCE", target="country:SOM"), describe(analysis)
    people = candidates.analyze_text(
        "Iraq and Syria reopened the Al-Qaim border crossing last month. "
        "Syrian police detained the two Iraqis in Damascus on Sunday."
    )
    pair = find(people, "COERCE", target="country:IRQ") and find(people, "COERCE", target="country:SYR")
    assert not pair, describe(people)


def test_the_neighbouring_states_are_the_pair(candidates: Pipeline) -> None:
    """ "the neighbouring Gulf states" after two states named together: that pair."""
    analysis = candidates.analyze_text(
        "Qatar and Bahrain have quarrelled over a chain of islands for decades. "
        "In 2017 the neighbouring Gulf states broke off diplomatic relations."
    )
    assert both_ways(analysis, "SANCTION", "QAT", "BHR"), describe(analysis)


def test_the_three_countries_are_the_last_three_named_as_a_list(candidates: Pipeline) -> None:
    """ "the three countries": each of the last three states named as one list, the pair
    mechanism for more than two; not a fourth state named after the list."""
    analysis = candidates.analyze_text(
        "Peru, Ecuador and Uruguay withdrew their envoys from Nicaragua on Tuesday. "
        "The three countries demanded the release of jailed opposition candidates."
    )
    demanders = {e.source and e.source.country for e in find(analysis, "REQUEST")}
    assert demanders == {"PER", "ECU", "URY"}, describe(analysis)


def test_three_countries_of_a_longer_list_are_not_its_last_three(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Peru, Ecuador, Chile and Uruguay withdrew their envoys from Nicaragua on Tuesday. "
        "The three countries demanded the release of jailed opposition candidates."
    )
    demanders = {e.source and e.source.country for e in find(analysis, "REQUEST")}
    assert demanders <= {None}, describe(analysis)


def test_an_act_between_two_parties_is_each_with_the_other(candidates: Pipeline) -> None:
    """ "talks between X and Y", "a truce between X and Y" with no doer of their own: one
    event each way, as when the two are named together (coding rule 2)."""
    talks = candidates.analyze_text("The talks between Kenya and Uganda ended in Nairobi on Monday.")
    assert both_ways(talks, "CONSULT", "KEN", "UGA"), describe(talks)
    truce = candidates.analyze_text("The truce between Armenia and Azerbaijan held through the weekend.")
    assert both_ways(truce, "RETREAT", "ARM", "AZE"), describe(truce)


def test_the_two_countries_never_named_side_by_side_are_the_two_named_most(candidates: Pipeline) -> None:
    """A story about two states it names only apart: "the two countries" are the two named
    most in the sentences before, not a third named once."""
    analysis = candidates.analyze_text(
        "Japan tightened curbs on exports of chemicals to South Korea in July. "
        "South Korea filed a complaint at the World Trade Organization in September. "
        "Japan said the curbs were needed for security, and a trade official from Germany called them legal. "
        "South Korea dropped the complaint in November after the two countries agreed to hold consultations."
    )
    assert both_ways(analysis, "AGREE", "JPN", "KOR"), describe(analysis)
    assert not find(analysis, "AGREE", "DEU") and not find(analysis, "AGREE", None, "DEU"), describe(analysis)


def test_the_two_after_two_people_named_apart_are_those_two(candidates: Pipeline) -> None:
    """ "The two" with no noun and no pair named together lately: the last two people the
    sentence before names, each with the other."""
    analysis = candidates.analyze_text(
        "German Chancellor Olaf Scholz spoke by phone with French President Emmanuel Macron on Monday. "
        "Scholz urged Macron to back the grid plan, a spokesman said. The two agreed to meet again in June."
    )
    agreed = {(e.source and e.source.actor, e.target and e.target.actor) for e in find(analysis, "AGREE")}
    pair = {a.id for a in analysis.actors if a.kind == "person" and ("scholz" in a.id or "macron" in a.id)}
    assert len(pair) == 2 and {(a, b) for a in pair for b in pair if a != b} <= agreed, describe(analysis)


def test_talks_with_both_sides_of_a_pair_are_the_go_betweens_one_way(candidates: Pipeline) -> None:
    """ "held talks with both sides": a list of partners, one way with each (coding rule 8),
    unlike "held talks with Uganda", each with the other."""
    analysis = candidates.analyze_text(
        "Eritrea and Ethiopia fought a border war for two years. Kenya held talks with both sides on Monday."
    )
    consult = [e for e in analysis.events if e.type == "CONSULT" and e.source is not None]
    assert consult and all(e.source.actor == "country:KEN" for e in consult), [
        (e.source.actor, e.target and e.target.actor) for e in consult
    ]


# A pair the story engages by an act ("X clashed with Y", "signed a truce with Y", "exchanged fire
# with Y") and never names side by side: "each side ... the other", "both sides", "both countries"
# are that act's two parties, each acting on the other.
@pytest.mark.parametrize(
    ("text", "type_", "one", "other"),
    [
        (
            "Colombian troops clashed with ELN guerrillas near the Venezuelan border on Tuesday. "
            "Each side blamed the other for starting the violence.",
            "ACCUSE", "COL", "eln",
        ),
        (
            "The Sudanese army signed a truce with the Rapid Support Forces in Jeddah on Saturday. "
            "Both sides pledged to respect it for a week.",
            "AGREE", "saf", "rsf_sudan",
        ),
        (
            "Troops from Tajikistan exchanged fire with Kyrgyz border guards on Monday. "
            "Officials said both countries would pull their forces back.",
            "AGREE", "TJK", "KGZ",
        ),
    ],
)  # fmt: skip
def test_a_collective_phrase_is_the_pair_of_an_act_told_before(
    candidates: Pipeline, text: str, type_: str, one: str, other: str
) -> None:
    analysis = candidates.analyze_text(text)
    assert both_ways(analysis, type_, one, other), describe(analysis)


def test_clashes_between_the_two_sides_of_a_fight_told_before(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Kenyan troops fought al-Shabaab militants near the Somali border on Monday. "
        "Fresh clashes between the two sides broke out on Tuesday."
    )
    assert find(analysis, "ASSAULT", "al_shabaab", "KEN"), describe(analysis)


def test_the_two_of_anything_is_not_the_pair_of_an_act(candidates: Pipeline) -> None:
    """ "The two" alone (two journalists arrested) is no story's pair: not the police and
    the journalists they arrested."""
    analysis = candidates.analyze_text(
        "Police arrested two journalists in Lagos on Monday. The two were released on bail hours later."
    )
    assert not find(analysis, "RETREAT", target="unk:police"), describe(analysis)
    assert not find(analysis, "RETREAT", source="unk:journalists"), describe(analysis)


def test_inking_sealing_or_initialling_an_accord_is_signing_it_each_way(candidates: Pipeline) -> None:
    """ "inked", "sealed" and "initialled" an agreement are signings (SUPPORT 057), each party
    with the other, as "signed" is."""
    for text in (
        "Ghana and Togo inked three trade agreements in Accra on Tuesday.",
        "Ghana sealed the deal with Togo on Tuesday.",
        "Ghana and Togo initialled a border accord in Accra on Tuesday.",
    ):
        analysis = candidates.analyze_text(text)
        signed = [e for e in find(analysis, "SUPPORT", "GHA", "TGO") if e.cameo == "057"]
        assert signed and both_ways(analysis, "SUPPORT", "GHA", "TGO"), (text, describe(analysis))


@pytest.mark.parametrize(
    ("text", "kind", "first", "second"),
    [
        ("Ghana signed the deal with Togo at a ceremony in Accra on Monday.", "SUPPORT", "GHA", "TGO"),
        ("Ghana signed a border accord with Togo at the United Nations on Monday.", "SUPPORT", "GHA", "TGO"),
        ("Kenya held talks with Somalia at a summit in Addis Ababa on Friday.", "CONSULT", "KEN", "SOM"),
    ],
)
def test_a_partner_before_a_venue_is_still_the_partner(
    candidates: Pipeline, text: str, kind: str, first: str, second: str
) -> None:
    """ "with X at a ceremony", "with X at the UN": a joint act's partner is its "with", and
    what it is "at" is where it happened; each signed with the other."""
    analysis = candidates.analyze_text(text)
    assert both_ways(analysis, kind, first, second), describe(analysis)
    assert not find(analysis, kind, first, "un"), describe(analysis)


def test_co_doers_of_a_sanction_on_a_third_party_do_not_sanction_each_other(candidates: Pipeline) -> None:
    """ "Colombia and Chile recalled their ambassadors": each recalled its own envoy, neither
    from the other; expelling diplomats of a third state is each one's act on it."""
    recalled = candidates.analyze_text(
        "Colombia and Chile recalled their ambassadors for consultations on Friday."
    )
    assert find(recalled, "SANCTION", "COL") and find(recalled, "SANCTION", "CHL"), describe(recalled)
    assert not find(recalled, "SANCTION", "COL", "CHL"), describe(recalled)
    assert not find(recalled, "SANCTION", "CHL", "COL"), describe(recalled)
    expelled = candidates.analyze_text("Estonia and Latvia expelled six Russian diplomats on Monday.")
    assert find(expelled, "SANCTION", "EST", "RUS") and find(expelled, "SANCTION", "LVA", "RUS"), describe(
        expelled
    )
    assert not find(expelled, "SANCTION", "EST", "LVA"), describe(expelled)


def test_co_doers_who_end_a_tie_end_it_with_each_other(candidates: Pipeline) -> None:
    """Breaking off relations, cutting ties, suspending talks: what the two had together, so
    each did it to the other (coding rule 2)."""
    for text in (
        "Ethiopia and Eritrea broke off diplomatic relations in 1998.",
        "Ethiopia and Eritrea cut ties after the border war.",
        "Ethiopia and Eritrea suspended talks on Monday.",
    ):
        analysis = candidates.analyze_text(text)
        assert both_ways(analysis, "SANCTION", "ETH", "ERI"), (text, describe(analysis))


@pytest.mark.parametrize(
    ("text", "type_", "one", "other"),
    [
        ("Heavy fighting erupted between Armenia and Azerbaijan along the border on Tuesday.", "ASSAULT", "ARM", "AZE"),
        ("Talks were held between Ecuador and Peru in Lima on Monday.", "CONSULT", "ECU", "PER"),
    ],
)  # fmt: skip
def test_an_act_that_broke_out_between_two_parties_is_each_with_the_other(
    candidates: Pipeline, text: str, type_: str, one: str, other: str
) -> None:
    """ "[fighting] erupted between X and Y", "[talks] were held between X and Y": the parser
    hangs "between" on the verb that says the act happened; its sides are the noun's."""
    analysis = candidates.analyze_text(text)
    assert both_ways(analysis, type_, one, other), describe(analysis)


def test_a_list_the_parser_hung_on_a_preposition_is_the_subject(candidates: Pipeline) -> None:
    """ "as [troops and rebels] exchanged fire": the parser reads the list as the object of
    "as", the verb left with no subject; every member of the list is its subject, not the
    last one alone."""
    analysis = candidates.analyze_text(
        "The governor made the announcement as Malian troops and Tuareg rebels exchanged mortar fire near Kidal."
    )
    fire = {(e.source and e.source.text, e.target and e.target.text) for e in find(analysis, "ASSAULT")}
    both = {("Malian troops", "Tuareg rebels"), ("Tuareg rebels", "Malian troops")}
    assert both <= fire, describe(analysis)


def test_a_party_together_with_the_doers_of_a_mutual_act_is_a_party_too(candidates: Pipeline) -> None:
    """ "Ghana together with Togo signed a pact": Togo signed it too, each with the other; in
    "A, B and C together with D signed" D is one of the signers (coding rule 2)."""
    pair = candidates.analyze_text("Ghana together with Togo signed a border pact in Accra on Monday.")
    assert both_ways(pair, "SUPPORT", "GHA", "TGO"), describe(pair)
    listed = candidates.analyze_text(
        "Ghana, Benin and Niger together with Togo signed a border pact in Accra on Monday."
    )
    signers = {e.source and e.source.country for e in find(listed, "SUPPORT")} | {
        e.target and e.target.country for e in find(listed, "SUPPORT")
    }
    assert {"GHA", "BEN", "NER", "TGO"} <= signers, describe(listed)


def test_the_last_two_of_a_list_are_not_the_pair(candidates: Pipeline) -> None:
    """ "the two sides" after go-betweens named as a list of three ("talks hosted by Norway, Qatar
    and Egypt") are the story's two parties, not the list's last two."""
    analysis = candidates.analyze_text(
        "Chad and Niger have quarrelled over their shared river for a decade. "
        "Earlier rounds of talks, hosted in turn by Norway, Qatar and Egypt, went nowhere. "
        "On Monday the two sides agreed to end the dispute."
    )
    assert both_ways(analysis, "AGREE", "TCD", "NER"), describe(analysis)
    assert not find(analysis, "AGREE", target="QAT") and not find(analysis, "AGREE", target="EGY"), describe(
        analysis
    )


@pytest.mark.parametrize(
    ("text", "kind", "first", "second", "venue"),
    [
        ("Kenyan President William Ruto and Ugandan President Yoweri Museveni spoke to reporters on Friday "
         "after they met at the Vatican.", "CONSULT", "person:william-ruto", "person:yoweri-museveni", "VAT"),
        ("Kenya and Somalia held talks at the Kremlin on Friday.", "CONSULT", "KEN", "SOM", "kremlin"),
    ],
)  # fmt: skip
def test_a_joint_act_of_a_pair_at_a_venue_is_between_the_pair(
    candidates: Pipeline, text: str, kind: str, first: str, second: str, venue: str
) -> None:
    """ "they met at the Vatican", "held talks at the Kremlin": where a joint act took place is
    no party to it (coding rule 3); the parties named together meet each other."""
    analysis = candidates.analyze_text(text)
    assert both_ways(analysis, kind, first, second), describe(analysis)
    assert not find(analysis, kind, None, venue) and not find(analysis, kind, venue), describe(analysis)


def test_a_venue_is_no_party_a_visited_place_stands_for_its_host(candidates: Pipeline) -> None:
    """ "held talks in Nigeria": Nigeria is where, not with whom; "arrived in Kampala": a visit
    to Uganda (its host)."""
    talks = candidates.analyze_text("The African Union held talks in Nigeria on Friday.")
    assert find(talks, "CONSULT", "au"), describe(talks)
    assert not find(talks, "CONSULT", None, "NGA"), describe(talks)
    visit = candidates.analyze_text("The Kenyan foreign minister arrived in Kampala on Monday.")
    assert find(visit, "CONSULT", "KEN", "UGA"), describe(visit)
