"""Errors of the storage layer; each message names the file and says what to do."""

from __future__ import annotations

from pathlib import Path

from sessions.i18n import t


class StorageError(Exception):
    """Base of every storage problem shown to the user."""


class CorruptSessionError(StorageError):
    """A session file that does not parse or fails validation. It is never overwritten."""

    def __init__(self, path: Path, reason: str, backup: Path | None = None) -> None:
        self.path = path
        self.reason = reason
        self.backup = backup
        super().__init__(path, reason)

    def __str__(self) -> str:
        """The file and its reason, punctuated as the language shown wants."""
        return t("storage.file_reason", path=self.path, reason=self.reason)


class NewerSessionError(CorruptSessionError):
    """A session file written by a newer atelier: readable by it, never touched here.

    It is not damaged, so no backup is ever offered in its place (``backup`` is
    None): restoring one would set the newer file aside. A ``CorruptSessionError``
    for every place that only needs to know the file cannot be opened.
    """

    def __init__(self, path: Path, version: int, ours: int) -> None:
        self.version = version
        self.ours = ours
        super().__init__(path, t("storage.reason.newer", version=version, ours=ours))


class SaveError(StorageError):
    """A save that did not reach the disk; the change is still held in memory."""

    def __init__(self, path: Path, cause: OSError) -> None:
        self.path = path
        self.cause = cause
        super().__init__(path, cause)

    def __str__(self) -> str:
        """Read in the language shown, as ``DomainError`` does."""
        return t("storage.file_reason", path=self.path, reason=self.cause.strerror or self.cause)


class ReadOnlyError(StorageError):
    """A write to a session opened read-only (held by another app)."""


class LockedError(StorageError):
    """The session's write lock could not be taken in time."""


class BeingWrittenError(LockedError):
    """Another process holds the session's write lock: said in the language shown."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(path)

    def __str__(self) -> str:
        return t("storage.being_written", path=self.path)


class UnknownSessionError(StorageError):
    """No session matches the name given; ``candidates`` are close matches."""

    def __init__(self, ref: str, candidates: list[str], ambiguous: bool = False) -> None:
        self.ref = ref
        self.candidates = candidates
        self.ambiguous = ambiguous
        super().__init__(ref)
