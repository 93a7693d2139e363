"""What two mentions of one type share beyond their sides: cues for the coreference pair model.

Two reports of one act often share the words that tell it ("15 MPs had been detained",
"detained 15 MPs"), its verb or noun ("arrested", "Muzenda's arrest") and the number it
counts a side by ("killed two soldiers", "the attack killed two soldiers"), while the sides
themselves may be resolved differently or left to a pronoun. These cues let the pair model
(``event_coref.pair_features``) weigh that evidence; none of them keeps two acts apart.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.models import Event
from eventwire.resolve.groups import count_of

ACT_CUES = ("evidence_words", "same_stem", "source_count=same", "source_count=one",
            "target_count=same", "target_count=one")  # fmt: skip

_CONTENT = re.compile(r"[a-z]{3,}|\d+")
_FUNCTION = frozenset(
    {"the", "and", "was", "were", "had", "has", "have", "been", "for", "with", "that", "from", "its",
     "his", "her", "their", "who", "which", "said", "after", "over"}
)  # fmt: skip
STEM_CHARS = 5  # "arrest", "arrested", "arrests": one stem; "attack", "attacked" too


def act_cues(a: Event, b: Event) -> dict[str, float]:
    """The cues of an earlier mention ``a`` and a later one ``b`` (see the module docstring)."""
    values = {
        "evidence_words": _overlap(a.evidence.text, b.evidence.text),
        "same_stem": float(_stem(a) == _stem(b) != ""),
    }
    for side in ("source", "target"):
        x, y = getattr(a, side), getattr(b, side)
        counts = [count_of(m.text) if m is not None else None for m in (x, y)]
        if counts[0] is not None and counts[0] == counts[1]:
            values[f"{side}_count=same"] = 1.0
        elif (counts[0] is None) != (counts[1] is None):
            values[f"{side}_count=one"] = 1.0
    return values


@lru_cache(maxsize=1024)  # each sentence is read against every later mention of its type
def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _CONTENT.findall(text.lower()) if w not in _FUNCTION)


def _overlap(a: str, b: str) -> float:
    """Share of the shorter text's content words that the other one has too."""
    ours, theirs = _words(a), _words(b)
    return len(ours & theirs) / min(len(ours), len(theirs)) if ours and theirs else 0.0


def _stem(event: Event) -> str:
    words = event.trigger.text.lower().split()
    return words[-1][:STEM_CHARS] if words else ""
