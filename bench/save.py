"""The cost of one durable save, against a raw write + fsync + replace of the same bytes.

A save is what the app does when the scribe confirms an idea: F4's Enter goes
through the app's one change path (``tui.changes.change`` with ``GiveIdea``),
which applies the op, tells the save the slots it changed, records the
step for undo and returns only once the file is on disk. The baseline
writes the very bytes of that file to a temporary file, fsyncs it and
renames it over another file in the same folder: the least
any durable save of that content costs on this disk. Saves and baseline
writes alternate, so both see the same load of the machine.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.fixtures import build_session, idea_text, make_store
from bench.stats import median, percentile, time_ms
from sessions.capture.capture_ops import GiveIdea
from sessions.core import ops as core_ops
from sessions.models import Session
from sessions.storage.session_file import SessionHandle, encode_session
from tui.changes import change


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


def confirm_idea_op(text: str) -> Callable[[Session], int]:
    """F4's op for one idea as a bare function of the session (``handle.apply(op)``).

    The save then checks every element (it is not told what the op touched);
    the figures use ``confirm_idea``, the app's own path.
    """
    now = dt.datetime.now(dt.UTC)

    def op(session: Session) -> int:
        return core_ops.apply(session, GiveIdea(text, now)).result.number

    return op


class ChangeApp:
    """What ``tui.changes.change`` needs of the app: the handle, its session, ``apply``."""

    def __init__(self, handle: SessionHandle) -> None:
        self.handle = handle

    @property
    def session(self) -> Session:
        return self.handle.session

    def apply(self, op: Callable[[Session], Any]) -> Any:
        return self.handle.apply(op)  # a save that fails raises: the bench fails loudly

    def notify(self, message: str, **_: Any) -> None:
        raise RuntimeError(message)  # a refusal: the bench fails loudly


def confirm_idea(handle: SessionHandle, text: str) -> Callable[[], int]:
    """F4's Enter for one idea, as the capture screen applies it (``GiveIdea``, recorded).

    No fallback: if the op's signature changes, the bench fails loudly.
    """
    app = ChangeApp(handle)
    op = GiveIdea(text, dt.datetime.now(dt.UTC))

    def enter() -> int:
        done, idea = change(app, op)
        if not done:
            raise RuntimeError("the idea was not saved")
        return idea.number

    return enter


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
            save_ms.append(time_ms(confirm_idea(handle, idea_text(ideas + i + 1))))
            data = handle.path.read_bytes()
            raw_ms.append(time_ms(lambda data=data: raw_write(raw_tmp, raw_target, data)))
        size = handle.path.stat().st_size
        handle.close()
        return SaveFigures(ideas, size, samples, save_ms, raw_ms)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class FullEncoder:
    """What a save encoded before ``SessionEncoder``: the whole session every time."""

    @staticmethod
    def encode(session: Session, touched: object = None) -> bytes:
        return encode_session(session)


@dataclass
class BeforeAfter:
    """Saves with the whole session encoded (before) and with unchanged ideas reused (after)."""

    ideas: int
    before: SaveFigures
    after: SaveFigures

    @property
    def raw_p50(self) -> float:
        """The raw writes of both (the same bytes, within one idea): one baseline for both."""
        return median(self.before.raw_ms + self.after.raw_ms)

    @property
    def after_over_before(self) -> float:
        """The median of after / before over the pairs (each pair run back to back)."""
        pairs = zip(self.after.save_ms[1:], self.before.save_ms[1:], strict=True)
        return median([a / b for a, b in pairs])

    def row(self) -> str:
        b, a, raw = self.before, self.after, self.raw_p50
        return (
            f"| {self.ideas:,} | {b.p50 / raw:.2f} ({b.p50:.1f} ms) | {a.p50 / raw:.2f} "
            f"({a.p50:.1f} ms) | {raw:.1f} ms | {self.after_over_before:.2f} "
            f"| {b.save_ms[0]:.1f} / {a.save_ms[0]:.1f} ms | {a.file_bytes / 1024:,.0f} KiB |"
        )


def measure_before_after(ideas: int, samples: int, workdir: Path) -> BeforeAfter:
    """Two copies of one session saved in alternation, each save followed by its raw write.

    One handle encodes the whole session on every save (``FullEncoder``), the
    other reuses the unchanged ideas' bytes (the app's ``SessionEncoder``); both
    files are checked to be byte for byte the same content at the end.
    """
    folder = Path(tempfile.mkdtemp(prefix=f"save-ab-{ideas}-", dir=workdir))
    try:
        handles = []
        for name in ("before", "after"):
            session = build_session(ideas)
            store = make_store(folder / name, session)
            handles.append(store.open(session.id))
        handles[0].file.encoder = FullEncoder()  # type: ignore[assignment]
        raw_tmp, raw_target = folder / "raw.tmp", folder / "raw.json"
        figures = [SaveFigures(ideas, 0, samples, [], []) for _ in handles]
        for i in range(samples):
            text = idea_text(ideas + i + 1)
            order = (0, 1) if i % 2 == 0 else (1, 0)
            for k in order:
                handle, fig = handles[k], figures[k]
                fig.save_ms.append(time_ms(confirm_idea(handle, text)))
                data = handle.path.read_bytes()
                fig.raw_ms.append(time_ms(lambda data=data: raw_write(raw_tmp, raw_target, data)))
        for handle, fig in zip(handles, figures, strict=True):
            fig.file_bytes = handle.path.stat().st_size
            assert handle.path.read_bytes() == encode_session(handle.session)
            handle.close()
        return BeforeAfter(ideas, *figures)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:  # pragma: no cover - run by hand: python -m bench.save [samples]
    import sys

    samples = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    print(
        "| ideas | before / raw (p50) | after / raw (p50) | raw | after / before "
        "| first b / a | file |"
    )
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as workdir:
        for ideas in (10, 100, 1000, 5000):
            print(measure_before_after(ideas, samples, Path(workdir)).row(), flush=True)


if __name__ == "__main__":  # pragma: no cover
    main()
