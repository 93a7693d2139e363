"""A sentence's tokens and lexicon rows read once for the events stage (event_lexicon.
SentenceWords): the trigger model and the trigger finder share them, with the same triggers
as when each reads the sentence itself; the scorer's sentence signals read the Doc's
sentence bounds. Texts written for the tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract import event_patterns as pat
from eventwire.extract.event_lexicon import EventLexicon, SentenceWords, Trigger, load_event_lexicon
from eventwire.extract.events import _in_purpose_clause, _is_question, _subordinate

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from eventwire import Pipeline


class _Counting:
    """An event lexicon that counts its ``candidates`` look-ups."""

    def __init__(self, lexicon: EventLexicon) -> None:
        self.lexicon = lexicon
        self.asked: list[int] = []

    def candidates(self, token: Token) -> list[Trigger]:
        self.asked.append(token.i)
        return self.lexicon.candidates(token)

    def candidates_at(self, key: tuple[int, int, int, int, int], doc: Doc, i: int) -> list[Trigger]:
        self.asked.append(i)
        assert self.lexicon.candidates_at(key, doc, i) == self.lexicon.candidates(doc[i])
        return self.lexicon.candidates_at(key, doc, i)


def _typer(candidates: Pipeline):  # type: ignore[no-untyped-def]
    return next(s for s in candidates.stages if s.__class__.__name__ == "EventStage").typer  # type: ignore[attr-defined]


def test_each_word_is_looked_up_once_for_the_model_and_the_finder(candidates: Pipeline) -> None:
    lexicon = load_event_lexicon()
    doc = candidates.nlp("Rebels attacked an army base near the border, and troops arrested twelve fighters.")
    sent = next(iter(doc.sents))
    counting = _Counting(lexicon)
    words = SentenceWords(sent, counting)  # type: ignore[arg-type]
    types = _typer(candidates).sentence(sent, "body", lambda token: False, words)
    found = pat.find_triggers(sent, lexicon, None, types, words)
    assert len(counting.asked) == len(set(counting.asked))  # no word looked up twice
    assert {f.token.text for f in found} >= {"attacked", "arrested"}
    # the same triggers, with the same type readings, as when each reads the sentence itself
    alone = pat.find_triggers(sent, lexicon, None, _typer(candidates).sentence(sent, "body", lambda t: False))
    assert [(f.token.i, f.trigger, f.tokens) for f in found] == [
        (f.token.i, f.trigger, f.tokens) for f in alone
    ]
    assert all(
        a.types is not None and b.types is not None and (a.types.probabilities == b.types.probabilities).all()
        for a, b in zip(found, alone, strict=True)
    )


def test_a_phrase_trigger_takes_its_words_from_its_own_sentence_only(candidates: Pipeline) -> None:
    lexicon = load_event_lexicon()

    def phrases(text: str) -> list[list[tuple[str, ...]]]:
        doc = candidates.nlp(text)
        return [
            [
                tuple(t.text for t in f.tokens)
                for f in pat.find_triggers(s, lexicon, None, None, SentenceWords(s, lexicon))
            ]
            for s in doc.sents
        ]

    assert phrases("Prisoners refused food. Hunger strike enters its tenth day.")[1][:1] == [
        ("Hunger", "strike")
    ]
    assert ("fired", "tear", "gas") in phrases("Police then fired tear gas. The crowd ran.")[0]
    # the words after a verb at the end of its sentence belong to the next one
    first, second = phrases("Police fired. Tear gas filled the streets.")
    assert ("fired",) in first and ("Tear", "gas") in second


def test_a_question_is_told_by_its_last_words(candidates: Pipeline) -> None:
    texts = [
        "Will the ministers meet again next week?\n\n",
        "Will the ministers meet again next week ?  ",
        "The ministers met again on Monday.\n",
        'Who fired first?" the envoy asked.',
    ]
    for text in texts:
        doc = candidates.nlp(text)
        for sent in doc.sents:
            assert _is_question(doc, sent.start, sent.end) == sent.text.rstrip().endswith("?"), text


def test_a_subordinate_trigger_is_found_up_the_tree_and_a_root_stops_the_walk(candidates: Pipeline) -> None:
    doc = candidates.nlp("The village where the soldiers fired on protesters was quiet on Monday.")
    fired = next(t for t in doc if t.text == "fired")
    assert _subordinate(fired)  # in a relative clause
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert not _subordinate(root)


def test_a_phrase_leaves_out_only_a_word_inside_it(candidates: Pipeline) -> None:
    # the linker leaves the trigger out of its subject's phrase: a trigger outside the phrase
    # changes nothing, one inside it cuts the clause that holds it
    doc = candidates.nlp("Armed groups supporting the rebels attacked a police station on Monday.")
    groups, supporting, attacked = (
        next(t for t in doc if t.text == w) for w in ("groups", "supporting", "attacked")
    )
    alone = pat.phrase_bounds(groups)
    assert doc.text[alone[0] : alone[1]] == "Armed groups supporting the rebels"
    assert pat.phrase_bounds(groups, attacked) == alone
    cut = pat.phrase_bounds(groups, supporting)
    assert doc.text[cut[0] : cut[1]] == "Armed groups"


def test_an_act_told_as_the_aim_of_another_is_in_a_purpose_clause(candidates: Pipeline) -> None:
    # the scorer's "purpose" signal: a "to" infinitive adverbial clause, the trigger a verb
    # there or a noun that verb governs; not an infinitive complement ("agreed to meet")
    aims = {
        "The minister flew to Lagos on Monday to meet the rebel commander.": "meet",
        "Riot police moved into the square to disperse the marchers.": "disperse",
        "The envoy travelled to the capital to hold talks with the junta.": "talks",
    }
    told = {
        "The minister met the rebel commander in Lagos on Monday.": "met",
        "The two leaders agreed to meet in Lagos next week.": "meet",
        "The soldiers who dispersed the marchers were withdrawn.": "dispersed",
    }
    for sentences, expected in ((aims, True), (told, False)):
        for text, word in sentences.items():
            token = next(t for t in candidates.nlp(text) if t.text == word)
            assert _in_purpose_clause(token) is expected, text
