"""Scenario 4: a read-only data folder or file, at start and in the middle of a session.

The tests run as root, where ``chmod`` does not stop a write, so a read-only
folder is simulated by the save's ``FAULT_HOOK`` raising EROFS or EACCES (the
errors the kernel gives for a read-only mount and a folder without write
permission); where a tmpfs can be mounted, a real file system is also
remounted read-only before the app starts. One test also uses real
permissions when not running as root.
"""

from __future__ import annotations

import errno
import os

import pytest
from conftest import build_session
from rel_helpers import Faults, add_idea, remount, texts_on_disk, tmpfs

from sessions.storage import atomic
from sessions.storage.store import SessionStore
from tui.app import make_app
from tui.widgets.save_banner import SaveBanner


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
async def test_read_only_folder_at_start_is_said_before_the_session_starts(
    store, session, clock, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    path = store.path_for(session.id)
    before = path.read_bytes()
    faults = Faults(code)
    faults.on = True
    monkeypatch.setattr(atomic, "FAULT_HOOK", faults)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # Told at once, on opening, naming the folder and the reason.
        assert app.read_only
        messages = [n.message for n in app._notifications]
        assert any(str(path.parent) in m and os.strerror(code) in m for m in messages), messages
        assert app.screen.query_one(SaveBanner).has_class("-read-only")
        # A change is refused with the same reason, and nothing is pretended saved.
        assert app.apply(add_idea("refusée")) is None
        assert app.session.ideas == []
        assert path.read_bytes() == before


async def test_folder_turning_read_only_mid_session_is_shown_at_once(
    store, session, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = store.path_for(session.id)
    faults = Faults(errno.EROFS)
    monkeypatch.setattr(atomic, "FAULT_HOOK", faults)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.apply(add_idea("avant"))
        faults.on = True  # e.g. the USB stick was remounted read-only
        app.apply(add_idea("pendant"))
        # No waiting for a timer: the failing save itself raises the banner.
        assert app.unsaved
        await pilot.pause()
        assert app.screen.query_one(SaveBanner).has_class("-visible")
        assert "Read-only file system" in app.save_error
        assert any("NON ENREGISTRÉ" in n.message for n in app._notifications)
        assert texts_on_disk(path) == ["avant"]
        faults.on = False
        app.retry_save()
        assert texts_on_disk(path) == ["avant", "pendant"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_real_read_only_folder_opens_read_only(store, session) -> None:  # pragma: no cover
    os.chmod(store.sessions_dir, 0o500)
    try:
        handle = store.open(session.id)
        assert handle.read_only and str(store.sessions_dir) in handle.read_only_reason
        handle.close()
    finally:
        os.chmod(store.sessions_dir, 0o700)


def test_read_only_file_system_for_the_lock_file_is_read_only_not_a_crash(
    store, session, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sessions.storage import locks

    real_open = os.open

    def no_create(path, flags, *args):  # type: ignore[no-untyped-def]
        if str(path).endswith(".holder"):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(locks.os, "open", no_create)
    handle = store.open(session.id)
    assert handle.read_only
    assert os.strerror(errno.EROFS) in handle.read_only_reason
    handle.close()


async def test_real_read_only_mount_at_start(tmp_path, clock) -> None:
    # Linux refuses to remount read-only while a file is open for writing (the
    # app holds its lock file), so the mid-session case stays simulated above.
    with tmpfs(tmp_path / "usb", "4m") as mount:
        store = SessionStore(mount / "data", clock)
        session = build_session(title="Clé USB")
        store.create(session)
        path = store.path_for(session.id)
        remount(mount, "ro")  # the stick was write-protected before the workshop
        app = make_app(store, clock, session_ref=session.id)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert app.read_only
            messages = [n.message for n in app._notifications]
            assert any(os.strerror(errno.EROFS) in m for m in messages), messages
            assert app.screen.query_one(SaveBanner).has_class("-read-only")
            assert app.apply(add_idea("refusée")) is None
        assert texts_on_disk(path) == []
        remount(mount, "rw")
        app = make_app(store, clock, session_ref=session.id)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert not app.read_only
            app.apply(add_idea("après"))
        assert texts_on_disk(path) == ["après"]
