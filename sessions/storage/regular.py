"""Reading a file that may not be one: a folder, a named pipe or a device named ``x.json``.

``read_regular`` never waits on what it opens (a FIFO opened for reading
would block until a writer comes) and refuses anything but a regular file
with ``NotRegularFile``, which says what it is. Standard library only:
``atelier status`` reads through it without pydantic.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

KINDS = {
    stat.S_IFDIR: "folder",
    stat.S_IFIFO: "fifo",
    stat.S_IFCHR: "device",
    stat.S_IFBLK: "device",
    stat.S_IFSOCK: "socket",
    stat.S_IFLNK: "other",
}


class NotRegularFile(OSError):
    """``path`` is not a regular file; ``kind`` says what it is (``folder``, ``fifo``...)."""

    def __init__(self, path: Path, mode: int) -> None:
        self.kind = KINDS.get(stat.S_IFMT(mode), "other")
        super().__init__(errno.EINVAL, f"not a regular file ({self.kind})", str(path))


def check_regular(path: Path) -> os.stat_result:
    """``path``'s stat, or ``NotRegularFile``; FileNotFoundError when it is missing."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFile(path, st.st_mode)
    return st


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit + 1`` of them (more: too large)."""
    check_regular(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)  # what was opened, not what was looked at (it may have changed)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(path, st.st_mode)
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
