"""Story linking by sentence embeddings: other words, other languages, same-actor distractors,
and the event counts that follow (num_articles, num_sources)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from eventwire import jobs
from eventwire.dedup import embed
from eventwire.dedup.linker import DedupConfig, EventKey, same_event
from eventwire.dedup.stories import story_score
from eventwire.store.database import Store

# One (invented) incident told by three outlets in three languages, and a second incident by the
# same actors a day later, in the same place: a distractor.
ENGLISH = (
    "Colombian troops clashed with fighters of the National Liberation Army (ELN) near the town "
    "of Tame in Arauca province on Tuesday, killing four rebels, the defence ministry said.\n\n"
    "Two soldiers were wounded in the fighting, which began when a patrol came under fire near "
    "a bridge on the road to Saravena, the ministry said in a statement.\n\n"
    "The ELN has stepped up attacks in Arauca since peace talks with the government stalled."
)
REWORDED = (
    "Four ELN guerrillas died in a gunfight with the army on Tuesday outside Tame, in the eastern "
    "department of Arauca, Colombia's military reported.\n\n"
    "A patrol was ambushed close to a bridge on the Saravena road and returned fire; two of its "
    "men were hurt, according to the armed forces.\n\n"
    "Negotiations between the rebel group and Bogota have been frozen for weeks."
)
SPANISH = (
    "Tropas colombianas se enfrentaron el martes con guerrilleros del Ejército de Liberación "
    "Nacional (ELN) cerca del municipio de Tame, en Arauca, y mataron a cuatro rebeldes, informó "
    "el Ministerio de Defensa.\n\n"
    "Dos soldados resultaron heridos en el combate, que comenzó cuando una patrulla fue atacada "
    "cerca de un puente en la vía a Saravena.\n\n"
    "El ELN ha intensificado sus ataques en Arauca desde que se estancaron los diálogos de paz."
)
NEXT_DAY = (
    "ELN rebels set off a car bomb outside a police station in Saravena, in Arauca province, on "
    "Wednesday, wounding six officers and damaging a dozen homes, the national police said.\n\n"
    "Police commander General Ana Ruiz said the explosives were hidden in a stolen pickup truck "
    "parked beside the station's main gate before dawn.\n\n"
    "President Gustavo Petro condemned the bombing and ordered reinforcements to the region."
)


def _feed(tmp_path: Path) -> Path:
    records = [
        {
            "id": "en",
            "outlet": "Wire A",
            "published": "2024-05-14",
            "title": "Colombian army kills four ELN rebels in Arauca",
            "text": ENGLISH,
        },
        {
            "id": "reworded",
            "outlet": "Daily B",
            "published": "2024-05-14",
            "title": "Four ELN fighters killed near Tame",
            "text": REWORDED,
        },
        {
            "id": "es",
            "outlet": "Diario C",
            "published": "2024-05-15",
            "language": "es",
            "title": "Ejército mata a cuatro guerrilleros del ELN en Arauca",
            "text": SPANISH,
        },
        {
            "id": "bomb",
            "outlet": "Wire A",
            "published": "2024-05-15",
            "title": "Car bomb hits police station in Saravena",
            "text": NEXT_DAY,
        },
    ]
    path = tmp_path / "colombia.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    return path


@pytest.mark.slow
def test_reports_in_other_words_and_languages_join_one_story(tmp_path: Path, pipeline) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        jobs.ingest([_feed(tmp_path)], pipeline, store)
        _, rows = store.query("SELECT id, story_id FROM articles")
        _, stored = store.query("SELECT count(*) FROM article_embeddings")
    story = dict(rows)
    assert story["en"] == story["reworded"] == story["es"]
    assert story["bomb"] != story["en"]  # same rebels, same province, next day: another happening
    assert stored[0][0] == 4


def test_embeddings_put_a_translation_next_to_its_original() -> None:
    vectors = embed.embed([ENGLISH, SPANISH, NEXT_DAY, ""])
    same, other = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert same > 0.65 > other
    assert not vectors[3].any()  # an empty text gets no direction at all
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-3)
    blob = embed.to_blob(vectors[0])
    assert len(blob) == 2 * embed.DIM and np.allclose(embed.from_blob(blob), vectors[0], atol=1e-3)


def test_lead_is_headline_and_first_paragraphs() -> None:
    lead = embed.lead_text("Headline", "First.\n\nSecond.\n\nThird paragraph, not embedded.")
    assert lead == "Headline\n\nFirst.\n\nSecond."
    assert embed.lead_text(None, "x" * 5000) == "x" * embed.LEAD_CHARS


def test_story_score_mixes_embedding_and_features_and_decays() -> None:
    config = DedupConfig()
    english = story_score(0.7, 0.3, True, 0, config)
    assert english == pytest.approx(config.embedding_weight * 0.7 + (1 - config.embedding_weight) * 0.3)
    # across languages the embedding alone counts, on the same threshold
    assert story_score(config.cross_language_similarity, 0.0, False, 1, config) == pytest.approx(
        config.story_similarity
    )
    assert story_score(0.7, 0.3, True, 3, config) == pytest.approx(
        english * (1 - 2 * config.story_decay_per_day)
    )


def _key(source: str | None, target: str | None, article: str, story: str = "s:1") -> EventKey:
    return EventKey(f"{article}#e0", "COERCE", source, target, None, None, None, None, story, 0.6)


def test_events_without_a_shared_actor_stay_apart_even_in_one_story() -> None:
    tear_gas = _key("unk:police", "unk:protesters", "a")
    curfew = _key("country:KEN", "unk:residents", "b")
    assert not same_event(tear_gas, curfew, 1)
    assert same_event(tear_gas, _key("unk:police", "unk:students", "c"), 1)  # shares the police
