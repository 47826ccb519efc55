"""Crash-safe storage of session files: atomic writes, locks, the session store."""

from sessions.storage.errors import (
    CorruptSessionError,
    LockedError,
    ReadOnlyError,
    SaveError,
    StorageError,
    UnknownSessionError,
)

__all__ = [
    "CorruptSessionError",
    "LockedError",
    "ReadOnlyError",
    "SaveError",
    "StorageError",
    "UnknownSessionError",
]
