"""The person a country's office, said without a name, stands for in an article.

A headline or a later sentence often names a person by their country and office alone:
"Greek premier rules out talks", "France's foreign minister spoke", "the Kuwaiti ruler
held talks". Such a side resolves to the country and loses who acted, where the coding
rules name the actor's proper name when the article gives it anywhere
(eval/articles/README.md). The article mostly names the holder elsewhere, with a title
that says the country ("Greek Prime Minister Kyriakos Mitsotakis") or in apposition
("Catherine Colonna, France's foreign minister,"). When exactly one person of the article
is given an office of that kind of that country, the description is that person.

Runs after the event scorer, on the sides as emitted: whether an act is reported, and who
the argument ranker takes for its sides, were learnt on sides resolved to the country (a
person's hit in their place changed the ranker's choices: train census, session 24), so
only the side's actor changes, to the one the words name.
"""

from __future__ import annotations

import re

from eventwire.config import PipelineConfig
from eventwire.models import Analysis, Mention, Section
from eventwire.resolve.gazetteer import without_possessive
from eventwire.resolve.kb import KnowledgeBase
from eventwire.resolve.mentions import Hit, named_as

# Offices said in more than one way: a description's words, and the words a holder's title
# may use for the same office. Other offices must be said the same way ("interior minister").
# Not "leader": party and opposition leaders are leaders too.
_HEADS = ("president", "prime minister", "premier", "chancellor", "king", "emir", "sultan")
_FOREIGN = ("foreign minister", "foreign secretary", "secretary of state", "foreign affairs minister")
_DEFENCE = ("defense minister", "defence minister", "defense secretary", "defence secretary")
_ENVOYS = ("ambassador", "envoy", "high commissioner")
_OFFICES: dict[str, tuple[str, ...]] = {
    "premier": ("prime minister", "premier"),
    "prime minister": ("prime minister", "premier"),
    "ruler": _HEADS,
    "head of state": _HEADS,
    "foreign minister": _FOREIGN,
    "top diplomat": _FOREIGN,
    "foreign secretary": _FOREIGN,
    "defense minister": _DEFENCE,
    "defence minister": _DEFENCE,
    "defense chief": _DEFENCE,
    "defence chief": _DEFENCE,
    "ambassador": _ENVOYS,
    "envoy": _ENVOYS,
}
_OFFICE_SECTORS = frozenset({"GOV", "JUD", "LEG"})  # a state's offices ("chief judge"), not "spy"
# A title that holds the office's words but is not the office: "Vice President", "former
# Prime Minister" (an earlier holder), "deputy foreign minister".
_NOT_HOLDER = re.compile(r"(?:vice|deputy|former|ex|assistant|acting|opposition|party)[\s-]+$")
# Words before a description that make it not the holder in the story: "a senior Indian
# diplomat" introduces somebody new, "his Russian counterpart" is relative, "the former
# Greek premier" held it before.
_NOT_THE_HOLDER = re.compile(
    r"\b(?:a|an|his|her|its|their|our|my|your|former|ex|another|one|each|every|no|any|new|deputy"
    r"|vice|late|then|next|future|previous|first|acting|interim)\s+$",
    re.IGNORECASE,
)
_LOOK_BACK = 12  # characters before a description read for its opening word
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_PLACED = re.compile(r"\s+(?:in|to|at)\s+")  # "Rwanda's ambassador [in Kinshasa]"
# The words a holder is described by after their name: "X, France's foreign minister,".
_APPOSITION = re.compile(r"\s*,\s+((?:[\w'’.-]+\s+){0,6}?[\w'’.-]+)\s*[,.;]")


def offices(words: list[str], kb: KnowledgeBase) -> tuple[str, ...] | None:
    """The offices the words after a country name ("premier", "top diplomat") may be held
    under; None when they name no one person's office of state."""
    words = [w.lower() for w in words]
    if not words or len(words) > 3:
        return None
    words[-1] = without_possessive(words[-1])  # "the German ambassador's": the ambassador
    office = " ".join(words)
    if office in _OFFICES:
        return _OFFICES[office]
    found = kb.role(office)
    if found is None or found.kind != "person" or found.sector not in _OFFICE_SECTORS:
        return None  # "Canada's spy [agency]": no office of state
    if office.endswith("s"):  # "diplomats": several
        return None
    return (office,)


def described_office(words: str, before: str, country: str, kb: KnowledgeBase) -> tuple[str, ...] | None:
    """The offices ``words`` name when they are "[the] <country> <office>" of ``country``
    ("Greek premier", "Russia's top diplomat", "the US president", "Rwanda's ambassador in
    Kinshasa"), and nothing before them (``before``) makes them another holder."""
    if _NOT_THE_HOLDER.search(before):
        return None
    said = _PLACED.split(_THE.sub("", words.strip()), maxsplit=1)[0].split()
    for size in (3, 2, 1):
        if size >= len(said):
            continue
        held = offices(said[-size:], kb)
        if held and kb.country_of_word(without_possessive(" ".join(said[:-size]))) == country:
            return held
    return None


def office_holder(
    text: str, hits: list[Hit], country: str, held: tuple[str, ...], kb: KnowledgeBase
) -> Hit | None:
    """The one person the article gives one of the offices ``held`` of ``country``: in a
    title or apposition that names the country ("Greek Prime Minister X", "X, France's
    foreign minister"), or a title alone for a known person of that country. None when no
    one, or several (which of two presidents a description means is not guessed)."""
    holders: dict[str, Hit] = {}
    for hit in hits:
        if hit.kind == "person" and _named(hit) and _holds(text, hit, country, held, kb):
            holders.setdefault(hit.actor, hit)
    return next(iter(holders.values())) if len(holders) == 1 else None


def _named(hit: Hit) -> bool:
    """Whether the person is someone named: in the knowledge base, or with a full name, not a
    title taken for a name ("Rwandan Ambassador Plenipotentiary" -> "Plenipotentiary")."""
    return hit.known or len(hit.name.split()) > 1


def _holds(text: str, hit: Hit, country: str, held: tuple[str, ...], kb: KnowledgeBase) -> bool:
    """Whether the person's title or apposition gives one of the offices ``held`` of ``country``."""
    said = [hit.text]
    apposed = _APPOSITION.match(text, hit.end)
    if apposed is not None:
        said.append(apposed.group(1))
    for words in said:
        lowered = words.lower()
        for office in held:
            for found in re.finditer(rf"\b{re.escape(office)}\b", lowered):
                if _NOT_HOLDER.search(lowered[: found.start()]):
                    continue
                if _names_country(words, country, kb) or (hit.known and hit.country == country):
                    return True
    return False


def _names_country(words: str, country: str, kb: KnowledgeBase) -> bool:
    """Whether the words name ``country`` ("Armenia's", "Greek", "South Korean")."""
    tokens = [without_possessive(t.strip(",.;:()")) for t in words.split()]
    for size in (1, 2, 3):
        for i in range(len(tokens) - size + 1):
            if kb.country_of_word(" ".join(tokens[i : i + size])) == country:
                return True
    return False


def name_office_holders(analysis: Analysis, hits: list[Hit], kb: KnowledgeBase) -> None:
    """Each event side resolved to a country whose words are that country's office, made
    the office's one holder in the article (module docstring)."""
    text = analysis.article.text
    story = [h for h in hits if h.kind == "person" and h.section is not Section.CAPTION]
    if not story:
        return
    found: dict[tuple[int, int], Hit | None] = {}  # a side's words, asked once per article
    for event in analysis.events:
        for side in ("source", "target"):
            mention: Mention | None = getattr(event, side)
            if mention is None or not (mention.actor or "").startswith("country:") or mention.country is None:
                continue
            key = (mention.start, mention.end)
            if key not in found:
                before = text[max(0, mention.start - _LOOK_BACK) : mention.start]
                held = described_office(mention.text, before, mention.country, kb)
                found[key] = office_holder(text, story, mention.country, held, kb) if held else None
            holder = found[key]
            if holder is not None:
                setattr(event, side, named_as(mention, holder))


class OfficeHolderStage:
    """Reads the scored ``events``; names the holder of an office a side describes."""

    name = "office_holders"

    def __init__(self, config: PipelineConfig) -> None:
        from eventwire.resolve.actors import resolver_for

        self.resolver = resolver_for(tuple(config.kb_files), config.model)

    def __call__(self, analysis: Analysis) -> Analysis:
        if analysis.events:
            name_office_holders(analysis, self.resolver.hits(analysis), self.resolver.kb)
        return analysis
