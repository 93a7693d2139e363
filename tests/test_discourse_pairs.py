"""The two parties a collective phrase names, read off the acts told before it
(:mod:`eventwire.extract.discourse_pairs`): an act told both ways before a nearer one-way
act, actors of the kind the phrase's noun names, and only within a couple of paragraphs."""

from __future__ import annotations

from eventwire.extract.discourse_pairs import WITHIN_CHARS, discourse_pair, pair_noun
from eventwire.models import Event, Mention, Section, Span
from eventwire.nlp import load_model


def act(at: int, source: str | None, target: str | None, section: Section = Section.BODY) -> Event:
    def side(actor: str | None) -> Mention | None:
        return Mention(actor, at, at + 5, actor) if actor is not None else None

    return Event(
        type="AGREE", cameo=None, evidence=Span("x", at, at + 1), trigger=Span("x", at, at + 1),
        source=side(source), target=side(target), section=section,
    )  # fmt: skip


def actors(pair: list[Mention]) -> list[str | None]:
    return [m.actor for m in pair]


def test_an_act_told_both_ways_before_a_nearer_one_way_act() -> None:
    """ "Sudan signed a truce with the rebels; the army then detained militia leaders ... the
    two sides": the truce's parties, not the nearer arrest's."""
    told = [act(100, "country:SDN", "unk:rebels"), act(100, "unk:rebels", "country:SDN"),
            act(300, "country:SDN", "unk:militias")]  # fmt: skip
    pair = discourse_pair(reversed(told), 400, "sides")
    assert actors(pair) == ["unk:rebels", "country:SDN"]


def test_the_noun_names_the_kind_of_party() -> None:
    """ "the two countries" are two states, not a state and the rebels it fought."""
    told = [act(100, "country:IND", "country:CHN"), act(300, "country:IND", "unk:rebels")]
    assert actors(discourse_pair(reversed(told), 400, "countries")) == ["country:IND", "country:CHN"]
    assert actors(discourse_pair(reversed(told), 400, "sides")) == ["country:IND", "unk:rebels"]
    assert discourse_pair(reversed(told), 400, "leaders") == []


def test_an_act_paragraphs_before_is_no_pair_but_the_headline_is() -> None:
    far = act(100, "country:ARM", "country:AZE")
    assert discourse_pair([far], 200 + WITHIN_CHARS, "sides") == []
    title = act(5, "country:ARM", "country:AZE", Section.TITLE)
    assert actors(discourse_pair([far], 200 + WITHIN_CHARS, "sides", [title])) == [
        "country:ARM",
        "country:AZE",
    ]


def test_pair_nouns() -> None:
    nlp = load_model("md")
    named = {
        "Both sides pledged to respect the truce.": "sides",
        "The two countries agreed to reopen embassies.": "countries",
        "Each side accused the other.": "side",
        "The two villages were evacuated.": None,
        "The two were released on bail.": None,
    }
    for text, noun in named.items():
        doc = nlp(text)
        subject = next(t for t in doc if t.dep_ in ("nsubj", "nsubjpass"))
        assert pair_noun(subject) == noun, (text, subject.text)
