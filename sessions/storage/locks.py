"""Advisory file locks that the operating system drops when a process dies.

A lock held by a process killed with ``kill -9`` is released by the kernel,
so a stale lock is simply taken over by the next process. Two locks are used
per session: the *holder* lock, kept by the interactive app for as long as it
has the session open, and the *write* lock, taken for the few milliseconds of
one transaction (by the app and by the command line alike).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

try:  # POSIX
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


class FileLock:
    """An exclusive lock on ``path`` (created 0600 if missing).

    ``keep_open``: the lock file stays open between holds (the write lock,
    taken for every save): a save then only locks and unlocks it, instead of
    opening it and writing the pid in it again - a metadata write the disk's
    journal paid on every idea. The pid is written when the file is opened.
    """

    def __init__(self, path: Path, keep_open: bool = False) -> None:
        self.path = path
        self.keep_open = keep_open
        self._fd: int | None = None
        self._kept: int | None = None  # the file left open between holds

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, timeout: float = 0.0) -> bool:
        """Take the lock, waiting up to ``timeout`` seconds; True when held."""
        if self._fd is not None:
            return True
        deadline = time.monotonic() + timeout
        while True:
            fresh = self._kept is None
            fd = self._open() if fresh else self._kept
            assert fd is not None
            self._kept = None
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    self._let_go(fd, unlock=False)
                    return False
                time.sleep(0.01)
            if fresh or _same_file(fd, self.path):
                break
            # The lock file was removed or replaced while we kept it open (a
            # process found the session unreadable): a lock on the old one
            # excludes no one. Open the file the path names now.
            with contextlib.suppress(OSError):
                _unlock(fd)
            os.close(fd)
        if fresh:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return True

    def _open(self) -> int:
        return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        self._let_go(fd, unlock=True)

    def _let_go(self, fd: int, unlock: bool) -> None:
        if unlock:
            with contextlib.suppress(OSError):
                _unlock(fd)
        if self.keep_open:
            self._kept = fd
        else:
            os.close(fd)

    def close(self) -> None:
        """Release, and close the file kept open between holds."""
        self.release()
        kept, self._kept = self._kept, None
        if kept is not None:
            with contextlib.suppress(OSError):
                os.close(kept)

    def discard(self) -> None:
        """Let go and remove the lock file, when held (after a file that cannot be read).

        Removed while still held, so a process that opened it meanwhile locks a
        file no one else will open again and finds the session as unreadable.
        """
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        self.close()

    @contextlib.contextmanager
    def hold(self, timeout: float) -> Iterator[bool]:
        got = self.acquire(timeout)
        try:
            yield got
        finally:
            if got:
                self.release()

    def __del__(self) -> None:  # pragma: no cover - safety net
        with contextlib.suppress(Exception):
            self.close()


def _same_file(fd: int, path: Path) -> bool:
    """``fd`` is still the file ``path`` names (not removed nor replaced since it was opened)."""
    try:
        opened, named = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (opened.st_dev, opened.st_ino) == (named.st_dev, named.st_ino)
