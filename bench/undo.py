"""Undo's cost at 1,000 ideas: memory per recorded step, and what recording adds to an Enter.

- ``undo_kb_per_step_1000``: 200 ideas given one after the other (F4's
  Enter, ``GiveIdea``) on a session of 1,000 ideas and 60 participants, each
  recorded for ctrl+z; the memory the history holds (tracemalloc, the
  session's own growth taken out), divided by the steps, in KB.
- ``undo_kb_per_step_1000_snapshots``: the same with what each step held
  before the keyed steps: a JSON copy of the participants, ideas, capture
  and vote (``snapshot``) - the baseline.
- ``enter_record_ms_1000`` / ``enter_record_ms_1000_snapshots``: one Enter's
  domain work as the screen does it (the op and its undo record), keyed steps
  against a snapshot before and after (the former ``apply_recorded``).
"""

from __future__ import annotations

import datetime as dt
import gc
import tracemalloc
from collections.abc import Callable

from bench.fixtures import build_session
from bench.stats import best_of
from sessions.capture.capture_ops import GiveIdea
from sessions.core.undo import PARTS, UndoHistory, apply_recorded
from sessions.models import Session

IDEAS = 1000
PEOPLE = 60
STEPS = 200
T0 = dt.datetime(2026, 11, 22, 9, 0)


def snapshot_bytes(session: Session) -> bytes:
    """What one undo entry held before keyed steps: the four parts as JSON."""
    return session.__pydantic_serializer__.to_json(session, include=PARTS)


def _op(i: int) -> GiveIdea:
    return GiveIdea(f"idée {i} tapée au tour de table", T0 + dt.timedelta(seconds=i))


def record_keyed(session: Session, history: UndoHistory, i: int) -> None:
    apply_recorded(history, lambda: session, lambda f: f(session), _op(i))


def record_snapshot(session: Session, history: list[bytes], i: int) -> None:
    before = snapshot_bytes(session)
    _op(i).run(session)
    if snapshot_bytes(session) != before:
        history.append(before)


def _traced_kb(run: Callable[[Session], object]) -> float:
    """KB still allocated after ``run`` (and kept by what it returns)."""
    session = build_session(IDEAS, PEOPLE)
    gc.collect()
    tracemalloc.start()
    start = tracemalloc.get_traced_memory()[0]
    kept = run(session)
    gc.collect()
    used = tracemalloc.get_traced_memory()[0] - start
    tracemalloc.stop()
    del kept
    return used / 1024


def undo_memory(steps: int = STEPS) -> dict[str, float]:
    def bare(session: Session) -> None:
        for i in range(steps):
            _op(i).run(session)

    def keyed(session: Session) -> UndoHistory:
        history = UndoHistory()
        for i in range(steps):
            record_keyed(session, history, i)
        assert len(history.undo_stack) == steps, "a step was not recorded"
        return history

    def snapshots(session: Session) -> list[bytes]:
        history: list[bytes] = []
        for i in range(steps):
            record_snapshot(session, history, i)
        return history

    growth = _traced_kb(bare)  # the session's own 200 new ideas and turns
    return {
        "undo_kb_per_step_1000": (_traced_kb(keyed) - growth) / steps,
        "undo_kb_per_step_1000_snapshots": (_traced_kb(snapshots) - growth) / steps,
    }


def enter_record_ms(repeat: int = 25) -> dict[str, float]:
    keyed_session, snap_session = build_session(IDEAS, PEOPLE), build_session(IDEAS, PEOPLE)
    history = UndoHistory()
    snaps: list[bytes] = []
    counter = iter(range(10**6))
    return {
        "enter_record_ms_1000": best_of(
            lambda: record_keyed(keyed_session, history, next(counter)), repeat
        ),
        "enter_record_ms_1000_snapshots": best_of(
            lambda: record_snapshot(snap_session, snaps, next(counter)), repeat
        ),
    }


def measure_undo() -> dict[str, float]:
    return {**undo_memory(), **enter_record_ms()}


if __name__ == "__main__":
    for key, value in measure_undo().items():
        print(f"{key}: {value:.3f}")
