"""Everything atelier writes may name people: files 0600, folders 0700, whatever the umask.

Exports (``export -o``, ``agenda export -o``, ``synthesis -o``, F7), the data
folder and its ``sessions/``, ``templates/``, ``exports/`` and ``trash/``
folders, including ones that already exist readable by others.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from grid_examples import full_session

from sessions.core.paths import default_data_dir, private_dir
from sessions.documents.export_names import write_new
from sessions.storage.store import SessionStore
from tui.app import make_app
from tui.cli.main import main

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX modes")


@pytest.fixture(autouse=True)
def umask_022() -> Iterator[None]:
    """The usual umask: without care, files come out 0644 and folders 0755."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    store = SessionStore(tmp_path / "data")
    store.create(full_session())
    store.create(full_session(title="Groupe B").model_copy(update={"id": "exemple2"}))
    return tmp_path / "data"


def cli(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), *args])


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_export_output_file_is_private(data: Path, tmp_path: Path, fmt: str, capsys) -> None:
    target = tmp_path / f"cr.{fmt}"
    assert cli(data, "export", "exemple1", "--format", fmt, "-o", str(target)) == 0
    assert mode(target) == 0o600
    assert "Alice Martin" in target.read_text(encoding="utf-8")


def test_export_replacing_a_readable_file_makes_it_private(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "cr.md"
    target.write_text("old", encoding="utf-8")
    assert mode(target) == 0o644
    assert cli(data, "export", "exemple1", "-o", str(target)) == 0
    assert mode(target) == 0o600 and target.read_text(encoding="utf-8") != "old"


def test_export_output_folder_of_the_user_is_left_alone(data: Path, tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    assert cli(data, "export", "exemple1", "-o", str(folder / "cr.md")) == 0
    assert mode(folder) == 0o755  # the user's own folder: only the file is ours


def test_agenda_export_output_file_is_private(data: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "deroule.toml"
    assert cli(data, "agenda", "export", "exemple1", "-o", str(target)) == 0
    assert mode(target) == 0o600
    assert "[[phases]]" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_synthesis_output_file_is_private(
    data: Path, tmp_path: Path, json_flag: list[str], capsys
) -> None:
    target = tmp_path / "synthese.md"
    assert cli(data, "synthesis", "exemple1", "exemple2", "-o", str(target), *json_flag) == 0
    assert mode(target) == 0o600
    assert "Groupe B" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("anonymous", [False, True])
async def test_f7_export_files_are_private(store, clock, anonymous: bool) -> None:
    store.create(full_session())
    app = make_app(store, clock, session_ref="exemple1")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f7", *(["ctrl+n"] if anonymous else []), "ctrl+e")
        await pilot.pause()
        files = sorted(store.exports_dir.iterdir())
        assert [p.suffix for p in files] == [".docx", ".html", ".md", ".odt"]  # office extra
        assert [mode(p) for p in files] == [0o600] * 4
        assert mode(store.exports_dir) == 0o700
        shown = [str(n.message) for n in app._notifications]
        written = f"{files[0].with_suffix('')} (.md, .html, .odt, .docx)"  # the toast names them
        assert any(written in message for message in shown)


async def test_f7_export_tightens_an_exports_folder_readable_by_others(store, clock) -> None:
    store.create(full_session())
    app = make_app(store, clock, session_ref="exemple1")
    async with app.run_test(size=(120, 40)) as pilot:
        store.exports_dir.mkdir(mode=0o755)
        assert mode(store.exports_dir) == 0o755
        await pilot.press("f7", "ctrl+e")
        await pilot.pause()
        assert mode(store.exports_dir) == 0o700
        assert [mode(p) for p in store.exports_dir.iterdir()] == [0o600] * 4


def test_export_without_hard_links_is_private_too(tmp_path: Path, monkeypatch) -> None:
    def no_link(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "no hard links here")

    monkeypatch.setattr(os, "link", no_link)
    path = write_new(tmp_path / "exports", "Groupe A", ".md", b"Alice Martin")
    assert path.read_bytes() == b"Alice Martin"
    assert mode(path) == 0o600 and mode(path.parent) == 0o700


def test_existing_atelier_home_and_its_folders_are_tightened(tmp_path: Path, monkeypatch) -> None:
    home = tmp_path / "home"
    folders = [home, *(home / name for name in ("sessions", "templates", "exports", "trash"))]
    for folder in folders:
        folder.mkdir(mode=0o755)
    assert [mode(f) for f in folders] == [0o755] * 5
    monkeypatch.setenv("ATELIER_HOME", str(home))
    assert default_data_dir() == home
    SessionStore(default_data_dir()).ensure()
    assert [mode(f) for f in folders] == [0o700] * 5


def test_app_start_tightens_the_data_folder(tmp_path: Path, clock) -> None:
    root = tmp_path / "data"
    root.mkdir(mode=0o755)
    make_app(SessionStore(root, clock), clock)
    assert mode(root) == 0o700
    assert mode(root / "sessions") == 0o700 and mode(root / "templates") == 0o700


def test_new_data_folder_session_and_trash_are_private(tmp_path: Path, capsys) -> None:
    data = tmp_path / "fresh" / "data"
    args = ["--template", "atelier-thematique", "--title", "Groupe A", "--no-open"]
    code = cli(data, "new", *args)
    assert code == 0
    [path] = (data / "sessions").glob("*.json")
    assert mode(data) == 0o700 and mode(data / "sessions") == 0o700
    assert mode(data / "templates") == 0o700 and mode(path) == 0o600
    target = SessionStore(data).trash(path.stem)
    assert mode(data / "trash") == 0o700 and mode(target) == 0o600


def test_a_wrong_mode_the_other_way_is_repaired(tmp_path: Path) -> None:
    folder = tmp_path / "x"
    folder.mkdir(mode=0o500)  # not even writable by its owner
    assert private_dir(folder) == folder and mode(folder) == 0o700


def test_a_folder_that_cannot_be_changed_is_used_as_it_is(tmp_path: Path, monkeypatch) -> None:
    """A read-only file system (a write-protected stick): the app still starts."""
    root = tmp_path / "data"
    for folder in (root, root / "sessions", root / "templates", root / "exports"):
        folder.mkdir(mode=0o755)

    def refused(path: object, mode: int) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    monkeypatch.setattr(os, "chmod", refused)
    SessionStore(root).ensure()
    assert mode(root) == 0o755
