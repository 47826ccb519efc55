"""Helpers shared by the reliability tests: fault hooks, ops, reading the raw file."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from sessions.models import Idea, Session
from sessions.storage import atomic

AT = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def add_idea(text: str):  # type: ignore[no-untyped-def]
    """An op adding an idea with the next stable number."""

    def op(session: Session) -> int:
        number = session.next_idea_number()
        session.ideas.append(Idea(number=number, text=text, created_at=AT))
        return number

    return op


def texts_on_disk(path: Path) -> list[str]:
    """The idea texts in the raw file (parsed with json, not through our code)."""
    doc = json.loads(path.read_bytes())
    return [idea["text"] for idea in doc["session"]["1"]["ideas"]]


class Faults:
    """A FAULT_HOOK that raises ``OSError(code)`` at ``steps`` while switched on."""

    def __init__(
        self,
        code: int = errno.ENOSPC,
        steps: tuple[str, ...] = atomic.STEPS,
        only: Path | None = None,
    ) -> None:
        self.code = code
        self.steps = steps
        self.only = only  # fail only writes to this file or inside this folder
        self.on = False
        self.hits: list[str] = []

    def __call__(self, step: str, path: Path) -> None:
        if self.only is not None and self.only != path and self.only not in path.parents:
            return
        if self.on and step in self.steps:
            self.hits.append(step)
            raise OSError(self.code, os.strerror(self.code), str(path))


def temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if atomic.TMP_MARK in p.name]


@contextmanager
def tmpfs(mount: Path, size: str) -> Iterator[Path]:
    """A real tmpfs of ``size`` mounted on ``mount`` (the test is skipped where it cannot be)."""
    mount.mkdir(exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def remount(mount: Path, mode: str) -> None:
    """Remount ``mount`` read-only (``"ro"``) or writable again (``"rw"``)."""
    subprocess.run(["mount", "-o", f"remount,{mode}", str(mount)], check=True)
