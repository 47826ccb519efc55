"""Scenario 2: kill -9 at random moments while a process records changes.

A child process (``soak_child.py``) records planned changes through
``SessionHandle.apply`` and prints an acknowledgement after each save returns.
The parent kills it with SIGKILL at random moments - and, once per save step,
makes it kill itself exactly at that step - then restarts it from the first
change not acknowledged. After every kill the file must parse and hold every
acknowledged change (and at most the one in flight), each exactly once.

The full soak (1,000 changes, >= 200 kills) is marked ``soak``; a shorter run
of the same loop is in the default suite.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import build_session
from soak_child import expected, observed, plan

from sessions.storage import atomic
from sessions.storage.store import SessionStore

CHILD = Path(__file__).with_name("soak_child.py")
LINE_TIMEOUT = 30.0  # seconds a child may stay silent before the test fails


def _read_line(proc: subprocess.Popen[str], deadline: float) -> str:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], max(0.0, deadline - time.monotonic()))
    assert ready, "the child stopped answering"
    return proc.stdout.readline()


def _run_soak(tmp_path: Path, total: int, kills: int, seed: int) -> dict[str, int]:
    store = SessionStore(tmp_path / "data")
    session = build_session(title="Soak")
    store.create(session)
    steps = plan(seed, total)
    rng = random.Random(seed)
    # Every save step gets a real crash at least once, spread over the run.
    runs = rng.sample(range(1, 2 * len(atomic.STEPS) + 2), len(atomic.STEPS))
    crash_plan = dict(zip(runs, atomic.STEPS, strict=True))
    crashed_at: set[str] = set()
    acked = 0
    stats = {"kills": 0, "in_flight_saved": 0, "restarts": 0}
    while acked < total:
        env = dict(os.environ)
        run = stats["restarts"]
        if run in crash_plan:
            env["SOAK_CRASH"] = f"{crash_plan[run]}:{rng.randint(1, 4)}"
        cmd = [sys.executable, str(CHILD), str(store.root), session.id, str(seed), str(total)]
        proc = subprocess.Popen(
            [*cmd, str(acked)], stdout=subprocess.PIPE, text=True, env=env, bufsize=1
        )
        stats["restarts"] += 1
        killing = stats["kills"] < kills and "SOAK_CRASH" not in env
        # Spread the kills over the run: about (changes left / kills left) apart.
        gap = 2 * (total - acked) // (kills - stats["kills"] + 1) if killing else 0
        kill_after = rng.randint(0, max(1, gap)) if killing else None
        seen = 0
        deadline = time.monotonic() + LINE_TIMEOUT
        while True:
            if kill_after is not None and seen >= kill_after:
                # A random moment: now, or a few milliseconds into the next save.
                select.select([], [], [], rng.random() * 0.004)
                proc.send_signal(signal.SIGKILL)
                break
            line = _read_line(proc, deadline)
            if not line or line == "DONE\n":
                break
            assert line.startswith("ACK "), line
            assert int(line.split()[1]) == acked, "acknowledged out of order"
            acked += 1
            seen += 1
        proc.wait(timeout=LINE_TIMEOUT)
        assert proc.stdout is not None
        # Lines already printed before the kill are acknowledgements too.
        for line in proc.stdout.read().splitlines():
            if line.startswith("ACK "):
                assert int(line.split()[1]) == acked
                acked += 1
        proc.stdout.close()
        if proc.returncode == -signal.SIGKILL:
            stats["kills"] += 1
            if "SOAK_CRASH" in env:
                crashed_at.add(env["SOAK_CRASH"].split(":")[0])
        else:
            assert proc.returncode == 0, f"child failed with {proc.returncode}"
        on_disk = observed(store.load(session.id))  # always parses
        if on_disk == expected(steps[:acked]):
            continue
        # The change in flight may have reached the disk before its acknowledgement.
        assert on_disk == expected(steps[: acked + 1]), f"after {acked} acknowledged changes"
        stats["in_flight_saved"] += 1
    assert crashed_at == set(atomic.STEPS), "a save step was never crashed"
    final = observed(store.load(session.id))
    assert final == expected(steps)
    assert len(final.texts) == sum(1 for s in steps if s[0] == "add")  # nothing twice
    store.ensure()
    leftovers = [p.name for p in store.sessions_dir.iterdir() if atomic.TMP_MARK in p.name]
    assert leftovers == []
    return stats


def test_kill9_short_run_loses_no_acknowledged_change(tmp_path: Path) -> None:
    stats = _run_soak(tmp_path, total=70, kills=15, seed=7)
    assert stats["kills"] >= 15


@pytest.mark.soak
def test_kill9_soak_1000_changes_200_kills(tmp_path: Path) -> None:
    seed = int(os.environ.get("SOAK_SEED", "2026"))
    stats = _run_soak(tmp_path, total=1000, kills=200, seed=seed)
    assert stats["kills"] >= 200
