"""eventwire: reads news and writes event data, every field backed by evidence.

Python API::

    from eventwire import Pipeline, read_sources
    pipeline = Pipeline()
    for analysis in pipeline.analyze(a for a in read_sources(["story.txt"]) if not isinstance(a, Exception)):
        print(analysis.to_dict()["events"])
"""

from eventwire.config import PipelineConfig
from eventwire.errors import EventwireError, InputError
from eventwire.ingest import read_sources
from eventwire.models import Analysis, Article
from eventwire.pipeline import Pipeline

__version__ = "0.1.0"
__all__ = [
    "Analysis",
    "Article",
    "EventwireError",
    "InputError",
    "Pipeline",
    "PipelineConfig",
    "read_sources",
]
