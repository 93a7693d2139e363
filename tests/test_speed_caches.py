"""What stages keep per sentence or lexicon to avoid doing it again gives the same answers
as doing it again (the ranker's referring words, the hedge search)."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.extract.argument_candidates import referring_mentions
from eventwire.extract.argument_ranker import ArgumentRankerStage
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
