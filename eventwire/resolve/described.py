"""The named actor a description without a name stands for, by the title the article gives it.

An article names an actor once with a title or an apposition ("Prime Minister Madhav Kumar
Nepal", "gang leader Jimmy Cherizier", "the opposition Movement for Democratic Change",
"Yuki Kitazumi, a freelance reporter,") and then goes on with the description alone ("the
prime minister", "the opposition", "the reporter"). Such a side resolves to an unknown actor
of those words and loses who acted, where the coding rules name the actor the article gives.
When exactly one named actor of the article (not a country) is given the description's
head and the word before it ("prime minister", not "minister" for a "foreign minister") as
its title or in apposition, the description is that actor. A definite description ("the
prime minister") may point back or forward (a headline's); an indefinite one ("a gang
leader") introduces somebody, so only an actor titled so later in the article counts.

Offices of a country said with the country ("Greek premier") are the office holders'
(:mod:`eventwire.resolve.office_holders`); a possessed description ("his deputy", "the
group's leader") names somebody relative to another, and is left to its own reading.

Runs after the event scorer, on the sides as emitted, like the office holders: only the
side's actor changes, to the one the words name.
"""

from __future__ import annotations

import re

from eventwire.config import PipelineConfig
from eventwire.models import UNKNOWN_ACTOR_PREFIX, Analysis, Mention, Section
from eventwire.resolve.kb import KnowledgeBase
from eventwire.resolve.mentions import Hit, named_as

_WORD = re.compile(r"[\w'’.-]*\w")
_ARTICLE = re.compile(r"(the|a|an)\s+", re.IGNORECASE)
# Where a description's own words end: a preposition, a relative, a comma or a bracket
# ("the leader of the main separatist group", "a rebel faction from Darfur").
_TAIL = re.compile(
    r"\s+(?:of|in|from|who|whom|which|that|with|for|at|on|to|by|near|under|over|against|after"
    r"|during|based|and)\b.*$|\s*[,(:;\"“].*$",
    re.IGNORECASE | re.DOTALL,
)
_POSSESSED = re.compile(r"\w['’]s\b")
# Words that make a description several actors or another holder than the one titled:
# "the two sides", "all parties", "the former president", "the deputy minister".
_COUNTED = frozenset({
    "two", "three", "four", "five", "both", "all", "some", "several", "many", "each", "more",
    "most", "these", "those", "few", "one", "number", "other",
})  # fmt: skip
_OTHER_HOLDER = frozenset(
    {"former", "ex", "deputy", "vice", "acting", "assistant", "interim", "another", "late"}
)
# A description that is the state, or any people: other readings resolve these.
_NOT_AN_ACTOR = frozenset({
    "government", "authorities", "state", "country", "regime", "administration", "nation",
    "kingdom", "republic", "statement", "report", "people", "men", "women", "man", "woman",
})  # fmt: skip
# Words before a name that end its title: "leads [the] opposition X", "on embattled premier X".
_TITLE_STOP = frozenset({
    "the", "a", "an", "of", "on", "in", "to", "by", "for", "at", "from", "with", "and", "or",
    "as", "its", "his", "her", "their", "is", "was", "who", "which", "that", "including", "among",
})  # fmt: skip
_TITLE_WORDS = 4  # the most words before a name read as its title
_SMALL_WORDS = frozenset({"of", "the", "for", "and", "de", "al", "el", "la", "du", "des", "bin", "ibn", "on"})
# "X, the chief spokesman," / "X, a freelance reporter." (the words of the apposition)
_APPOSITION = re.compile(
    r"\s*,\s+(?:the|a|an)\s+((?:[\w'’.-]+\s+){0,4}?[\w'’.-]+)\s*(?:[,.;]|\s+(?:of|for|in|at|from)\b)"
)
_GROUP_WORD = re.compile(r"\s+([a-z][\w-]*)\b")  # "the Georgian Dream party": the word after a group's name


def description(text: str) -> tuple[list[str], bool] | None:
    """The words of a side that describes one actor without naming it ("the prime
    minister" -> ["prime", "minister"]), and whether it is definite; None for a name, a
    possessed or counted description, or one that stands for the state or any people."""
    article = _ARTICLE.match(text)
    if article is None:
        return None
    said = _TAIL.sub("", text[article.end() :]).strip()
    if _POSSESSED.search(said):
        return None
    words = _WORD.findall(said)
    if not words or len(words) > 4:
        return None
    if any(w[:1].isdigit() or w.lower() in _COUNTED for w in words):
        return None
    if words[-1][:1].isupper() and not text[:1].isupper():
        return None  # "the Kremlin": a name
    lowered = [_bare(w) for w in words]
    if lowered[-1] in _NOT_AN_ACTOR:
        return None
    return lowered, article.group(1).lower() == "the"


def _bare(word: str) -> str:
    return re.sub(r"['’]s?$", "", word.lower())


def titles(text: str, hit: Hit) -> list[list[str]]:
    """The words the article gives a named actor at this mention: its title ("opposition
    leader X", "the main opposition X"), the group word after a group's name ("X party"),
    and an apposition ("X, a freelance reporter,")."""
    found = []
    inside = _WORD.findall(text[hit.start : hit.head]) if hit.head > hit.start else []
    clause = re.split(r"[\n,.;:]", text[max(0, hit.start - 60) : hit.start])[-1]
    before: list[str] = []
    for word in reversed(_WORD.findall(clause)):
        if word.lower() in _TITLE_STOP or len(before) >= _TITLE_WORDS:
            break
        before.insert(0, word)
    if before or inside:
        found.append([_bare(w) for w in before + inside])
    if hit.kind != "person" and (group := _GROUP_WORD.match(text, hit.end)) is not None:
        found.append([group.group(1)])
    if (apposed := _APPOSITION.match(text, hit.end)) is not None and not _POSSESSED.search(apposed.group(1)):
        found.append([_bare(w) for w in _WORD.findall(apposed.group(1))])
    return found


def gives(title: list[str], described: list[str]) -> bool:
    """Whether a title gives the description: the same head and word before it ("prime
    minister"), and the same word of another holder if either has one ("deputy minister")."""
    size = min(2, len(described))
    if len(title) < size or title[-size:] != described[-size:]:
        return False
    return set(title) & _OTHER_HOLDER == set(described) & _OTHER_HOLDER


def _named(hit: Hit) -> bool:
    """A named actor, not a country: a known one, or a name of more than one word, each
    capitalised but the small words ("Movement for Democratic Change")."""
    words = hit.name.split()
    if hit.kind == "country" or hit.section is Section.CAPTION or any(c.isdigit() for c in hit.name):
        return False
    capitalised = all(w[:1].isupper() or w.lower() in _SMALL_WORDS or w[:1] in "'’" for w in words)
    return capitalised and (hit.known or len(words) > 1)


def _fits(hit: Hit, head: str, kb: KnowledgeBase) -> bool:
    """Whether the kind of actor fits the description's head: a person's title for a
    person ("minister"), a group's word for a group ("opposition", "party")."""
    role = kb.role(head)
    person = hit.kind == "person"
    if role is not None and (role.kind == "person") != person:
        return False
    return not (person and head.endswith("s") and not head.endswith("ss"))  # "the ministers": several


def described_actor(
    text: str,
    mention: Mention,
    described: tuple[list[str], bool],
    named: list[tuple[Hit, list[list[str]]]],
    kb: KnowledgeBase,
) -> Hit | None:
    """The one named actor the article titles as the description says; None when none or several."""
    words, definite = described
    holders: dict[str, Hit] = {}
    for hit, given in named:
        if hit.start < mention.end and mention.start < hit.end:
            continue  # the side's own words
        if not definite and hit.start < mention.start:
            continue  # "a gang leader" introduces somebody: titled later, not before
        if _fits(hit, words[-1], kb) and any(gives(title, words) for title in given):
            holders.setdefault(hit.actor, hit)
    return next(iter(holders.values())) if len(holders) == 1 else None


def name_described(analysis: Analysis, hits: list[Hit], kb: KnowledgeBase) -> None:
    """Each event side resolved to an unknown actor whose words describe one named actor
    of the article, made that actor (module docstring)."""
    text = analysis.article.text
    # the named actors by the last word of a title they are given: a description's own last
    # word must end the title (:func:`gives`), so each side reads only those, not every hit
    by_head: dict[str, list[tuple[Hit, list[list[str]]]]] = {}
    for hit in hits:
        given = titles(text, hit) if _named(hit) else []
        for head in dict.fromkeys(title[-1] for title in given if title):
            by_head.setdefault(head, []).append((hit, given))
    if not by_head:
        return
    for event in analysis.events:
        for side in ("source", "target"):
            mention: Mention | None = getattr(event, side)
            if mention is None or not (mention.actor or "").startswith(UNKNOWN_ACTOR_PREFIX):
                continue
            described = description(mention.text)
            named = by_head.get(described[0][-1], []) if described else []
            holder = described_actor(text, mention, described, named, kb) if described else None
            other: Mention | None = getattr(event, "target" if side == "source" else "source")
            if holder is not None and (other is None or other.actor != holder.actor):
                # an act's two sides are two parties: "Varga met the prime minister" is not Varga
                setattr(event, side, named_as(mention, holder))


class DescribedActorStage:
    """Reads the scored ``events``; names the actor a side's description stands for."""

    name = "described_actors"

    def __init__(self, config: PipelineConfig) -> None:
        from eventwire.resolve.actors import resolver_for

        self.resolver = resolver_for(tuple(config.kb_files), config.model)

    def __call__(self, analysis: Analysis) -> Analysis:
        if analysis.events:
            name_described(analysis, self.resolver.hits(analysis), self.resolver.kb)
        return analysis
