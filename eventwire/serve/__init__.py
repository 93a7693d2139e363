"""Serve stage: HTTP API and web UI over the same tables the CLI writes."""
