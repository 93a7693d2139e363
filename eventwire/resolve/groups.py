"""Generic group mentions: who "dozens of gunmen", "demonstrators" and "the troops" are.

News names a group once and then by its kind: "Boko Haram ... hooded gunmen stormed the
village", "the Sri Lankan army said ... troops killed at least 10 guerrillas". Three rules
let the resolver follow it:

1. a group is named by its own noun phrase, not by the quantity before it: "dozens [of]
   gunmen", "some 10,000 people", "up to 40 militants" are gunmen, people, militants
   (:func:`partitive_of`, :func:`without_quantity`), and a count of "people" said right
   after to be mostly of one kind is that kind ("thousands of people, most of them ethnic
   Tigrayans"; :func:`specified_people`);
2. role nouns for one kind of crowd share one name, so that the crowd's mentions agree
   across the article: "demonstrators", "marchers" and "protesters" are protesters, "a
   soldier" is one of the soldiers (:func:`group_name`);
3. bridging: a bare role noun of an armed kind stands for the one actor of that kind the
   article names (:class:`Forces`): "militants" for the only armed group named, "troops"
   for the forces of the only state whose forces are named. With several named, the
   noun continues the last one of its kind in the paragraphs before (:func:`forces_in_reach`);
   two named in that one sentence leave it unresolved: which one is meant is then a guess.
   With no known armed group named, "the attackers" is the one armed band described before
   with words of its own ("roughly 100 Muslim fighters"; ``ActorResolver._named_band``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from eventwire.resolve.kb import KnowledgeBase, Role, plural

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from spacy.tokens import Token

    from eventwire.resolve.mentions import Hit

# Heads that count or gather people: the people are "of" them ("thousands of demonstrators",
# "a group of soldiers", "all of the parties"). A closed class of quantity and collective nouns.
PARTITIVE = frozenset({
    "group", "groups", "number", "numbers", "dozens", "scores", "hundreds", "thousands", "tens", "millions",
    "crowd", "crowds", "band", "unit", "units", "contingent", "team", "some", "many", "most",
    "all", "several", "few", "none", "majority", "rest", "members", "member",
})  # fmt: skip


# People counted without saying who they are: "Thousands of people", "more than 100 persons".
GENERIC_PEOPLE = frozenset({"people", "persons", "individuals"})
# ", most of them ethnic Tigrayans", ", among them dozens of political opponents who ...": a
# count of people specified right after by who most or some of them are. Not "including
# four children": a part named for its weight, not the kind of the whole.
_SPECIFIED = re.compile(
    r",\s+(?:(?:most|many|mostly|the majority|nearly all|almost all|all)\s+of\s+them|among\s+them)\s+"
    r"(?!(?:were|was|are|is|had|have|has|who|which|will|would)\b)"  # "most of them were freed"
    r"(?P<group>[^,;:.()\n\"]+?)"
    r"(?=\s*[,;:.()\n\"]|\s+(?:who|whom|which|that|were|was|are|had|have)\b|$)"
)


def specified_people(text: str, end: int) -> tuple[int, int, int] | None:
    """Start, end and head offset of the group that says who a count of people ending at
    ``end`` are ("Thousands of people[, most of them] ethnic Tigrayans"): the coder and
    the reader take the people to be that group, the count alone says no one."""
    found = _SPECIFIED.match(text, end)
    if found is None:
        return None
    start, stop = found.span("group")
    head = text.rfind(" ", start, stop) + 1 or start
    return start, stop, max(head, start)


def partitive_of(token: Token) -> Token:
    """The people a quantity or collective noun counts ("thousands [of] demonstrators")."""
    if token.lower_ not in PARTITIVE:
        return token
    people = of_object(token)
    return people if people is not None and people.pos_ in ("NOUN", "PROPN") else token


def of_object(token: Token) -> Token | None:
    """The object of the word's "of" phrase: "demonstrators" of "thousands of demonstrators"."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def counts(token: Token) -> bool:
    """A word that counts a group: a number ("13", "eight"), a quantity or collective noun
    (:data:`PARTITIVE`)."""
    return token.like_num or token.tag_ == "CD" or token.lower_ in PARTITIVE


def counted_pronoun(token: Token) -> Token | None:
    """The "them" a count is taken from: "shot dead 13 [of them]", "arrested at least eight
    [of them]", "most [of them] were freed". The people are whom "them" refers to, not an
    unnamed group of the number."""
    if not counts(token):
        return None
    them = of_object(token)
    return them if them is not None and them.lower_ == "them" else None


# Words that only count or bound a group before its noun: determiners, numbers and the
# closed class of quantity phrases ("up to", "at least", "more than a dozen", "as many as").
_QUANTITY_WORDS = frozenset({
    "the", "a", "an", "some", "several", "many", "few", "all", "both", "another", "other", "further",
    "more", "most", "less", "fewer", "than", "over", "under", "about", "around", "roughly", "nearly",
    "almost", "approximately", "estimated", "up", "to", "at", "least", "as", "no", "of", "only",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "dozen", "dozens",
    "hundred", "hundreds", "thousand", "thousands", "million", "millions", "scores", "tens",
})  # fmt: skip
_NUMBER = re.compile(r"^[\d][\d,.]*$")


def without_quantity(words: list[str]) -> list[str]:
    """The words of a group's name after what counts it: "10,000 people" of "Some 10,000
    people", "militants" of "More than a dozen militants" (the last word always stays)."""
    index = 0
    while index < len(words) - 1:
        word = words[index].lower()
        if word not in _QUANTITY_WORDS and not _NUMBER.match(word):
            break
        index += 1
    return words[index:]


def counted(words: list[str]) -> bool:
    """Whether the words before a group's noun count or bound it ("some 200", "thousands
    of", "all", "another 30,000"), more than an article does ("the", "of")."""
    return any(_NUMBER.match(w) or w.lower() in _QUANTITY_WORDS - {"the", "of"} for w in words)


_NUMBER_WORDS = dict(
    zip(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "twenty", "thirty", "forty", "fifty", "a", "an"),
        ("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "20", "30", "40", "50", "1", "1"),
        strict=True)
)  # fmt: skip


_COUNT_WORDS = 8


@lru_cache(maxsize=4096)  # event coreference reads each side's phrase against every later mention
def count_of(phrase: str) -> str | None:
    """The exact number a group's phrase counts it by ("at least 10 guerrillas" -> "10", "a
    soldier" -> "1", "Some 10,000 people" -> "10000"); None for none or a vague one ("dozens")."""
    words = phrase.split(maxsplit=_COUNT_WORDS)[:_COUNT_WORDS]  # a count comes first: "some 10,000"
    counting = [w.lower() for w in words[: len(words) - len(without_quantity(words))]]
    for index, word in enumerate(counting):
        if _NUMBER.match(word):
            return word.replace(",", "").rstrip(".")
        if word in ("a", "an") and index < len(counting) - 1:
            continue  # "more than a dozen": "a" counts the dozen, not the people
        if word in _NUMBER_WORDS:
            return _NUMBER_WORDS[word]
    return None


ARMED = frozenset({"REB", "INS", "SEP"})  # armed groups other than a state's
STATE_FORCES = frozenset({"MIL", "COP"})
STATE_AGENTS = STATE_FORCES | {"SPY"}  # a state's forces, its intelligence services too
# Sectors of a country's groups that stand apart from its state: the opposition and parties.
# "The Kenyan opposition" or "Zimbabwean opposition parties" are a group from that country,
# never the state (PLOVER codes them apart; counting them as the state puts the opposition's
# protests and accusations on the government they oppose). Civilians stay the country's
# people with the CVL sector ("thousands of Syrians"), as the project codes them.
NONSTATE_SECTORS = frozenset({"OPP", "PTY"})

# Role nouns for one kind of crowd, by the name they share (the rest keep their own).
_SAME_GROUP = {
    "protesters": ("protester", "protestor", "protestors", "demonstrator", "demonstrators", "marcher",
                   "marchers"),
}  # fmt: skip
_GROUP_NAME = {word: name for name, words in _SAME_GROUP.items() for word in words}


def group_name(role: Role, kb: KnowledgeBase, titles: frozenset[str]) -> str:
    """The name a role group goes by: "protesters" for "demonstrators"; for one member of a
    force the force's plural ("a soldier" is one of the soldiers, "a militant" one of the
    militants), not for a title someone holds alone ("the commander", "a leader")."""
    term = role.term.lower()
    if term in _GROUP_NAME:
        return _GROUP_NAME[term]
    many = plural(term)
    members = kb.role(many)
    if members is None or members.term != many or role.kind != "person" or term in titles:
        return term
    return many if role.sector in ARMED | STATE_FORCES else term


_STATE_KINDS = frozenset({"country", "military", "police", "person"})  # who names a state's forces


def force_of(role: Role | None) -> str | None:
    """Which kind of force a role noun names, by its sector: "armed" (militants, rebels,
    gunmen), "state" (troops, the army, police) or None (anyone else)."""
    if role is None:
        return None
    if role.sector in ARMED:
        return "armed"
    return "state" if role.sector in STATE_FORCES else None


def is_armed_group(hit: Hit) -> bool:
    """Whether an actor is an armed group other than a state's own forces: the RSF (REB and
    MIL) is one, an army, a police force, a church or a ministry are not."""
    return hit.kind == "armed_group" or (
        hit.kind != "country" and bool(hit.sectors) and hit.sectors[0] in ARMED
    )


def fits_force(hit: Hit, force: str | None) -> bool:
    """Whether a group noun may stand for ``hit``, by what the noun names: "the rebels",
    "the paramilitaries" (force "armed") an armed group or a group the knowledge base does
    not know (a militia named only here), never the army, a church or a ministry named near
    them; any other group noun ("the group", "the movement"; force None) anything but a
    state's own forces, which news calls the army, troops or the military."""
    if force == "armed":
        return is_armed_group(hit) or not (hit.known or hit.sectors)
    if force is None:
        return is_armed_group(hit) or not (hit.sectors and hit.sectors[0] in STATE_FORCES)
    return True


@dataclass(slots=True)
class Forces:
    """The armed actors an article names: its armed groups (known to the knowledge base) and
    the states whose forces it names ("the Sri Lankan army", "Philippine troops", "army
    spokesman Major General X" of a country)."""

    armed: dict[str, Hit] = field(default_factory=dict)  # actor id -> its first mention
    states: dict[str, list[Hit]] = field(default_factory=dict)  # country -> mentions of its forces

    @classmethod
    def named_in(cls, hits: Iterable[Hit]) -> Forces:
        """One pass over the article's resolved mentions."""
        forces = cls()
        for hit in hits:
            if not hit.sectors or not (hit.known or hit.kind == "person"):
                continue
            if hit.known and is_armed_group(hit):
                forces.armed.setdefault(hit.actor, hit)
            elif hit.country and hit.sectors[0] in STATE_FORCES and hit.kind in _STATE_KINDS:
                forces.states.setdefault(hit.country, []).append(hit)
        return forces

    def only(
        self, force: str, sector: str | None, usable: Callable[[Hit], bool] | None = None
    ) -> tuple[Hit | None, str | None]:
        """The one actor of the kind ``force`` the article names, and the sector it acts in
        here; (None, None) when it names none or more than one. ``usable``: which of a
        state's mentions may lend it to the noun (the caller's view of the noun's place: a
        foreign force named only after it, or as the other side of its own act, does not);
        the article still counts every state, so one left out does not make another the only."""
        if force == "armed":
            return (next(iter(self.armed.values())), None) if len(self.armed) == 1 else (None, None)
        if len(self.states) != 1:
            return None, None
        mentions = next(iter(self.states.values()))
        if usable is not None:
            mentions = [h for h in mentions if usable(h)]
        own = [h for h in mentions if h.kind in ("military", "police") and sector in h.sectors]
        states = [h for h in mentions if h.kind != "person"]  # a commander names the forces, not them
        found = own or states
        return (found[0], sector) if found else (None, None)


def forces_in_reach(hits: Iterable[Hit], force: str, sector: str | None = None) -> list[Hit]:
    """The mentions in ``hits`` (the paragraphs before a bare armed role noun) that the noun
    may continue when the article names more than one force of its kind ("the troops", "the
    attackers" after "the Israeli army" and "Hamas" were both named), in text order: a
    state's forces by a mention of the state itself or of a force of the noun's own
    ``sector`` (never a commander or spokesman: "police" are not the US military named
    last), an armed group only when the knowledge base knows it. The caller takes the last
    one: wires name the side they go on to describe just before they describe it."""
    found = []
    for hit in hits:
        if not hit.sectors or hit.kind == "person":
            continue
        if force == "armed" and hit.known and is_armed_group(hit):
            found.append(hit)
        elif (
            force == "state" and hit.country and hit.sectors[0] in STATE_FORCES and hit.kind in _STATE_KINDS
            and (hit.kind == "country" or sector in hit.sectors)
        ):  # fmt: skip
            found.append(hit)
    return found
