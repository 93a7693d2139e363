"""Named entities from spaCy, with offsets into the article text."""

from __future__ import annotations

from eventwire.config import PipelineConfig
from eventwire.models import Analysis, Entity

# Labels later stages use; numbers, ordinals and money are noise for event coding.
KEPT_LABELS = frozenset(
    {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "DATE", "TIME", "LAW", "PRODUCT"}
)


class EntityStage:
    """Reads ``docs``; writes ``entities`` (every section, each tagged with its section)."""

    name = "entities"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config

    def __call__(self, analysis: Analysis) -> Analysis:
        for section_doc in analysis.docs:
            offset = section_doc.offset
            analysis.entities.extend(
                Entity(
                    text=ent.text,
                    label=ent.label_,
                    start=ent.start_char + offset,
                    end=ent.end_char + offset,
                    section=section_doc.section,
                )
                for ent in section_doc.doc.ents
                if ent.label_ in KEPT_LABELS
            )
        return analysis
