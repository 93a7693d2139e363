"""Exceptions that name the input and the problem, so a user can fix it."""

from __future__ import annotations


class EventwireError(Exception):
    """Base class for every error eventwire raises on purpose."""


class InputError(EventwireError):
    """An input file or record cannot be read; ``origin`` names it (path, path:line, record id)."""

    def __init__(self, origin: str, problem: str) -> None:
        super().__init__(f"{origin}: {problem}")
        self.origin = origin
        self.problem = problem


class ConfigError(EventwireError):
    """A configuration value, model name or data file is wrong."""


class StoreError(EventwireError):
    """The database cannot be opened or written."""
