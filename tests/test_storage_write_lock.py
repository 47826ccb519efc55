"""The write lock kept open between saves (issue 17): still a lock, on the file its path names."""

from __future__ import annotations

import os

from sessions.storage.locks import FileLock
from sessions.storage.session_file import write_lock_path


def _add(text: str):
    def op(session) -> None:
        session.capture.draft = text

    return op


def test_saves_reuse_the_open_lock_file_and_write_the_pid_once(store, session) -> None:
    path = store.path_for(session.id)
    lock = write_lock_path(path)
    with store.open(session.id) as handle:
        handle.apply(_add("un"))
        kept = handle.file.write_lock._kept
        assert kept is not None  # left open, unlocked, between saves
        assert lock.read_text().strip() == str(os.getpid())
        other = FileLock(lock)
        assert other.acquire(timeout=0)  # unlocked between saves: the command line can write
        other.release()
        handle.apply(_add("deux"))
        assert handle.file.write_lock._kept == kept  # not opened again
    assert store.load(session.id).capture.draft == "deux"


def test_a_lock_file_removed_between_saves_is_opened_again(store, session) -> None:
    path = store.path_for(session.id)
    lock = write_lock_path(path)
    with store.open(session.id) as handle:
        handle.apply(_add("un"))
        lock.unlink()  # a process found the session unreadable and took its lock file away
        other = FileLock(lock)
        assert other.acquire(timeout=0)  # someone now holds the new lock file
        try:
            got = handle.file.write_lock.acquire(timeout=0.05)
            assert not got  # the new file is locked by them: no save behind their back
        finally:
            other.release()
        handle.apply(_add("deux"))
        assert lock.exists() and lock.read_text().strip() == str(os.getpid())
    assert store.load(session.id).capture.draft == "deux"
