"""What stages keep per sentence or lexicon to avoid doing it again gives the same answers
as doing it again (the ranker's referring words, the hedge search)."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire import Pipeline
from eventwire.extract.argument_candidates import referring_mentions, referring_words
from eventwire.extract.argument_ranker import ArgumentRankerStage
from eventwire.extract.event_actors import PRONOUNS
from eventwire.extract.quote_lexicon import Cue, QuoteLexicon, load_quote_lexicon

_STORY = (
    "Militiamen loyal to the ousted governor stormed the town hall in Kalemie on Friday. "
    "They said the army, which had retaken the building last month, fired first. "
    "The defence minister, Jean-Paul Mbeki, said the soldiers would stay."
)


def test_referring_words_read_once_per_sentence_give_the_same_candidates(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(_STORY)
    stage = ArgumentRankerStage(pipeline.config)
    section_doc = next(d for d in analysis.docs if "They said" in d.doc.text)
    sent = next(s for s in section_doc.doc.sents if "They said" in s.text)
    phrases: dict[tuple[int, int], list] = {}
    for trigger in (t for t in sent if t.pos_ == "VERB"):
        plain = referring_mentions(analysis, section_doc, sent, trigger, stage.linker)
        kept = referring_mentions(analysis, section_doc, sent, trigger, stage.linker, {}, phrases)
        assert kept == plain
    assert list(phrases) == [(id(section_doc), sent.start)]  # one scan for the sentence's verbs
    assert "They" in [t.text for t in phrases[(id(section_doc), sent.start)]]


def test_hedge_heads_hold_every_hedge_row() -> None:
    lexicon = load_quote_lexicon()
    hedges = {c.head for rows in lexicon.by_head.values() for c in rows if c.frame == "hedge"}
    assert hedges and hedges <= lexicon.hedge_heads
    assert "reportedly" in lexicon.hedge_heads and "say" not in lexicon.hedge_heads
    own = QuoteLexicon()
    own.add(Cue("allegedly", "allegedly", (), "ADV", "hedge", "report", frozenset(), "test:1"))
    assert own.hedge_heads == {"allegedly"}


def _referring_by_token(token: Token) -> bool:
    """The Token-by-Token reading that ``referring_words`` reads from the Doc's columns."""
    if token.lower_ in PRONOUNS and token.pos_ == "PRON":
        return True
    return (
        token.pos_ == "NOUN"
        and token.dep_ != "compound"
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "those") for c in token.children)
    )


def test_referring_words_read_from_the_docs_columns_are_the_tokens_pronouns_and_descriptions(
    pipeline: Pipeline,
) -> None:
    text = (
        _STORY + " These fighters and the local police said that they had met his envoy. "
        "This week the talks resumed, but it is unclear whether those demands will be met."
    )
    analysis = pipeline.analyze_text(text)
    for section_doc in analysis.docs:
        doc = section_doc.doc
        expected = [t.i for t in doc if _referring_by_token(t)]
        assert referring_words(doc) == expected
        assert referring_words(doc) is referring_words(doc)  # read once per Doc
    words = {t.text for d in analysis.docs for t in d.doc if t.i in referring_words(d.doc)}
    assert {"They", "they", "soldiers", "fighters", "police"} <= words
