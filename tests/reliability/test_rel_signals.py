"""Scenario 9: SIGTERM, SIGHUP (terminal closed), SIGINT, ctrl+c and ctrl+q save and exit.

The real app runs in a child process on a pseudo-terminal with one change
held in memory because the disk is "full" (``signal_child.py``). Space then
comes back (or not) and the test sends the signal or the key: the change must
be in the session file (or, when the disk is still full, in a rescue file),
and the process must end promptly. The quit logic is also tested in process
with ``run_test``.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import pty
import select
import signal
import sys
import time
from pathlib import Path

import pytest
from rel_helpers import Faults, add_idea, texts_on_disk

from sessions.storage import atomic
from sessions.storage.errors import SaveError
from tui.app import make_app
from tui.signals import save_and_exit

CHILD = Path(__file__).with_name("signal_child.py")
TIMEOUT = 20.0


def _pump(fd: int, until: float) -> bytes:
    """Read what the app draws until ``until`` (keeps the pty from filling up)."""
    out = b""
    while time.monotonic() < until:
        ready, _, _ = select.select([fd], [], [], max(0.0, until - time.monotonic()))
        if not ready:
            return out
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return out
        if not chunk:
            return out
        out += chunk
    return out


def _start(tmp_path: Path, store, session) -> tuple[int, int, Path, Path]:  # type: ignore[no-untyped-def]
    flag = tmp_path / "disk-full"
    flag.write_text("")
    marker = tmp_path / "marker"
    pid, fd = pty.fork()
    if pid == 0:  # the child: the app on the pty
        os.environ["TERM"] = "xterm-256color"
        os.execv(
            sys.executable,
            [sys.executable, str(CHILD), str(store.root), session.id, str(flag), str(marker)],
        )
    deadline = time.monotonic() + TIMEOUT
    while not marker.exists():
        assert time.monotonic() < deadline, "the app did not start"
        _pump(fd, time.monotonic() + 0.1)
    assert marker.read_text() == "unsaved"
    _pump(fd, time.monotonic() + 1.0)  # let the first screen finish mounting
    return pid, fd, flag, marker


def _wait_exit(pid: int, fd: int) -> int:
    deadline = time.monotonic() + TIMEOUT
    seen = b""
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            seen += _pump(fd, time.monotonic() + 0.2)
            code = os.waitstatus_to_exitcode(status)
            if code not in (0, 128 + signal.SIGTERM, 128 + signal.SIGINT):
                print(seen[-3000:].decode(errors="replace"))
            return code
        seen += _pump(fd, time.monotonic() + 0.1)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    raise AssertionError("the app did not exit in time")


def _rescued(folder: Path) -> list[list[str]]:
    found = []
    for path in folder.glob("*.rescue-*"):
        doc = json.loads(path.read_bytes())["session"]["1"]
        found.append([i["text"] for i in doc["ideas"]])
    return found


@pytest.mark.parametrize(
    ("how", "code"),
    [
        ("SIGTERM", 128 + signal.SIGTERM),
        ("SIGINT", 128 + signal.SIGINT),
        ("ctrl+q", 0),
        ("ctrl+c", 0),
    ],
)
def test_signal_or_key_saves_the_pending_change_then_exits(
    tmp_path: Path, store, session, how: str, code: int
) -> None:
    pid, fd, flag, _ = _start(tmp_path, store, session)
    path = store.path_for(session.id)
    try:
        assert texts_on_disk(path) == []  # held in memory only
        flag.unlink()  # space comes back
        if how.startswith("SIG"):
            os.kill(pid, getattr(signal, how))
        else:
            os.write(fd, b"\x11" if how == "ctrl+q" else b"\x03")
        assert _wait_exit(pid, fd) == code
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)
    assert texts_on_disk(path) == ["pending idea"]
    assert _rescued(path.parent) == []
    assert not store.open(session.id).read_only  # the lock went with the process


def test_terminal_closed_sighup_saves_then_exits(tmp_path: Path, store, session) -> None:
    pid, fd, flag, _ = _start(tmp_path, store, session)
    flag.unlink()
    os.close(fd)  # the terminal window is closed: the kernel sends SIGHUP
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            assert os.waitstatus_to_exitcode(status) == 128 + signal.SIGHUP
            break
        select.select([], [], [], 0.05)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise AssertionError("the app did not exit after its terminal closed")
    assert texts_on_disk(store.path_for(session.id)) == ["pending idea"]


def test_sigterm_with_the_disk_still_full_keeps_a_rescue_file(
    tmp_path: Path, store, session
) -> None:
    pid, fd, _flag, _ = _start(tmp_path, store, session)
    try:
        os.kill(pid, signal.SIGTERM)
        assert _wait_exit(pid, fd) == 128 + signal.SIGTERM
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)
    path = store.path_for(session.id)
    assert texts_on_disk(path) == []  # the file is whole, with the earlier state
    assert _rescued(path.parent) == [["pending idea"]]


async def test_ctrl_q_with_an_unsaved_change_warns_then_keeps_it_aside(
    store, session, clock, monkeypatch
) -> None:
    faults = Faults(errno.ENOSPC, only=store.path_for(session.id))
    monkeypatch.setattr(atomic, "FAULT_HOOK", faults)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        faults.on = True
        app.apply(add_idea("pas encore sur le disque"))
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running  # the first press only warns
        assert any("ctrl+q" in n.message for n in app._notifications)
        await pilot.press("ctrl+q")
        await pilot.pause()
    path = store.path_for(session.id)
    assert _rescued(path.parent) == [["pas encore sur le disque"]]


async def test_signal_handler_in_process_saves_before_exiting(
    store, session, clock, monkeypatch
) -> None:
    faults = Faults(errno.ENOSPC)
    monkeypatch.setattr(atomic, "FAULT_HOOK", faults)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        faults.on = True
        app.apply(add_idea("gardée"))
        faults.on = False
        watchdog = save_and_exit(app, signal.SIGTERM)
        try:
            assert texts_on_disk(store.path_for(session.id)) == ["gardée"]  # before any exit
            assert watchdog.is_alive()  # armed in case the exit hangs on a dead terminal
            await pilot.pause()
        finally:
            watchdog.cancel()  # the exit did not hang; keep the test process alive
    assert app.return_code == 128 + signal.SIGTERM


def test_rescue_falls_back_to_the_temporary_folder(
    store, session, monkeypatch, tmp_path: Path
) -> None:
    import tempfile

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(elsewhere))
    faults = Faults(errno.EROFS, only=store.sessions_dir)  # the whole data folder is read-only
    monkeypatch.setattr(atomic, "FAULT_HOOK", faults)
    handle = store.open(session.id)
    faults.on = True
    with pytest.raises(SaveError):
        handle.apply(add_idea("à garder"))
    rescued = handle.close()
    assert rescued is not None and rescued.parent == elsewhere
    assert _rescued(elsewhere) == [["à garder"]]
    assert texts_on_disk(store.path_for(session.id)) == []
