"""Quotes and attribution: every statement in an article, who made it, and who reports it.

Reads ``docs`` (the body's parse; the title only for a headline quote; never the caption)
and the actor stage's linker; writes ``quotes`` and ``cited_sources``. Per body Doc:

1. quotation marks are paired (:mod:`.quotes_direct`): several sentences, several
   paragraphs, quotes split by their cue; scare quotes around a term are not statements;
2. each quotation's cue is found next to it and its speaker read off the parse
   (:mod:`.cue_search`); a quotation without a cue continues the statement before it in
   its paragraph, or in the paragraph before when it opens its own;
3. reported speech outside quotation marks: "X said (that) ...", "according to X, ...",
   "X accused Y of ...", "..., officials said" (:mod:`.attribution`), and headline-style
   lines "Name: what they said" (:func:`.cue_search.colon_lines`); a reported clause
   that is mostly a quotation is that quotation; a quoted fragment inside a reported clause
   is part of it;
4. speakers are linked to actors, pronouns resolved, and outlets taken apart
   (:mod:`.speakers`, :mod:`.reporting`): an outlet that reports is ``reported_by``, never
   the speaker; each outlet cited is a :class:`~eventwire.models.CitedSource`.

The cue lexicon is ``data/lexicons/quote_cues.csv`` (format in the README.md there).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.config import PipelineConfig
from eventwire.extract.attribution import Attribution, TokenIndex, reported
from eventwire.extract.cue_search import colon_lines, cue_near
from eventwire.extract.quote_lexicon import QuoteLexicon, load_outlet_names, load_quote_lexicon
from eventwire.extract.quotes_direct import Quoted, find_quoted, is_statement, opens_sentence, word_count
from eventwire.extract.reporting import QuoteBuilder
from eventwire.extract.speakers import SpeakerLinker
from eventwire.models import Analysis, Section
from eventwire.resolve.actors import resolver_for

if TYPE_CHECKING:
    from eventwire.nlp import SectionDoc

COVERED = 0.5  # a reported clause this much inside quotation marks is that quotation,
MAX_LEAD = 1  # when at most this many words ("that") come before the quotation


@dataclass(slots=True)
class Statement:
    """A statement found in one section Doc; ``start``/``end`` are Doc character offsets."""

    doc: SectionDoc
    text: str  # the section Doc's text (Doc.text joins every token: read it once per Doc)
    start: int
    end: int
    direct: bool
    attribution: Attribution | None = None
    follows: Statement | None = None  # the statement whose speaker a cue-less quotation continues
    quoted: Quoted | None = None

    @property
    def paragraph(self) -> int:
        return self.text.rfind("\n", 0, self.start) + 1


class QuoteStage:
    """Reads ``docs`` and actors (through the actor linker); writes ``quotes`` and ``cited_sources``."""

    name = "quotes"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config
        self.lexicon = load_quote_lexicon()
        resolver = resolver_for(tuple(config.kb_files), config.model)
        self.builder = QuoteBuilder(SpeakerLinker(resolver, load_outlet_names()), self.lexicon)

    def __call__(self, analysis: Analysis) -> Analysis:
        if not analysis.article.is_english:
            return analysis
        statements: list[Statement] = []
        for section_doc in analysis.docs:
            if section_doc.section is Section.BODY:
                statements.extend(find_statements(section_doc, self.lexicon))
            elif section_doc.section is Section.TITLE:
                statements.extend(find_statements(section_doc, self.lexicon, headline=True))
        statements.sort(key=lambda s: s.start + s.doc.offset)
        analysis.quotes, analysis.cited_sources = self.builder.build(analysis, statements)
        return analysis


def find_statements(
    section_doc: SectionDoc, lexicon: QuoteLexicon, headline: bool = False
) -> list[Statement]:
    """Direct and reported statements of one section; a headline gives its quotations only."""
    doc = section_doc.doc
    index = TokenIndex(doc)
    text = index.text
    marks = find_quoted(text, single=headline)
    direct = []
    for quoted in marks:
        attribution = cue_near(doc, index, quoted, marks, lexicon)
        if is_statement(quoted, text, doc, cued=attribution is not None):
            direct.append(
                Statement(section_doc, text, quoted.start, quoted.end, True, attribution, quoted=quoted)
            )
    lines = [
        Statement(section_doc, text, start, end, False, att) for att, start, end in colon_lines(doc, text)
    ]
    lines = [line for line in lines if not _quoted_line(line, direct)]
    if headline:
        return sorted(direct + lines, key=lambda s: s.start)
    inside = [(index.at(s.quoted.open), index.at(s.quoted.close) + 1) for s in direct if s.quoted]
    indirect = []
    for attribution in reported(doc, lexicon, inside):
        for start, end in attribution.content:
            last = doc[end - 1]
            indirect.append(
                Statement(section_doc, text, doc[start].idx, last.idx + len(last), False, attribution)
            )
    indirect = [i for i in indirect if not any(c.start <= i.start < c.end for c in lines)]
    statements = settle(direct, indirect + lines)
    inherit(statements)
    return statements


def _quoted_line(line: Statement, direct: list[Statement]) -> bool:
    """ "Kasich: ‘Trump is wrong’": the quotation is the statement; the name its speaker."""
    inner = [d for d in direct if line.start <= d.start and d.end <= line.end]
    for d in inner:
        if d.attribution is None:
            d.attribution = line.attribution
    return bool(inner)


def settle(direct: list[Statement], indirect: list[Statement]) -> list[Statement]:
    """One statement per claim: a reported clause mostly quoted is the quotation (which takes
    its cue); quoted fragments inside a reported clause are part of it."""
    dropped: set[int] = set()
    kept_indirect = []
    for statement in indirect:
        text = statement.text
        inner = [d for d in direct if d.start < statement.end and statement.start < d.end]
        words = word_count(text[statement.start : statement.end]) or 1
        quoted = sum(
            word_count(text[max(d.start, statement.start) : min(d.end, statement.end)]) for d in inner
        )
        lead = word_count(text[statement.start : inner[0].start]) if inner else 0
        if inner and quoted / words >= COVERED and lead <= MAX_LEAD:
            for d in inner:
                if d.attribution is None:
                    d.attribution = statement.attribution
            continue
        dropped.update(id(d) for d in inner if statement.start <= d.start and d.end <= statement.end)
        kept_indirect.append(statement)
    kept = [d for d in direct if id(d) not in dropped] + kept_indirect
    kept.sort(key=lambda s: s.start)
    return kept


def inherit(statements: list[Statement]) -> None:
    """A quotation with no cue continues the last attributed statement of its paragraph, or
    of the paragraph before when the quotation opens its own."""
    last_by_paragraph: dict[int, Statement] = {}
    for statement in statements:
        paragraph = statement.paragraph
        if statement.direct and statement.attribution is None and _continues_speech(statement):
            before = last_by_paragraph.get(paragraph)
            if before is None and statement.quoted is not None and statement.quoted.open == paragraph:
                before = last_by_paragraph.get(_previous_paragraph(statement.text, paragraph))
            statement.follows = before
        if statement.attribution is not None or statement.follows is not None:
            last_by_paragraph[paragraph] = statement
            last_by_paragraph[statement.text.rfind("\n", 0, statement.end) + 1] = statement


def _continues_speech(statement: Statement) -> bool:
    """A closed quotation opening a sentence can go on with the speaker before it."""
    quoted = statement.quoted
    return quoted is not None and quoted.closed and opens_sentence(statement.text, quoted.open)


def _previous_paragraph(text: str, paragraph: int) -> int:
    """Start offset of the non-blank paragraph before the one starting at ``paragraph``."""
    end = paragraph - 1
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text.rfind("\n", 0, end) + 1 if end > 0 else -1
