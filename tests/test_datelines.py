"""A dateline is where the story was filed, never part of its first sentence: not an actor's
words ("KANO, Nigeria - Gunmen"), not a speaker ("KHARTOUM ... said"), not a quote's content.
The pattern itself is eventwire.nlp.datelines; the stages that read it are tested here too."""

import datetime as dt

import pytest

from eventwire.nlp.datelines import dateline_at, is_bare_dateline, is_dateline_date

FRIDAY = dt.date(2024, 4, 12)


@pytest.mark.parametrize(
    ("text", "city", "place", "story"),
    [
        ("LILONGWE, Malawi (Wire) — Flood waters rose.", "LILONGWE", "LILONGWE, Malawi", "Flood"),
        ("OSLO — The parliament voted.", "OSLO", "OSLO", "The"),
        ("TUNIS, Tunisia -- Two judges resigned.", "TUNIS", "TUNIS, Tunisia", "Two"),
        ("LIMA, May 21 (Wire) - Peru recalled its envoy.", "LIMA", "LIMA, May 21", "Peru"),
        ("ODESA, Ukraine, July 19 - Drones hit the port.", "ODESA", "ODESA, Ukraine, July 19", "Drones"),
        ("PORT LOUIS: Fishermen blocked the harbour.", "PORT LOUIS", "PORT LOUIS", "Fishermen"),
        ("ST. JOHN'S (Wire) – The premier quit.", "ST. JOHN'S", "ST. JOHN'S", "The"),
        ("PORT-AU-PRINCE, Haiti — Gangs fired.", "PORT-AU-PRINCE", "PORT-AU-PRINCE, Haiti", "Gangs"),
        ("RIGA (Wire) -Latvia closed a crossing.", "RIGA", "RIGA", "Latvia"),
        ("QUITO, Jun 14 (Wire).- Farmers marched.", "QUITO", "QUITO, Jun 14", "Farmers"),
        ("WIRE, HARARE, Zimbabwe\nPolice fired tear gas.", "WIRE", "WIRE, HARARE, Zimbabwe", "Police"),
    ],
)
def test_the_variants_of_a_dateline(text: str, city: str, place: str, story: str) -> None:
    dateline = dateline_at(text)
    assert dateline is not None
    assert text[dateline.start : dateline.city_end] == city
    assert text[dateline.start : dateline.place_end] == place
    assert text[dateline.end :].split()[0] == story


@pytest.mark.parametrize(
    "text",
    [
        "NATO-Russia talks broke down on Monday.",  # a hyphenated word, no dash
        "Iran warned its neighbours - and Israel - on Sunday.",  # no city in capitals
        "UN: member states pledged aid.",  # two letters are no city
        "MALAWI FLOODS\nThe rains came early.",  # a headline in capitals, no country after it
    ],
)
def test_what_is_no_dateline(text: str) -> None:
    assert dateline_at(text) is None


def test_a_dateline_further_in_the_text_and_one_on_a_line_of_its_own() -> None:
    text = "By Ana Ruiz\nLUSAKA (Wire) — Zambia cut its rates."
    dateline = dateline_at(text, text.index("LUSAKA"))
    assert dateline is not None and text[dateline.end :].startswith("Zambia")
    assert is_bare_dateline("LUSAKA (Wire) —") and is_bare_dateline("LUSAKA, June 3 -")
    assert not is_bare_dateline("LUSAKA (Wire) — Zambia cut its rates.")
    assert not is_bare_dateline("Zambia cuts rates")


def test_the_date_of_a_dateline() -> None:
    text = "Headline\n\nQuito, Jun 14 (Wire).- Farmers marched on June 12 - and again on June 13."
    for date, inside in (("Jun 14", True), ("June 12", False), ("June 13", False)):
        start = text.index(date)
        assert is_dateline_date(text, start, start + len(date)) is inside
    assert not is_dateline_date("LIMA, June 14-15 talks", 6, 13)  # a range, not a date before a dash


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


def test_the_stages_read_the_same_dateline() -> None:
    from eventwire.extract.quotes import _after_dateline
    from eventwire.nlp import load_model
    from eventwire.nlp.parse import dateline_end
    from eventwire.resolve.hints import in_dateline

    nlp = load_model("md")
    colon = nlp.make_doc("PORT LOUIS: Fishermen blocked the harbour on Monday.")
    assert colon[dateline_end(colon)].text == "Fishermen"  # the story starts a sentence
    assert in_dateline(colon, 0, 2) and not in_dateline(colon, 3, 4)
    assert _after_dateline(colon.text, 0) == colon.text.index("Fishermen")
    glued = nlp.make_doc("RIGA (Wire) -Latvia closed a crossing on Monday.")
    assert dateline_end(glued) is None  # "-Latvia" is one token: no boundary to start a sentence at
    hyphen = nlp.make_doc("NATO-Russia talks broke down on Monday.")
    assert not in_dateline(hyphen, 0, 1) and dateline_end(hyphen) is None
