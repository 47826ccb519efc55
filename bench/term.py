"""An app run in a real pseudo-terminal, read as a terminal would read it.

``Term`` starts a command on the slave side of ``os.openpty()`` (TERM set,
a fixed window size), keeps every chunk of bytes the app writes with the
``time.monotonic()`` it arrived at, and answers "when did this text first
appear on the terminal after that instant?" - the text searched in the
bytes with the escape sequences taken out. Keys are written to the master
side as a terminal sends them. Standard library only.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Union

Wanted = Union[str, "re.Pattern[str]"]

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/APC (ESC P/_ ... ST), two-byte escapes
ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    rb"|\x1b[P_^][^\x1b]*\x1b\\"
    rb"|\x1b[@-Z\\-_]"
    rb"|\x1b[()][0-9A-Za-z]"
)
KEYS = {"f1": b"\x1bOP", "f2": b"\x1bOQ", "f3": b"\x1bOR", "f4": b"\x1bOS", "enter": b"\r"}
SIZE = (120, 40)


def plain(data: bytes) -> str:
    """What a terminal shows of ``data``, in order, without its escape sequences."""
    return ESCAPES.sub(b"", data).decode("utf-8", "replace")


def found(wanted: Wanted, shown: str) -> bool:
    if isinstance(wanted, str):
        return wanted in shown
    return wanted.search(shown) is not None


class Term:
    """One process in a pseudo-terminal of ``size`` (columns, rows)."""

    def __init__(
        self,
        argv: Sequence[str],
        env: dict[str, str],
        cwd: Path,
        size: tuple[int, int] = SIZE,
    ) -> None:
        master, slave = os.openpty()
        cols, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = dict(env, TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows))
        env.pop("TEXTUAL", None)
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=cwd,
            start_new_session=True,  # the pty becomes its controlling terminal
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self.chunks: list[tuple[float, bytes]] = []
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                ready, _, _ = select.select([self.master], [], [], 0.5)
                if not ready:
                    if self.proc.poll() is not None:
                        return
                    continue
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            now = time.monotonic()
            with self._lock:
                self.chunks.append((now, data))

    # -- reading ---------------------------------------------------------------

    def mark(self) -> int:
        """The number of chunks read so far: search after it with ``since``."""
        with self._lock:
            return len(self.chunks)

    def text(self, since: int = 0) -> str:
        with self._lock:
            data = b"".join(chunk for _, chunk in self.chunks[since:])
        return plain(data)

    def wait_for(self, texts: Sequence[Wanted], since: int = 0, timeout: float = 30.0) -> float:
        """The arrival time of the chunk after which every one of ``texts`` was written.

        Searched in the bytes from chunk ``since`` on (escape sequences out,
        so a text drawn in several colours is still found). Raises
        ``TimeoutError`` with the screen's last text when it never comes. A
        compiled pattern is searched instead of a plain text.
        """
        deadline = time.monotonic() + timeout
        data = b""
        seen = since
        while True:
            with self._lock:
                fresh = self.chunks[seen:]
            for at, chunk in fresh:
                data += chunk
                seen += 1
                shown = plain(data)
                if all(found(text, shown) for text in texts):
                    return at
            if self.proc.poll() is not None and not fresh:
                raise RuntimeError(f"exited {self.proc.returncode}: {self.text()[-2000:]!r}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"{texts!r} never shown; last: {plain(data)[-1500:]!r}")
            time.sleep(0.002)

    def settle(self, quiet: float = 0.15, longest: float = 3.0) -> None:
        """Wait until the app has written nothing for ``quiet`` s (at most ``longest`` s)."""
        end = time.monotonic() + longest
        while time.monotonic() < end:
            with self._lock:
                last = self.chunks[-1][0] if self.chunks else self.started
            if time.monotonic() - last >= quiet:
                return
            time.sleep(0.01)

    # -- writing ---------------------------------------------------------------

    def send(self, data: bytes | str) -> float:
        """Write keys to the terminal; returns the instant they were written."""
        raw = data.encode() if isinstance(data, str) else data
        at = time.monotonic()
        os.write(self.master, raw)
        return at

    def key(self, name: str) -> float:
        return self.send(KEYS[name])

    # -- the process -------------------------------------------------------------

    def cpu_seconds(self) -> float:
        """CPU time all the process's threads have used so far (ns clock of /proc/.../schedstat)."""
        total = 0
        try:
            for task in Path(f"/proc/{self.proc.pid}/task").iterdir():
                try:
                    total += int((task / "schedstat").read_text().split()[0])
                except (OSError, ValueError, IndexError):
                    continue  # a thread that just ended
        except OSError as exc:
            raise RuntimeError(f"process {self.proc.pid} is gone") from exc
        return total / 1e9

    def close(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
        self._reader.join(timeout=2)
        os.close(self.master)

    def __enter__(self) -> Term:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
