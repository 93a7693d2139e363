"""A benchmark corpus: N distinct English articles built from example articles.

From the bundled ``examples/`` (or any ``--data`` path that ``read_sources``
reads) it takes the English articles and, with a seeded random generator, makes
each new article different: the body's paragraphs after the lede are rotated,
short bodies are topped up with paragraphs of the next examples to about
``target_words`` words, names of places and armed groups are swapped within small
groups of the same kind, and dates and weekdays are shifted. Every article gets
its own content hash. The same arguments always give the same corpus.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import InputError
from eventwire.ingest import build_article, read_sources
from eventwire.models import Article

EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "examples"
TARGET_WORDS = 500
DEFAULT_SEED = 7
MAX_DRAWS = 50  # attempts at a variant whose text differs from all earlier ones

# Names swapped among themselves (same kind), whole words only.
SWAP_GROUPS: tuple[tuple[str, ...], ...] = (
    ("Omdurman", "Khartoum", "Bamako", "Niamey", "Kharkiv", "Hodeidah", "Islamabad", "Goma",
     "Kassala", "Zalingei", "Beirut", "Yerevan", "Baku", "Kisangani", "Mopti", "Sumy"),
    ("Sudan", "Mali", "Niger", "Yemen", "Ukraine", "Pakistan", "Armenia", "Azerbaijan",
     "Rwanda", "Lebanon", "Chad", "Somalia"),
    ("Houthis", "Hezbollah", "M23", "RSF", "Hamas", "al-Shabaab", "JNIM"),
)  # fmt: skip
_NAMES = re.compile(r"\b(" + "|".join(re.escape(n) for g in SWAP_GROUPS for n in g) + r")\b")
_MONTH_DAY = re.compile(
    r"\b((?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March|April"
    r"|May|June|July|August|September|October|November|December) (\d{1,2})\b"
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_DEFAULT_PUBLISHED = dt.date(2024, 6, 1)


@dataclass(frozen=True, slots=True)
class Base:
    """One source article reduced to what variants are made of."""

    title: str | None
    paragraphs: tuple[str, ...]
    published: dt.date | None
    outlet: str | None


def build_corpus(
    n: int,
    data: Path | None = None,
    target_words: int | None = TARGET_WORDS,
    seed: int = DEFAULT_SEED,
) -> list[Article]:
    """``n`` distinct English articles; with ``data``, its articles are used unchanged first.

    Bundled examples are always varied and brought to about ``target_words`` words;
    articles of ``data`` keep their length (pass ``target_words`` to change that).
    """
    if n < 1:
        raise ValueError(f"the corpus needs at least one article, got {n}")
    source = data or EXAMPLES_DIR
    originals = load_english_articles(source)
    if data is not None and target_words == TARGET_WORDS:
        target_words = None
    bases = [_base(article) for article in originals]
    rng = random.Random(seed)
    articles: list[Article] = []
    seen: set[str] = set()
    if data is not None:  # the user's own articles as they are, first
        for article in originals[:n]:
            articles.append(article)
            seen.add(article.content_hash)
    while len(articles) < n:
        i = len(articles)
        for _ in range(MAX_DRAWS):
            article = _variant(bases, i, rng, target_words)
            if article.content_hash not in seen:
                break
        else:
            raise ValueError(f"could not make {n} distinct articles from {source}")
        seen.add(article.content_hash)
        articles.append(article)
    return articles


def load_english_articles(source: Path) -> list[Article]:
    """The English articles (language metadata absent or "en") readable from ``source``."""
    articles: list[Article] = []
    for result in read_sources([source]):
        if isinstance(result, InputError):
            continue
        if result.language in (None, "en") and result.body.strip():
            articles.append(result)
    if not articles:
        raise InputError(str(source), "no English articles to build a benchmark corpus from")
    return articles


def corpus_words(articles: Iterable[Article]) -> int:
    """Whitespace-separated words of the texts the pipeline reads."""
    return sum(len(article.text.split()) for article in articles)


def _base(article: Article) -> Base:
    paragraphs = tuple(p.strip() for p in _PARAGRAPH_BREAK.split(article.body) if p.strip())
    return Base(article.title, paragraphs, article.published, article.outlet)


def _variant(bases: list[Base], i: int, rng: random.Random, target_words: int | None) -> Article:
    base = bases[i % len(bases)]
    paragraphs = _rotated(base.paragraphs, rng)
    if target_words:
        paragraphs = _sized(paragraphs, bases, i, rng, target_words)
    shift = rng.randrange(1, 365)
    mapping = _name_mapping(rng)
    body = _shift_dates(_swap_names("\n\n".join(paragraphs), mapping), shift)
    title = _shift_dates(_swap_names(base.title, mapping), shift) if base.title else None
    published = (base.published or _DEFAULT_PUBLISHED) + dt.timedelta(days=shift)
    text = f"{title}\n\n{body}" if title else body
    meta = {"id": f"bench-{i:05d}", "published": published, "language": "en"}
    if base.outlet:
        meta["outlet"] = base.outlet
    return build_article(text, f"bench:{i}", meta)


def _rotated(paragraphs: tuple[str, ...], rng: random.Random) -> list[str]:
    lede, rest = list(paragraphs[:1]), list(paragraphs[1:])
    if len(rest) > 1:
        k = rng.randrange(len(rest))
        rest = rest[k:] + rest[:k]
    return lede + rest


def _sized(paragraphs: list[str], bases: list[Base], i: int, rng: random.Random, target: int) -> list[str]:
    """Top up with paragraphs of the following examples, or cut, to about ``target`` words."""
    out: list[str] = []
    words = 0
    donors = [paragraphs] + [_rotated(bases[(i + k) % len(bases)].paragraphs[1:], rng)
                             for k in range(1, len(bases) + 1)]  # fmt: skip
    for paragraph in (p for donor in donors for p in donor):
        if words >= target * 0.95:
            break
        out.append(paragraph)
        words += len(paragraph.split())
    return out


def _name_mapping(rng: random.Random) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for group in SWAP_GROUPS:
        shuffled = list(group)
        rng.shuffle(shuffled)
        mapping.update(zip(group, shuffled, strict=True))
    return mapping


def _swap_names(text: str, mapping: dict[str, str]) -> str:
    return _NAMES.sub(lambda m: mapping[m.group(1)], text)


def _shift_dates(text: str, days: int) -> str:
    text = _MONTH_DAY.sub(lambda m: f"{m.group(1)} {(int(m.group(2)) - 1 + days) % 28 + 1}", text)
    return _WEEKDAY.sub(lambda m: _WEEKDAYS[(_WEEKDAYS.index(m.group(1)) + days) % 7], text)
