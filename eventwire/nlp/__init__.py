"""NLP stage: spaCy tokenisation, tagging, parsing and NER of each article section."""

from eventwire.nlp.model import load_model
from eventwire.nlp.parse import SectionDoc, parse_articles

__all__ = ["SectionDoc", "load_model", "parse_articles"]
