"""Rules of the storage layer, found by mutation testing (issue 18).

Errors say the file and the reason in the language shown; locks exclude a
second holder until released; a follower shows the last good version and
why the file does not read; ``peek`` finds a session as the store does.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from datetime import datetime

import pytest

import sessions.storage as storage
from sessions.capture import tour as capture
from sessions.i18n import set_language, t
from sessions.storage import safe_storage
from sessions.storage.errors import (
    BeingWrittenError,
    CorruptSessionError,
    NewerSessionError,
    SaveError,
)
from sessions.storage.follow import SessionFollower, follow_view
from sessions.storage.locks import FileLock
from sessions.storage.peek import peek
from sessions.storage.regular import KINDS, NotRegularFile, read_regular
from sessions.timer import ops as timer_ops
from sessions.timer.position import Stamp
from tests.conftest import build_session


def test_every_name_the_storage_package_exports_is_importable():
    names: dict[str, object] = {}
    exec("from sessions.storage import *", names)  # the star import is the point
    assert set(storage.__all__) <= set(names)
    assert storage.__all__


# -- errors -------------------------------------------------------------------------


def test_a_damaged_file_s_error_names_the_file_its_reason_and_its_backup(tmp_path):
    path, bak = tmp_path / "s.json", tmp_path / "s.json.bak"
    exc = CorruptSessionError(path, "JSON invalide", bak)
    assert exc.backup == bak
    assert exc.args == (path, "JSON invalide")
    assert str(exc) == t("storage.file_reason", path=path, reason="JSON invalide")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_newer_file_says_both_versions_and_offers_no_backup(tmp_path, lang):
    set_language(lang)
    exc = NewerSessionError(tmp_path / "s.json", 9, 7)
    assert exc.backup is None
    assert exc.reason == t("storage.reason.newer", version=9, ours=7)
    assert str(exc) == t("storage.file_reason", path=tmp_path / "s.json", reason=exc.reason)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_failed_save_says_the_system_s_words_never_an_errno(tmp_path, lang):
    set_language(lang)
    path = tmp_path / "s.json"
    full = SaveError(path, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    assert str(full) == t("storage.file_reason", path=path, reason=os.strerror(errno.ENOSPC))
    assert "Errno" not in str(full)
    bare = SaveError(path, OSError("the disk went away"))
    assert str(bare) == t("storage.file_reason", path=path, reason="the disk went away")


def test_being_written_is_said_in_the_language_shown(tmp_path):
    path = tmp_path / "s.json"
    french = str(BeingWrittenError(path))
    set_language("en")
    english = str(BeingWrittenError(path))
    assert french == t("storage.being_written", "fr", path=path)
    assert english == t("storage.being_written", "en", path=path)
    assert french != english and str(path) in english


# -- locks --------------------------------------------------------------------------


def test_a_lock_excludes_a_second_holder_until_released(tmp_path):
    path = tmp_path / ".s.json.lock"
    first, second = FileLock(path), FileLock(path)
    assert first.acquire() and first.held
    assert not second.acquire(timeout=0) and not second.held
    assert first.acquire()  # taking it again is a no-op
    first.release()
    assert not first.held
    assert second.acquire(timeout=0)
    assert path.read_text() == f"{os.getpid()}\n"
    second.release()


def test_discarding_a_held_lock_removes_its_file_and_an_unheld_one_keeps_it(tmp_path):
    path = tmp_path / ".s.json.holder"
    lock = FileLock(path)
    lock.acquire()
    other = FileLock(path)
    other.discard()  # not held: nothing happens
    assert path.exists() and lock.held
    lock.discard()
    assert not path.exists() and not lock.held
    assert FileLock(path).acquire(timeout=0)


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc/self/fd")
def test_a_lock_leaves_no_file_open_once_released_or_refused(tmp_path):
    path = tmp_path / ".s.json.lock"
    before = _open_fds()
    lock = FileLock(path)
    assert lock.acquire()
    other = FileLock(path)
    assert not other.acquire(timeout=0)  # refused: its file is closed again
    lock.release()
    assert _open_fds() == before
    kept = FileLock(path, keep_open=True)
    assert kept.acquire()
    kept.release()
    assert _open_fds() == before + 1  # kept open between holds, by design
    assert kept.acquire()
    kept.close()
    assert _open_fds() == before and not kept.held


# -- reading what may not be a file ----------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_kind_of_not_a_file_has_a_name_in_each_language(tmp_path, lang):
    kinds = {NotRegularFile(tmp_path, mode).kind for mode in (*KINDS, 0)}
    assert kinds == {*KINDS.values(), "other"}
    assert (
        NotRegularFile(tmp_path, stat.S_IFBLK).kind == NotRegularFile(tmp_path, stat.S_IFCHR).kind
    )
    for kind in kinds:
        assert t(f"storage.kind.{kind}", lang) != f"storage.kind.{kind}"


def test_read_regular_reads_one_byte_past_the_limit_and_no_more(tmp_path):
    path = tmp_path / "s.json"
    path.write_bytes(b"0123456789")
    assert read_regular(path, 4) == b"01234"
    assert read_regular(path, 100) == b"0123456789"
    assert read_regular(path, 0) == b"0"


# -- safe storage -----------------------------------------------------------------------


def test_a_file_of_nul_bytes_or_bad_utf8_is_named_for_what_it_is(tmp_path):
    path = tmp_path / "s.json"
    with pytest.raises(CorruptSessionError) as nul:
        safe_storage.decode(b"\x00\x00 \n", path)
    assert nul.value.reason == t("storage.reason.only_nul")
    with pytest.raises(CorruptSessionError) as utf8:
        safe_storage.decode(b'{"a": "\xff"}', path)
    assert utf8.value.reason == t("storage.reason.not_utf8", byte=7)
    assert utf8.value.backup is None
    (tmp_path / "s.json.bak").write_bytes(b"{}")
    with pytest.raises(CorruptSessionError) as with_backup:
        safe_storage.decode(b"[]", path)
    assert with_backup.value.backup == tmp_path / "s.json.bak"


def test_storage_knows_its_own_write_and_tells_a_same_size_edit_only_when_deep(tmp_path):
    path = tmp_path / "s.json"
    store = safe_storage.SafeJSONStorage(path)
    store.write({"session": {"1": {"title": "abc"}}})
    assert path.read_bytes() == safe_storage.encode({"session": {"1": {"title": "abc"}}})
    assert not store.changed_on_disk()
    assert not store.changed_on_disk(deep=True)
    st = os.stat(path)
    with open(path, "r+b") as f:  # same size, same inode, same mtime: stat cannot tell
        f.write(path.read_bytes().replace(b"abc", b"xyz"))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert not store.changed_on_disk()
    assert store.changed_on_disk(deep=True)


def test_a_file_removed_between_the_stat_and_the_read_counts_as_changed(tmp_path, monkeypatch):
    path = tmp_path / "s.json"
    store = safe_storage.SafeJSONStorage(path)
    store.write({"session": {}})
    original = type(path).read_bytes

    def vanished(self):
        if self == path:
            raise FileNotFoundError(errno.ENOENT, "gone", str(self))
        return original(self)

    monkeypatch.setattr(type(path), "read_bytes", vanished)
    assert store.changed_on_disk(deep=True)


# -- following a session ------------------------------------------------------------------


def test_a_follower_says_why_a_damaged_file_does_not_read(store, session, clock):
    path = store.path_for(session.id)
    path.write_bytes(b"{not json")
    follower = SessionFollower(path, clock)
    assert follower.session is None
    with pytest.raises(CorruptSessionError) as exc:
        safe_storage.decode(b"{not json", path)
    assert follower.error == exc.value.reason
    follower.close()


def test_a_follower_says_the_system_s_reason_when_the_file_cannot_be_reached(tmp_path, clock):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    follower = SessionFollower(blocker / "s.json", clock)
    assert follower.session is None
    assert follower.error == os.strerror(errno.ENOTDIR)
    follower.close()


def test_the_room_sees_the_first_phase_numbered_from_one_and_not_started(store, session, clock):
    view = follow_view(session, Stamp.of(clock))
    assert view.state == "not_started"
    assert (view.phase_n, view.phase_count) == (1, len(session.agenda))
    minutes = int(session.agenda[0].minutes)
    assert view.clock == f"{minutes:02d}:00"
    store.transact(session.id, lambda s: timer_ops.start(s, Stamp.of(clock)))
    store.transact(session.id, lambda s: timer_ops.next_phase(s, Stamp.of(clock)))
    later = follow_view(store.load(session.id), Stamp.of(clock))
    assert (later.phase_n, later.state) == (2, "running")


def test_the_room_sees_no_clock_without_an_agenda(clock):
    bare = build_session()
    bare.agenda = []
    view = follow_view(bare, Stamp.of(clock))
    assert (view.clock, view.phase_n, view.phase_count, view.phase_title) == ("--:--", 0, 0, "")


# -- peek ------------------------------------------------------------------------------


def test_peek_keeps_the_limits_and_layout_of_the_store():
    from sessions.storage import peek as light
    from sessions.storage import session_file, store

    assert light.MAX_FILE_BYTES == safe_storage.MAX_FILE_BYTES
    assert (session_file.TABLE, str(session_file.DOC_ID)) == (light.TABLE, light.DOC_ID)
    assert light.SUFFIX == store.SUFFIX


def test_peek_finds_a_session_by_id_prefix_and_exact_title(store, clock):
    first, second = build_session(title="Atelier A"), build_session(title="Atelier B")
    first.id, second.id = "aa11", "bb22"
    store.create(first)
    store.create(second)
    assert peek(store.root, "aa11").title == "Atelier A"
    assert peek(store.root, "bb").id == "bb22"
    assert peek(store.root, "Atelier B").id == "bb22"
    assert peek(store.root, "Atelier") is None  # neither an id nor an exact title
    third = build_session(title="Atelier A")
    third.id = "ab33"
    store.create(third)
    assert peek(store.root, "a") is None  # two ids start with "a": the store decides
    assert peek(store.root, "Atelier A") is None  # two sessions have that title


# -- the session file --------------------------------------------------------------------


def test_newer_version_only_reads_documents():
    from sessions.models import SCHEMA_VERSION
    from sessions.storage.session_file import newer_version

    assert newer_version([SCHEMA_VERSION + 1]) is None
    assert newer_version(None) is None
    assert newer_version({"schema_version": SCHEMA_VERSION}) is None
    assert newer_version({"schema_version": SCHEMA_VERSION + 1}) == SCHEMA_VERSION + 1


def test_a_file_without_its_session_document_is_named_so(store, session):
    path = store.path_for(session.id)
    path.write_bytes(b'{"session": {}}')
    with pytest.raises(CorruptSessionError) as exc:
        store.load(session.id)
    assert exc.value.reason == t("storage.reason.no_document")


def test_a_second_app_opens_read_only_and_says_why(store, session):
    first = store.open(session.id)
    second = store.open(session.id)
    assert not first.read_only
    assert second.read_only
    assert second.read_only_reason == t("storage.held_elsewhere")
    assert not first.changed_on_disk()
    second.close()
    first.close()


def test_an_open_session_picks_up_a_command_line_change(store, session, clock):
    handle = store.open(session.id)
    assert not handle.reload_if_changed()
    store.transact(session.id, lambda s: capture.add_idea(s, "Fibre partout", clock.now()))
    assert handle.changed_on_disk()
    assert handle.reload_if_changed()
    assert [i.text for i in handle.session.ideas] == ["Fibre partout"]
    handle.close()


def test_a_pending_change_is_saved_with_another_s_change_on_reload(store, session, clock):
    from sessions.storage import session_file

    handle = store.open(session.id)
    real = session_file.SafeJSONStorage.write_bytes
    calls = []

    def full_once(self, payload, data=None):
        if not calls:
            calls.append(1)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(self, payload, data)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(session_file.SafeJSONStorage, "write_bytes", full_once)
        with pytest.raises(SaveError):
            handle.apply(lambda s: capture.add_idea(s, "Mine", clock.now()))
    assert handle.unsaved
    store.transact(session.id, lambda s: capture.add_idea(s, "Theirs", clock.now()))
    assert handle.reload_if_changed()
    assert not handle.unsaved
    assert sorted(i.text for i in store.load(session.id).ideas) == ["Mine", "Theirs"]
    handle.close()


def test_a_holder_lock_that_cannot_be_taken_opens_read_only_with_the_system_s_reason(
    store, session, monkeypatch
):
    def denied(self, timeout=0.0):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(FileLock, "acquire", denied)
    handle = store.open(session.id)
    assert handle.read_only
    assert os.strerror(errno.EACCES) in handle.read_only_reason
    assert handle.read_only_reason != t("storage.held_elsewhere")


def test_an_op_that_no_longer_fits_is_dropped_and_not_kept_pending(store, session, clock):
    handle = store.open(session.id)
    real = handle.file.storage.write_bytes
    full = [True]

    def disk_full(payload, data=None):
        if full[0]:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(payload, data)

    def needs_no_title(s):
        if s.title == "Renommée ailleurs":
            raise ValueError("no longer fits")
        s.next_steps = "mine"

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(handle.file.storage, "write_bytes", disk_full)
        with pytest.raises(SaveError):
            handle.apply(needs_no_title)
        store.transact(session.id, lambda s: setattr(s, "title", "Renommée ailleurs"))
        with pytest.raises(SaveError):
            handle.flush()  # re-read, the op dropped, the save fails again
    assert [op for op, _ in handle.dropped] == [needs_no_title]
    assert handle.pending == []
    full[0] = False
    handle.close()
    assert store.load(session.id).next_steps == ""


# -- the store ---------------------------------------------------------------------------


def test_the_list_says_each_session_s_date_and_a_newer_file_as_newer(store, session):
    from sessions.models import SCHEMA_VERSION

    entries = {e.id: e.as_json() for e in store.entries()}
    assert entries[session.id]["date"] == session.date.isoformat()
    assert entries[session.id]["newer"] is False
    path = store.path_for("zz99")
    newer_doc = {"session": {"1": {"schema_version": SCHEMA_VERSION + 1}}}
    path.write_text(json.dumps(newer_doc))
    newer = {e.id: e.as_json() for e in store.entries()}["zz99"]
    assert newer["newer"] is True and newer["corrupt"] is False and newer["date"] is None


def test_an_unknown_name_suggests_the_five_closest(store):
    for n in range(6):
        s = build_session(title=f"Atelier numero {n}")
        s.id = f"id{n}"
        store.create(s)
    with pytest.raises(storage.UnknownSessionError) as exc:
        store.resolve("Atelier numero")
    assert len(exc.value.candidates) == 5
    assert not exc.value.ambiguous


def test_trash_and_set_aside_name_the_file_with_the_time(store, session, clock):
    stamp = clock.now().strftime("%Y%m%dT%H%M%S")
    path = store.path_for(session.id)
    copy = path.read_bytes()
    target = store.trash(session.id)
    assert target == store.trash_dir / f"{session.id}-{stamp}.json"
    assert target.read_bytes() == copy and not path.exists()
    path.write_bytes(b"{bad")
    aside = store.set_aside(path)
    assert aside.name == f"{path.name}.corrupt-{stamp}"
    assert datetime.strptime(aside.name.rsplit("-", 1)[1], "%Y%m%dT%H%M%S")
    path.write_bytes(b"{bad again")
    assert store.set_aside(path).name == f"{path.name}.corrupt-{stamp}-2"
    assert aside.read_bytes() == b"{bad"


def test_a_file_damaged_under_an_open_session_is_reported_once_until_it_changes(store, session):
    handle = store.open(session.id)
    path = store.path_for(session.id)
    good = path.read_bytes()
    path.write_bytes(b"{damaged")
    assert handle.changed_on_disk()
    with pytest.raises(CorruptSessionError):
        handle.reload_if_changed()
    assert not handle.changed_on_disk()  # the same damage is not reported on every poll
    assert not handle.reload_if_changed()
    path.write_bytes(good + b" ")  # repaired (another size): seen again
    assert handle.changed_on_disk()
    assert handle.reload_if_changed()
    assert handle.session.title == session.title
    handle.close()
