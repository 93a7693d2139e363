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


class RecordTooLarge(InputError):
    """A record too long to be one article (a dump, a log, a whole book): refused, not cut."""

    def __init__(self, origin: str, chars: int, limit: int) -> None:
        super().__init__(
            origin,
            f"text of {chars:,} characters is over the limit of {limit:,} for one record: "
            "not one article (split it into articles)",
        )
        self.chars = chars
        self.limit = limit


class ConfigError(EventwireError):
    """A configuration value, model name or data file is wrong."""


class StoreError(EventwireError):
    """The database cannot be opened or written."""
