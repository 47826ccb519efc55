"""Scenarios 6 and 7: a second app, the command line, and the file changed under us.

A second app opens read-only and says so; a lock left by a process killed
with SIGKILL is taken over; a command-line transaction made while the app is
open is applied once and shown by the app; a file edited, replaced or
deleted by another process is noticed before the next write, never
overwritten blindly, and rewritten from memory when deleted.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from rel_helpers import add_idea, texts_on_disk

from sessions.storage.safe_storage import backup_path
from tui.app import make_app
from tui.widgets.save_banner import SaveBanner


async def test_second_app_opens_read_only_with_a_message(store, session, clock) -> None:
    first = store.open(session.id)  # the first app holds the session
    path = store.path_for(session.id)
    before = path.read_bytes()
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.read_only
        assert any("lecture seule" in n.message for n in app._notifications)
        assert app.screen.query_one(SaveBanner).has_class("-read-only")
        assert app.apply(add_idea("refusée")) is None
        await pilot.pause()
    assert path.read_bytes() == before
    first.close()


def test_stale_lock_of_a_killed_holder_is_taken_over(store, session) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        from sessions.storage.store import SessionStore
        handle = SessionStore({str(store.root)!r}).open({session.id!r})
        assert not handle.read_only
        print("holding", flush=True)
        sys.stdin.read()
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline() == "holding\n"
        held = store.open(session.id)
        assert held.read_only  # while the holder lives
        held.close()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    # The lock file is still there, with the dead pid in it; it is taken over.
    lock = store.sessions_dir / f".{session.id}.json.holder"
    assert lock.exists() and lock.read_text().strip() == str(proc.pid)
    handle = store.open(session.id)
    assert not handle.read_only
    handle.apply(add_idea("après le kill"))
    handle.close()
    assert texts_on_disk(store.path_for(session.id)) == ["après le kill"]


async def test_cli_transaction_during_an_open_app_is_applied_once_and_shown(
    store, session, clock
) -> None:
    path = store.path_for(session.id)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.apply(add_idea("de l'app"))
        seen = app.revision
        store.transact(session.id, add_idea("de la ligne de commande"))
        app.poll_file()  # what the 0.5 s timer does
        await pilot.pause()
        assert app.revision > seen
        assert [i.text for i in app.session.ideas] == ["de l'app", "de la ligne de commande"]
        app.poll_file()  # polling again changes nothing
        app.apply(add_idea("encore de l'app"))
        assert texts_on_disk(path) == ["de l'app", "de la ligne de commande", "encore de l'app"]


async def test_cli_transaction_while_the_app_holds_an_unsaved_change(
    store, session, clock, monkeypatch
) -> None:
    from rel_helpers import Faults

    from sessions.storage import atomic

    path = store.path_for(session.id)
    faults = Faults(steps=("before_write",))
    monkeypatch.setattr(atomic, "FAULT_HOOK", faults)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        faults.on = True
        app.apply(add_idea("en attente"))
        assert app.unsaved
        faults.on = False
        store.transact(session.id, add_idea("CLI"))
        app.poll_file()
        await pilot.pause()
        assert not app.unsaved
        assert texts_on_disk(path) == ["CLI", "en attente"]  # both, each once
        assert [i.number for i in app.session.ideas] == [1, 2]


def _edit_raw(path: Path, title: str) -> None:
    """Another program rewrites the file in place (same inode), as an editor might."""
    doc = json.loads(path.read_bytes())
    doc["session"]["1"]["title"] = title
    with open(path, "r+b") as f:
        f.truncate(0)
        f.write(json.dumps(doc).encode())


def _replace_raw(path: Path, title: str) -> None:
    """Another program writes a new file and renames it over ours."""
    doc = json.loads(path.read_bytes())
    doc["session"]["1"]["title"] = title
    tmp = path.with_name("other-program.tmp")
    tmp.write_bytes(json.dumps(doc).encode())
    os.replace(tmp, path)


@pytest.mark.parametrize("change", [_edit_raw, _replace_raw], ids=["edited", "replaced"])
def test_change_under_us_is_detected_before_the_next_write(store, session, change) -> None:
    path = store.path_for(session.id)
    handle = store.open(session.id)
    handle.apply(add_idea("un"))
    change(path, "Titre changé ailleurs")
    handle.apply(add_idea("deux"))  # must not overwrite the other program's title
    doc = json.loads(path.read_bytes())["session"]["1"]
    assert doc["title"] == "Titre changé ailleurs"
    assert [i["text"] for i in doc["ideas"]] == ["un", "deux"]
    assert handle.session.title == "Titre changé ailleurs"
    handle.close()


def test_same_size_edit_within_the_same_timestamp_is_still_seen(store, session) -> None:
    path = store.path_for(session.id)
    handle = store.open(session.id)
    handle.apply(add_idea("un"))
    st = os.stat(path)
    raw = path.read_bytes()
    other = raw.replace(b"Atelier A", b"Atelier B")
    assert len(other) == len(raw)
    with open(path, "r+b") as f:
        f.write(other)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # a clock too coarse to tell
    assert handle.file.storage.changed_on_disk(deep=True)
    handle.close()


def test_file_made_corrupt_under_us_is_not_overwritten(store, session) -> None:
    path = store.path_for(session.id)
    handle = store.open(session.id)
    handle.apply(add_idea("un"))
    path.write_bytes(b"{ half written by someone else")
    with pytest.raises(Exception) as caught:
        handle.apply(add_idea("deux"))
    assert type(caught.value).__name__ == "CorruptSessionError"
    assert path.read_bytes() == b"{ half written by someone else"
    assert handle.unsaved and [i.text for i in handle.session.ideas] == ["un", "deux"]
    rescued = handle.close()  # the change is kept aside, not lost
    assert rescued is not None
    kept = json.loads(rescued.read_bytes())["session"]["1"]
    assert [i["text"] for i in kept["ideas"]] == ["un", "deux"]
    assert path.read_bytes() == b"{ half written by someone else"


async def test_deleted_file_is_rewritten_from_memory(store, session, clock) -> None:
    path = store.path_for(session.id)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.apply(add_idea("un"))
        path.unlink()
        backup_path(path).unlink()
        app.poll_file()
        await pilot.pause()
        assert texts_on_disk(path) == ["un"]
        app.apply(add_idea("deux"))
        assert texts_on_disk(path) == ["un", "deux"]
