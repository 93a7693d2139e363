"""How far two coders agree on the same articles: the ceiling for eventwire's figures.

``python -m eventwire.evaluate.agreement FIRST.jsonl SECOND.jsonl`` scores the second coding
of each article against the first with exactly the rules ``eventwire evaluate articles``
uses for eventwire's output (same type and overlapping evidence, one-to-one; sides right by
shared words; quotes by token overlap), so the two sets of figures can be read side by side.
Only articles (same id and text) in both files are scored. The figures are symmetric in
F1 (precision against one coder is recall against the other).

``eval/articles/agreement/`` keeps a second, blind coding of part of the dev split.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventwire.errors import InputError
from eventwire.evaluate.article_gold import GoldActor, GoldArticle, GoldEvent, GoldQuote, GoldSpan, load
from eventwire.evaluate.articles import ArticleScore, score_article
from eventwire.evaluate.metrics import PRF, prf_table
from eventwire.models import Analysis, Article, Event, Mention, Modality, Quote, Span

_MODALITY = {m.value: m for m in Modality}


def _span(span: GoldSpan) -> Span:
    return Span(span.text, span.start, span.end)


def _mention(actor: GoldActor | None) -> Mention | None:
    if actor is None:
        return None
    return Mention(actor.name, 0, 0, None, actor.country)


def as_event(event: GoldEvent) -> Event:
    """A coder's event in the shape eventwire emits, so the article scorer can read it."""
    first, *others = event.evidence
    alleged = event.modality == "alleged"
    modality = Modality.ACTUAL if alleged else _MODALITY.get(event.modality, Modality.ACTUAL)
    return Event(
        type=event.type, cameo=event.cameo, evidence=_span(first), trigger=_span(first),
        source=_mention(event.source), target=_mention(event.target), modality=modality,
        alleged=alleged, confidence=1.0, mentions=[_span(s) for s in others],
    )  # fmt: skip


def as_quote(quote: GoldQuote) -> Quote:
    said_by = quote.speaker or quote.speaker_text
    speaker = Mention(said_by, 0, 0) if said_by else None
    content = quote.content
    return Quote(content.text, content.start, content.end, quote.direct, speaker)


def as_analysis(article: GoldArticle) -> Analysis:
    analysis = Analysis(Article(article.id, article.text, article.text))
    analysis.events = [as_event(e) for e in article.events]
    analysis.quotes = [as_quote(q) for q in article.quotes]
    return analysis


def agreement(first: list[GoldArticle], second: list[GoldArticle]) -> tuple[ArticleScore, int]:
    """The second coding scored against the first, over the articles both coded."""
    by_id = {a.id: a for a in second}
    total, shared = ArticleScore(), 0
    for article in first:
        other = by_id.get(article.id)
        if other is None or other.text != article.text:
            continue
        shared += 1
        total.add(score_article(article, as_analysis(other), 0.0))
    return total, shared


def render(total: ArticleScore, shared: int, first: Path, second: Path) -> str:
    rows: dict[str, PRF] = dict(sorted(total.per_type.items()))
    rows["all events"] = total.events
    rows["type+source+target"] = total.triples
    rows["quotes"] = total.quotes
    text = prf_table(rows, f"{second} scored against {first} ({shared} articles coded by both)")
    modality = total.modality_right / total.matched if total.matched else 0.0
    speakers = total.speakers_right / total.quotes.tp if total.quotes.tp else 0.0
    text += f"\nmodality agreement (matched events): {modality:.3f} ({total.modality_right}/{total.matched})"
    text += f"\nspeaker agreement (matched quotes): {speakers:.3f} ({total.speakers_right}/{total.quotes.tp})"
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path, help="the first coding (JSONL gold)")
    parser.add_argument("second", type=Path, help="a second coding of some of the same articles")
    args = parser.parse_args(argv)
    try:
        total, shared = agreement(load(args.first), load(args.second))
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"{exc.filename}: {exc.strerror}", file=sys.stderr)
        return 2
    if not shared:
        print(f"no article of {args.second} is in {args.first} with the same text", file=sys.stderr)
        return 1
    print(render(total, shared, args.first, args.second))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
