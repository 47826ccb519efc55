"""Scenarios 1 and 3: a save failing at each step, and a full disk.

The app must show the not-saved banner, keep the change in memory, never
show as saved what is not, keep every earlier change on disk, and resume
saving when space comes back. ENOSPC is injected three ways: through the
save's ``FAULT_HOOK``, through ``os.write`` itself, and for real on a tiny
tmpfs when this machine lets the test mount one (root in a container that
allows it; skipped otherwise).
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

import pytest
from conftest import build_session
from rel_helpers import Faults, add_idea, temporaries, texts_on_disk, tmpfs

from sessions.core.clock import FakeClock
from sessions.storage import atomic
from sessions.storage.errors import SaveError
from sessions.storage.store import SessionStore
from tui.app import make_app
from tui.widgets.save_banner import SaveBanner


def _banner(app) -> SaveBanner:  # type: ignore[no-untyped-def]
    return app.screen.query_one(SaveBanner)


@pytest.mark.parametrize("step", atomic.STEPS)
async def test_app_save_failing_at_each_step_keeps_old_or_new_whole(
    store, session, clock, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    path = store.path_for(session.id)
    faults = Faults(errno.ENOSPC, steps=(step,))
    monkeypatch.setattr(atomic, "FAULT_HOOK", faults)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.apply(add_idea("avant")) == 1
        faults.on = True
        app.apply(add_idea("pendant"))
        await pilot.pause()
        assert set(faults.hits) == {step}  # (the 2 s retry timer may have run too)
        on_disk = texts_on_disk(path)
        assert on_disk in (["avant"], ["avant", "pendant"])  # old or new, whole
        assert app.unsaved and _banner(app).has_class("-visible")
        assert [i.text for i in app.session.ideas] == ["avant", "pendant"]  # kept in memory
        assert temporaries(path.parent) == []
        faults.on = False
        app.retry_save()
        await pilot.pause()
        assert not app.unsaved and not _banner(app).has_class("-visible")
        assert texts_on_disk(path) == ["avant", "pendant"]  # exactly once


async def test_disk_full_banner_memory_retry_and_resume(
    store, session, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = store.path_for(session.id)
    faults = Faults(errno.ENOSPC, steps=("mid_write",))
    monkeypatch.setattr(atomic, "FAULT_HOOK", faults)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.apply(add_idea("un"))
        app.apply(add_idea("deux"))
        faults.on = True
        for text in ("trois", "quatre", "cinq"):
            app.apply(add_idea(text))
            await pilot.pause()
            # Nothing shown as saved that is not: the banner stays while the disk is full.
            assert app.unsaved and _banner(app).has_class("-visible")
            assert "NON ENREGISTRÉ" in str(_banner(app).render())
            assert texts_on_disk(path) == ["un", "deux"]  # every earlier change still there
        assert any("NON ENREGISTRÉ" in n.message for n in app._notifications)
        for _ in range(3):  # the periodic retry, driven by hand
            app.retry_save()
            assert app.unsaved
        assert texts_on_disk(path) == ["un", "deux"]
        faults.on = False  # space comes back
        app.retry_save()
        await pilot.pause()
        assert not app.unsaved and not _banner(app).has_class("-visible")
        assert texts_on_disk(path) == ["un", "deux", "trois", "quatre", "cinq"]
        assert temporaries(path.parent) == []


def test_enospc_from_os_write_keeps_file_and_change(store, session, monkeypatch) -> None:
    path = store.path_for(session.id)
    handle = store.open(session.id)
    handle.apply(add_idea("un"))
    before = path.read_bytes()
    real_write = os.write
    calls = {"n": 0}

    def full_write(fd: int, data) -> int:  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] > 1:  # the first chunk fits, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full_write)
    with pytest.raises(SaveError) as caught:
        handle.apply(add_idea("deux"))
    monkeypatch.setattr(os, "write", real_write)
    assert caught.value.cause.errno == errno.ENOSPC
    assert path.read_bytes() == before
    assert handle.unsaved and [i.text for i in handle.session.ideas] == ["un", "deux"]
    assert temporaries(path.parent) == []
    handle.flush()
    assert texts_on_disk(path) == ["un", "deux"]
    handle.close()


@pytest.fixture
def tiny_tmpfs(tmp_path: Path):  # type: ignore[no-untyped-def]
    with tmpfs(tmp_path / "tiny", "256k") as mount:
        yield mount


def _fill(folder: Path) -> Path:
    """Fill the file system up with one file; returns it."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        with contextlib.suppress(OSError):
            while True:
                os.write(fd, b"\0" * 4096)
    finally:
        os.close(fd)
    return filler


async def test_real_full_tmpfs(tiny_tmpfs: Path) -> None:
    clock = FakeClock()
    store = SessionStore(tiny_tmpfs / "data", clock)
    session = build_session(title="Disque plein")
    store.create(session)
    path = store.path_for(session.id)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.apply(add_idea("avant"))
        filler = _fill(tiny_tmpfs)
        long_text = "x" * 400
        for n in range(40):  # enough to need new blocks
            app.apply(add_idea(f"{n} {long_text}"))
            if app.unsaved:
                break
        await pilot.pause()
        assert app.unsaved and _banner(app).has_class("-visible")
        assert "No space" in app.save_error or "espace" in app.save_error
        saved = texts_on_disk(path)  # the file on disk is whole and holds "avant"
        assert saved[0] == "avant"
        in_memory = [i.text for i in app.session.ideas]
        assert len(in_memory) == len(saved) + 1
        filler.unlink()
        app.retry_save()
        await pilot.pause()
        assert not app.unsaved
        assert texts_on_disk(path) == in_memory
        assert temporaries(path.parent) == []
