"""Induce event-trigger rows from the train gold, cross-validated by article: a measurement.

    PYTHONPATH=. .venv/bin/python scripts/induce_triggers.py --out rows.csv [--cache counts.pkl]
    PYTHONPATH=. .venv/bin/python scripts/induce_triggers.py --folds 5 --dump-folds DIR
        [--min-gold 3] [--min-articles 2] [--min-precision 0.5] [--new-words-only]

Reads the article **train** half only (never dev or test). Every article is parsed whole
(spaCy md, every sentence). For each gold event, each evidence string is found in the text
and its syntactic head (the root of the evidence span: "was arrested by police" -> arrest,
"the detention of an official" -> detention) is its trigger word. An evidence whose span
already holds a lexicon word of the event's type is reachable by the lexicon and is skipped;
so are heads that are verbs of saying, light verbs or quote cues (``never_triggers``), named
entities and heads that are not verbs, nouns or adjectives. What is left is counted per
(lemma, part of speech, type): once per evidence head token (``gold``), with the articles it
comes from; and every occurrence of that lemma and part of speech in the train text
(``seen``), and those inside any gold evidence string of an event of that type (``within``:
a word written again for an event the gold already lists elsewhere costs nothing, as the
article's mentions of one event are merged). A row is induced when

* ``gold >= min_gold`` (3) in ``>= min_articles`` (2) different articles,
* ``within / seen >= min_precision`` (0.5): the word stands in such an event's evidence at
  least half the times it is written, and
* the type is the one the lemma heads most often among these events
  (``--new-words-only``: and the lemma has no row of any type yet).

The row's CAMEO code is the gold code most often given to those events (one that maps to
the type); its weight is the precision, capped at 0.8; a plain ``event`` frame, no condition.

``--folds K`` cross-validates: articles ``i % K == k`` are held out, rows are induced from
the others and written to ``DIR/fold{k}.csv`` with the held articles in ``DIR/fold{k}.jsonl``
(and the rows from all of train to ``DIR/all.csv``). To score a fold, append its rows to
``eventwire/data/lexicons/event_triggers.csv`` in a copy of the package (the parse-candidate
finder reads that file's words too) and run ``eventwire evaluate articles --data
DIR/fold{k}.jsonl`` with ``PYTHONPATH`` at the copy; the folds' counts add up to train's.

Result (session 33, train 535 articles, 5 folds; baseline events tp 3097 fp 1289, F1 0.6361,
triples right 2026, F1 0.4161). The rows are NOT shipped: no threshold gave a clear gain.

* 3/2/0.5: 4-7 rows a fold (capture COERCE, jail ACCUSE, violate ACCUSE, search COERCE,
  execution ASSAULT, kidnapping ASSAULT, quit CONCEDE, fire NOUN ASSAULT): out of fold tp
  3102 fp 1295, F1 0.6364, triples right 2028, F1 0.4161.
* 2/2/0.4: 20-24 rows a fold: tp 3110 fp 1316, F1 0.6362, triples right 2026, F1 0.4144.
* 3/2/0.5, new words only: 1-4 rows a fold: tp 3098 fp 1290, F1 0.6362.

The 3/2/0.5 rows from all of train (the six above less quit and kidnapping), in sample: train
tp 3109 fp 1302, F1 0.6370, triples F1 0.4155 (down); dev events F1 0.6031 -> 0.6036 (tp
993 -> 995, fp 504 -> 506), triples right 604 -> 604, F1 0.3668 -> 0.3664.

Of the 1,133 evidence heads that no lexicon word of their type covers (840 distinct
lemma/part-of-speech/type triples), only some 60 triples recur 3 times or more, and most of
those are common words ("send", "leave", "stop", "keep", "move") that stand in an event's
evidence in under a tenth of their occurrences: the lexicon's gap is a long tail of rare
words, which counting train cannot fill.
"""

from __future__ import annotations

import argparse
import csv
import json
import pickle
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eventwire.extract.event_lexicon import american, load_event_lexicon  # noqa: E402
from eventwire.extract.trigger_model import never_triggers  # noqa: E402
from eventwire.nlp.model import load_model  # noqa: E402

TRAIN = REPO / "eval" / "articles" / "train.jsonl"


@dataclass(frozen=True)
class Thresholds:
    min_gold: int = 3
    min_articles: int = 2
    min_precision: float = 0.5
    new_words_only: bool = False


_POS = frozenset({"VERB", "NOUN", "ADJ"})
HEADER = ["lemma", "pos", "type", "cameo", "mode", "frame", "embed", "requires", "weight", "notes"]


def _key(token) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    lemma = token.lemma_.lower() or token.lower_
    pos = token.pos_ if token.pos_ in _POS else ("VERB" if token.tag_.startswith("VB") else "NOUN")
    return lemma, pos


def article_counts(articles: list[dict]) -> list[dict]:
    """Per article: (lemma, pos) occurrence counts and the evidence heads not in the lexicon."""
    lexicon = load_event_lexicon()
    never = never_triggers(lexicon)
    nlp = load_model("md")

    def types_of(lemma: str, pos: str) -> set[str]:
        rows = lexicon.triggers.get((lemma, pos)) or lexicon.triggers.get((american(lemma), pos)) or []
        return {r.type for r in rows}

    out = []
    for article in articles:
        text = article["text"]
        doc = nlp(text)
        seen = Counter(_key(t) for t in doc if t.pos_ in _POS or t.tag_.startswith("VB"))
        heads: dict[int, tuple[str, str, str, str]] = {}  # token index -> (lemma, pos, type, cameo)
        inside: set[tuple[int, str]] = set()  # (token index, type) of every evidence word
        for event in article.get("events", []):
            kind = event["type"]
            for evidence in event.get("evidence") or []:
                start = text.find(evidence)
                if start < 0:
                    continue
                span = doc.char_span(start, start + len(evidence), alignment_mode="expand")
                if span is None:
                    continue
                inside.update((t.i, kind) for t in span)
                if any(kind in types_of(*_key(t)) for t in span):
                    continue
                root = span.root
                lemma, pos = _key(root)
                if root.pos_ not in _POS or root.ent_type_ or lemma in never or not lemma.isalpha():
                    continue
                heads[root.i] = (lemma, pos, kind, event.get("cameo") or "")
        within = Counter((*_key(doc[i]), kind) for i, kind in inside)
        out.append({"id": article["id"], "seen": seen, "within": within, "heads": list(heads.values())})
    return out


def induce(counts: list[dict], limits: Thresholds = Thresholds()) -> list[dict[str, str]]:
    """The rows the thresholds admit, from the per-article counts."""
    lexicon = load_event_lexicon()
    seen: Counter[tuple[str, str]] = Counter()
    within: Counter[tuple[str, str, str]] = Counter()
    gold: Counter[tuple[str, str, str]] = Counter()
    articles: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    codes: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    for art in counts:
        seen.update(art["seen"])
        within.update(art["within"])
        for lemma, pos, kind, cameo in art["heads"]:
            key = (lemma, pos, kind)
            gold[key] += 1
            articles[key].add(art["id"])
            codes[key][cameo] += 1
    best_type: dict[tuple[str, str], tuple[int, str]] = {}
    for (lemma, pos, kind), n in gold.items():
        if n > best_type.get((lemma, pos), (0, ""))[0]:
            best_type[(lemma, pos)] = (n, kind)
    rows = []
    for (lemma, pos, kind), n in sorted(gold.items()):
        total = max(seen[(lemma, pos)], n)
        precision = max(within[(lemma, pos, kind)], n) / total
        if n < limits.min_gold or len(articles[(lemma, pos, kind)]) < limits.min_articles:
            continue
        if precision < limits.min_precision or best_type[(lemma, pos)][1] != kind:
            continue
        if limits.new_words_only and (lemma, pos) in lexicon.triggers:
            continue
        fitting = [c for c, _ in codes[(lemma, pos, kind)].most_common() if c in lexicon.cameo]
        code = next((c for c in fitting if lexicon.cameo[c].plover == kind), "")
        if not code:
            continue
        rows.append({
            "lemma": lemma, "pos": pos, "type": kind, "cameo": code, "mode": "", "frame": "event",
            "embed": "", "requires": "", "weight": f"{min(0.8, precision):.2f}",
            "notes": f"induced: head of {n} train gold events in {len(articles[(lemma, pos, kind)])} "
            f"articles; {precision:.2f} of its {total} occurrences in such evidence",
        })  # fmt: skip
    return rows


def write_rows(rows: list[dict[str, str]], path: Path, limits: Thresholds) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("# GENERATED by scripts/induce_triggers.py from the train gold; do not edit by hand.\n")
        f.write("# Heads of train gold evidence that no lexicon word of the type covers, at least\n")
        support = f"{limits.min_gold} events in {limits.min_articles} articles"
        f.write(f"# {support}, precision {limits.min_precision}.\n")
        writer = csv.DictWriter(f, fieldnames=HEADER, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=None, help="write the rows from all of train here")
    parser.add_argument("--folds", type=int, default=0, help="cross-validate over this many folds")
    parser.add_argument("--dump-folds", type=Path, default=None)
    parser.add_argument("--min-gold", type=int, default=Thresholds.min_gold)
    parser.add_argument("--min-articles", type=int, default=Thresholds.min_articles)
    parser.add_argument("--min-precision", type=float, default=Thresholds.min_precision)
    parser.add_argument("--new-words-only", action="store_true", help="only lemmas with no row of any type")
    parser.add_argument("--cache", type=Path, default=None, help="keep the parsed counts in this file")
    args = parser.parse_args()
    limits = Thresholds(args.min_gold, args.min_articles, args.min_precision, args.new_words_only)
    articles = [json.loads(line) for line in TRAIN.open(encoding="utf-8") if line.strip()]
    if args.cache is not None and args.cache.is_file():
        counts = pickle.loads(args.cache.read_bytes())
    else:
        counts = article_counts(articles)
        if args.cache is not None:
            args.cache.write_bytes(pickle.dumps(counts))
    if args.out is not None:
        rows = induce(counts, limits)
        write_rows(rows, args.out, limits)
        print(f"{len(rows)} rows -> {args.out}")
    if not args.folds:
        return
    assert args.dump_folds is not None, "--folds needs --dump-folds"
    args.dump_folds.mkdir(parents=True, exist_ok=True)
    write_rows(induce(counts, limits), args.dump_folds / "all.csv", limits)
    for k in range(args.folds):
        held = [i for i in range(len(articles)) if i % args.folds == k]
        rows = induce([c for i, c in enumerate(counts) if i % args.folds != k], limits)
        write_rows(rows, args.dump_folds / f"fold{k}.csv", limits)
        with (args.dump_folds / f"fold{k}.jsonl").open("w", encoding="utf-8") as f:
            for i in held:
                f.write(json.dumps(articles[i], ensure_ascii=False) + "\n")
        words = ", ".join(f"{r['lemma']}/{r['type']}" for r in rows)
        print(f"fold {k}: {len(held)} held articles, {len(rows)} rows: {words}")


if __name__ == "__main__":
    main()
