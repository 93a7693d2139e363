"""What a reported content is: a statement (a quote) or another content attributed to a source.

A *quote* (``kind`` ``"speech"``) is what someone stated: words in quotation marks, or a
proposition that a cue of saying or reporting governs ("said (that) the border
would reopen", "according to X, ...", "..., officials said", "described it as a failure").
Everything else a cue governs is attributed but not stated, and is kept out of the quotes
(``Analysis.attributions``) with its kind, read off the cue's lexicon kind and the syntax
of the content:

* ``accusation``, ``threat``, ``demand``: the object of a verbal act that is an event of
  its own (PLOVER ACCUSE, THREATEN, REQUEST): "accused Hamas [of being lax]", "threatened
  [to drive it out]", "urged [both sides to cease fire]", "demanded [that ...]", "told
  Gil [to leave]" (an instruction to a hearer);
* ``stance``: a position or intention that is not stated as a proposition ("supports [the
  levy]", "promised [to train the police]", "considers [the island a province]"), an
  impression without a holder ("the ceasefire appears to be holding"), or a belief, hope
  or finding the outlet narrates ("many residents doubt [that the vote was fair]", "the
  attack showed [that ...]"): nobody is reported to have said it (a belief stated is
  inside a cue of saying: "said it believed [...]");
* ``topic``: what was spoken about rather than said ("discussed [the budget]", "asked
  [whether ...]", "did not say [whether ...]");
* ``report``: what the article states on a publication's authority: an outlet ("...,
  Reuters reported"; set by :mod:`.reporting` once the outlet is known) or a poll; and
  the account a source gives of another attribution ("according to the site, [a police
  spokesman said the road was shut]": the spokesman's statement is the content, the site
  its source; so is a verbal act, "according to a statement, [the governor denounced
  ...]"; another act the source tells of, "according to the minister, the two sides had
  agreed to withdraw", is the minister's statement).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.entities import FINITE_TAGS
from eventwire.extract.quote_lexicon import ACT_KINDS
from eventwire.nlp.bounds import heads
from eventwire.nlp.per_doc import PerDoc

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from eventwire.extract.attribution import Attribution
    from eventwire.extract.content_edges import CueOf

SPEECH = "speech"
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_ACTIVE_SUBJECTS = frozenset({"nsubj", "csubj"})
_OBJECTS = frozenset({"dobj", "dative", "xcomp", "attr", "oprd"})
_QUESTION_WORDS = frozenset({"whether", "if", "why", "how", "who", "whom", "when", "where", "which"})
_NOT_CLAUSE_MARKS = frozenset({"while", "although", "though", "because", "since", "as", "after", "before"})
_MODIFIER_DEPS = frozenset({"relcl", "acl", "amod", "appos"})
_ADJUNCT_DEPS = frozenset({"prep", "npadvmod", "advmod", "advcl", "pcomp", "mark", "punct", "cc"})
_RELATIVE = frozenset({"what", "whom", "who", "which", "that", "whatever"})
_REPORTED = frozenset({"dobj", "nsubjpass"})

# Doc -> the form of each token range read so far (:func:`_form`), dropped with its Doc: a
# content's pieces and its kind read the forms of the same ranges
_FORMS: PerDoc[dict[tuple[int, int], str]] = PerDoc()


def content_kind(att: Attribution, ranges: list[tuple[int, int]], cue_of: CueOf) -> str:
    """The kind of what the cue of ``att`` governs (token ranges ``ranges`` of its Doc);
    ``cue_of``: the lexicon cue a token heads."""
    entry = att.entry
    if entry.kind in ACT_KINDS:
        return entry.kind
    if (entry.frame == "according" or entry.kind == "report") and _relays(att, ranges, cue_of):
        return "report"  # "according to the site, a police spokesman said ...": the spokesman's
    if entry.frame in ("according", "quote"):
        return SPEECH
    if entry.frame == "seem":
        return "stance"
    if entry.frame == "document":
        return "report"
    if any(c.dep_ == "neg" for c in att.cue.children):
        return "topic"  # "did not say whether the gunmen had left"
    if entry.frame == "noun" and entry.kind == "stance":
        return "stance"  # "raising fears that the conflict will spread": nobody states it
    doc = att.cue.doc
    forms = [_form(doc, start, end) for start, end in ranges]
    if "question" in forms and "clause" not in forms:
        return "topic"
    if "clause" in forms:
        return "stance" if entry.kind == "stance" else SPEECH  # "Most voters doubt [that ...]"
    if entry.kind == "report" and _reports_thing(doc, ranges):
        return SPEECH  # "witnesses reported Israeli bombardment": what they report happened
    if "infinitive" in forms:
        return "demand" if _addressed(att) else "stance"  # "told Gil to leave" / "vowed to retaliate"
    if _characterises(att, ranges):
        return SPEECH if entry.kind == SPEECH else "stance"  # "described it as ..." / "sees it as ..."
    return "stance" if entry.kind == "stance" else "topic"


def clause_pieces(att: Attribution) -> list[tuple[int, int]]:
    """The pieces of a content split by its cue, without a relative word ("what the military
    said were depots") and, when another piece is a clause, without a circumstance ("As part
    of measures to stop a repeat, he said, a forum is being set up") or the clause's subject
    alone ("Lisbon, the minister said, would not sign": a name is no statement)."""
    doc = att.cue.doc
    pieces = [r for r in att.content if not all(t.lower_ in _RELATIVE or t.is_punct for t in doc[slice(*r)])]
    if len(pieces) < len(att.content):
        return pieces  # "struck what the military said were depots": "what" is no part of it
    forms = [_form(doc, start, end) for start, end in att.content]
    if "clause" not in forms:
        return att.content
    return [
        r for r, form in zip(att.content, forms, strict=True)
        if form in ("clause", "question") or not (_adjunct(doc, *r) or _subject_alone(doc, *r))
    ]  # fmt: skip


def _roots(doc: Doc, start: int, end: int) -> list[Token]:
    head = heads(doc)
    return [doc[i] for i in range(start, end) if head[i] == i or not start <= head[i] < end]


def _adjunct(doc: Doc, start: int, end: int) -> bool:
    """ "On Friday", "As part of measures to stop a repeat": a circumstance of the clause,
    not a part of what was said (as its subject is: "A temple, according to X, was ...")."""
    return all(r.dep_ in _ADJUNCT_DEPS for r in _roots(doc, start, end))


def _subject_alone(doc: Doc, start: int, end: int) -> bool:
    """A name, the subject of a clause that goes on past the cue: "[Lisbon], the minister
    said, ..." (a longer subject stays: it is much of what was said)."""
    name = all(t.pos_ in ("PROPN", "DET", "PUNCT") for t in doc[start:end])
    return name and all(r.dep_ in _SUBJECTS for r in _roots(doc, start, end))


def _relays(att: Attribution, ranges: list[tuple[int, int]], cue_of: CueOf) -> bool:
    """The content is another attribution: its main verb is a cue with a speaker of its own
    and a clause of its own ("a spokesman said [the road was shut]"; not a passive, "boats
    were attacked by the navy": what happened; nor an act the source tells of, "the two
    sides had agreed to withdraw", "donors pledged $2 billion": the source's statement),
    or a verbal act of its own ("the governor denounced the attack")."""
    doc = att.cue.doc
    for start, end in ranges:
        for root in _roots(doc, start, end):
            cue = cue_of(root)
            if cue is None or cue.kind == "stance":
                continue
            if not any(c.dep_ in _ACTIVE_SUBJECTS and start <= c.i < end for c in root.children):
                continue
            if cue.kind in ACT_KINDS or _attributes(root):
                return True  # "according to a statement, [the governor denounced ...]": his act
    return False


def _attributes(verb: Token) -> bool:
    """A cue that passes on a statement: a clause of its own ("a spokesman said [...]"), or
    none of its objects ("..., a spokesman said"), not what someone did or wants."""
    return any(c.dep_ == "ccomp" for c in verb.children) or not any(c.dep_ in _OBJECTS for c in verb.children)


def _reports_thing(doc: Doc, ranges: list[tuple[int, int]]) -> bool:
    """What a report cue names is its object ("reported [heavy shelling]"), not where or for
    whom someone reports ("reports [for the Herald]", "told to report [to the police]") nor
    a hedge on an act ("were reported [to have died]")."""
    return any(r.dep_ in _REPORTED for start, end in ranges for r in _roots(doc, start, end))


def _form(doc: Doc, start: int, end: int) -> str:
    """ "clause" (a proposition with its subject), "question", "infinitive" or "phrase";
    read once per range of a Doc."""
    forms = _FORMS.get(doc)
    if forms is None:
        forms = _FORMS[doc] = {}
    found = forms.get((start, end))
    if found is None:
        found = forms[start, end] = _read_form(doc, start, end)
    return found


def _read_form(doc: Doc, start: int, end: int) -> str:
    roots = _roots(doc, start, end)
    if doc[start].lower_ in _QUESTION_WORDS and any(_is_clause(r) for r in roots):
        return "question"
    for root in roots:
        if _is_clause(root):
            marks = {c.lower_ for c in root.children if c.dep_ == "mark"}
            if marks & _QUESTION_WORDS:
                return "question"
            if marks & _NOT_CLAUSE_MARKS:
                continue  # "While security forces escalated ...": a circumstance, not the claim
            return "clause"
    if any(_to_infinitive(r) for r in roots):
        return "infinitive"
    return "phrase"


def _is_clause(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.dep_ in _MODIFIER_DEPS and not (_cut_out(token) or _noun_complement(token)):
        return False
    if any(c.dep_ in _SUBJECTS for c in token.children) and token.tag_ not in ("VBG", "VBN", "VB", "TO"):
        return True
    return _finite(token) or _past_read_as_participle(token)  # "the two nations share ..."


def _past_read_as_participle(token: Token) -> bool:
    """ "said [the decision marked a turn]": a participle with an active subject, an object
    and no auxiliary is a past tense the tagger took for a participle (not "saw [their
    missions expelled]": a passive participle takes no object)."""
    deps = {c.dep_ for c in token.children}
    return (
        token.dep_ == "ccomp"
        and token.tag_ == "VBN"
        and bool(deps & _ACTIVE_SUBJECTS)
        and "dobj" in deps
        and not deps & {"aux", "auxpass"}
    )


def _finite(token: Token) -> bool:
    """A finite verb, or one with a finite auxiliary ("would be spared", "was carrying")."""
    auxiliaries = (c for c in token.children if c.dep_ in ("aux", "auxpass"))
    return token.tag_ in FINITE_TAGS or any(c.tag_ in FINITE_TAGS for c in auxiliaries)


def _cut_out(token: Token) -> bool:
    """A finite relative clause cut out as the content: "a civilian who, they said, [was
    part of a group of protesters]"."""
    return token.dep_ == "relcl" and _finite(token)


def _noun_complement(token: Token) -> bool:
    """The clause of a noun cue: "gave assurances [that the army would keep order]"."""
    return token.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)


def _to_infinitive(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _addressed(att: Attribution) -> bool:
    """The cue has a hearer or an object the infinitive is meant for ("told X to ...")."""
    return att.hearer is not None or any(c.dep_ in ("dobj", "dative") for c in att.cue.children)


def names_object(att: Attribution) -> bool:
    """The content is only what the cue calls its object, no proposition of its own: "called
    the attack “highly significant”", "described it as a “milestone decision”" (not "called
    it “troubling” that the reporters were held": that they were held is stated)."""
    doc = att.cue.doc
    if any(_form(doc, start, end) == "clause" for start, end in att.content):
        return False
    return att.entry.frame == "object" and _characterises(att, att.content)


def _characterises(att: Attribution, ranges: list[tuple[int, int]]) -> bool:
    """ "described the drills as a warning", "called Moraes a dictator": an object and what
    the speaker calls it."""
    if att.entry.others and att.entry.others[-1] == "as":
        return True
    if not any(c.dep_ == "dobj" for c in att.cue.children):
        return False  # "was sworn in as leader": no object to call anything
    doc = att.cue.doc
    cue = att.cue.i
    for start, end in ranges:
        for token in doc[start:end]:
            if token.head.i == cue and token.dep_ == "oprd":
                return True
            if token.dep_ == "prep" and token.lower_ == "as" and _on_cue_or_object(token.head, cue):
                return True  # "described the move as a withdrawal", "as" on the cue or on "move"
    return False


def _on_cue_or_object(token: Token, cue: int) -> bool:
    return token.i == cue or (token.dep_ == "dobj" and token.head.i == cue)
