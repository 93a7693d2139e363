"""Which of a sentence's time expressions dates which event, read from the dependency parse.

A sentence often holds several acts and several dates; the nearest date is not always the
act's. A time expression is attached to the word it modifies, its *anchor*: walking up from
the expression, the first word that is an event's trigger or a verb. For an event, ranked:

1. ``OWN``: the anchor is the event's trigger or a verb of the trigger's own clause
   ("police fired tear gas on Tuesday", "Tuesday's attack").
2. ``INHERITED``: the anchor is a verb whose clause holds the event ("troops opened fire on
   Friday, killing three"; "the attack came on Tuesday"), or a verb coordinated with the
   trigger ("imposed martial law and ordered a mobilisation on Sunday"); a date on a
   reporting verb when the speaker is the event's source, the speaking being the act ("the
   ministry announced on Monday that it had expelled the envoy").
3. ``EMBEDDED``: the anchor is another act that holds this one ("summoned on Monday to
   discuss the complaints", "joined forces on Tuesday in demanding") or that this one holds
   as an argument ("called off its strike on Wednesday"; not across a relative clause or
   "since"), or a verb whose clause's own act is another ("was taken into custody on Sunday,
   and the government said he stood accused"): the same time, weakly.
4. ``SAID``: the anchor is a reporting verb and the event is what was reported ("Another 61
   people were wounded, the governor said on Saturday"). The date is the speaking's: the
   act happened then or before. News usually reports an act on the day it happened (the
   coders of eval/articles date it so), so the event takes it when nothing better dates it,
   but as a weak date.
5. ``NEARBY``: a date in another clause of the sentence that is no act's ("the envoy, who
   landed in Kyiv on Monday, urged both sides to talk"), weakly.

Never the event's: a date whose anchor is another event's trigger ("the arrest followed
the detention of an official on Tuesday", when the parse hangs the date on "followed" and
the detention is an event: the clause's own act takes it, the arrest being its subject;
"since Hamas launched its October 7 attack"), unless the two acts are coordinated or nest
(3). A noun trigger that is a verb's object is read with the verb ("used water cannon").
"Since 2019" or "until June" bounds a time: it dates its own clause's act only. A date of
the main clause does not pass into a clause it introduces with "after", "before", "since"
or "until" ("freed on Monday, after gunmen abducted him"), unless the gap is said: "one day
after" moves the date a day back, "hours after" keeps it ("one week after": seven days).

A weak date (``Event.signals["date_weak"]``) never keeps two mentions of one act apart in
:mod:`eventwire.resolve.event_coref`, and a firm date of another mention replaces it.

Every step walks up the tree or over one clause, so the cost is per sentence, whatever the
length of the article.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from eventwire.extract.quote_lexicon import QuoteLexicon, load_quote_lexicon
from eventwire.models import Event
from eventwire.nlp.columns import columns, ids
from eventwire.nlp.tree import children_at

OWN, INHERITED, EMBEDDED, SAID, NEARBY = 0, 1, 2, 3, 4  # how an event holds a date, best first
WEAK = EMBEDDED  # ranks from here on are weak dates
REPORTING_FRAMES = frozenset({"say", "tell"})
REPORTING_KINDS = frozenset({"speech", "report"})
CLAUSE_DEPS = frozenset({"conj", "ccomp", "advcl", "parataxis", "relcl", "acl", "xcomp", "csubj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
_VERBAL = ids(("VERB", "AUX"))  # part-of-speech ids, as the Doc's columns hold them
TEMPORAL = {"after": -1, "following": -1, "since": -1, "before": 1, "until": 1, "till": 1}
SHORT_UNITS = frozenset({"hour", "hours", "minute", "minutes", "moments"})
DAY_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}  # the unit of a said gap, in days
NOUN_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nummod", "nmod"})
TIME_WORDS = frozenset(
    {"morning", "afternoon", "evening", "night", "dawn", "dusk", "noon", "midnight", "day", "days",
     "week", "weeks", "weekend", "month", "months", "year", "years", "hours", "time"}
)  # fmt: skip
ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass"})  # "Tuesday's attack killed two soldiers"
AT_A_THING = frozenset({"at", "during", "in", "amid", "throughout"})
NUMBERS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


class Attachment(NamedTuple):
    rank: int  # OWN, INHERITED, EMBEDDED, SAID or NEARBY
    shift: int = 0  # days from the expression's date to the event's ("one day after")


class DateAttacher:
    """Decides, per event and time expression, whether and how the expression dates the event."""

    def __init__(self, lexicon: QuoteLexicon | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else load_quote_lexicon()

    def attach(
        self, event: Event, trigger: Any, date: Any, triggers: set[int], offset: int
    ) -> Attachment | None:
        """How the expression whose root token is ``date`` dates ``event`` (trigger token
        ``trigger``); None when it dates something else. ``triggers`` are the token indices of
        the triggers of the body's events; ``offset`` is the body's offset in the article."""
        head = event_head(trigger)
        anchor = anchor_of(date, triggers, head)
        if anchor is None or anchor.i in (trigger.i, head.i):
            return Attachment(OWN)
        trigger = head
        found = self._attach(event, trigger, anchor, triggers, offset)
        if found is not None and found.rank != OWN and date.head.lower_ in TEMPORAL:
            return None  # "since 2019", "until June" bound another clause's time
        return found

    def _attach(
        self, event: Event, trigger: Any, anchor: Any, triggers: set[int], offset: int
    ) -> Attachment | None:
        if _coordinated(anchor, trigger):
            return Attachment(INHERITED)
        if anchor.i in triggers:  # another act's date: this one's too only if the acts nest
            return self._nested(anchor, trigger)
        if _in_own_clause(anchor, trigger):
            return Attachment(OWN)
        if not _governs(anchor, trigger):
            return Attachment(NEARBY)
        shift = _shift(anchor, trigger)
        if shift is None:
            return None  # "freed on Monday, after gunmen abducted him": not the abduction's day
        if self.reporting(anchor):
            return Attachment(INHERITED if _speaker_is_source(anchor, event, offset) else SAID, shift)
        if any(i in triggers and i != trigger.i for i in own_clause_at(anchor.doc, anchor.i, subject=False)):
            # the clause's own act takes it: "the arrest followed the detention on Tuesday"
            # dates the detention; "was taken into custody on Sunday, and the government
            # said he stood accused" dates the accusation only weakly
            return None if _in_subject(anchor, trigger) else Attachment(EMBEDDED, shift)
        return Attachment(INHERITED, shift)

    def _nested(self, other: Any, trigger: Any) -> Attachment | None:
        """The date of another act that holds this one ("summoned on Monday to discuss the
        complaints", "joined forces on Tuesday in demanding") or that this one holds as its
        argument ("called off the strike of Wednesday", "used water cannon on protesters
        marching on Sunday"): the same time, weakly; not across a relative clause ("accused
        them of colluding with rebels who attacked on Wednesday") or "after"."""
        if _governs(other, trigger):
            if self.reporting(other):
                return None  # "Lysak said on Saturday": handled as a reporting verb, not an act
            shift = _shift(other, trigger)
            return None if shift is None else Attachment(EMBEDDED, shift)
        if _governs(trigger, other) and connective(trigger, other) in (None, "after", "following"):
            return Attachment(EMBEDDED)
        return None

    def reporting(self, token: Any) -> bool:
        """A verb of saying or reporting: "said", "told", "announced", "according to"."""
        cue = self.lexicon.match(token)
        return cue is not None and cue.frame in REPORTING_FRAMES and cue.kind in REPORTING_KINDS


def event_head(trigger: Any) -> Any:
    """The verb whose object a noun trigger is, the two being one act ("used water cannon",
    "was taken into custody"); else the trigger itself ("Muzenda's arrest followed ...")."""
    node = trigger
    while node.dep_ == "compound" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "dobj" or (node.dep_ == "pobj" and node.head.head.pos_ in ("VERB", "AUX")):
        verb = node.head if node.dep_ == "dobj" else node.head.head
        if verb.pos_ in ("VERB", "AUX"):
            return verb
    return trigger


def names_a_thing(date: Any, triggers: set[int], head: Any) -> bool:
    """The time expression is a modifier of a noun that is no act ("the 2018 peace
    agreement", "Saturday's election", "last week's vote", "the September 28 polls"): it
    tells which thing is meant, not when the clause's act happened. Not a noun of time
    ("Sunday evening"), an act's trigger ("Tuesday's attack"), the subject or object of the
    act's verb ("launched Tuesday's offensive", "Tuesday's blast killed two"), a thing the
    act happens at ("arrested hundreds at a March 5 protest") or one whose words hold the
    act ("the New Year's Day attacks in which 17 people were killed"): their day is the
    act's."""
    noun = date.head
    return (
        date.dep_ in NOUN_MODIFIER_DEPS
        and noun.i != date.i
        and noun.pos_ == "NOUN"  # not "On Sunday Georgescu condemned", parsed as a compound
        and noun.i not in triggers
        and noun.lower_ not in TIME_WORDS
        and not noun.left_edge.i <= head.i <= noun.right_edge.i  # "the May 1 attacks in which 17 died"
        and not (noun.dep_ in ARGUMENT_DEPS and noun.head.i == head.i)
        and not (noun.dep_ == "pobj" and noun.head.lower_ in AT_A_THING)  # "at Friday's protest"
    )


def anchor_of(date: Any, triggers: set[int], trigger: Any) -> Any:
    """The word a time expression modifies: from the expression's root up, the first word
    that is an event's trigger or a verb (None when the expression is the sentence's root)."""
    node = date
    while node.head.i != node.i:
        node = node.head
        if node.i == trigger.i or node.i in triggers or node.pos_ in ("VERB", "AUX"):
            return node
    return None


def own_clause_at(
    doc: Any, head: int, subject: bool = True, clauses: frozenset[str] = CLAUSE_DEPS,
    subjects: frozenset[str] = SUBJECT_DEPS,
) -> list[int]:  # fmt: skip
    """Token ``head``'s subtree without the clauses (``clauses`` with their own verb) that
    hang off it and, when ``subject`` is false, without its subject (``subjects``): the
    words of its own clause, as token indices, ``head`` first. The walk reads the Doc's
    children and part-of-speech columns (:mod:`eventwire.nlp.tree`,
    :mod:`eventwire.nlp.columns`); callers test the words' columns, building no Token."""
    verbal = _VERBAL
    pos = columns(doc).pos
    found, stack = [], [head]
    while stack:
        i = stack.pop()
        found.append(i)
        for child, dep, _ in children_at(doc, i):
            if dep in clauses and pos[child] in verbal:
                continue
            if i == head and not subject and dep in subjects:
                continue
            stack.append(child)
    return found


def _in_own_clause(anchor: Any, trigger: Any) -> bool:
    """``anchor`` is a verb inside the trigger's own clause (reached without crossing into a
    clause with its own verb): "launched an attack on Tuesday" for the trigger "attack"
    is not that; "was killed on Tuesday" for "killed" is."""
    node = anchor
    while node.i != trigger.i:
        if node.head.i == node.i or (node.dep_ in CLAUSE_DEPS and node.pos_ in ("VERB", "AUX")):
            return False
        node = node.head
    return True


def _governs(anchor: Any, trigger: Any) -> bool:
    """The trigger lies in ``anchor``'s subtree: the anchor's clause holds the event. Not
    through an edge the parser left unlabelled (``dep``): that is no known relation."""
    node = trigger
    while node.i != anchor.i:
        if node.dep_ == "dep" or node.head.i == node.i:
            return False
        node = node.head
    return True


def _speaker_is_source(verb: Any, event: Event, offset: int) -> bool:
    """The reporting verb's subject is where the event's source was found: the speaking is
    the act ("the ministry announced on Monday that it had expelled the envoy")."""
    source = event.source
    if source is None:
        return False
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            low = child.left_edge.idx + offset
            high = child.right_edge.idx + len(child.right_edge) + offset
            if low <= source.start < high:
                return True
    return False


def _coordinated(anchor: Any, trigger: Any) -> bool:
    """Two verbs of one coordination ("stormed the office on Thursday and arrested ...")."""
    return (
        anchor.pos_ in ("VERB", "AUX")
        and trigger.pos_ in ("VERB", "AUX")
        and first_conjunct(anchor).i == first_conjunct(trigger).i
    )


def first_conjunct(token: Any) -> Any:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _shift(anchor: Any, trigger: Any) -> int | None:
    """Days from a date of ``anchor``'s clause to the trigger's, when the way from the trigger
    up to ``anchor`` enters a clause or phrase of "after", "before", "since" or "until": 0 for
    "hours after", -N for "N days after", +N for "N days before", None when the gap is not
    said. 0 when there is no such word on the way."""
    found = _temporal_on_way(anchor, trigger)
    return 0 if found is None else _gap(*found)


def connective(high: Any, low: Any) -> str | None:
    """The word that brings ``low`` into ``high``'s clause: "after", "since", ..., or
    "relative" for a relative clause; None when the way up has neither."""
    node = low
    while node.i != high.i and node.head.i != node.i:
        if node.dep_ == "relcl":
            return "relative"
        word = _temporal_word(node)
        if word is not None:
            return str(word.lower_)
        node = node.head
    return None


def _temporal_on_way(anchor: Any, trigger: Any) -> tuple[Any, Any] | None:
    """The clause head and its "after" (or "before", ...) on the way from the trigger up."""
    node = trigger
    while node.i != anchor.i:
        word = _temporal_word(node)
        if word is not None:
            return node, word
        if node.head.i == node.i:
            break
        node = node.head
    return None


def _temporal_word(node: Any) -> Any:
    """The "after" of a clause ("after gunmen abducted him") or a phrase ("after the vote")."""
    for child in node.children:
        if child.dep_ == "mark" and child.lower_ in TEMPORAL:
            return child
    if node.dep_ in ("pobj", "pcomp") and node.head.lower_ in TEMPORAL:
        return node.head
    return None


def _gap(node: Any, word: Any) -> int | None:
    found = _gap_words(node, word)
    return None if found is None else found[1]


def _gap_words(node: Any, word: Any) -> tuple[Any, int | None] | None:
    """The words that say the gap ("two days" of "two days after") and the days it says
    (None when not a number of days or weeks); None when no gap is said. The parse may
    hang the clause on the gap's noun ("a day [after three people were killed]")."""
    for candidate in (*node.children, *word.children, node.head):
        if candidate.dep_ != "npadvmod":
            continue
        unit = candidate.lower_
        if unit in SHORT_UNITS:
            return candidate, 0
        if unit in DAY_UNITS:
            count = next((c.lower_ for c in candidate.children if c.dep_ in ("nummod", "det")), "one")
            number = NUMBERS.get(count) or (int(count) if count.isdigit() else None)
            return candidate, None if number is None else TEMPORAL[word.lower_] * number * DAY_UNITS[unit]
    return None


class SaidGap(NamedTuple):
    governor: Any  # the verb of the clause the act is placed against ("came" of "came two days after")
    gap: Any  # the head of the words that say the gap ("days")
    word: Any  # "after", "before" or "following"
    shift: int  # days from the governor's time to the act's


def said_gap(trigger: Any) -> SaidGap | None:
    """The act's clause or phrase placed a said time after or before another clause ("The
    ban came two days after the opposition staged a march", "a day after the vote"); None
    when there is none, or the gap is not a number of days or weeks ("years after")."""
    found = _temporal_on_way(trigger.sent.root, trigger)
    if found is None or found[1].lower_ not in ("after", "following", "before"):
        return None
    node, word = found
    gap = _gap_words(node, word)
    if gap is None or gap[1] is None:
        return None
    governor = (word if node.head.i == word.i else node).head
    while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
        governor = governor.head
    if governor.pos_ not in ("VERB", "AUX") or governor.i == node.i:
        return None
    return SaidGap(governor, gap[0], word, gap[1])


def _in_subject(verb: Any, trigger: Any) -> bool:
    """The trigger is in ``verb``'s subject: "Muzenda's arrest" of "Muzenda's arrest followed"."""
    return any(
        child.dep_ in SUBJECT_DEPS and child.left_edge.i <= trigger.i <= child.right_edge.i
        for child in verb.children
    )
