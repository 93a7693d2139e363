"""Reported speech around events: who says it, inside which quote, reported by which outlet.

An event stated inside a direct quote in the first person ("We will uproot ...") belongs
to the quote's speaker. The quote comes from ``analysis.quotes`` (the quotes stage) when
it covers the trigger; otherwise, in a sentence with quotation marks, the speaker is the
subject of the speech verb the quoted clause depends on ("..., a masked ISIS militant
reportedly says"). The outlet an event is reported by is the quote's ``reported_by``, or
a media actor that is the subject of the sentence's speech verb ("the New York Times
reported") or the object of "according to".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING

from eventwire.extract.event_patterns import explicit_subject, phrase_bounds
from eventwire.models import Analysis, Mention, Quote
from eventwire.nlp.candidates import QUOTE_MARKS
from eventwire.nlp.columns import columns, ids
from eventwire.nlp.tree import children

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.extract.event_lexicon import SentenceWords
    from eventwire.resolve.actors import ActorResolver

FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "ours", "myself", "ourselves"})
_WE = frozenset({"we", "us", "our", "ours", "ourselves"})
(_VERB,) = ids(("VERB",))  # string ids, as the Doc's columns hold them
(_ACCORDING,) = ids(("according",))


class DirectQuotes:
    """An article's direct quotes by offset, built once per article: :meth:`quote_at` and
    :meth:`speaker_at` bisect (walking every quote for every event made long articles
    quadratic)."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self.order = sorted((i for i, q in enumerate(quotes) if q.direct), key=lambda i: quotes[i].start)
        self.starts = [quotes[i].start for i in self.order]
        self.longest = max([0, *(quotes[i].end - quotes[i].start for i in self.order)])
        # the resolved speakers' phrases, by start: '"...," [the statement] said'
        said = [(quotes[i].speaker, i) for i in self.order]
        self.spoken = sorted(((m, i) for m, i in said if m is not None and m.actor), key=lambda p: p[0].start)
        self.speaker_starts = [m.start for m, _ in self.spoken]
        self.longest_speaker = max([0, *(m.end - m.start for m, _ in self.spoken)])

    def quote_at(self, offset: int) -> int | None:
        """Index of the (first) direct quote whose text covers ``offset``, if any."""
        low, high = bisect_left(self.starts, offset - self.longest + 1), bisect_right(self.starts, offset)
        covering = [i for i in self.order[low:high] if offset < self.quotes[i].end]
        return min(covering, default=None)

    def in_quote(self, offset: int) -> Callable[[Token], bool]:
        """Whether a token of a section starting at article ``offset`` lies in a direct quote."""
        return lambda token: self.quote_at(token.idx + offset) is not None

    def speaker_at(self, offset: int) -> Mention | None:
        """The resolved speaker of the (first) direct quote whose speaker phrase covers ``offset``."""
        low = bisect_left(self.speaker_starts, offset - self.longest_speaker + 1)
        high = bisect_right(self.speaker_starts, offset)
        covering = [(i, m) for m, i in self.spoken[low:high] if offset < m.end]
        return min(covering, key=lambda c: c[0])[1] if covering else None


def first_person(token: Token | None) -> bool:
    """'we', 'I', or a phrase owned by us ("our creeping multitudes")."""
    if token is None:
        return False
    if _we(token):
        return True
    return any(_we(token.doc[i]) for i, dep, _ in children(token) if dep == "poss")


def first_person_plural(token: Token | None) -> bool:
    """ "we", "us" or a phrase owned by us ("our tanks"): a speaker talking for a group, not
    for themself ("I")."""
    if token is None:
        return False
    if _we(token) and token.lower_ in _WE:
        return True
    return any(lower in _WE and _we(token.doc[i]) for i, dep, lower in children(token) if dep == "poss")


def _we(token: Token) -> bool:
    """A first-person pronoun, not "US" the country."""
    text = token.text
    return token.lower_ in FIRST_PERSON and not (len(text) > 1 and text.isupper() and token.pos_ != "PRON")


def speech_subject(token: Token, speech: frozenset[str]) -> Token | None:
    """Subject of the speech verb outside the quotation marks of the trigger's sentence."""
    sent = token.sent
    quoted, inside = set(), False
    for t in sent:
        if t.text in QUOTE_MARKS:
            inside = not inside
        elif inside:
            quoted.add(t.i)
    if not quoted or token.i not in quoted:
        return None
    for t in sent:
        if t.i not in quoted and t.pos_ == "VERB" and t.lemma_.lower() in speech:
            subject = explicit_subject(t)
            if subject is not None and subject.i not in quoted:
                return subject
    return None


def reporter(
    analysis: Analysis, words: SentenceWords, offset: int, resolver: ActorResolver, speech: frozenset[str]
) -> str | None:
    """Name of the media outlet the sentence's claims are attributed to, if any (``words``:
    the sentence's; each word is tested on the Doc's columns, a Token built only for a verb of
    speech or "according")."""
    sent = words.sent
    cols = columns(sent.doc)
    strings = sent.doc.vocab.strings
    for i in range(sent.start, sent.end):
        subject = None
        if cols.pos[i] == _VERB and strings[cols.lemma[i]].lower() in speech:  # the cheaper test first
            subject = explicit_subject(words.token(i))
        elif cols.lower[i] == _ACCORDING:
            token = words.token(i)
            to = next((c for c in token.children if c.lower_ == "to"), None)
            subject = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if subject is None:
            continue
        start, end = phrase_bounds(subject)
        mention = resolver.link(analysis, start + offset, end + offset, head=subject.idx + offset)
        record = resolver.kb.get(mention.actor or "")
        if record is not None and record.kind == "media":
            return record.name
    return None
