"""What stages keep per sentence, Doc or lexicon to avoid doing it again gives the same
answers as doing it again (the ranker's referring words, the cue and hedge searches, a Doc's
columns, span texts and line breaks, the knowledge-base names in a Doc's tokens)."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire import Pipeline
from eventwire.extract.argument_candidates import referring_mentions, referring_words
from eventwire.extract.argument_ranker import ArgumentRankerStage
from eventwire.extract.event_actors import PRONOUNS
from eventwire.extract.quote_lexicon import Cue, QuoteLexicon, load_quote_lexicon
from eventwire.nlp import load_model
from eventwire.nlp.bounds import keep_text, line_breaks, span_text, token_ends, token_starts
from eventwire.nlp.columns import columns, ids
from eventwire.resolve.actors import resolver_for
from eventwire.resolve.aliases import AliasIndex
from eventwire.resolve.kb import KnowledgeBase

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


_REPORT = (
    "The interior minister reportedly said on Tuesday that the talks, which the envoy called tense, "
    "had failed, and warned the rebels against new attacks. Rebels reportedly denied it.\n\n"
    "According to state media, the army denied it."
)


def test_cue_heads_and_hedge_words_read_from_the_docs_ids_are_the_tokens_words(pipeline: Pipeline) -> None:
    lexicon = load_quote_lexicon()
    by_head, hedges = lexicon.by_head, lexicon.hedge_heads
    analysis = pipeline.analyze_text(_REPORT)
    for section_doc in analysis.docs:
        doc = section_doc.doc
        heads = [t.i for t in doc if by_head.get(t.lemma_.lower()) or by_head.get(t.lower_)]
        hedged = [t.i for t in doc if t.lemma_.lower() in hedges or t.lower_ in hedges]
        assert lexicon.heads(doc) == heads
        assert lexicon.hedge_words(doc) == hedged
        assert lexicon.heads(doc) is lexicon.heads(doc)  # read once per Doc
    body = next(d.doc for d in analysis.docs if "minister" in d.doc.text)
    assert {"said", "reportedly", "warned", "According"} <= {body[i].text for i in lexicon.heads(body)}
    assert [body[i].text for i in lexicon.hedge_words(body)] == ["reportedly", "reportedly"]


def test_a_docs_columns_are_its_tokens_attributes(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(_REPORT)
    for section_doc in analysis.docs:
        doc = section_doc.doc
        found = columns(doc)
        assert found.orth == [t.orth for t in doc]
        assert found.lower == [t.lower for t in doc]
        assert found.dep == [t.dep for t in doc]
        assert found.head == [t.head.i for t in doc]
        assert found.punct == [int(t.is_punct) for t in doc]
        assert found.space == [int(t.is_space) for t in doc]
        assert found.pos == [t.pos for t in doc]
        assert found.tag == [t.tag for t in doc]
        assert found.lemma == [t.lemma for t in doc]
        assert found.ent_type == [t.ent_type for t in doc]
        assert found.alpha == [int(t.is_alpha) for t in doc]
        assert found.title == [int(t.is_title) for t in doc]
        assert ids(["VERB"]) <= set(found.pos)
        assert found.dep.count(next(iter(ids(["nsubj"])))) == sum(t.dep_ == "nsubj" for t in doc) > 0
        assert ids([","]) <= set(found.orth)
        assert columns(doc) is found  # read once per Doc
    other = pipeline.nlp("Protesters marched on the ministry.")
    for doc in (other, analysis.docs[0].doc, other):  # the Doc asked about's, not the last one's
        assert columns(doc).orth == [t.orth for t in doc]


def test_span_text_from_the_kept_parse_text_is_the_spans_text(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(_REPORT)
    for section_doc in analysis.docs:
        doc = section_doc.doc.copy()  # a Doc span_text has not read yet
        keep_text(doc, section_doc.text)
        for start, end in ((0, 1), (0, len(doc)), (2, 5), (3, 3)):
            assert span_text(doc, start, end) == doc[start:end].text
        assert line_breaks(doc) == [t.i for t in doc if "\n" in t.text]
        assert token_starts(doc) == [t.idx for t in doc]
        assert token_ends(doc) == [t.idx + len(t) for t in doc]


def _alias_matches_word_by_word(index: AliasIndex, kb: KnowledgeBase, tokenize, doc) -> list:  # type: ignore[no-untyped-def]
    """The knowledge-base names in ``doc`` found as before the index by length: every name
    of a first word tested in turn, longest first, an acronym only in its own case."""
    first: dict[str, list] = {}
    for alias, actor_id in kb.alias_items():
        words = tokenize(alias)
        if not words or (len(words) == 1 and len(alias) < 3):
            continue
        first.setdefault(words[0].lower(), []).append((tuple(w.lower() for w in words), actor_id, alias))
    for rows in first.values():
        rows.sort(key=lambda row: -len(row[0]))
    lowers = [t.lower_ for t in doc]
    out, i = [], 0
    while i < len(doc):
        hit = None
        if not doc[i].is_lower:
            for words, actor_id, alias in first.get(lowers[i], []):
                if tuple(lowers[i : i + len(words)]) != words:
                    continue
                acronym = alias.replace(".", "").isupper() and len(alias) <= 5
                if not acronym or doc[i : i + len(words)].text.replace(" ", "") == alias.replace(" ", ""):
                    hit = (i, i + len(words), actor_id)
                    break
        i = hit[1] if hit else i + 1
        if hit:
            out.append(hit)
    return out


def test_knowledge_base_names_found_by_length_are_those_found_word_by_word(pipeline: Pipeline) -> None:
    resolver = resolver_for(tuple(pipeline.config.kb_files), pipeline.config.model)
    tokenizer = load_model(pipeline.config.model).tokenizer
    tokenize = lambda text: [t.text for t in tokenizer(text)]  # noqa: E731
    index = AliasIndex(resolver.kb, tokenize)
    text = (
        "The UN envoy met officials of the Democratic Republic of the Congo and the African Union "
        "in Addis Ababa, while Un officials and the Islamic State group traded blame. "
        "The European Union said NATO and the United Nations Security Council would meet."
    )
    doc = pipeline.analyze_text(text).docs[0].doc
    found = index.matches(doc)
    assert found == _alias_matches_word_by_word(index, resolver.kb, tokenize, doc)
    assert len(found) >= 4
