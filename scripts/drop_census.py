"""Which rule drops each trigger the lexicon finds, and whether the drop was right.

    PYTHONPATH=. .venv/bin/python scripts/drop_census.py [--articles N] [--json out.json]

Reads the article **train** half only (never dev or test). Runs the shipped pipeline once
and records every candidate a rule drops before the scorer, with the rule:

* the trigger finder's filters (a word with a lexicon row that is no trigger: a noun's
  modifier, a compound, a date, a name, a verb row on a predicative adjective, a row whose
  agent or patient kind does not hold, a giving verb that gives no aid);
* a headline's kicker; the event stage's refusals of a candidate (``_candidate``), its
  suppressions and carried acts (each by the line that sets the flag), ``_worth_emitting``'s
  rules one by one, ``_emit``'s "no actor on either side";
* events the later stages remove (by stage), the scorer's threshold among them.

Each drop is then scored against the gold: ``gain`` when a gold event of its type overlaps
the candidate's words and nothing the pipeline emits matches that gold event (letting it
through could win the event), ``covered`` when every such gold event is matched already,
``false`` when no gold event of its type overlaps. A rule whose drops are ``gain`` about as
often as ``false`` is a candidate to relax.
"""

from __future__ import annotations

import argparse
import inspect
import json
import linecache
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eventwire.config import PipelineConfig  # noqa: E402
from eventwire.evaluate import articles as scoring  # noqa: E402
from eventwire.extract import candidates as cand_mod  # noqa: E402
from eventwire.extract import event_patterns as pat  # noqa: E402
from eventwire.extract import events as ev  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402

# (id of the doc, start char in doc, end char in doc, type, rule)
Drop = tuple[int, int, int, str, str]


def _token_span(found: Any) -> tuple[int, int]:
    tokens = found.tokens
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


def _prefilter_reason(token: Any, rows: list[Any], lexicon: Any) -> str | None:
    """The trigger finder's filter that keeps a word with a lexicon row from being a trigger."""
    if token.ent_type_ in pat._SKIP_ENT_TYPES:
        return "finder: inside a name"
    if token.ent_type_ in ("DATE", "TIME") and token.is_title:
        return "finder: a date word"
    if token.dep_ in ("amod", "nmod") and token.tag_ not in ("VBD", "VBZ", "VBP"):
        return "finder: a noun's modifier (amod/nmod)"
    if token.dep_ == "compound" and token.head.lemma_.lower() not in lexicon.cue("container"):
        return "finder: a compound modifier"
    if token.dep_ == "acomp" and all(r.pos == "VERB" for r in rows):
        return "finder: verb row on acomp"
    if all(r.requires == pat.TRANSFER for r in rows):
        return "finder: transfer gives no aid"
    if all(r.others for r in rows):
        return None  # a phrase's head whose phrase is not there: no trigger word at all
    return "finder: agent/patient kind unmet"


def _candidate_reason(stage: Any, found: Any) -> str:
    token, trigger = found.token, found.trigger
    if ev._no_comment(token, trigger.embed is ev.Modality.NEGATED, stage.no_comment, stage.anonymity):
        return "candidate: no comment"
    if trigger.type == "PROTEST" and token.pos_ == "NOUN" and token.head.lower_ == "in":
        return "candidate: in protest (purpose)"
    if trigger.type == "ASSAULT" and trigger.pos == "VERB" and stage._takes_an_accord(token):
        return "candidate: struck a deal"
    if trigger.type == "CONSULT" and trigger.pos == "VERB" and stage._meets_a_thing(token):
        return "candidate: met a thing"
    return "candidate: ?"


def _worth_reason(stage: Any, candidate: Any, title: bool) -> str:
    """The first of EventStage._worth_emitting's refusals that holds, in its order."""
    reading = candidate.reading
    if reading.unrealised:
        return "worth: unrealised"
    if reading.habitual and candidate.type not in ev.SPEECH_ACTS:
        return "worth: habitual"
    if not candidate.issued and ev.describes_actor(candidate.token, candidate.type):
        return "worth: describes an actor"
    if any(t.lemma_.lower() in ev._NO_AGENT for t in candidate.sources):
        return "worth: no agent (nature)"
    if candidate.trigger.frame == "fail" and ev.failed_other_act(candidate):
        return "worth: failed other act"
    if candidate.type == "REQUEST" and candidate.trigger.pos == "VERB" and ev._told_as_fact(candidate.token):
        return "worth: request told as fact"
    if candidate.trigger.mode == "release" and ev._published(candidate.token):
        return "worth: released = published"
    return "worth: event noun without sides"


def _flag_rule(frame: Any, flag: str) -> str:
    """'suppressed/carried: file:line  # its comment' for the line that set the flag."""
    path, line = frame.f_code.co_filename, frame.f_lineno
    text = linecache.getline(path, line).strip()
    comment = text.split("#", 1)[1].strip()[:50] if "#" in text else text[:50]
    return f"{flag} {Path(path).name}:{line} {comment}"


@contextmanager
def traced() -> Iterator[tuple[list[Drop], dict[int, list[Drop]], dict[tuple[int, int], str]]]:
    drops: list[Drop] = []
    later: dict[int, list[Drop]] = defaultdict(list)  # id(analysis) -> drops by later stages
    sides: dict[tuple[int, int], str] = {}  # the parse's side words of a candidate no actor took
    stage_cls = ev.EventStage
    saved_find, saved_cand, saved_worth, saved_emit = (
        pat.find_triggers,
        stage_cls._candidate,
        stage_cls._worth_emitting,
        stage_cls._emit,
    )
    saved_kicker, saved_setattr = ev._in_kicker, cand_mod.Candidate.__setattr__
    current: dict[str, Any] = {}

    def find_triggers(sent: Any, lexicon: Any, *args: Any) -> Any:
        out = saved_find(sent, lexicon, *args)
        current["found"] = {f.token.i: f for f in out}
        kept = {t.i for f in out for t in f.tokens}
        words = args[2] if len(args) > 2 and args[2] is not None else pat.SentenceWords(sent, lexicon)
        for token in sent:
            if token.i in kept or not token.is_alpha:
                continue
            rows = words.rows_at(token.i)
            if not rows:
                continue
            why = _prefilter_reason(token, rows, lexicon)
            if why is not None:
                first = next((r for r in rows if not r.others), rows[0])
                drops.append((id(sent.doc), token.idx, token.idx + len(token), first.type, why))
        return out

    def in_kicker(token: Any) -> bool:
        out = saved_kicker(token)
        found = current.get("found", {}).get(token.i)
        if out and found is not None:
            start, end = _token_span(found)
            drops.append((id(token.doc), start, end, found.trigger.type, "title: kicker before a colon"))
        return out

    def candidate(self: Any, found: Any) -> Any:
        made = saved_cand(self, found)
        start, end = _token_span(found)
        if made is None:
            why = _candidate_reason(self, found)
            drops.append((id(found.token.doc), start, end, found.trigger.type, why))
        return made

    def setattr_(self: Any, name: str, value: Any) -> None:
        if name in ("suppressed", "carried") and value is True and not getattr(self, name, False):
            try:
                self_found = object.__getattribute__(self, "found")
            except AttributeError:
                self_found = None
            if self_found is not None:
                rule = _flag_rule(inspect.currentframe().f_back, name)  # type: ignore[union-attr]
                current.setdefault("flags", {})[id(self)] = rule
        saved_setattr(self, name, value)

    def worth(self: Any, made: Any, title: bool = False) -> bool:
        ok = saved_worth(self, made, title)
        if not ok:
            start, end = _token_span(made.found)
            drops.append((id(made.token.doc), start, end, made.type, _worth_reason(self, made, title)))
        return ok

    def emit(self: Any, analysis: Any, section_doc: Any, made: Any, *args: Any) -> Any:
        out = saved_emit(self, analysis, section_doc, made, *args)
        if not out:
            start, end = _token_span(made.found)
            why = "emit: quote speaker unknown" if made.by_speaker else "emit: no actor on either side"
            if not made.by_speaker:
                why += " (parse named a side)" if made.sources or made.targets else " (parse named none)"
                named = [t.text for t in [*made.sources, *made.targets]]
                sides[(id(made.token.doc), start)] = " / ".join(named)
            drops.append((id(made.token.doc), start, end, made.type, why))
        return out

    def sentence(self: Any, analysis: Any, section_doc: Any, words: Any, found: Any, quotes: Any) -> Any:
        current["flags"] = {}
        made: dict[int, Any] = {}
        real_cand = stage_cls._candidate

        def remember(self_: Any, f: Any) -> Any:
            c = real_cand(self_, f)
            if c is not None:
                made[id(c)] = c
            return c

        stage_cls._candidate = remember  # type: ignore[method-assign]
        try:
            out = saved_sentence(self, analysis, section_doc, words, found, quotes)
        finally:
            stage_cls._candidate = real_cand  # type: ignore[method-assign]
        for key, rule in current["flags"].items():
            c = made.get(key)
            if c is not None and (c.suppressed or c.carried):
                start, end = _token_span(c.found)
                drops.append((id(c.token.doc), start, end, c.type, rule))
        return out

    saved_sentence = stage_cls._sentence

    pat.find_triggers = find_triggers  # type: ignore[assignment]
    ev._in_kicker = in_kicker  # type: ignore[assignment]
    cand_mod.Candidate.__setattr__ = setattr_  # type: ignore[method-assign,assignment]
    stage_cls._candidate = candidate  # type: ignore[method-assign]
    stage_cls._worth_emitting = worth  # type: ignore[method-assign]
    stage_cls._emit = emit  # type: ignore[method-assign]
    stage_cls._sentence = sentence  # type: ignore[method-assign]
    try:
        yield drops, later, sides
    finally:
        pat.find_triggers = saved_find
        ev._in_kicker = saved_kicker
        cand_mod.Candidate.__setattr__ = saved_setattr  # type: ignore[method-assign]
        stage_cls._candidate = saved_cand  # type: ignore[method-assign]
        stage_cls._worth_emitting = saved_worth  # type: ignore[method-assign]
        stage_cls._emit = saved_emit  # type: ignore[method-assign]
        stage_cls._sentence = saved_sentence  # type: ignore[method-assign]


def _wrap_later_stages(pipeline: Pipeline, later: dict[int, list[Drop]]) -> None:
    """Each stage after the event stage records the event triggers it removes."""
    after = False
    for i, stage in enumerate(pipeline.stages):
        if isinstance(stage, ev.EventStage):
            after = True
            continue
        if not after:
            continue

        def wrapped(analysis: Any, _stage: Any = stage) -> Any:
            def keys(events: list[Any]) -> dict[tuple[str, int], Any]:
                out = {}
                for e in events:
                    out[(e.type, e.evidence.start)] = e
                    for m in getattr(e, "mentions", []) or []:
                        out.setdefault((e.type, m.start), e)
                return out

            before = keys(analysis.events)
            out = _stage(analysis)
            now = keys(out.events)
            for (type_, start), e in before.items():
                if (type_, start) not in now and start == e.evidence.start:
                    span = (e.evidence.start, e.evidence.end)
                    why = f"stage: {_stage.name} (removed or retyped)"
                    later[id(analysis)].append((-1, *span, type_, why))
            return out

        pipeline.stages[i] = wrapped  # type: ignore[assignment]
        wrapped.name = stage.name  # type: ignore[attr-defined]


def census(limit: int | None) -> list[dict[str, Any]]:
    gold = scoring.load_gold(REPO / "eval" / "articles", "train")[:limit]
    pipeline = Pipeline(PipelineConfig())
    rows = []
    saved_find = pat.find_triggers
    with traced() as (drops, later, sides):
        _wrap_later_stages(pipeline, later)
        analyses = scoring.analyse(gold, pipeline)
        offsets = {id(sd.doc): (id(a), sd.offset) for a in analyses for sd in a.docs}
        stage = next(s for s in pipeline.stages if isinstance(s, ev.EventStage))
        for a in analyses:  # furniture lines the event stage skips: their triggers, dropped
            for sd in a.docs:
                for sent in sd.doc.sents:
                    if sent.root.dep_ == "ROOT" and a.article.in_boilerplate(sent.start_char + sd.offset):
                        for f in saved_find(sent, stage.lexicon, stage._sectors, None, None, stage._gives):
                            drops.append((id(sd.doc), *_token_span(f), f.trigger.type, "boilerplate line"))
        by_analysis: dict[int, list[tuple[int, int, str, str, str]]] = defaultdict(list)
        for doc_id, start, end, type_, rule in drops:
            if doc_id in offsets:
                aid, off = offsets[doc_id]
                named = sides.get((doc_id, start), "")
                by_analysis[aid].append((start + off, end + off, type_, rule, named))
        for aid, items in later.items():
            by_analysis[aid].extend((s, e, t, r, "") for _, s, e, t, r in items)
        for article, analysis in zip(gold, analyses, strict=True):
            matched = {
                m.gold for m in scoring.match_events(article, analysis.events, scoring.actor_names(analysis))
            }
            for start, end, type_, rule, named in by_analysis.get(id(analysis), []):
                same = [
                    gi for gi, g in enumerate(article.events)
                    if g.type == type_ and any(s.start < end and s.end > start for s in g.evidence)
                ]  # fmt: skip
                free = [gi for gi in same if gi not in matched]
                verdict = "gain" if free else ("covered" if same else "false")
                rows.append({
                    "article": article.id, "rule": rule, "type": type_, "verdict": verdict,
                    "gold": [f"{article.id}#{gi}" for gi in free],
                    "text": article.text[max(0, start - 60): end + 60].replace("\n", " "),
                    "word": article.text[start:end], "sides": named,
                })  # fmt: skip
    return rows


def report(rows: list[dict[str, Any]]) -> str:
    table: dict[str, Counter[str]] = defaultdict(Counter)
    golds: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        table[r["rule"]][r["verdict"]] += 1
        golds[r["rule"]].update(r["gold"])
    head = ("drops", "gain", "golds", "cover", "false", "gain%")
    lines = [f"{'rule':70s} " + " ".join(f"{h:>5s}" for h in head)]
    for rule, c in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
        n = sum(c.values())
        share = c["gain"] / max(1, c["gain"] + c["false"])
        counts = (n, c["gain"], len(golds[rule]), c["covered"], c["false"])
        lines.append(f"{rule[:70]:70s} " + " ".join(f"{k:5d}" for k in counts) + f" {share:5.2f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=None, help="only the first N train articles")
    parser.add_argument("--json", type=Path, default=None, help="write every drop here")
    args = parser.parse_args()
    rows = census(args.articles)
    print(report(rows))
    if args.json is not None:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
