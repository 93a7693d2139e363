"""Deduplication: syndicated copies, story clusters and merged events across outlets."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire import jobs
from eventwire.dedup.linker import EventKey, same_event
from eventwire.evaluate.metrics import bcubed
from eventwire.store.database import Store

WIRE = (
    "Yemen's Houthi rebels fired two anti-ship missiles at a Liberian-flagged container ship in "
    "the Red Sea on Monday, the U.S. military said, in the latest attack on commercial shipping "
    "near the port of Hodeidah. The ship, the Marlin Star, reported minor damage and no injuries, "
    "and continued toward the Suez Canal. A Houthi military spokesman, Yahya Saree, said the "
    "group targeted the vessel because it was linked to Israel and warned that attacks would "
    "continue until the war in Gaza ends. Shipping companies have diverted dozens of vessels "
    "around the Cape of Good Hope since the attacks began, adding about ten days to voyages."
)
COPY = WIRE.replace("Yemen's Houthi rebels fired", "Houthi rebels in Yemen fired").replace(
    "reported minor damage", "suffered minor damage"
)
REWRITE = (
    "A container ship sailing under the Liberian flag, the Marlin Star, was hit by a Houthi "
    "missile off Hodeidah on Monday, according to U.S. Central Command. Houthi spokesman Yahya "
    "Saree claimed the strike on television and said the vessel was linked to Israel. The ship "
    "kept sailing north toward the Suez Canal with minor damage. The Houthis have attacked "
    "dozens of ships in the Red Sea, forcing insurers to raise premiums and carriers to reroute "
    "around Africa."
)
OTHER_EVENT_SAME_ACTORS = (
    "U.S. and British warplanes struck Houthi radar sites and missile launchers near Hodeidah "
    "on Friday, four days after the rebels hit a container ship, the Pentagon said. The Houthis "
    "said five of their fighters were killed and vowed to retaliate against American warships "
    "in the Red Sea. Saudi Arabia called for restraint."
)
DISTRACTOR = (
    "Kenya's central bank cut its benchmark interest rate by half a point on Tuesday, citing "
    "easing inflation and a stronger shilling. Economists in Nairobi had expected the cut. The "
    "bank said food prices fell for a third month, while fuel costs remained high."
)


def feed(tmp_path: Path, order: list[str]) -> Path:
    records = {
        "wire": {"id": "wire", "outlet": "Wire A", "published": "2024-03-04", "text": WIRE},
        "copy": {"id": "copy", "outlet": "Daily B", "published": "2024-03-04", "text": COPY},
        "rewrite": {"id": "rewrite", "outlet": "Post C", "published": "2024-03-05", "text": REWRITE},
        "strike": {
            "id": "strike",
            "outlet": "Wire A",
            "published": "2024-03-08",
            "text": OTHER_EVENT_SAME_ACTORS,
        },
        "rates": {"id": "rates", "outlet": "Post C", "published": "2024-03-05", "text": DISTRACTOR},
    }
    path = tmp_path / f"feed-{'-'.join(order)}.jsonl"
    path.write_text("\n".join(json.dumps(records[k]) for k in order), encoding="utf-8")
    return path


def clusters(store: Store) -> dict[str, tuple[str, str]]:
    _, rows = store.query("SELECT id, canonical_id, story_id FROM articles")
    return {aid: (canonical, story) for aid, canonical, story in rows}


@pytest.mark.slow
def test_copies_rewrites_and_distractors(tmp_path: Path, pipeline) -> None:
    order = ["wire", "copy", "rewrite", "strike", "rates"]
    with Store(tmp_path / "a.duckdb") as store:
        jobs.ingest([feed(tmp_path, order)], pipeline, store)
        found = clusters(store)
        _, stories = store.query("SELECT id, num_articles, num_sources FROM stories ORDER BY 2 DESC")
        _, attack = store.query(
            "SELECT num_articles, num_sources FROM events WHERE type = 'ASSAULT' AND source_actor = 'houthis' "
            "ORDER BY num_articles DESC LIMIT 1"
        )
    # syndicated copies share one canonical article: the first by (published, id)
    assert found["copy"][0] == found["wire"][0] == "copy"
    assert found["rewrite"][0] == "rewrite"  # a rewrite is not a copy ...
    assert found["wire"][1] == found["copy"][1] == found["rewrite"][1]  # ... but the same story
    assert found["strike"][1] != found["wire"][1]  # same actors, different happening
    assert found["rates"][1] not in {found["wire"][1], found["strike"][1]}
    # three articles, two independent sources: the copy (Daily B) is the wire story (Wire A) again
    assert stories[0][1:] == (3, 2)
    # the attack: reported by the three articles of its story, and recalled by the strike article
    # ("four days after the rebels hit a container ship", dated back to Monday): four articles,
    # three independent sources (the copy counts as its original's)
    assert attack[0] == (4, 3)


@pytest.mark.slow
def test_batch_order_does_not_change_clusters(tmp_path: Path, pipeline) -> None:
    forward = ["wire", "copy", "rewrite", "strike", "rates"]
    backward = list(reversed(forward))
    partitions = []
    for name, order in (("f", forward), ("b", backward)):
        with Store(tmp_path / f"{name}.duckdb") as store:
            jobs.ingest([feed(tmp_path, order)], pipeline, store)
            partitions.append({aid: story for aid, (_, story) in clusters(store).items()})
    assert bcubed(partitions[0], partitions[1])[2] == 1.0


def test_bcubed_scores() -> None:
    gold = {"a": "1", "b": "1", "c": "2", "d": "3"}
    assert bcubed(gold, gold) == (1.0, 1.0, 1.0)
    merged_all = {k: "x" for k in gold}
    precision, recall, _ = bcubed(gold, merged_all)
    assert recall == 1.0 and precision == pytest.approx((2 / 4 * 2 + 1 / 4 * 2) / 4)
    singletons = {k: k for k in gold}
    precision, recall, _ = bcubed(gold, singletons)
    assert precision == 1.0 and recall == pytest.approx((0.5 + 0.5 + 1 + 1) / 4)


def _report(**fields) -> EventKey:
    base = dict(id="e", type="ASSAULT", source="country:AZE", target="country:ARM",
                date=dt.date(2024, 4, 8), place=None, place_precision=None, country=None,
                story="s1", confidence=0.8)  # fmt: skip
    return EventKey(**(base | fields))


def test_reports_of_one_shelling_merge_despite_loose_descriptions() -> None:
    # "wounded two civilians" vs "shelled the village": the unknown target is no evidence
    # of a different event; nor is the village named in one report and the country in another.
    village = _report(id="a", target="unk:two-civilians", place="geonames:616041",
                      place_precision="exact", country="ARM")  # fmt: skip
    country = _report(id="b", place="country:ARM", place_precision="exact", country="ARM")
    assert same_event(village, country, window_days=1)
    assert same_event(_report(id="c", date=dt.date(2024, 4, 9)), village, window_days=1)


def test_same_actors_on_other_days_or_in_other_villages_stay_apart() -> None:
    monday = _report(id="a", place="geonames:616041", place_precision="exact", country="ARM")
    friday = _report(id="b", date=dt.date(2024, 4, 12))
    other_village = _report(id="c", place="geonames:616052", place_precision="exact", country="ARM")
    assert not same_event(monday, friday, window_days=1)
    assert not same_event(monday, other_village, window_days=1)
    assert not same_event(monday, _report(id="d", source="country:ARM", target="country:AZE"), 1)
    assert not same_event(monday, _report(id="e", type="ACCUSE"), 1)


@pytest.mark.slow
def test_one_event_and_one_quote_reported_by_two_outlets(tmp_path: Path, pipeline) -> None:
    first = (
        "Yemen's Houthi rebels fired two missiles at the Liberian-flagged tanker Sea Lark in the Red Sea "
        'on Monday, the U.S. military said. Houthi spokesman Yahya Saree said: "Our operations will '
        'continue until the aggression against Gaza stops." The tanker reported minor damage.'
    )
    second = (
        "Houthi rebels in Yemen fired two missiles at the tanker Sea Lark in the Red Sea on Monday, "
        'U.S. officials said. "Our operations will continue until the aggression on Gaza stops," '
        "Saree said in a televised speech. The Sea Lark kept sailing with minor damage."
    )
    path = tmp_path / "two-outlets.jsonl"
    path.write_text(
        "\n".join(
            json.dumps({"id": aid, "outlet": outlet, "published": "2024-03-05", "text": text})
            for aid, outlet, text in (("first", "Wire A", first), ("second", "Post C", second))
        ),
        encoding="utf-8",
    )
    with Store(tmp_path / "q.duckdb") as store:
        jobs.ingest([path], pipeline, store)
        _, quotes = store.query(
            "SELECT article_id, cluster_id FROM quotes WHERE text LIKE 'Our operations will continue%'"
        )
        _, events = store.query(
            "SELECT num_articles, num_sources, date FROM events WHERE type = 'ASSAULT' AND source_actor = 'houthis'"
        )
    assert sorted(a for a, _ in quotes) == ["first", "second"]
    assert len({cluster for _, cluster in quotes}) == 1  # one quote, two reports
    assert [(n, s) for n, s, _ in events] == [(2, 2)]  # one attack, two outlets
    assert events[0][2] == dt.date(2024, 3, 4)  # "on Monday", published Tuesday


def test_opposite_directions_and_one_articles_own_acts_never_merge() -> None:
    from eventwire.dedup.linker import matching_event

    rsf_shells = _report(id="a1#e0", source="rsf_sudan", target="unk:army", story="sudan")
    army_bombs = _report(id="a2#e3", source="unk:army", target="rsf_sudan", story="sudan")
    assert not same_event(rsf_shells, army_bombs, window_days=1)
    # two acts one article keeps apart (its own coreference decided) stay apart in the store
    first = _report(id="a1#e0", source="unk:police", target="unk:protesters", story="nairobi")
    second = _report(id="a1#e4", source="unk:police", target="unk:protesters", story="nairobi")
    assert same_event(first, second, window_days=1)  # alike on their face ...
    assert matching_event(second, [first], window_days=1) is None  # ... but one article's two acts
    other_outlet = _report(id="b7#e1", source="unk:police", target="unk:protesters", story="nairobi")
    assert matching_event(other_outlet, [first], window_days=1) is first  # another report of the act
    assert (
        matching_event(
            _report(id="b7#e2", source="unk:police", target="unk:protesters", story="nairobi"),
            [first],
            window_days=1,
        )
        is None
    )  # b7 already reports it once


def test_signature_and_content_lemmas_as_read_afresh(pipeline) -> None:
    """The signature reuses one set of MinHash permutations and the content words are read
    from the Doc's arrays: both give what a fresh MinHash and a walk over the tokens give."""
    import numpy as np
    from datasketch import MinHash

    from eventwire.dedup.features import _CONTENT_POS, _content_lemmas
    from eventwire.dedup.signatures import NUM_PERM, SEED, shingles, signature

    for text in (WIRE, REWRITE, "Short text."):
        fresh = MinHash(num_perm=NUM_PERM, seed=SEED)
        fresh.update_batch(list(shingles(text)))
        assert np.array_equal(signature(text), np.asarray(fresh.hashvalues, dtype=np.uint32))
    analysis = pipeline.analyze_text("Shipping halted\n\n" + WIRE)
    for section_doc in analysis.docs:
        doc = section_doc.doc
        walked = [
            t.lemma_.lower() for t in doc
            if t.pos_ in _CONTENT_POS and t.is_alpha and len(t) > 3 and not t.is_stop
        ]  # fmt: skip
        assert _content_lemmas(doc) == walked
    assert "missile" in _content_lemmas(analysis.docs[-1].doc)
    assert _content_lemmas(pipeline.nlp.make_doc("")) == []
