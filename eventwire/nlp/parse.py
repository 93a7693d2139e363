"""Run spaCy over article sections in batches, keeping offsets into the article text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.models import Analysis, Section

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass(slots=True)
class SectionDoc:
    """A parsed section; ``offset`` turns a Doc character index into an ``Article.text`` one."""

    section: Section
    doc: Doc
    offset: int


# Title and caption are parsed too (for entities and places) but stages treat only the
# body as the story; the caption describes a photo, not the news.
_PARSED_SECTIONS = (Section.TITLE, Section.CAPTION, Section.BODY)


def parse_articles(analyses: list[Analysis], nlp: Language, batch_size: int = 32) -> None:
    """Fill ``Analysis.docs`` for every English article, with one ``nlp.pipe`` over the batch."""
    jobs: list[tuple[Analysis, Section, int]] = []
    texts: list[str] = []
    for analysis in analyses:
        article = analysis.article
        if not article.is_english:
            continue
        for section in _PARSED_SECTIONS:
            bounds = article.sections.get(section.value)
            if not bounds or bounds[1] <= bounds[0]:
                continue
            jobs.append((analysis, section, bounds[0]))
            texts.append(article.text[bounds[0] : bounds[1]])
    for (analysis, section, offset), doc in zip(
        jobs, _pipe(nlp, texts, batch_size), strict=True
    ):
        analysis.docs.append(SectionDoc(section, doc, offset))


def _pipe(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterable[Doc]:
    return nlp.pipe(texts, batch_size=batch_size)
