"""Words the train gold codes as event triggers that the trigger lexicon lacks: candidates
for rows of ``data/lexicons/event_triggers.csv``, each with the support a row needs.

    PYTHONPATH=. .venv/bin/python scripts/trigger_gaps.py [--min-articles 3] [--max-outside 0.25]
        [--articles N]

Reads the article **train** half only (never dev or test). Each gold event's evidence
strings are parsed by the pipeline (every sentence, no scorer); every verb, noun and
adjective in them that is not a named entity, a verb of saying or a light verb, and whose
lemma has no lexicon row of the event's type, counts once per article for (lemma, part of
speech, type). Listed: those seen in at least ``--min-articles`` train articles whose
lemma lies outside every gold evidence string in at most ``--max-outside`` of its
occurrences (a word that is rarely there without an event), with how many of those
articles hold such an event that no candidate of its type meets today. The list is for
review, not for loading: a word of the evidence is not always the word that names the
act ("the protesters", "a group"), so a person keeps the rows whose word names the act
itself, and notes the support in the row.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eventwire.config import PipelineConfig  # noqa: E402
from eventwire.evaluate.articles import analyse, load_gold, match_events  # noqa: E402
from eventwire.extract.event_lexicon import load_event_lexicon  # noqa: E402
from eventwire.extract.trigger_model import never_triggers  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402

_POS = frozenset({"VERB", "NOUN", "ADJ"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-articles", type=int, default=3)
    parser.add_argument("--max-outside", type=float, default=0.25)
    parser.add_argument("--articles", type=int, default=None, help="only the first N train articles")
    args = parser.parse_args()
    gold = load_gold(REPO / "eval" / "articles", "train")[: args.articles]
    config = PipelineConfig(model="md", selective_parse=False, score_events=False, min_confidence=0.0)
    analyses = analyse(gold, Pipeline(config))
    lexicon = load_event_lexicon(())
    never = never_triggers(lexicon)
    articles: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    missed: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    inside: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    for article, analysis in zip(gold, analyses, strict=True):
        found = {m.gold for m in match_events(article, analysis.events)}
        spans = [(s.start, s.end) for e in article.events for s in e.evidence]
        for sd in analysis.docs:
            for token in sd.doc:
                at = token.idx + sd.offset
                key = (token.lemma_.lower(), token.pos_)
                total[key] += 1
                inside[key] += any(s <= at < e for s, e in spans)
        for index, event in enumerate(article.events):
            for span in event.evidence:
                for sd in analysis.docs:
                    words = sd.doc.char_span(
                        span.start - sd.offset, span.end - sd.offset, alignment_mode="expand"
                    )
                    for token in words or ():
                        lemma = token.lemma_.lower()
                        if token.pos_ not in _POS or token.ent_type_ or not token.is_alpha or lemma in never:
                            continue
                        if any(row.type == event.type for row in lexicon.candidates(token)):
                            continue
                        articles[lemma, token.pos_, event.type].add(article.id)
                        if index not in found:
                            missed[lemma, token.pos_, event.type].add(article.id)
    rows = []
    for (lemma, pos, type_), seen in articles.items():
        outside = total[lemma, pos] - inside[lemma, pos]
        if len(seen) >= args.min_articles and outside <= args.max_outside * total[lemma, pos]:
            misses = len(missed[lemma, pos, type_])
            rows.append((len(seen), lemma, pos, type_, outside, total[lemma, pos], misses))
    print("articles  lemma  pos  type  outside/all  articles-missed-today")
    for count, lemma, pos, type_, outside, all_, miss in sorted(rows, reverse=True):
        print(f"{count:3}  {lemma:18} {pos:5} {type_:10} {outside:3}/{all_:<3}  {miss}")


if __name__ == "__main__":
    main()
