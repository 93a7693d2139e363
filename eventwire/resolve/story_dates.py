"""The story's day: a weak date for acts the story tells without one.

News tells the day once, in the headline or the lede ("Troops shelled the port on Tuesday"),
and tells the rest of the story without repeating it ("Three fishermen were wounded"); the
coders of eval/articles date such acts by the story. After the events are coded and merged,
an event that no time expression dates takes the *story day* (``date_precision`` ``story``,
``Event.signals["date_weak"]``, ``date_evidence`` the lede's date when there is one):

- the day of the lede (the lede being the body's first paragraph of news prose: no page
  furniture, photo caption or standfirst, which tell the gist in the present, end with no
  full stop or carry a photo credit; a day more than three days before publication is
  background): the date of its main clause, coded as an act or not ("A tribunal ruled on
  Tuesday that ..."), or of the clause a main verb of saying reports ("the army said a clash
  broke out on Monday"); else its first event whose date came from the act's own clause
  (:mod:`eventwire.resolve.event_dates`); else the date of a report told before what it
  reports ("Ukraine announced yesterday that ...", not "..., sources said on Monday": that
  dates the telling, often a day after the act); else, when recent, the date of a clause
  inside a sentence, not one of "after", "since", "before" or "until" ("Police fired tear
  gas as marchers paraded on Thursday": the parse often hangs the lede's day there). A
  relative clause's present ("Vilkul, who heads the administration, said ...") does not
  make a sentence a standfirst. It dates the story's acts told in the past ("were
  wounded"), or in the past perfect when a past reporting verb shifted them there ("the army
  said it had shelled", "adding that police had used"), or in the present or with a modal
  under a past report ("said Indonesia would assist": the pledge is made when said); the
  headline's present is
  the news too ("Troops shell port"), as is its verbless form ("Activist convicted",
  "Sudan to recall envoy"); so is an act done by saying told in the present ("the UN
  condemns the attacks and urges restraint": an accusation, a rejection, a demand, a
  threat, support). Not the past perfect otherwise ("had banned": before
  the story's day), nor the present perfect, which after a dated lede tells how things
  stand, nor the body's present (a habit: "the group regularly stages protests").
- else the day of the next two paragraphs of prose, read as the lede's, when it is
  recent (at most three days before publication; an older day of a clause inside a sentence
  is passed over as a detail): a lede is often a summary that names no
  day ("Gunmen killed a police reservist", then "Gunmen stormed the post on Sunday night");
  an older day there is background ("protests that began on 17 October"), no story's. The
  lede's acts in the present perfect take it too ("Police have arrested ...": its news).
- else, when the lede tells its act in the present perfect ("Police have arrested ...",
  the news of the day), the publication day, for the acts of the headline, the lede and the
  two paragraphs after it: later ones often go back to the day before, which such a lede
  does not name.

An act told a said time before or after a clause in the story's time ("The ban came two
days after the opposition staged a march", "only hours after", "one week after") takes the
story's day moved by the gap, when the sentence has no time of its own (then grounding
counts the gap from it: :mod:`eventwire.resolve.event_dates`); not a plan ("will").

An act whose paragraph names a day before it takes that day instead of the lede's, still
as ``story`` ("On Saturday night, police broke up the crowd ... Two MPs were arrested"): a
story told over several days moves its time on paragraph by paragraph.

An act of the body told in the past or the present perfect that is still undated after that
(the story gives no day: its lede names none, or opens with a standfirst's present, "The
city remains under curfew after clashes on Tuesday"; or the act lies outside the part of the
story its day covers) takes the day the body names last before it, as ``story``, when that
day is recent (at most three days before publication): news tells its acts in order and
names the day once. Not when the last day named is older (background), nor a day of a report
told after what it reports ("..., sources said on Wednesday": the telling's), nor for an
act whose sentence holds a time expression or whose clause says another time ("then"). On
train it dates 29 more matched acts with a gold day, 25 of them rightly.

Never for background: an act whose sentence holds a time expression ("on Monday" that the parse
gave another act, "one week after"; not a month or a year that the parse did not give the act's
own clause, which tells another clause's time and cannot place the act on a day: "Police
arrested two journalists, the ministry said, adding that their paper had been banned in 2019";
on train it dates 13 more matched acts with a gold day, each rightly; not a mere span, frequency or
age: "for three hours", "a decade", "daily", "67", nor a time of day or the story's day
itself: "at 3pm", "early in the morning", "on Tuesday" when Tuesday is the story's day, nor
a time of a clause the act's clause holds: "welcomed the decision, lamenting that sanctions
imposed since 1962 remain"; but any time when the act's clause is one of "after", "before",
"since" or "until": "freed on Monday, after gunmen abducted him") or whose clause says another time
("recently", "earlier", "the following day", "then": the day of an act told before it).
An act told in the future, with a modal or as a condition ("will meet", "must quit",
"would be arrested") takes the day it is told: the coders of eval/articles date a plan,
a pledge or a threat by its telling (on train, 12 of 13 such matched acts). Counts on
the train split are in docs/evaluation.md.

A time expression that names a thing ("urges the signatories of the 2018 peace agreement",
"accused the commission of rigging Saturday's count") tells which thing, not when the act
happened: it takes the act's firm date away (grounding gave it, and the event scorer and the
merging of mentions read it as given) and does not keep the act from the story's day. So
does a month or a year that another clause gave the act weakly ("agreed to cooperate with
a programme set up last year"): background, not the act's time.

The stage runs after the event scorer, so a story date changes neither which events are
kept nor how mentions are merged; it only fills the date of an event left without one.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from typing import Any, NamedTuple

from eventwire.config import PipelineConfig
from eventwire.extract.entities import FINITE_TAGS
from eventwire.ingest.layout import ends_sentence
from eventwire.models import Analysis, Article, Event, Section, Span
from eventwire.resolve.dates import possessive, resolve_date, tells_a_time
from eventwire.resolve.event_dates import (
    TEMPORAL,
    DateAttacher,
    anchor_of,
    connective,
    event_head,
    first_conjunct,
    names_a_thing,
    said_gap,
)

STORY = "story"  # the date_precision of a day the story gives, not the act's own words
MODALS = frozenset({"will", "would", "shall", "'ll", "'d", "could", "can", "may", "might", "must", "should"})
PERFECT = frozenset({"have", "has", "'ve", "having"})
PAST_PERFECT = frozenset({"had", "'d"})
# Adverbs and nouns of a clause that place its act at another time than the story's.
OTHER_TIME_ADVERBS = frozenset(
    {
        "recently",
        "earlier",
        "previously",
        "formerly",
        "once",
        "ago",
        "later",
        "lately",
        "already",
        "since",
        "then",
    }
)
TIME_NOUNS = frozenset(
    {"day", "days", "week", "weeks", "month", "months", "year", "years", "night", "morning"}
)
# after a span of time, the word that makes it a time: "one week after", "hours before"
_GAP_WORD = re.compile(r"\s+(?:after|before|ago|earlier|later|since|following)\b", re.IGNORECASE)
# a photo credit on a caption's line: "(Photo by ...)", "(AP Photo)", "PHOTO: REUTERS", "Image Credit: AFP"
_PHOTO_CREDIT = re.compile(
    r"\((?:\w+ )?(?:photo|picture|image)s?\b|\b(?:photo|picture|image)s?(?: credit)?\s*:", re.IGNORECASE
)
LEDE_MIN_TOKENS = 8  # a dateline, a date line or a byline is no lede
STORY_PARAGRAPHS = 3  # the lede and the paragraphs that may date it after a summary
RECENT_DAYS = 3  # how long before publication a day after the lede can be the story's
LINE_TAIL = 16  # characters of a line's end that tell whether it ends a sentence
# "modal": a plan or a pledge ("will meet", "must quit") is news of the day it is told
FROM_LEDE_ACT = frozenset({"past", "reported-perfect", "reported-modal", "reported-present", "modal"})
FROM_PUBLICATION = frozenset({"past", "perfect"})
# how an act must be told to take the day named last before it (_date_by_earlier_day)
EARLIER_DAY_TENSES = frozenset({"past", "perfect"})
# Acts done by saying: told in the present ("condemns", "urges", "rejects"), they are done
# as the story is told, not a habit ("the group regularly stages protests").
SAID_ACTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT"})


class StoryDay(NamedTuple):
    day: dt.date
    evidence: Span | None  # the lede's date; None for the publication day
    tenses: frozenset[str]  # how an act must be told to take it (see _tense)
    within: tuple[int, int] | None  # article offsets the acts must lie in (or the headline); None: anywhere
    perfect_in: tuple[int, int] | None = None  # where an act in the present perfect takes it too
    inner: bool = False  # the date of a clause inside a sentence, not of a main clause or an act


class StoryDateStage:
    """Reads ``events``, ``docs``, ``entities``; writes the story's day to undated events."""

    name = "story_dates"

    def __init__(self, config: PipelineConfig) -> None:
        self.reporting = DateAttacher().reporting

    def __call__(self, analysis: Analysis) -> Analysis:
        published = analysis.article.published
        docs = {d.section: d for d in analysis.docs if d.section in (Section.TITLE, Section.BODY)}
        body = docs.get(Section.BODY)
        if published is None or body is None or not analysis.events:
            return analysis
        _drop_dates_that_name_things(analysis, body)
        _drop_weak_months_and_years(analysis)
        story = self.story_day(analysis, body, published)
        if story is not None:
            self._date_by_story(analysis, docs, body, story)
        self._date_by_earlier_day(analysis, body, story.day if story is not None else published)
        return analysis

    def _date_by_story(
        self, analysis: Analysis, docs: dict[Section, Any], body: Any, story: StoryDay
    ) -> None:
        """Give the story's day (or the day the act's paragraph names) to the undated acts
        told in the story's time."""
        times = _TimeExpressions(analysis, story.day)
        for event in analysis.events:
            if event.date is not None:
                continue
            doc = docs.get(event.section)
            trigger = doc.token_at(event.trigger.start) if doc is not None else None
            if trigger is None:
                continue
            shift = 0
            if not self._in_story_time(event, trigger, doc, story, times):
                gap = self._gap_from_story(event, trigger, doc, story, times)
                if gap is None:
                    continue
                shift = gap
            told = times.paragraph_day(body, event) if event.section is Section.BODY else None
            day, evidence = told if told is not None else (story.day, story.evidence)
            day += dt.timedelta(days=shift)
            event.date, event.date_precision, event.date_evidence = day, STORY, evidence
            event.signals["date_weak"] = 1.0

    def _date_by_earlier_day(self, analysis: Analysis, body: Any, story_day: dt.date) -> None:
        """An act of the body told in the past that neither its own words nor the story's day
        date ("Two police stations were burnt", told three paragraphs after "Protesters
        marched through the city on Tuesday", in a story whose lede names no day or tells
        another act) takes the day the story named last before it, when that day is recent
        (at most three days before publication): news tells its acts in order and names the
        day once. Not when its sentence holds a time expression (one the parse did not give
        the act: its own time, which grounding could not place), nor when its clause says
        another time ("earlier", "then")."""
        times = _TimeExpressions(analysis, story_day)
        for event in analysis.events:
            if event.date is not None or event.section is not Section.BODY:
                continue
            trigger = body.token_at(event.trigger.start)
            if trigger is None:
                continue
            head = event_head(trigger)
            if _tense(head, self.reporting) not in EARLIER_DAY_TENSES or _other_time(head):
                continue
            sent = trigger.sent
            if times.inside(sent.start_char + body.offset, sent.end_char + body.offset):
                continue
            found = times.earlier_day(body, event, self.reporting)
            if found is not None:
                event.date, event.date_precision, event.date_evidence = found[0], STORY, found[1]
                event.signals["date_weak"] = 1.0

    def _gap_from_story(
        self, event: Event, trigger: Any, doc: Any, story: StoryDay, times: _TimeExpressions
    ) -> int | None:
        """Days from the story's day to an act told a said time before or after a clause
        told in the story's time ("The ban came two days after the opposition staged a
        march": two days before the ban's day); None when the act is not told so, or the
        clause has a time of its own (grounding dates the act from it)."""
        if event.section is not Section.BODY:
            return None
        head = event_head(trigger)
        found = said_gap(head)
        if found is None or _tense(head, self.reporting) in ("modal", "reported-modal"):
            return None
        if story.within is not None and not story.within[0] <= event.evidence.start < story.within[1]:
            return None
        gap_low = found.gap.left_edge.idx + doc.offset
        gap_high = found.word.idx + len(found.word) + doc.offset
        sent = trigger.sent
        low, high = sent.start_char + doc.offset, sent.end_char + doc.offset
        for start, _end, same_day, _coarse in times.inside(low, high):
            if not (same_day or gap_low <= start < gap_high):
                return None  # a time of its own: the gap counts from it, not from the story's day
        governor = found.governor
        if _other_time(governor) or _tense(governor, self.reporting) not in story.tenses:
            return None
        return found.shift

    def story_day(self, analysis: Analysis, body: Any, published: dt.date) -> StoryDay | None:
        """The day the story tells: its lede's firmly dated act's, else the firmly dated act of
        one of the next paragraphs (a lede may be a summary that names no day: "Gunmen killed
        a police officer", then "The attack came on Sunday"), else the publication day when
        the lede tells an act in the present perfect; None when none, or not recent. A day
        only a clause inside a sentence gives ("as marchers paraded on Thursday") is taken
        when recent and passed over when older (a detail: "the law passed on 3 May")."""
        paragraphs = _ledes(body, STORY_PARAGRAPHS, analysis.article, self.reporting)
        if not paragraphs:
            return None
        lede = paragraphs[0]
        low, high = lede[0] + body.offset, lede[1] + body.offset
        for paragraph in paragraphs:
            first = self._paragraph_day(analysis, body, paragraph, published)
            recent = first is not None and 0 <= (published - first.day).days <= RECENT_DAYS
            if first is None or (first.inner and not recent):
                continue
            if not recent:  # an older day there is background
                if paragraph is lede:
                    return None
                break
            if paragraph is lede and not first.inner:
                return first
            return first._replace(perfect_in=(low, high))  # the lede's news of it
        acts = [body.token_at(e.trigger.start) for e in analysis.events if low <= e.evidence.start < high]
        if any(t is not None and _tense(event_head(t), self.reporting) == "perfect" for t in acts):
            near = (low, paragraphs[-1][1] + body.offset)  # the lede and the paragraphs after it
            return StoryDay(published, None, FROM_PUBLICATION, near, (low, high))
        return None

    def _paragraph_day(
        self, analysis: Analysis, body: Any, paragraph: tuple[int, int], published: dt.date
    ) -> StoryDay | None:
        """The day a paragraph tells: the date of its main clause ("An international tribunal
        ruled on Tuesday"), whether or not that clause's act is coded; else its first firmly
        dated act; else the date of a main clause that reports ("Ukraine announced yesterday
        that ...", "Later on Sunday, the minister said ..."); else the date of a clause inside
        a sentence, not one of "after", "since", "before" or "until" ("Police fired tear gas as
        marchers paraded through the capital on Thursday"; the parse often hangs a lede's
        date there), marked ``inner``."""
        told, reported, inner = self._main_clause_days(analysis, body, paragraph, published)
        if told is not None:
            return told
        first = self._firm_act(analysis, body, paragraph)
        return first or reported or inner

    def _main_clause_days(
        self, analysis: Analysis, body: Any, paragraph: tuple[int, int], published: dt.date
    ) -> tuple[StoryDay | None, StoryDay | None, StoryDay | None]:
        """The first day a main clause of the paragraph's sentences is dated by, one whose verb
        is not a report and one whose verb is, and the first day of a clause inside a
        sentence: each None when there is none."""
        low, high = paragraph[0] + body.offset, paragraph[1] + body.offset
        told: StoryDay | None = None
        reported: StoryDay | None = None
        inner: StoryDay | None = None
        for entity in analysis.entities:
            if not (low <= entity.start < high) or entity.label not in ("DATE", "TIME"):
                continue
            span = body.doc.char_span(
                entity.start - body.offset, entity.end - body.offset, alignment_mode="expand"
            )
            if span is None or not len(span):
                continue
            anchor = anchor_of(span.root, set(), span.root)
            if anchor is None or (possessive(entity.text) and names_a_thing(span.root, set(), anchor)):
                continue  # "pressed officials about Thursday night's incident": which incident
            day, precision = resolve_date(entity.text, published)
            if day is None or precision != "day":
                continue
            found = StoryDay(day, Span(entity.text, entity.start, entity.end), FROM_LEDE_ACT, None)
            if not self._main_clause(anchor):
                if inner is None and connective(anchor.sent.root, span.root) not in TEMPORAL:
                    inner = found._replace(inner=True)
                continue
            if self.reporting(anchor):
                if _fronted(anchor):
                    reported = reported or found
            else:
                told = told or found
        return told, reported, inner

    def _main_clause(self, verb: Any) -> bool:
        """The sentence's main verb or one coordinated with it, or the verb of the clause a
        main verb of saying reports ("the army said a clash broke out on Monday")."""
        head = first_conjunct(verb)
        root = verb.sent.root
        if head.i == root.i:
            return True
        return bool(head.dep_ == "ccomp" and head.head.i == root.i and self.reporting(root))

    def _firm_act(self, analysis: Analysis, body: Any, paragraph: tuple[int, int]) -> StoryDay | None:
        """The day of the paragraph's first act dated by its own clause, not by a report, nor
        by another mention of the act elsewhere in the article (merged into it)."""
        low, high = paragraph[0] + body.offset, paragraph[1] + body.offset
        dated = [
            e for e in analysis.events
            if e.date is not None and e.date_precision == "day" and e.signals.get("date_weak") != 1.0
            and low <= e.evidence.start < high
            and e.date_evidence is not None and low <= e.date_evidence.start < high
        ]  # fmt: skip
        if not dated:
            return None
        first = min(dated, key=lambda e: e.evidence.start)
        assert first.date is not None
        return StoryDay(first.date, first.date_evidence, FROM_LEDE_ACT, None)

    def _in_story_time(
        self, event: Event, trigger: Any, doc: Any, story: StoryDay, times: _TimeExpressions
    ) -> bool:
        """Whether the act is told in the story's time, not as background."""
        if (
            story.within is not None
            and event.section is not Section.TITLE
            and not story.within[0] <= event.evidence.start < story.within[1]
        ):
            return False
        sent = trigger.sent
        head = event_head(trigger)
        after = connective(sent.root, head) in TEMPORAL  # "freed on Monday, after gunmen abducted him"
        low, high = sent.start_char + doc.offset, sent.end_char + doc.offset
        for start, end, same_day, coarse in times.inside(low, high):
            if ((same_day or coarse) and not after) or _in_clause_below(doc, start, end, head):
                continue  # a month or a year the parse gave another clause: that clause's time
            return False  # a time of its own, which the parse did not give the act
        if _other_time(head):
            return False
        tense = _tense(head, self.reporting)
        if tense == "perfect" and story.perfect_in is not None:
            return story.perfect_in[0] <= event.evidence.start < story.perfect_in[1]
        if event.section is Section.TITLE and tense in ("present", "none"):
            return True  # the headline's present is the news, as is its verbless form ("activist convicted")
        if tense == "present" and event.type in SAID_ACTS and head.tag_ in ("VBZ", "VBP"):
            return True  # "the organisation condemns the attacks": said as the story is told
        return tense in story.tenses


def _drop_dates_that_name_things(analysis: Analysis, body: Any) -> None:
    """Drop a firm date that a time expression of the act's sentence gave it when the
    expression names a thing ("urges the signatories of the 2018 peace agreement"): see
    :func:`eventwire.resolve.event_dates.names_a_thing`. Done here, after the event scorer
    and the merging of mentions, which read the dates grounding gave (the scorer learnt its
    weights on them), so that no kept event changes; the act may then take the story's day."""
    found = [(e, body.token_at(e.trigger.start)) for e in analysis.events if e.section is Section.BODY]
    triggers = {t.i for _, t in found if t is not None}
    for event, trigger in found:
        evidence = event.date_evidence
        if trigger is None or evidence is None or event.date_precision == STORY:
            continue
        sent = trigger.sent
        if not sent.start_char <= evidence.start - body.offset < sent.end_char:
            continue
        low, high = evidence.start - body.offset, evidence.end - body.offset
        span = body.doc.char_span(low, high, alignment_mode="expand")
        if span is None or not len(span) or not names_a_thing(span.root, triggers, event_head(trigger)):
            continue
        _undate(event)


def _drop_weak_months_and_years(analysis: Analysis) -> None:
    """Drop a month or a year another clause gave the act weakly ("agreed to cooperate with a
    disarmament programme set up last year", "the talks, which began in March"): background
    to the act, not its time (on train, every such date of a matched act with a gold day
    named another month or year); a weak day, mostly the day of the speaking, stays. Done
    after the event scorer and the merging of mentions, like the dates that name things."""
    for event in analysis.events:
        if event.signals.get("date_weak") == 1.0 and event.date_precision in ("month", "year"):
            _undate(event)


def _undate(event: Event) -> None:
    """Take away a date that is not the act's: the event is undated, as no time expression
    had dated it, and may take the story's day."""
    event.date, event.date_precision, event.date_evidence = None, "unknown", None
    event.signals.pop("date_weak", None)


_PART_OF_DAY = r"(?:morning|afternoon|evening|night|dawn|dusk|daybreak|noon|midday|midnight|overnight|day)"
_CLOCK = r"\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)(?:\s+local time)?"
# when in a day, or that day again: "at 3pm", "5am this morning", "early in the morning", "earlier that day",
# in the possessive too ("this morning's raid")
_TIME_OF_DAY = re.compile(
    r"(?:(?:at|around|about|by|shortly|just|before|after|on|early|late|earlier|later|in|the|this|that|same)\s+)*"
    rf"(?:{_CLOCK}(?:\s+(?:(?:this|that|on|in the)\s+)?{_PART_OF_DAY})?|{_PART_OF_DAY})(?:\s*['’]s)?",
    re.IGNORECASE,
)


def _same_day(text: str, day: dt.date, published: dt.date | None) -> bool:
    """A time expression that keeps the act on the story's day: a time of day ("at 3pm",
    "early in the morning") or that day itself."""
    if _TIME_OF_DAY.fullmatch(text.strip(" .,")):
        return True
    return published is not None and resolve_date(text, published) == (day, "day")


def _coarse(text: str, published: dt.date | None) -> bool:
    """A time expression that names only a month or a year ("in June", "last year", "since
    2019"): it cannot say which day of the story's an act happened on."""
    return published is not None and resolve_date(text, published)[1] in ("month", "year")


def _in_clause_below(doc: Any, start: int, end: int, head: Any) -> bool:
    """The time expression at article offsets ``start``-``end`` dates a clause the act's own
    clause holds ("welcomed the decision, lamenting that sanctions imposed since 1962
    remain") or names a thing ("urged the signatories of the 2018 accord"): a detail of what
    the act is about, not the act's time. Not a clause of
    "after", "before", "since" or "until", which places the act by its time ("shelled the
    forest two days after the army launched an offensive")."""
    span = doc.doc.char_span(start - doc.offset, end - doc.offset, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if names_a_thing(span.root, set(), head):
        return True  # "urged the signatories of the 2018 accord": which accord, not when
    anchor = anchor_of(span.root, set(), span.root)
    if anchor is None or anchor.i == head.i or head not in anchor.ancestors:
        return False
    return connective(head, anchor) not in TEMPORAL


def _fronted(verb: Any) -> bool:
    """A report told before what it reports ("Ukraine announced yesterday that Moscow had
    ..."): its day is the story's. A report told after ("Two men were killed overnight,
    sources said on Monday") dates the telling, often a day after the act."""
    told = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis", "xcomp")]
    return bool(told) and all(c.i > verb.i for c in told)


def _other_time(verb: Any) -> bool:
    """The clause says another time: "recently", "earlier", "the following day"."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in OTHER_TIME_ADVERBS:
            return True
        if child.dep_ == "npadvmod" and child.lower_ in TIME_NOUNS:
            return True
    return False


def _tense(token: Any, reporting: Any) -> str:
    """How the clause of ``token`` tells its act: "past", "perfect" (present perfect),
    "past-perfect", "reported-perfect" (a past perfect under a past reporting verb),
    "present", "progressive", "modal" or "none" (no finite verb up the tree)."""
    node = token
    while node.pos_ not in ("VERB", "AUX") or node.dep_ in ("aux", "auxpass"):
        if node.head.i == node.i:
            return "none"
        node = node.head
    while True:
        auxes = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
        words = {c.lower_ for c in auxes}
        if words & MODALS or any(c.lower_ == "going" for c in auxes):
            return "reported-modal" if _reported_in_past(node, reporting) else "modal"
        if words & PAST_PERFECT:
            return "reported-perfect" if _reported_in_past(node, reporting) else "past-perfect"
        if words & PERFECT:
            return "perfect"
        finite = [c for c in auxes if c.tag_ in ("VBD", "VBZ", "VBP", "MD")] + (
            [node] if node.tag_ in ("VBD", "VBZ", "VBP") else []
        )
        if finite:
            tag = finite[0].tag_
            if tag == "VBD":
                return "past"
            if node.tag_ == "VBG":
                return "progressive"
            return "reported-present" if _reported_in_past(node, reporting) else "present"
        if (
            node.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acl", "relcl", "pcomp")
            and node.head.i != node.i
        ):
            node = node.head  # an untensed clause takes its governor's time
            while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
                node = node.head
            continue
        return "none"


def _reported_in_past(verb: Any, reporting: Any) -> bool:
    """A past reporting verb holds the clause: "the army said it had shelled the port". A
    reporting verb with no tense of its own ("adding that ...", "telling reporters that ...",
    "quoted him as saying that ...") takes the time of the finite verb above it."""
    untensed = False  # a reporting verb with no tense of its own was passed
    for node in verb.ancestors:
        if node.pos_ not in ("VERB", "AUX"):
            continue
        finite = node.tag_ in ("VBD", "VBZ", "VBP") or any(c.tag_ == "MD" for c in node.children)
        if finite and (untensed or reporting(node)):
            return bool(node.tag_ == "VBD")
        untensed = untensed or reporting(node)
    return False


def _ledes(body: Any, count: int, article: Article, reporting: Any) -> list[tuple[int, int]]:
    """The body's first ``count`` paragraphs of news prose (character offsets in the body),
    the lede first: each from the first sentence that can open one to the end of its line."""
    found: list[tuple[int, int]] = []
    end = -1  # the end of the line of the sentence last looked at (found once per line)
    for sent in body.doc.sents:
        if found and sent.start_char < found[-1][1]:
            continue
        if len(sent) < LEDE_MIN_TOKENS or sent.root.pos_ not in ("VERB", "AUX"):
            continue
        if end < sent.start_char:
            end = body.text.find("\n", sent.start_char)
            end = len(body.text) if end < 0 else end
        tail = body.text[max(sent.start_char, end - LINE_TAIL) : end]
        if _PHOTO_CREDIT.search(body.text, sent.start_char, end):
            continue  # a caption's later sentence, told in the past: "(Photo by ...)"
        if _news_prose(sent, tail, article, body.offset, reporting):
            last = end == len(body.text)  # no line after it: the paragraph is the sentence
            found.append((sent.start_char, sent.end_char if last else end))
            if len(found) == count or last:
                break
    return found


def _news_prose(sent: Any, line_tail: str, article: Article, offset: int, reporting: Any) -> bool:
    """Whether the sentence opens a paragraph of news prose, not page furniture ("Published:
    Wednesday, ...", a byline, a banner: the layout's boilerplate lines), nor a photo caption
    or a standfirst: these tell the picture or the gist in the present ("Protesters flee as
    police fire tear gas", "Army says five soldiers died": its first finite verb, as the
    parse's root may lie in a clause inside) or end with no full stop."""
    if article.in_boilerplate(sent.start_char + offset) or not ends_sentence(line_tail):
        return False
    finite = next((t for t in sent if t.tag_ in FINITE_TAGS and not _in_relative(t)), None)
    return finite is None or _tense(finite, reporting) != "present"


def _in_relative(token: Any) -> bool:
    """The verb lies in a relative clause ("Vilkul, who heads the administration, said"):
    it describes a participant, and does not tell how the sentence tells its news."""
    return token.dep_ == "relcl" or any(node.dep_ == "relcl" for node in token.ancestors)


class _TimeExpressions:
    """The article's DATE and TIME entities, by offset (bisection): those that place
    something in time, and the days they name, each read only when an act asks.

    "For three hours", "a decade", "daily" or an age say how long or how often, and leave the
    act in the story's time; so do a time of day ("at 3pm", "this morning"), which says when
    in the day, and the story's day itself ("on Tuesday" when the story's day is Tuesday)."""

    def __init__(self, analysis: Analysis, day: dt.date) -> None:
        self.text = analysis.article.text
        self.published = analysis.article.published
        self.day = day
        self.entities = sorted(
            (e for e in analysis.entities if e.label in ("DATE", "TIME")), key=lambda e: e.start
        )
        self.starts = [e.start for e in self.entities]

    def inside(self, low: int, high: int) -> list[tuple[int, int, bool, bool]]:
        """The expressions that place something in time between article offsets ``low`` and
        ``high``, each with whether it keeps to the story's day ("at 3pm", "on Tuesday") and
        whether it names only a month or a year ("in June", "last year", "since 2019")."""
        found = []
        for entity in self.entities[bisect_left(self.starts, low) : bisect_right(self.starts, high)]:
            if entity.end > high:
                continue
            gap = _GAP_WORD.match(self.text, entity.end) is not None  # "one week after"
            if gap or tells_a_time(entity.text):
                same = not gap and _same_day(entity.text, self.day, self.published)
                coarse = not gap and _coarse(entity.text, self.published)
                found.append((entity.start, entity.end, same, coarse))
        return found

    def paragraph_day(self, body: Any, event: Event) -> tuple[dt.date, Span] | None:
        """The day the act's paragraph names last before it ("On Saturday night, police
        broke up the crowd. Two opposition MPs were arrested."): the time the paragraph
        tells, which a story of several days moves on; None when it names none."""
        at = event.evidence.start
        line_start = body.offset + body.text.rfind("\n", 0, at - body.offset) + 1
        for i in range(bisect_left(self.starts, at) - 1, bisect_left(self.starts, line_start) - 1, -1):
            entity = self.entities[i]
            day, precision = resolve_date(entity.text, self.published) if self.published else (None, "")
            if day is not None and precision == "day":
                return day, Span(entity.text, entity.start, entity.end)
        return None

    def earlier_day(self, body: Any, event: Event, reporting: Any) -> tuple[dt.date, Span] | None:
        """The last day the body names before the act, when recent (at most three days
        before publication and not after it); None when the last day named is older (the
        story has gone back to background) or none is named. A day that dates a report told
        after what it reports ("Two were killed overnight, sources said on Wednesday") dates
        the telling, often a day after the acts: passed over."""
        if self.published is None:
            return None
        at = event.evidence.start
        for i in range(bisect_left(self.starts, at) - 1, bisect_left(self.starts, body.offset) - 1, -1):
            entity = self.entities[i]
            day, precision = resolve_date(entity.text, self.published)
            if day is None or precision != "day":
                continue
            span = body.doc.char_span(
                entity.start - body.offset, entity.end - body.offset, alignment_mode="expand"
            )
            anchor = anchor_of(span.root, set(), span.root) if span is not None and len(span) else None
            if anchor is not None and reporting(anchor) and not _fronted(anchor):
                continue
            if 0 <= (self.published - day).days <= RECENT_DAYS:
                return day, Span(entity.text, entity.start, entity.end)
            return None
        return None
