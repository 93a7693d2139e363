"""A synthetic store of N events for timing the API and the UI (no NLP: rows written directly).

Articles of a few events each, from a dozen outlets over two years, with real knowledge-base
actors (so that name filters such as "Hezbollah" have work to do), real places with
coordinates, one quote per article, and stories of three articles. Evidence offsets point
into each article's text, as in a real store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from pathlib import Path
from typing import Any

import pyarrow as pa

from eventwire.store.database import Store

ACTORS = [
    ("hezbollah", "Hezbollah", "armed_group", "LBN"), ("country:ISR", "Israel", "country", "ISR"),
    ("rsf_sudan", "Rapid Support Forces", "armed_group", "SDN"),
    ("saf", "Sudanese Armed Forces", "military", "SDN"),
    ("houthis", "Houthis", "armed_group", "YEM"), ("country:USA", "United States", "country", "USA"),
    ("country:UKR", "Ukraine", "country", "UKR"), ("country:RUS", "Russia", "country", "RUS"),
    ("m23", "M23", "armed_group", "COD"),
    ("country:COD", "Democratic Republic of the Congo", "country", "COD"),
    ("un", "United Nations", "igo", None), ("amnesty", "Amnesty International", "ngo", None),
    ("country:IRN", "Iran", "country", "IRN"), ("idf", "Israel Defense Forces", "military", "ISR"),
    ("country:MLI", "Mali", "country", "MLI"), ("eu", "European Union", "igo", None),
]  # fmt: skip
PLACES = [
    ("Beirut", "LBN", 33.89, 35.50), ("Nabatieh", "LBN", 33.38, 35.48), ("Jerusalem", "ISR", 31.77, 35.22),
    ("Khartoum", "SDN", 15.55, 32.53), ("El Fasher", "SDN", 13.63, 25.35), ("Aden", "YEM", 12.78, 45.04),
    ("Red Sea", None, 20.0, 38.5), ("Kyiv", "UKR", 50.45, 30.52), ("Kharkiv", "UKR", 49.99, 36.23),
    ("Moscow", "RUS", 55.75, 37.62), ("Goma", "COD", -1.68, 29.22), ("Bamako", "MLI", 12.64, -8.0),
    ("Tehran", "IRN", 35.69, 51.42), ("New York", "USA", 40.71, -74.01), ("Brussels", None, 50.85, 4.35),
]  # fmt: skip
VERBS = {
    "ASSAULT": "fired rockets at", "ACCUSE": "accused", "THREATEN": "threatened",
    "PROTEST": "protested against",
    "AGREE": "agreed a truce with", "CONSULT": "held talks with", "COERCE": "detained members of",
    "AID": "sent aid to", "REQUEST": "urged", "REJECT": "rejected a proposal from", "SANCTION": "sanctioned",
}  # fmt: skip
OUTLETS = ["Reuters", "AP", "AFP", "BBC", "Al Jazeera", "The Guardian", "Euronews", "DW", "France 24",
           "The Daily Wire Service", "Xinhua", "Anadolu"]  # fmt: skip
EVENTS_PER_ARTICLE = 4


def build_store(path: Path, events: int = 10_000, seed: int = 7) -> Path:
    """Write a store of ``events`` events (a quarter as many articles) to ``path``."""
    rng = random.Random(seed)
    tables: dict[str, list[dict[str, Any]]] = {
        "articles": [], "events": [], "event_mentions": [], "quotes": [], "stories": [], "actors": [],
    }  # fmt: skip
    now = dt.datetime(2025, 1, 1, 12)
    start = dt.date(2023, 1, 1)
    for a in range((events + EVENTS_PER_ARTICLE - 1) // EVENTS_PER_ARTICLE):
        day = start + dt.timedelta(days=rng.randrange(730))
        n = min(EVENTS_PER_ARTICLE, events - a * EVENTS_PER_ARTICLE)
        _article(tables, rng, f"syn-{a:05d}", day, n, now)
    sizes: dict[str, int] = {}
    for article in tables["articles"]:
        sizes[article["story_id"]] = sizes.get(article["story_id"], 0) + 1
    for story, size in sorted(sizes.items()):
        tables["stories"].append({"id": story, "title": f"Synthetic story {story}", "num_articles": size,
                                  "num_sources": size, "first_seen": now, "last_seen": now})  # fmt: skip
    for actor_id, name, kind, country in ACTORS:
        tables["actors"].append({"id": actor_id, "name": name, "kind": kind, "country": country,
                                 "sectors": [], "wikidata": None, "known": True})  # fmt: skip
    with Store(path) as store:
        for table, rows in tables.items():
            store.con.register("_rows", pa.Table.from_pylist(rows))
            store.con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM _rows')
            store.con.unregister("_rows")
    return path


def _article(tables: dict[str, list[dict[str, Any]]], rng: random.Random, article_id: str, day: dt.date,
             n: int, now: dt.datetime) -> None:  # fmt: skip
    sentences: list[str] = []
    offset = 0
    story = f"s:{article_id[:-1]}"  # ten articles a story
    for idx in range(n):
        kind = rng.choice(list(VERBS))
        (src, src_name, *_), (tgt, tgt_name, *_) = rng.sample(ACTORS, 2)
        place, country, lat, lon = rng.choice(PLACES)
        sentence = f"{src_name} {VERBS[kind]} {tgt_name} near {place} on {day:%A}."
        date = day - dt.timedelta(days=rng.randrange(3)) if rng.random() > 0.1 else None
        event_id = f"{article_id}#e{idx}"
        tables["events"].append({
            "id": event_id, "type": kind, "modality": rng.choice(["actual"] * 6 + ["alleged", "threatened"]),
            "alleged": False, "source_actor": src, "source_text": src_name, "target_actor": tgt,
            "target_text": tgt_name, "date": date, "date_precision": "day" if date else "unknown",
            "place_name": place, "country": country, "lat": lat + rng.uniform(-0.2, 0.2),
            "lon": lon + rng.uniform(-0.2, 0.2), "confidence": round(rng.uniform(0.3, 1.0), 3),
            "num_articles": rng.choice([1, 1, 1, 2, 3]), "num_sources": 1,
            "first_seen": now, "last_seen": now,
            "evidence": sentence[:-1], "story_id": story, "day": day,
        })  # fmt: skip
        tables["event_mentions"].append({
            "event_id": event_id, "article_id": article_id, "idx": idx, "type": kind,
            "source_text": src_name, "source_start": offset, "source_end": offset + len(src_name),
            "source_actor": src, "target_actor": tgt, "evidence": sentence[:-1], "evidence_start": offset,
            "evidence_end": offset + len(sentence) - 1, "date": date, "confidence": 0.5, "day": day,
        })  # fmt: skip
        sentences.append(sentence)
        offset += len(sentence) + 1
    speaker, speaker_name, *_ = rng.choice(ACTORS)
    quote = f"We will not accept this, {rng.choice(['never', 'not now', 'not again'])}"
    text = " ".join(sentences) + f' "{quote}," a spokesman for {speaker_name} said.'
    start = text.index(quote)
    tables["quotes"].append({
        "article_id": article_id, "idx": 0, "text": quote,
        "start_char": start, "end_char": start + len(quote),
        "direct": True, "speaker_text": f"a spokesman for {speaker_name}",
        "speaker_actor": speaker, "cue": "said",
        "kind": "speech", "day": day,
    })  # fmt: skip
    tables["articles"].append({
        "id": article_id, "content_hash": hashlib.sha256(text.encode()).hexdigest(),
        "title": f"{sentences[0][:-1]}", "published": day, "language": "en", "outlet": rng.choice(OUTLETS),
        "origin": "synthetic", "body": text, "text": text, "ingested_at": now, "day": day,
        "canonical_id": article_id, "story_id": story,
    })  # fmt: skip
