"""Ingest stage: read articles from files, folders, feeds, stdin or URLs."""

from eventwire.ingest.build import build_article, content_hash
from eventwire.ingest.formats import ReadResult
from eventwire.ingest.language import detect_language
from eventwire.ingest.sources import read_sources

__all__ = ["ReadResult", "build_article", "content_hash", "detect_language", "read_sources"]
