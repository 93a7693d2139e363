"""Dedup stage: one record for one story, event or quote reported by many articles."""
