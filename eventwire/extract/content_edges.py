"""Where a reported content ends: what the writer adds after what was said is cut off.

:func:`content_edges` trims one token range of reported content (:mod:`.attribution`):

* a coordinated attribution: "A said [B did X] and C accused D of Y", and the speaker's
  next act: "A said [the government had failed] and called for an inquiry", "A said [B
  did X], and said C";
* a trailing aside on the last noun: "... helped Clinton, who does not need ...", "... no
  charges, a recommendation the minister adopted" (a description of a name stays: "...
  detained Lazhar Akremi, a political activist"; and before the cue, "..., he said", all
  is what was said);
* a trailing clause or phrase after a comma that brings in another source or the cue's own
  circumstances: "..., adding that ..." (the cue's speaker goes on: a statement of its
  own), "..., according to the Times", "..., though he did not say whether ...", "...,
  after Israel announced it had approved plans" (a clause with a cue and a subject of
  its own), "..., in a televised speech".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from eventwire.extract.quote_lexicon import ACT_KINDS
from eventwire.nlp.columns import columns, ids

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from eventwire.extract.quote_lexicon import Cue

Range = tuple[int, int]
IsCue = Callable[["Token"], bool]
CueOf = Callable[["Token"], "Cue | None"]

_ASIDE_DEPS = frozenset({"relcl", "appos"})
_KEEP_END = frozenset({"”", '"', "’", "?", "!", ")"})
# the same words as string ids, for the Doc's columns (eventwire.nlp.columns)
_ASIDE_IDS = ids(_ASIDE_DEPS)
_KEEP_END_IDS = ids(_KEEP_END)
(_CONJ_ID,) = ids(["conj"])
_LEADING_IDS = ids(["and", "but"])
_BREAK_IDS = ids([",", "—", "–", ";"])
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Nouns for the occasion of a statement: "..., in a televised speech", "..., in an interview".
_OCCASIONS = frozenset(
    {"speech", "statement", "interview", "address", "post", "tweet", "video", "message", "letter",
     "briefing", "conference", "remarks", "broadcast", "email", "call"}
)  # fmt: skip


def content_edges(doc: Doc, span: Range, cue_of: CueOf, cue: int = -1) -> Range | None:
    """The span without what the writer adds after what was said (see the module docstring).
    A stance inside what was said is part of it ("said she would support A and B"), and a
    cue that only introduces quotations ("continue") states nothing of its own. Content
    before its cue (token index ``cue``) ends where the cue's phrase begins, so it has no
    trailing aside: "Troops chased the attackers, most of whom got away, he said"."""

    def states(token: Token) -> bool:
        cue = cue_of(token)
        return cue is not None and cue.kind != "stance" and cue.frame != "direct"

    said = doc[cue].lemma_ if cue >= 0 else None

    def goes_on(token: Token) -> bool:
        """The speaker's next act, the same cue again after a comma ("said A, and said B"),
        or another statement of the speaker (not "said Machado promised A and said B": Machado's)."""
        entry = cue_of(token)
        if entry is None:
            return False
        again = token.lemma_ == said and token.i > 1 and doc[token.i - 2].text == ","
        return entry.kind in ACT_KINDS or again or says_next(token, entry, cue)

    def cites(token: Token) -> bool:
        cue = cue_of(token)
        return cue is not None and cue.frame != "direct"

    nested = before_nested(doc, span, states, goes_on)
    aside = nested if span[1] <= cue else before_aside(doc, nested)
    return before_other_source(doc, aside, cites, states)


def says_next(token: Token, entry: Cue, cue: int) -> bool:
    """ "said [roads should be reopened] and suggested that ...": a cue with no subject
    that the parser joined to the reported clause's verb, saying a clause of its own, is
    the speaker's next statement (its speaker is the first cue's: :mod:`.attribution`)."""
    if entry.kind == "stance" or entry.frame == "direct" or cue < 0:
        return False
    clause = token.head
    if clause.dep_ != "ccomp" or clause.head.i != cue or token.tag_ != clause.head.tag_:
        return False
    return any(c.dep_ == "ccomp" for c in token.children)


def trim(doc: Doc, start: int, end: int) -> Range | None:
    """The range without edge punctuation, spaces and a leading "and"/"but" (closing quotes stay)."""
    c = columns(doc)  # the Doc's columns: no spaCy Token per word tested
    punct, space = c.punct, c.space
    while start < end and (punct[start] or space[start] or c.lower[start] in _LEADING_IDS):
        start += 1
    while end > start and (punct[end - 1] or space[end - 1]) and c.orth[end - 1] not in _KEEP_END_IDS:
        end -= 1
    return (start, end) if end > start else None


def before_nested(doc: Doc, span: Range | None, is_cue: IsCue, is_act: IsCue | None = None) -> Range | None:
    """Cut "A said [B did X and C accused D of Y]" before the coordinated attribution, and
    "A said [it had failed and called for an inquiry]" before the speaker's next act
    (``is_act``; "A said [B did X, and said C]" too)."""
    if span is None:
        return None
    start, end = span
    c = columns(doc)
    dep, head = c.dep, c.head
    for i in range(start + 1, end):
        if dep[i] != _CONJ_ID or not start <= head[i] < i:
            continue
        token = doc[i]
        if not is_cue(token):
            continue
        if any(c.dep_ == "mark" for c in token.children):
            continue  # "said A and that the EU would consider B": still what was said
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None and not (is_act is not None and is_act(token)):
            continue
        cut = subject.left_edge.i if subject is not None else token.i
        while cut > start and (doc[cut - 1].dep_ == "cc" or _loose_punct(doc[cut - 1])):
            cut -= 1
        return trim(doc, start, cut) if cut > start else span
    return span


def _loose_punct(token: Token) -> bool:
    """Punctuation between two clauses, not a closing quotation mark."""
    return token.is_punct and token.text not in _KEEP_END


def before_aside(doc: Doc, span: Range | None) -> Range | None:
    """Cut a trailing aside the writer adds to what was said: "... helped Clinton, who
    does not need ...", "... no charges, a recommendation the minister adopted"."""
    if span is None:
        return None
    start, end = span
    dep = columns(doc).dep
    for i in range(start + 1, end):
        if dep[i] not in _ASIDE_IDS:
            continue
        token = doc[i]
        if token.right_edge.i < end - 2 or token.left_edge.i <= start:
            continue
        if token.dep_ == "appos" and "PROPN" in (token.head.pos_, token.pos_):
            continue  # "detained Lazhar Akremi, a political activist", "his rival, Ana Ruiz": who was named
        comma = token.left_edge.i - 1
        if doc[comma].text == "," and comma > start + 2:
            return trim(doc, start, comma)
    return span


def before_other_source(
    doc: Doc, span: Range | None, is_cue: IsCue, goes_on: IsCue | None = None
) -> Range | None:
    """Cut at the first comma after which the writer cites, goes on with the cue, or sets the
    scene: "..., adding that ...", "..., according to X", "..., though he did not say ...",
    "..., in a televised speech". A participle that goes on with the cue's speaker must state
    something (``goes_on``): "..., showing rivals outspending him" says what the numbers show,
    part of what was said."""
    if span is None:
        return None
    start, end = span
    orth = columns(doc).orth
    for comma in range(start + 2, end - 1):
        if orth[comma] not in _BREAK_IDS:
            continue
        if _another_source(doc, comma + 1, end, is_cue, goes_on or is_cue) or _occasion(doc, comma + 1, end):
            return trim(doc, start, comma)
    return span


def _another_source(doc: Doc, first: int, end: int, is_cue: IsCue, goes_on: IsCue) -> bool:
    """After the comma: "according to", a participle cue ("adding that"), or a cue with a
    subject of its own ("though he did not say", "after Israel announced it had ...")."""
    nxt = doc[first]
    if nxt.lower_ == "according":
        return True
    for token in doc[first:end]:
        if token.is_punct and token.text in (",", ";", "—", "–"):
            return False  # only the clause right after the comma
        if token.tag_ == "VBG" and token.i == first and goes_on(token):
            return not any(c.dep_ in _SUBJECTS for c in token.children)
        if is_cue(token) and any(c.dep_ in _SUBJECTS and first <= c.i < token.i for c in token.children):
            return not _said_too(token)
    return False


def _said_too(token: Token) -> bool:
    """ "said A, but that he would not support B": a clause joined to what was said and
    opened by "that" is more of it, whatever cue it holds."""
    return token.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)


def _occasion(doc: Doc, first: int, end: int) -> bool:
    """ "..., in a televised speech broadcast as ...": the occasion of saying, to the end."""
    prep = doc[first]
    if prep.lower_ != "in" or prep.right_edge.i < end - 1:
        return False
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return noun is not None and noun.lemma_.lower() in _OCCASIONS
