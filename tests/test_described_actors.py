"""A description without a name ("the prime minister", "the opposition") is the one named
actor the article gives that title (eventwire/resolve/described.py); a long name NER cut
short before its bracketed short form is read whole (eventwire/resolve/mentions.py)."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.models import Mention, Section
from eventwire.resolve.actors import resolver_for
from eventwire.resolve.described import described_actor, description, titles
from eventwire.resolve.kb import KnowledgeBase
from eventwire.resolve.mentions import Hit


def _kb() -> KnowledgeBase:
    return resolver_for((), "md").kb


def _hit(text: str, whole: str, name: str, kind: str = "person") -> Hit:
    at = whole.index(text)
    head = at + text.index(name.split()[0]) if name.split()[0] in text else at
    prefix = "person:" if kind == "person" else "unk:"
    actor = prefix + name.lower().replace(" ", "-")
    return Hit(at, at + len(text), text, actor, name, kind, None, (), False, None, Section.BODY, head=head)


def _side(text: str, whole: str) -> Mention:
    at = whole.index(text)
    return Mention(text, at, at + len(text), "unk:" + text.split()[-1].lower())


def test_a_description_is_its_words_without_the_article_or_what_follows() -> None:
    assert description("the prime minister") == (["prime", "minister"], True)
    assert description("A gang leader") == (["gang", "leader"], False)
    assert description("the leader of the main rebel group") == (["leader"], True)


def test_names_counted_possessed_or_state_descriptions_describe_no_one() -> None:
    assert description("Prime Minister Ana Ruiz") is None  # no article: a name
    assert description("the two ministers") is None
    assert description("the party's leader") is None  # possessed: read elsewhere
    assert description("the government") is None  # the state
    assert description("the Kremlin") is None  # a name


def test_a_title_before_a_name_and_an_apposition_are_read() -> None:
    text = "Talks with Prime Minister Tomas Varga stalled. Lina Berg, a freelance reporter, left."
    varga = _hit("Prime Minister Tomas Varga", text, "Tomas Varga")
    berg = _hit("Lina Berg", text, "Lina Berg")
    assert ["prime", "minister"] in titles(text, varga)
    assert ["freelance", "reporter"] in titles(text, berg)


def test_the_one_actor_titled_so_is_the_description() -> None:
    text = "Prime Minister Tomas Varga met the unions. Later the prime minister said no."
    varga = _hit("Prime Minister Tomas Varga", text, "Tomas Varga")
    side = _side("the prime minister", text)
    named = [(varga, titles(text, varga))]
    assert described_actor(text, side, (["prime", "minister"], True), named, _kb()) is varga


def test_another_office_two_holders_or_an_earlier_one_for_an_indefinite_give_no_one() -> None:
    kb = _kb()
    text = "Foreign Minister Ivo Lenz and Prime Minister Tomas Varga met. The state minister spoke."
    lenz = _hit("Foreign Minister Ivo Lenz", text, "Ivo Lenz")
    side = _side("The state minister", text)
    assert (
        described_actor(text, side, (["state", "minister"], True), [(lenz, titles(text, lenz))], kb) is None
    )
    two = "Gang leader Rui Sa and gang leader Joao Mota met. The gang leader spoke."
    sa, mota = _hit("Gang leader Rui Sa", two, "Rui Sa"), _hit("gang leader Joao Mota", two, "Joao Mota")
    named = [(sa, titles(two, sa)), (mota, titles(two, mota))]
    assert described_actor(two, _side("The gang leader", two), (["gang", "leader"], True), named, kb) is None
    earlier = "Gang leader Rui Sa fled. Police said a gang leader was shot."
    sa = _hit("Gang leader Rui Sa", earlier, "Rui Sa")
    side = _side("a gang leader", earlier)
    assert (
        described_actor(earlier, side, (["gang", "leader"], False), [(sa, titles(earlier, sa))], kb) is None
    )


def test_the_opposition_is_the_party_the_story_calls_so(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Police in Valdoria detained two members of the opposition Union for Civic Renewal on Monday.\n\n"
        "The opposition accused the interior minister of ordering the arrests to silence critics."
    )
    accused = [e for e in analysis.events if e.type == "ACCUSE" and e.source is not None]
    assert accused, [(e.type, e.source) for e in analysis.events]
    assert accused[0].source is not None and accused[0].source.text == "The opposition"
    names = {a.id: a.name for a in analysis.actors}
    assert names.get(accused[0].source.actor or "") == "Union for Civic Renewal"


def test_a_name_cut_short_before_its_short_form_is_read_whole(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "The Convention of Farmers for Water and Land (CFWL) accused the provincial governor of "
        "diverting the river.\n\nThe CFWL said it would march on the capital on Friday."
    )
    names = {a.name for a in analysis.actors}
    assert "Convention of Farmers for Water and Land" in names, names
    assert "CFWL" not in names  # the short form is the same actor


def test_a_bracketed_short_form_after_a_person_is_not_their_name(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "By Marta Kowal (AFP)\n\nRebels in the north accused the army of shelling a market on Sunday."
    )
    people = [a for a in analysis.actors if a.kind == "person"]
    assert all(not any(m.text == "AFP" for m in a.mentions) for a in people), people
