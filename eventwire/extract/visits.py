"""Travel by a state's agent to another state: a visit told by a verb or noun of travelling.

A visit (CONSULT 042) is often told with no word "visit": "the foreign minister flew to
Seoul", "the envoy arrived in Kabul", "a delegation landed in Tehran", "the chancellor's
trip to Beijing". The lexicon's rows of travelling (``requires`` ``goal:abroad``: travel,
fly, head, land, journey; trip, journey, tour, stopover) are visits only when

* the goal, the object of "to", "into" or "in" (for a noun also a place name compounded
  with it, "his Gulf trip"), names a country or its capital (the knowledge base's country
  records, by name or capital; a town the base does not know as a capital is no host);
* the traveller (the verb's subject; the noun's possessor, "by" object or light verb's
  subject) is an official of a state or an international body, named with a role of the
  government or of an international organisation ("the defence minister", "President X"),
  or a delegation, delegate, envoy or negotiator of a party; troops, refugees, migrants,
  tourists or athletes travelling are not visits (their sectors are no state office, or
  their moving is a deployment);
* the traveller does not come from the host country (a country word qualifying it,
  "the Kenyan minister ... to Nairobi", is travel at home), and does not go "back" or
  "home" (a return is no visit).

The host country is the visit's target (the goal word, which resolves to its country).

An arrival ("arrive", ``requires`` ``traveller:official``) is told of visits at an airport or
a town as often as of capitals ("arrived at Tegucigalpa airport"), so only its traveller is
judged (:func:`official_arrival`): civilians, refugees, migrants or crowds arriving somewhere
make no visit; an official, a named person, a delegation or a pronoun may.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from eventwire.extract import event_patterns as pat
from eventwire.resolve.groups import of_object

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.resolve.kb import KnowledgeBase

# Prepositions of where one travels to: "flew [to] Seoul", "[into] Burma", "arrived [in] Kabul".
_GOALS = ("to", "into", "in")
# Sectors of a state's or an international body's office holders.
_OFFICES = frozenset({"GOV", "IGO"})
# Parties sent to treat with another: a delegation of any side visits when it goes abroad.
_ENVOYS = frozenset({"delegation", "delegate", "envoy", "emissary", "negotiator", "mediator"})
_PERSONAL = frozenset({"he", "she"})
# Words that make a journey a return: "flew back to Moscow", "headed home".
_RETURNING = frozenset({"back", "home"})


def goal_of(trigger: Token) -> Token | None:
    """Where a verb or noun of travelling goes: the object of "to", "into" or "in" that is a
    place name; for a noun, also a place name compounded with it ("his Gulf trip")."""
    for prep in _GOALS:
        for c in trigger.children:
            if c.dep_ == "prep" and c.lower_ == prep:
                obj = pat.placed_object(c)
                if obj is not None and obj.ent_type_ in ("GPE", "LOC"):
                    return obj
    if trigger.pos_ == "NOUN":
        for c in trigger.children:
            if c.dep_ == "compound" and c.ent_type_ in ("GPE", "LOC"):
                return c
    return None


def host_country(goal: Token, kb: KnowledgeBase, name: Callable[[Token], str]) -> str | None:
    """The country a goal names, by its name or its capital ("Burma", "Bangkok"); None for a
    place the knowledge base does not know as a country or a capital."""
    match = kb.lookup(name(goal), fuzzy=False)
    if match is None or match.record.kind != "country" or match.how not in ("exact", "capital"):
        return None
    return match.record.country


def is_official(traveller: Token, sectors: Callable[[Token], frozenset[str]]) -> bool:
    """Whether a traveller is a state's or an international body's agent: a government or
    international office holder by role or record, or a delegation or envoy of any party."""
    if traveller.lemma_.lower() in _ENVOYS or traveller.lower_ in _ENVOYS:
        return True
    kinds = sectors(traveller)
    if kinds & _OFFICES:
        return True
    # a person named with no office the knowledge base knows ("Seselja", "he"): in the news a
    # named person flying to a foreign capital is most often on state business, unless a
    # sector of no state office is known for them (a rebel, a business, a civilian)
    return not kinds and (traveller.ent_type_ == "PERSON" or traveller.lower_ in _PERSONAL)


# The sectors of people who travel on no state's business: civilians, refugees, migrants,
# crowds ("CVL" in the knowledge base's roles).
_PRIVATE = frozenset({"CVL"})


def official_arrival(
    trigger: Token, light: frozenset[str], sectors: Callable[[Token], frozenset[str]]
) -> bool:
    """Whether an arrival may be a visit: not when whoever arrives is known only as civilians,
    itself or through a quantity's or a group's "of" ("thousands of refugees arrived in
    Greece", "a crowd of migrants arrived"); an official, a name, a pronoun or troops may."""
    traveller = pat.trigger_agent(trigger, light)
    if traveller is None:
        return True
    kinds = sectors(traveller)
    if not kinds:
        members = of_object(traveller)
        kinds = sectors(members) if members is not None else kinds
    return not kinds or not kinds <= _PRIVATE


def own_country(traveller: Token, kb: KnowledgeBase) -> set[str]:
    """The countries the words qualifying a traveller name ("the [Kenyan] minister",
    "[Germany]'s chancellor")."""
    found = set()
    for c in traveller.children:
        if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < traveller.i:
            country = kb.country_of_word(c.text)
            if country is not None:
                found.add(country)
    return found


def visits_abroad(
    trigger: Token,
    light: frozenset[str],
    sectors: Callable[[Token], frozenset[str]],
    kb: KnowledgeBase,
    name: Callable[[Token], str],
) -> Token | None:
    """The goal of a journey that is a visit (see the module docstring), else None."""
    if any(c.lower_ in _RETURNING for c in trigger.children):
        return None
    goal = goal_of(trigger)
    if goal is None:
        return None
    host = host_country(goal, kb, name)
    if host is None:
        return None
    traveller = pat.trigger_agent(trigger, light)
    if traveller is None or traveller.i == goal.i or not is_official(traveller, sectors):
        return None
    if host in own_country(traveller, kb):
        return None  # "the Kenyan minister travelled to Nairobi": at home
    return goal
