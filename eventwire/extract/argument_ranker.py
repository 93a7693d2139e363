"""A learned second look at each event's source and target among the sentence's actors.

The dependency rules (:mod:`.event_patterns`, :mod:`.event_actors`) choose an event's sides
one construction at a time; where a parse or a construction they do not know misleads them
("was attacked by", a relative clause, a pronoun subject), the right actor is usually still
named in the sentence. This stage re-decides each side among a few candidates: the rules'
own choice, every actor the resolver linked inside the trigger's sentence, the rules' choice
for the other side, and no one. A logistic model per side (``source``, ``target``) scores
each candidate from how it stands to the trigger (the dependency path, its label, which side
of the trigger, the distance, a passive or noun trigger, a relative clause) and what it is
(actor kind, entity label, a pronoun, an unknown group, the quote's speaker, the rules'
choice for this side or the other). It is trained on the article train half by
``eventwire train-arguments`` (:mod:`eventwire.evaluate.train_arguments`).

The rules stay in charge: a side changes only when the model prefers another candidate to
the rules' choice by more than a margin chosen out of fold on train. Events the rules coded
as several pairs ("X and Y agreed") keep them; a doer the model finds for a joint act with
one partner ("shunned negotiations with Washington") does it each way, and a doer it picks
from a list is each member, as the rules code them.
The model is a JSON file (``data/models/argument_ranker.json``); no pickle, and a model
naming features this code does not compute is refused at load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.config import ARGUMENTS_PATH, PipelineConfig
from eventwire.extract import event_patterns as pat
from eventwire.extract.argument_candidates import referring_mentions
from eventwire.extract.event_actors import (
    OWNER_PRONOUNS,
    capital_only,
    done_at_a_place,
    linker_for,
    only_reports,
    own_states,
)
from eventwire.extract.event_scorer import KIND_BUCKET, PRONOUNS
from eventwire.extract.pairs import is_between, joint_with
from eventwire.linear_models import checked_features, read_linear_model, weighted_sum
from eventwire.models import UNKNOWN_ACTOR_PREFIX, Analysis, Event, Mention, known_actor_id
from eventwire.nlp.bounds import heads
from eventwire.nlp.columns import columns
from eventwire.nlp.parse import token_at

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from eventwire.extract.event_actors import ArgumentLinker
    from eventwire.nlp import SectionDoc
    from eventwire.resolve.actors import ActorResolver

FORMAT = "eventwire-argument-ranker/1"
SLOTS = ("source", "target")
_PATH_STEPS = 4  # longer dependency paths are cut: rare strings teach nothing
_MAX_HITS = 12  # actors linked in one sentence considered (a list of names is no argument)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One possible filler of a side: a mention (None: no one) and where it came from."""

    mention: Mention | None
    rule: bool  # the rules' choice for this side
    other_rule: bool  # the rules' choice for the other side
    kind: str = ""  # the actor's kind ("" when unknown or none)
    origin: str = ""  # "referring": a pronoun or description the rules' linker resolves


# ---------------------------------------------------------------- syntax
def _head_in(sent: SpacySpan, start: int, end: int) -> Token | None:
    """The syntactic head of ``start:end`` (text offsets) when it lies in ``sent``."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or span.start < sent.start or span.end > sent.end:
        return None
    return span.root


def _chain(token: Token) -> list[Token]:
    """The token and its heads up to the root of its sentence."""
    doc, head = token.doc, heads(token.doc)
    out, i = [token], token.i
    while head[i] != i and len(out) < 40:
        i = head[i]
        out.append(doc[i])
    return out


def dep_path(trigger: Token, other: Token, up: list[Token] | None = None) -> tuple[str, int]:
    """The labels from ``trigger`` up to the common head and down to ``other``
    ("^nsubj" is the trigger's subject, "vagent vpobj" the pobj of its agent), cut to a
    few steps, and the full length; ``up``: the trigger's chain of heads, when known."""
    up = up if up is not None else _chain(trigger)
    doc = other.doc
    head, i = heads(doc), other.i
    down = [i]  # ``other``'s chain of heads (as ``_chain``), as indices: a Token per step cost more
    while head[i] != i and len(down) < 40:
        i = head[i]
        down.append(i)
    index = {j: n for n, j in enumerate(down)}
    for n, token in enumerate(up):
        if token.i in index:
            rising = [f"^{t.dep_}" for t in up[:n]]
            deps, strings = columns(doc).dep, doc.vocab.strings
            falling = [f"v{strings[deps[j]]}" for j in reversed(down[: index[token.i]])]
            steps = rising + falling
            return " ".join(steps[:_PATH_STEPS]), len(steps)
    return "apart", 99


# ---------------------------------------------------------------- features
@dataclass(slots=True)
class EventContext:
    """What every candidate of one event shares: its trigger token, sentence and speaker."""

    event: Event
    trigger: Token
    sent: SpacySpan
    offset: int  # of the section in Article.text
    section_doc: SectionDoc
    speaker: Mention | None
    kinds: dict[str, str]  # actor id -> kind, built once per article
    referring: list[Candidate] | None = None  # found once per event, for both sides
    links: dict[tuple[int, int], Mention | None] | None = None  # referring phrases, read once per article
    phrases: dict[tuple[int, int], list[Token]] | None = None  # each sentence's referring words, found once
    chain: list[Token] = field(default_factory=list)  # the trigger and its heads, read once
    # each candidate span's head in the sentence and dependency path from the trigger, read
    # once for both sides (most candidates are offered to both)
    paths: dict[tuple[int, int], tuple[Token, str, int] | None] = field(default_factory=dict)
    placed: dict[tuple[int, int], _Placed] = field(default_factory=dict)  # their features, built once
    hits: list[Candidate] | None = None  # the sentence's linked actors, offered to both sides
    # the features of a candidate offered to both sides (a hit, a referring phrase), by its
    # identity (the candidate kept with them): the second side changes "same_as_other" only
    shared: dict[int, tuple[Candidate, dict[str, float]]] = field(default_factory=dict)
    passive: bool = False
    noun: bool = False
    relcl: bool = False

    def __post_init__(self) -> None:
        trigger = self.trigger
        self.chain = _chain(trigger)
        self.passive = trigger.pos_ == "VERB" and pat.is_passive(trigger)
        self.noun = trigger.pos_ in ("NOUN", "PROPN")
        self.relcl = any(t.dep_ in ("relcl", "acl") for t in self.chain[:4])


def context(
    analysis: Analysis, event: Event, kinds: dict[str, str],
    links: dict[tuple[int, int], Mention | None] | None = None,
    phrases: dict[tuple[int, int], list[Token]] | None = None,
) -> EventContext | None:  # fmt: skip
    trigger = token_at(analysis.docs, event.trigger.start)
    if trigger is None:
        return None
    section_doc = next(s for s in analysis.docs if s.doc is trigger.doc)
    speaker = None
    if event.quote is not None and event.quote < len(analysis.quotes):
        speaker = analysis.quotes[event.quote].speaker
    offset = section_doc.offset
    return EventContext(
        event, trigger, trigger.sent, offset, section_doc, speaker, kinds, links=links, phrases=phrases
    )


def candidates(
    analysis: Analysis, ctx: EventContext, slot: str, resolver: ActorResolver,
    linker: ArgumentLinker | None = None,
) -> list[Candidate]:  # fmt: skip
    """The rules' choice first, then the other side's, the sentence's actors, the pronouns and
    descriptions of the sentence that resolve to an actor (:mod:`.argument_candidates`), and
    no one."""
    event = ctx.event
    own = getattr(event, slot)
    other = event.target if slot == "source" else event.source
    kinds = ctx.kinds
    out = [
        Candidate(own, True, own is not None and own == other, kinds.get(own.actor or "", "") if own else "")
    ]
    seen = {(own.start, own.end)} if own is not None else set()
    if other is not None and (other.start, other.end) not in seen:
        seen.add((other.start, other.end))
        out.append(Candidate(other, False, True, kinds.get(other.actor or "", "")))
    for candidate in _hits(analysis, ctx, resolver):
        span = (candidate.mention.start, candidate.mention.end) if candidate.mention else (-1, -1)
        if span in seen:
            continue
        seen.add(span)
        out.append(candidate)
    for candidate in _referring(analysis, ctx, linker):
        span = (candidate.mention.start, candidate.mention.end) if candidate.mention else (-1, -1)
        if span not in seen:
            seen.add(span)
            out.append(candidate)
    if own is not None:
        out.append(Candidate(None, False, False))
    return out


def _hits(analysis: Analysis, ctx: EventContext, resolver: ActorResolver) -> list[Candidate]:
    """The actors the resolver linked in the event's sentence (a few at most), as candidates
    built once for both sides."""
    if ctx.hits is None:
        start, end = ctx.sent.start_char + ctx.offset, ctx.sent.end_char + ctx.offset
        ctx.hits = [
            Candidate(Mention(hit.text, hit.start, hit.end, hit.actor, hit.country, list(hit.sectors)),
                      False, False, hit.kind)
            for hit in resolver.hits_within(analysis, start, end)[:_MAX_HITS]
        ]  # fmt: skip
    return ctx.hits


def _referring(analysis: Analysis, ctx: EventContext, linker: ArgumentLinker | None) -> list[Candidate]:
    """The event's referring candidates (no linker: none)."""
    if ctx.referring is None:
        found = []
        if linker is not None:
            found = referring_mentions(
                analysis, ctx.section_doc, ctx.sent, ctx.trigger, linker, ctx.links, ctx.phrases
            )
        kinds = ctx.kinds
        ctx.referring = [Candidate(m, False, False, kinds.get(m.actor or "", ""), "referring") for m in found]
    return ctx.referring


def features(ctx: EventContext, slot: str, candidate: Candidate) -> dict[str, float]:
    """The model's inputs for one candidate of one side (see the module docstring)."""
    event, trigger = ctx.event, ctx.trigger
    passive, noun = ctx.passive, ctx.noun
    values: dict[str, float] = {"bias": 1.0, f"type={event.type}": 1.0}
    mention = candidate.mention
    if mention is None:
        values["none"] = 1.0
        values[f"none_type={event.type}"] = 1.0
        values["none_noun"] = float(noun)
        values["none_passive"] = float(passive)
        return values
    values["rule"] = float(candidate.rule)
    values["other_rule"] = float(candidate.other_rule)
    text = mention.text.lower()
    pronoun = text in PRONOUNS
    values["pronoun"] = float(pronoun)
    values["unknown_group"] = float((mention.actor or "").startswith(UNKNOWN_ACTOR_PREFIX))
    values["unlinked"] = float(mention.actor is None)
    values[f"kind={KIND_BUCKET.get(candidate.kind, 'other')}"] = 1.0
    values["known"] = float(known_actor_id(mention.actor) is not None)
    values["referring"] = float(candidate.origin == "referring")
    speaker = ctx.speaker
    values["speaker"] = float(
        speaker is not None and (speaker.start < mention.end and mention.start < speaker.end
                                 or (speaker.actor is not None and speaker.actor == mention.actor))
    )  # fmt: skip
    values["same_as_other"] = _same_as_other(event, slot, candidate, mention)
    local = (mention.start - ctx.offset, mention.end - ctx.offset)
    if local in ctx.paths:
        found = ctx.paths[local]
    else:
        head = _head_in(ctx.sent, *local)
        found = ctx.paths[local] = (head, *dep_path(trigger, head, ctx.chain)) if head is not None else None
    if found is None:
        values["outside_sentence"] = 1.0
        values[f"outside_rule={candidate.rule}"] = 1.0
        return values
    placed = ctx.placed.get(local)
    if placed is None:
        placed = ctx.placed[local] = _placed(ctx, *found)
    values.update(placed.values)
    values[f"rule&pronoun={pronoun}"] = float(candidate.rule)
    values[placed.type_path] = 1.0
    if candidate.origin == "referring":
        values[placed.referring_dep] = 1.0
    return values


def _same_as_other(event: Event, slot: str, candidate: Candidate, mention: Mention) -> float:
    """Whether the candidate is the actor the other side has now (not as its rules' choice)."""
    other = event.target if slot == "source" else event.source
    return float(
        other is not None
        and not candidate.other_rule
        and other.actor is not None
        and other.actor == mention.actor
    )


def shared_features(ctx: EventContext, slot: str, candidate: Candidate) -> dict[str, float]:
    """:func:`features`, read once for a candidate offered to both sides as the same object
    (neither side's rules' choice: a hit or a referring phrase); for the second side only
    "same_as_other" is read again (in its place: the model sums in the dict's order)."""
    if candidate.rule or candidate.other_rule or candidate.mention is None:
        return features(ctx, slot, candidate)
    kept = ctx.shared.get(id(candidate))
    if kept is None or kept[0] is not candidate:
        values = features(ctx, slot, candidate)
        ctx.shared[id(candidate)] = (candidate, dict(values))
        return values
    values = dict(kept[1])
    values["same_as_other"] = _same_as_other(ctx.event, slot, candidate, candidate.mention)
    return values


@dataclass(frozen=True, slots=True)
class _Placed:
    """The features of a candidate span's place in the sentence (its head, the path from the
    trigger), the same for every candidate with that span and for both sides: built once per
    span and event, in the order :func:`features` adds them (the model sums in that order)."""

    values: dict[str, float]  # "path=" ... "relcl&dep="
    type_path: str  # "type&path=", added after the candidate's own "rule&pronoun="
    referring_dep: str  # "referring&dep=", for a referring candidate


def _placed(ctx: EventContext, head: Token, path: str, length: int) -> _Placed:
    trigger = ctx.trigger
    values: dict[str, float] = {}
    values[f"path={path}"] = 1.0
    values[f"path_length={min(length, 6)}"] = 1.0
    values[f"dep={head.dep_}"] = 1.0
    if head.dep_ == "pobj":  # "a war [against] Libya", "talks [with] the rebels": the role
        values[f"prep={head.head.lower_}"] = 1.0
    values[f"ent={head.ent_type_ or 'none'}"] = 1.0
    before = head.i < trigger.i
    values["before"] = float(before)
    distance = abs(head.i - trigger.i)
    values[f"distance={min(distance, 10) if distance <= 3 else (6 if distance <= 6 else 12)}"] = 1.0
    voice = "passive" if ctx.passive else ("noun" if ctx.noun else "active")
    values[f"{voice}&path={path}"] = 1.0
    values[f"{voice}&before={before}"] = 1.0
    values[f"{voice}&dep={head.dep_}"] = 1.0
    values["relcl"] = float(ctx.relcl)
    values[f"relcl&dep={head.dep_}"] = float(ctx.relcl)
    return _Placed(values, f"type&path={ctx.event.type}:{path}", f"referring&dep={head.dep_}")


_PREFIXES = frozenset({
    "type", "none_type", "kind", "path", "path_length", "dep", "ent", "distance", "passive&path",
    "noun&path", "active&path", "passive&before", "noun&before", "active&before", "passive&dep",
    "noun&dep", "active&dep", "relcl&dep", "rule&pronoun", "type&path", "outside_rule",
    "referring&dep", "prep",
})  # fmt: skip
_NAMES = frozenset({
    "bias", "none", "none_noun", "none_passive", "rule", "other_rule", "pronoun", "unknown_group",
    "unlinked", "known", "speaker", "same_as_other", "outside_sentence", "before", "relcl",
    "referring",
})  # fmt: skip


def known_feature(name: str) -> bool:
    return name in _NAMES or name.split("=", 1)[0] in _PREFIXES


# ---------------------------------------------------------------- the model
@dataclass(frozen=True, slots=True)
class SlotModel:
    features: tuple[str, ...]
    weights: tuple[float, ...]
    margin: float  # how much more than the rules' choice another candidate must score

    def score(self, values: dict[str, float]) -> float:
        return weighted_sum(self.features, self.weights, values)


@dataclass(frozen=True, slots=True)
class ArgumentModel:
    slots: dict[str, SlotModel]
    meta: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "features": [],  # the file's own list is empty: each side has its own (``slots``)
            "weights": [],
            "slots": {
                slot: {"features": list(m.features), "weights": [round(w, 6) for w in m.weights],
                       "margin": m.margin}
                for slot, m in self.slots.items()
            },
            **self.meta,
        }  # fmt: skip


def load_argument_model(path: Path = ARGUMENTS_PATH) -> ArgumentModel:
    """The model at ``path``, checked as :func:`read_linear_model` checks one: each side's
    part is a linear model of its own."""
    raw, _ = read_linear_model(
        path, FORMAT, "the argument ranker", "argument ranker", known_feature, "eventwire train-arguments"
    )
    slots = {}
    for slot in SLOTS:
        part = raw["slots"][slot]
        retrain = "eventwire train-arguments"
        subject = f"the {slot} model names"
        names = checked_features(path, part["features"], part["weights"], known_feature, retrain, subject)
        slots[slot] = SlotModel(names, tuple(float(w) for w in part["weights"]), float(part["margin"]))
    meta = {k: v for k, v in raw.items() if k not in ("format", "slots", "features", "weights")}
    return ArgumentModel(slots, meta)


@cache
def argument_model_for(path: str) -> ArgumentModel:
    return load_argument_model(Path(path))


# ---------------------------------------------------------------- deciding
def choose(model: SlotModel, scored: list[tuple[Candidate, dict[str, float]]]) -> Candidate:
    """The rules' choice unless another candidate scores more by the margin."""
    rule = scored[0][0]
    base = model.score(scored[0][1])
    best, best_score = rule, base
    for candidate, values in scored[1:]:
        score = model.score(values)
        if score > best_score:
            best, best_score = candidate, score
    return best if best_score - base > model.margin else rule


def actor_kinds(analysis: Analysis) -> dict[str, str]:
    return {a.id: a.kind for a in analysis.actors}


def _tells(analysis: Analysis, event: Event, mention: Mention) -> bool:
    """Whether ``mention`` is the speaker of a statement that holds the event's trigger."""
    start = event.trigger.start
    for quote in analysis.quotes:
        speaker = quote.speaker
        if speaker is None or not quote.start <= start < quote.end:
            continue
        if speaker.start < mention.end and mention.start < speaker.end:
            return True
        if speaker.actor is not None and speaker.actor == mention.actor:
            return True
    return False


def _rules_refuse(
    analysis: Analysis, event: Event, target: Mention, source: Mention | None, resolver: ActorResolver
) -> bool:
    """Whether the event rules' own readings refuse ``target`` (:mod:`.event_actors`): the
    state whose government the source is ("Erdogan warned that Turkey ...": a government
    does not act on its own state), or a capital where an act was done ("arrested hundreds in
    Islamabad": where, not whom)."""
    if source is not None and target.actor in own_states([source]):
        return True
    if event.judged is not None and _undergoes_judged_act(analysis, event, target):
        return True
    return done_at_a_place(event.type, event.cameo) and capital_only(analysis, target, resolver)


def _venue(ctx: EventContext, mention: Mention) -> bool:
    """Whether ``mention`` is only where a joint act took place ("held talks [in Nigeria]",
    "met [at the Vatican]"): a venue is no party, on either side (coding rule 3;
    :func:`pat.venue_act`)."""
    event = ctx.event
    if not pat.venue_act(event.type, event.cameo):
        return False
    head = _head_in(ctx.sent, mention.start - ctx.offset, mention.end - ctx.offset)
    return head is not None and pat.at_venue(ctx.trigger, head)


def _undergoes_judged_act(analysis: Analysis, judgement: Event, target: Mention) -> bool:
    """Whether ``target`` is whom an act the judgement is about was done to: "condemned the
    attack on the police officers" is aimed at the attackers, never at the officers (coding
    rule 3; :mod:`.judged_acts`), so the discourse names the doer
    (:mod:`eventwire.resolve.implicit_args`)."""
    start, end = judgement.evidence.start, judgement.evidence.end
    for act in analysis.events:
        if act is judgement or act.target is None or not start <= act.trigger.start < end:
            continue
        if (act.target.start, act.target.end) == (target.start, target.end):
            return True
        if target.actor is not None and act.target.actor == target.actor:
            return True
    return False


def rerank(
    analysis: Analysis, event: Event, model: ArgumentModel, resolver: ActorResolver, kinds: dict[str, str],
    linker: ArgumentLinker | None = None, links: dict[tuple[int, int], Mention | None] | None = None,
    phrases: dict[tuple[int, int], list[Token]] | None = None, listed: list[Event] | None = None,
) -> bool:  # fmt: skip
    """Re-decide both sides of ``event`` in place; True when a side changed. A doer found
    for a joint act with one partner adds its other direction to ``listed``
    (:func:`_joint_reverse`); a doer chosen from a list ("drew criticism in Spain, Italy and
    Portugal") adds one event for each other member the sentence links (:func:`_fellow_members`).
    Doers only: the model's picks of a target from a list added more false events than
    true ones on train (2 against 1) and none on dev."""
    if event.signals.get("pairs", 1.0) > 1.0:
        return False  # the rules coded several pairs: each is one of them
    ctx = context(analysis, event, kinds, links, phrases)
    if ctx is None:
        return False
    changed = False
    for slot in SLOTS:
        offered = candidates(analysis, ctx, slot, resolver, linker)
        if slot == "source" and event.target is not None:
            # "criticising [Bukele]'s government": the target's owner is no doer; the rules'
            # own choice stays first, as the model's baseline
            target = event.target
            kept = [c for c in offered[1:] if c.mention is None or not _owner_of(analysis, c.mention, target)]
            offered = offered[:1] + kept
        scored = [(c, shared_features(ctx, slot, c)) for c in offered]
        chosen = choose(model.slots[slot], scored)
        if chosen.rule:
            continue
        other = event.target if slot == "source" else event.source
        mention = chosen.mention.copy() if chosen.mention is not None else None
        if (
            mention is not None
            and other is not None
            and mention.actor is not None
            and mention.actor == other.actor
        ):
            continue  # an actor is not both sides
        if mention is not None and _venue(ctx, mention):
            continue  # "met [at the Vatican]": where a joint act took place is neither side
        if (
            slot == "target"
            and mention is not None
            and _rules_refuse(analysis, event, mention, other, resolver)
        ):
            continue
        if mention is None and other is None:
            continue  # an event keeps an actor on one side at least (coding rule 3)
        empty_before = getattr(event, slot) is None
        empty_filled = mention if slot == "target" and event.target is None else None
        if empty_filled is not None and _tells(analysis, event, empty_filled):
            continue  # "rebels fired at a tanker, U.S. officials said": who tells is no target
        if (
            slot == "source"
            and mention is not None
            and only_reports(event.type, mention, chosen.kind, resolver.kb)
        ):
            continue  # an outlet reports attacks and aid, never does them ("state media", "the newspaper")
        setattr(event, slot, mention)
        event.signals[f"ranked_{slot}"] = 1.0
        changed = True
        if listed is not None and slot == "source" and empty_before and mention is not None:
            reverse = _joint_reverse(ctx, event, mention)
            if reverse is not None:
                listed.append(reverse)
        if listed is not None and mention is not None and slot == "source":  # doers listed
            for member in _fellow_members(ctx, mention, offered, other):
                copy = replace(event, signals=dict(event.signals), mentions=list(event.mentions))
                setattr(copy, slot, member)
                listed.append(copy)
    return changed


def _joint_reverse(ctx: EventContext, event: Event, source: Mention) -> Event | None:
    """The other direction of a joint act with one partner whose doer the ranker found ("has
    shunned negotiations with Washington": each negotiates with the other, coding rule 2), as
    the event stage codes it when its rules find the doer."""
    target = event.target
    if target is None or target.actor is None or target.actor == source.actor:
        return None
    head = _head_in(ctx.sent, target.start - ctx.offset, target.end - ctx.offset)
    if head is None or not joint_with(event.type, event.cameo, ctx.trigger, head):
        return None
    return replace(event, source=target.copy(), target=source.copy(), signals=dict(event.signals),
                   mentions=list(event.mentions))  # fmt: skip


_OWNING = re.compile(r"(?:'s?|’s?)\b|(?:'|’)(?!\w)")  # "Bukele's", "the rebels'"


def _owner_of(analysis: Analysis, source: Mention, target: Mention) -> bool:
    """Whether the doer would be the owner named inside the target's own words: "criticising
    [Bukele]'s government", "clashes with supporters of [X]", "one of [its] soldiers". An
    act done to a phrase is not done by its owner; the model, scoring each mention alone,
    took the owner for the doer. A place ("in Ecuador") or an apposition inside the target
    is no owner, so those stay."""
    if not (target.start <= source.start and source.end <= target.end):
        return False
    if (source.start, source.end) == (target.start, target.end):
        return False
    text = analysis.article.text
    if _OWNING.match(text, source.end) or source.text.endswith(("'s", "’s")):
        return True
    if source.text.lower() in OWNER_PRONOUNS:
        return True
    return text[target.start : source.start].rstrip().lower().endswith(" of")


def _fellow_members(
    ctx: EventContext, chosen: Mention, offered: list[Candidate], other: Mention | None
) -> list[Mention]:
    """The other members of the list the chosen side's head is in, each as a candidate of the
    sentence names it: criticism drawn "in Spain, Italy and Portugal" is each one's (coding
    rule 2), as the rules code a list they read themselves."""
    head = _head_in(ctx.sent, chosen.start - ctx.offset, chosen.end - ctx.offset)
    if head is None or is_between([head]):
        return []  # "fighting between X and Y": the two sides of the act, not co-doers
    members = [t for t in pat.conjuncts(head) if t != head]
    taken = {chosen.actor, other.actor if other is not None else None}
    out: list[Mention] = []
    for member in members:
        at = member.idx + ctx.offset
        found = next(
            (c.mention for c in offered
             if c.mention is not None and c.mention.actor and c.mention.start <= at < c.mention.end),
            None,
        )  # fmt: skip
        if found is None or found.actor in taken or found.start <= chosen.start < found.end:
            continue
        taken.add(found.actor)
        out.append(found.copy())
    return out


class ArgumentRankerStage:
    """Reads ``events`` (as the rules coded them), ``docs``, ``actors``, ``quotes``; writes
    a side where the model is sure of another candidate."""

    name = "argument_ranker"

    def __init__(self, config: PipelineConfig) -> None:
        from eventwire.resolve.actors import resolver_for

        path = config.arguments_path
        self.model = argument_model_for(str(path)) if path is not None else None
        self.resolver = resolver_for(tuple(config.kb_files), config.model)
        self.linker = linker_for(config, self.resolver)

    def __call__(self, analysis: Analysis) -> Analysis:
        if self.model is None:
            return analysis
        kinds = actor_kinds(analysis)
        links: dict[tuple[int, int], Mention | None] = {}  # referring phrases, read once per article
        phrases: dict[tuple[int, int], list[Token]] = {}  # each sentence's referring words
        listed: list[Event] = []  # events the ranker's choices add (other directions, list members)
        for event in analysis.events:
            rerank(analysis, event, self.model, self.resolver, kinds, self.linker, links, phrases, listed)
        analysis.events.extend(listed)
        return analysis
