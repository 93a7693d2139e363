"""Who takes part in an act when a phrase names several parties in a form coordination does
not show: a group noun that lists its named members ("other countries, including Mexico and
Brazil", "donors such as Norway and Sweden"). Each party is one event (coding rule 2).

The linker (:class:`.event_actors.ArgumentLinker`) reads each token these return as a
phrase of its own; a phrase that lists nothing stays one token.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract import event_patterns as pat

if TYPE_CHECKING:
    from spacy.tokens import Token

# Entity kinds of a named party: a list of places or things ("cities, including Lagos") is
# a place, not a party; a country is a party when it acts ("countries, including Mexico").
_PARTY_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Words that modify a noun before it ("U.S. forces", "allied troops", "army units").
_MODIFIERS = frozenset({"nmod", "compound", "amod"})
# Nouns whose members are places, dates or things, never parties to the act.
_NOT_PARTIES = frozenset({"FAC", "LOC", "DATE", "TIME", "PRODUCT", "WORK_OF_ART", "EVENT"})


def listed_members(token: Token) -> list[Token]:
    """The named members of a group phrase ("[countries], including Mexico and Brazil",
    "[governments] such as Britain and Canada"), each a party in its own right; else the
    token. Only names: "rebels, including fighters from Chad" stays the rebels, and a group
    noun of places ("several cities, including Lagos") is no party at all."""
    if token.pos_ != "NOUN" or token.ent_type_ in _NOT_PARTIES:
        return [token]
    for prep in token.children:
        if prep.dep_ != "prep" or not _includes(prep):
            continue
        first = pat.placed_object(prep)
        listed = pat.conjuncts(first) if first is not None else []
        if listed and all(_named_party(t) for t in listed):
            return listed
    return [token]


def renamed_members(token: Token) -> list[Token]:
    """The names an apposition lists for a plural group noun ("its [neighbours] Mali and
    Burkina Faso", "the two [rivals], India and Pakistan"): each a party when it names an
    actor (the linker checks), not the group; none when the apposition names one party,
    which is the noun itself renamed ("its ally, Chad")."""
    if token.pos_ != "NOUN" or token.tag_ != "NNS":
        return []
    renamed = next((c for c in token.children if c.dep_ == "appos"), None)
    listed = pat.conjuncts(renamed) if renamed is not None else []
    return listed if len(listed) > 1 and all(_named_party(t) for t in listed) else []


def _includes(prep: Token) -> bool:
    """ "including", "such as": what follows are members of the head noun's group."""
    if prep.lower_ == "including":
        return True
    return prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)


def _named_party(token: Token) -> bool:
    """A name the recogniser tags as a party, on its head or on a word of the name it
    compounds ("[Burkina] Faso" where only the first word was tagged)."""
    words = [token, *(c for c in token.children if c.dep_ == "compound")]
    return token.pos_ == "PROPN" and any(w.ent_type_ in _PARTY_ENTITIES for w in words)


def offices(token: Token) -> list[tuple[Token, Token]]:
    """One plural noun of office held in several domains ("the [ministers] of mines and of
    hydrocarbons", "the [heads] of the army and of the police"): each "of" with its object,
    one office holder each; none when the noun has one domain ("the ministers of defence")."""
    if token.pos_ != "NOUN" or token.tag_ != "NNS":
        return []
    preps = [c for c in token.children if c.dep_ in ("prep", "conj") and c.lower_ == "of" and c.i > token.i]
    preps += [c for p in preps for c in p.conjuncts if c.lower_ == "of" and c.i > p.i]  # "of X and of Y"
    preps = sorted(set(preps), key=lambda c: c.i)
    doc = token.doc
    if len(preps) < 2 or not any(doc[i].dep_ == "cc" for i in range(preps[0].i + 1, preps[-1].i)):
        return []
    held = [(prep, obj) for prep in preps if (obj := pat.placed_object(prep)) is not None]
    return held if len(held) == len(preps) else []


def sharing_modifiers(token: Token) -> list[Token]:
    """Coordinated modifiers that share one plural head, each naming a party of its own:
    "U.S., European and United Nations [forces]", "Ethiopian and allied [troops]" (coding
    rule 2: one event per party; the linker keeps those that name an actor). None for a
    list whose earlier members the parser hung on the last one's noun ("Meta, TikTok and
    internet [companies]": :func:`.event_patterns.stray_members` reads that one)."""
    if token.tag_ not in ("NNS", "NNPS") or pat.stray_members(token) is not None:
        return []
    for mod in token.lefts:
        if mod.dep_ not in _MODIFIERS:
            continue
        listed = [mod, *(t for t in mod.conjuncts if mod.i < t.i < token.i)]
        if len(listed) > 1:
            return listed
    return []


# Prepositions naming where a thing comes from, and whose people a plural noun of people names.
_FROM = frozenset({"from"})
_OWNED_BY = frozenset({"from", "of"})


def source_list(token: Token, people: bool = False) -> list[Token]:
    """The names listed as where a thing comes from: "accepted assistance [from] Spain, Qatar
    and the UK" (each gives it: one event per party, coding rule 2); none when "from" takes one
    name. Only a "from" object: "the release of X and Y" names those the act is done to,
    which the act's own rules read. ``people``: a plural noun of people, whose "from" or "of"
    names whose they are ("soldiers [from] Nigeria, Chad and Niger", "the leaders [of] France
    and Germany"): each party's, as train's gold codes every such list (never one event)."""
    if people and token.tag_ not in ("NNS", "NNPS"):
        return []
    preps = _OWNED_BY if people else _FROM
    prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in preps), None)
    first = pat.placed_object(prep) if prep is not None else None
    listed = pat.conjuncts(first) if first is not None else []
    return listed if len(listed) > 1 and all(_named_party(t) for t in listed) else []


def companions(token: Token) -> list[Token]:
    """Those who underwent a passive act beside its subject: "Hamdok was put under arrest
    [together with] his ministers", "he was released [along with] an aid worker" (coding
    rule 8: each a target of its own; train's gold codes all seven such companions so). The
    object's head only: the linker reads its conjuncts. None for an active verb, whose
    companion joins the doer (:func:`co_doers`) or no one."""
    verb = _passive_verb(token)
    return _alongside(verb) if verb is not None else []


def co_doers(token: Token, object_named: bool) -> list[Token]:
    """Those who do an active act beside its subject: "IGAD, which brokered the truce
    [together with] the UN and the AU", "police, [together with] local vigilantes, ambushed
    the bandits" (coding rule 2: each a source of its own). The object's head only: the
    linker reads its conjuncts. None for a passive act (:func:`companions`). On the verb only
    when the act's own object names no party (``object_named``): "detained the mayor
    together with his aides" detained them too."""
    if token.pos_ != "VERB" or pat.is_passive(token):
        return []
    subject = pat.child(token, ("nsubj",))
    on_verb = [] if object_named else _alongside(token)
    return [*on_verb, *(_alongside(subject) if subject is not None else [])]


def _alongside(head: Token) -> list[Token]:
    """The objects of the "together with", "along with" phrases on ``head``."""
    found = []
    for word in head.children:
        if word.dep_ not in ("prep", "advmod"):
            continue
        with_ = pat.alongside_with(word)
        obj = pat.placed_object(with_) if with_ is not None else None
        if obj is not None:
            found.append(obj)
    return found


def _passive_verb(token: Token) -> Token | None:
    """The passive verb of the act: the trigger itself ("was detained"), or the verb whose
    place phrase it fills ("was put under [arrest]", "was taken into [custody]")."""
    verb = token
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.dep_ == "prep":
        verb = token.head.head
    return verb if verb.pos_ == "VERB" and pat.is_passive(verb) else None
