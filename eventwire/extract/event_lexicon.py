"""The event-trigger lexicon, its cue words and the CAMEO-to-PLOVER ontology, as data.

Files (formats in ``data/lexicons/README.md`` and ``data/ontology/README.md``):

* ``lexicons/event_triggers.csv``: trigger words and phrases with their PLOVER type,
  CAMEO code, mode, frame, the modality they give to their complement, and a weight;
* ``lexicons/event_cues.csv``: hedges, negations, modals, speech and light verbs;
* ``ontology/cameo_plover.csv``: CAMEO code -> PLOVER type, mode, context;
* ``ontology/intent_codes.csv``: the CAMEO code of an expressed intention by what is intended.

Everything is read once per process into dictionaries keyed by lemma, so matching a
token costs one dictionary lookup. Extra trigger files (same columns) are read after the
shipped one; a row with the same lemma, part of speech and type replaces the shipped row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.config import DATA_DIR
from eventwire.datafiles import read_csv_table
from eventwire.errors import ConfigError
from eventwire.models import Modality
from eventwire.nlp.columns import columns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
# Verbal and material cooperation vs conflict: decides whether an intention is AGREE or THREATEN.
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
# Verbs whose object can only be a person or people (selectional restriction): whatever
# noun they take ("a trader was killed", "20 traders were shot", "arrested 15") names
# victims, who are actors (coding rule 3) even when no role or name says so. Not "shoot"
# (rockets), "execute" (a plan) or "hang" (a flag): they take things too.
ANIMATE_PATIENT = frozenset({
    "kill", "kidnap", "abduct", "arrest", "detain", "wound", "injure", "torture", "behead",
    "assassinate", "murder", "massacre", "beat", "rape", "jail", "imprison", "deport", "lynch",
    "stab", "maim", "slaughter",
})  # fmt: skip
HOSTILE = frozenset({"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
# Acts done by saying: a promise, a threat, a demand, a refusal, an accusation.
SPEECH_ACTS = frozenset({"AGREE", "THREATEN", "REQUEST", "REJECT", "ACCUSE"})
MEDIATION = "045"  # CAMEO, CONSULT: mediating between parties, a third side to their act
FRAMES = frozenset({"event", "intent", "deny", "fail", "modal_demand"})
POS_TAGS = frozenset({"VERB", "NOUN", "ADJ", "AUX"})
CUE_KINDS = frozenset(
    {
        "hedge",
        "negation",
        "conditional",
        "inversion",
        "hypothetical",
        "future",
        "ability",
        "habitual",
        "speech",
        "light",
        "no_comment",
        "anonymity",
        "container",
        "share",
        "disapproval",
        "blame",
        "wrongdoing",
        "ending",
        "goods",
        "arms",
        "measure",
        "captive",
        "protester",
        "unrepeated",
    }
)
_VERB_SLOTS = frozenset({"ROOT", "advcl", "ccomp", "xcomp", "conj", "relcl"})
# Where a participle is an adjective of feeling whatever spaCy tags it: the complement of
# "be", "remain", "feel" ("was deeply [concerned] by the arrests", tagged VBN), so an ADJ row
# ("concerned", "shocked", "alarmed") is found under its own form, not the verb's lemma.
_PREDICATE_SLOTS = frozenset({"acomp"})

# The ``requires`` condition of a transfer verb's row, a condition on its object like
# ``patient:`` rows ("shipped wheat to", :mod:`eventwire.extract.transfers`).
TRANSFER = "object:goods"
_MAX_MEMO = 200_000  # words kept by EventLexicon.candidates (~40 MB at most)
TRIGGERS_FILE = DATA_DIR / "lexicons" / "event_triggers.csv"
CUES_FILE = DATA_DIR / "lexicons" / "event_cues.csv"
CAMEO_FILE = DATA_DIR / "ontology" / "cameo_plover.csv"
INTENT_FILE = DATA_DIR / "ontology" / "intent_codes.csv"
_EMBED = {
    "": None,
    "threatened": Modality.THREATENED,
    "intended": Modality.THREATENED,
    "hypothetical": Modality.HYPOTHETICAL,
    "negated": Modality.NEGATED,
    "alleged": Modality.ALLEGED,
}


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon row."""

    phrase: str
    head: str  # the word the parse anchors on: first word of a verb phrase, last of a noun phrase
    others: tuple[str, ...]  # the phrase's other words, found among the head's dependents or neighbours
    pos: str
    type: str
    cameo: str | None
    mode: str | None
    frame: str
    embed: Modality | None
    requires: str | None
    forbids: str | None
    weight: float
    origin: str  # file:line


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    plover: str
    mode: str | None
    context: tuple[str, ...]


@dataclass(slots=True)
class EventLexicon:
    triggers: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    cameo: dict[str, CameoCode] = field(default_factory=dict)
    intent: dict[str, tuple[str | None, str | None, str | None]] = field(default_factory=dict)
    # candidates' answer by the token's string ids (lemma, form, part of speech, tag, label),
    # all it reads: most words of every sentence are looked up, and few distinct ones recur
    _memo: dict[tuple[int, int, int, int, int], list[Trigger] | None] = field(
        default_factory=dict, repr=False, compare=False
    )

    def cue(self, kind: str) -> frozenset[str]:
        return self.cues.get(kind, frozenset())

    def candidates(self, token: Token) -> list[Trigger]:
        """Rows whose head is this token's lemma, for its part of speech (longest phrases first).
        Answered once per distinct word (see ``_memo``; the rows are complete once loaded)."""
        key = (token.lemma, token.lower, token.pos, token.tag, token.dep)
        return self.candidates_at(key, token.doc, token.i)

    def candidates_at(self, key: tuple[int, int, int, int, int], doc: Doc, i: int) -> list[Trigger]:
        """:meth:`candidates` of ``doc[i]``, whose lemma, lower-case form, part of speech, tag
        and label ids are ``key`` (read from the Doc's columns): a Token only for a new word."""
        memo = self._memo
        if key in memo:
            found = memo[key]
        else:
            if len(memo) >= _MAX_MEMO:
                memo.clear()  # a long-running process meets ever more words: start over
            found = memo[key] = self._candidates(doc[i])
        return found or []

    def _candidates(self, token: Token) -> list[Trigger] | None:
        lemma = token.lemma_.lower() or token.lower_
        pos = token.pos_ if token.pos_ in POS_TAGS else ("VERB" if token.tag_.startswith("VB") else "NOUN")
        rows = self.triggers.get((lemma, pos)) or self.triggers.get((american(lemma), pos))
        if rows is None and pos == "VERB":
            rows = self.repeated_rows(lemma, token.lower_)  # "recaptured", "reimposed", "rearrested"
        if rows is None and pos == "ADJ" and token.tag_ == "VBN":
            rows = self.triggers.get((lemma, "VERB"))
        if rows is None and pos == "VERB" and token.tag_ == "VBN" and token.dep_ in _PREDICATE_SLOTS:
            rows = self.triggers.get((token.lower_, "ADJ"))  # "was [concerned] by", tagged a verb
        if rows is None and pos == "NOUN" and token.dep_ in _VERB_SLOTS:
            rows = self.triggers.get((lemma, "VERB"))  # a verb tagged as a noun: "supporters disapprove"
        return rows or None

    def repeated(self, lemma: str, form: str = "") -> str | None:
        """The verb whose act a "re-" verb repeats, when the lexicon knows it as a trigger:
        "recapture" repeats "capture", "reimpose" "impose", "re-arrest" and "rearrested" (which
        spaCy lemmatizes "rearreste") "arrest". The prefix repeats an act only where the rest
        is itself a verb the lexicon lists and the word is not one whose "re" belongs to the
        word ("recommend", "remove": the ``unrepeated`` cues); a word with rows of its own
        ("resign", "release", "reopen") keeps them, the caller's lookup coming first."""
        if not lemma.startswith("re") or lemma in self.cue("unrepeated") or (lemma, "VERB") in self.triggers:
            return None
        for word in (lemma, form):
            rest = word[2:].removeprefix("-")
            for base in (rest, *_verb_bases(rest)):
                if len(base) >= 3 and (base, "VERB") in self.triggers:
                    return base
        return None

    def repeated_rows(self, lemma: str, form: str = "") -> list[Trigger] | None:
        """The rows of the act a "re-" verb repeats (:meth:`repeated`), else None."""
        base = self.repeated(lemma, form)
        return self.triggers[(base, "VERB")] if base is not None else None

    def sense_by_doer(self, token: Token, trigger: Trigger, sectors: frozenset[str]) -> Trigger:
        """The row for this doer: a trigger found without an ``agent:`` condition (the parse
        named no doer of a kind its rows know, "they raided", "officers said ... the raid")
        takes the sense an ``agent:`` row gives the doer the article resolved, "the police"
        raiding being law enforcement (COERCE) where troops raiding attack (ASSAULT)."""
        if not sectors or argument_condition(trigger) is not None or trigger.requires == TRANSFER:
            return trigger
        for row in self.candidates(token):
            condition = argument_condition(row)
            if condition is None or condition[0] != "agent" or not condition[1] & sectors:
                continue
            if row.others == trigger.others and row.frame == trigger.frame:
                return row
        return trigger

    def senses_by_doer(self, token: Token, trigger: Trigger) -> list[Trigger]:
        """The other senses the lexicon lists for this trigger that its doer's kind decides
        (``agent:`` rows of another type, same phrase and frame): "stormed" by the police
        (COERCE) besides the attack it is by anyone else."""
        if argument_condition(trigger) is not None:
            return []
        return [
            row for row in self.candidates(token)
            if row.type != trigger.type and row.others == trigger.others and row.frame == trigger.frame
            and (argument_condition(row) or ("",))[0] == "agent"
        ]  # fmt: skip

    def intent_code(self, complement: str, stance: str) -> str | None:
        """CAMEO code for intending an event of type ``complement``: stance agree/threaten/reject."""
        codes = self.intent.get(complement)
        stances = ("agree", "threaten", "reject")
        if codes is None or stance not in stances:
            return None
        return codes[stances.index(stance)]

    def mode_of(self, cameo: str | None) -> str | None:
        info = self.cameo.get(cameo or "")
        return info.mode if info else None


class SentenceWords:
    """A parsed sentence's tokens, each built once when first asked for, and each word's
    lexicon rows, looked up once: the trigger model, the trigger finder and the outlet search
    all read them, and spaCy builds a new Token object at every ``doc[i]`` or iteration of a
    span. The trigger finder tests most words on the Doc's columns and builds few Tokens."""

    __slots__ = ("sent", "_lexicon", "_rows", "_built", "_tokens")

    def __init__(self, sent: Span, lexicon: EventLexicon) -> None:
        self.sent = sent
        self._lexicon = lexicon
        self._rows: dict[int, list[Trigger]] = {}
        self._built: dict[int, Token] = {}  # Doc index -> the one Token built for it
        self._tokens: list[Token] | None = None

    @property
    def tokens(self) -> list[Token]:
        """The sentence's tokens in order (the ones built already among them, the same objects)."""
        if self._tokens is None:
            doc, built = self.sent.doc, self._built
            self._tokens = [built[i] if i in built else doc[i] for i in range(self.sent.start, self.sent.end)]
        return self._tokens

    def token(self, i: int) -> Token:
        """The Token of Doc index ``i`` (a word of the sentence), built once."""
        if self._tokens is not None:
            return self._tokens[i - self.sent.start]
        found = self._built.get(i)
        if found is None:
            found = self._built[i] = self.sent.doc[i]
        return found

    def rows(self, token: Token) -> list[Trigger]:
        """``EventLexicon.candidates`` of a token of the sentence, computed once."""
        return self.rows_at(token.i)

    def rows_at(self, i: int) -> list[Trigger]:
        """:meth:`rows` of the sentence's word at Doc index ``i``, read from the Doc's columns."""
        found = self._rows.get(i)
        if found is None:
            doc = self.sent.doc
            c = columns(doc)
            key = (c.lemma[i], c.lower[i], c.pos[i], c.tag[i], c.dep[i])
            found = self._rows[i] = self._lexicon.candidates_at(key, doc, i)
        return found


def _verb_bases(form: str) -> tuple[str, ...]:
    """The lemmas an inflected verb form may have ("arrested" -> "arrest", "arreste"; "imposing"
    -> "impos", "impose"; "stopped" -> "stop"), the regular suffixes undone: for a prefixed
    form whose lemma the lemmatizer guessed wrong."""
    out: list[str] = []
    for suffix in ("ing", "ed", "es", "s", "d"):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)]
            out += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "stopped"
            if stem.endswith("i"):
                out.append(stem[:-1] + "y")  # "supplied"
    return tuple(out)


_BRITISH = (("isation", "ization"), ("ise", "ize"), ("yse", "yze"), ("ence", "ense"), ("our", "or"))


@lru_cache(maxsize=1 << 16)  # asked for most words of every sentence; few distinct lemmas
def american(lemma: str) -> str:
    """The American spelling of a British one, which the lexicon lists: "mobilisation",
    "criticise", "paralyse", "defence", "honour" (the row for either spelling serves both)."""
    for british, us in _BRITISH:
        if lemma.endswith(british) and len(lemma) > len(british) + 2:
            return lemma[: -len(british)] + us
    return lemma


@cache
def load_event_lexicon(extra: tuple[Path, ...] = ()) -> EventLexicon:
    """The lexicon, cues and ontology, read once per process (per set of extra files)."""
    lexicon = EventLexicon()
    lexicon.cameo = _read_cameo(CAMEO_FILE)
    lexicon.intent = _read_intent(INTENT_FILE)
    lexicon.cues = _read_cues(CUES_FILE)
    for path in (TRIGGERS_FILE, *extra):
        for trigger in _read_triggers(Path(path), lexicon.cameo):
            key = (trigger.head, trigger.pos)
            rows = [r for r in lexicon.triggers.get(key, []) if not _same_row(r, trigger)]
            rows.append(trigger)
            rows.sort(
                key=lambda r: (
                    -len(r.others),
                    -bool(argument_condition(r) or r.requires == TRANSFER),
                    -bool(r.requires or r.forbids),
                    -r.weight,
                )
            )
            lexicon.triggers[key] = rows
    return lexicon


ARGUMENT_ROLES = ("agent", "patient")


def argument_condition(trigger: Trigger) -> tuple[str, frozenset[str]] | None:
    """(role, sectors) for a row that depends on the kind of its subject or object.

    ``agent:CVL|BUS`` in ``requires``: the row holds when the trigger's agent names one of
    these sectors ("dock workers began a strike" is a labour strike, PROTEST); ``patient:``
    the same for its object. A word sense that its arguments decide is more specific than
    one that a dependent word decides, so such rows are tried first.
    """
    role, _, sectors = (trigger.requires or "").partition(":")
    if role not in ARGUMENT_ROLES or not sectors:
        return None
    return role, frozenset(s.strip().upper() for s in sectors.split("|") if s.strip())


def _same_row(a: Trigger, b: Trigger) -> bool:
    def key(t: Trigger) -> tuple:
        return t.phrase, t.pos, t.type, t.requires, t.forbids

    return key(a) == key(b)


def read_csv_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row of an event lexicon file."""
    return read_csv_table(path, "event lexicon").rows


def _read_triggers(path: Path, cameo: dict[str, CameoCode]) -> list[Trigger]:
    out = []
    for line_no, row in read_csv_rows(path):
        origin = f"{path}:{line_no}"
        try:
            out.append(_trigger(row, origin, cameo))
        except (KeyError, ValueError) as exc:
            raise ConfigError(f"{origin}: bad trigger row ({exc})") from exc
    return out


def _trigger(row: dict[str, str], origin: str, cameo: dict[str, CameoCode]) -> Trigger:
    words = row["lemma"].lower().split()
    pos, type_, frame = row["pos"].upper(), row["type"].upper(), row.get("frame") or "event"
    if not words:
        raise ValueError("empty lemma")
    if pos not in POS_TAGS or type_ not in PLOVER_TYPES or frame not in FRAMES:
        raise ValueError(f"pos {pos!r}, type {type_!r} or frame {frame!r} unknown")
    code = row.get("cameo") or None
    if code and code in cameo and cameo[code].plover != type_:
        raise ValueError(f"CAMEO {code} is {cameo[code].plover} in cameo_plover.csv, not {type_}")
    embed = row.get("embed", "").lower()
    if embed not in _EMBED:
        raise ValueError(f"embed {embed!r} unknown")
    requires = row.get("requires") or None
    head_first = pos != "NOUN"
    head = words[0] if head_first else words[-1]
    others = tuple(words[1:] if head_first else words[:-1])
    mode = row.get("mode") or (cameo[code].mode if code in cameo else None)
    return Trigger(
        phrase=" ".join(words), head=head, others=others, pos=pos, type=type_, cameo=code,
        mode=mode or None, frame=frame, embed=_EMBED[embed],
        requires=requires if requires and not requires.startswith("!") else None,
        forbids=requires[1:] if requires and requires.startswith("!") else None,
        weight=float(row.get("weight") or 0.7), origin=origin,
    )  # fmt: skip


def _read_cues(path: Path) -> dict[str, frozenset[str]]:
    cues: dict[str, set[str]] = {}
    for line_no, row in read_csv_rows(path):
        kind = row.get("kind", "")
        if kind not in CUE_KINDS:
            raise ConfigError(f"{path}:{line_no}: cue kind {kind!r} unknown ({', '.join(sorted(CUE_KINDS))})")
        cues.setdefault(kind, set()).add(row["cue"].lower())
    return {kind: frozenset(words) for kind, words in cues.items()}


def _read_cameo(path: Path) -> dict[str, CameoCode]:
    out = {}
    for _, row in read_csv_rows(path):
        context = tuple(c for c in row.get("context", "").split("|") if c)
        out[row["cameo"]] = CameoCode(row["cameo"], row["plover"], row.get("mode") or None, context)
    return out


def _read_intent(path: Path) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {
        row["complement"]: (row.get("agree") or None, row.get("threaten") or None, row.get("reject") or None)
        for _, row in read_csv_rows(path)
    }
