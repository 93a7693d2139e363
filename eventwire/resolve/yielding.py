"""Whom a concession yields to, when its own clause says what pressed for it.

"The minister gave in to the unions' demands", "the king gave up his rule in the face of
mass protests", "she was forced to step down under public pressure", "the government repealed
the law after weeks of protests": a concession (CONCEDE) whose clause names no target but
gives its cause in a prepositional phrase (``to``, ``under``, ``after``, ``amid``,
``following``, ``over``, ``because of``, ``in the face of``) headed by a noun of pressure
(a demand, pressure, an ultimatum) or of collective protest (protests, demonstrations, a
strike) is aimed at whoever pressed: the owner of the pressure ("the unions' demands",
"demands of the protesters", "crime gang demands", "pressure from the opposition", "public
pressure"), else, for a protest, the crowd that protested (``unk:protesters``, as
:mod:`eventwire.resolve.implicit_args` names it). Only the event's own clause is read (the
trigger's phrases, and the verb a trigger completes: "forced to [step down] under
pressure"); a side the clause already fills is kept. Runs in
:class:`.implicit_args.ImplicitArgsStage`, before the story's counterpart is tried.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from eventwire.models import Actor, Analysis, Event, Mention
from eventwire.nlp.parse import token_at

if TYPE_CHECKING:
    from spacy.tokens import Token

# The acts a cause phrase aims: concessions (CAMEO 08: yielding to demands, resigning, easing)
_YIELDS = frozenset({"CONCEDE"})
# Prepositions that give a cause or what an act bows to.
_CAUSE_PREPS = frozenset({"to", "under", "after", "amid", "amidst", "following", "over", "because", "in"})
# Nouns of pressure: their owner is who pressed.
_PRESSURE = frozenset({"demand", "pressure", "ultimatum"})
# Nouns of collective protest: by a crowd, or by whom the phrase names.
_PROTEST = frozenset({"protest", "demonstration", "rally", "strike", "unrest", "uprising", "outcry", "march"})
# Adjectives that name the people pressing as a body ("public pressure", "popular demands").
_BODY_ADJECTIVES = frozenset({"public", "popular", "international"})
# Prepositions that give a noun's owner ("demands of the protesters", "pressure from X").
_OWNER_PREPS = frozenset({"of", "from", "by"})
_DEPTH = 3  # noun-preposition links followed from the cause preposition ("in the face of protests")

Link = Callable[[int, int, int], Mention]


def yielded_to(analysis: Analysis, events: list[Event], crowd: Actor, link: Link) -> bool:
    """Fill the targets of concessions whose clause says what pressed for them; returns
    whether ``crowd`` was given as a side (for the caller to register it)."""
    used = False
    for event in events:
        if event.type not in _YIELDS or event.target is not None:
            continue
        token = token_at(analysis.docs, event.trigger.start)
        if token is None:
            continue
        base = event.trigger.start - token.idx  # the section's offset in the article
        cause = _cause(token)
        if cause is None:
            continue
        target = _presser(cause, base, link)
        if target is None and cause.lemma_.lower() in _PROTEST:
            word = analysis.article.text[base + cause.idx : base + cause.idx + len(cause.text)]
            target = Mention(word, base + cause.idx, base + cause.idx + len(cause.text), crowd.id,
                             crowd.country, list(crowd.sectors))  # fmt: skip
            used = True
        if target is None or (
            event.source is not None and target.actor and target.actor == event.source.actor
        ):
            continue
        event.target = target
        event.signals["pressed_by"] = 1.0
    return used


def _anchors(token: Token) -> Iterator[Token]:
    """The trigger and the verb it completes ("forced to [step down]")."""
    yield token
    if token.dep_ in ("xcomp", "conj") and token.head.i != token.i:
        yield token.head


def _cause(token: Token) -> Token | None:
    """The noun of pressure or protest a cause phrase of the trigger's clause is headed by."""
    for anchor in _anchors(token):
        for child in anchor.children:
            if child.dep_ not in ("prep", "advcl", "mark", "pcomp") or child.lower_ not in _CAUSE_PREPS:
                continue
            found = _cause_noun(child, _DEPTH)
            if found is not None and (child.lower_ != "to" or found.lemma_.lower() in _PRESSURE):
                return found  # "gave in to demands", not "moved to a camp after protests"
    return None


def _cause_noun(prep: Token, depth: int) -> Token | None:
    """Down prepositions and their objects ("in the face of [protests]", "because of",
    "following days of [protests]"): the first noun of pressure or protest."""
    for child in prep.children:
        if child.dep_ in ("pobj", "dobj") and child.pos_ in ("NOUN", "PROPN"):
            if child.lemma_.lower() in _PRESSURE | _PROTEST:
                return child
            if depth > 1:
                for deeper in child.children:
                    if deeper.dep_ == "prep" and deeper.lower_ == "of":
                        found = _cause_noun(deeper, depth - 1)
                        if found is not None:
                            return found
        elif child.dep_ in ("prep", "pcomp") and depth > 1:  # "because [of] protests"
            found = _cause_noun(child, depth - 1)
            if found is not None:
                return found
    return None


def _presser(cause: Token, base: int, link: Link) -> Mention | None:
    """Who owns the pressure or the protest, as the phrase names them: its possessor, its
    "of/from/by" object, a compound before it ("crime gang demands"), or for pressure a
    body-of-people adjective ("public pressure"); None when the phrase names no one."""
    pressure = cause.lemma_.lower() in _PRESSURE
    for child in cause.children:
        owner: Token | None = None
        if child.dep_ == "poss":
            owner = child
        elif child.dep_ == "prep" and child.lower_ in _OWNER_PREPS:
            owner = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif child.dep_ == "compound" and pressure and child.pos_ in ("NOUN", "PROPN"):
            owner = child
        elif child.dep_ == "amod" and pressure and child.lower_ in _BODY_ADJECTIVES:
            return Mention(child.text, base + child.idx, base + child.idx + len(child.text))
        if owner is None:
            continue
        start = base + owner.left_edge.idx
        end = base + owner.idx + len(owner.text)
        mention = link(start, end, base + owner.idx)
        if mention.actor is not None or pressure:
            return mention
    return None
