"""The refusal every vote rule raises: a ``ValueError`` with a translated message."""

from __future__ import annotations

from sessions.i18n import t


class VoteError(ValueError):
    """A vote input that breaks a rule; ``str()`` is the translated reason."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(t(key, **values))
