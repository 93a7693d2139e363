"""Extract stage: entities, quotes and events found in the parsed text."""
