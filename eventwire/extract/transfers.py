"""Transfer frames: a verb of giving or sending, a thing given, a recipient (AID, 070-074).

"India dispatched 50,000 tonnes of wheat to Afghanistan", "The EU announced $30 million in
humanitarian aid for Pakistan", "gave Kenya $10 million": a verb that moves something
(send, ship, deliver, give, announce, release...: the lexicon's rows with ``requires``
``object:goods``) is aid when what it moves can be given and nothing else makes it an
event of its own. What can be given is read off the thing, never the sentence around it:

* money: a MONEY entity ("$30 million", "US$200,000"), or a noun the lexicon reads as aid
  with its own code ("a loan", "a donation": 071);
* arms: a noun of the ``arms`` cue class ("weapons", "missiles", "ammunition": 072);
* goods: a QUANTITY entity ("50,000 tonnes"), a noun of the ``goods`` cue class ("food",
  "medical supplies", "equipment") or one the lexicon reads as aid ("aid", "assistance"),
  itself or as the word that qualifies it ("aid trucks", "relief supplies"): 070.

A container or a measure names its contents by "of" ("tons of wheat", "a consignment of
relief supplies", "a column of 130 aid trucks"). The recipient is the object of "to" or
"for" on the verb or on the thing ("$30 million in aid for Pakistan"), or the indirect
object; a verb of receiving ("Bolivia received $100 million from Washington") turns the
sides round: the giver is the "from" object, the recipient the subject.

Forces sent "to" a foreign state (a country the sender is not) are security aid to it
(AID 074: "Kenya sent 400 police officers to Haiti"), as train's gold codes them; sent
to a border, a region or their own country they stay a deployment (MOBILIZE 154).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from eventwire.extract import event_patterns as pat
from eventwire.nlp.bounds import entity_start

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

TRANSFER = pat.TRANSFER  # the ``requires`` condition of a transfer verb's row
MONEY_AID = ("AID", "071")
ARMS_AID = ("AID", "072")
GOODS_AID = ("AID", "070")
SECURITY_AID = ("AID", "074")
# Verbs whose subject gets what is given: the giver is their "from" object.
RECEIVING = frozenset({"receive", "get"})
# Verbs whose subject is the thing given, arriving: the giver is whose it is or "from" whom.
ARRIVING = frozenset({"arrive", "reach"})
# Verbs that send forces somewhere: MOBILIZE rows whose "to" object may be a state helped.
SENDING = frozenset({"send", "dispatch", "deploy"})
# Verbs of a purpose clause whose object is the one the thing is for ("to help [Ukraine]").
_HELPING = frozenset({"help", "assist", "aid", "support"})
# Particles that make a verb of giving something else: "brought down", "gave up", "sent back".
_NOT_GIVING = frozenset({"down", "up", "back", "away", "off"})
_RECIPIENT_PREPS = ("to", "for")
_PARTY_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
_QUALIFIERS = frozenset({"compound", "amod", "nmod"})

NounTypes = Callable[["Token"], frozenset[str]]


class GoodsClasses:
    """The cue classes of things given (``goods``, ``arms``) and the lexicon's aid nouns."""

    __slots__ = ("goods", "arms", "noun_types", "noun_codes")

    def __init__(
        self, goods: frozenset[str], arms: frozenset[str], noun_types: NounTypes, noun_codes: NounTypes
    ) -> None:
        self.goods, self.arms = goods, arms
        self.noun_types, self.noun_codes = noun_types, noun_codes

    def sense(self, thing: Token) -> tuple[str, str] | None:
        """(type, CAMEO code) of giving ``thing``, or None when it is nothing one gives."""
        for noun in _contents(thing):
            if noun.ent_type_ == "MONEY":
                return MONEY_AID
            lemma = noun.lemma_.lower()
            if lemma in self.arms or noun.lower_ in self.arms:
                return ARMS_AID
            if "AID" in self.noun_types(noun):
                codes = {c for c in self.noun_codes(noun) if c.startswith("07")}
                return MONEY_AID if codes == {MONEY_AID[1]} else GOODS_AID  # "a loan", "a donation"
            if lemma in self.goods or noun.lower_ in self.goods or noun.ent_type_ == "QUANTITY":
                return GOODS_AID
            qualifiers = [c for c in noun.children if c.dep_ in _QUALIFIERS]
            if any(q.lemma_.lower() in self.goods or "AID" in self.noun_types(q) for q in qualifiers):
                return GOODS_AID  # "aid trucks", "relief supplies"
        return None

    def given(self, verb: Token) -> tuple[Token, tuple[str, str]] | None:
        """What a transfer verb gives and the sense of giving it: its object (the subject of
        a passive, the noun its participle describes), or the "with" object of "provided
        Turkey with supplies"."""
        if any(c.dep_ == "prt" and c.lower_ in _NOT_GIVING for c in verb.children):
            return None  # "helicopters were brought down", "sent back the shipment"
        if verb.lemma_.lower() in ARRIVING:  # "a consignment of relief supplies reached Manila"
            thing = pat.child(verb, ("nsubj",))
            sense = self.sense(thing) if thing is not None else None
            return (thing, sense) if thing is not None and sense is not None else None
        thing = pat.trigger_patient(verb)
        sense = self.sense(thing) if thing is not None else None
        if sense is not None and thing is not None:
            return thing, sense
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                obj = pat.placed_object(prep)
                sense = self.sense(obj) if obj is not None else None
                if obj is not None and sense is not None:
                    return obj, sense
        return None


def _contents(thing: Token) -> list[Token]:
    """The thing, then what it holds or measures by "of" ("tons of [wheat]", "a column of
    130 aid [trucks]"), then what it is given "in" ("$30 million in humanitarian [aid]")."""
    out = [thing]
    for prep in thing.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "in"):
            obj = pat.placed_object(prep)
            if obj is not None:
                out.append(obj)
    return out


def recipients(verb: Token, thing: Token | None) -> list[Token]:
    """Whom the thing goes to: the indirect object ("gave [Kenya] $10 million"), the object
    of "to" or "for" on the verb or on the thing and what it is given in ("$30 million in aid
    [for] Pakistan"), the object of a "provided [Turkey] with" frame. Parties only: a name
    or a group noun, not "to the border" or "for reconstruction" (the linker decides)."""
    found: list[Token] = []
    dative = pat.child(verb, ("dative",))
    if dative is not None and dative.pos_ == "ADP":
        dative = pat.child(dative, ("pobj",))
    if dative is not None:
        found.append(dative)
    holders = [verb, *(_contents(thing) if thing is not None else [])]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in _RECIPIENT_PREPS:
                obj = pat.placed_object(prep)
                if obj is not None and obj.ent_type_ not in ("MONEY", "QUANTITY", "CARDINAL"):
                    found.append(obj)
    obj = pat.child(verb, ("dobj",))
    if obj is not None and thing is not None and obj is not thing and thing.head.lower_ == "with":
        found.append(obj)  # "provided [Turkey] with medical supplies"
    if obj is not None and verb.lemma_.lower() in ARRIVING:
        found.append(obj)  # "the first consignment has reached [the Philippines]"
    helped = helping_clause(verb, thing)
    if helped is not None and (obj := pat.child(helped, ("dobj",))) is not None:
        found.append(obj)  # "released $5.4 million to help [NGOs]"
    return list(dict.fromkeys(found))


def helping_clause(verb: Token, thing: Token | None) -> Token | None:
    """The purpose the thing is given for, when it names whom it helps: "released $5.4
    million [to help] NGOs", "deliver heavy equipment [to help] Ukraine". The help is the
    giving's purpose, no act of its own."""
    clauses = [*verb.children, *(thing.children if thing is not None else [])]
    for clause in clauses:
        if clause.dep_ not in ("advcl", "xcomp", "relcl", "acl") or clause.lemma_.lower() not in _HELPING:
            continue
        if pat.is_infinitive(clause):
            return clause
    return None


def giver(verb: Token, thing: Token | None) -> Token | None:
    """Who gave what a verb of receiving takes: its "from" object, or the thing's ("aid
    [from] Indonesia"), or a party that qualifies the thing or what it comes in ("[U.S.]
    aid", "[China]'s consignment", "gets $100 million a year in [U.S.] aid")."""
    contents = _contents(thing) if thing is not None else []
    contents += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children]
    for holder in (verb, *contents):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                obj = pat.placed_object(prep)
                if obj is not None:
                    return obj
    for noun in contents:
        for c in noun.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod") and c.ent_type_ in _PARTY_ENTS:
                return c
    return None


def helped_state(
    verb: Token, source: Token | None, country_of: Callable[[Token], str | None]
) -> Token | None:
    """The foreign state forces are sent "to" ("sent 217 police officers [to] Haiti"): a
    country (or its capital) the sender is not; None for a border, a region ("northern
    Kosovo") or the sender's own."""
    if verb.lemma_.lower() not in SENDING:
        return None
    for prep in verb.children:  # "sending troops [to] Haiti" is also parsed as a dative
        if prep.dep_ not in ("prep", "dative") or prep.lower_ != "to":
            continue
        obj = pat.placed_object(prep)
        if obj is None or obj.ent_type_ not in ("GPE", "ORG"):
            continue  # a name the parser may read as an organisation ("the Central African Republic")
        name = entity_name(obj)
        if any(c.dep_ == "amod" and c.i < name[0].i for c in obj.children):
            continue  # "to northern Kosovo": a region of the state, where forces deploy
        state = country_of(obj)
        own = country_of(source) if source is not None else None
        if state is not None and state != own:
            return obj
    return None


def entity_name(word: Token) -> Span:
    """The entity a word ends or is part of ("the Central African [Republic]"): its tokens
    up to the word, without a leading article."""
    doc = word.doc
    start = entity_start(doc, word.i, same_type=True)
    if doc[start].lower_ == "the" and start < word.i:
        start += 1
    return doc[start : word.i + 1]
