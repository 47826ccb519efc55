"""Locks: a holder killed with SIGKILL leaves no lock behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from sessions.storage.store import SessionStore

HOLDER = """
import sys
from sessions.storage.store import SessionStore
store = SessionStore(sys.argv[1])
handle = store.open(sys.argv[2])
print("read_only" if handle.read_only else "holding", flush=True)
sys.stdin.read()
"""


def test_a_lock_left_by_a_killed_process_is_taken_over(store: SessionStore, session) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store.root), session.id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "holding"
        while_held = store.open(session.id)
        assert while_held.read_only
        while_held.close()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    after = store.open(session.id)
    assert not after.read_only
    after.close()
