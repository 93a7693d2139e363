"""eventwire: reads news and writes event data, every field backed by evidence.

Python API::

    from eventwire import Pipeline, read_sources
    pipeline = Pipeline()
    for analysis in pipeline.analyze(a for a in read_sources(["story.txt"]) if not isinstance(a, Exception)):
        print(analysis.to_dict()["events"])
"""

import os

# spaCy's CPU models make many small matrix products, for which numpy's OpenBLAS
# thread hand-offs cost more than they save (NER runs ~20% faster with one thread),
# and `--processes` already uses every core. OpenBLAS reads this once, when numpy is
# first imported, so it is set here, before spaCy is; a value the user set is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from eventwire.config import PipelineConfig  # noqa: E402
from eventwire.errors import EventwireError, InputError  # noqa: E402
from eventwire.ingest import read_sources  # noqa: E402
from eventwire.models import Analysis, Article  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402

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
