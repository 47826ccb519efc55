"""File names for exported minutes: built from the session title, safe, never overwriting.

``safe_stem`` turns any title into a name that is valid on Linux, macOS and
Windows: no path separators, no ``..``, no characters Windows forbids, no
reserved device name (``CON``, ``NUL``, ``COM1`` ...), no leading dot, no
trailing dot or space, and short enough that ``stem-NNN.ext`` stays within 255
bytes of UTF-8. ``write_new`` writes a file under such a name next to the
existing exports, adding ``-2``, ``-3`` ... rather than replacing anything,
readable by its owner only (0600, in a 0700 folder).
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterator
from pathlib import Path

from sessions.core.paths import PRIVATE_FILE, private_dir
from sessions.core.text import clean_text
from sessions.storage.atomic import fsync_dir

MAX_BYTES = 255
SUFFIX_RESERVE = 8  # room for "-NNNN" counters
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"-{2,}")
_DOTS = re.compile(r"\.{2,}")
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    "CONIN$",
    "CONOUT$",
    *(f"COM{i}" for i in range(10)),
    *(f"LPT{i}" for i in range(10)),
    *(f"COM{c}" for c in "¹²³"),
    *(f"LPT{c}" for c in "¹²³"),
}


def _truncate_utf8(text: str, max_bytes: int) -> str:
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text
    return encoded[:max_bytes].decode("utf-8", errors="ignore")


def safe_stem(title: str, fallback: str = "compte-rendu", ext: str = ".html") -> str:
    """A file name stem (no extension) made from ``title``."""
    text = clean_text(title)
    text = _FORBIDDEN.sub("-", text)
    text = _SPACES.sub("-", text)
    text = _DOTS.sub(".", text)
    text = _DASHES.sub("-", text)
    text = text.strip(" .-")
    budget = MAX_BYTES - SUFFIX_RESERVE - len(ext.encode("utf-8"))
    text = _truncate_utf8(text, budget).rstrip(" .-")
    if not text:
        text = fallback
    if text.split(".")[0].upper() in _RESERVED:
        text = "_" + text
    return text


def candidates(stem: str, ext: str) -> Iterator[str]:
    """``stem.ext``, ``stem-2.ext``, ``stem-3.ext`` ..."""
    yield f"{stem}{ext}"
    n = 2
    while True:
        yield f"{stem}-{n}{ext}"
        n += 1


def free_path(folder: Path, title: str, ext: str) -> Path:
    """The first name for ``title`` not yet taken in ``folder`` (checked, not reserved)."""
    stem = safe_stem(title, ext=ext)
    for name in candidates(stem, ext):
        path = folder / name
        if not path.exists():
            return path
    raise AssertionError("unreachable")  # pragma: no cover


def write_new(folder: Path, title: str, ext: str, data: bytes) -> Path:
    """Write ``data`` to a new file named after ``title`` in ``folder``; never overwrites.

    The data goes to a temporary file, is flushed to disk, then hard-linked to
    the chosen name (which fails if that name appeared meanwhile: the next
    counter is tried), so the export is whole or absent. Exports name people:
    the file is 0600 and ``folder`` (created if needed) 0700.
    """
    private_dir(folder)
    stem = safe_stem(title, ext=ext)
    tmp = folder / f".export.tmp-{os.getpid()}-{secrets.token_hex(3)}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        for name in candidates(stem, ext):
            path = folder / name
            try:
                os.link(tmp, path)
            except FileExistsError:
                continue
            except OSError:  # no hard links here: fall back to an exclusive create
                try:
                    out_fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
                except FileExistsError:
                    continue
                with os.fdopen(out_fd, "wb") as out:
                    out.write(data)
                    out.flush()
                    os.fsync(out.fileno())
            fsync_dir(folder)
            return path
    finally:
        tmp.unlink(missing_ok=True)
    raise AssertionError("unreachable")  # pragma: no cover
