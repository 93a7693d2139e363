"""A dateline is where the story was filed, never part of its first sentence: not an actor's
words ("KANO, Nigeria - Gunmen"), not a speaker ("KHARTOUM ... said"), not a quote's content."""

import datetime as dt

import pytest

FRIDAY = dt.date(2024, 4, 12)


@pytest.mark.slow
def test_the_dateline_is_not_part_of_the_subject(pipeline) -> None:
    text = (
        "Villagers abducted in Zamfara\n\n"
        "GUSAU, Nigeria - Gunmen on motorcycles abducted 30 villagers in a night raid on Thursday, "
        "police said.\n"
    )
    analysis = pipeline.analyze_text(text, published=FRIDAY)
    sources = [e.source.text for e in analysis.events if e.type == "ASSAULT" and e.source is not None]
    assert sources and all(not s.startswith("GUSAU") for s in sources)
    assert all("GUSAU" not in a.name for a in analysis.actors)


@pytest.mark.slow
def test_the_dateline_is_not_the_speaker_nor_the_words(pipeline) -> None:
    text = (
        "Army says attack on port town repelled\n\n"
        "MAPUTO (Wire) - Mozambique's army said on Thursday it had repelled an insurgent attack "
        "on the port town of Palma.\n"
    )
    analysis = pipeline.analyze_text(text, published=FRIDAY)
    speakers = {q.speaker.text for q in analysis.quotes if q.speaker is not None}
    assert "Mozambique's army" in speakers
    assert all(not q.text.startswith("MAPUTO") for q in analysis.quotes)
