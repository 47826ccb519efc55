"""A file written by a newer atelier is "newer", never "damaged", and never touched.

An older atelier meets it at the restitution, where laptops with different
installs share files: it must say "update atelier", offer no restore (which
would set the newer file aside), and change nothing - bytes, modification
time, backup, rescue file. Shown through the store, every command line that
reads a session (``main([...])``), ``atelier status``'s light path and the app.
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from textual.widgets import Button

from sessions.models import session as schema
from sessions.storage import peek as peek_module
from sessions.storage.errors import CorruptSessionError, NewerSessionError
from sessions.storage.safe_storage import backup_path
from sessions.storage.store import SessionStore
from tests.conftest import build_session
from tests.waits import settled, until
from tui.cli.context import EXIT_CORRUPT, EXIT_NEWER
from tui.cli.main import main


def _newer(store: SessionStore, title: str = "Du futur") -> Path:
    """A session as the next atelier would write it: one version up, with a key we lack."""
    session = build_session(title=title)
    store.create(session)
    path = store.path_for(session.id)
    with store.open(session.id) as handle:  # a second save: a backup exists beside it
        handle.apply(lambda s: setattr(s, "next_steps", "ensuite"))
    tables = json.loads(path.read_bytes())
    doc = tables["session"]["1"]
    doc["schema_version"] = schema.SCHEMA_VERSION + 1
    doc["constellations"] = [{"name": "Orion"}]  # unknown here: extra="forbid" would refuse it
    doc["grid"]["shape"] = "hexagonal"
    path.write_bytes(json.dumps(tables, ensure_ascii=False).encode())
    os.utime(path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    return path


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of the folder but the lock files: its bytes and modification time."""
    return {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
        if not p.name.endswith((".lock", ".holder"))
    }


def _cli(store: SessionStore, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["--data-dir", str(store.root), *argv])
    return code, out.getvalue(), err.getvalue()


def test_the_store_says_newer_before_validating_and_offers_no_backup(store):
    path = _newer(store)
    assert backup_path(path).exists()
    with pytest.raises(NewerSessionError) as caught:
        store.load(path.stem)
    error = caught.value
    assert isinstance(error, CorruptSessionError)  # unreadable here, for every caller
    assert error.backup is None  # never a restore for a file that is not damaged
    assert (error.version, error.ours) == (schema.SCHEMA_VERSION + 1, schema.SCHEMA_VERSION)
    message = str(error)
    assert str(path) in message and "mettez à jour atelier" in message  # French by default
    assert f"{schema.SCHEMA_VERSION + 1}" in message and f"{schema.SCHEMA_VERSION})" in message


def test_a_damaged_file_of_this_version_is_still_damaged(store):
    path = _newer(store)
    tables = json.loads(path.read_bytes())
    tables["session"]["1"]["schema_version"] = schema.SCHEMA_VERSION  # same keys, our version
    path.write_bytes(json.dumps(tables).encode())
    with pytest.raises(CorruptSessionError) as caught:
        store.load(path.stem)
    assert not isinstance(caught.value, NewerSessionError)
    assert caught.value.backup == backup_path(path)


def test_an_older_atelier_calls_todays_file_newer(store, monkeypatch):
    """The same check seen from the other side: this atelier's file, read by the previous one."""
    session = build_session()
    store.create(session)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION - 1)
    with pytest.raises(NewerSessionError):
        store.load(session.id)
    code, _, err = _cli(store, "--lang", "en", "export", session.id)
    assert code == EXIT_NEWER and "newer atelier" in err


def test_nothing_the_store_does_changes_it(store):
    path = _newer(store)
    before = _snapshot(store.sessions_dir)
    for attempt in (
        lambda: store.load(path.stem),
        lambda: store.open(path.stem),
        lambda: store.open(path.stem, interactive=False),
        lambda: store.transact(path.stem, lambda s: setattr(s, "title", "écrasé")),
        lambda: store.restore_backup(path),
        lambda: store.duplicate(path.stem),
    ):
        with pytest.raises(NewerSessionError):
            attempt()
    entries = store.entries()
    assert [(e.path, e.newer) for e in entries] == [(path, schema.SCHEMA_VERSION + 1)]
    assert entries[0].as_json()["newer"] is True and entries[0].as_json()["corrupt"] is False
    assert _snapshot(store.sessions_dir) == before  # bytes, mtime, backup, no rescue
    assert not [p for p in store.sessions_dir.iterdir() if ".rescue-" in p.name]
    assert not [p for p in store.sessions_dir.iterdir() if ".corrupt-" in p.name]


READERS = [
    ["open", "{sid}"],
    ["status", "{sid}"],
    ["status", "{sid}", "--json"],
    ["export", "{sid}"],
    ["export", "{sid}", "--format", "json"],
    ["synthesis", "{sid}"],
    ["agenda", "export", "{sid}"],
    ["watch", "{sid}"],
    ["timer", "{sid}", "start"],
    ["vote", "{sid}", "close"],
    ["import", "ideas", "{sid}", "{ideas}"],
    ["restore", "{sid}"],
    pytest.param(
        ["serve", "{sid}"],
        marks=pytest.mark.skipif(
            importlib.util.find_spec("textual_serve") is None, reason="needs the web extra"
        ),
    ),
]


@pytest.mark.parametrize("argv", READERS, ids=lambda argv: " ".join(argv[:2]))
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_command_that_reads_a_session_says_newer(store, tmp_path, argv, lang):
    path = _newer(store)
    ideas = tmp_path / "ideas.txt"
    ideas.write_text("Une idée\n", encoding="utf-8")
    before = _snapshot(store.sessions_dir)
    line = [part.format(sid=path.stem, ideas=ideas) for part in argv]
    code, out, err = _cli(store, "--lang", lang, *line)
    assert code == EXIT_NEWER != EXIT_CORRUPT
    said = {"fr": "atelier plus récent", "en": "newer atelier"}[lang]
    update = {"fr": "Mettez à jour atelier", "en": "Update atelier"}[lang]
    assert said in err and update in err and str(path) in err
    assert "restore" not in err and str(backup_path(path)) not in err
    assert out == ""
    assert _snapshot(store.sessions_dir) == before


def test_atelier_list_marks_it_newer_not_unreadable(store):
    path = _newer(store)
    intact = build_session(title="Intacte")
    store.create(intact)
    code, out, _ = _cli(store, "--lang", "en", "list")
    assert code == 0
    line = next(line for line in out.splitlines() if path.name in line)
    assert "NEWER ATELIER" in line and "update atelier" in line and "UNREADABLE" not in line
    assert "Intacte" in out
    code, out, _ = _cli(store, "list", "--json")
    listed = {entry["id"]: entry for entry in json.loads(out)}
    assert listed[path.stem]["newer"] is True and listed[path.stem]["corrupt"] is False
    assert listed[intact.id]["newer"] is False


def test_the_status_light_path_leaves_it_to_the_store(store):
    """``atelier status`` reads without pydantic; a newer file goes to the store, which says so."""
    path = _newer(store)
    assert peek_module.peek(store.root, path.stem) is None
    assert peek_module.read_light(path) is None


async def test_the_app_says_newer_and_offers_no_restore(store, clock):
    from tui.app import make_app
    from tui.screens.corrupt import CorruptFileScreen

    path = _newer(store)
    before = _snapshot(store.sessions_dir)
    app = make_app(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.screen.query_one("DataTable").row_count >= 1)
        home_text = " ".join(str(cell) for cell in app.screen.query_one("DataTable").get_row_at(0))
        assert "Atelier plus récent" in home_text and "mettez à jour atelier" in home_text
        await pilot.press("enter")  # open the selected session
        await until(pilot, lambda: isinstance(app.screen, CorruptFileScreen) and settled(app))
        assert isinstance(app.screen, CorruptFileScreen)
        shown = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "atelier plus récent" in shown and "mettez à jour atelier" in shown
        assert str(path) in shown and "n'a pas été modifié" in shown
        assert "sauvegarde" not in shown.lower()
        assert [b.id for b in app.screen.query(Button)] == ["close"]
        assert app.handle is None
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, CorruptFileScreen))
        assert not isinstance(app.screen, CorruptFileScreen)
    assert _snapshot(store.sessions_dir) == before


@pytest.mark.parametrize("change", ["newer", "damaged"])
async def test_a_file_rewritten_while_open_is_never_overwritten(store, clock, change):
    """Another laptop's newer atelier saved the session: this one says so and writes nothing.

    The same for a file that became damaged but still parses as JSON: before,
    the poll's failed read was taken for the last known bytes and the next
    change was saved over them.
    """
    from tui.app import make_app

    session = build_session()
    store.create(session)
    path = store.path_for(session.id)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tables = json.loads(path.read_bytes())
        if change == "newer":
            tables["session"]["1"]["schema_version"] = schema.SCHEMA_VERSION + 1
            tables["session"]["1"]["constellations"] = []
        else:
            tables["session"]["1"]["title"] = 3
        path.write_bytes(json.dumps(tables).encode())
        before = _snapshot(store.sessions_dir)
        app.poll_file()  # what the app's file poll does every second
        await until(pilot, lambda: app._notifications and settled(app))
        said = [n.message for n in app._notifications]
        if change == "newer":
            assert any("atelier plus récent" in m and "Mettez à jour atelier" in m for m in said)
        else:
            assert any("illisible" in m and "plus récent" not in m for m in said)
        app.poll_file()  # the next poll: the same file, told once only
        await pilot.pause()
        assert len(app._notifications) == len(said)
        await pilot.press("f4", *"Une idée", "enter")  # a change typed meanwhile
        await until(pilot, lambda: settled(app))
        assert _snapshot(store.sessions_dir) == before  # neither saved over it nor backed up
