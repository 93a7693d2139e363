"""Quotes and attribution: every statement in an article, who made it, and who reports it.

Reads ``docs`` (the body's parse; the title only for a headline quote; never the caption)
and the actor stage's linker; writes ``quotes`` (statements), ``attributions`` (the other
contents a cue attributes: accusations, threats, demands, stances, topics, outlet reports;
:mod:`.quote_kinds`) and ``cited_sources``. Per body Doc:

1. quotation marks are paired (:mod:`.quotes_direct`): several sentences, several
   paragraphs, quotes split by their cue; scare quotes around a term are not statements;
2. each quotation's cue is found next to it and its speaker read off the parse
   (:mod:`.cue_search`), or taken from the quotation before it in a list ('chanting “A”
   and “B”'); a quotation without a cue continues the statement before it in
   its paragraph, or in the paragraph before when it opens its own;
3. reported speech outside quotation marks: "X said (that) ...", "according to X, ...",
   "X accused Y of ...", "..., officials said" (:mod:`.attribution`, its edges cut by
   :mod:`.content_edges`), and headline-style lines "Name: what they said"
   (:func:`.cue_search.colon_lines`); each content gets its kind (:mod:`.quote_kinds`);
4. a reported clause and the quotations in it are one statement (:func:`settle`): the
   quotations, the clause, or a clause and a quotation apart; the speaker's own words
   quoted in a clause are read by the event stages as a direct quote, then folded into
   the clause (:class:`QuoteFoldStage`);
5. speakers are linked to actors, pronouns resolved, and outlets taken apart
   (:mod:`.speakers`, :mod:`.reporting`): an outlet that reports is ``reported_by``, never
   the speaker, and a content with an outlet for its only source is a ``report``; each
   outlet cited is a :class:`~eventwire.models.CitedSource`;
6. each stated content is given once (:func:`one_per_content`), and a statement reported
   inside another's content is part of it (:func:`outermost`).

The cue lexicon is ``data/lexicons/quote_cues.csv`` (format in the README.md there); the
rules are stated in docs/schema.md (Quotes and attributions).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.config import PipelineConfig
from eventwire.extract.attribution import Attribution, TokenIndex, match_cue, reported
from eventwire.extract.cue_search import colon_lines, cue_near, mark_bounds
from eventwire.extract.learned_cues import CueModel, learned, load_cue_model, statement_tokens
from eventwire.extract.quote_kinds import SPEECH, clause_pieces, content_kind, names_object
from eventwire.extract.quote_lexicon import QuoteLexicon, load_outlet_names, load_quote_lexicon
from eventwire.extract.quotes_direct import Quoted, find_quoted, is_statement, opens_sentence, word_count
from eventwire.extract.reporting import QuoteBuilder
from eventwire.extract.span_index import SpanIndex
from eventwire.extract.speakers import Outlet, SpeakerLinker
from eventwire.models import Analysis, Quote, Section
from eventwire.nlp.datelines import dateline_at
from eventwire.resolve.actors import resolver_for

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.nlp import SectionDoc

SAME_WORDS = 0.8  # a headline quote with this share of its words in a body quote repeats it
_WORD = re.compile(r"\w+")
_OPENING_MARKS = frozenset("“\"„«'")
COVERED = 0.5  # a reported clause this much inside quotation marks is that quotation,
# when only frame words ("that", "it had", "there is") come before the quotation
MIN_TAIL_WORDS = 3  # a quotation this long ending a reported clause is a quotation of its own
MIN_OWN_WORDS = 2  # a quotation this long inside a reported clause is the speaker's own words
_STATED = frozenset({SPEECH, "stance"})  # what a statement that reports it includes
_FRAME_POS = frozenset({"PRON", "AUX", "DET", "SCONJ", "PART", "CCONJ"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_ARGUMENTS = frozenset(
    {"dobj", "pobj", "attr", "acomp", "oprd", "ccomp", "xcomp", "dative", "nsubj", "nsubjpass"}
)


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
    kind: str = "speech"  # what the content is (:mod:`.quote_kinds`); only "speech" is a quote
    in_clause: bool = False  # the speaker's own words inside the reported clause that states them

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
        cue_model = load_cue_model(config.cue_model_path) if config.cue_model_path else None
        # its vector weights read one spaCy model's word vectors (300 wide in md, 96 context
        # dimensions in sm): with another model, the cue lexicon alone
        usable = cue_model is not None and cue_model.spacy_model == config.model
        self.cue_model = cue_model if usable else None

    def __call__(self, analysis: Analysis) -> Analysis:
        if not analysis.article.is_english:
            return analysis
        statements: list[Statement] = []
        extra: list[Statement] = []
        for section_doc in analysis.docs:
            if section_doc.section is Section.BODY:
                found_here = find_statements(section_doc, self.lexicon)
                statements.extend(found_here)
                if self.cue_model is not None:
                    extra.extend(learned_statements(section_doc, self.lexicon, found_here, self.cue_model))
            elif section_doc.section is Section.TITLE:
                statements.extend(find_statements(section_doc, self.lexicon, headline=True))
        # a link or label line ("MORE: ...", "Read also: ...") is another page's headline
        article = analysis.article
        statements = [s for s in statements if not article.in_boilerplate(s.start + s.doc.offset)]
        statements.sort(key=lambda s: s.start + s.doc.offset)
        extra = [s for s in extra if not article.in_boilerplate(s.start + s.doc.offset)]
        # the article's outlets, read once for both builds (none are needed without statements)
        outlets = self.builder.linker.outlets(analysis) if statements or extra else []
        found, analysis.cited_sources = self.builder.build(analysis, statements, outlets)
        found = outermost(one_per_content(found))
        analysis.quotes = [q for q in found if q.kind == SPEECH]
        analysis.attributions = [q for q in found if q.kind != SPEECH]
        if extra:
            self._add_learned(analysis, extra, outlets)
        return analysis

    def _add_learned(self, analysis: Analysis, extra: list[Statement], outlets: list[Outlet]) -> None:
        """The learned cues' contents, built on their own so that the rule-based quotes, their
        outlets and cited sources stay as they were; an outlet only they cite is added."""
        extra.sort(key=lambda s: s.start + s.doc.offset)
        more, cited = self.builder.build(analysis, extra, outlets)
        analysis.attributions = sorted([*analysis.attributions, *more], key=lambda q: q.start)
        known = {source.name for source in analysis.cited_sources}
        analysis.cited_sources.extend(source for source in cited if source.name not in known)


class QuoteFoldStage:
    """Reads and writes ``quotes`` and the events' ``quote``, after every stage that reads
    them: a quotation of the speaker's own words inside a reported clause (``in_clause``) is
    part of the one statement the clause is, as the coders code it; an event told in it is
    told in the clause. The event stages saw it as a direct quote (the trigger model's and
    the scorer's "in a quote", the speaker of a "we"), so folding it here leaves the events
    as they were."""

    name = "quote_fold"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config

    def __call__(self, analysis: Analysis) -> Analysis:
        if self.config.fold_quotations:
            fold_quotations(analysis)
        return analysis


def fold_quotations(analysis: Analysis) -> None:
    """Drops each ``in_clause`` quotation whose words a reported clause kept holds, pointing
    the events told in it at that clause (the innermost, when reported clauses nest)."""
    quotes, text = analysis.quotes, analysis.article.text
    if not any(q.in_clause for q in quotes):
        return
    clauses = SpanIndex(
        [i for i, q in enumerate(quotes) if not q.direct], lambda i: (quotes[i].start, quotes[i].end)
    )
    into: dict[int, int] = {}
    for i, quote in enumerate(quotes):
        if quote.in_clause:
            around = [
                c
                for c in clauses.overlapping(quote.start, quote.end)
                if _words_within(text, quote.start, quote.end, quotes[c].start, quotes[c].end)
            ]
            if around:
                into[i] = min(around, key=lambda c: quotes[c].end - quotes[c].start)
    kept = [i for i in range(len(quotes)) if i not in into]
    new_index = {old: new for new, old in enumerate(kept)}
    for event in analysis.events:
        if event.quote is not None:
            event.quote = new_index[into.get(event.quote, event.quote)]
    analysis.quotes = [quotes[i] for i in kept]


def one_per_content(quotes: list[Quote]) -> list[Quote]:
    """Each stated content once: of two statements of one content (the same words, or a
    headline quoting what the body quotes from the same speaker), the better attributed."""
    kept = _Kept()
    for quote in sorted(quotes, key=_attribution_rank):
        if not kept.has(quote):
            kept.add(quote)
    return sorted(kept.quotes, key=lambda q: q.start)


def outermost(quotes: list[Quote]) -> list[Quote]:
    """ "the ministry said [the envoy had told Beijing that ties had suffered]": a statement
    reported, its cue included, inside what another speaker is reported to have said is
    part of that statement, not one of its own; so is a belief or position stated in it
    ("the minister said [he believed the talks would fail]")."""
    reported = [q for q in quotes if q.kind in _STATED and not q.direct]
    spans = SpanIndex(reported, lambda q: (q.start, q.end))
    nested: set[int] = set()
    for outer in reported:
        if outer.kind != SPEECH:
            continue
        for inner in spans.within(outer.start, outer.end):
            if inner is not outer and inner.cue is not None and outer.start <= inner.cue.start < outer.end:
                nested.add(id(inner))
    return [q for q in quotes if id(q) not in nested]


class _Kept:
    """The quotes kept so far, looked up as :func:`_same_content` compares them: by kind and
    span, by kind, section and words; only another section's are compared one by one (a
    headline's few against the body's). Comparing each quote with every one kept made long
    articles quadratic."""

    def __init__(self) -> None:
        self.quotes: list[Quote] = []
        self.spans: set[tuple[str, int, int]] = set()
        self.by_words: dict[tuple[str, Section, tuple[str, ...]], list[Quote]] = {}
        self.by_section: dict[tuple[str, Section], list[Quote]] = {}

    def has(self, quote: Quote) -> bool:
        if (quote.kind, quote.start, quote.end) in self.spans:
            return True
        same = self.by_words.get((quote.kind, quote.section, _word_list(quote.text)), [])
        if any(_same_speaker(quote, other) for other in same):
            return True
        others = [
            other
            for (kind, section), kept in self.by_section.items()
            if kind == quote.kind and section is not quote.section
            for other in kept
        ]
        return any(_same_content(quote, other) for other in others)

    def add(self, quote: Quote) -> None:
        self.quotes.append(quote)
        self.spans.add((quote.kind, quote.start, quote.end))
        self.by_words.setdefault((quote.kind, quote.section, _word_list(quote.text)), []).append(quote)
        self.by_section.setdefault((quote.kind, quote.section), []).append(quote)


def _word_list(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.lower()))


def _attribution_rank(quote: Quote) -> tuple[int, int, int]:
    """Body before headline, a named speaker before a pronoun before none, direct first."""
    speaker = quote.speaker
    named = 0 if speaker is not None and speaker.actor else 1 if speaker is not None else 2
    return (quote.section is Section.TITLE, named, not quote.direct)


def _same_content(quote: Quote, other: Quote) -> bool:
    """The same span; or, from the same speaker, the same words again in one section (a
    standfirst repeated as the lede) or a headline quote repeating the body's."""
    if quote.kind != other.kind:
        return False
    if (quote.start, quote.end) == (other.start, other.end):
        return True
    if quote.section is other.section:
        same_words = _word_list(quote.text) == _word_list(other.text)
        return same_words and _same_speaker(quote, other)
    words = _words(quote.text)
    shared = len(words & _words(other.text)) / (len(words) or 1)
    return shared >= SAME_WORDS and _same_speaker(quote, other)


def _same_speaker(quote: Quote, other: Quote) -> bool:
    """The same actor, or one speaker's words among the other's ("Haddad", "Finance Minister
    Omar Haddad")."""
    a, b = quote.speaker, other.speaker
    if a is None or b is None:
        return a is b
    if a.actor is not None and a.actor == b.actor:
        return True
    first, second = _words(a.text), _words(b.text)
    return bool(first) and bool(second) and (first <= second or second <= first)


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def find_statements(
    section_doc: SectionDoc, lexicon: QuoteLexicon, headline: bool = False
) -> list[Statement]:
    """Direct and reported statements of one section; a headline gives its quotations only."""
    doc = section_doc.doc
    index = TokenIndex(doc, section_doc.text)
    text = index.text
    marks = find_quoted(text, single=headline)
    direct: list[Statement] = []
    bounds = mark_bounds(marks)
    previous: tuple[Quoted, Attribution | None] | None = None
    for quoted in marks:
        attribution = cue_near(doc, index, quoted, marks, lexicon, bounds)
        if attribution is None and previous is not None and _conjoined(text, previous[0], quoted):
            attribution = previous[1]  # 'chanting “Bread” and “Freedom”': the second one too
        previous = (quoted, attribution)
        chanted = attribution is not None and attribution.entry.frame == "direct"  # 'Chanting "End SARS"'
        if chanted or is_statement(quoted, text, doc, cued=attribution is not None):
            direct.extend(
                Statement(section_doc, text, part.start, part.end, True, attribution, quoted=part)
                for part in by_paragraph(quoted, text)
            )
    lines = [
        Statement(section_doc, text, start, end, False, att) for att, start, end in colon_lines(doc, text)
    ]
    by_offset = SpanIndex(direct, _span)
    lines = [line for line in lines if not _quoted_line(line, by_offset)]
    if headline:
        return sorted(direct + lines, key=lambda s: s.start)
    inside = [(index.at(s.quoted.open), index.at(s.quoted.close) + 1) for s in direct if s.quoted]
    indirect = []
    for attribution in reported(doc, lexicon, inside):
        attribution.content = clause_pieces(attribution)
        kind = content_kind(attribution, attribution.content, lambda t: match_cue(t, lexicon))
        for start, end in attribution.content:
            last = doc[end - 1]
            begin, finish = _after_dateline(text, doc[start].idx), last.idx + len(last)
            indirect.append(Statement(section_doc, text, begin, finish, False, attribution, kind=kind))
    lines = [line for line in lines if not _reported_in(line, indirect)]
    indirect = [i for i in indirect if not any(c.start <= i.start < c.end for c in lines)]
    said = _said_by_cue(direct)
    indirect = [i for i in indirect if not _quotation_said(i, said)]
    statements = settle(direct, indirect + lines)
    inherit(statements)
    return statements


def learned_statements(
    section_doc: SectionDoc, lexicon: QuoteLexicon, statements: list[Statement], model: CueModel
) -> list[Statement]:
    """The contents of learned cues (:mod:`.learned_cues`) that no statement of the section
    covers, each an attribution of the kind a stance word's content would be (never a quote)."""
    doc, text = section_doc.doc, section_doc.text
    covered, quoted = statement_tokens(section_doc, statements)
    found = []
    for attribution in learned(doc, lexicon, quoted, model, covered):  # fresh ones only
        attribution.content = clause_pieces(attribution)
        kind = content_kind(attribution, attribution.content, lambda t: match_cue(t, lexicon))
        kind = "stance" if kind == SPEECH else kind
        for start, end in attribution.content:
            last = doc[end - 1]
            begin, finish = _after_dateline(text, doc[start].idx), last.idx + len(last)
            found.append(Statement(section_doc, text, begin, finish, False, attribution, kind=kind))
    return found


def _conjoined(text: str, first: Quoted, second: Quoted) -> bool:
    """Two quotations of a list, joined by "and", "or" or a comma alone: one cue's words."""
    gap = text[first.close + 1 : second.open]
    between = gap.strip(" ,").lower()
    return first.closed and (between in ("and", "or") or (not between and "," in gap))


def by_paragraph(quoted: Quoted, text: str) -> list[Quoted]:
    """A quotation over several paragraphs as one quotation per paragraph (each opens with its
    own quotation mark: the wire convention), all with the speaker and cue of the whole."""
    if quoted.paragraphs == 1:
        return [quoted]
    parts = []
    line_start = quoted.open
    while line_start < quoted.end:
        line_end = text.find("\n", line_start, quoted.end)
        line_end = quoted.end if line_end < 0 else line_end
        start, end = line_start, line_end
        while start < end and (text[start].isspace() or text[start] in _OPENING_MARKS):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ',”"'):
            end -= 1
        if word_count(text[start:end]):
            last = line_end >= quoted.end
            close = quoted.close if last else line_end
            parts.append(Quoted(line_start, close, start, end, quoted.closed or not last))
        line_start = line_end + 1
    return parts or [quoted]


def _span(statement: Statement) -> tuple[int, int]:
    return statement.start, statement.end


def _said_by_cue(direct: list[Statement]) -> dict[int, list[Statement]]:
    """The quotations with a cue, by the cue's token index."""
    said: dict[int, list[Statement]] = {}
    for d in direct:
        if d.attribution is not None:
            said.setdefault(d.attribution.cue.i, []).append(d)
    return said


def _quotation_said(statement: Statement, said_by_cue: dict[int, list[Statement]]) -> bool:
    """'“We will tax you,” Trump said in February of Carrier, whose parent ...': the cue of
    a quotation said the quotation; a clause apart from it that the parser hangs on the cue
    is not its content (unless introduced as one: 'said “...” and that ...')."""
    attribution = statement.attribution
    if attribution is None:
        return False
    said = said_by_cue.get(attribution.cue.i, [])
    if not said or any(d.start < statement.end and statement.start < d.end for d in said):
        return False
    first = attribution.cue.doc.char_span(statement.start, statement.end, alignment_mode="expand")
    return first is None or first[0].lower_ != "that"


def _after_dateline(text: str, start: int) -> int:
    """Past a dateline opening the paragraph: "BEIRUT -", "DUBAI, May 21 (Reuters) -", "KARACHI:"."""
    if start > 0 and text[start - 1] != "\n":
        return start
    dateline = dateline_at(text, start)
    return start if dateline is None else dateline.end


def _reported_in(line: Statement, indirect: list[Statement]) -> bool:
    """ "KARACHI: Traders called off their strike, Dawn reported.": a line whose words a cue
    after them gives to someone else is a paragraph under a dateline, not "Name: statement"."""
    for statement in indirect:
        att = statement.attribution
        if att is None or att.speaker is None or not line.start <= att.cue.idx < line.end:
            continue
        if statement.start <= line.start < statement.end <= att.cue.idx:
            return True
    return False


def _quoted_line(line: Statement, direct: SpanIndex[Statement]) -> bool:
    """ "Kasich: ‘Trump is wrong’": the quotation is the statement; the name its speaker."""
    inner = direct.within(line.start, line.end)
    for d in inner:
        if d.attribution is None:
            d.attribution = line.attribution
    return bool(inner)


def settle(direct: list[Statement], indirect: list[Statement]) -> list[Statement]:
    """One statement per claim, for a reported clause with quotations in it (:func:`_reading`):
    the clause with its quoted phrases, the quotations, or a clause and a quotation apart.
    A quotation of the speaker's own words in the clause (:func:`_own_words`) stays, marked
    ``in_clause``: the event stages read it as a direct quote, and :class:`QuoteFoldStage`
    folds it into the clause before output.

    A content that is not a statement (an accusation's object, a stance) keeps the
    quotations in it that are statements in their own right as quotes, lending them its cue
    when they have none ("accused him of “trying to destroy democracy in Brazil”"); a quoted
    term in it ("to help “prop up” the government") stays part of it."""
    dropped: set[int] = set()
    kept_indirect = []
    by_offset = SpanIndex(direct, _span)
    for statement in indirect:
        inner = by_offset.overlapping(statement.start, statement.end)
        reading = "reported" if statement.kind == SPEECH else "apart"
        if inner and statement.kind == SPEECH:
            reading = _reading(statement, inner)
        for d in inner:
            apart = reading == "apart" and not _says_itself(d)
            own = reading == "reported" and _own_words(d)
            inside = reading == "reported" and _within(d, statement)
            if apart or (inside and not own):
                dropped.add(id(d))
            elif own or (reading != "reported" and (d.attribution is None or _borrowed(d))):
                d.attribution = statement.attribution  # the words of the clause's speaker
                d.in_clause = d.in_clause or inside
        if reading == "split":
            statement.end = _end_before(statement.text, statement.start, inner[-1].quoted)
        if reading != "quoted":
            kept_indirect.append(statement)
    kept = [d for d in direct if id(d) not in dropped] + kept_indirect
    kept.sort(key=lambda s: s.start)
    return kept


def _borrowed(quotation: Statement) -> bool:
    """A quotation that is (part of) a reported statement is the reporter's speaker's, not
    that of a word of another kind beside it: 'saying Clinton had shown bad judgment in
    using her “as a paragon of virtue”' (Trump's words, not a showing)."""
    att = quotation.attribution
    return att is not None and att.entry.kind not in (SPEECH, "report")


def _own_words(quotation: Statement) -> bool:
    """A quotation inside a reported clause that is the speaker's exact words: 'said the move
    had left him “deeply concerned”', 'wrote that the cartels pose a “dangerous threat”'; not
    one word ('“brutal” pressure') nor a name or term after a preposition ('engaged in
    “normal operations”', 'on a “termination of hostilities”')."""
    text = quotation.text
    if word_count(text[quotation.start : quotation.end]) < MIN_OWN_WORDS:
        return False
    span = quotation.doc.doc.char_span(quotation.start, quotation.end, alignment_mode="expand")
    if span is None:
        return False
    roots = [t for t in span if not t.is_punct and not span.start <= t.head.i < span.end]
    return not (len(roots) == 1 and roots[0].dep_ == "pobj")


def _reading(statement: Statement, inner: list[Statement]) -> str:
    """How a reported clause and the quotations in it are coded: "quoted" (the quotations
    are the statement, they take its cue: 'said it had “carried out a strike”'), "split"
    (a clause, then a quotation of its own: 'the gunmen were local Serbs “who no longer want
    ...”') or "reported" (one reported clause, a quoted phrase inside: 'the cartels pose a
    “dangerous threat” to national security')."""
    if statement.attribution is not None and names_object(statement.attribution):
        return "quoted"  # 'called the attack “highly significant”': what it was called is the quote
    text, doc = statement.text, statement.doc.doc
    words = word_count(text[statement.start : statement.end]) or 1
    quoted = sum(word_count(text[max(d.start, statement.start) : min(d.end, statement.end)]) for d in inner)
    lead = doc.char_span(statement.start, max(statement.start, inner[0].start), alignment_mode="expand")
    lead_tokens = list(lead) if lead is not None else []
    last = inner[-1]
    at_end = word_count(text[last.end : statement.end]) == 0
    tail = len(inner) == 1 and at_end and word_count(text[last.start : last.end]) >= MIN_TAIL_WORDS
    if quoted / words < COVERED:
        # 'regarded the crisis as “a closed chapter”': the quotation is what he called it
        words_before = [t for t in lead_tokens if not (t.is_punct or t.is_space)]
        if tail and words_before and words_before[-1].pos_ == "ADP":
            return "quoted"
        # 'said troops fired on crowds “in a way that endangered the force”': a clause, then
        # a quotation that only modifies it
        return "split" if tail and _stands_alone(lead_tokens, last) else "reported"
    if all(_frame_word(t) for t in lead_tokens):
        return "quoted"
    if not tail:
        return "reported"
    return "split" if _stands_alone(lead_tokens, last) else "quoted"


def _frame_word(token: Token) -> bool:
    """ "it had", "there is", "that they": words that frame a quotation and say nothing."""
    return token.is_punct or token.is_space or token.pos_ in _FRAME_POS or token.lower_ in ("that", "there")


def _stands_alone(lead: list[Token], quotation: Statement) -> bool:
    """The words before the quotation are a clause, and the quotation only modifies it."""
    if not any(t.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJECTS for c in t.children) for t in lead):
        return False
    span = quotation.doc.doc.char_span(quotation.start, quotation.end, alignment_mode="expand")
    if span is None or not lead:
        return False
    low, high = lead[0].i, lead[-1].i + 1
    roots = [t for t in span if not span.start <= t.head.i < span.end]
    return not any(low <= r.head.i < high and r.dep_ in _ARGUMENTS for r in roots)


def _says_itself(quotation: Statement) -> bool:
    """A quotation that is a statement without its cue, or a clause of a few words (not a
    quoted term): 'citing its role “recognised by the whole international community”'."""
    quoted, doc = quotation.quoted, quotation.doc.doc
    if quoted is None:
        return False
    if is_statement(quoted, quotation.text, doc):
        return True
    span = doc.char_span(quotation.start, quotation.end, alignment_mode="expand")
    words = word_count(quotation.text[quotation.start : quotation.end])
    return span is not None and words >= MIN_TAIL_WORDS and any(t.pos_ in ("VERB", "AUX") for t in span)


def _end_before(text: str, start: int, quoted: Quoted | None) -> int:
    end = quoted.open if quoted is not None else start
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return end


def _within(inner: Statement, outer: Statement) -> bool:
    """All the words of ``inner`` lie in ``outer`` (its closing punctuation may stick out)."""
    return _words_within(outer.text, inner.start, inner.end, outer.start, outer.end)


def _words_within(text: str, start: int, end: int, outer_start: int, outer_end: int) -> bool:
    """All the words of ``text[start:end]`` lie in ``text[outer_start:outer_end]``."""
    return (word_count(text[start:outer_start]) == 0 if start < outer_start else True) and (
        word_count(text[outer_end:end]) == 0 if end > outer_end else True
    )


def inherit(statements: list[Statement]) -> None:
    """A quotation with no cue continues the last attributed statement of its paragraph, or
    of the paragraph before when the quotation opens its own."""
    last_by_paragraph: dict[int, Statement] = {}
    lines: dict[str, _LineStarts] = {}  # by text: one per section Doc
    for statement in statements:
        text = statement.text
        starts = lines.get(text) or lines.setdefault(text, _LineStarts(text))
        paragraph = starts.before(statement.start)  # statement.paragraph
        if statement.direct and statement.attribution is None and _continues_speech(statement):
            before = last_by_paragraph.get(paragraph)
            if before is None and statement.quoted is not None and statement.quoted.open == paragraph:
                before = last_by_paragraph.get(_previous_paragraph(text, paragraph, starts))
            statement.follows = before
        if statement.attribution is not None or statement.follows is not None:
            last_by_paragraph[paragraph] = statement
            last_by_paragraph[starts.before(statement.end)] = statement


class _LineStarts:
    """Where the line holding an offset starts, by bisection over the text's line breaks
    (``text.rfind("\\n", 0, offset) + 1`` read back to the start of an article in one paragraph)."""

    def __init__(self, text: str) -> None:
        self.breaks = [match.start() for match in re.finditer("\n", text)]

    def before(self, offset: int) -> int:
        """The start of the line holding ``offset``: just past the last line break before it."""
        k = bisect_left(self.breaks, offset)
        return self.breaks[k - 1] + 1 if k else 0


def _continues_speech(statement: Statement) -> bool:
    """A closed quotation opening a sentence can go on with the speaker before it."""
    quoted = statement.quoted
    return quoted is not None and quoted.closed and opens_sentence(statement.text, quoted.open)


def _previous_paragraph(text: str, paragraph: int, starts: _LineStarts) -> int:
    """Start offset of the non-blank paragraph before the one starting at ``paragraph``."""
    end = paragraph - 1
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return starts.before(end) if end > 0 else -1
