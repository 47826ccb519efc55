"""The cost of one durable save, against a raw write + fsync + replace of the same bytes.

A save is what the app does when the scribe confirms an idea: ``handle.apply(op)``
with an op that appends the idea, which returns only once the file is on
disk. The baseline writes the very bytes of that file to a temporary file,
fsyncs it and renames it over another file in the same folder: the least
any durable save of that content costs on this disk. Saves and baseline
writes alternate, so both see the same load of the machine.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench.fixtures import build_session, idea_text, make_store
from bench.stats import median, percentile, time_ms
from sessions.capture.capture_ops import GiveIdea
from sessions.core import ops as core_ops
from sessions.models import Session


@dataclass
class SaveFigures:
    ideas: int
    file_bytes: int
    samples: int
    save_ms: list[float]
    raw_ms: list[float]

    @property
    def p50(self) -> float:
        return median(self.save_ms)

    @property
    def p99(self) -> float:
        return percentile(self.save_ms, 99)

    @property
    def raw_p50(self) -> float:
        return median(self.raw_ms)


def confirm_idea_op(text: str):  # -> Callable[[Session], int]
    """The op the capture screen applies for one confirmed idea: F4's Enter (``GiveIdea``).

    Applied and recorded for undo as the screen does (``sessions.core.ops.apply``).
    No fallback: if the op's signature changes, the bench fails loudly.
    """
    now = dt.datetime.now(dt.UTC)

    def op(session: Session) -> int:
        applied = core_ops.apply(session, GiveIdea(text, now))
        return applied.result.number

    return op


def raw_write(path: Path, target: Path, data: bytes) -> None:
    """The baseline: write, fsync, replace; nothing else."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(path, target)


def measure_saves(ideas: int, samples: int, workdir: Path) -> SaveFigures:
    """``samples`` confirmed ideas saved into a session that starts with ``ideas`` ideas."""
    folder = Path(tempfile.mkdtemp(prefix=f"save-{ideas}-", dir=workdir))
    try:
        session = build_session(ideas)
        store = make_store(folder, session)
        handle = store.open(session.id)
        raw_tmp, raw_target = folder / "raw.tmp", folder / "raw.json"
        save_ms: list[float] = []
        raw_ms: list[float] = []
        for i in range(samples):
            op = confirm_idea_op(idea_text(ideas + i + 1))
            save_ms.append(time_ms(lambda op=op: handle.apply(op)))
            data = handle.path.read_bytes()
            raw_ms.append(time_ms(lambda data=data: raw_write(raw_tmp, raw_target, data)))
        size = handle.path.stat().st_size
        handle.close()
        return SaveFigures(ideas, size, samples, save_ms, raw_ms)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
