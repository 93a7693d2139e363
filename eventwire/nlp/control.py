"""Who does the act of an infinitive that follows a verb and its object: control.

In "urged Kenya to end its ban" the object, Kenya, ends the ban: a verb that asks, tells,
makes or lets someone do something hands its infinitive to its object (object control).
After any other verb an infinitive with an object before it is a purpose clause, done by
the subject: "Egypt summoned the ambassador to protest the raid" (Egypt protests),
"police used tear gas to break up the crowd", "Tehran invoked its sovereignty to brush
aside the concerns". The parser hangs both on the verb as ``xcomp``; only the verb tells
them apart. The verbs of influence below are English's object-control verbs (asking,
telling, urging, ordering, forcing, causing, letting, helping, wanting someone to do a
thing), a closed class of the grammar; a verb of calling someone in ("summon", "recall")
or of using something is not one of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

OBJECT_CONTROL = frozenset({
    # asking and urging
    "ask", "urge", "call", "appeal", "beg", "implore", "exhort", "press", "pressure", "push",
    "request", "invite", "challenge", "dare", "lobby", "petition",
    # telling and ordering
    "tell", "order", "command", "instruct", "direct", "advise", "warn", "caution", "remind",
    "mandate", "authorise", "authorize", "commission", "task", "charge",
    # making and causing
    "force", "compel", "oblige", "coerce", "require", "cause", "lead", "prompt",
    "spur", "provoke", "incite", "induce", "inspire", "motivate", "get", "make",
    # persuading
    "persuade", "convince", "encourage", "entice", "tempt",
    # letting and helping
    "allow", "permit", "let", "enable", "empower", "clear", "admit", "help", "assist",
    "train", "teach",
    # wanting
    "want", "expect", "need", "wish", "trust",
})  # fmt: skip


def object_controls(verb: Token) -> bool:
    """Whether the object of ``verb`` does the act of its infinitive complement (the verb is
    one of influence, :data:`OBJECT_CONTROL`), not its subject (a purpose clause)."""
    return verb.lemma_.lower() in OBJECT_CONTROL
