"""A token's children and subtree read through the per-token index equal spaCy's own walks."""

from __future__ import annotations

from eventwire.nlp.tree import child_with, children, has_child, ordered_subtree_at, subtree
from eventwire.pipeline import Pipeline

STORY = (
    "Riot police fire tear gas at striking teachers\n\n"
    "NAIROBI - Police fired tear gas on Monday at hundreds of teachers who had marched on the\n"
    "education ministry, the union said, after talks with the government broke down.\n"
    '"We will not be intimidated," said Mary Wanjiku, a union official, who accused the\n'
    "minister of refusing to meet them. The protesters were dispersed by officers on horseback."
)


def test_children_and_subtrees_equal_spacys(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(STORY)
    seen = 0
    for section_doc in analysis.docs:
        for token in section_doc.doc:
            kids = list(token.children)
            assert children(token) == tuple((c.i, c.dep_, c.lower_) for c in kids)
            assert sorted(subtree(token)) == sorted(t.i for t in token.subtree)
            assert ordered_subtree_at(section_doc.doc, token.i) == [t.i for t in token.subtree]
            seen += bool(kids)
    assert seen > 10  # the sentences were parsed


def test_child_lookups(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(STORY)
    doc = next(d.doc for d in analysis.docs if "horseback" in d.doc.text)
    dispersed = next(t for t in doc if t.lower_ == "dispersed")
    assert has_child(dispersed, ("auxpass",))
    assert not has_child(dispersed, ("dobj",))
    subject = child_with(dispersed, ("nsubj", "nsubjpass"))
    assert subject is not None and subject.lower_ == "protesters"
    agent = child_with(dispersed, ("agent",), ("by",))
    assert agent is not None and agent.i > dispersed.i
    assert child_with(dispersed, ("agent",), ("with",)) is None
