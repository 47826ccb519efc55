"""Quitting with changes the disk does not take: the terminal says where they went.

The disk is full (every write in the sessions folder fails), the user presses
ctrl+q twice: the changes go to a rescue file (in the temporary folder, since
the sessions folder takes nothing), and once the app has given the terminal
back, ``atelier open`` says where that file is and exits non-zero.
``atelier list`` then shows the rescue file under its session.
"""

from __future__ import annotations

import asyncio
import errno
import json
import tempfile
from pathlib import Path

import pytest
from rel_helpers import Faults, add_idea, texts_on_disk

from sessions.storage import atomic
from tui.app import AtelierApp
from tui.cli.main import main


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder, for this test alone."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _quit_twice_with_a_change(faults: Faults, monkeypatch: pytest.MonkeyPatch) -> None:
    """``app.run()`` replaced by keys pressed in a headless run: a change, then ctrl+q twice."""

    def run(app: AtelierApp) -> None:
        async def drive() -> None:
            async with app.run_test(size=(120, 40)) as pilot:
                await pilot.pause()
                faults.on = True  # the disk fills up
                app.apply(add_idea("pas encore sur le disque"))
                await pilot.press("ctrl+q")  # warned when the change is not saved
                await pilot.pause()
                assert app.is_running == app.unsaved
                if app.is_running:
                    await pilot.press("ctrl+q")  # quits anyway
                    await pilot.pause()

        asyncio.run(drive())

    monkeypatch.setattr(AtelierApp, "run", run)


def test_open_says_where_the_rescue_file_is_and_exits_non_zero(
    store, session, elsewhere: Path, monkeypatch, capsys
) -> None:
    path = store.path_for(session.id)
    faults = Faults(errno.ENOSPC, only=store.sessions_dir)
    monkeypatch.setattr(atomic, "FAULT_HOOK", faults)
    _quit_twice_with_a_change(faults, monkeypatch)
    code = main(["--data-dir", str(store.root), "open", session.id])
    err = capsys.readouterr().err
    [rescued] = list(elsewhere.glob(f"{path.name}.rescue-*"))
    assert code == 1
    assert err.strip() == f"atelier: Modifications non enregistrées sauvées à part dans {rescued}"
    kept = json.loads(rescued.read_bytes())["session"]["1"]
    assert [i["text"] for i in kept["ideas"]] == ["pas encore sur le disque"]
    assert texts_on_disk(path) == []  # the session file is whole, as before

    faults.on = False
    assert main(["--data-dir", str(store.root), "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    at = next(i for i, line in enumerate(out) if line.startswith(session.id))
    assert out[at + 1].strip() == (
        f"↳ modifications non enregistrées sauvées à part\u202f: {rescued}"
    )
    assert main(["--data-dir", str(store.root), "list", "--json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert entry["rescues"] == [str(rescued)]


def test_rescue_written_nowhere_says_the_changes_are_lost(
    store, session, elsewhere: Path, monkeypatch, capsys
) -> None:
    faults = Faults(errno.ENOSPC)  # every folder is full, the temporary one too
    monkeypatch.setattr(atomic, "FAULT_HOOK", faults)
    _quit_twice_with_a_change(faults, monkeypatch)
    code = main(["--data-dir", str(store.root), "open", session.id])
    assert code == 1
    assert capsys.readouterr().err.strip() == (
        "atelier: Modifications non enregistrées PERDUES\u202f: "
        "impossible de les écrire nulle part."
    )
    assert not list(elsewhere.iterdir())


def test_quitting_with_everything_saved_says_nothing_and_exits_zero(
    store, session, elsewhere: Path, monkeypatch, capsys
) -> None:
    faults = Faults(errno.ENOSPC, steps=())  # never fails
    monkeypatch.setattr(atomic, "FAULT_HOOK", faults)
    _quit_twice_with_a_change(faults, monkeypatch)
    assert main(["--data-dir", str(store.root), "open", session.id]) == 0
    assert capsys.readouterr().err == ""
    assert texts_on_disk(store.path_for(session.id)) == ["pas encore sur le disque"]


def test_list_shows_a_rescue_file_beside_the_session(store, session, capsys) -> None:
    path = store.path_for(session.id)
    beside = path.with_name(f"{path.name}.rescue-20261122T090000-42")
    beside.write_bytes(path.read_bytes())
    assert main(["--data-dir", str(store.root), "--lang", "en", "list"]) == 0
    out = capsys.readouterr().out
    assert f"↳ unsaved changes kept aside: {beside}" in out
    assert out.count("\n") == 2  # the session and its rescue file: not a session of its own
