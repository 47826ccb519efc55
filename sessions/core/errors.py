"""Refusals of the domain, translated when shown rather than when raised.

A ``DomainError`` carries a catalog key and its values; ``str()`` (or
``message(lang)``) looks the key up at that moment. A refusal raised while the
app spoke French therefore reads in English once the user pressed F10, and the
command line and the screens translate it in the language they display.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from sessions.i18n import t


@runtime_checkable
class Words(Protocol):
    """A value of a refusal that is itself words, read in the language it is shown in."""

    def message(self, lang: str | None = None) -> str: ...


@dataclass(frozen=True)
class Phrase:
    """A catalog key read when shown: a value of a refusal that is itself words ("a table")."""

    key: str

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang)


class DomainError(ValueError):
    """A rule said no: ``key`` and ``values`` for the catalog, and what caused it (``because``)."""

    def __init__(self, key: str, /, because: DomainError | None = None, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values
        self.because = because

    def message(self, lang: str | None = None) -> str:
        """The reason in ``lang`` (default: the current language), its cause after it."""
        values = {
            name: value.message(lang) if isinstance(value, Words) else value
            for name, value in self.values.items()
        }
        text = t(self.key, lang, **values)
        return f"{text} {self.because.message(lang)}" if self.because is not None else text

    def __str__(self) -> str:
        return self.message()
