"""A TinyDB ``Storage`` that never leaves a half-written file.

TinyDB's own JSONStorage rewrites the file in place, so a kill between write
and truncate leaves invalid JSON. This storage writes a temporary file,
fsyncs it, replaces the old file atomically and fsyncs the folder, keeping
the previous version as a backup. It caches what it last read or wrote and
re-reads the file only when the file on disk changed (another process wrote
it), which it tells by the file's identity, size and modification time (and,
just before a write, by comparing the bytes with what it last wrote).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from sessions.i18n import t
from sessions.storage.atomic import atomic_write
from sessions.storage.errors import CorruptSessionError
from sessions.storage.regular import NotRegularFile, read_regular

Fingerprint = tuple[int, int, int, int] | None

# A session with thousands of ideas weighs a few megabytes; anything far
# beyond this is not a session file and is refused before it is read whole.
MAX_FILE_BYTES = 16 * 1024 * 1024


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

    if len(raw) > MAX_FILE_BYTES:
        raise corrupt(too_large(len(raw)))
    if not raw.strip(b" \t\r\n"):
        raise corrupt(t("storage.reason.empty"))
    if not raw.strip(b"\x00 \t\r\n"):
        raise corrupt(t("storage.reason.only_nul"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise corrupt(t("storage.reason.not_utf8", byte=exc.start)) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise corrupt(t("storage.reason.bad_json", line=exc.lineno, column=exc.colno)) from exc
    except ValueError as exc:  # an integer longer than Python converts
        digits = sys.get_int_max_str_digits()
        raise corrupt(t("storage.reason.long_number", digits=digits)) from exc
    except RecursionError as exc:
        raise corrupt(t("storage.reason.too_deep")) from exc
    if not _tables_of_documents(data):
        raise corrupt(t("storage.reason.not_tinydb"))
    return data


def _tables_of_documents(data: Any) -> bool:
    """True for ``{"table": {"id": {...document...}}}``, the shape TinyDB writes."""
    return isinstance(data, dict) and all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    )


def not_regular(path: Path, exc: NotRegularFile) -> CorruptSessionError:
    """The error for a folder, a pipe or a device where a session file should be."""
    kind = t(f"storage.kind.{exc.kind}")
    backup = backup_path(path)
    return CorruptSessionError(
        path, t("storage.reason.not_regular", kind=kind), backup if backup.exists() else None
    )


def too_large(size: int) -> str:
    from sessions.i18n.formats import format_number

    return t(
        "storage.reason.too_large",
        size=format_number(size / 1e6, digits=1),
        limit=format_number(MAX_FILE_BYTES / 1e6, digits=0),
    )


def encode(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class SafeJSONStorage(Storage):
    """Crash-safe JSON storage for one session file.

    It keeps the bytes it last read or wrote (``_payload``): they tell a
    change on disk byte for byte, and the parsed tables (``_cache``) are
    built from them only when something reads.
    """

    def __init__(self, path: str | Path, keep_backup: bool = True) -> None:
        self.path = Path(path)
        self.keep_backup = keep_backup
        self._cache: dict[str, Any] | None = None
        self._payload: bytes | None = None
        self._fingerprint: Fingerprint = None

    def read(self) -> dict[str, Any] | None:
        current = fingerprint(self.path)
        if self._payload is not None and current == self._fingerprint:
            if self._cache is None:
                self._cache = decode(self._payload, self.path)
            return _copy(self._cache)
        if current is None:
            return None
        if current[2] > MAX_FILE_BYTES:
            backup = backup_path(self.path)
            raise CorruptSessionError(
                self.path, too_large(current[2]), backup if backup.exists() else None
            )
        try:
            raw = read_regular(self.path, MAX_FILE_BYTES)
        except NotRegularFile as exc:
            raise not_regular(self.path, exc) from exc
        except FileNotFoundError:
            return None
        data = decode(raw, self.path)
        self._cache = data
        self._fingerprint = current
        self._payload = raw
        return _copy(data)

    def write(self, data: dict[str, Any]) -> None:
        self.write_bytes(encode(data), _copy(data))

    def write_bytes(self, payload: bytes, data: dict[str, Any] | None = None) -> None:
        """Replace the file with ``payload`` (JSON tables); ``data`` is its parse, if known."""
        backup = backup_path(self.path) if self.keep_backup else None
        try:
            atomic_write(self.path, payload, backup=backup)
        except BaseException as exc:
            if getattr(exc, "replaced", False):
                # The file holds ``payload``: remember it, so a retry does not
                # mistake our own write for another process's change.
                self._remember(payload, data)
            else:
                self.forget()
            raise
        self._remember(payload, data)

    def _remember(self, payload: bytes, data: dict[str, Any] | None) -> None:
        self._payload = payload
        self._cache = data
        self._fingerprint = fingerprint(self.path)

    @property
    def last_payload(self) -> bytes | None:
        """The bytes this storage last read or wrote (None when it knows none)."""
        return self._payload

    def changed_on_disk(self, deep: bool = False) -> bool:
        """True when the file is not what this storage last read or wrote.

        The quick test compares stat (device, inode, size, mtime). ``deep``
        also compares the bytes, for an edit of the same size within the file
        system's timestamp granularity; it is used just before each write.
        """
        if self._payload is None or fingerprint(self.path) != self._fingerprint:
            return True
        if not deep:
            return False
        try:
            return self.path.read_bytes() != self._payload
        except FileNotFoundError:
            return True

    def forget(self) -> None:
        """Drop the cache so that the next read goes to the disk."""
        self._cache = None
        self._payload = None

    def close(self) -> None:
        self.forget()


def _copy(data: dict[str, Any]) -> dict[str, Any]:
    """A copy deep enough that TinyDB's in-place updates never touch the cache."""
    return {
        name: {doc_id: dict(doc) for doc_id, doc in table.items()} for name, table in data.items()
    }
