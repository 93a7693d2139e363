"""The scorer's train articles are read by upstream models fitted without their fold; the
readings share one parse of each article."""

from __future__ import annotations

from eventwire import Pipeline, PipelineConfig
from eventwire.evaluate.article_gold import GoldArticle
from eventwire.evaluate.articles import analyse
from eventwire.evaluate.cross_fit import ParseCache, article_folds
from eventwire.evaluate.folds import FOLDS

ARTICLES = [
    GoldArticle(
        "protest",
        "Thousands of students marched through the capital on Sunday. Police fired tear gas at the "
        "crowd and arrested the union's leader.",
        "2024-03-04", None, None,
    ),
    GoldArticle(
        "talks",
        "The foreign ministers of Kenya and Ethiopia met in Nairobi on Tuesday. They signed an "
        "agreement on water sharing, and Ethiopia promised to release the detained traders.",
        "2024-03-05", None, None,
    ),
]  # fmt: skip


def test_each_article_falls_in_one_fold_and_one_without_rows_in_the_first() -> None:
    rows = [f"article-{i % 10}" for i in range(40)]
    folds = article_folds(rows, [*sorted(set(rows)), "no-rows"])
    assert set(folds.values()) == set(range(FOLDS))
    assert folds["no-rows"] == 0
    sizes = [sum(1 for g in rows if folds[g] == f) for f in range(FOLDS)]
    assert max(sizes) - min(sizes) <= 4  # balanced by rows: two articles of four rows a fold


def test_a_later_reading_reuses_the_parse_and_codes_the_same_events() -> None:
    config = PipelineConfig(score_events=False, min_confidence=0.0)
    fresh = analyse(ARTICLES, Pipeline(config))
    cache = ParseCache()
    analyse(ARTICLES, cache.attach(Pipeline(PipelineConfig(score_events=False, trigger_model_path=None))))
    later = cache.attach(Pipeline(config))
    parses: list[int] = []
    inner = later.parser.inner  # type: ignore[attr-defined]
    original = inner.parse
    inner.parse = lambda analyses, batch_size=32: (
        parses.append(len(analyses)),
        original(analyses, batch_size),
    )
    reread = analyse(ARTICLES, later)
    assert parses == []  # nothing parsed again
    assert [[(e.type, e.evidence.start) for e in a.events] for a in reread] == [
        [(e.type, e.evidence.start) for e in a.events] for a in fresh
    ]
    assert any(a.events for a in reread)
