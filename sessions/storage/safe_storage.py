"""A TinyDB ``Storage`` that never leaves a half-written file.

TinyDB's own JSONStorage rewrites the file in place, so a kill between write
and truncate leaves invalid JSON. This storage writes a temporary file,
fsyncs it, replaces the old file atomically and fsyncs the folder, keeping
the previous version as a backup. It caches what it last read or wrote and
re-reads the file only when the file on disk changed (another process wrote
it), which it tells by the file's identity, size and modification time.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from sessions.storage.atomic import atomic_write
from sessions.storage.errors import CorruptSessionError

Fingerprint = tuple[int, int, int, int] | None


def fingerprint(path: Path) -> Fingerprint:
    """Identity of the file's current content as far as stat can tell; None if missing."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def decode(raw: bytes, path: Path) -> dict[str, Any]:
    """Parse a session file's bytes, or say precisely why it is not one."""
    backup = backup_path(path)
    known_backup = backup if backup.exists() else None

    def corrupt(reason: str) -> CorruptSessionError:
        return CorruptSessionError(path, reason, known_backup)

    if not raw.strip():
        raise corrupt("the file is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise corrupt(f"not UTF-8 text (byte {exc.start})") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise corrupt(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise corrupt("not a TinyDB session file (expected tables of documents)")
    return data


def encode(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class SafeJSONStorage(Storage):
    """Crash-safe JSON storage for one session file."""

    def __init__(self, path: str | Path, keep_backup: bool = True) -> None:
        self.path = Path(path)
        self.keep_backup = keep_backup
        self._cache: dict[str, Any] | None = None
        self._fingerprint: Fingerprint = None

    def read(self) -> dict[str, Any] | None:
        current = fingerprint(self.path)
        if self._cache is not None and current == self._fingerprint:
            return dict(self._cache)
        if current is None:
            return None
        data = decode(self.path.read_bytes(), self.path)
        self._cache = data
        self._fingerprint = current
        return dict(data)

    def write(self, data: dict[str, Any]) -> None:
        payload = encode(data)
        backup = backup_path(self.path) if self.keep_backup else None
        try:
            atomic_write(self.path, payload, backup=backup)
        except BaseException as exc:
            if getattr(exc, "replaced", False):
                # The file holds ``data``: remember it, so a retry does not
                # mistake our own write for another process's change.
                self._cache = dict(data)
                self._fingerprint = fingerprint(self.path)
            else:
                self._cache = None  # TinyDB may have changed what we handed it
            raise
        self._cache = dict(data)
        self._fingerprint = fingerprint(self.path)

    def changed_on_disk(self) -> bool:
        """True when the file is not what this storage last read or wrote."""
        return self._cache is None or fingerprint(self.path) != self._fingerprint

    def forget(self) -> None:
        """Drop the cache so that the next read goes to the disk."""
        self._cache = None

    def close(self) -> None:
        self._cache = None
