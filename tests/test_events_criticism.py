"""The vocabulary of criticism (ACCUSE, CAMEO 09x/11x) and the senses of its words that are
no criticism: "concern" a company, "charge" a price or a rush, "case" a container, "brand" a
product (data/lexicons/event_triggers.csv). Texts written for the tests."""

from __future__ import annotations

import pytest

from eventwire import Pipeline


def _accusations(pipeline: Pipeline, text: str) -> list[tuple[str | None, str | None]]:
    events = pipeline.analyze_text(text).events
    return [
        (e.source.actor if e.source else None, e.target.actor if e.target else None)
        for e in events
        if e.type == "ACCUSE"
    ]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "The Russian ambassador lashed out at NATO on Tuesday over the naval exercises.",
            "country:RUS",
            "nato",
        ),
        (
            "The Indian foreign minister hit out at Pakistan over the border raids.",
            "country:IND",
            "country:PAK",
        ),
        ("Germany took issue with Poland's new media law on Friday.", "country:DEU", "country:POL"),
        ("Turkey branded the Kurdish militia as a terrorist organisation.", "country:TUR", None),
        (
            "Ukraine lodged a formal protest with Hungary over the minister's remarks.",
            "country:UKR",
            "country:HUN",
        ),
    ],
)
def test_criticism_phrases_are_accusations(
    candidates: Pipeline, text: str, source: str, target: str | None
) -> None:
    found = _accusations(candidates, text)
    assert found, text
    assert found[0][0] == source
    if target is not None:
        assert found[0][1] == target


def test_criticism_verbs_name_the_critic(candidates: Pipeline) -> None:
    for verb in ("berated", "chastised", "excoriated", "assailed", "reprimanded", "faulted"):
        text = f"Egypt {verb} Ethiopia on Sunday over the filling of the dam."
        assert ("country:EGY", "country:ETH") in _accusations(candidates, text), text


def test_voiced_concern_is_mild_disapproval(candidates: Pipeline) -> None:
    events = candidates.analyze_text(
        "Norway voiced concern on Monday over the arrests of opposition figures."
    ).events
    concern = [e for e in events if e.type == "ACCUSE"]
    assert concern and concern[0].source is not None and concern[0].source.country == "NOR"
    strong = candidates.analyze_text("Norway condemned the arrests of opposition figures on Monday.").events
    assert concern[0].confidence < max(e.confidence for e in strong if e.type == "ACCUSE")


def test_lawsuits_and_convictions(candidates: Pipeline) -> None:
    assert _accusations(candidates, "Prosecutors brought charges against the former governor on Monday.")
    assert _accusations(candidates, "The court found the former governor guilty of fraud on Thursday.")
    assert _accusations(candidates, "The senate took the oil ministry to court over unpaid royalties.")


def _court_acts(pipeline: Pipeline, text: str) -> list[tuple[str | None, str | None]]:
    events = pipeline.analyze_text(text).events
    return [
        (e.source.text if e.source else None, e.target.text if e.target else None)
        for e in events
        if e.type == "ACCUSE" and e.cameo == "116"
    ]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "A court in Tashkent on Tuesday handed the activist Dilnoza Karimova a five-year prison sentence.",
            "A court in Tashkent",
            "the activist Dilnoza Karimova",
        ),
        ("The appeals court handed down its verdict against Governor Paul Mensah on Friday.", None, "Mensah"),
        (
            "The Supreme Court found that Prime Minister Ali Hassan had broken the constitution.",
            "Court",
            None,
        ),
        ("Senator Maria Lopez was given a two-year jail term on Monday.", None, "Maria Lopez"),
    ],
)
def test_sentences_verdicts_and_findings_are_court_acts(
    candidates: Pipeline, text: str, source: str | None, target: str | None
) -> None:
    """A court's sentence, verdict or finding, told as a noun or with "find", is ACCUSE 116;
    whoever is given a sentence in the passive is its target, not its source."""
    found = _court_acts(candidates, text)
    assert found, text
    if source is not None:
        assert source in (found[0][0] or ""), found
    if target is not None:
        assert target in (found[0][1] or ""), found
        assert target not in (found[0][0] or ""), found


@pytest.mark.parametrize(
    "text",
    [
        "The engineering concern raised its prices by ten percent this year.",
        "Police found the bodies of three fishermen near the border.",
        "The airline raised the fuel charge on all its flights.",
        "Cavalry charged at the enemy lines before dawn.",
        "Customs officers found two cases of whisky in the lorry.",
        "The brewer launched a new brand of lager in Nairobi.",
        "The prosecution said the witness had been paid.",
    ],
)
def test_other_senses_are_no_criticism(candidates: Pipeline, text: str) -> None:
    assert _accusations(candidates, text) == [], text


def test_the_shipped_candidate_finder_parses_criticism_sentences() -> None:
    """A sentence whose only trigger is a new criticism word still gets the dependency parse."""
    from eventwire.nlp import load_candidate_finder, load_model

    nlp = load_model("md")
    finder = load_candidate_finder(nlp)
    assert finder is not None
    for text in (
        "The envoy berated Kigali.",
        "Critics branded the vote a sham.",
        "Lawyers brought charges against the mayor.",
        "Berlin took issue with the plan.",
        "The mayor lashed out at reporters.",
    ):
        assert finder.is_candidate(nlp.make_doc(text)[:]), text


def test_a_charge_that_acts_brings_no_charges(candidates: Pipeline) -> None:
    """The other words of a verb phrase are its object or complement, not its subject."""
    text = "The corruption charges could bring the former governor a long prison term."
    assert _accusations(candidates, text) == []


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Iran described the Israeli air strikes as an act of aggression.", "country:IRN", "country:ISR"),
        ("Caracas labelled the Guyanese president a provocateur and a liar.", "country:VEN", None),
        ("Beijing has labelled the Taiwanese leader a separatist who threatens peace.", "country:CHN", None),
        (
            "Police detained the opposition leader on Friday. Kenya called the arrest illegal.",
            "country:KEN",
            None,
        ),
        (
            "Chad recalled its envoy, citing what it called the hostile remarks of the Sudanese president.",
            None,
            "country:SDN",
        ),
    ],
)
def test_naming_something_a_name_of_disapproval_is_criticism(
    candidates: Pipeline, text: str, source: str | None, target: str | None
) -> None:
    """ "called the vote a sham", "described the raid as a massacre": the predicate a naming
    verb gives its object is a word of disapproval (event_cues.csv), so the naming criticises."""
    found = _accusations(candidates, text)
    assert found, text
    if source is not None:
        assert found[0][0] == source, found
    if target is not None:
        assert target in [t for _, t in found], found


@pytest.mark.parametrize(
    "text",
    [
        "Japan described the talks with China as a constructive first step.",
        "Fighters from a group called the Free Army attacked a checkpoint near the border.",
        "The minister called the summit a success for both countries.",
    ],
)
def test_naming_without_disapproval_is_no_criticism(candidates: Pipeline, text: str) -> None:
    assert _accusations(candidates, text) == [], text


def test_calling_an_act_illegal_stages_nothing(candidates: Pipeline) -> None:
    """ "call" is a light verb of "called a strike"; with a predicate it names its object, and
    whoever named the arrest did not arrest anyone: the arrest is by the police (Kenya's, the
    story's state, as a bare "police" is), never by the "Kenya" that called it unlawful."""
    text = "Police detained the opposition leader on Friday. Kenya called the detention unlawful."
    events = candidates.analyze_text(text).events
    coercions = [e for e in events if e.type == "COERCE"]
    kenya = text.index("Kenya")
    assert coercions and all(e.source is None or e.source.start < kenya for e in coercions), coercions
    assert all(e.source is None or e.source.text == "Police" for e in coercions), coercions


def test_criticism_drawn_or_come_from_names_the_critic(candidates: Pipeline) -> None:
    """The critic of "drew a wave of criticism from X" and "criticism of Y has come from X"."""
    drawn = _accusations(
        candidates, "Ghana closed its border with Togo, drawing a wave of criticism from Nigeria."
    )
    assert ("country:NGA", "country:GHA") in drawn, drawn
    come = _accusations(
        candidates, "Criticism of Turkey's incursion into Syria has come from France and Germany."
    )
    assert {s for s, _ in come} >= {"country:FRA", "country:DEU"}, come


def test_alarm_and_dismay_are_disapproval(candidates: Pipeline) -> None:
    text = "Police in Minsk detained two journalists. Norway said it was deeply alarmed by their detention."
    assert any(s == "country:NOR" for s, _ in _accusations(candidates, text))


def test_ruling_something_unlawful_is_criticism(candidates: Pipeline) -> None:
    """A ruling or finding whose clause names the thing unlawful judges its author; one that
    finds it valid does not."""
    against = candidates.analyze_text(
        "Kenya's Supreme Court ruled on Monday that the president's decree was unconstitutional."
    ).events
    assert any(e.type == "ACCUSE" for e in against), against
    valid = candidates.analyze_text("Kenya's Supreme Court ruled on Monday that the vote was valid.").events
    assert not any(e.type == "ACCUSE" for e in valid), valid


def test_a_ruling_of_a_body_is_judged_as_that_bodys(candidates: Pipeline) -> None:
    """ "criticized the ruling of the tribunal": aimed at the tribunal that handed it down."""
    text = (
        "The opposition sharply criticized the ruling of the electoral tribunal, which barred its candidate."
    )
    events = [e for e in candidates.analyze_text(text).events if e.type == "ACCUSE"]
    assert [e.target.text if e.target else None for e in events] == ["the electoral tribunal"]
