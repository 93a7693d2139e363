"""Readers: each input layout and format, and clear errors on bad input."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.ingest import build_article, read_sources
from eventwire.ingest.layout import split_layout
from eventwire.models import Article

WIRE_STORY = """Rebels-Goma-checkpoint
A fighter of the M23 rebel group stands guard at a checkpoint on the road north of Goma, Democratic Republic of Congo, on March 2, 2024. Reuters/Arlette Bashizi

Rebels in eastern Congo seized two more villages on Sunday, local officials said, as fighting spread toward the city of Goma.

"We have lost contact with the health centre," said a nurse in Sake.
"""

HEADLINE_STORY = """Drone strikes knock out power in Kharkiv

KHARKIV, Ukraine - Russian drones struck an energy facility in Kharkiv overnight, the regional governor said on Tuesday.

Ukraine's air force said it shot down 20 of 26 drones.
"""


def articles(results: list) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def errors(results: list) -> list[InputError]:
    return [r for r in results if isinstance(r, InputError)]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_wire_layout_separates_slug_caption_credit_and_body(tmp_path: Path) -> None:
    (article,) = list(read_sources([write(tmp_path, "goma.txt", WIRE_STORY)]))
    assert isinstance(article, Article)
    assert article.image_slug == "Rebels-Goma-checkpoint"
    assert article.caption.startswith("A fighter of the M23 rebel group")
    assert article.caption.endswith("on March 2, 2024.")
    assert article.photo_credit == "Reuters/Arlette Bashizi"
    assert article.body.startswith("Rebels in eastern Congo seized")
    assert article.title is None
    # every part is a view of the full text at its recorded offsets
    for name in ("image_slug", "caption", "photo_credit", "body"):
        start, end = article.sections[name]
        assert article.text[start:end] == getattr(article, name)
    assert article.id.startswith("goma-")


def test_headline_layout(tmp_path: Path) -> None:
    (article,) = list(read_sources([write(tmp_path, "kharkiv.txt", HEADLINE_STORY)]))
    assert article.title == "Drone strikes knock out power in Kharkiv"
    assert article.body.startswith("KHARKIV, Ukraine - Russian drones")
    assert article.caption is None and article.image_slug is None


def test_plain_body_without_header_is_all_body() -> None:
    text = "Police arrested 12 protesters in Dakar on Friday.\n\nThe opposition condemned it."
    layout = split_layout(text)
    assert layout.sections == {"body": (0, len(text))}


def test_caption_with_lowercase_name_particles() -> None:
    text = (
        "Soldiers patrol a market in Bamako. AFP/Ousmane bin Salah\n\nMali's army said it repelled an attack."
    )
    layout = split_layout(text)
    assert layout.part("photo_credit") == "AFP/Ousmane bin Salah"
    assert layout.part("caption") == "Soldiers patrol a market in Bamako."


def test_jsonl_feed_keeps_metadata_and_reports_bad_lines(tmp_path: Path) -> None:
    good = {
        "id": "af-1", "url": "https://example.org/a", "outlet": "Example Wire",
        "title": "Talks resume in Doha", "published": "2024-05-02T08:00:00Z",
        "language": "en", "text": "Negotiators met in Doha on Thursday to resume talks.",
    }  # fmt: skip
    lines = [json.dumps(good), "{not json", json.dumps({"id": "af-3", "text": ""}), "[1, 2]"]
    results = list(read_sources([write(tmp_path, "feed.jsonl", "\n".join(lines))]))
    (article,) = articles(results)
    assert article.id == "af-1" and article.outlet == "Example Wire"
    assert article.title == "Talks resume in Doha"
    assert str(article.published) == "2024-05-02"
    assert article.body == good["text"]
    messages = [str(e) for e in errors(results)]
    assert any("feed.jsonl:2" in m and "malformed JSON" in m for m in messages)
    assert any("feed.jsonl:3" in m and "af-3" in m and "'text'" in m for m in messages)
    assert any("feed.jsonl:4" in m and "expected a JSON object" in m for m in messages)


def test_csv_feed_with_quoted_newlines_and_bad_date(tmp_path: Path) -> None:
    content = (
        "id,outlet,title,published,text\n"
        'c1,Wire,"Strike, then talks",2024-01-09,"Jets struck a depot.\n\nOfficials said ""no""."\n'
        "c2,Wire,Odd date,9 January,Troops withdrew from the town.\n"
    )
    results = list(read_sources([write(tmp_path, "feed.csv", content)]))
    (article,) = articles(results)
    assert article.id == "c1" and article.title == "Strike, then talks"
    assert 'Officials said "no".' in article.body
    (error,) = errors(results)
    assert "feed.csv:5" in str(error) and "not an ISO date" in str(error)


def test_csv_without_text_column(tmp_path: Path) -> None:
    (error,) = list(read_sources([write(tmp_path, "bad.csv", "id,body\n1,hello\n")]))
    assert isinstance(error, InputError) and "no 'text' column" in str(error)


def test_html_page_drops_boilerplate(tmp_path: Path) -> None:
    html = """<!doctype html><html><head><title>Ceasefire holds in Sudan | Example News</title>
    <meta property="og:title" content="Ceasefire holds in Sudan">
    <meta property="article:published_time" content="2024-06-03T10:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <div class="cookie">We use cookies to improve your experience. Accept all cookies.</div>
    <article><h1>Ceasefire holds in Sudan</h1>
    <p>KHARTOUM, June 3 - A ceasefire between the Sudanese army and the Rapid Support Forces
    held for a second day on Monday, residents of the capital said.</p>
    <p>The army accused the paramilitary group of shelling a market in Omdurman before the truce
    began, a charge the Rapid Support Forces denied in a statement.</p>
    <p>Aid agencies said they hoped to send convoys to Darfur later this week if the truce held.</p>
    </article><footer>Copyright Example News. All rights reserved.</footer></body></html>"""
    (article,) = list(read_sources([write(tmp_path, "sudan.html", html)]))
    assert isinstance(article, Article), article
    assert "Ceasefire holds in Sudan" in (article.title or "")
    assert "Rapid Support Forces" in article.body
    assert "cookies" not in article.text and "All rights reserved" not in article.text
    assert str(article.published) == "2024-06-03"


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", HEADLINE_STORY)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "a.txt", WIRE_STORY)
    write(tmp_path, "notes.md", "ignored: not an article format")
    results = list(read_sources([tmp_path]))
    assert [Path(a.origin).name for a in articles(results)] == ["b.txt", "a.txt"]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", "", "file is empty"),
        ("blank.txt", "\n  \n", "file is empty"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("latin1.txt", "Caf\u00e9 talks in Paris\n".encode("latin-1"), "not valid UTF-8"),
        ("slides.pptx", "x", "unknown file type"),
    ],
)
def test_bad_files_give_clear_errors(tmp_path: Path, name: str, content, problem: str) -> None:
    path = write(tmp_path, name, content)
    (error,) = list(read_sources([path]))
    assert isinstance(error, InputError)
    assert error.origin == str(path) and problem in error.problem


def test_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    write(tmp_path, "a-empty.txt", "")
    write(tmp_path, "b-story.txt", WIRE_STORY)
    results = list(read_sources([tmp_path, tmp_path / "missing.txt"]))
    assert len(articles(results)) == 1
    assert [Path(e.origin).name for e in errors(results)] == ["a-empty.txt", "missing.txt"]


def test_invalid_utf8_error_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", b"Line one is fine.\nLine two has \xff here.\n")
    (error,) = list(read_sources([path]))
    assert "line 2" in str(error)


def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    record = json.dumps({"id": "s1", "text": "Protesters marched in Nairobi on Tuesday."})
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(record.encode())))
    (article,) = list(read_sources(["-"]))
    assert isinstance(article, Article) and article.id == "s1"


def test_same_text_gives_same_id_and_hash(tmp_path: Path) -> None:
    first = list(read_sources([write(tmp_path, "one.txt", WIRE_STORY)]))[0]
    again = list(read_sources([write(tmp_path, "one.txt", WIRE_STORY + "\n\n")]))[0]
    assert first.id == again.id and first.content_hash == again.content_hash


def test_link_and_label_lines_are_marked_as_boilerplate() -> None:
    from eventwire.ingest.layout import boilerplate_lines

    text = (
        "Troops seize border town\n\n"
        "Rebels said on Monday they had taken the town after two days of fighting.\n"
        "MORE: Rebels capture army general in the west\n"
        "Read more Canada pledges support to flood victims\n"
        "Live\n"
        "Published\n"
        "More than 40 people were killed in the fighting, officials said."
    )
    start = text.index("Rebels said")
    marked = [text[a:b] for a, b in boilerplate_lines(text, start, len(text))]
    assert marked == [
        "MORE: Rebels capture army general in the west",
        "Read more Canada pledges support to flood victims",
        "Live",
        "Published",
    ]  # "More than 40 people ..." is the story


BORDER_PAGE = """<!doctype html><html><head>
<title>Israeli jets strike Hezbollah sites along Lebanon border | Example Wire</title>
<meta property="og:title" content="Israeli jets strike Hezbollah sites along Lebanon border">
<meta property="article:published_time" content="2024-03-03T14:22:00+02:00"></head>
<body><article><h1>Israeli jets strike Hezbollah sites along Lebanon border</h1>
<p>JERUSALEM (AP) —<br>Israeli warplanes struck what the military said were Hezbollah weapons depots
in southern Lebanon on Sunday, hours after the group fired rockets at northern Israel.</p>
<p>Hezbollah said it had targeted Israeli positions in response to a drone strike that killed two of
its fighters near the town of Nabatieh on Saturday.</p>
<p>The UN peacekeeping force in southern Lebanon urged both sides to cease fire and said a shell had
landed near one of its positions.</p></article></body></html>"""


def test_html_title_is_its_own_section_and_the_dateline_opens_the_body(tmp_path: Path) -> None:
    (article,) = list(read_sources([write(tmp_path, "border.html", BORDER_PAGE)]))
    assert isinstance(article, Article), article
    title = "Israeli jets strike Hezbollah sites along Lebanon border"
    assert article.title == title
    assert article.text.startswith(f"{title}\n\nJERUSALEM (AP) — Israeli warplanes struck")
    assert article.sections["title"] == (0, len(title))
    body_start, body_end = article.sections["body"]
    assert article.text[body_start:body_end] == article.body
    assert article.body.startswith("JERUSALEM (AP) — Israeli") and title not in article.body
    assert article.body.count("\n") == 2  # one paragraph a line, as trafilatura gives them


def test_html_headline_never_runs_into_the_dateline(pipeline) -> None:  # type: ignore[no-untyped-def]
    (article,) = list(read_sources([Path(__file__).resolve().parents[1] / "examples" / "border-clash.html"]))
    assert isinstance(article, Article)
    assert article.body.startswith("JERUSALEM, March 3 (Wire) — Israeli warplanes")
    (analysis,) = pipeline.analyze([article])
    spans = [s for a in analysis.actors for s in a.mentions]
    spans += [s for p in analysis.places for s in p.mentions]
    assert spans and all("\n" not in s.text for s in spans)
    assert all(s.text != "JERUSALEM" for a in analysis.actors for s in a.mentions)  # a dateline, no actor
    events = [e for e in analysis.events if e.source is not None]
    assert all("\n" not in e.source.text for e in events)  # type: ignore[union-attr]


def test_a_headline_with_a_slash_is_no_photo_credit() -> None:
    """ "... For A Harbor/Airport Plan." ends like "Agency/Name" but is a headline sentence."""
    text = (
        "Mayor Explains Her Vote For A Harbor/Airport Plan.\n\n"
        "The mayor of Mombasa defended her vote on Tuesday, saying the plan would bring jobs."
    )
    article = build_article(text, "harbor.txt")
    assert article.photo_credit is None and article.caption is None
    assert "Harbor/Airport Plan." in (article.title or "") + article.body
