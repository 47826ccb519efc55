"""Scenario 5: corrupt session files are never silently reset.

Every kind of damage is reported (by the store, ``atelier list``, ``atelier
open`` and the app), the file stays byte-identical until the user chooses,
the backup is offered, and restoring sets the damaged file aside under a
timestamped name. The other sessions stay listed.
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import build_session
from rel_helpers import add_idea, texts_on_disk

from sessions.storage.errors import CorruptSessionError
from sessions.storage.safe_storage import MAX_FILE_BYTES, backup_path
from sessions.storage.store import SessionStore
from tui.app import make_app
from tui.cli.main import main


def _damage(kind: str, good: bytes) -> bytes:
    return {
        "empty": b"",
        "truncated": good[: len(good) // 2],
        "trailing garbage": good + b"\n}}garbage",
        "nul-filled": b"\0" * len(good),
        "wrong schema": json.dumps({"session": {"1": {"title": ["x"], "date": 3}}}).encode(),
        "invalid utf-8": good[:20] + b"\xff\xfe" + good[20:],
        "50 MB": b'{"session": {"1": {"title": "' + b"x" * (50 * 1024 * 1024) + b'"}}}',
    }[kind]


KINDS = ["empty", "truncated", "trailing garbage", "nul-filled", "wrong schema", "invalid utf-8"]


@pytest.fixture
def two_sessions(store: SessionStore):  # type: ignore[no-untyped-def]
    damaged = build_session(title="Abîmée")
    store.create(damaged)
    with store.open(damaged.id) as handle:  # a second save, so that a backup exists
        handle.apply(add_idea("gardée"))
    intact = build_session(title="Intacte")
    store.create(intact)
    return damaged, intact


@pytest.mark.parametrize("kind", [*KINDS, "50 MB"])
def test_damage_is_reported_listed_and_left_untouched(store, two_sessions, kind, capsys) -> None:
    damaged, intact = two_sessions
    path = store.path_for(damaged.id)
    bad = _damage(kind, path.read_bytes())
    path.write_bytes(bad)
    started = time.monotonic()
    with pytest.raises(CorruptSessionError) as caught:
        store.open(damaged.id)
    assert caught.value.backup == backup_path(path)  # the backup is offered
    entries = store.entries()
    assert time.monotonic() - started < 5  # a 50 MB file is refused, not parsed slowly
    assert [e.session.title for e in entries if e.session] == ["Intacte"]
    assert [e.path for e in entries if e.error] == [path]
    # the command line lists the rest and the damaged one with its reason
    assert main(["--data-dir", str(store.root), "list"]) == 0
    out = capsys.readouterr().out
    assert "Intacte" in out and path.name in out
    assert main(["--data-dir", str(store.root), "open", damaged.id]) == 4
    err = capsys.readouterr().err
    assert str(backup_path(path)) in err
    # nothing was reset, renamed or rewritten
    assert path.read_bytes() == bad
    assert sorted(p.name for p in store.sessions_dir.iterdir() if not p.name.startswith(".")) == (
        sorted([path.name, backup_path(path).name, store.path_for(intact.id).name])
    )


def test_too_large_limit_is_reasonable() -> None:
    # A session of 10,000 ideas of 500 characters must still fit under the limit.
    assert MAX_FILE_BYTES > 10_000 * 700


@pytest.mark.parametrize("kind", KINDS)
def test_cli_restore_sets_aside_with_a_timestamp_and_puts_the_backup_back(
    store, two_sessions, kind, capsys
) -> None:
    damaged, _ = two_sessions
    path = store.path_for(damaged.id)
    bad = _damage(kind, path.read_bytes())
    path.write_bytes(bad)
    before = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    assert main(["--data-dir", str(store.root), "restore", damaged.id]) == 0
    after = datetime.now(UTC).replace(tzinfo=None)
    aside = [p for p in store.sessions_dir.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == bad
    prefix = path.name + ".corrupt-"
    assert aside[0].name.startswith(prefix)
    stamp = datetime.strptime(aside[0].name.removeprefix(prefix), "%Y%m%dT%H%M%S")
    assert before <= stamp <= after  # the moment of the restore, in UTC
    restored = store.load(damaged.id)  # the previous good version
    assert restored.title == "Abîmée"
    assert len(store.entries()) == 2


def test_restore_with_a_damaged_backup_changes_nothing(store, two_sessions, capsys) -> None:
    damaged, _ = two_sessions
    path = store.path_for(damaged.id)
    path.write_bytes(b"")
    backup_path(path).write_bytes(b"{")
    assert main(["--data-dir", str(store.root), "restore", damaged.id]) != 0
    assert path.read_bytes() == b""
    assert backup_path(path).read_bytes() == b"{"
    assert not [p for p in store.sessions_dir.iterdir() if ".corrupt-" in p.name]


async def test_app_offers_the_backup_and_restores_on_request(store, two_sessions, clock) -> None:
    from tui.screens.corrupt import CorruptFileScreen

    damaged, _ = two_sessions
    path = store.path_for(damaged.id)
    path.write_bytes(b'{"session": {"1": ')
    app = make_app(store, clock, session_ref=damaged.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CorruptFileScreen)
        assert app.handle is None
        assert path.read_bytes() == b'{"session": {"1": '  # untouched until the user chooses
        await pilot.click("#restore")
        await pilot.pause()
        assert app.session is not None and app.session.title == "Abîmée"
        assert [p for p in store.sessions_dir.iterdir() if ".corrupt-" in p.name]


async def test_app_with_a_damaged_backup_says_so_instead_of_crashing(
    store, two_sessions, clock
) -> None:
    damaged, _ = two_sessions
    path = store.path_for(damaged.id)
    path.write_bytes(b"")
    backup_path(path).write_bytes(b"\0\0\0")
    app = make_app(store, clock, session_ref=damaged.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.click("#restore")
        await pilot.pause()
        assert app.handle is None
        assert any(str(backup_path(path)) in n.message for n in app._notifications)
    assert path.read_bytes() == b""


def test_damaged_backup_is_not_offered_by_restore_at_all(store, two_sessions) -> None:
    damaged, _ = two_sessions
    path = store.path_for(damaged.id)
    good = path.read_bytes()
    backup_path(path).unlink()
    path.write_bytes(good[:10])
    with pytest.raises(CorruptSessionError) as caught:
        store.load(damaged.id)
    assert caught.value.backup is None
    assert path.read_bytes() == good[:10]


def test_a_session_written_by_a_newer_atelier_is_refused_not_reset(store, session) -> None:
    path: Path = store.path_for(session.id)
    doc = json.loads(path.read_bytes())
    doc["session"]["1"]["schema_version"] = 99
    raw = json.dumps(doc).encode()
    path.write_bytes(raw)
    with pytest.raises(CorruptSessionError, match="atelier plus récent"):
        store.open(session.id)
    assert path.read_bytes() == raw
    assert texts_on_disk(path) == []
