"""The argument ranker: a learned second look at each event's sides (extract/argument_ranker.py)."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire import Pipeline
from eventwire.config import PipelineConfig
from eventwire.errors import ConfigError
from eventwire.extract.argument_candidates import MAX_REFERRING
from eventwire.extract.argument_ranker import (
    ArgumentModel,
    ArgumentRankerStage,
    Candidate,
    SlotModel,
    actor_kinds,
    candidates,
    choose,
    context,
    dep_path,
    features,
    load_argument_model,
    rerank,
    shared_features,
)  # fmt: skip
from eventwire.ingest.build import build_article
from eventwire.models import Analysis, Event, Mention
from eventwire.nlp import load_model


def _events(analysis: Analysis, type_: str) -> list[Event]:
    found = [e for e in analysis.events if e.type == type_]
    assert found, f"no {type_} in {[e.type for e in analysis.events]}"
    return found


def _side(event: Event, slot: str) -> str:
    mention = getattr(event, slot)
    return mention.text if mention is not None else ""


def test_path_from_a_passive_verb_to_its_agent() -> None:
    doc = load_model("md")("The convoy was ambushed by rebel fighters near the border.")
    trigger = next(t for t in doc if t.lower_ == "ambushed")
    fighters = next(t for t in doc if t.lower_ == "fighters")
    convoy = next(t for t in doc if t.lower_ == "convoy")
    assert dep_path(trigger, fighters) == ("vagent vpobj", 2)
    assert dep_path(trigger, convoy) == ("vnsubjpass", 1)


def _candidate(text: str | None, rule: bool = False) -> Candidate:
    mention = Mention(text, 0, len(text)) if text is not None else None
    return Candidate(mention, rule, False)


def test_the_rules_choice_stands_unless_another_wins_by_the_margin() -> None:
    model = SlotModel(("bias", "pronoun", "rule"), (0.0, -1.0, 0.5), margin=1.0)
    rule, other = _candidate("they", rule=True), _candidate("the rebels")
    # the rules' pronoun scores -0.5, the name 0: ahead, but not by the margin
    assert choose(model, [(rule, {"pronoun": 1.0, "rule": 1.0}), (other, {})]) is rule
    sure = SlotModel(model.features, (0.0, -3.0, 0.5), margin=1.0)
    assert choose(sure, [(rule, {"pronoun": 1.0, "rule": 1.0}), (other, {})]) is other


def test_a_model_naming_unknown_features_is_refused(tmp_path: Path) -> None:
    slot = {"features": ["bias", "moon_phase"], "weights": [0.1, 0.2], "margin": 1.0}
    path = tmp_path / "ranker.json"
    path.write_text(json.dumps({
        "format": "eventwire-argument-ranker/1", "features": [], "weights": [],
        "slots": {"source": slot, "target": slot},
    }))  # fmt: skip
    with pytest.raises(ConfigError, match="moon_phase"):
        load_argument_model(path)


def test_shipped_model_loads_with_a_margin_per_side() -> None:
    model = load_argument_model()
    assert set(model.slots) == {"source", "target"}
    assert all(m.margin >= 0 for m in model.slots.values())


def test_passive_agent_is_the_source(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "A convoy of Kenyan police officers was ambushed by al-Shabaab fighters near Mandera on Sunday."
    )
    event = _events(analysis, "ASSAULT")[0]
    assert "Shabaab" in _side(event, "source")
    assert event.target is not None and event.target.country == "KEN"


def test_relative_clause_keeps_the_noun_it_modifies(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Ugandan police arrested the opposition leader who had organised the rally in Kampala."
    )
    arrest = next(e for e in _events(analysis, "COERCE") if e.trigger.text.startswith("arrest"))
    assert "police" in _side(arrest, "source").lower()
    assert "leader" in _side(arrest, "target").lower()


def test_pronoun_subject_of_what_a_government_says(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "The Ethiopian government said on Monday that it would send troops to fight the rebels in Tigray."
    )
    for event in _events(analysis, "ASSAULT"):
        assert event.source is not None and event.source.country == "ETH"


def test_who_tells_of_an_act_is_not_made_its_target(candidates: Pipeline) -> None:
    # the rules find no target (a ship is a thing); the ranker must not fill it with the teller
    analysis = candidates.analyze_text(
        "Rebel fighters fired two rockets at a cargo ship in the Gulf of Aden on Friday, "
        "British naval officials said. The ship sailed on with light damage.",
        published=dt.date(2024, 6, 8),
    )
    attacks = [e for e in analysis.events if e.type == "ASSAULT"]
    assert attacks
    assert all(e.target is None or e.target.actor != "country:GBR" for e in attacks)


_RAID = "Al-Shabaab fighters fled from the port on Monday after Somali troops attacked their bases."


@pytest.fixture(scope="module")
def raid() -> tuple[Analysis, Event, ArgumentRankerStage]:
    rules = Pipeline(PipelineConfig(min_confidence=0.0, arguments_path=None))
    analysis = rules.analyze_text(_RAID)
    attack = next(e for e in _events(analysis, "ASSAULT") if e.trigger.text == "attacked")
    return analysis, attack, ArgumentRankerStage(PipelineConfig())


def test_a_pronoun_the_rules_linker_resolves_is_a_candidate(
    raid: tuple[Analysis, Event, ArgumentRankerStage],
) -> None:
    # the names are the resolver's hits; "their" reaches the ranker as the group it stands for
    analysis, attack, stage = raid
    attack = copy.deepcopy(attack)
    attack.target = None  # as if the rules had missed it: the pronoun is then no one's choice
    ctx = context(analysis, attack, actor_kinds(analysis))
    assert ctx is not None
    found = [c for c in candidates(analysis, ctx, "target", stage.resolver, stage.linker) if c.origin]
    assert ("their", "al_shabaab") in [(c.mention.text, c.mention.actor) for c in found if c.mention]
    assert len(found) <= MAX_REFERRING
    fresh = context(analysis, attack, actor_kinds(analysis))
    assert fresh is not None
    assert not [
        c for c in candidates(analysis, fresh, "target", stage.resolver) if c.origin
    ]  # no linker: none


def test_an_empty_target_takes_a_referring_pronoun_only_past_the_margin(
    raid: tuple[Analysis, Event, ArgumentRankerStage],
) -> None:
    analysis, attack, stage = raid
    source = SlotModel(("bias",), (0.0,), margin=1.0)
    for weight, filled in ((0.5, False), (3.0, True)):
        event = copy.deepcopy(attack)
        event.target = None  # as if the rules had found no one
        model = ArgumentModel({"source": source, "target": SlotModel(("referring",), (weight,), 1.0)}, {})
        rerank(analysis, event, model, stage.resolver, actor_kinds(analysis), stage.linker)
        assert (event.target is not None) is filled
        if filled:
            assert event.target is not None and event.target.actor == "al_shabaab"
            assert event.target.text == "their"
            assert event.signals["ranked_target"] == 1.0


def test_whom_a_judged_act_was_done_to_is_never_the_judgements_target() -> None:
    """ "condemned the attack on the nurses": the ranker may not make the nurses the target;
    the discourse names the attackers (coding rule 3)."""
    from eventwire.extract.argument_ranker import _undergoes_judged_act
    from eventwire.models import JudgedAct, Span

    text = "The ministry condemned the attack on the nurses."
    analysis = Analysis(build_article(text, "test"))
    judgement = Event(
        "ACCUSE", "111", Span(text[13:48], 13, 48), Span("condemned", 13, 22),
        source=Mention("The ministry", 0, 12), judged=JudgedAct("ASSAULT", Span("attack", 27, 33)),
    )  # fmt: skip
    nurses = Mention("the nurses", 37, 47, "unk:nurses")
    attack = Event(
        "ASSAULT", "190", Span("attack on the nurses", 27, 47), Span("attack", 27, 33), target=nurses
    )
    analysis.events = [judgement, attack]
    assert _undergoes_judged_act(analysis, judgement, nurses.copy())
    assert not _undergoes_judged_act(analysis, judgement, Mention("gunmen", 60, 66, "unk:gunmen"))


def test_a_condemned_killing_is_aimed_at_the_killers_named_before(pipeline: Pipeline) -> None:
    text = (
        "Gunmen kill police officer in northern Kosovo\n\n"
        "PRISTINA, Sept 24 - Serb gunmen attacked a Kosovo police patrol near the village of Banjska on "
        "Sunday, killing one police officer and wounding another, officials said.\n\n"
        "Serbian President Aleksandar Vucic condemned the killing of the Kosovo policeman but said the "
        "prime minister was to blame for the tension."
    )
    analysis = pipeline.analyze_text(text, published=dt.date(2023, 9, 24))
    condemned = next(e for e in _events(analysis, "ACCUSE") if "condemned" in e.evidence.text)
    assert condemned.target is not None
    assert "policeman" not in condemned.target.text and "gunmen" in condemned.target.text.lower()


def test_features_read_once_for_both_sides_are_those_read_per_side(
    raid: tuple[Analysis, Event, ArgumentRankerStage],
) -> None:
    # a candidate offered to both sides keeps its features; only "same_as_other" follows the
    # side, in its place (the model sums in the dict's order)
    analysis, attack, stage = raid
    shared = context(analysis, attack, actor_kinds(analysis))
    plain = context(analysis, attack, actor_kinds(analysis))
    assert shared is not None and plain is not None
    for slot in ("source", "target", "source"):
        offered = candidates(analysis, shared, slot, stage.resolver, stage.linker)
        again = candidates(analysis, plain, slot, stage.resolver, stage.linker)
        for one, other in zip(offered, again, strict=True):
            values, expected = shared_features(shared, slot, one), features(plain, slot, other)
            assert list(values.items()) == list(expected.items())
    assert shared.shared  # the hits and referring phrases were read once


def test_a_joint_act_whose_doer_the_ranker_finds_is_coded_both_ways(pipeline: Pipeline) -> None:
    # the rules find no doer of the noun "negotiations"; once the ranker names Pyongyang,
    # the talks with Washington are each side's with the other (coding rule 2)
    analysis = pipeline.analyze_text("Pyongyang has long shunned nuclear negotiations with Washington.")
    pairs = {(e.source.actor if e.source else None, e.target.actor if e.target else None)
             for e in _events(analysis, "CONSULT")}  # fmt: skip
    assert pairs == {("country:PRK", "country:USA"), ("country:USA", "country:PRK")}


def test_a_side_the_ranker_picks_from_a_list_is_each_members(pipeline: Pipeline) -> None:
    # the rules find no critic (the countries are where criticism was drawn); the ranker picks
    # one of the list, and each country listed criticised (coding rule 2)
    analysis = pipeline.analyze_text(
        "Chad's use of foreign fighters has drawn criticism in Spain, Italy and Portugal."
    )
    critics = {e.source.actor for e in _events(analysis, "ACCUSE") if e.source is not None}
    assert critics == {"country:ESP", "country:ITA", "country:PRT"}


def test_the_owner_named_inside_the_target_is_no_doer() -> None:
    """ "criticised Okonjo's government", "clashes with supporters of Okonjo": the owner of the
    target phrase is no candidate for the doer; a place inside it ("in Lagos") or the whole
    phrase is another matter."""
    from eventwire.extract.argument_ranker import _owner_of

    def at(text: str, words: str) -> Mention:
        start = text.index(words)
        return Mention(words, start, start + len(words))

    text = "Students criticised Okonjo's government and clashed with supporters of Mr Ade in Lagos."
    analysis = Analysis(build_article(text, "test"))
    government = at(text, "Okonjo's government")
    supporters = at(text, "supporters of Mr Ade in Lagos")
    assert _owner_of(analysis, at(text, "Okonjo"), government)
    assert _owner_of(analysis, at(text, "Mr Ade"), supporters)
    assert not _owner_of(analysis, at(text, "Lagos"), supporters)
    assert not _owner_of(analysis, government, government)
    assert not _owner_of(analysis, at(text, "Students"), government)
