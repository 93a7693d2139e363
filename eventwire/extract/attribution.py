"""Cues and their arguments on spaCy's parse: who says what, by which word.

:func:`reported` finds indirect (reported) speech in one section Doc: a cue from the
lexicon outside any quotation, with its content (the clause it governs: "said (that) ...",
"accused Y of ...", the clause an "according to X" phrase modifies, the main clause of
"..., officials said") and the token naming its speaker. :func:`attribute` reads the
arguments of any cue; :mod:`.cue_search` uses it for the cues of direct quotations.

The speaker is the cue's subject, climbing through "and", "saying/adding" clauses and
relative clauses ("officials, who said"); "X quoted Y as saying" makes Y the speaker and
X the *reporter* (an outlet). Deciding who the speaker *is* happens in :mod:`.speakers`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventwire.extract.content_edges import content_edges
from eventwire.extract.content_edges import trim as _trim
from eventwire.extract.quote_lexicon import Cue, QuoteLexicon
from eventwire.extract.quotes_direct import word_count
from eventwire.nlp.bounds import clause_range, span_text, token_starts
from eventwire.nlp.candidates import QUOTE_MARKS
from eventwire.nlp.columns import columns, ids
from eventwire.nlp.tree import child_with, children

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_CLIMB = frozenset({"conj", "xcomp", "advcl", "pcomp"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "xcomp", "ccomp", "attr", "oprd", "acomp"})
_OBJECT_PREPS = frozenset({"of", "as", "for", "about", "over", "with", "to", "against"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_RELATIVE_OPENERS = frozenset({"who", "which", "whom", "whose", "where"})  # "that" may be a determiner
_EXPLETIVE = frozenset({"it", "there"})
_NOUN_PHRASE = frozenset({"NOUN", "PROPN", "ADJ", "DET", "NUM", "PART"})
_ADVERB_AUX = ids(("advmod", "aux"))  # label ids, as the Doc's columns hold them
_ASIDE_TOKENS = 16  # "Blinken, who said one of the freed prisoners was an American citizen, praised"
_NOUN_PREPS = frozenset({"of", "about", "for", "over", "against", "on", "to", "with"})
_SEEM_DEPS = frozenset({"xcomp", "acomp", "attr", "oprd"})
SENT_END = frozenset({".", "!", "?"})
MIN_CONTENT_WORDS = 2
_BARE_SAY = frozenset(
    {"say", "tell", "add", "write", "find", "respond", "reply", "maintain", "counter"}
)  # "said nothing", "wrote a book": no statement


@dataclass(slots=True)
class Attribution:
    """A cue with what the parse says about it; token indices into one Doc."""

    cue: Token
    entry: Cue
    speaker: Token | None = None  # head of the speaker's phrase
    reporter: Token | None = None  # "Reuters" of "Reuters quoted X as saying"
    hearer: Token | None = None  # "Reuters" of "X told Reuters"
    content: list[tuple[int, int]] = field(default_factory=list)  # token ranges [start, end) of what was said

    @property
    def cue_end(self) -> int:
        """Token index after the cue phrase ("according to" is two tokens)."""
        end = self.cue.i + 1
        doc = self.cue.doc
        for word in self.entry.others:
            if end < len(doc) and doc[end].lower_ == word:
                end += 1
        return end


class TokenIndex:
    """Character offset -> token index for one Doc (of ``text``), by bisection."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc = doc
        self.text = text
        self.starts = token_starts(doc)  # read once per Doc, in C: no Token per word

    def at(self, char: int) -> int:
        """Index of the token holding ``char`` (or the last one starting before it)."""
        return max(0, bisect_right(self.starts, char) - 1)


def parsed(token: Token) -> bool:
    return bool(token.dep_)


def match_cue(token: Token, lexicon: QuoteLexicon) -> Cue | None:
    """The lexicon cue this token heads, when the token was parsed and is not a hedge."""
    if not parsed(token):
        return None
    cue = lexicon.match(token)
    return cue if cue is not None and cue.frame != "hedge" else None


# ---------------------------------------------------------------- reported speech
def reported(doc: Doc, lexicon: QuoteLexicon, inside: list[tuple[int, int]]) -> list[Attribution]:
    """Every cue outside quotations (``inside``: token ranges) that governs a content clause."""
    found: list[Attribution] = []
    quoted = _Ranges(inside)
    heads = lexicon.heads(doc)  # the other tokens match no cue
    may_cue = set(heads)

    def cue_of(t: Token) -> Cue | None:
        """:func:`match_cue`, asked only of a word that may head a cue (the edges of a
        content ask it of every word after a comma)."""
        return match_cue(t, lexicon) if t.i in may_cue else None

    for i in heads:
        if quoted.count(i):
            continue
        token = doc[i]
        cue = match_cue(token, lexicon)
        if cue is None or cue.frame == "direct":
            continue
        attribution = attribute(token, cue)
        if not attribution.content or not _has_source(attribution):
            continue
        edges = (content_edges(doc, r, cue_of, token.i) for r in attribution.content)
        attribution.content = [r for r in edges if r]
        words = sum(word_count(span_text(doc, start, end)) for start, end in attribution.content)
        if words >= MIN_CONTENT_WORDS or (words == 1 and _named_object(doc, attribution)):
            found.append(attribution)
    return _without_nested_stances(found)


def _named_object(doc: Doc, att: Attribution) -> bool:
    """ "voters who support Sanders": one name is enough for what someone backs or attacks."""
    if att.entry.frame != "object" or len(att.content) != 1:
        return False
    start, end = att.content[0]
    return any(t.pos_ == "PROPN" for t in doc[start:end])


def _without_nested_stances(found: list[Attribution]) -> list[Attribution]:
    """A stance ("supports", "wants") inside what another cue reports is part of that
    statement ("He said he would support her"), not one of its own; a poll whose clause
    has a cue of its own ("In a poll, most voters said ...") is no source of it."""
    kept = []
    contents = _Ranges([r for att in found for r in att.content])
    cues = sorted(att.cue.i for att in found)
    for att in found:
        i = att.cue.i
        if att.entry.kind == "stance" and contents.count(i) > _Ranges(att.content).count(i):
            continue
        if att.entry.frame == "document" and any(
            bisect_left(cues, e) - bisect_left(cues, s) > (s <= i < e)
            for s, e in att.content  # less its own
        ):
            continue  # "In a poll, most voters said ...": the voters say it
        kept.append(att)
    return kept


def _has_source(att: Attribution) -> bool:
    """A speaker, a reporter, or a passive cue ("it was announced that"): "too early to tell" is none."""
    if att.speaker is not None or att.reporter is not None or att.entry.frame == "seem":
        return True
    if att.entry.kind == "report":
        return True
    if att.entry.kind == "stance":
        return False  # "has been viewed as a challenge": nobody's view in particular
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in att.cue.children)


def usable(token: Token, lexicon: QuoteLexicon) -> Cue | None:
    """A cue for a direct quotation: a verb or phrase with a source (never a noun, nor a
    stance without a holder: the video, addressed to the "tyrants", "has been viewed as ...")."""
    cue = match_cue(token, lexicon)
    if cue is not None and cue.frame in ("noun", "document", "seem"):
        return None
    if cue is None or cue.frame in ("according", "quote"):
        return cue
    # what :func:`attribute` reads for a verb cue, less its hearer and content: the source
    # is all this asks, and reading the content cost most of the search for a quotation's cue
    attribution = Attribution(token, cue, speaker=_speaker_of(token))
    if cue.kind == "stance" and attribution.speaker is None:
        return None
    return cue if _has_source(attribution) else None


def attribute(token: Token, cue: Cue) -> Attribution:
    """Speaker, reporter, hearer and content of one cue."""
    attribution = Attribution(token, cue)
    if cue.frame == "according":
        _according(attribution)
    elif cue.frame == "quote":
        _quote_frame(attribution)
    elif cue.frame == "seem":
        _seem(attribution)
    elif cue.frame == "noun":
        _noun(attribution)
    elif cue.frame == "document":
        _document(attribution)
    else:
        attribution.speaker = _speaker_of(token)
        attribution.hearer = _hearer(token) if cue.frame == "tell" else None
        attribution.content = _objects(token, cue) if cue.frame == "object" else _clause(token)
        if not attribution.content and cue.frame == "say" and cue.phrase not in _BARE_SAY:
            kids = [c for c in token.children if c.i > token.i and _object_like(c, cue)]
            attribution.content = _object_range(token, kids) if kids else []  # "announced his bid"
    return attribution


def clause_attribution(token: Token, cue: Cue) -> Attribution:
    """A verb read as a ``say`` cue whose content is a clause only ("X quipped that ..."):
    never its object alone, as a verb the lexicon lacks may be any transitive verb."""
    attribution = Attribution(token, cue)
    attribution.speaker = _speaker_of(token)
    attribution.content = _clause(token)
    return attribution


def _speaker_of(token: Token) -> Token | None:
    """Who speaks through a verb cue: the reporter it names, else its subject."""
    return _reporter_of(token) or subject_of(token) or surface_subject(token)


def _according(att: Attribution) -> None:
    to = next((c for c in att.cue.children if c.lower_ == "to"), None)
    if to is None and att.cue.i + 1 < len(att.cue.doc) and att.cue.nbor().lower_ == "to":
        to = att.cue.nbor()
    if to is not None:
        att.speaker = next((c for c in to.children if c.dep_ == "pobj"), None)
    head = att.cue.head
    if head.i == att.cue.i or head.dep_ == "pobj":
        return
    last = _phrase_end(att.cue, att.speaker)
    edge = _sentence_edge(att.cue, last)
    if edge is not None:
        att.content = [edge]
        return
    clause = head
    for _ in range(3):  # "A temple, according to X, was ...": the phrase hangs on the subject
        if clause.pos_ in ("VERB", "AUX") or clause.head.i == clause.i:
            break
        clause = clause.head
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    first = att.cue.left_edge.i
    if start < first and last < end:  # "A temple, according to the church, was locked down"
        pieces = [_clip(att.cue, start, first), _clip(att.cue, last, end)]
        att.content = [r for r in pieces if r]
        return
    content = _without(head, att.cue)
    clipped = _clip(att.cue, *content) if content else None
    att.content = [clipped] if clipped else []


def _phrase_end(cue: Token, source: Token | None) -> int:
    """Token index after "according to X": the phrase's subtree, or the comma after the
    source's name when the parser hung the clause's subject on it ("According to the church,
    a temple ... was locked down": "a temple" as an apposition of "church"); an apposition
    that ends the sentence names the source ("..., according to its spokesman, Sani Usman.")."""
    last = cue.right_edge.i + 1
    head = cue.head
    if source is None or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
        return last
    doc = cue.doc
    if all(t.is_punct or t.is_space for t in doc[last : clause_bounds(cue)[1]]):
        return last
    comma = next((t.i for t in doc[source.i + 1 : last] if t.text == ","), None)
    return comma + 1 if comma is not None else last


def _noun(att: Attribution) -> None:
    """ "Smith's criticism of the plan", "concerns about the cost voiced by farmers", "the
    claim that ...": the noun's prepositional object or clause is the content; its
    possessor, its "by"/"from" agent, or the subject of the verb it is the object of
    ("farmers expressed concern about ...") the source."""
    noun = att.cue
    kids = [
        c for c in noun.children
        if c.i > noun.i and ((c.dep_ == "prep" and c.lower_ in _NOUN_PREPS) or c.dep_ in ("acl", "ccomp"))
    ]  # fmt: skip
    if not kids:
        return
    att.speaker = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ not in ("its",)), None)
    if att.speaker is None:
        agent = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        att.speaker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if att.speaker is None and noun.dep_ in ("dobj", "attr") and noun.head.pos_ == "VERB":
        att.speaker = subject_of(noun.head)
    kid = min(kids, key=lambda k: k.i)
    start = kid.left_edge.i + (1 if kid.dep_ == "prep" and kid.left_edge.i == kid.i else 0)
    att.content = [r for r in [_clip(noun, start, max(k.right_edge.i for k in kids) + 1)] if r]


def _document(att: Attribution) -> None:
    """ "In a CNN poll, Clinton led by five points": the poll is the source of the clause
    its "in" phrase modifies (as with "according to")."""
    noun = att.cue
    prep = noun.head
    if (
        noun.dep_ != "pobj"
        or prep.lower_ != "in"
        or prep.head.i == prep.i
        or prep.head.pos_ not in ("VERB", "AUX")
    ):
        return
    if not any(c.dep_ in ("det", "poss", "compound") for c in noun.children):
        return  # "leads in polls": no poll in particular
    att.speaker = noun
    edge = _sentence_edge(prep)
    content = edge if edge is not None else _without(prep.head, prep)
    clipped = _clip(prep, *content) if content else None
    att.content = [clipped] if clipped else []


def _seem(att: Attribution) -> None:
    """ "The plan seems (to me) to be failing": an impression; the content runs from the
    subject to the end of the complement; the one it seems so to ("to me") is its source."""
    verb = att.cue
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    complement = next((c for c in verb.children if c.dep_ in _SEEM_DEPS and c.i > verb.i), None)
    if subject is None or complement is None:
        return
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    att.speaker = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    first = (
        complement.left_edge.i if subject.lower_ in _EXPLETIVE else subject.left_edge.i
    )  # "it seems likely that"
    whole = _clip(verb, first, complement.right_edge.i + 1)  # one span, the cue inside
    att.content = [whole] if whole else []


def _sentence_edge(cue: Token, last: int | None = None) -> tuple[int, int] | None:
    """ "According to X, A and B." / "A, while B, according to X.": the rest of the sentence
    (all its clauses, not only the one the parser hung the phrase on); ``last``: the
    token after the phrase, when not its subtree's edge."""
    doc = cue.doc
    low, high = clause_bounds(cue)
    first, last = cue.left_edge.i, cue.right_edge.i + 1 if last is None else last
    if all(t.is_punct or t.is_space for t in doc[low:first]):
        return _trim(doc, last, high)
    if all(t.is_punct or t.is_space for t in doc[last:high]):
        return _trim(doc, low, first)
    return None


def _quote_frame(att: Attribution) -> None:
    verb = att.cue
    att.reporter = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    att.speaker = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    as_prep = next((c for c in verb.children if c.lower_ == "as"), None)
    saying = next((c for c in as_prep.children if c.dep_ in ("pcomp", "pobj")), None) if as_prep else None
    if saying is not None:
        att.content = _clause(saying)


def subject_of(verb: Token) -> Token | None:
    """The speaker's token: the subject, climbing through coordination and participles."""
    token = verb
    doc = verb.doc
    for _ in range(4):
        here = token.i  # the nearest subject first; a Token only for the child returned
        for i, dep, lower in sorted(children(token), key=lambda c: abs(c[0] - here)):
            if dep in ("nsubj", "csubj"):
                if lower in _RELATIVE and token.dep_ == "relcl":
                    return token.head
                child = doc[i]
                return None if _expletive(child) else child
            if dep == "agent":
                return child_with(doc[i], ("pobj",))
        if token.dep_ == "relcl" and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return token.head
        if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ in ("NOUN", "PROPN"):
            return token.head  # "crowds chanting ...": the noun does what its participle says
        if token.dep_ not in _CLIMB or token.head.i == token.i:
            return None
        token = token.head
    return None


def _expletive(subject: Token) -> bool:
    """ "there", or "it" of a copula or a passive ("it is believed that"); "it said" is someone."""
    if subject.lower_ == "there":
        return True
    if subject.lower_ != "it":
        return False
    verb = subject.head
    return verb.pos_ == "AUX" or verb.lemma_ == "be" or subject.dep_ != "nsubj"


def _reporter_of(participle: Token) -> Token | None:
    """ "Lawmakers wrote that the cartels pose a threat, adding that ...", "... said the
    government had failed and called for an inquiry": a cue with no subject that the parser
    hangs on the reported clause goes on with the one who reports it, not with the clause's
    subject."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in participle.children):
        return None
    if participle.tag_ != "VBG" and participle.dep_ != "conj":
        return None
    clause = participle.head
    if participle.dep_ not in ("advcl", "xcomp", "conj") or clause.dep_ != "ccomp":
        return None
    return subject_of(clause.head) if clause.head.pos_ in ("VERB", "AUX") else None


def surface_subject(verb: Token) -> Token | None:
    """The subject the parser missed, read off the surface: the noun right before a finite
    cue that has no subject, past its auxiliaries and adverbs and one aside between commas
    ("Japan and China, also among the complainants, said"; "..., witnesses say")."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ in _CLIMB or verb.dep_ in ("relcl", "acl"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "auxpass") for c in verb.children):
        return None
    doc = verb.doc
    low, _ = clause_bounds(verb)
    i = verb.i - 1
    while i >= low and (doc[i].pos_ in ("ADV", "AUX", "PART") or doc[i].dep_ in ("aux", "neg")):
        i -= 1
    if i >= low and doc[i].text == ",":
        back = range(i - 1, max(low, i - _ASIDE_TOKENS) - 1, -1)
        opening = next((j for j in back if doc[j].text == ","), None)
        i = opening - 1 if opening is not None else i
    if i < low or doc[i].pos_ not in ("NOUN", "PROPN", "PRON") or doc[i].lower_ in _RELATIVE:
        return None
    return doc[i]


def _hearer(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)


def _clause(verb: Token) -> list[tuple[int, int]]:
    """What a speech verb governs: its clausal complement after it, the clause it is
    parenthetical to ("..., officials said"; "The museum, he said, celebrates ..."), or a
    complement before it. A cue inside its content splits it in two."""
    low, high = clause_bounds(verb)
    complements = [c for c in verb.children if low <= c.i < high and _complement(c)]
    after = [c for c in complements if c.i > verb.i]
    if after:
        last = _tensed_after_participle(after)
        return _around_cue(verb, _clip(verb, after[0].left_edge.i, last.right_edge.i + 1))
    misplaced = None if complements else _that_clause_in_adjunct(verb, high)
    if misplaced is not None:
        return _around_cue(verb, _clip(verb, misplaced.left_edge.i, misplaced.right_edge.i + 1))
    surface = _parenthetical(verb)
    if surface:
        return surface
    if complements:
        return _around_cue(verb, _clip(verb, complements[-1].left_edge.i, complements[-1].right_edge.i + 1))
    quoting = [
        c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd") and c.i > verb.i and _has_quote(c)
    ]
    return (
        _object_range(verb, quoting) if quoting else []
    )  # 'reported "2,521 shooting incidents" in the city'


def _tensed_after_participle(after: list[Token]) -> Token:
    """The last complement of what was said: "say [the prisoners sent to the US] [faced
    charges]": the parser may read a subject with a participle after it as a clause of its
    own and hang its tensed verb, with no subject, beside it on the cue; the two are one clause."""
    first = after[0]
    if _finite_clause(first) or first.tag_ not in ("VBN", "VBG") or not _has_subject(first):
        return first
    return next((c for c in after[1:] if _tensed(c) and not _has_subject(c)), first)


def _that_clause_in_adjunct(verb: Token, high: int) -> Token | None:
    """ "has said from the start that he will ...": the parser may hang the cue's "that"
    clause on the noun of a phrase after it (of time, place or occasion); a finite clause
    opened by the conjunction "that" is still what was said (not a relative clause, "said
    in a report that witnesses corroborated")."""
    preps = [p for p in verb.children if p.dep_ == "prep" and p.i > verb.i]
    nouns = [n for p in preps for n in p.children if n.dep_ == "pobj"]
    for clause in (c for n in nouns for c in n.children if c.dep_ == "acl" and c.i < high):
        if _finite_clause(clause) and _opens_with_that(clause):
            return clause
    return None


def _opens_with_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" and c.i == clause.left_edge.i for c in clause.children)


def _finite_clause(verb: Token) -> bool:
    """A verb with a subject and a tense: "he will ensure", "the crossing reopened"."""
    return _has_subject(verb) and _tensed(verb)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _tensed(verb: Token) -> bool:
    """A tensed verb, or one with a tensed auxiliary ("would go", "had been refused")."""
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children
    )


def _has_quote(token: Token) -> bool:
    return any(t.text in QUOTE_MARKS for t in token.subtree)


def _complement(child: Token) -> bool:
    return child.dep_ == "ccomp" or (child.dep_ == "xcomp" and _has_to(child))


def _phrase_start(verb: Token) -> int:
    """First token of "the mayor also said": the subject before the cue and the adverbs between."""
    first = verb.i
    doc = verb.doc
    for i, dep, _ in children(verb):
        if dep in ("nsubj", "nsubjpass") and i < verb.i:
            first = min(first, doc[i].left_edge.i)
    missed = surface_subject(verb) if first == verb.i else None
    if missed is not None:  # "..., human rights groups, lawyers and witnesses say"
        first = missed.i
        while first > 0 and (doc[first - 1].pos_ in _NOUN_PHRASE or doc[first - 1].lower_ in ("and", "of")):
            first -= 1
    c = columns(doc)  # the words' labels and heads, no Token per word
    while first > 0 and c.dep[first - 1] in _ADVERB_AUX and c.head[first - 1] == verb.i:
        first -= 1
    return first


def _around_cue(verb: Token, span: tuple[int, int] | None) -> list[tuple[int, int]]:
    """The span, in two pieces when the cue's phrase sits inside it."""
    if span is None:
        return []
    start, end = span
    first, last = _phrase_start(verb), verb.i + 1
    if not start < first <= last < end:
        return [span]
    return [r for r in (_trim(verb.doc, start, first), _trim(verb.doc, last, end)) if r]


def _parenthetical(verb: Token) -> list[tuple[int, int]]:
    """ "..., officials said": the clause before the comma that precedes the cue and its
    subject, and what follows when the cue sits mid-sentence; in a relative clause ("a
    civilian who, they said, was ...") only what follows (the antecedent is the writer's).

    Read off the surface, not the tree: the parser may hang the cue anywhere, even on a
    sentence of the paragraph before.
    """
    doc = verb.doc
    first = _phrase_start(verb)
    if first == 0 or doc[first - 1].text not in (",", "—", "–"):
        return []
    if doc[first].lower_ in _RELATIVE_OPENERS:
        return []  # "Vougioukas, who reports for Stern, told ...": the cue describes the antecedent
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and surface_subject(verb) is None:
        return []  # "..., having concluded that ...", "..., assuring him": no speaker of its own
    low, high = clause_bounds(verb)
    following = next((t for t in doc[verb.i + 1 : high] if t.text not in (",", ":")), None)
    if following is not None and following.text in QUOTE_MARKS:
        return []  # 'Asked about it, O'Neill said, "Not going into that."': the quotation is what he said
    before = None if first < 2 or doc[first - 2].lower_ in _RELATIVE else _trim(doc, low, first - 1)
    found = [p for p in (before, _rest_of_clause(verb, high)) if p is not None]
    if not found or not any(t.pos_ in ("VERB", "AUX") for start, end in found for t in doc[start:end]):
        return []  # "After the meeting, Smith said."
    return found


def _rest_of_clause(verb: Token, high: int) -> tuple[int, int] | None:
    """After "The museum, he said," the clause goes on: what comes after the next comma,
    unless it belongs to the cue ("..., the Times reported, adding that ...")."""
    doc = verb.doc
    j = verb.i + 1
    while j < high and doc[j].text != "," and doc[j].text not in SENT_END:
        j += 1
    if j >= high - 1 or doc[j].text != ",":
        return None
    nxt = doc[j + 1]
    if verb.left_edge.i <= nxt.i <= verb.right_edge.i and nxt.head.i != nxt.i:
        return None
    return _trim(doc, j + 1, high)


def clause_bounds(token: Token) -> tuple[int, int]:
    """Token range of the token's sentence, cut at paragraph breaks (the parser may cross them)."""
    return clause_range(token.doc, token.i)


def _clip(token: Token, start: int, end: int) -> tuple[int, int] | None:
    low, high = clause_bounds(token)
    return _trim(token.doc, max(start, low), min(end, high))


def _has_to(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _objects(verb: Token, cue: Cue) -> list[tuple[int, int]]:
    """Objects and their complements: "accused [Hamas of being lax]", "urged [X to stop]";
    adjuncts of time and place ("on Tuesday", "in a statement") are left out."""
    kids = [c for c in verb.children if c.i > verb.i and _object_like(c, cue)]
    if not kids:
        return _clause(verb)
    return _object_range(verb, kids + _purpose_of_object(verb, kids), cue)


def _purpose_of_object(verb: Token, kids: list[Token]) -> list[Token]:
    """ "touting [his campaign's work to bring voters in]": a "to" clause right after the
    object, with no comma between, says what the object is for; the parser may hang it on
    the cue (as a purpose of the act), but it belongs to what the cue is about. One holding a
    quotation is left out: 'denounced the calls to free them as “interference”' hangs the
    cue's own "as" phrase in it."""
    end = max(k.right_edge.i for k in kids) + 1
    return [
        c for c in verb.children
        if c.dep_ == "advcl" and c.left_edge.i == end and c.left_edge.lower_ == "to" and _has_to(c)
        and not _has_quote(c)
    ]  # fmt: skip


def _object_like(child: Token, cue: Cue) -> bool:
    if child.dep_ == "prep":
        return child.lower_ in _OBJECT_PREPS or child.lower_ in cue.others
    return child.dep_ in _OBJECT_DEPS


def _object_range(verb: Token, kids: list[Token], cue: Cue | None = None) -> list[tuple[int, int]]:
    kids = sorted(kids, key=lambda k: k.i)
    start = kids[0].left_edge.i
    end = max(k.right_edge.i for k in kids) + 1
    if cue is not None and kids[0].dep_ == "prep" and kids[0].lower_ in cue.others and start == kids[0].i:
        start += 1  # "called for [sanctions]": the particle belongs to the cue
    clipped = _clip(verb, start, end)
    return [clipped] if clipped else []


def _without(head: Token, part: Token) -> tuple[int, int] | None:
    """The head's clause minus the part's subtree, when the part sits at one edge of it."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    cut_start, cut_end = part.left_edge.i, part.right_edge.i + 1
    if cut_start <= start + 1:
        start = cut_end
    elif cut_end >= end - 1:
        end = cut_start
    else:
        left, right = cut_start - start, end - cut_end
        start, end = (start, cut_start) if left >= right else (cut_end, end)
    return _trim(head.doc, start, end)


class _Ranges:
    """Token ranges ``[start, end)``, counted at an index by bisection: walking every
    quotation for every token made long articles quadratic."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.starts = sorted(start for start, end in ranges if start < end)
        self.ends = sorted(end for start, end in ranges if start < end)

    def count(self, index: int) -> int:
        """How many of the ranges hold ``index``."""
        return bisect_right(self.starts, index) - bisect_right(self.ends, index)
