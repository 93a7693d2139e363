"""Run spaCy over article sections in batches, keeping offsets into the article text.

Two modes, chosen by ``PipelineConfig.selective_parse``:

* full: every component of the model, in its order, on every section;
* selective (default): sentences are split by punctuation and blank lines and
  tested for *candidates*, sentences that can hold an event or a quote
  (:mod:`eventwire.nlp.candidates`). A section whose candidates hold at least
  ``WHOLE_DOC_SHARE`` of its tokens gets every component, as in full mode. In the
  other sections the named-entity recogniser runs on the whole text and the syntax
  components (tok2vec, tagger, parser, attribute_ruler, lemmatizer) only on each
  run of consecutive candidate sentences, parsed as its own small Doc whose
  annotations are then written back into the section's Doc.

Either way each section gives one :class:`SectionDoc` whose ``doc.ents`` cover the
whole section and whose candidate sentences carry ``dep_``, ``head``, ``tag_``,
``pos_``, ``morph`` and ``lemma_``. In a section parsed in runs, the other sentences
carry entities and sentence boundaries only (empty tags, lemmas and dependencies;
``token.head`` is the token itself), and ``doc.tensor`` is empty.

The model's ``attribute_ruler`` and rule ``lemmatizer`` are replaced by exact, faster
equivalents (:mod:`eventwire.nlp.attribute_rules`, :mod:`eventwire.nlp.lemmas`), and the
layers multiply matrices with numpy's BLAS rather than BLIS (:mod:`eventwire.nlp.matmul`). A
headline's tree is then mended for headlinese, its dropped auxiliaries ("Activist
arrested", "Biden to visit Kyiv"): :mod:`.headlines`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, cast

import numpy

from eventwire.models import Analysis, Section
from eventwire.nlp.attribute_rules import FastAttributeRuler
from eventwire.nlp.bounds import keep_text, token_ends, token_starts
from eventwire.nlp.candidates import CandidateFinder
from eventwire.nlp.datelines import dateline_at
from eventwire.nlp.headlines import normalise_headline
from eventwire.nlp.lemmas import FastLemmatizer, is_rule_lemmatizer
from eventwire.nlp.matmul import use_numpy_gemm

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token


@dataclass(slots=True)
class SectionDoc:
    """A parsed section; ``offset`` turns a Doc character index into an ``Article.text`` one."""

    section: Section
    doc: Doc
    offset: int
    source: str | None = field(default=None, repr=False, compare=False)  # the text parsed

    @property
    def text(self) -> str:
        """The section's text: ``doc.text``, which joins every token each time it is read
        (several stages need it), kept from the parse."""
        if self.source is None:
            self.source = self.doc.text
        return self.source

    def token_at(self, offset: int) -> Token | None:
        """The token covering ``offset`` of ``Article.text``, if this section holds it."""
        doc, local = self.doc, offset - self.offset
        if local < 0 or not len(doc):
            return None
        # by bisection over the tokens' offsets, read once per Doc: Doc.char_span built a Token
        # per test and a Span per call, for each of the many offsets the stages look up
        keep_text(doc, self.text)
        i = bisect_right(token_starts(doc), local) - 1
        return doc[i] if i >= 0 and local < token_ends(doc)[i] else None  # none in a space after a word


def token_at(docs: Iterable[SectionDoc], offset: int) -> Token | None:
    """The token covering ``offset`` of ``Article.text`` in the parsed sections ``docs``."""
    for section_doc in docs:
        token = section_doc.token_at(offset)
        if token is not None:
            return token
    return None


# Title and caption are parsed too (for entities and places) but stages treat only the
# body as the story; the caption describes a photo, not the news.
_PARSED_SECTIONS = (Section.TITLE, Section.CAPTION, Section.BODY)
_ENTITY_COMPONENT = "ner"
# When candidate sentences hold at least this share of a section's tokens, the whole
# section is parsed: cutting it into runs and copying them back would cost more.
WHOLE_DOC_SHARE = 0.8
# Attributes the syntax components set, copied from a parsed run back into its section.
_SYNTAX_ATTRS = ("TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP", "SENT_START")
# Sentence-final punctuation; a paragraph break ends a sentence too.
_SENT_END = frozenset({".", "!", "?", "!?", "?!", "。", "！", "？"})
_DATELINE_TOKENS = 20  # a dateline is the first few tokens of a line
_DATELINE_LINES = 6  # ... among the first lines of a section


class SectionParser:
    """Parses the sections of a batch of articles; built once per process with the model."""

    def __init__(self, nlp: Language, finder: CandidateFinder | None = None) -> None:
        self.nlp = nlp
        self.finder = finder
        use_numpy_gemm(nlp)  # numpy's BLAS, not BLIS's generic kernel: eventwire/nlp/matmul.py
        self.components = [(name, _faster(name, proc)) for name, proc in nlp.pipeline]
        self.syntax = [(n, p) for n, p in self.components if n != _ENTITY_COMPONENT]
        self.ner = nlp.get_pipe(_ENTITY_COMPONENT) if _ENTITY_COMPONENT in nlp.pipe_names else None
        self.attr_ids = [_attr_id(a) for a in _SYNTAX_ATTRS]
        self.stats: dict[str, int] = {}
        self.reset_stats()

    def reset_stats(self) -> None:
        """Zero the counts of sentences and tokens seen and parsed (for benchmarks)."""
        self.stats = dict.fromkeys(("sentences", "candidate_sentences", "tokens", "parsed_tokens"), 0)

    @property
    def selective(self) -> bool:
        return self.finder is not None and self.ner is not None

    def parse(self, analyses: list[Analysis], batch_size: int = 32) -> None:
        """Fill ``Analysis.docs`` for every English article of the batch."""
        jobs, texts = _section_jobs(analyses)
        docs = self._selective(texts, batch_size) if self.selective else self._full(texts, batch_size)
        for (analysis, section, offset), text, doc in zip(jobs, texts, docs, strict=True):
            if section is Section.TITLE:
                normalise_headline(doc)  # "OAS urged to act": the parser reads running text
            analysis.docs.append(SectionDoc(section, doc, offset, text))  # a Doc keeps its text verbatim

    def _full(self, texts: list[str], batch_size: int) -> list[Doc]:
        docs = [_mark_dateline(self.nlp.make_doc(text)) for text in texts]
        self._run(self.components, docs, batch_size)
        for doc in docs:
            self.stats["tokens"] += len(doc)
            self.stats["parsed_tokens"] += len(doc)
        return docs

    def _selective(self, texts: list[str], batch_size: int) -> list[Doc]:
        """Sections mostly made of candidate sentences get every component, as in full mode;
        the others get entities everywhere and syntax on their candidate runs."""
        docs = [self.nlp.make_doc(text) for text in texts]
        runs_per_doc = [self._mark_sentences(doc) for doc in docs]
        whole = [doc for doc, runs in zip(docs, runs_per_doc, strict=True) if runs == [(0, len(doc))]]
        for doc in whole:
            _clear_sent_starts(doc)
        self._run(self.components, whole, batch_size)
        split = [(d, runs) for d, runs in zip(docs, runs_per_doc, strict=True) if runs != [(0, len(d))]]
        self._run([(_ENTITY_COMPONENT, self.ner)], [doc for doc, _ in split], batch_size)
        parts = [_clear_sent_starts(doc[a:b].as_doc()) for doc, runs in split for a, b in runs]
        self._run(self.syntax, parts, batch_size)
        self._write_back(split, iter(parts))
        return docs

    @staticmethod
    def _run(components: list[tuple[str, Any]], docs: list[Doc], batch_size: int) -> None:
        """Apply the components in order; spaCy's components annotate the Docs in place."""
        for _name, component in components:
            for _doc in component.pipe(docs, batch_size=batch_size):
                pass

    def _mark_sentences(self, doc: Doc) -> list[tuple[int, int]]:
        """Set rule-based sentence starts; return the runs of candidate sentences (token ranges)."""
        assert self.finder is not None
        starts = sentence_starts(doc)
        flags = numpy.full((len(doc), 1), numpy.uint64(2**64 - 1), dtype=numpy.uint64)  # -1
        flags[starts] = 1
        doc.from_array(["SENT_START"], cast(Any, flags))
        bounds = [*starts, len(doc)]
        runs: list[tuple[int, int]] = []
        lowers = doc.to_array("LOWER").tolist() if len(doc) else []  # each word's string id
        for start, end in zip(bounds, bounds[1:], strict=False):
            self.stats["sentences"] += 1
            if not self.finder.is_candidate_ids(set(lowers[start:end])):
                continue
            self.stats["candidate_sentences"] += 1
            if runs and runs[-1][1] == start:
                runs[-1] = (runs[-1][0], end)
            else:
                runs.append((start, end))
        parsed = sum(end - start for start, end in runs)
        if parsed >= WHOLE_DOC_SHARE * len(doc):
            runs, parsed = [(0, len(doc))], len(doc)
        self.stats["tokens"] += len(doc)
        self.stats["parsed_tokens"] += parsed
        return runs

    def _write_back(self, split: list[tuple[Doc, list[tuple[int, int]]]], parsed: Iterator[Doc]) -> None:
        """Copy each parsed run's annotations into its section Doc, keeping other boundaries."""
        for doc, runs in split:
            if not runs:
                continue
            array: Any = doc.to_array(self.attr_ids)
            sent_starts = array[:, -1].copy()
            for start, end in runs:
                array[start:end] = next(parsed).to_array(self.attr_ids)
                sent_starts[start:end] = array[start:end, -1]
            doc.from_array(self.attr_ids, array)  # sets the parsed trees; resets other starts
            doc.from_array(["SENT_START"], sent_starts.reshape(-1, 1))


def parse_articles(
    analyses: list[Analysis],
    nlp: Language,
    batch_size: int = 32,
    finder: CandidateFinder | None = None,
) -> None:
    """Fill ``Analysis.docs``; with a ``finder``, parse only candidate sentences."""
    SectionParser(nlp, finder).parse(analyses, batch_size)


def sentence_starts(doc: Doc) -> list[int]:
    """Token indices that start a sentence: after sentence-final punctuation or a blank line.

    Closing quotes and brackets stay with the sentence they end; an opening quote or
    bracket after whitespace starts the next one (spaCy's Sentencizer would attach it
    to the previous sentence). Read from the Doc's arrays (every token of every section
    passes here; a Token object per word cost more than the test), with a Token built for
    whitespace tokens only.
    """
    starts = [0]
    ended = False
    ends = _sent_end_ids()
    rows = doc.to_array(_SENTENCE_ATTRS).tolist() if len(doc) else []
    spacy_before = 0  # whether the previous token has a space after it
    for i, (space, punct, left, spacy_after, orth) in enumerate(rows):
        if ended and not space:
            opening = left and i > 0 and spacy_before
            if opening or not (punct or orth in ends):
                if i > starts[-1]:
                    starts.append(i)
                ended = False
                spacy_before = spacy_after
                continue
        if orth in ends or (space and doc[i].text.count("\n") > 1):
            ended = True
        spacy_before = spacy_after
    return sorted({*starts, *line_starts(doc)})


# Token attributes sentence_starts reads, in the column order it unpacks.
_SENTENCE_ATTRS: list[int | str] = ["IS_SPACE", "IS_PUNCT", "IS_LEFT_PUNCT", "SPACY", "ORTH"]


@cache
def _sent_end_ids() -> frozenset[int]:
    """The string ids of ``_SENT_END``: a token's ORTH is one of them when its text is."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(text) for text in _SENT_END)


def _section_jobs(analyses: Iterable[Analysis]) -> tuple[list[tuple[Analysis, Section, int]], list[str]]:
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
    return jobs, texts


def line_starts(doc: Doc) -> list[int]:
    """Tokens that start a new line of text: after a blank line, or after a line break
    followed by a capital, a digit or a quote. A headline, a dateline or a link line has no
    final full stop, and without this the parser runs it into the next paragraph
    ("... Lebanon border\nJERUSALEM" as one noun phrase)."""
    starts = []
    # Only a whitespace token holds a line break (a token's ``whitespace_`` is one space or
    # none), so only the tokens after one are tested, not every token of the Doc.
    spaces = numpy.flatnonzero(doc.to_array("IS_SPACE")).tolist() if len(doc) else []
    for i in spaces:
        if i + 1 >= len(doc):
            break
        breaks = doc[i].text.count("\n")
        token = doc[i + 1]
        if token.is_space or not breaks:
            continue
        first = token.text[:1]
        if breaks > 1 or first.isupper() or first.isdigit() or token.is_quote or token.is_left_punct:
            starts.append(token.i)
    after = dateline_end(doc, starts)
    return starts if after is None else sorted({after, *starts})


def dateline_end(doc: Doc, lines: list[int] | None = None) -> int | None:
    """The token after the dateline that opens the story ("KANO, Nigeria - Gunmen killed
    ..."), on one of the section's first lines (a byline, a caption or a standfirst may come
    before it): the story starts there. Run into the sentence, the dateline becomes part of
    its subject ("KANO, Nigeria - Gunmen" one noun phrase, "KHARTOUM" the one who said)."""
    firsts = [0, *(line_starts(doc) if lines is None else lines)][:_DATELINE_LINES]
    for first in firsts:
        head = doc[first : min(len(doc), first + _DATELINE_TOKENS)]
        dateline = dateline_at(head.text)
        if dateline is not None:
            end = head.start_char + dateline.end
            after = next((t for t in head if t.idx + len(t) > end and not t.is_space), None)
            if after is None or after.i <= first or after.idx < end:
                return None  # "(Reuters) -Moldova said": a dash glued to a word is no boundary
            return after.i
    return None


def _mark_dateline(doc: Doc) -> Doc:
    """Start a sentence after a dateline; the parser places every other boundary."""
    after = dateline_end(doc)
    if after is not None:
        doc[after].is_sent_start = True
    return doc


def _clear_sent_starts(doc: Doc) -> Doc:
    """Leave sentence boundaries to the parser, except at line starts (the first token
    still starts one)."""
    flags = numpy.zeros((len(doc), 1), dtype=numpy.uint64)
    if len(doc):
        flags[0] = 1
        flags[line_starts(doc)] = 1
    return doc.from_array(["SENT_START"], cast(Any, flags))


def _faster(name: str, component: Any) -> Any:
    """The component, or an exact faster equivalent (eventwire/nlp/attribute_rules.py, lemmas.py)."""
    if name == "attribute_ruler" and hasattr(component, "patterns"):
        return FastAttributeRuler(component)
    if is_rule_lemmatizer(component):
        return FastLemmatizer(component)
    return component


def _attr_id(name: str) -> Any:
    from spacy.attrs import IDS

    return IDS[name]
