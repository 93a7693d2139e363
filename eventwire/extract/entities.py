"""Named entities from spaCy, with offsets into the article text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.config import PipelineConfig
from eventwire.models import Analysis, Entity

if TYPE_CHECKING:
    from spacy.tokens import Span

# Labels later stages use; numbers, ordinals and money are noise for event coding.
KEPT_LABELS = frozenset(
    {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "DATE", "TIME", "LAW", "PRODUCT"}
)
TIME_LABELS = frozenset({"DATE", "TIME"})
# A finite verb or modal: a clause's own verb (a time expression holds none).
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


class EntityStage:
    """Reads ``docs``; writes ``entities`` (every section, each tagged with its section)."""

    name = "entities"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config

    def __call__(self, analysis: Analysis) -> Analysis:
        for section_doc in analysis.docs:
            offset = section_doc.offset
            for ent in section_doc.doc.ents:
                if ent.label_ not in KEPT_LABELS:
                    continue
                span = _time_only(ent) if ent.label_ in TIME_LABELS else ent
                if span is None:
                    continue
                analysis.entities.append(
                    Entity(
                        text=span.text,
                        label=ent.label_,
                        start=span.start_char + offset,
                        end=span.end_char + offset,
                        section=section_doc.section,
                    )
                )
        return analysis


def _time_only(ent: Span) -> Span | None:
    """A time expression the recogniser ran on into its clause's verb ("on Monday ended a
    decades-old embargo" read as one DATE, "Monday ended a decades-old"): the words before
    the first finite verb ("Monday"), which are the time; None when the span opens with one.
    A time expression holds no finite verb of its own ("the day before", "two weeks ago")."""
    for token in ent:
        if token.tag_ in FINITE_TAGS:
            if token.i == ent.start:
                return None
            end = token.i
            while end > ent.start and ent.doc[end - 1].is_punct:
                end -= 1
            return ent.doc[ent.start : end] if end > ent.start else None
    return ent
