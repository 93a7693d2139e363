"""Whole-article gold and its evaluation (eval/articles, eventwire/evaluate/articles.py)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.evaluate import EvalOptions, run_evaluation
from eventwire.evaluate.article_gold import load, parse_article
from eventwire.evaluate.articles import match_events, score_article
from eventwire.models import Analysis, Article, Event, Mention, Quote, Span

REPO = Path(__file__).resolve().parents[1]
TEXT = (
    "Kenyan police fire tear gas at protesters\n\n"
    "NAIROBI - Kenyan police fired tear gas at protesters in Nairobi on Tuesday. "
    '"We will not stop until the levy goes," said organiser Jane Wanjiru.'
)
GOLD = {
    "id": "t-1", "published": "2024-07-02", "text": TEXT,
    "events": [{
        "type": "COERCE", "source": {"name": "Kenyan police", "country": "KEN"},
        "target": {"name": "protesters", "country": "KEN"}, "modality": "actual",
        "evidence": ["police fired tear gas at protesters", "police fire tear gas at protesters"],
    }],
    "quotes": [{"speaker": "Jane Wanjiru", "content": "We will not stop until the levy goes,", "direct": True}],
}  # fmt: skip


def _event(at: str, source: str | None, target: str | None, type_: str = "COERCE") -> Event:
    start = TEXT.index(at)
    span = Span(at, start, start + len(at))
    mention = {
        "police": Mention("Kenyan police", 0, 5, "unk:police", "KEN"),
        "protesters": Mention("protesters", 0, 5, "unk:protesters", "KEN"),
        "kenya": Mention("Kenya", 0, 5, "country:KEN", "KEN"),
        None: None,
    }
    return Event(type_, None, span, span, mention[source], mention[target])


def _analysis(events: list[Event]) -> Analysis:
    article = Article("t-1", TEXT, TEXT)
    return Analysis(article, events=events)


def test_the_shipped_gold_loads_and_is_split_by_story() -> None:
    splits = {name: load(REPO / "eval" / "articles" / f"{name}.jsonl") for name in ("train", "dev", "test")}
    assert len(splits["train"]) + len(splits["dev"]) >= 40 and len(splits["test"]) >= 30
    for name, articles in splits.items():
        assert {a.raw.get("split") for a in articles} == {name}
        others = [a for other, rest in splits.items() if other != name for a in rest]
        assert not {a.id for a in articles} & {a.id for a in others}
        assert not {a.source_url for a in articles} & {a.source_url for a in others}
        assert len({e.type for a in articles for e in a.events}) == 16  # every PLOVER type in each split


def test_a_pending_batch_shares_no_story_with_the_splits() -> None:
    """A batch held for the next round's judgements (eval/articles/pending) must be unread
    text: no article id or page of it may sit in train, dev or test."""
    splits = [
        a for name in ("train", "dev", "test") for a in load(REPO / "eval" / "articles" / f"{name}.jsonl")
    ]
    for path in sorted((REPO / "eval" / "articles" / "pending").glob("*.jsonl")):
        pending = load(path)
        assert pending and {a.raw.get("split") for a in pending} == {"pending"}, path
        assert not {a.id for a in pending} & {a.id for a in splits}, path
        assert not {a.source_url for a in pending} & {a.source_url for a in splits}, path


def test_the_test_split_is_never_listed_for_errors() -> None:
    with pytest.raises(ValueError, match="never read for errors"):
        run_evaluation("articles", REPO / "eval" / "articles", EvalOptions(split="test", errors=5))


def test_gold_strings_must_be_in_the_text(tmp_path: Path) -> None:
    bad = json.loads(json.dumps(GOLD))
    bad["events"][0]["evidence"] = ["police fired rubber bullets"]
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD) + "\n" + json.dumps({**bad, "id": "t-2"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold.jsonl:2 event 1: evidence 'police fired rubber bullets'"):
        load(path)
    no_actor = {**GOLD, "events": [{**GOLD["events"][0], "source": None, "target": None}]}
    with pytest.raises(InputError, match="actor on at least one side"):
        parse_article(no_actor, "x:1")


def test_a_second_copy_of_one_act_is_a_false_positive() -> None:
    gold = parse_article(GOLD, "x:1")
    lede = _event("police fired tear gas at protesters", "police", "protesters")
    headline = _event("police fire tear gas at protesters", "police", "protesters")
    assert len(match_events(gold, [lede, headline])) == 1
    score = score_article(gold, _analysis([lede, headline]), 0.0)
    assert (score.events.tp, score.events.fp, score.events.fn) == (1, 1, 0)
    merged = _event("police fired tear gas at protesters", "police", "protesters")
    merged.mentions.append(headline.evidence)
    score = score_article(gold, _analysis([merged]), 0.0)
    assert (score.events.tp, score.events.fp, score.triples.tp) == (1, 0, 1)


def test_triples_need_both_sides_and_types_must_agree() -> None:
    gold = parse_article(GOLD, "x:1")
    no_target = score_article(gold, _analysis([_event("police fired tear gas", "police", None)]), 0.0)
    assert (no_target.events.tp, no_target.triples.tp) == (1, 0)
    country = score_article(gold, _analysis([_event("police fired tear gas", "kenya", "protesters")]), 0.0)
    assert country.triples.tp == 1  # the country a gold actor belongs to stands for it
    wrong_type = score_article(
        gold, _analysis([_event("police fired tear gas", "police", "protesters", "ASSAULT")]), 0.0
    )
    assert (wrong_type.events.tp, wrong_type.events.fp, wrong_type.events.fn) == (0, 1, 1)


def test_quote_recall_and_precision_by_form() -> None:
    gold = parse_article(
        {**GOLD, "quotes": [
            GOLD["quotes"][0],
            {"speaker": "police", "content": "Kenyan police fired tear gas at protesters", "direct": False},
        ]},
        "x:1",
    )  # fmt: skip
    said = "We will not stop until the levy goes"
    start = TEXT.index(said)
    direct = Quote(said, start, start + len(said), True, speaker=Mention("Jane Wanjiru", 0, 1))
    stray = Quote("in Nairobi on Tuesday", 0, 1, False)
    analysis = _analysis([])
    analysis.quotes = [direct, stray]
    score = score_article(gold, analysis, 0.0)
    assert (score.quotes.tp, score.quotes.fp, score.quotes.fn) == (1, 1, 1)
    assert (score.quote_recall["direct"].tp, score.quote_recall["reported"].fn) == (1, 1)
    assert (score.quote_precision["direct"].tp, score.quote_precision["reported"].fp) == (1, 1)


def test_date_accuracy_counts_matched_events_with_a_gold_day() -> None:
    gold = parse_article({**GOLD, "events": [{**GOLD["events"][0], "date": "2024-07-02"}]}, "x:1")
    outcomes = []
    for date, precision in ((dt.date(2024, 7, 2), "day"), (dt.date(2024, 7, 1), "day"),
                            (dt.date(2024, 7, 1), "month"), (None, "unknown")):  # fmt: skip
        event = _event("police fired tear gas at protesters", "police", "protesters")
        event.date, event.date_precision = date, precision
        score = score_article(gold, _analysis([event]), 0.0)
        outcomes.append((score.dates.gold, score.dates.right, score.dates.wrong))
    # right; another day (wrong, listed); the right month (not wrong); no date (not wrong)
    assert outcomes == [(1, 1, 0), (1, 0, 1), (1, 0, 0), (1, 0, 0)]
    undated = score_article(parse_article(GOLD, "x:1"), _analysis([event]), 0.0)
    assert undated.dates.gold == 0  # a gold event without a day is not counted


@pytest.mark.slow
def test_evaluate_articles_runs_the_pipeline_on_a_gold_file(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    report = run_evaluation("articles", path, EvalOptions(errors=5))
    metrics = report.metrics
    assert metrics["documents"] == 1 and metrics["events"]["tp"] == 1 and metrics["events"]["fp"] == 0
    assert metrics["quotes"]["tp"] == 1 and metrics["speaker_accuracy"] == 1.0
    assert "type+source+target" in report.text and "modality accuracy" in report.text
    assert (
        "type+source+target (strict)" in report.text
        and metrics["triples_strict"]["tp"] <= metrics["triples"]["tp"]
    )
    assert metrics["quotes_by_form"]["direct"]["recall"] == 1.0 and "direct quotes: recall" in report.text


def test_a_mutual_act_meets_the_gold_event_of_its_own_direction() -> None:
    # "Police and protesters clashed": one event each way on the same words (coding rule 2);
    # which of two equal overlaps pairs first must not decide whether the sides are right.
    text = "Police and protesters clashed in Nairobi on Tuesday."
    both = [
        {"type": "ASSAULT", "source": {"name": a, "country": "KEN"}, "target": {"name": b, "country": "KEN"},
         "modality": "actual", "evidence": ["Police and protesters clashed"]}
        for a, b in (("police", "protesters"), ("protesters", "police"))
    ]  # fmt: skip
    gold = parse_article({"id": "t-3", "published": "2024-07-02", "text": text, "events": both}, "x:3")
    span = Span("Police and protesters clashed", 0, 29)
    police = Mention("Police", 0, 6, "unk:police", "KEN")
    protesters = Mention("protesters", 11, 21, "unk:protesters", "KEN")
    reversed_order = [
        Event("ASSAULT", None, span, span, protesters, police),
        Event("ASSAULT", None, span, span, police, protesters),
    ]
    article = Article("t-3", text, text)
    score = score_article(gold, Analysis(article, events=reversed_order), 0.0)
    assert (score.events.tp, score.triples.tp) == (2, 2)
    assert [m.predicted for m in match_events(gold, reversed_order)] == [0, 1]  # without names: list order


def test_the_second_coding_covers_dev_articles_with_their_text() -> None:
    dev = {a.id: a for a in load(REPO / "eval" / "articles" / "dev.jsonl")}
    second = load(REPO / "eval" / "articles" / "agreement" / "dev-second-coder.jsonl")
    assert len(second) >= 20
    assert all(a.id in dev and dev[a.id].text == a.text for a in second)


def test_strict_triples_need_the_gold_actor_itself_not_its_country() -> None:
    text = (
        "Police arrest opposition leader in Nairobi\n\n"
        "Kenyan police arrested an opposition leader on Monday, and Kenya expelled a Ugandan "
        "diplomat on Tuesday."
    )
    gold = parse_article(
        {"id": "t-4", "published": "2024-07-02", "text": text, "events": [
            {"type": "COERCE", "source": {"name": "Kenyan police", "country": "KEN"},
             "target": {"name": "Kenyan opposition", "country": "KEN"},
             "evidence": ["police arrested an opposition leader"]},
            {"type": "COERCE", "source": {"name": "Kenyan government", "country": "KEN"},
             "target": {"name": "Ugandan diplomat", "country": "UGA"},
             "evidence": ["Kenya expelled a Ugandan diplomat"]},
        ]},
        "x:4",
    )  # fmt: skip

    def event(at: str, source: Mention, target: Mention) -> Event:
        start = text.index(at)
        span = Span(at, start, start + len(at))
        return Event("COERCE", None, span, span, source, target)

    kenya = Mention("Kenya", 0, 5, "country:KEN", "KEN")
    police = Mention("Kenyan police", 0, 13, "country:KEN", "KEN", ["COP"])
    opposition = Mention("an opposition leader", 0, 20, "unk:opposition-leader", "KEN")
    diplomat = Mention("a Ugandan diplomat", 0, 18, "country:UGA", "UGA")
    article = Article("t-4", text, text)

    def scores(events: list[Event]) -> tuple[int, int]:
        score = score_article(gold, Analysis(article, events=events), 0.0)
        return score.triples.tp, score.strict_triples.tp

    # the country for police, police for the opposition: right leniently (country KEN,
    # the shared word "Kenyan"), wrong strictly
    assert scores([event("police arrested an opposition leader", kenya, police)]) == (1, 0)
    # the police and the opposition by their own words: right both ways
    assert scores([event("police arrested an opposition leader", police, opposition)]) == (1, 1)
    # the country for the gold government: the state itself, right both ways
    assert scores([event("Kenya expelled a Ugandan diplomat", kenya, diplomat)]) == (1, 1)
    # another country's government shares the word "government", not the actor
    tanzania = Mention("the Tanzanian government", 0, 24, "country:TZA", "TZA", ["GOV"])
    assert scores([event("Kenya expelled a Ugandan diplomat", tanzania, diplomat)]) == (1, 0)
    # plurals meet singulars: "a Kenyan officer", resolved to the country, for gold "officers"
    officer = parse_article(
        {"id": "t-5", "published": "2024-07-02", "text": text, "events": [
            {"type": "COERCE", "source": {"name": "officers", "country": "KEN"},
             "target": {"name": "opposition leader", "country": "KEN"},
             "evidence": ["police arrested an opposition leader"]}]},
        "x:5",
    )  # fmt: skip
    at = text.index("police arrested an opposition leader")
    span = Span("police arrested an opposition leader", at, at + 36)
    one = Mention("a Kenyan officer", 0, 16, "country:KEN", "KEN", ["COP"])
    score = score_article(
        officer, Analysis(article, events=[Event("COERCE", None, span, span, one, opposition)]), 0.0
    )
    assert (score.triples.tp, score.strict_triples.tp) == (1, 1)


def test_matching_makes_as_many_pairs_as_the_evidence_allows() -> None:
    # Two arrests told in one sentence, coded as two events with evidence that overlaps. The
    # longer prediction overlaps the first gold event most, but only it can meet the second:
    # taking the largest overlap first would leave the short prediction and one gold event
    # unmatched.
    text = "Police arrested the opposition leader and later detained two of his aides in Harare."
    first, second = (
        "Police arrested the opposition leader",
        "the opposition leader and later detained two of his aides",
    )
    gold_events = [
        {"type": "COERCE", "source": {"name": "police", "country": "ZWE"}, "target": {"name": who, "country": "ZWE"},
         "modality": "actual", "evidence": [at]}
        for who, at in (("opposition leader", first), ("aides", second))
    ]  # fmt: skip
    gold = parse_article({"id": "t-4", "published": "2024-07-02", "text": text, "events": gold_events}, "x:4")

    def coerce(at: str) -> Event:
        start = text.index(at)
        span = Span(at, start, start + len(at))
        return Event("COERCE", None, span, span, Mention("Police", 0, 6, "unk:police", "ZWE"))

    long_one = coerce("Police arrested the opposition leader and")  # overlaps both, the first most
    short_one = coerce("Police arrested")  # overlaps the first only
    pairs = match_events(gold, [long_one, short_one])
    assert sorted((m.gold, m.predicted) for m in pairs) == [(0, 1), (1, 0)]
