"""Rules of the durable save (sessions/storage/atomic.py), one per test.

Every save is flushed to the disk (the file and then its folder), keeps the
previous version when asked even where hard links are refused, cleans only
the temporaries of dead processes, and leaks no file descriptor. Found
missing by mutation testing (docs/testing.md).
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from sessions.storage import atomic


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if atomic.TMP_MARK in p.name]


@pytest.fixture
def fsyncs(monkeypatch) -> list[str]:
    """Each fsync, as ``file`` or ``dir``: what was made durable, in order."""
    seen: list[str] = []
    real = os.fsync

    def spy(fd: int) -> None:
        seen.append("dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    return seen


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


# -- durability ---------------------------------------------------------------------


def test_a_save_fsyncs_the_file_then_its_folder(tmp_path, fsyncs):
    path = tmp_path / "s.json"
    atomic.atomic_write(path, b"{}")
    assert fsyncs == ["file", "dir"]
    assert path.read_bytes() == b"{}"


def test_a_save_with_a_backup_fsyncs_the_new_file_and_the_folder(tmp_path, fsyncs):
    path = tmp_path / "s.json"
    path.write_bytes(b"old")
    atomic.atomic_write(path, b"new", backup=tmp_path / "s.json.bak")
    assert fsyncs == ["file", "dir"]
    assert (tmp_path / "s.json.bak").read_bytes() == b"old"


def test_the_folder_fsync_closes_its_descriptor_even_when_fsync_fails(tmp_path, monkeypatch):
    def refuse(fd: int) -> None:
        raise OSError(errno.EINVAL, "not supported here")

    monkeypatch.setattr(os, "fsync", refuse)
    before = open_fds()
    atomic.fsync_dir(tmp_path)
    atomic.fsync_dir(tmp_path / "missing")  # cannot be opened: nothing to do
    assert open_fds() == before


def test_a_file_written_in_small_pieces_is_written_whole(tmp_path, monkeypatch):
    real = os.write
    calls = []

    def short_write(fd: int, data) -> int:
        calls.append(len(data))
        return real(fd, bytes(data[:3]))

    monkeypatch.setattr(os, "write", short_write)
    data = bytes(range(40))
    atomic.atomic_write(tmp_path / "s.json", data)
    assert (tmp_path / "s.json").read_bytes() == data
    assert len(calls) > 2


@pytest.mark.parametrize("size", [1, 2, 9, 10])
def test_a_crash_mid_write_finds_half_the_data_written(tmp_path, monkeypatch, size):
    """The ``mid_write`` step (what the crash tests inject) is a truly half-written file."""
    written = []

    def look(step: str, path: Path) -> None:
        if step == "mid_write":
            (tmp,) = [p for p in tmp_path.iterdir() if atomic.TMP_MARK in p.name]
            written.append(tmp.stat().st_size)

    monkeypatch.setattr(atomic, "FAULT_HOOK", look)
    atomic.atomic_write(tmp_path / "s.json", b"x" * size)
    assert written == [size // 2]


def test_a_new_file_is_private_by_default_and_takes_the_mode_asked(tmp_path):
    atomic.atomic_write(tmp_path / "a", b"x")
    atomic.atomic_write(tmp_path / "b", b"x", mode=0o644)
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "b").stat().st_mode) & 0o044 == 0o044


def test_a_failure_after_the_replace_is_marked_replaced(tmp_path, monkeypatch):
    def fail(step: str, path: Path) -> None:
        if step == "before_dir_fsync":
            raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(atomic, "FAULT_HOOK", fail)
    with pytest.raises(OSError) as info:
        atomic.atomic_write(tmp_path / "s.json", b"new")
    assert getattr(info.value, "replaced", False) is True
    assert (tmp_path / "s.json").read_bytes() == b"new"


def test_a_failure_before_the_replace_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "s.json"
    path.write_bytes(b"old")

    def fail(step: str, path: Path) -> None:
        if step == "after_fsync":
            raise OSError(errno.ENOSPC, "full")

    monkeypatch.setattr(atomic, "FAULT_HOOK", fail)
    with pytest.raises(OSError) as info:
        atomic.atomic_write(path, b"new")
    assert not hasattr(info.value, "replaced")
    assert path.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


# -- backups --------------------------------------------------------------------------


def test_the_backup_is_a_hard_link_of_the_previous_version(tmp_path):
    path, backup = tmp_path / "s.json", tmp_path / "s.json.bak"
    path.write_bytes(b"v1")
    old_inode = path.stat().st_ino
    atomic.atomic_write(path, b"v2", backup=backup)
    assert backup.read_bytes() == b"v1"
    assert backup.stat().st_ino == old_inode
    assert leftovers(tmp_path) == []


def test_a_backup_is_kept_where_hard_links_are_refused(tmp_path, monkeypatch):
    def no_links(src, dst) -> None:
        raise OSError(errno.EPERM, "no hard links on this file system")

    monkeypatch.setattr(os, "link", no_links)
    path, backup = tmp_path / "s.json", tmp_path / "s.json.bak"
    path.write_bytes(b"v1")
    atomic.atomic_write(path, b"v2", backup=backup)
    assert (path.read_bytes(), backup.read_bytes()) == (b"v2", b"v1")
    atomic.atomic_write(path, b"v3", backup=backup)
    assert (path.read_bytes(), backup.read_bytes()) == (b"v3", b"v2")
    assert leftovers(tmp_path) == []


def test_no_backup_of_a_file_that_did_not_exist(tmp_path):
    atomic.atomic_write(tmp_path / "s.json", b"v1", backup=tmp_path / "s.json.bak")
    assert not (tmp_path / "s.json.bak").exists()


# -- cleaning at start ------------------------------------------------------------------


def test_temporary_names_are_hidden_siblings_carrying_our_pid(tmp_path):
    name = atomic.temp_name(tmp_path / "s.json")
    assert name.parent == tmp_path
    assert name.name.startswith(f".s.json{atomic.TMP_MARK}{os.getpid()}-")
    assert name != atomic.temp_name(tmp_path / "s.json")


def test_cleanup_removes_only_the_temporaries_of_dead_processes(tmp_path):
    # A live process of ours, waiting on its input: it must neither lose its file nor a signal.
    other = subprocess.Popen([sys.executable, "-c", "input()"], stdin=subprocess.PIPE)
    try:
        live = tmp_path / f".a.json{atomic.TMP_MARK}{other.pid}-abc"
        mine = tmp_path / f".b.json{atomic.TMP_MARK}{os.getpid()}-abc"
        dead = tmp_path / f".c.json{atomic.TMP_MARK}{dead_pid()}-abc"
        garbled = tmp_path / f".d.json{atomic.TMP_MARK}xyz"
        session = tmp_path / "e.json"
        for path in (live, mine, dead, garbled, session):
            path.write_bytes(b"x")
        removed = atomic.clean_stale_temporaries(tmp_path)
        assert other.poll() is None  # only asked whether it is alive (signal 0)
    finally:
        other.communicate(b"\n", timeout=30)
    assert sorted(removed) == sorted([dead, garbled])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [live.name, mine.name, session.name]
    )


def test_cleanup_keeps_a_file_whose_process_belongs_to_someone_else(tmp_path, monkeypatch):
    def not_ours(pid: int, sig: int) -> None:
        raise PermissionError(errno.EPERM, "another user's process")

    monkeypatch.setattr(os, "kill", not_ours)
    other = tmp_path / f".a.json{atomic.TMP_MARK}4242-abc"
    other.write_bytes(b"x")
    assert atomic.clean_stale_temporaries(tmp_path) == []
    assert other.exists()


def test_cleanup_removes_a_file_whose_pid_cannot_be_asked(tmp_path, monkeypatch):
    def odd(pid: int, sig: int) -> None:
        raise OSError(errno.EINVAL, "invalid")

    monkeypatch.setattr(os, "kill", odd)
    stale = tmp_path / f".a.json{atomic.TMP_MARK}4242-abc"
    stale.write_bytes(b"x")
    assert atomic.clean_stale_temporaries(tmp_path) == [stale]


def test_cleanup_survives_a_pid_in_other_digits(tmp_path):
    odd = tmp_path / f".a.json{atomic.TMP_MARK}\u00b2\u00b3-abc"  # superscripts: not a pid
    odd.write_bytes(b"x")
    assert atomic.clean_stale_temporaries(tmp_path) == [odd]


# -- the writability probe ---------------------------------------------------------------


def test_the_probe_leaves_no_file_when_closing_it_fails(tmp_path, monkeypatch):
    real_close = os.close

    def close_then_fail(fd: int) -> None:
        real_close(fd)
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(os, "close", close_then_fail)
    assert atomic.probe_writable(tmp_path) is None  # an I/O error is not a read-only folder
    assert list(tmp_path.iterdir()) == []


def test_the_probe_leaks_no_descriptor_and_leaves_no_file(tmp_path):
    before = open_fds()
    for _ in range(5):
        assert atomic.probe_writable(tmp_path) is None
    assert open_fds() == before
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("code", sorted(atomic.READ_ONLY_ERRNOS))
def test_the_probe_reports_a_read_only_folder(tmp_path, monkeypatch, code):
    def refuse(step: str, path: Path) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic, "FAULT_HOOK", refuse)
    before = open_fds()
    error = atomic.probe_writable(tmp_path)
    assert error is not None and error.errno == code
    assert open_fds() == before


def test_a_full_disk_is_not_reported_as_read_only(tmp_path, monkeypatch):
    def full(step: str, path: Path) -> None:
        raise OSError(errno.ENOSPC, "full")

    monkeypatch.setattr(atomic, "FAULT_HOOK", full)
    assert atomic.probe_writable(tmp_path) is None


def test_the_probe_of_a_missing_folder_is_not_read_only(tmp_path):
    assert atomic.probe_writable(tmp_path / "missing") is None
