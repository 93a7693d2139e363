"""The doer of an arrest, an abduction or a release told in the passive without its agent.

News names who took someone once and then tells the rest of the story from the captive's
side: "Rebels seized the general in November ... the general was released on Sunday" (the
rebels freed him), "Police arrested Moyo at the rally ... Moyo was detained for two days".
After sources are inherited from the latest act of the same type nearby
(:func:`~eventwire.resolve.event_coref.inherit_sources`):

1. an arrest (CAMEO 173) told without its doer is by whoever made another arrest of the same
   actor in the article, before it or after (:func:`arrested_by_the_same`): one arrest told
   twice, which event coreference then merges, or a second by the same captors;
2. else, where the article shows one state's forces using force (the police, army or
   intelligence service of one country, by their record or as the state with a force's
   sector; two states' or none leave it empty), by them (:func:`arrested_by_the_force`);
3. an abduction (CAMEO 181) told without its doer, where the article names one armed group
   other than a state's forces by its record (rebels, insurgents, separatists: the ELN, Abu
   Sayyaf), is by that group ("Several Malaysians were seized at sea ... the kidnappings
   carried out by Abu Sayyaf"; :func:`abducted_by_the_group`);
4. a release of someone (CAMEO 0841) told without its doer is by whoever took that person:
   the latest earlier arrest, abduction or capture of the same actor anywhere before it,
   else the first one after it in the same paragraph (:func:`released_by_captors`).

Only a side the clause left empty is filled; rules 1 and 4 only from an act done to the same
actor (a person by name or by a pronoun's antecedent, or one group named alike; never a
country, which stands for many people). Every filled side carries the ``implied_source``
signal for the event scorer. Runs on one event per mention, before event coreference.
"""

from __future__ import annotations

from eventwire.config import PipelineConfig
from eventwire.models import Actor, Analysis, Event, Mention
from eventwire.resolve.event_coref import MAX_CANDIDATE_ACTS, Paragraphs, inherit_sources
from eventwire.resolve.groups import ARMED, STATE_AGENTS

_RELEASE = "0841"  # return, release person(s)
# arrest or detain, abduct or take hostage, capture in fighting (done to the one released)
_TAKING = ("173", "181", "190")
_ARREST = "173"  # arrest, detain or charge
_ABDUCTION = "181"  # abduct, hijack, take hostage


def _taken(event: Event) -> str | None:
    """Who the act was done to, as an actor a release may name again; None for none or a
    country (``country:COL`` is every Colombian, not the one captive)."""
    target = event.target
    if target is None or target.actor is None or target.actor.startswith("country:"):
        return None
    return target.actor


def _took(event: Event, captive: str, codes: str | tuple[str, ...]) -> bool:
    """Whether ``event``, with a doer, is an act of one of the CAMEO ``codes`` done to ``captive``."""
    return event.source is not None and (event.cameo or "").startswith(codes) and _taken(event) == captive


def _fill(event: Event, source: Mention) -> None:
    event.source = source.copy()
    event.signals["implied_source"] = 1.0


def arrested_by_the_same(events: list[Event]) -> None:
    """Sources of arrests told without a doer, from another arrest of the same actor in the
    article, the latest before it, else the first after it: one arrest told twice ("Police
    detained Moyo at the rally ... Moyo was detained for two days"), or a second one by the
    same captors. ``events`` in text order."""
    for i, event in enumerate(events):
        captive = _taken(event)
        if event.source is not None or not (event.cameo or "").startswith(_ARREST) or captive is None:
            continue
        before, after = events[max(0, i - MAX_CANDIDATE_ACTS) : i], events[i + 1 : i + 1 + MAX_CANDIDATE_ACTS]
        found = next((e for e in (*reversed(before), *after) if _took(e, captive, _ARREST)), None)
        if found is not None and found.source is not None:
            _fill(event, found.source)


_FORCE = frozenset({"COERCE", "ASSAULT"})


def arresting_force(actors: list[Actor], events: list[Event]) -> Mention | None:
    """The one state's forces the article names, as the first mention of the force that uses
    force in it (the doer of a COERCE or ASSAULT act: not "police outposts" that were
    attacked, nor a ministry that only speaks), its police first; None when the article
    names the forces of no state or of two. A force is a force's record ("the Kenya Police
    Service") or an act's side coded as its state with a force's sector: "Honduran security
    forces", or a bare "Police" resolved to the story's state (``country:KEN``, sector COP:
    :mod:`eventwire.resolve.groups`), which only the mention says is the police."""
    forces: dict[str, dict[str, Mention]] = {}  # country -> force key -> its first mention
    for actor in actors:
        armed = bool(actor.sectors) and actor.sectors[0] in STATE_AGENTS and bool(actor.mentions)
        if armed and actor.country and actor.kind not in ("person", "country"):  # a general names them
            first = min(actor.mentions, key=lambda span: span.start)
            named = Mention(first.text, first.start, first.end, actor.id, actor.country, list(actor.sectors))
            forces.setdefault(actor.country, {})[actor.id] = named
    for side in sorted(_state_forces(events), key=lambda m: m.start):
        forces.setdefault(side.country or "", {}).setdefault(_force_key(side) or "", side)
    if len(forces) != 1:
        return None
    doers = {_force_key(e.source) for e in events if e.source is not None and e.type in _FORCE}
    acting = [m for key, m in next(iter(forces.values())).items() if key in doers]
    if not acting:
        return None
    found = next((m for m in acting if m.sectors[0] == "COP"), acting[0])
    return found.copy()


def _state_forces(events: list[Event]) -> list[Mention]:
    """The sides of ``events`` coded as a state's forces by their mention only."""
    return [side for e in events for side in (e.source, e.target) if side is not None and _state_force(side)]


def _state_force(side: Mention) -> bool:
    """Whether a side is a state's force by its mention only: a country's actor with a
    force's sector on the mention ("Police" as Kenya's, COP; "Israeli troops", MIL)."""
    return (
        side.actor is not None and side.actor.startswith("country:") and side.country is not None
        and bool(side.sectors) and side.sectors[0] in STATE_AGENTS
    )  # fmt: skip


def _force_key(mention: Mention) -> str | None:
    """The force a mention names: its actor, or for a state's mention its force of that
    sector (Kenya's police and Kenya's army are two forces of one state)."""
    return f"{mention.actor}/{mention.sectors[0]}" if _state_force(mention) else mention.actor


def arrested_by_the_force(events: list[Event], force: Mention | None) -> None:
    """Sources of arrests told without a doer where the article names one state's forces:
    those forces ("Sokha was taken into custody" in a story of the Cambodian police). Not
    an arrest of the forces' own men, nor one told in another country."""
    if force is None:
        return
    for event in events:
        if event.source is not None or not (event.cameo or "").startswith(_ARREST):
            continue
        target, place = event.target, event.place
        if target is not None and target.country == force.country and set(target.sectors) & STATE_AGENTS:
            continue
        if place is not None and place.country is not None and place.country != force.country:
            continue
        _fill(event, force)


def kidnapping_group(actors: list[Actor]) -> Mention | None:
    """The one armed group other than a state's forces that the article names by its record
    (a rebel, insurgent or separatist group: the ELN, Abu Sayyaf), as its first mention;
    None when it names none or two. A bare "the rebels" is no record: it may be anyone's."""
    groups = [
        a for a in actors
        if a.known and a.mentions and a.sectors and a.sectors[0] in ARMED
        and a.kind not in ("person", "country")
    ]  # fmt: skip
    if len(groups) != 1:
        return None
    group = groups[0]
    first = min(group.mentions, key=lambda span: span.start)
    return Mention(first.text, first.start, first.end, group.id, group.country, list(group.sectors))


def abducted_by_the_group(events: list[Event], group: Mention | None) -> None:
    """Sources of abductions told without a doer where the article names one armed group:
    that group ("Several Malaysians were seized at sea ... the kidnappings carried out by
    Abu Sayyaf", "his father was abducted" in a story of the ELN's captive). Not an
    abduction of the group's own men."""
    if group is None:
        return
    for event in events:
        if event.source is not None or not (event.cameo or "").startswith(_ABDUCTION):
            continue
        if event.target is not None and event.target.actor == group.actor:
            continue
        _fill(event, group)


def released_by_captors(events: list[Event], paragraphs: Paragraphs) -> None:
    """Sources of releases told without a doer, from the act that took the one released.
    ``events`` in text order."""
    for i, event in enumerate(events):
        captive = _taken(event)
        if event.source is not None or event.cameo != _RELEASE or captive is None:
            continue
        before = [e for e in events[max(0, i - MAX_CANDIDATE_ACTS) : i] if _took(e, captive, _TAKING)]
        here = paragraphs.of(event.evidence.start)
        after = [
            e for e in events[i + 1 : i + 1 + MAX_CANDIDATE_ACTS]
            if _took(e, captive, _TAKING) and paragraphs.of(e.evidence.start) == here
        ]  # fmt: skip
        found = before[-1] if before else after[0] if after else None
        if found is not None and found.source is not None:
            _fill(event, found.source)


class ImpliedDoersStage:
    """Reads ``events`` (one per mention); fills the doers the discourse implies. Before
    event coreference: "18 people were killed" then joins the strike that killed them."""

    name = "implied_doers"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config

    def __call__(self, analysis: Analysis) -> Analysis:
        events = sorted(analysis.events, key=lambda e: e.evidence.start)
        inherit_sources(events)  # "Boutar was also arrested": by whoever did the last arrest
        arrested_by_the_same(events)  # "Moyo was detained for two days": by whoever arrested him
        force = arresting_force(analysis.actors, events)
        arrested_by_the_force(events, force)  # "Sokha was taken into custody": by the police
        abducted_by_the_group(events, kidnapping_group(analysis.actors))  # "were seized": by the ELN

        released_by_captors(events, Paragraphs(analysis.article.text))  # "the general was released"
        analysis.events = events
        return analysis
