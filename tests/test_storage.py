"""Crash-safe session files: injected faults, corrupt files, backups, permissions."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat

import pytest

from sessions.models import Idea, Session
from sessions.storage import atomic
from sessions.storage.errors import CorruptSessionError, SaveError
from sessions.storage.session_file import SessionHandle
from sessions.storage.store import SessionStore

NOW = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


class Boom(OSError):
    pass


def _ideas_in(path) -> list[str]:
    doc = json.loads(path.read_bytes())
    return [idea["text"] for idea in doc["session"]["1"]["ideas"]]


def _add(text: str):
    def op(session: Session) -> None:
        session.ideas.append(Idea(number=session.next_idea_number(), text=text, created_at=NOW))

    return op


def test_new_file_is_private_json_without_backup(store: SessionStore, session: Session) -> None:
    path = store.path_for(session.id)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["session"]["1"]["title"] == "Atelier A"
    assert not path.with_name(path.name + ".bak").exists()


def test_each_save_keeps_the_previous_version_as_backup(store, session) -> None:
    path = store.path_for(session.id)
    with store.open(session.id) as handle:
        handle.apply(_add("mobilité"))
        handle.apply(_add("fracture numérique"))
    assert _ideas_in(path) == ["mobilité", "fracture numérique"]
    assert _ideas_in(path.with_name(path.name + ".bak")) == ["mobilité"]
    assert stat.S_IMODE(os.stat(path.with_name(path.name + ".bak")).st_mode) == 0o600


@pytest.mark.parametrize("step", atomic.STEPS)
def test_a_failure_at_any_step_leaves_old_or_new_whole(
    store, session, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    path = store.path_for(session.id)
    handle = store.open(session.id)
    handle.apply(_add("avant"))
    before = path.read_bytes()

    def fault(name: str, _path) -> None:
        if name == step:
            raise Boom(28, "injected")

    monkeypatch.setattr(atomic, "FAULT_HOOK", fault)
    with pytest.raises((SaveError, Boom)):
        handle.apply(_add("après"))
    monkeypatch.setattr(atomic, "FAULT_HOOK", None)
    after = path.read_bytes()
    texts = _ideas_in(path)
    assert texts in (["avant"], ["avant", "après"])
    if texts == ["avant"]:
        assert after == before
        assert handle.unsaved  # the change is still held, to be retried
    # no temporary file is left behind by the failed save
    assert not [p for p in path.parent.iterdir() if atomic.TMP_MARK in p.name]
    # and the retry writes it exactly once
    handle.flush()
    assert _ideas_in(path) == ["avant", "après"]
    handle.close()


def test_stale_temporaries_are_cleaned_at_start(store: SessionStore, session) -> None:
    stale = store.sessions_dir / f".{session.id}.json{atomic.TMP_MARK}999999999-abc"
    stale.write_bytes(b'{"half":')
    mine = store.sessions_dir / f".x.json{atomic.TMP_MARK}{os.getpid()}-abc"
    mine.write_bytes(b"")
    store.ensure()
    assert not stale.exists()
    assert mine.exists()


CORRUPTIONS = {
    "empty": b"",
    "truncated": None,  # filled from the real file
    "trailing garbage": b"",
    "wrong schema": json.dumps({"session": {"1": {"title": 3}}}).encode(),
    "not tinydb": b"[1, 2, 3]",
    "nul bytes": b"\0" * 64,
    "invalid utf-8": b'{"session": {"1": {"title": "\xff\xfe"}}}',
}


@pytest.mark.parametrize("kind", list(CORRUPTIONS))
def test_corrupt_files_are_reported_and_left_byte_identical(store, session, kind) -> None:
    path = store.path_for(session.id)
    good = path.read_bytes()
    bad = CORRUPTIONS[kind]
    if kind == "truncated":
        bad = good[: len(good) // 2]
    elif kind == "trailing garbage":
        bad = good + b"}}garbage"
    path.write_bytes(bad)
    with pytest.raises(CorruptSessionError) as info:
        store.open(session.id)
    assert info.value.path == path
    assert info.value.reason
    [entry] = store.entries()
    assert entry.error and entry.session is None
    assert path.read_bytes() == bad


def test_corrupt_file_with_a_backup_is_offered_and_restored(store, session) -> None:
    path = store.path_for(session.id)
    with store.open(session.id) as handle:
        handle.apply(_add("gardée"))
        handle.apply(_add("deuxième"))
    path.write_bytes(b"{broken")
    with pytest.raises(CorruptSessionError) as info:
        store.open(session.id)
    assert info.value.backup == path.with_name(path.name + ".bak")
    aside = store.restore_backup(path)
    assert aside.read_bytes() == b"{broken"
    assert ".corrupt-" in aside.name
    assert [i.text for i in store.load(session.id).ideas] == ["gardée"]


def test_a_command_line_write_while_the_app_holds_the_file_is_merged(store, session) -> None:
    app_handle = store.open(session.id)
    app_handle.apply(_add("de l'app"))
    # the command line: lock, re-read, apply, atomic write, unlock
    store.transact(session.id, _add("de la ligne de commande"))
    assert app_handle.reload_if_changed()
    assert [i.text for i in app_handle.session.ideas] == ["de l'app", "de la ligne de commande"]
    app_handle.apply(_add("encore l'app"))
    texts = [i.text for i in store.load(session.id).ideas]
    assert texts == ["de l'app", "de la ligne de commande", "encore l'app"]
    app_handle.close()


def test_pending_change_is_rebased_on_a_change_written_meanwhile(store, session) -> None:
    handle = store.open(session.id)
    store.transact(session.id, _add("écrit ailleurs"))
    # not yet polled: the next save must notice and keep both
    handle.apply(_add("écrit ici"))
    assert [i.text for i in store.load(session.id).ideas] == ["écrit ailleurs", "écrit ici"]
    assert [i.number for i in handle.session.ideas] == [1, 2]
    handle.close()


def test_second_interactive_opener_is_read_only(store, session) -> None:
    first = store.open(session.id)
    second = store.open(session.id)
    assert not first.read_only
    assert second.read_only
    second.close()
    first.close()
    third = store.open(session.id)
    assert not third.read_only
    third.close()


def test_a_deleted_file_is_rewritten_from_memory(store, session) -> None:
    path = store.path_for(session.id)
    handle = store.open(session.id)
    handle.apply(_add("à garder"))
    path.unlink()
    handle.reload_if_changed()
    assert [i.text for i in store.load(session.id).ideas] == ["à garder"]
    handle.close()


def test_transact_that_raises_writes_nothing(store, session) -> None:
    path = store.path_for(session.id)
    before = path.read_bytes()

    def bad(s: Session) -> None:
        _add("partiel")(s)
        raise ValueError("refused")

    with pytest.raises(ValueError):
        store.transact(session.id, bad)
    assert path.read_bytes() == before


def test_trash_moves_and_never_unlinks(store, session) -> None:
    target = store.trash(session.id)
    assert target.exists() and target.parent == store.trash_dir
    assert store.entries() == []


def test_duplicate_keeps_agenda_and_people_but_no_captured_data(store, session) -> None:
    with store.open(session.id) as handle:
        handle.apply(_add("idée"))
    copy = store.duplicate(session.id, "Copie")
    again = store.load(copy.id)
    assert again.ideas == []
    assert [p.name for p in again.participants] == [p.name for p in session.participants]
    assert [p.title for p in again.agenda] == [p.title for p in session.agenda]
    assert again.id != session.id


def test_handle_reads_the_file_once_and_not_on_every_change(store, session, monkeypatch) -> None:
    handle = SessionHandle(store.path_for(session.id), store.clock)
    reads = []
    real = type(store.path_for(session.id)).read_bytes
    monkeypatch.setattr(
        type(store.path_for(session.id)),
        "read_bytes",
        lambda self: reads.append(self) or real(self),
    )
    for n in range(5):
        handle.apply(_add(f"idée {n}"))
    assert reads == []
    handle.close()
