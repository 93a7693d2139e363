"""What an act of taking is, from who takes what (docs/ontology.md).

"seized", "captured", "snatched", "overran" read differently by their object and their doer:
people taken by a state's forces are arrested (COERCE 173), people taken by anyone else
(gunmen, an armed group, an unnamed doer) are abducted (ASSAULT 181); a town, base or
territory taken is occupied (COERCE 192, the town is the place, not a target); property,
ships and goods taken are seized (COERCE 171), "captured a tanker" as "seized a tanker".
Only the object the verb takes decides (its direct object, or the subject of a passive), so
"seized weapons from rebels" stays a seizure. People are a named person or nationality, a
personal pronoun ("armed men seized them"), a captive or a role of people the knowledge
base knows ("seized two teachers", "the academics were seized"), or an actor other than a
state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.resolve.groups import ARMED, STATE_AGENTS
from eventwire.resolve.hints import PLACE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.models import Actor, Mention

# Verbs of taking whose reading follows their object; not "oust" or "topple" (a leader
# ousted is a coup, COERCE whatever its object) nor "loot" (only things).
TAKING_VERBS = frozenset({"seize", "capture", "snatch", "grab", "overrun", "round"})  # "round" up
# Verbs of keeping: "held" people are detained by a state's forces, held hostage by anyone
# else; with no doer at all ("three protesters were held") they keep their row's detention,
# where people seized by no one named are abducted. Their row admits only people kept
# (``object:person``, :func:`eventwire.extract.event_patterns.holds_people`), as the row of
# "take" admits only ground taken (``object:place``: "took the town"); their other rows
# ("held X responsible", "took to the streets") are no taking.
KEEPING_VERBS = frozenset({"hold"})
# Those that take people too: troops "overrun" by rebels are attacked, not abducted.
TAKES_PEOPLE = (TAKING_VERBS - {"overrun"}) | KEEPING_VERBS
ARREST = ("COERCE", "173")
ABDUCTION = ("ASSAULT", "181")
OCCUPATION = ("COERCE", "192")
SEIZURE = ("COERCE", "171")
# Taken ground that is not a settlement: "captured an army base", "seized the airport".
_GROUND = frozenset(
    {"base", "bases", "headquarters", "territory", "territories", "airport", "airbase", "hill", "hills",
     "garrison", "outpost", "outposts", "stronghold", "strongholds", "crossing", "checkpoint", "checkpoints",
     "island", "islands", "positions", "position", "valley", "bridge", "highway", "road", "oilfield"}
)  # fmt: skip
_QUANTITIES = frozenset(
    {"dozens", "hundreds", "thousands", "scores", "some", "many", "several", "dozen", "hundred",
     "much", "most", "part", "parts", "swathes"}
)  # fmt: skip
_ATTEMPT = frozenset({"try", "attempt", "seek"})  # "tried to overrun a base": fighting, nothing held
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PEOPLE_LABELS = frozenset({"PERSON", "NORP"})
_STATE_KINDS = frozenset({"country", "military", "police", "government_body"})
# Personal pronouns that name people taken: "seized them", "he was captured" ("it" names a thing)
_PERSONAL = frozenset({"him", "her", "them", "us", "me", "he", "she", "they", "we"})


def taken(verb: Token) -> Token | None:
    """What the verb takes: its direct object, the subject of its passive, or the noun a
    relative clause hangs on ("hostages who were seized")."""
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "nsubjpass"):
            if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return verb.head
            return _partitive(child)
    return verb.head if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN") else None


def attempted(verb: Token) -> bool:
    """Whether the taking is only tried ("tried to overrun a base", "sought to seize the
    airport"): fighting for a place, which holds no place taken."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _ATTEMPT


def is_place(noun: Token, sites: bool = True) -> bool:
    """A town, region or site: by entity label, a place noun, or "control of" a place;
    without ``sites``, not a site named only by a common noun of ground ("positions", "a
    road", "the base"), which a general verb of taking takes in other senses too ("took a
    flexible position", "took the road")."""
    if noun.lemma_.lower() == "control":
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    if any(c.dep_ == "appos" and _place_word(c, sites) for c in noun.children):
        return True  # "captured Goma, the largest city in the east"
    return noun.ent_type_ in _PLACE_LABELS or _place_word(noun, sites)


def _place_word(noun: Token, sites: bool = True) -> bool:
    return noun.lower_ in PLACE_NOUNS or (sites and noun.lower_ in _GROUND)


def _partitive(noun: Token) -> Token:
    """The people of "dozens of rebels", the place of "much of the capital": a quantity's
    "of" object, else the noun."""
    if noun.pos_ in ("NUM", "NOUN", "ADJ") and noun.lower_ in _QUANTITIES:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                return next((c for c in prep.children if c.dep_ == "pobj"), noun)
    return noun


def is_people(noun: Token, mention: Mention | None, actor: Actor | None, role: bool = False) -> bool:
    """A person or people: a named person or nationality, a personal pronoun, a word of
    people (``role``: a captive, a role noun the caller knows), or an actor other than a state."""
    if noun.ent_type_ in _PEOPLE_LABELS or noun.lower_ in _PERSONAL or role:
        return True
    return mention is not None and actor is not None and actor.kind != "country"


def by_the_state(source: Mention | None, actor: Actor | None) -> bool:
    """Whether the doer is a state or its forces (police, soldiers, intelligence)."""
    if source is None:
        return False
    if STATE_AGENTS & set(source.sectors):
        return True
    return actor is not None and actor.kind in _STATE_KINDS and not ARMED & set(actor.sectors)
