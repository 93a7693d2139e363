"""More fillers for the argument ranker than the names the resolver linked.

The resolver's hits are names, so a side the text gives by a pronoun or a description
("they", "the gunmen") reached the ranker only as the rules' choice. Here the **referring
phrases** of the trigger's sentence (a third-person pronoun, a noun with a definite
determiner) are linked as the rules link a side
(:meth:`~eventwire.extract.event_actors.ArgumentLinker.link`: "the rebels said [they] ..."
is the rebels, "[the gunmen]" the armed group named before), and kept when they resolve to
one actor (a description: to one the knowledge base knows, as an unknown role is a new
phrase, not a reference back); the ones nearest the trigger first, a few at most, linked
once per event.

(The actors of the sentence before, offered to an empty side, were tried: out of fold on
train they cost event precision, 0.693 -> 0.682, for no triple gained.)
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

import numpy

from eventwire.extract.event_actors import PRONOUNS, ArgumentLinker
from eventwire.extract.event_patterns import phrase_bounds
from eventwire.models import Analysis, Mention, known_actor_id
from eventwire.nlp.bounds import heads
from eventwire.nlp.columns import ids
from eventwire.nlp.per_doc import PerDoc

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from eventwire.nlp import SectionDoc

_DEFINITE = frozenset({"the", "this", "these", "those"})
# the same words and labels as string ids, as a Doc's columns hold them (eventwire.nlp.columns)
_PRONOUN_IDS = ids(PRONOUNS)
_DEFINITE_IDS = ids(_DEFINITE)
(_DET_ID,) = ids(["det"])
(_COMPOUND_ID,) = ids(["compound"])
MAX_REFERRING = 4  # nearest the trigger: a far pronoun is rarely an argument

# Doc -> indices of its referring words, each dropped with its Doc.
_REFERRING: PerDoc[list[int]] = PerDoc()


def referring_words(doc: Doc) -> list[int]:
    """Indices of the Doc's referring words, in order: a third-person pronoun (``PRONOUNS``,
    tagged PRON), or a common noun, not a compound's modifier, with a definite determiner
    ("the", "this", "these", "those") among its dependents. Read once per Doc from its
    POS, DEP, LOWER and HEAD columns, compared as string ids (a lower-case form's id is the
    id of the word it spells): testing each word of each sentence with an event built a
    spaCy Token per word and per dependent, and a string per distinct word cost most of the
    rest."""
    found = _REFERRING.get(doc)
    if found is None:
        found = _REFERRING[doc] = _referring_words(doc) if len(doc) else []
    return found


def _referring_words(doc: Doc) -> list[int]:
    from spacy.attrs import DEP, LOWER, POS
    from spacy.symbols import NOUN, PRON

    table = doc.to_array([POS, DEP, LOWER])
    pos, dep, lower = table[:, 0], table[:, 1], table[:, 2]
    present = set(lower.tolist())
    pronouns = [h for h in _PRONOUN_IDS if h in present]
    articles = [h for h in _DEFINITE_IDS if h in present]
    index = numpy.arange(len(doc))
    head = numpy.asarray(heads(doc))
    is_det = (dep == _DET_ID) & _any_of(lower, articles) & (head != index)
    definite = numpy.zeros(len(doc), dtype=bool)
    definite[head[is_det]] = True
    pronoun = (pos == PRON) & _any_of(lower, pronouns)
    described = (pos == NOUN) & (dep != _COMPOUND_ID) & definite
    return numpy.flatnonzero(pronoun | described).tolist()


def _any_of(column: numpy.ndarray, ids: list[int]) -> numpy.ndarray:
    """Where ``column`` holds one of a few ``ids`` (``numpy.isin`` sorts: slower for so few)."""
    found = numpy.zeros(len(column), dtype=bool)
    for h in ids:
        found |= column == h
    return found


def referring_mentions(
    analysis: Analysis, section_doc: SectionDoc, sent: SpacySpan, trigger: Token, linker: ArgumentLinker,
    links: dict[tuple[int, int], Mention | None] | None = None,
    phrases: dict[tuple[int, int], list[Token]] | None = None,
) -> list[Mention]:  # fmt: skip
    """The referring phrases of ``sent`` that the rules' linker resolves to one actor,
    nearest ``trigger`` first; phrases that hold a name are left to the name's own hit.
    ``links``: each phrase's reading, kept for the article's other events (the reading does
    not depend on the event); ``phrases``: each sentence's referring words, kept for the
    other events of the sentence (a scan of the sentence per event built a Token per word)."""
    key = (id(section_doc), sent.start)
    referring = phrases.get(key) if phrases is not None else None
    if referring is None:
        indices = referring_words(sent.doc)
        doc, end = sent.doc, bisect_left(indices, sent.end)
        referring = [doc[i] for i in indices[bisect_left(indices, sent.start) : end]]
        if phrases is not None:
            phrases[key] = referring
    tokens = [t for t in referring if t.i != trigger.i]
    tokens.sort(key=lambda t: abs(t.i - trigger.i))
    out: list[Mention] = []
    for token in tokens[:MAX_REFERRING]:
        key = (id(section_doc), token.i)
        if links is not None and key in links:
            found = links[key]
        else:
            found = _reading(analysis, section_doc, token, linker)
            if links is not None:
                links[key] = found
        if found is not None:
            out.append(found)
    return out


def _reading(
    analysis: Analysis, section_doc: SectionDoc, token: Token, linker: ArgumentLinker
) -> Mention | None:
    """The one actor a referring phrase stands for, or None."""
    start, end = phrase_bounds(token)
    offset = section_doc.offset
    if token.pos_ == "NOUN" and linker.resolver.hits_within(analysis, start + offset, end + offset):
        return None
    linked = linker.link(analysis, section_doc, token, set())
    if len(linked) != 1 or linked[0].actor is None:  # a pair is the rules' to code (several pairs)
        return None
    if token.pos_ == "NOUN" and known_actor_id(linked[0].actor) is None:
        return None  # "the president" as an unknown role is a new phrase, not a reference back
    return linked[0]
