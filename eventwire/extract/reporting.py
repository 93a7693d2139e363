"""From statements to :class:`~eventwire.models.Quote` records: speakers, outlets, cited sources.

Statements are taken in text order, so that a pronoun finds the speakers before it and a
"reportedly" finds the outlet cited last. An outlet is ``reported_by`` (and a cited
source, never the speaker) when it is, in the cue's sentence:

* the subject of the cue ("Reuters reported that ..."; the content then has no speaker and
  is a ``report``, never a quote), or the object of "according to" ("..., according to
  the Times");
* the one that quotes ("Reuters quoted X as saying") or is told ("X told Reuters");
* the object of "to"/"with" next to a cue or a word like interview ("said in an interview
  with CNN").

A speaker phrase that names an outlet by what it is ("state media", "the news agency")
makes the content a ``report`` too; "the news agency" is the outlet cited last before it,
and a name the knowledge base lacks but that ends in "News" ("Fresh News") is cited itself.

Otherwise a quote takes the outlet of the statement it continues, of the outlet report it
sits inside ("ISIS accuses Hamas ..., Reuters reported"), or, when its sentence says
"reportedly", the outlet cited last before it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.extract.attribution import clause_bounds
from eventwire.extract.span_index import SpanIndex
from eventwire.extract.speakers import (
    Outlet,
    Person,
    SpeakerLinker,
    is_media,
    is_pronoun,
    is_publication,
    named_apposition,
    people_of,
    person_like,
    phrase_range,
)
from eventwire.models import Analysis, CitedSource, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.extract.attribution import Attribution
    from eventwire.extract.quote_lexicon import QuoteLexicon
    from eventwire.extract.quotes import Statement

_CITING_PREPS = frozenset({"to", "with"})
_CITING_NOUNS = frozenset({"interview", "statement", "remarks", "comments", "email", "call", "broadcast"})


class _Article:
    """What building one article's quotes keeps track of; outlets and citations are searched
    by offset (walking them for every statement made long articles quadratic)."""

    def __init__(self, analysis: Analysis, people: list[Person], outlets: list[Outlet], reports: int) -> None:
        self.analysis = analysis
        self.people = people
        self.outlets = SpanIndex(outlets, lambda o: (o.start, o.end))
        ends = [o.end for o in outlets]
        self.outlet_ends = ends if all(a <= b for a, b in zip(ends, ends[1:], strict=False)) else None
        self.cited: dict[str, CitedSource] = {}
        self.mentioned: dict[str, set[tuple[int, int]]] = {}  # each cited source's mention spans
        self.citations: list[tuple[int, str]] = []  # (offset, outlet name), in order
        self.reports = _Reports(reports)

    def cite(self, outlet: Outlet) -> str:
        source = self.cited.get(outlet.name)
        if source is None:
            source = self.cited[outlet.name] = CitedSource(outlet.name, outlet.actor)
        spans = self.mentioned.setdefault(outlet.name, set())
        if (outlet.start, outlet.end) not in spans:  # a span's text is the article's text there
            spans.add((outlet.start, outlet.end))
            span = Span(self.analysis.article.text[outlet.start : outlet.end], outlet.start, outlet.end)
            insort(source.mentions, span, key=lambda s: s.start)
        insort(self.citations, (outlet.start, outlet.name))
        return outlet.name

    def outlet_in(self, start: int, end: int) -> Outlet | None:
        return self.outlets.first_overlapping(start, end)

    def last_cited(self, before: int) -> str | None:
        earlier = bisect_left(self.citations, (before, ""))
        if earlier:
            return self.citations[earlier - 1][1]
        named = self._last_ending_by(before)
        return self.cite(named) if named is not None else None

    def _last_ending_by(self, offset: int) -> Outlet | None:
        """The last outlet (in text order) that ends by ``offset``."""
        outlets = self.outlets.items
        if self.outlet_ends is not None:
            last = bisect_right(self.outlet_ends, offset)
            return outlets[last - 1] if last else None
        named = [o for o in outlets if o.end <= offset]
        return named[-1] if named else None


class _Reports:
    """The outlet reports built so far (quotes with an outlet and no speaker), to find the
    last one holding an offset: a max-tree over their ends, in the order they were built."""

    def __init__(self, capacity: int) -> None:
        self.size = 1
        while self.size < capacity:
            self.size *= 2
        self.ends = [-1] * (2 * self.size)  # the furthest end under each node
        self.starts: list[int] = []
        self.names: list[str] = []
        self.ordered = True  # built in order of start (statements are taken in text order)

    def add(self, quote: Quote) -> None:
        if not quote.reported_by or quote.speaker is not None:
            return
        if self.starts and quote.start < self.starts[-1]:
            self.ordered = False
        node = self.size + len(self.starts)
        self.starts.append(quote.start)
        self.names.append(quote.reported_by)
        while node:
            self.ends[node] = max(self.ends[node], quote.end)
            node //= 2

    def holding(self, offset: int) -> str | None:
        """The name of the last report built with ``start <= offset < end``."""
        if not self.ordered:
            ends = self.ends[self.size : self.size + len(self.starts)]
            held = [i for i, (s, e) in enumerate(zip(self.starts, ends, strict=True)) if s <= offset < e]
            return self.names[held[-1]] if held else None
        last = bisect_right(self.starts, offset) - 1
        found = self._last_beyond(1, 0, self.size, last, offset)
        return self.names[found] if found >= 0 else None

    def _last_beyond(self, node: int, low: int, high: int, last: int, offset: int) -> int:
        """The last leaf ``<= last`` under ``node`` (leaves ``[low, high)``) ending after ``offset``."""
        if low > last or self.ends[node] <= offset:
            return -1
        if high - low == 1:
            return low
        middle = (low + high) // 2
        found = self._last_beyond(2 * node + 1, middle, high, last, offset)
        return found if found >= 0 else self._last_beyond(2 * node, low, middle, last, offset)


class QuoteBuilder:
    """Turns one article's statements into quotes and cited sources."""

    def __init__(self, linker: SpeakerLinker, lexicon: QuoteLexicon) -> None:
        self.linker = linker
        self.lexicon = lexicon

    def build(
        self, analysis: Analysis, statements: list[Statement], outlets: list[Outlet] | None = None
    ) -> tuple[list[Quote], list[CitedSource]]:
        """The statements' quotes, and the sources they cite; ``outlets``: the article's
        (:meth:`SpeakerLinker.outlets`), when the caller read them already."""
        if not statements:
            return [], []
        quoted = [(s.start + s.doc.offset, s.end + s.doc.offset) for s in statements if s.direct]
        inside = SpanIndex(quoted, lambda span: span)
        people = [p for p in people_of(analysis) if not inside.overlapping(p.start, p.start + 1)]
        outlets = self.linker.outlets(analysis) if outlets is None else outlets
        article = _Article(analysis, people, outlets, len(statements))  # "he": never a name he quotes
        made: dict[int, Quote] = {}
        quotes: list[Quote] = []
        for statement in statements:
            quote = self._quote(article, statement, made)
            if quote.speaker is None and quote.reported_by is not None:
                quote.kind = "report"  # the outlet's own account, not a quote of anyone
            made[id(statement)] = quote
            quotes.append(quote)
            article.reports.add(quote)
        sources = sorted(article.cited.values(), key=lambda s: s.mentions[0].start if s.mentions else 0)
        return quotes, sources

    def _quote(self, article: _Article, statement: Statement, made: dict[int, Quote]) -> Quote:
        offset = statement.doc.offset
        start, end = statement.start + offset, statement.end + offset
        text = article.analysis.article.text
        quote = Quote(
            text[start:end],
            start,
            end,
            statement.direct,
            section=statement.doc.section,
            kind=statement.kind,
            in_clause=statement.in_clause,
        )
        attribution = statement.attribution
        if attribution is None:
            previous = made.get(id(statement.follows)) if statement.follows is not None else None
            if previous is not None:
                quote.speaker = replace(previous.speaker) if previous.speaker else None
                quote.cue, quote.reported_by = previous.cue, previous.reported_by
            return quote
        cue_end = attribution.cue.doc[attribution.cue_end - 1]
        cue_start = attribution.cue.idx + offset
        quote.cue = Span(
            text[cue_start : cue_end.idx + len(cue_end) + offset],
            cue_start,
            cue_end.idx + len(cue_end) + offset,
        )
        self._speaker(article, quote, attribution, offset)
        if quote.reported_by is None:
            quote.reported_by = self._outlet_around(article, quote, attribution, offset)
        if quote.reported_by is None:
            quote.reported_by = _inside_report(quote, article.reports)
        if quote.reported_by is None and self._hedged(attribution, quote, offset):
            quote.reported_by = article.last_cited(cue_start)
        return quote

    def _speaker(self, article: _Article, quote: Quote, attribution: Attribution, offset: int) -> None:
        head = attribution.speaker
        if head is None:
            return
        begin, finish = _char_range(head, offset)
        outlet = article.outlet_in(begin, finish)
        if outlet is not None and _outlet_speaks(head, outlet, offset):
            quote.reported_by = article.cite(outlet)  # an outlet reports; it is not the speaker
            return
        if is_media(head) or is_publication(head):
            quote.kind = "report"  # "state media reported", "the news agency said": an outlet
            if any(c.lower_ == "the" for c in head.children):
                quote.reported_by = article.last_cited(begin)  # "the news agency": the one named before
            elif head.pos_ == "PROPN":  # "Fresh News reported": an outlet by its name
                name = article.analysis.article.text[begin:finish]
                quote.reported_by = article.cite(Outlet(name, None, begin, finish))
            if quote.reported_by is not None:
                return
        quote.speaker = self.linker.mention(article.analysis, head, offset, article.people)
        if person_like(head) and not is_pronoun(head):
            named = named_apposition(head)  # "The regional governor, Oleh Kiper, said": "he" is Kiper
            if named is not None:
                begin, finish = _char_range(named, offset)
            insort(article.people, Person(begin, finish, True), key=lambda p: p.start)

    def _outlet_around(
        self, article: _Article, quote: Quote, attribution: Attribution, offset: int
    ) -> str | None:
        """An outlet in a citing role in the cue's sentence (see the module docstring)."""
        for token in (attribution.reporter, attribution.hearer):
            if token is not None:
                outlet = article.outlet_in(*_char_range(token, offset))
                if outlet is not None:
                    return article.cite(outlet)
        doc = attribution.cue.doc
        first, last = clause_bounds(attribution.cue)
        low, high = doc[first].idx + offset, doc[last - 1].idx + len(doc[last - 1]) + offset
        speaker = quote.speaker
        for outlet in article.outlets.starting_in(low, high):
            if quote.start <= outlet.start < quote.end:
                continue
            if speaker is not None and speaker.start <= outlet.start < speaker.end:
                continue
            span = attribution.cue.doc.char_span(
                outlet.start - offset, outlet.end - offset, alignment_mode="expand"
            )
            if span is not None and self._citing(span.root):
                return article.cite(outlet)
        return None

    def _citing(self, token: Token) -> bool:
        """The outlet's token is the subject of a cue, or the object of according to/told/to/with."""
        head = token.head
        if token.dep_ in ("nsubj", "dobj", "dative") and self.lexicon.match(head) is not None:
            return True
        if token.dep_ != "pobj" or head.lower_ not in _CITING_PREPS:
            return False
        governor = head.head
        return (
            governor.lower_ == "according"
            or governor.lemma_.lower() in _CITING_NOUNS
            or (self.lexicon.match(governor) is not None)
        )

    def _hedged(self, attribution: Attribution, quote: Quote, offset: int) -> bool:
        """ "reportedly" (a hedge cue) in the cue's sentence, outside what is quoted."""
        first, last = clause_bounds(attribution.cue)
        doc = attribution.cue.doc
        words = self.lexicon.hedge_words(doc)
        for i in words[bisect_left(words, first) : bisect_left(words, last)]:
            token = doc[i]
            if quote.start <= token.idx + offset < quote.end:
                continue
            cue = self.lexicon.match(token)
            if cue is not None and cue.frame == "hedge":
                return True
        return False


def _outlet_speaks(head: Token, outlet: Outlet, offset: int) -> bool:
    """An outlet in the speaker's phrase speaks for it ("Reuters said", "the Reuters news
    agency", "a Reuters witness", "the Spanish-language channel of CNN"), unless the head
    is a name of its own the outlet only describes, or that a dateline runs into ("Al
    Jazeera's Hashem Ahelbarra said", "LAGOS (Reuters) - Ghana said"): its speaker."""
    if outlet.start <= head.idx + offset < outlet.end or is_media(head) or is_publication(head):
        return True
    return not (head.ent_type_ or head.pos_ == "PROPN")


def _char_range(head: Token, offset: int) -> tuple[int, int]:
    start, end = phrase_range(head)
    span = head.doc[start:end]
    return span.start_char + offset, span.end_char + offset


def _inside_report(quote: Quote, reports: _Reports) -> str | None:
    """The outlet of the last outlet report whose content holds this quote's cue."""
    if quote.cue is None:
        return None
    return reports.holding(quote.cue.start)
