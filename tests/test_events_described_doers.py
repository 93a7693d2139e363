"""An act with no one on either side is no event (coding rule 3), but its doer may be there,
unresolved: a description of people the knowledge base has no role for ("the anonymous
caller", "secularists", "Rohingya"), or a subject pronoun whose referent is further back than
the sentence before, or is a description ("the junta said ... It warned"). Things, sums and
abstract nouns ("the decree", "the crisis", "the number of wounded") stay no one."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.extract.event_actors import agent_noun, model_verbs
from eventwire.models import Analysis


def sources(analysis: Analysis, type_: str) -> list[str | None]:
    return [e.source.actor if e.source else None for e in analysis.events if e.type == type_]


def test_a_description_of_one_who_does_is_an_unknown_doer(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "An anonymous caller threatened to set off a bomb at the stadium in Lahore on Monday."
    )
    assert sources(analysis, "THREATEN") == ["unk:anonymous-caller"], sources(analysis, "THREATEN")


def test_a_follower_of_a_creed_is_an_unknown_doer(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("The secularists condemned the ruling on Tuesday.")
    assert sources(analysis, "ACCUSE") == ["unk:secularists"], sources(analysis, "ACCUSE")
    traders = candidates.analyze_text("Local traders vowed to keep their shops shut.")
    assert sources(traders, "AGREE") == ["unk:local-traders"], sources(traders, "AGREE")


def test_things_and_quantities_stay_no_one(candidates: Pipeline) -> None:
    decree = candidates.analyze_text("The decree warned that anyone out after dark would be arrested.")
    assert not any(e.source and e.source.actor for e in decree.events), decree.events
    wounded = candidates.analyze_text("The number of wounded rose to forty on Monday.")
    assert not any(e.source and e.source.actor for e in wounded.events), wounded.events


def test_agent_nouns_by_their_verb() -> None:
    from eventwire.nlp.model import load_model

    verbs = model_verbs("md")
    nlp = load_model("md")
    doc = nlp("The traders, the callers, a resident, the order, the border, a statement and the secularists.")
    found = {t.lemma_ for t in doc if t.pos_ == "NOUN" and agent_noun(t, verbs)}
    assert {"trader", "caller", "resident", "secularist"} <= found, found
    assert not found & {"order", "border", "statement"}, found


def test_a_subject_pronoun_continues_a_described_subject(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "In a televised statement, the junta said the curfew would end on Friday. "
        "It vowed to crush the rebellion."
    )
    doers = [s for s in sources(analysis, "THREATEN")]
    assert doers and all(s and "junta" in s for s in doers), doers


def test_a_subject_pronoun_looks_past_a_short_quoted_sentence(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Prime Minister Sheikh Hasina visited the campus on Monday. "
        '"The students have marched enough," Hasina said. "Let them rest now." '
        "She also condemned the burning of the library."
    )
    assert "person:sheikh-hasina" in sources(analysis, "ACCUSE"), sources(analysis, "ACCUSE")


def test_an_agent_noun_of_a_verb_in_ate_is_one_who_does() -> None:
    """ "agitator" is the agent of "agitate", as "trader" is of "trade"; "senator" of no verb."""
    from eventwire.nlp.model import load_model

    verbs = model_verbs("md")
    doc = load_model("md")("The agitators, the senators and the instigators.")
    found = {t.lemma_ for t in doc if t.pos_ == "NOUN" and agent_noun(t, verbs)}
    assert {"agitator", "instigator"} <= found, found
    assert "senator" not in found, found


def test_a_group_word_after_a_role_is_the_doer(candidates: Pipeline) -> None:
    """ "Insurgent groups mounted an attack": the groups, of the insurgents' kind."""
    analysis = candidates.analyze_text("Insurgent groups mounted an attack on two hill villages on Friday.")
    assert sources(analysis, "ASSAULT") == ["unk:insurgent-groups"], sources(analysis, "ASSAULT")
