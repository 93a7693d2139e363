"""Quote and attribution evaluation on PolNeAR (``eventwire evaluate quotes``).

Each article is read with its metadata title, so no headline is split off and the whole
file (headline line included) is the body; ``Article.text`` must equal the file text up to
what :func:`eventwire.ingest.layout.normalise` changes (a BOM, CR LF, trailing space), and
gold offsets are mapped through those changes.

Rules, stated:

* Tokens are the words of the text (``\\w+`` runs); punctuation and quotation marks do not
  count, so "that ..." vs "... ." differences in span edges cost only their words.
* Predictions are the system's quotes, direct and indirect, and its other attributed
  contents (``attributions``: PolNeAR marks accusations, stances and outlet reports too).
  Quotes sharing one cue (a quotation split by its cue, or followed by more quoted sentences
  of the same speaker) are one prediction whose tokens are their union, as PolNeAR marks
  them as one discontinuous content. Gold items are the ``Content`` spans of every
  attribution (with or without a source), discontinuous parts united.
* Content match: token-set Jaccard >= 0.5, one-to-one, greedy by descending Jaccard.
  Also reported: exact token sets (strict) and any shared token (lenient), same matching.
* Source: a matched pair's source is right when the predicted speaker's span overlaps the
  gold ``Source`` span (a pronoun matches its own span: "he" = "he"). A quote with no
  speaker but a ``reported_by`` outlet is attributed to that outlet's mention nearest the
  cue. Speaker accuracy = right / matched pairs whose gold has a source; "content+source"
  counts a true positive only when content and source both match.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.config import PipelineConfig
from eventwire.errors import InputError
from eventwire.evaluate import EvalOptions, EvalReport
from eventwire.evaluate.metrics import PRF, prf_table
from eventwire.evaluate.polnear import GoldArticle, Ranges, load_split
from eventwire.extract.quote_lexicon import load_quote_lexicon
from eventwire.ingest import build_article
from eventwire.models import Analysis, Article, Quote
from eventwire.pipeline import Pipeline

THRESHOLD = 0.5
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Item:
    """A gold or predicted content: its word-token indices, source ranges and text for errors."""

    tokens: frozenset[int]
    source: Ranges
    text: str
    direct: bool = False
    speaker: str | None = None
    lexical: bool = True  # gold: its cue is a word of the cue lexicon


class Tokens:
    """Word tokens of one text; ranges -> token indices by bisection."""

    def __init__(self, text: str) -> None:
        spans = [m.span() for m in _WORD.finditer(text)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def within(self, ranges: Ranges) -> frozenset[int]:
        found: set[int] = set()
        for start, end in ranges:
            found.update(range(bisect_right(self.ends, start), bisect_left(self.starts, end)))
        return frozenset(found)


def evaluate(data: Path, options: EvalOptions) -> EvalReport:
    began = time.perf_counter()
    gold_articles = load_split(data, options.split, options.limit)
    articles = [_article(g, data / options.split) for g in gold_articles]
    pipeline = Pipeline(PipelineConfig(model=options.model))
    analyses = list(pipeline.analyze(articles))
    scores = Scores()
    for gold, analysis in zip(gold_articles, analyses, strict=True):
        scores.add(gold, analysis)
    seconds = time.perf_counter() - began
    return scores.report(data, options, len(gold_articles), seconds)


def _article(gold: GoldArticle, split_dir: Path) -> Article:
    """The article with the whole text as its body: the annotations cover all of it, the
    headline line too, so nothing is split off (the file name stands for the title)."""
    origin = str(split_dir / "text" / f"{gold.name}.txt")
    article = build_article(gold.text, origin, {"id": gold.name, "title": gold.name}, split=False)
    body_start = article.sections.get("body", (-1, 0))[0]
    if body_start != len(article.text) - len(article.text.lstrip()):
        raise InputError(origin, f"the body starts at {body_start}, not at the start of the text")
    return article


def offset_map(raw: str) -> list[int]:
    """Raw offset -> offset in the normalised text (BOM removed, CR LF and CR made LF)."""
    mapping, position, i = [], 0, 0
    if raw.startswith("\ufeff"):
        mapping.append(0)
        i = 1
    while i < len(raw):
        mapping.append(position)
        if raw[i] == "\r" and raw[i + 1 : i + 2] == "\n":
            mapping.append(position)
            i += 1
        position += 1
        i += 1
    mapping.append(position)
    return mapping


def gold_items(gold: GoldArticle, tokens: Tokens, text: str, cue_words: CueWords | None = None) -> list[Item]:
    mapping = offset_map(gold.text)
    last = len(mapping) - 1

    def mapped(ranges: Ranges) -> Ranges:
        return tuple((mapping[min(a, last)], mapping[min(b, last)]) for a, b in ranges)

    items = []
    for attribution in gold.attributions:
        content = mapped(attribution.content)
        words = tokens.within(content)
        if words:
            snippet = " | ".join(text[a:b] for a, b in content)
            lexical = cue_words.has_cue(mapped(attribution.cue)) if cue_words else True
            items.append(Item(words, mapped(attribution.source), snippet, _quoted(snippet), lexical=lexical))
    return items


class CueWords:
    """Which words of an article are cue-lexicon words (by lemma or form), by offset."""

    def __init__(self, analysis: Analysis, heads: frozenset[str]) -> None:
        self.offsets = sorted(
            token.idx + section_doc.offset
            for section_doc in analysis.docs
            for token in section_doc.doc
            if token.lemma_.lower() in heads or token.lower_ in heads
        )

    def has_cue(self, ranges: Ranges) -> bool:
        return any(bisect_left(self.offsets, a) < bisect_left(self.offsets, b) for a, b in ranges)


def _quoted(text: str) -> bool:
    return text.lstrip()[:1] in "“\"‘'"


def predicted_items(analysis: Analysis, tokens: Tokens) -> list[Item]:
    """One item per cue (quotes sharing a cue united), else per quote; quotes and the other
    attributed contents (``attributions``: accusations, stances, outlet reports) alike."""
    groups: dict[Any, list[Quote]] = {}
    contents = sorted([*analysis.quotes, *analysis.attributions], key=lambda q: q.start)
    for n, quote in enumerate(contents):
        key = ("cue", quote.cue.start) if quote.cue is not None else ("quote", n)
        groups.setdefault(key, []).append(quote)
    items = []
    for quotes in groups.values():
        words = tokens.within(tuple((q.start, q.end) for q in quotes))
        first = quotes[0]
        source = _source(analysis, first)
        speaker = (
            first.speaker.text if first.speaker else (f"[{first.reported_by}]" if first.reported_by else None)
        )
        text = " | ".join(q.text for q in quotes)
        items.append(Item(words, source, text, first.direct, speaker))
    return items


def _source(analysis: Analysis, quote: Quote) -> Ranges:
    if quote.speaker is not None:
        return ((quote.speaker.start, quote.speaker.end),)
    if quote.reported_by is None:
        return ()
    anchor = quote.cue.start if quote.cue is not None else quote.start
    for cited in analysis.cited_sources:
        if cited.name == quote.reported_by and cited.mentions:
            nearest = min(cited.mentions, key=lambda m: abs(m.start - anchor))
            return ((nearest.start, nearest.end),)
    return ()


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def match(predicted: list[Item], gold: list[Item], threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs (predicted index, gold index), greedy by descending Jaccard."""
    pairs = []
    for p, item in enumerate(predicted):
        for g, other in enumerate(gold):
            if item.tokens & other.tokens:
                score = jaccard(item.tokens, other.tokens)
                if score >= threshold:
                    pairs.append((score, p, g))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_p, used_g, chosen = set(), set(), []
    for _score, p, g in pairs:
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            chosen.append((p, g))
    return chosen


def overlaps(a: Ranges, b: Ranges) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


class Scores:
    """Counts over all articles, and the errors to list."""

    def __init__(self) -> None:
        self.content, self.strict, self.lenient, self.attributed = PRF(), PRF(), PRF(), PRF()
        self.recall_quoted, self.recall_reported, self.recall_lexical = PRF(), PRF(), PRF()
        self.heads = frozenset(load_quote_lexicon().by_head)
        self.precision_direct, self.precision_indirect = PRF(), PRF()
        self.speaker_right = self.speaker_total = self.no_source = 0
        self.misses: list[dict[str, Any]] = []
        self.false_alarms: list[dict[str, Any]] = []
        self.wrong_speakers: list[dict[str, Any]] = []

    def add(self, gold_article: GoldArticle, analysis: Analysis) -> None:
        text = analysis.article.text
        tokens = Tokens(text)
        gold = gold_items(gold_article, tokens, text, CueWords(analysis, self.heads))
        predicted = predicted_items(analysis, tokens)
        pairs = match(predicted, gold, THRESHOLD)
        _count(self.content, pairs, predicted, gold)
        _count(self.strict, match(predicted, gold, 1.0), predicted, gold)
        _count(self.lenient, match(predicted, gold, 1e-9), predicted, gold)
        matched_p = {p for p, _ in pairs}
        matched_g = {g for _, g in pairs}
        for g, item in enumerate(gold):
            found = PRF(tp=int(g in matched_g), fn=int(g not in matched_g))
            (self.recall_quoted if item.direct else self.recall_reported).add(found)
            if item.lexical:
                self.recall_lexical.add(found)
        for p, item in enumerate(predicted):
            (self.precision_direct if item.direct else self.precision_indirect).add(
                PRF(tp=int(p in matched_p), fp=int(p not in matched_p))
            )
        self._sources(gold_article.name, pairs, predicted, gold, text)
        name = gold_article.name
        self.misses += [_error(name, "missed", gold[g]) for g in range(len(gold)) if g not in matched_g]
        self.false_alarms += [
            _error(name, "false alarm", predicted[p]) for p in range(len(predicted)) if p not in matched_p
        ]

    def _sources(
        self, name: str, pairs: list[tuple[int, int]], predicted: list[Item], gold: list[Item], text: str
    ) -> None:
        right = 0
        for p, g in pairs:
            if not gold[g].source:
                self.no_source += 1
                right += int(not predicted[p].source)
                continue
            self.speaker_total += 1
            if overlaps(predicted[p].source, gold[g].source):
                self.speaker_right += 1
                right += 1
            else:
                gold_source = " | ".join(text[a:b] for a, b in gold[g].source)
                self.wrong_speakers.append(
                    {**_error(name, "wrong speaker", predicted[p]), "gold_speaker": gold_source}
                )
        self.attributed.tp += right
        self.attributed.fp += len(predicted) - right
        self.attributed.fn += len(gold) - right

    def report(self, data: Path, options: EvalOptions, documents: int, seconds: float) -> EvalReport:
        accuracy = self.speaker_right / self.speaker_total if self.speaker_total else 0.0
        rows = {
            f"content (Jaccard >= {THRESHOLD})": self.content,
            "content (exact tokens)": self.strict,
            "content (any overlap)": self.lenient,
            "content + source": self.attributed,
            "recall: quoted gold": self.recall_quoted,
            "recall: unquoted gold": self.recall_reported,
            "recall: gold with a lexicon cue": self.recall_lexical,
            "precision: direct quotes": self.precision_direct,
            "precision: reported speech": self.precision_indirect,
        }
        title = f"Quotes on PolNeAR {options.split} ({documents} articles, {data})"
        text = prf_table(rows, title) + (
            f"\nspeaker accuracy on matched contents with a gold source: {accuracy:.3f}"
            f" ({self.speaker_right}/{self.speaker_total}); matched gold without a source: {self.no_source}"
            f"\n{seconds:.1f} s"
        )
        metrics = {
            "documents": documents,
            "split": options.split,
            "match": f"token Jaccard >= {THRESHOLD}, one-to-one greedy",
            **{key: value.as_dict() for key, value in zip(_KEYS, rows.values(), strict=True)},
            "speaker_accuracy": round(accuracy, 4),
            "speaker_right": self.speaker_right,
            "speaker_total": self.speaker_total,
            "seconds": round(seconds, 1),
        }
        return EvalReport("quotes", str(data), metrics, text, self._errors(options.errors))

    def _errors(self, count: int) -> list[dict[str, Any]]:
        if count <= 0:
            return []
        by_size = lambda e: -e["words"]  # noqa: E731
        return (
            sorted(self.misses, key=by_size)[:count]
            + sorted(self.false_alarms, key=by_size)[:count]
            + self.wrong_speakers[:count]
        )


_KEYS = (
    "content", "content_strict", "content_lenient", "content_source",
    "recall_quoted", "recall_unquoted", "recall_lexicon_cue", "precision_direct", "precision_reported",
)  # fmt: skip


def _count(scores: PRF, pairs: list[tuple[int, int]], predicted: list[Item], gold: list[Item]) -> None:
    scores.tp += len(pairs)
    scores.fp += len(predicted) - len(pairs)
    scores.fn += len(gold) - len(pairs)


def _error(document: str, kind: str, item: Item) -> dict[str, Any]:
    return {
        "document": document,
        "kind": kind,
        "text": item.text[:300],
        "speaker": item.speaker,
        "words": len(item.tokens),
    }
