"""The refusal of a format whose optional extra is not installed (standard library only).

Its own module so that the renderers raising it and the table of formats
(``sessions.documents.exports``) offering them never import each other.
"""

from __future__ import annotations


class MissingExtra(RuntimeError):
    """A format needs an optional extra that is not installed (``pip install atelier[office]``)."""

    def __init__(self, extra: str) -> None:
        super().__init__(f"pip install 'atelier[{extra}]'")
        self.extra = extra
