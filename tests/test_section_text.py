"""A parsed section keeps its text, so stages need not rebuild it from the tokens."""

from __future__ import annotations

from eventwire.ingest import build_article
from eventwire.models import Analysis, Section
from eventwire.nlp import SectionParser, load_model
from eventwire.nlp.parse import SectionDoc

TEXT = (
    "Dockers strike in Durban\n\n"
    "DURBAN, South Africa - Dock workers walked off the job on Tuesday, the union said.\n\n"
    "  Cranes stood idle at the container terminal;  ships queued offshore.\n"
    "“We will stay out until the bonus is paid,” a shop steward told reporters."
)


def test_a_section_keeps_the_text_it_was_parsed_from() -> None:
    analysis = Analysis(build_article(TEXT, "t", {"id": "t"}))
    analysis.article.language = "en"
    SectionParser(load_model("md")).parse([analysis])
    assert {d.section for d in analysis.docs} == {Section.TITLE, Section.BODY}
    for section_doc in analysis.docs:
        start = section_doc.offset
        assert (
            section_doc.text
            == section_doc.doc.text
            == analysis.article.text[start : start + len(section_doc.text)]
        )


def test_a_section_doc_built_without_its_text_reads_it_from_the_doc() -> None:
    doc = load_model("md").make_doc("Ships queued offshore.  Cranes stood idle.")
    section_doc = SectionDoc(Section.BODY, doc, 40)
    assert section_doc.text == "Ships queued offshore.  Cranes stood idle."
