"""Headlinese: the parse of a headline rewritten into the clause it stands for.

Headlines drop auxiliaries. "OAS urged to do more" is "OAS (was) urged to do more";
"Activist arrested in Hong Kong" is "Activist (was) arrested ..."; "Biden to visit Kyiv" is
"Biden (is) to visit Kyiv", an announced act. spaCy, trained on running text, reads the
first as an active verb whose subject is the one urged, the second as a noun with a
participle after it, the third as a noun with a relative clause. Every later stage reads
arguments and modality off the dependency tree, so the tree is mended here, once:

* a *reduced passive*: a past participle right after its noun phrase, with no auxiliary,
  followed by nothing (the headline ends), by "to" + verb, by "by" + agent, by a
  preposition of place, time or cause or by a clause of its own. Its noun becomes the
  passive subject (the one the act is done to), its "by" phrase the agent. A participle
  with an object ("Police detained protesters") or an auxiliary ("have signed") is left
  alone, and so are verbs that cannot be passive there: one whose "to" clause is its
  subject's own act ("Hamas vowed to retaliate"), one news uses without an object
  ("Protesters rallied in Minsk");
* an *announced act*: a noun phrase followed by "to" + verb; the verb becomes the head of
  the headline (or of its part after a kicker) with the noun as its subject, which
  :mod:`eventwire.extract.modality` reads as a future act.

Only headlines are rewritten: in running text an auxiliary-less participle after a noun is
a real reduced relative ("the journalist detained by police said ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# What may follow a reduced passive: a preposition of place, time or cause ("arrested in
# Lagos", "detained at the airport", "jailed after ...", "expelled over ...", "placed under
# curfew", "dispersed with tear gas").
_AFTER_PASSIVE = frozenset(
    {"in", "at", "after", "over", "during", "amid", "following", "near", "on", "under", "with", "for", "as"}
)
# Verbs whose "to" clause is their subject's own act ("Hamas agreed to talks", "vowed to
# retaliate"): an active past, never a passive, before "to" + verb.
_SUBJECT_CONTROL = frozenset(
    {
        "agree", "vow", "pledge", "promise", "refuse", "threaten", "decide", "try", "attempt",
        "seek", "plan", "fail", "hope", "want", "offer", "vote", "move", "aim", "prepare",
        "choose", "opt", "swear", "decline", "intend", "begin", "start", "continue", "cease",
        "struggle", "manage", "rush", "volunteer", "resolve", "demand", "claim", "appear", "seem",
    }
)  # fmt: skip
# Verbs news uses without an object ("Protesters rallied in Minsk", "Leaders met in Paris",
# "Troops clashed near the border"): a past form of these is active unless a "by" follows.
_INTRANSITIVE = frozenset(
    {
        "protest", "rally", "march", "demonstrate", "riot", "gather", "mutiny", "rebel",
        "clash", "fight", "meet", "talk", "negotiate", "resign", "retreat", "advance", "flee",
        "die", "return", "arrive", "travel", "surrender", "escape", "collapse", "quit", "vote",
        "agree", "walk", "fall", "rise", "erupt", "continue", "end", "resume", "happen", "occur",
    }
)  # fmt: skip
_PARTICIPLES = frozenset({"VBD", "VBN"})
_NOUNS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_OBJECTS = frozenset({"dobj", "dative", "iobj", "ccomp", "attr", "oprd"})
# Where a headline's clause may hang: the root, or after a kicker ("'I was wrong': Armenian
# prime minister to step down", the noun parsed as an apposition).
_HEADLINE_DEPS = frozenset({"ROOT", "appos", "parataxis"})
# What the parser may make of the subject before "to" + verb: "Senator (npadvmod) to visit".
_SUBJECT_SLIPS = frozenset({"nsubj", "npadvmod", "dep", "nmod"})
_ENDS = frozenset({",", ":", ";", "-", "–", "—", "|"})


def normalise_headline(doc: Doc) -> Doc:
    """Rewrite the reduced passives and announced acts of a parsed headline in place."""
    for sent in list(doc.sents):
        if sent.root.dep_ != "ROOT":
            continue  # not parsed (selective parsing)
        for token in sent:
            subject = _reduced_passive(token)
            if subject is not None:
                _make_passive(token, subject)
            else:
                _announced(token)
    return doc


def _no_auxiliary(verb: Token) -> bool:
    return not any(c.dep_ in ("aux", "auxpass", "nsubjpass") for c in verb.children)


def _reduced_passive(verb: Token) -> Token | None:
    """The subject of a participle that is a reduced passive: right after its noun phrase,
    with no auxiliary and no object, in a passive's context (:func:`_passive_context`)."""
    if verb.tag_ not in _PARTICIPLES or verb.pos_ != "VERB" or not _no_auxiliary(verb):
        return None
    if any(c.dep_ in _OBJECTS for c in verb.children) or not _passive_context(verb):
        return None
    return _subject_before(verb)


def _subject_before(verb: Token) -> Token | None:
    """The noun phrase that ends right before the verb and is its subject: parsed as its
    ``nsubj``, or as the root noun the participle is hung on ("Activist <- arrested")."""
    if verb.i == verb.sent.start:
        return None
    if verb.dep_ in ("ROOT", "conj", "ccomp", "advcl", "parataxis"):  # "X killed, another wounded"
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.right_edge.i == verb.i - 1 and subject.pos_ in _NOUNS:
            return subject
        return None
    head = verb.head
    if verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in _NOUNS and head.i < verb.i:
        return head if _phrase_end(head, verb) == verb.i - 1 else None
    return None


def _phrase_end(noun: Token, before: Token) -> int:
    """The last token of the noun's phrase before ``before`` ("Juan Guaido's deputy")."""
    end = noun.i
    for c in noun.rights:
        if c.i >= before.i or c.dep_ in ("acl", "relcl", "punct", "cc", "conj", "appos"):
            break
        end = c.right_edge.i
    return end


def _passive_context(verb: Token) -> bool:
    """What follows the participle: the end of the headline or of its clause, "by" + agent,
    "to" + verb (unless the verb's "to" clause is its subject's own act), a preposition of
    place, time or cause, or a clause of its own ("Hundreds arrested as police break up
    rally"). An intransitive verb is no passive except before its "by" agent ("Protesters
    rallied in Minsk" is active)."""
    doc, after = verb.doc, verb.i + 1
    word = doc[after] if after < verb.sent.end else None
    if word is not None and word.lower_ == "by":
        return word.head == verb
    if verb.lemma_.lower() in _INTRANSITIVE:
        return False
    if word is None or word.text in _ENDS or word.is_space:
        return True
    if word.lower_ in _AFTER_PASSIVE and word.head == verb:
        return True
    if word.dep_ == "mark" and word.head.dep_ == "advcl" and word.head.head == verb:
        return True
    if word.lower_ == "to" and after + 1 < len(doc) and verb.lemma_.lower() not in _SUBJECT_CONTROL:
        following = doc[after + 1]
        return following.tag_ == "VB" and following.head == verb
    return False


def _make_passive(verb: Token, subject: Token) -> None:
    """Label the clause as spaCy labels a full passive: ``nsubjpass``, ``VBN``, ``agent``."""
    if verb.dep_ == "acl":
        _promote(verb, subject, "nsubjpass")
    else:
        subject.dep_ = "nsubjpass"
    verb.tag_ = "VBN"
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            c.dep_ = "agent"


def _announced(verb: Token) -> None:
    """ "Biden to visit Kyiv": an infinitive right after the noun phrase that is its subject,
    which the parser hung on the noun, took for a modifier of the verb, or (after a kicker,
    "'We lost': Party chief to resign") took for a complement of the kicker's verb."""
    if verb.tag_ != "VB" or verb.i < 2 or verb.i - 1 <= verb.sent.start:
        return
    to = verb.doc[verb.i - 1]
    if to.lower_ != "to" or to.head != verb:
        return
    head = verb.head
    if verb.dep_ in ("acl", "relcl", "xcomp") and head.dep_ in _HEADLINE_DEPS and head.pos_ in _NOUNS:
        if head.i < to.i and _phrase_end(head, to) == to.i - 1:
            _promote(verb, head, "nsubj")
        return
    subject = next((c for c in verb.lefts if c.dep_ in _SUBJECT_SLIPS and c.pos_ in _NOUNS), None)
    if subject is None or _phrase_end(subject, to) != to.i - 1:
        return
    subject.dep_ = "nsubj"
    after_kicker = any(t.text == ":" for t in verb.doc[head.i : subject.i])
    if verb.dep_ == "ccomp" and head.i < subject.i and after_kicker:
        verb.dep_ = "parataxis"


def _promote(verb: Token, noun: Token, dep: str) -> None:
    """Put ``verb`` where ``noun`` stood (the head of the headline, or of the part after its
    kicker) and make ``noun`` its ``dep``; what the noun had after the verb (a final full
    stop, a trailing clause) goes with the verb."""
    later = [c for c in noun.children if c.i > verb.i]
    verb.head = verb if noun.dep_ == "ROOT" else noun.head
    verb.dep_ = noun.dep_
    noun.head = verb
    noun.dep_ = dep
    for c in later:
        c.head = verb
