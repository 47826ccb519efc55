"""The refusal every vote rule raises: a ``ValueError`` with a translated message."""

from __future__ import annotations

from sessions.core.errors import DomainError


class VoteError(DomainError):
    """A vote input that breaks a rule; ``str()`` is the translated reason."""
