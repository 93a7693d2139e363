"""NLP stage: spaCy tokenisation, tagging, parsing and NER of each article section."""

from eventwire.nlp.candidates import CandidateFinder, load_candidate_finder
from eventwire.nlp.model import load_model
from eventwire.nlp.parse import SectionDoc, SectionParser, parse_articles

__all__ = [
    "CandidateFinder",
    "SectionDoc",
    "SectionParser",
    "load_candidate_finder",
    "load_model",
    "parse_articles",
]
