"""Resolve stage: surface mentions to canonical actors, gazetteer places and calendar dates."""
