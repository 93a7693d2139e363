"""Which sense of a trigger word the sentence reads (extract/events.py). Texts written for the tests."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from eventwire import Pipeline
from eventwire.extract.events import EventStage
from eventwire.extract.trigger_model import LABELS, TypeScores
from eventwire.nlp.model import load_model


def test_strikes_that_hit_something_are_attacks_not_walkouts(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Israeli strikes hit two villages in southern Lebanon on Sunday.")
    assert [e.type for e in analysis.events] == ["ASSAULT"]
    assert analysis.events[0].source is not None and analysis.events[0].source.country == "ISR"


def test_a_labour_strike_stays_a_protest(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Teachers staged a national strike on Monday over unpaid wages.")
    assert "PROTEST" in {e.type for e in analysis.events}
    # sanctions that "hit" a country are no attack: the noun has no attack sense to take
    sanctions = candidates.analyze_text("New European sanctions hit Belarus's potash exporters on Friday.")
    assert "ASSAULT" not in {e.type for e in sanctions.events if e.trigger.text.lower() == "sanctions"}


def test_traded_accusations_are_one_accusation_each_way(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Armenia and Azerbaijan traded accusations on Sunday over the shelling."
    )
    pairs = {(e.type, e.source.country, e.target.country) for e in analysis.events if e.source and e.target}
    assert pairs == {("ACCUSE", "ARM", "AZE"), ("ACCUSE", "AZE", "ARM")}
    # the shelling is what they accuse each other of (coding rule 6), not a third act
    assert "ASSAULT" not in {e.type for e in analysis.events}


def test_sanctions_on_a_capital_fall_on_its_government(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("The European Union imposed new sanctions on Minsk on Thursday.")
    assert {e.target.actor for e in analysis.events if e.type == "COERCE" and e.target} == {"country:BLR"}
    arrests = candidates.analyze_text("Police arrested hundreds of protesters in Islamabad on Friday.")
    assert all(e.target is None or e.target.actor != "country:PAK" for e in arrests.events)


def test_a_month_is_no_march(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("In March, militiamen overran two villages and kidnapped a priest.")
    assert "PROTEST" not in {e.type for e in analysis.events}
    dated = candidates.analyze_text("The hostages were taken on March 14 by gunmen who stopped their bus.")
    assert "PROTEST" not in {e.type for e in dated.events}
    # a march in the body of the sentence is still a protest
    walk = candidates.analyze_text(
        "Thousands of students marched on parliament on Friday to demand new elections."
    )
    assert "PROTEST" in {e.type for e in walk.events}


# ------------------------------------------------------------------ wire formulae that are no acts
# The complement decides the sense: asking or declining to be named, to comment or to be
# reached is about the reporting, not a request or rejection between the parties.
@pytest.mark.parametrize(
    "text",
    [
        "A Lebanese army officer, who asked not to be named, said the convoy turned back at dawn.",
        "A Somali security source, who asked not to be identified, said the gunmen fled on foot.",
        "A Ghanaian diplomat who declined to be named said the envoy left Accra on Monday.",
        "A Moldovan customs officer who asked that his name not be used said the trucks were held.",
        "An aide to the Chilean president declined to be quoted on the dispute.",
        "The talks stalled, said a Western diplomat who requested anonymity to discuss them.",
    ],
)
def test_asking_to_stay_unnamed_is_no_request(candidates: Pipeline, text: str) -> None:
    analysis = candidates.analyze_text(text)
    assert not {"REQUEST", "REJECT"} & {e.type for e in analysis.events}, text


@pytest.mark.parametrize(
    "text",
    [
        "A Jordanian official, who spoke on condition of anonymity, said the border stayed shut.",
        "The Thai defence ministry declined to comment on the report on Tuesday.",
        "Officials in Bamako could not be reached for comment on Wednesday.",
        "The Colombian army did not respond to a request for comment.",
        "The Serbian embassy in Vienna declined a request for comment.",
        "The Algerian presidency offered no comment on the expulsions.",
    ],
)
def test_no_comment_formulae_give_nothing(candidates: Pipeline, text: str) -> None:
    assert candidates.analyze_text(text).events == [], text


def test_a_refusal_to_be_named_leaves_the_reported_act(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "A Nigerian police officer who asked not to be named said gunmen abducted 12 farmers in Zamfara."
    )
    assert {e.type for e in analysis.events} == {"ASSAULT"}  # the abduction, and nothing else
    # a request whose complement is an act of the parties is still a request
    asked = candidates.analyze_text("Ecuador asked Peru to extradite the former minister.")
    assert "REQUEST" in {e.type for e in asked.events}
    recount = candidates.analyze_text("The opposition requested a recount of the votes in three provinces.")
    assert "REQUEST" in {e.type for e in recount.events}


def test_shot_dead_names_the_victims_without_dead(candidates: Pipeline) -> None:
    # "dead" is a secondary predicate (what became of the victims), not part of their name
    analysis = candidates.analyze_text("Gunmen shot dead three policemen in Peshawar on Monday.")
    assaults = [e for e in analysis.events if e.type == "ASSAULT"]
    assert assaults and assaults[0].target is not None
    assert assaults[0].target.text.startswith("three policemen")
    # after a determiner the adjective is part of the noun phrase
    named = candidates.analyze_text("Police detained the injured protesters in Lagos on Friday.")
    assert any(e.target is not None and "injured protesters" in e.target.text for e in named.events)


def test_returned_fire_is_an_attack_not_a_return(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Indonesian soldiers returned fire after separatists ambushed a patrol in Papua."
    )
    types = {e.type for e in analysis.events}
    assert "RETREAT" not in types and "ASSAULT" in types
    fired = [e for e in analysis.events if e.trigger.text.lower().startswith("returned")]
    assert fired and fired[0].type == "ASSAULT"
    # returning home, or returning weapons, is still a return
    back = candidates.analyze_text("The rebels returned the seized weapons to the army on Tuesday.")
    assert "RETREAT" in {e.type for e in back.events}


# ------------------------------------------------------------------ who raids decides what a raid is
def test_law_enforcement_raids_are_coercion_armed_raids_are_attacks(candidates: Pipeline) -> None:
    police = candidates.analyze_text(
        "Riot police raided the offices of the Daily Mirror newspaper in Harare on Monday."
    )
    assert [(e.type, e.cameo) for e in police.events] == [("COERCE", "170")]
    stormed = candidates.analyze_text("Police stormed the headquarters of the opposition party on Friday.")
    assert {e.type for e in stormed.events} == {"COERCE"}
    troops = candidates.analyze_text("Government troops raided the rebel-held town of Kalemie on Monday.")
    assert [e.type for e in troops.events] == ["ASSAULT"]
    gunmen = candidates.analyze_text("Gunmen stormed a police outpost near the border on Sunday.")
    assert [e.type for e in gunmen.events] == ["ASSAULT"]


def test_the_resolved_doer_picks_the_sense_the_parse_could_not() -> None:
    from eventwire.extract.event_lexicon import load_event_lexicon
    from eventwire.nlp.model import load_model

    lexicon = load_event_lexicon()
    raided = load_model("md")("They raided the offices of the newspaper.")[1]
    trigger = lexicon.candidates(raided)[-1]  # "they" names no kind: the unconditioned row
    assert trigger.type == "ASSAULT"
    assert lexicon.sense_by_doer(raided, trigger, frozenset({"COP"})).type == "COERCE"
    assert lexicon.sense_by_doer(raided, trigger, frozenset({"MIL"})) is trigger
    assert lexicon.sense_by_doer(raided, trigger, frozenset()) is trigger


# ------------------------------------------------------------------ denying a part in an act
@pytest.mark.parametrize(
    "text, source",
    [
        ("The army denied any role in the killing of the two students.", "The army"),
        ("The ministry denied involvement in the abduction of the aid workers.", "The ministry"),
        ("The rebels denied responsibility for the bombing of the army barracks.", "The rebels"),
    ],
)
def test_denying_a_part_in_an_act_is_the_act_negated(candidates: Pipeline, text: str, source: str) -> None:
    analysis = candidates.analyze_text(text)
    assert [(e.type, e.modality.value) for e in analysis.events] == [("ASSAULT", "negated")]
    assert analysis.events[0].source is not None and analysis.events[0].source.text == source


def test_having_nothing_to_do_with_an_act_negates_it(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Vucic denied that Belgrade had anything to do with the attack on the Kosovo police."
    )
    assert [(e.type, e.modality.value) for e in analysis.events] == [("ASSAULT", "negated")]
    assert analysis.events[0].source is not None and analysis.events[0].source.actor == "country:SRB"
    own = candidates.analyze_text("The army said it had nothing to do with the killing of the journalist.")
    assert [(e.type, e.modality.value) for e in own.events] == [("ASSAULT", "negated")]


def test_an_order_to_leave_is_an_expulsion(candidates: Pipeline) -> None:
    """ "ordered X out", "ordered X to leave / withdraw": an expulsion (CAMEO 166), not a demand."""
    for text in (
        "Kenya ordered out a Somali envoy on Tuesday after the border dispute.",
        "The government ordered the French ambassador to leave the country within 48 hours.",
        "The military junta ordered Belgian soldiers to withdraw from the airport.",
    ):
        analysis = candidates.analyze_text(text)
        assert [e.type for e in analysis.events] == ["SANCTION"], text
        assert analysis.events[0].cameo == "166"
    # an order to do something else stays a demand of the one ordered
    analysis = candidates.analyze_text("The court ordered the minister to reinstate the dismissed officials.")
    assert [e.type for e in analysis.events] == ["REQUEST"]
    # a crowd told to leave a square or a building is cleared, not expelled from a country
    for text in (
        "Riot police surrounded the strikers and ordered them to leave the square by noon.",
        "Guards ordered the protesters out of the ministry building on Friday.",
    ):
        orders = [e.type for e in candidates.analyze_text(text).events if e.trigger.text == "ordered"]
        assert orders == ["REQUEST"], text


def test_an_order_to_ones_own_forces_is_their_act(candidates: Pipeline) -> None:
    """Troops, the army, the police told to act without another side named: the orderer does it."""
    analysis = candidates.analyze_text(
        "The president ordered troops to reinforce the northern border on Monday."
    )
    assert [e.type for e in analysis.events] == ["MOBILIZE"]
    assert analysis.events[0].source is not None and analysis.events[0].source.text == "The president"
    analysis = candidates.analyze_text("The general ordered the army to shell the rebel positions.")
    assert [e.type for e in analysis.events] == ["ASSAULT"]
    # foreign soldiers told to act are someone else's: a demand of them
    analysis = candidates.analyze_text("The junta ordered French soldiers to hand over the base.")
    assert "REQUEST" in {e.type for e in analysis.events}


def test_a_warning_that_tells_another_what_to_do_is_a_demand(candidates: Pipeline) -> None:
    """ "warned X to stop", "warned that Y must / had to": a demand of them (REQUEST), once."""
    analysis = candidates.analyze_text("Pyongyang warned Seoul to stop activists from sending leaflets.")
    assert [(e.type, e.target.actor if e.target else None) for e in analysis.events] == [
        ("REQUEST", "country:KOR")
    ]
    for text in (
        "Obama warned that Beijing had to play by global rules.",
        "The UN warned that Beijing must stop the arrests.",
    ):
        analysis = candidates.analyze_text(text)
        assert [(e.type, e.target.actor if e.target else None) for e in analysis.events] == [
            ("REQUEST", "country:CHN")
        ], text


def test_a_warning_of_what_will_happen_stays_a_threat(candidates: Pipeline) -> None:
    for text in (
        "The rebels warned villagers to leave the area or face attack.",
        'Police warned: "If people do not disperse, we will have to disperse them by force."',
        "The minister warned that Iran would face new sanctions.",
        # "threaten to" tells the threatener's own act, whatever the parser hangs on the verb
        # ("the army and its allies" are two parties, coding rule 2: one threat to each)
        "The militia has threatened to deliver heavy blows to the army and its allies, a local weekly reports.",
    ):
        analysis = candidates.analyze_text(text)
        assert analysis.events and {e.type for e in analysis.events} == {"THREATEN"}, text
        assert len({e.target.text if e.target else None for e in analysis.events}) == len(analysis.events), (
            text
        )


def test_a_doer_of_no_known_kind_takes_the_sense_the_trigger_model_reads(candidates: Pipeline) -> None:
    """ "stormed" is an attack, or law enforcement when the police do it; with a doer of no
    known kind, the trigger model's reading of the sentence chooses between the two."""
    stage = next(s for s in candidates.stages if isinstance(s, EventStage))
    token = load_model("md")("Men in uniform stormed the offices.")[3]
    row = next(r for r in stage.lexicon.candidates(token) if r.type == "ASSAULT")
    assert [r.type for r in stage.lexicon.senses_by_doer(token, row)] == ["COERCE"]

    def candidate(coerce: float) -> SimpleNamespace:
        p = np.full(len(LABELS), 0.01)
        p[LABELS.index("ASSAULT")], p[LABELS.index("COERCE")] = 0.5, coerce
        found = SimpleNamespace(types=TypeScores(p))
        return SimpleNamespace(found=found, token=token, trigger=row, type=row.type, cameo=row.cameo)

    assert stage._learned_sense(candidate(0.7))[0] == "COERCE"  # type: ignore[arg-type]
    assert stage._learned_sense(candidate(0.2))[0] == "ASSAULT"  # type: ignore[arg-type]


def test_a_deal_struck_is_an_agreement_not_an_attack(candidates: Pipeline) -> None:
    """A verb of attack whose object is an accord is a light verb for it: its parties agree."""
    analysis = candidates.analyze_text("The government struck a deal with the rebels on Sunday.")
    assert {e.type for e in analysis.events} == {"AGREE"}
    assert {(e.source.text, e.target.text) for e in analysis.events if e.source and e.target} >= {
        ("The government", "the rebels")
    }
    analysis = candidates.analyze_text(
        "A deal was struck late on Sunday with leaders of the striking miners."
    )
    assert [e.type for e in analysis.events] == ["AGREE"]
    analysis = candidates.analyze_text("Rebels struck an army convoy near the town.")
    assert [e.type for e in analysis.events] == ["ASSAULT"]


def test_a_tie_ended_is_a_sanction_by_who_ended_it(candidates: Pipeline) -> None:
    """An ending verb ("scrapped", "withdrew from") carries the sides of the agreement or
    talks it takes, and the act is the ending (coding rule 11), not an agreement."""
    scrapped = candidates.analyze_text(
        "Mali's military government on Monday scrapped its defence agreements with France."
    )
    assert [(e.type, e.cameo) for e in scrapped.events] == [("SANCTION", "160")]
    event = scrapped.events[0]
    assert event.source is not None and event.source.country == "MLI"
    assert event.target is not None and event.target.country == "FRA"
    withdrawn = candidates.analyze_text(
        "The government of Ghana withdrew from a regional cooperation deal with Togo on Friday."
    )
    assert "AGREE" not in {e.type for e in withdrawn.events}
    assert ("SANCTION", "GHA", "TGO") in {
        (e.type, e.source.country, e.target.country) for e in withdrawn.events if e.source and e.target
    }
    cancelled = candidates.analyze_text("Peru cancelled planned talks with Bolivia over the border dispute.")
    assert [(e.type, e.cameo) for e in cancelled.events] == [("SANCTION", "164")]
    # an ending refused is the refusal alone, not a withdrawal that happened
    refused = candidates.analyze_text("Turkey refused to withdraw from the defence treaty with Greece.")
    assert [e.type for e in refused.events] == ["REJECT"]
    # an agreement that is made is no sanction (signing one is CAMEO 057, SUPPORT in PLOVER)
    signed = candidates.analyze_text("Mali signed a defence agreement with Russia on Monday.")
    assert signed.events and "SANCTION" not in {e.type for e in signed.events}


# ------------------------------------------------------------------ what is sent decides a sending
def test_forces_sent_are_deployed_goods_and_envoys_are_not(candidates: Pipeline) -> None:
    """``patient:`` rows read the verb's object through a quantity and a passive: "sent
    hundreds of riot officers", "more soldiers will be sent"."""
    officers = candidates.analyze_text(
        "The interior ministry sent hundreds of riot officers to the main square."
    )
    assert [(e.type, e.trigger.text) for e in officers.events] == [("MOBILIZE", "sent")]
    passive = candidates.analyze_text(
        "Officials in Lagos said more soldiers would be sent to the northern border."
    )
    assert "MOBILIZE" in {e.type for e in passive.events}
    dispatched = candidates.analyze_text("The army dispatched 3,000 troops to the frontier with Chad.")
    assert "MOBILIZE" in {e.type for e in dispatched.events}
    goods = candidates.analyze_text("The government sent food and medicine to the flooded villages.")
    assert "MOBILIZE" not in {e.type for e in goods.events}
    envoys = candidates.analyze_text("The foreign ministry sent a delegation to Cairo on Monday.")
    assert "MOBILIZE" not in {e.type for e in envoys.events}


def test_a_verb_patient_is_what_it_takes() -> None:
    from eventwire.extract.event_patterns import trigger_patient

    doc = load_model("md")("The ministry sent dozens of police officers to the square.")
    sent = next(t for t in doc if t.lower_ == "sent")
    patient = trigger_patient(sent)
    assert patient is not None and patient.lower_ == "officers"


def test_protesters_gathering_or_storming_protest_but_mourners_and_gunmen_do_not(
    candidates: Pipeline,
) -> None:
    """A crowd named by its protest protests by gathering or entering ("subject:protester" rows)."""
    gathered = candidates.analyze_text(
        "Hundreds of opposition protesters gathered outside the court on Monday."
    )
    assert [
        (e.type, e.source.text if e.source else None) for e in gathered.events if e.type == "PROTEST"
    ] == [("PROTEST", "Hundreds of opposition protesters")]
    stormed = candidates.analyze_text(
        "Tens of thousands of demonstrators, angered by the fuel shortages, stormed the governor's residence."
    )
    assert {e.type for e in stormed.events} == {"PROTEST"}
    mourners = candidates.analyze_text("Mourners gathered outside the mosque on Friday.")
    assert not [e for e in mourners.events if e.type == "PROTEST"]
    gunmen = candidates.analyze_text("Gunmen stormed a police station in the north on Friday.")
    assert {e.type for e in gunmen.events} == {"ASSAULT"}


@pytest.mark.parametrize(
    "text",
    [
        "Indonesian navy ships fired warning shots as the fishing boats crossed the line.",
        "Riot police fired warning shots to break up the march on Tuesday.",
    ],
)
def test_warning_shots_are_force_shown_not_a_warning_or_an_attack(candidates: Pipeline, text: str) -> None:
    """ "fired warning shots": the parser reads "warning" as a verb taking the shots; the act is
    force shown (COERCE), neither a spoken warning (THREATEN) nor gunfire at someone (ASSAULT)."""
    types = {e.type for e in candidates.analyze_text(text).events}
    assert "COERCE" in types
    assert not types & {"THREATEN", "ASSAULT"}


def test_a_warning_in_words_is_still_a_threat(candidates: Pipeline) -> None:
    types = {
        e.type
        for e in candidates.analyze_text("The militia warned the villagers that it would return.").events
    }
    assert "THREATEN" in types


def test_backing_offered_to_a_party_is_support(candidates: Pipeline) -> None:
    """The noun "backing" reads as the noun "support": offering it to a party is the backing."""
    events = candidates.analyze_text(
        "The Brazilian president offered Argentina his full backing on Friday."
    ).events
    assert any(e.type == "SUPPORT" and e.target is not None and "Argentina" in e.target.text for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenyan riot police blocked Raila Odinga outside the stadium gates.", "COERCE"),
        ("A Zambian court blocked three opposition candidates from standing in the vote.", "COERCE"),
        ("Farmers blocked the main road into Nairobi with their tractors.", "PROTEST"),
        ("Poland blocked the EU migration pact on Thursday.", "REJECT"),
    ],
)  # fmt: skip
def test_blocking_people_restricts_them(candidates: Pipeline, text: str, expected: str) -> None:
    """ "blocked" with people as its object restricts them (COERCE); a road blocked is
    obstructed (PROTEST), a decision blocked refused (REJECT)."""
    assert expected in {e.type for e in candidates.analyze_text(text).events}


def test_an_ordered_closure_is_the_closing(candidates: Pipeline) -> None:
    """ "closure" reads as "close": an authority ordering its border's closure closes it
    (coding rule 9), no demand of anyone."""
    types = {
        e.type
        for e in candidates.analyze_text(
            "Uganda ordered the closure of its border with Kenya on Monday."
        ).events
    }
    assert "COERCE" in types and "REQUEST" not in types
