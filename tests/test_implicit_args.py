"""Sides the discourse gives: whom a judgement or a response is aimed at, who took part in
a protest or talks told as a bare noun (eventwire/resolve/implicit_args.py)."""

from __future__ import annotations

import datetime as dt

from eventwire import Pipeline
from eventwire.models import Analysis, Event, JudgedAct, Mention, Span
from eventwire.resolve.event_coref import MAX_CANDIDATE_ACTS, corefer
from eventwire.resolve.implicit_args import answered, judged_doers, participants


def aimed_at(analysis: Analysis, type_: str) -> list[str | None]:
    return [e.target.text if e.target else None for e in analysis.events if e.type == type_]


def test_a_judged_act_is_aimed_at_whoever_the_article_said_did_it(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Gunmen stormed a village in the north on Friday and abducted two teachers. "
        "Police arrested a trader in the south on Saturday.\n\n"
        "The governor condemned the abduction of the teachers."
    )
    assert aimed_at(analysis, "ACCUSE") == ["Gunmen"]  # the abductors, not the nearer arrest's police


def test_the_act_judged_is_the_one_done_to_whom_its_phrase_names(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Soldiers shot a protester in the capital on Friday. Separately, rebels killed a farmer in the east.\n\n"
        "The bishop condemned the killing of the protester."
    )
    assert aimed_at(analysis, "ACCUSE") == ["Soldiers"]  # the farmer's killers did another act


def test_whom_the_judged_act_was_done_to_is_never_the_target(candidates: Pipeline) -> None:
    """ "condemned the attack on the officers": at the attackers, if told, never the officers."""
    analysis = candidates.analyze_text("The government strongly condemned the attack on the police officers.")
    assert aimed_at(analysis, "ACCUSE") == [None]
    analysis = candidates.analyze_text(
        "Protesters attacked two police officers with sticks on Sunday. "
        "The government strongly condemned the attack on the officers."
    )
    assert aimed_at(analysis, "ACCUSE") == ["Protesters"]


def test_a_definite_act_refers_back_to_the_act_told_with_its_word(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "The army seized power in a coup on Tuesday, detaining the president.\n\n"
        "The coup was condemned by the African Union."
    )
    assert aimed_at(analysis, "ACCUSE") == ["The army"]


def test_no_act_told_or_no_single_doer_leaves_the_judgement_unaimed(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "The minister condemned the killing of a young shepherd near the border."
    )
    assert aimed_at(analysis, "ACCUSE") == [None]
    analysis = candidates.analyze_text(
        "Police and protesters clashed in the capital on Sunday. The mayor condemned the clashes."
    )
    assert aimed_at(analysis, "ACCUSE") == [None]  # each side fought the other: no one doer


def test_an_act_done_to_an_earlier_act_is_aimed_at_its_doer(candidates: Pipeline) -> None:
    """ "dispersed the rally": the police's act on the crowd that marched, not on the rally."""
    analysis = candidates.analyze_text(
        "Thousands of opposition supporters marched through the capital on Monday. "
        "Police dispersed the rally with tear gas."
    )
    assert aimed_at(analysis, "COERCE") == ["Thousands of opposition supporters"]


def test_an_act_on_an_act_not_told_before_is_left_unaimed(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Thousands of opposition supporters marched through the capital on Monday. "
        "Police dispersed a rally in another city."
    )
    assert aimed_at(analysis, "COERCE") == [None]  # "a rally": another one, no reference back
    analysis = candidates.analyze_text("Police dispersed the rally with tear gas on Monday.")
    assert aimed_at(analysis, "COERCE") == [None]  # no rally told: no crowd named


def test_a_refusal_answers_whoever_asked(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Washington asked Mexico on Monday to extradite the two suspects. Mexico refused."
    )
    refusal = [e for e in analysis.events if e.type == "REJECT"]
    assert len(refusal) == 1 and refusal[0].target is not None and refusal[0].target.actor == "country:USA"


def test_dismissing_a_claim_answers_whoever_made_it(candidates: Pipeline) -> None:
    """A thing said ("the claim") with no act aimed at the responder: the latest statement's
    speaker, unless the responder said it."""
    analysis = candidates.analyze_text(
        "Colonel Ahmed Musa, the army spokesman, said the rebels had fled the town. "
        "The rebels, however, dismissed the claim."
    )
    assert aimed_at(analysis, "REJECT") == ["Colonel Ahmed Musa"]
    analysis = candidates.analyze_text(
        "Colonel Ahmed Musa, the army spokesman, said the rebels had fled the town. "
        "Colonel Musa later dismissed the claim."
    )
    assert aimed_at(analysis, "REJECT") == [None]


def test_force_answers_force_only(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Rebels attacked army troops near the border on Monday. The troops hit back."
    )
    assert aimed_at(analysis, "ASSAULT") == ["army troops", "Rebels"]
    analysis = candidates.analyze_text(
        "The president asked the army to leave the capital on Monday. The troops hit back."
    )
    assert aimed_at(analysis, "ASSAULT") == [None]  # a request is not answered by hitting the one who asked


# ---------------------------------------------------------------- the stage's functions alone
def _side(name: str, at: int) -> Mention:
    return Mention(name, at, at + len(name), f"unk:{name.lower()}")


def _event(type_: str, at: int, source: str | None, target: str | None = None, **kw: object) -> Event:
    span = Span("x" * 10, at, at + 10)
    return Event(
        type_, None, span, span, _side(source, at) if source else None, _side(target, at + 5) if target else None,
        **kw,  # type: ignore[arg-type]
    )  # fmt: skip


def test_a_judged_act_with_no_earlier_report_takes_the_next_one() -> None:
    judgement = _event("ACCUSE", 100, "Minister", judged=JudgedAct("ASSAULT", Span("attack", 120, 126)))
    events = [judgement, _event("ASSAULT", 300, "Militants", "Villagers")]
    judged_doers(events)
    assert judgement.target is not None and judgement.target.text == "Militants"


def test_acts_too_far_away_or_by_the_judge_are_no_antecedent() -> None:
    judgement = _event("ACCUSE", 5000, "Minister", judged=JudgedAct("ASSAULT", Span("attack", 5020, 5026)))
    events = [_event("ASSAULT", 100, "Militants"), _event("ASSAULT", 4900, "Minister"), judgement]
    judged_doers(events)
    assert judgement.target is None


def test_a_response_looks_back_a_bounded_number_of_acts() -> None:
    """Bounded work on long texts: only the latest ``MAX_CANDIDATE_ACTS`` acts are looked at."""
    refusal = _event("REJECT", 1000, "Mexico", answers="act")
    asked = _event("REQUEST", 10, "Washington", "Mexico")
    noise = [_event("CONSULT", 20 + i, "Chile", "Peru") for i in range(MAX_CANDIDATE_ACTS)]
    answered([asked, *noise, refusal], [])
    assert refusal.target is None
    answered([asked, refusal], [])
    assert refusal.target is not None and refusal.target.text == "Washington"


# ---------------------------------------------------------------- participants of bare nouns
def sides(analysis: Analysis, type_: str) -> set[tuple[str | None, str | None]]:
    return {
        (e.source.text if e.source else None, e.target.text if e.target else None)
        for e in analysis.events if e.type == type_
    }  # fmt: skip


def test_talks_told_as_a_bare_noun_are_between_the_parties_of_the_deal(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Kenya and Somalia agreed on Tuesday to settle their maritime border dispute. "
        "The deal is the outcome of years of negotiations."
    )
    talks = [e for e in analysis.events if e.type == "CONSULT"]
    assert {(e.source.text, e.target.text) for e in talks if e.source and e.target} == {
        ("Kenya", "Somalia"), ("Somalia", "Kenya"),
    }  # fmt: skip
    assert all(e.signals.get("implicit_participants") == 1.0 for e in talks)


def test_a_strike_by_a_crowd_named_before_is_its_own_act(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Thousands of farmers marched on the parliament in Accra on Monday to demand lower fuel prices. "
        "On Tuesday a two-day general strike shut the city's markets."
    )
    strike = [e for e in analysis.events if e.type == "PROTEST" and "strike" in e.evidence.text]
    assert len(strike) == 1 and strike[0].source is not None
    assert strike[0].source.text == "Thousands of farmers"


def test_a_later_mention_of_the_same_protest_stays_one_act(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Thousands of farmers marched on the parliament in Accra on Monday. The protests continued on Tuesday."
    )
    protests = [e for e in analysis.events if e.type == "PROTEST"]
    assert len(protests) == 1 and [m.text for m in protests[0].mentions] == ["protests"]


def test_a_protest_with_no_crowd_named_near_is_by_unnamed_protesters(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Mass demonstrations have swept the capital since the disputed vote in August, "
        "and the electoral commission has not published the final count."
    )
    protests = [e for e in analysis.events if e.type == "PROTEST"]
    assert len(protests) == 1 and protests[0].source is not None
    assert protests[0].source.actor == "unk:protesters" and protests[0].signals.get("implied_crowd") == 1.0
    assert any(a.id == "unk:protesters" and not a.known for a in analysis.actors)


def test_no_participants_named_or_a_kind_of_act_is_no_event(candidates: Pipeline) -> None:
    for text in (
        "The negotiations lasted for months.",  # no one named anywhere
        "Street rallies are banned in the capital.",  # a kind of act
        "Any protest needs a permit from the police.",
        "The ministers met in Rome. They voted on the accession talks.",  # what was voted on
    ):
        analysis = candidates.analyze_text(text)
        assert not [e for e in analysis.events if e.type == "PROTEST"], text
        assert not [e for e in analysis.events if e.signals.get("implicit_participants")], text


def test_an_open_noun_takes_the_nearest_crowd_or_pair_else_is_left_out() -> None:
    march = _event("PROTEST", 100, "Farmers")
    leader = _event("PROTEST", 200, "Mr Osei")
    leader.source = Mention("Mr Osei", 200, 207, "person:osei")  # one person is no crowd
    strike = _event("PROTEST", 300, None, open_sides=True)
    deal = _event("AGREE", 400, "Ghana", "Togo")
    talks = _event("CONSULT", 500, None, open_sides=True)
    far = _event("CONSULT", 5000, None, open_sides=True)
    out = participants([march, leader, strike, deal, talks, far])
    filled = [e for e in out if e.signals.get("implicit_participants")]
    assert [(e.type, e.source.text if e.source else None, e.target.text if e.target else None) for e in filled] == [
        ("PROTEST", "Farmers", None), ("CONSULT", "Ghana", "Togo"), ("CONSULT", "Togo", "Ghana"),
    ]  # fmt: skip
    assert not [e for e in out if e.open_sides]  # the talks with no parties near are dropped


def test_a_protest_whose_crowd_came_from_another_act_joins_it_only_when_told_with_its_word() -> None:
    text = "x" * 600
    march = _event("PROTEST", 100, "Farmers")
    march.trigger = Span("marched", 110, 117)
    for word, acts in (("strike", 2), ("marched", 1)):
        other = _event("PROTEST", 300, "Farmers", signals={"implicit_participants": 1.0})
        other.trigger = Span(word, 300, 300 + len(word))
        assert len(corefer([march, other], text)) == acts, word
        march.mentions = []


def test_a_judgement_over_an_act_is_aimed_at_its_doer(candidates: Pipeline) -> None:
    """ "raised the alarm over the detention": the act named after "over" is judged, and it
    is not the judge's own."""
    analysis = candidates.analyze_text(
        "Police detained three journalists in Nairobi on Monday.\n\n"
        "Amnesty International raised the alarm over the detention of the journalists."
    )
    assert aimed_at(analysis, "ACCUSE") == ["Police"]


def test_a_decision_is_judged_through_its_author_named_in_its_phrase(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "The Kenyan opposition leader criticized the Supreme Court's ruling on Wednesday."
    )
    assert aimed_at(analysis, "ACCUSE") == ["the Supreme Court's"]
    analysis = candidates.analyze_text(
        "Farmers in Ghana welcomed the decision issued by the Agriculture Ministry on Thursday."
    )
    assert aimed_at(analysis, "SUPPORT") == ["the Agriculture Ministry"]


def test_a_decision_is_judged_through_the_act_told_with_its_word(candidates: Pipeline) -> None:
    """ "the bans" after "imposed bans", "the ban" after "banned": the one who made it."""
    analysis = candidates.analyze_text(
        "The Taliban imposed new bans on women working for aid groups last month.\n\n"
        "The United Nations demanded that the bans be lifted."
    )
    assert aimed_at(analysis, "REQUEST") == ["The Taliban"]
    analysis = candidates.analyze_text(
        "The Constitutional Court banned the main opposition party on Monday.\n\n"
        "The party's leader, Ali Mansour, rejected the ban and vowed to fight on."
    )
    assert aimed_at(analysis, "REJECT") == ["The Constitutional Court"]


def test_a_decision_with_no_author_found_or_its_judge_as_author_is_unaimed(candidates: Pipeline) -> None:
    """Never the judge itself; "the move" alone may refer to any act and names no one."""
    analysis = candidates.analyze_text(
        "The Indian government announced a ban on exports of rice on Monday.\n\n"
        "The Indian government later defended the ban."
    )
    assert aimed_at(analysis, "SUPPORT") == [None]
    analysis = candidates.analyze_text(
        "Ghana expelled two Russian diplomats on Monday.\n\nThe United States praised the move."
    )
    assert aimed_at(analysis, "SUPPORT") == [None]


def test_a_judgement_in_a_relative_clause_on_the_act_is_aimed_at_its_doer(candidates: Pipeline) -> None:
    """ "a raid that X condemned" judges the raid as "X condemned the raid" would: aimed at the
    raiders, whether the sentence or the discourse names them; the act is never the target."""
    analysis = candidates.analyze_text(
        "Soldiers shot four miners near the border in a raid that Amnesty International condemned on Tuesday."
    )
    assert aimed_at(analysis, "ACCUSE") == ["Soldiers"]
    analysis = candidates.analyze_text(
        "Border guards detained three herders near the river on Sunday. "
        "The detentions, which Human Rights Watch denounced, came a day after the talks."
    )
    assert aimed_at(analysis, "ACCUSE") == ["Border guards"]


# ---------------------------------------------------------------- parties of a fight told as a bare noun
def test_a_dated_fight_noun_is_between_the_sides_of_the_story(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Armenia and Azerbaijan accused each other on Monday of massing troops near the frontier. "
        "Fresh clashes broke out on Sunday along the border.",
        published=dt.date(2024, 3, 4),
    )
    fight = [e for e in analysis.events if e.type == "ASSAULT"]
    assert {(e.source.text, e.target.text) for e in fight if e.source and e.target} == {
        ("Armenia", "Azerbaijan"), ("Azerbaijan", "Armenia"),
    }  # fmt: skip
    assert all(e.signals.get("implicit_fight") == 1.0 for e in fight)


def test_the_fighting_at_large_or_feared_is_no_event(candidates: Pipeline) -> None:
    for text in (
        "Armenia and Azerbaijan accused each other on Monday of massing troops. The fighting has displaced thousands.",
        "Armenia and Azerbaijan accused each other on Monday of massing troops, raising fears of fresh fighting.",
    ):
        analysis = candidates.analyze_text(text, published=dt.date(2024, 3, 4))
        assert not [e for e in analysis.events if e.type == "ASSAULT"], text


def _dated(event: Event) -> Event:
    event.date = dt.date(2024, 3, 1)
    return event


def test_an_open_fight_takes_the_sides_of_the_nearest_fight_told_both_ways() -> None:
    clash = [_event("ASSAULT", 100, "Rebels", "Troops"), _event("ASSAULT", 100, "Troops", "Rebels")]
    raid = _event("ASSAULT", 200, "Bandits", "Herders")  # one side's act: no fight's two sides
    fighting = _dated(_event("ASSAULT", 300, None, open_sides=True))
    undated = _event("ASSAULT", 400, None, open_sides=True)  # "the fighting" at large
    out = participants([*clash, raid, fighting, undated])
    filled = [
        (e.source.text, e.target.text)
        for e in out
        if e.signals.get("implicit_fight") and e.source and e.target
    ]
    assert sorted(filled) == [("Rebels", "Troops"), ("Troops", "Rebels")]
    assert not [e for e in out if e.open_sides]


def test_an_open_fight_with_no_fight_near_is_between_the_story_pair() -> None:
    fighting = _dated(_event("ASSAULT", 300, None, open_sides=True))
    pair = [_side("Thailand", 10), _side("Cambodia", 30)]
    out = participants([fighting], story_pair=lambda at: pair)
    assert [(e.source.text, e.target.text) for e in out if e.source and e.target] == [
        ("Thailand", "Cambodia"), ("Cambodia", "Thailand"),
    ]  # fmt: skip
    assert (
        participants([_dated(_event("ASSAULT", 300, None, open_sides=True))], story_pair=lambda at: []) == []
    )


def test_open_talks_with_no_deal_near_are_between_the_story_pair() -> None:
    talks = _event("CONSULT", 300, None, open_sides=True)
    pair = [_side("Seoul", 10), _side("Tokyo", 30)]
    out = participants([talks], story_pair=lambda at: pair)
    assert [(e.source.text, e.target.text) for e in out if e.source and e.target] == [
        ("Seoul", "Tokyo"), ("Tokyo", "Seoul"),
    ]  # fmt: skip
    assert all(e.signals.get("implicit_participants") == 1.0 for e in out)
    assert participants([_event("CONSULT", 300, None, open_sides=True)], story_pair=lambda at: []) == []


def test_talks_the_story_pair_held_take_its_two_parties(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "South Korea and Japan have feuded over export controls since July. "
        "Seoul said on Monday it would take its case to the World Trade Organization. "
        "Officials in Seoul said trade curbs would remain in place. "
        "Exporters say shipments of chemicals have fallen by a third. "
        "The negotiations stalled on Friday."
    )
    talks = [e for e in analysis.events if e.type == "CONSULT"]
    assert {(e.source.country, e.target.country) for e in talks if e.source and e.target} == {
        ("KOR", "JPN"), ("JPN", "KOR"),
    }  # fmt: skip


def test_talks_that_set_the_scene_of_a_deal_are_between_its_parties(candidates: Pipeline) -> None:
    """ "After talks, X and Y agreed": the talks are an act of their own, not what was agreed."""
    analysis = candidates.analyze_text(
        "After two days of talks, Kenya and Uganda agreed on Friday to reopen their border crossings."
    )
    assert sides(analysis, "CONSULT") == {("Kenya", "Uganda"), ("Uganda", "Kenya")}
    assert sides(analysis, "AGREE") == {("Kenya", "Uganda"), ("Uganda", "Kenya")}


def test_talks_held_despite_a_refusal_to_settle_happened(candidates: Pipeline) -> None:
    """ "no willingness to settle the dispute despite months of talks": the talks set the scene
    of the clause, they are no purpose of the infinitive."""
    analysis = candidates.analyze_text(
        "Egypt and Ethiopia have argued over the Nile dam for a decade. "
        "On Tuesday Egypt said Ethiopia had shown no willingness to settle the dispute despite months of talks."
    )
    assert sides(analysis, "CONSULT") == {("Egypt", "Ethiopia"), ("Ethiopia", "Egypt")}
