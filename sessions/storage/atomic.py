"""Atomic, durable file writes: temporary file, flush, fsync, replace, fsync folder.

``FAULT_HOOK`` lets tests inject a failure at each step of a save; in
production it is ``None``. The steps are named in ``STEPS``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Callable
from pathlib import Path

STEPS = ("before_write", "mid_write", "after_fsync", "after_replace", "before_dir_fsync")
TMP_MARK = ".tmp-"
READ_ONLY_ERRNOS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})

FAULT_HOOK: Callable[[str, Path], None] | None = None


def _fault(step: str, path: Path) -> None:
    if FAULT_HOOK is not None:
        FAULT_HOOK(step, path)


def temp_name(path: Path) -> Path:
    """A temporary sibling of ``path``: hidden, with our pid so stale ones can be found."""
    return path.with_name(f".{path.name}{TMP_MARK}{os.getpid()}-{secrets.token_hex(3)}")


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes, backup: Path | None = None, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file whole.

    With ``backup``, the previous version of ``path`` is kept there (as a hard
    link where the file system allows it, else a copy).
    """
    tmp = temp_name(path)
    _fault("before_write", path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        try:
            half = len(data) // 2
            view = memoryview(data)  # halves without copying a few megabytes
            _write_all(fd, view[:half])
            _fault("mid_write", path)
            _write_all(fd, view[half:])
            os.fsync(fd)
        finally:
            os.close(fd)
        _fault("after_fsync", path)
        if backup is not None and path.exists():
            _keep_backup(path, backup)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    try:
        _fault("after_replace", path)
        _fault("before_dir_fsync", path)
        fsync_dir(path.parent)
    except BaseException as exc:
        # The new content is in place; only its durability is in doubt.
        exc.replaced = True  # type: ignore[attr-defined]
        raise


def _write_all(fd: int, data: bytes | memoryview) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _keep_backup(path: Path, backup: Path) -> None:
    link = temp_name(backup)
    try:
        os.link(path, link)
    except OSError:
        # No hard links here: fall back to a copy (slower, still atomic).
        atomic_write(backup, path.read_bytes())
        return
    os.replace(link, backup)


def clean_stale_temporaries(folder: Path) -> list[Path]:
    """Remove temporary files left by processes that are no longer running."""
    removed = []
    for tmp in folder.glob(f".*{TMP_MARK}*"):
        pid_part = tmp.name.rsplit(TMP_MARK, 1)[-1].split("-", 1)[0]
        is_pid = pid_part.isascii() and pid_part.isdecimal()  # not isdigit(): "²" is a digit
        if is_pid and _alive(int(pid_part)) and int(pid_part) != os.getpid():
            continue
        if is_pid and int(pid_part) == os.getpid():
            continue
        with contextlib.suppress(OSError):
            tmp.unlink()
            removed.append(tmp)
    return removed


def probe_writable(folder: Path) -> OSError | None:
    """None when a file can be created in ``folder``; else the read-only error that stopped it.

    Goes through the ``before_write`` fault step, so tests running as root
    (where permissions do not stop writes) can simulate a read-only folder.
    """
    probe = temp_name(folder / "probe")
    try:
        _fault("before_write", probe)
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(probe)
        # A full disk is not a read-only folder: saves will fail, show the
        # not-saved banner and be retried until space comes back.
        return exc if exc.errno in READ_ONLY_ERRNOS else None
    return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True
