"""Who does an act with or to whom when it has several parties: mutual acts of parties
named together ("Kenya and Somalia agreed"), acts done to "each other", fights both sides
take part in, accusations "traded", and a mediator dealing with each side ("Qatar brokered
a ceasefire between Israel and Hamas"). PLOVER codes such acts in both directions
(coding rule 2).

Apart from the event stage (:mod:`.events`): these rules turn its linked sources and
targets into the (source, target) pairs it emits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from eventwire.extract import event_patterns as pat
from eventwire.extract.candidates import Candidate
from eventwire.extract.event_lexicon import MEDIATION
from eventwire.models import Mention
from eventwire.resolve.actors import names_a_pair

if TYPE_CHECKING:
    from spacy.tokens import Token


# Acts two parties do with each other: "Jordan and Egypt agreed", "talks between X and Y",
# "rebels clashed with troops". PLOVER codes them in both directions (coding rule 2).
# Acts between the parties named together: "Kenya and Somalia agreed", "... held talks",
# "... broke off relations", "... signed a pact", "... restored ties" (each with the other).
_MUTUAL_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "SANCTION"})
_MUTUAL_CODES = pat.JOINT_CODES  # SUPPORT: establishing relations, signing an agreement
# Light verbs of an act each party does to the other: "Armenia and Azerbaijan traded
# accusations", "the two leaders exchanged threats" (coding rule 2: one event each way).
_TRADED = frozenset({"trade", "exchange"})


# Fights both sides take part in: "clashed", "fought (running battles) with", "traded fire".
_FIGHTS = frozenset({"clash", "fight", "battle", "skirmish"})
_RECIPROCAL = _FIGHTS | _TRADED


def fight_word(token: Token) -> bool:
    """Whether the word names a fight both sides take part in: a fight verb's lemma, its
    gerund ("the fighting") or a compound ending in one ("a firefight", "gunbattles")."""
    lemma = token.lemma_.lower()
    return any(lemma.endswith((word, word.removesuffix("e") + "ing")) for word in _FIGHTS)


def fight_trigger(token: Token) -> bool:
    """Whether a trigger names a fight both sides take part in: a fight noun ("clashes",
    "a firefight") or a verb of fighting or of trading fire ("clashed", "traded")."""
    return token.lemma_.lower() in _RECIPROCAL if token.pos_ == "VERB" else fight_word(token)


def mutual_kind(candidate: Candidate) -> bool:
    """Whether the act is of a kind parties named together do with each other (a swap of
    captives too: each releases the other's); mediators
    ("the EU and the UN, which mediated the talks") deal with others, not with each other.
    A sanction only when it ends a tie (:func:`_ends_a_tie`)."""
    mutual = candidate.type in _MUTUAL_TYPES or candidate.cameo in _MUTUAL_CODES
    if candidate.type == "SANCTION" and candidate.cameo not in _MUTUAL_CODES:
        mutual = _ends_a_tie(candidate)
    mutual = mutual or candidate.trigger.requires == pat.SWAPPED  # "X and Y swapped prisoners"
    return mutual and candidate.cameo != MEDIATION


# What two parties have with each other, so that ending it is an act of each on the other:
# "Ethiopia and Eritrea broke off relations", "Ankara and Cairo cut ties", "suspended talks".
# Other sanctions by parties named together fall on a third ("Colombia and Chile recalled
# their ambassadors", "Estonia and Latvia expelled Russian diplomats"): train's gold codes
# each co-doer on the third party, and one co-doer on the other only when a tie between them
# ended (relations broken off, flights between them halted: 24 such sanctions each way).
_TIES = frozenset({"relation", "tie", "link", "contact", "talk", "negotiation", "dialogue"})


def _ends_a_tie(candidate: Candidate) -> bool:
    """Whether a sanction ends what its parties have with each other: its phrase or its
    object names a tie ("broke off [relations]", "suspended [talks]", "a suspension of
    [contacts]")."""
    token = candidate.token
    words = [*candidate.found.tokens, *(c for c in token.children if c.dep_ == "dobj")]
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    placed = pat.placed_object(of) if of is not None else None
    words += [placed] if placed is not None else []
    return any(w.lower_.removesuffix("s") in _TIES or w.lemma_.lower() in _TIES for w in words)


def mediated(candidates: dict[int, Candidate]) -> None:
    """Who brokers, mediates or hosts an act between parties deals with each of them: "Qatar
    brokered a ceasefire between Israel and Hamas", "talks between Serbia and Kosovo were
    mediated by the EU", "Iran and the US held talks, mediated by Oman" (the mediator with each
    side, coding rule 2), not with the act, which is no actor (coding rule 3)."""
    for candidate in candidates.values():
        if candidate.type != "CONSULT" or candidate.trigger.pos != "VERB":
            continue
        act = _mediated_act(candidate.token)
        if act is None:
            continue
        of = next((c for c in act.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = pat.placed_object(of) if of is not None and act.i not in candidates else None
        act = inner if inner is not None and inner.i in candidates else act  # "a round of [talks]"
        between = next((c for c in act.children if c.dep_ == "prep" and c.lower_ == "between"), None)
        sides = [pat.placed_object(between)] if between is not None else []
        told = candidates.get(act.i)
        if not sides and told is not None and told.type in _MUTUAL_TYPES:
            sides = [*told.sources[:1], *told.targets[:1]]  # "Iran and the US held [talks], mediated by"
        candidate.parties = [t for t in sides if t is not None and t not in candidate.sources]


def _mediated_act(verb: Token) -> Token | None:
    """The event noun a verb of mediating takes: its object ("brokered [a truce]"), its
    passive subject ("[the talks] were mediated by") or the noun it describes ("[talks]
    mediated by Oman")."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ == "NOUN":
        return verb.head
    return pat.child(verb, ("dobj", "nsubjpass"))


def actor_pairs(
    candidate: Candidate, sources: list[Mention | None], targets: list[Mention | None],
    reciprocal: bool = False, party: bool = True,
) -> list[tuple[Mention | None, Mention | None]]:  # fmt: skip
    """(source, target) pairs to emit: each source with each target; for a mutual act of
    several parties named together, or one done to "each other", the parties with one
    another (:func:`_among`), unless the target found is a ``party`` of its own ("Kenya and
    Uganda signed a pact with Sudan"); a fight both sides take part in, both ways."""
    named = [s for s in sources if s is not None]
    between = candidate.trigger.frame != "intent"  # "X and Y pledged to send aid": to a third
    fight = _fight(candidate)
    mutual = (mutual_kind(candidate) and between) or reciprocal
    if (mutual or fight) and len(named) > 1 and (not targets or (mutual and not party)):
        return _among(named)
    pairs = [(s, t) for s in sources for t in (targets or [None])]
    one_partner = len([t for t in targets if t is not None]) == 1  # "talks with both sides": a list
    if fight or reciprocal or (mutual and one_partner and _partner(candidate)):
        pairs += [(t, s) for s, t in pairs if s is not None and t is not None]
    return pairs


# Mutual acts one party does "with" another, each with the other (coding rule 2): signing up
# to a deal ("signed a pact with China", "restored ties with Caracas"), holding talks ("held
# talks with Putin", "spoke with Ali", "a meeting with the minister") and joint work ("joint
# exercises with the US Navy"). Train's gold codes two thirds of such one-partner acts both
# ways; a list of partners ("exercises with Chad, Niger and Mali") stays one way, as coded,
# and so does one phrase naming a pair ("held talks with both sides": a go-between's talks
# with each side, coded one way both times train's gold has it). Which acts: `pat.joint_act`.


def _partner(candidate: Candidate) -> bool:
    """Whether the one target is the partner of a joint act: the object of "with" or of
    "met"."""
    kind = pat.joint_act(candidate.type, candidate.cameo)
    if not kind or not candidate.targets or pat.has_conjuncts(candidate.targets[0]):
        return False
    first = candidate.targets[0]
    if first.dep_ == "dobj" and first.head == candidate.token and _meeting(candidate.token):
        return True  # "Jovel met Guterres": each met the other
    return first.dep_ == "pobj" and first.head.lower_ == "with"


def joint_with(type_: str, cameo: str | None, trigger: Token, partner: Token) -> bool:
    """Whether ``partner`` is the one partner of a joint act on ``trigger`` ("talks [with]
    Washington", "signed a pact [with] China"), as :func:`_partner` reads it, or the other
    side of a fight ("during clashes [with] supporters of X", "traded fire [with] Israel"),
    as :func:`_fight` reads it: for a side filled after the event stage (the argument
    ranker), whose act is then each way too."""
    fight = type_ == "ASSAULT" and fight_trigger(trigger)
    kind = pat.joint_act(type_, cameo) or fight
    if not kind or cameo == MEDIATION or pat.has_conjuncts(partner):
        return False
    if partner.dep_ != "pobj" or partner.head.lower_ != "with":
        return False
    on_object = partner.head.head.dep_ == "dobj" and partner.head.head.head == trigger
    if fight and trigger.pos_ == "VERB" and on_object:
        return True  # "has traded almost daily fire [with] Israel", "fought running battles [with]"
    # "a deal was struck [with] the protest leaders": the verb that makes the act noun
    made = (
        trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "nsubjpass") and partner.head.head == trigger.head
    )
    return partner.head.head == trigger or made


# Verbs whose object is a party that does the act too, unlike "visited", "called" or "received"
# (one side's act): train's gold codes "X met Y" both ways as often as not (6 pairs both
# ways, 6 one way, mostly plural groups met: "met senior officials").
_MEETING = frozenset({"meet"})


def _meeting(verb: Token) -> bool:
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _MEETING and not pat.is_passive(verb)


def _among(parties: list[Mention]) -> list[tuple[Mention | None, Mention | None]]:
    """A mutual act of parties named together: two parties each with the other ("Kenya and
    Somalia agreed"); of three or more, the first named with each of the others, as coders
    code a joint act led by the first ("Pakistan, Sri Lanka and the Maldives held exercises":
    Pakistan's with each; train's gold has the first as the source in every such list it
    codes one way), not every ordered pair."""
    first, *others = parties
    if len(others) == 1:
        return [(first, others[0]), (others[0], first)]
    return [(first, other) for other in others]


def _fight(candidate: Candidate) -> bool:
    """Whether both sides attack: "X and Y clashed", "clashed with", "fought running battles
    with", "traded fire with", "fighting between X and Y". Not "fought the rebels" (the
    object is whom the subject attacked) nor "were fought off by" (the passive names one side)."""
    if candidate.type != "ASSAULT":
        return False
    token = candidate.token
    if token.pos_ == "NOUN" and is_between(candidate.targets):
        return True  # "fighting between troops and militants", "the war between X and Y"
    if not fight_trigger(token):
        return False
    if token.pos_ != "VERB":
        return True  # "clashes with troops", "a firefight with rebels"
    attacked = any(t.dep_ == "dobj" and t.lemma_.lower() not in _RECIPROCAL for t in candidate.targets)
    return not attacked and not pat.is_passive(token)


def traded(candidate: Candidate) -> bool:
    return candidate.light is not None and candidate.light.lemma_.lower() in _TRADED


def names_a_party(targets: list[Token], is_event: Callable[[Token], bool]) -> bool:
    """Whether the first target word is a party to the act, not what was agreed or done ("agreed
    to a [ceasefire] after talks in Doha", "agreed on the [release] of ...": an act) nor the
    subject of a clause about its terms ("the deal under which [Macedonia] is renamed")."""
    if not targets:
        return False
    token = targets[0]
    return token.dep_ not in ("nsubj", "nsubjpass") and not is_event(token)


def pair_named_as_one(tokens: list[Token], sources: list[Mention | None]) -> bool:
    """Whether the doer is a story's two parties called by one plural name ("the two
    countries", "both sides", "the warring parties"): an act by them that names no one else
    is done to each other (coding rule 8), as when they are named together."""
    if len(tokens) != 1 or len(sources) != 2 or pat.has_conjuncts(tokens[0]):
        return False
    first, second = sources
    if first is None or second is None or first.actor == second.actor or first.start != second.start:
        return False
    head = tokens[0]
    return names_a_pair(" ".join(t.text for t in head.subtree if t.i <= head.i))


def to_each_other(targets: list[Token], sources: list[Token] | None = None) -> bool:
    """Whether the act is done to "each other" or "one another": every party to every other;
    so is one by "each side" to "the other" ("each side accuses the other of ...")."""
    for token in targets:
        words = {token.lower_, *(c.lower_ for c in token.children)}
        if words >= {"each", "other"} or words >= {"one", "another"}:
            return True
        the_other = token.lower_ == "other" and pat.child(token, ("det",)) is not None
        if the_other and any(_distributive(s) for s in sources or []):
            return True
    return False


def _distributive(token: Token) -> bool:
    """ "each side", "either side", "neither side", bare "each": one of a pair, in turn."""
    if token.lower_ in _DISTRIBUTIVE:
        return True
    return any(c.dep_ == "det" and c.lower_ in _DISTRIBUTIVE for c in token.children)


_DISTRIBUTIVE = frozenset({"each", "either", "neither"})


def is_between(tokens: list[Token]) -> bool:
    """Whether the first target is the object of "between" ("talks between X and Y")."""
    return bool(tokens) and tokens[0].dep_ == "pobj" and tokens[0].head.lower_ == "between"
