"""Session files of every shape: each refused by name, left as it is, the others still listed.

Beyond the damaged files of ``test_rel_corrupt.py``: JSON that is a number, a
list or a string (whole, or as the session's document), a 5,000-digit integer,
100,000 levels of nesting, numbers out of a field's range (``Infinity``,
``NaN``, ``1e308``, negative minutes), a folder and a named pipe called
``x.json``. Every command (``list``, ``export``, ``status``, ``import ideas``,
``open``) and the home screen give a clear message naming the file and the
reason, never a traceback and never a hang; the file stays byte-identical, no
lock file is left beside it, and the other session is still found, by prefix
as well as by id.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import build_session

from sessions.i18n import t
from sessions.i18n.catalog import french_spacing
from sessions.storage.errors import CorruptSessionError
from sessions.storage.store import SessionStore
from tests.waits import settled, until
from tui.app import make_app
from tui.cli.main import main

BAD_ID = "x"
DEEP = b"[" * 100_000 + b"]" * 100_000


def _doc(good: bytes, **phase: object) -> bytes:
    """The good session's bytes with its first phase changed (as a hand edit would)."""
    tables = json.loads(good)
    doc = tables["session"]["1"]
    doc["agenda"][0].update(phase)
    doc["id"] = BAD_ID
    return json.dumps(tables).encode()  # Infinity and NaN as Python's json writes them


def _schema(where: str, detail: str) -> str:
    """The reason given for a value the schema refuses, as the catalog words it in French."""
    return t("storage.reason.wrong_schema_at", "fr", where=where, detail=french_spacing(detail))


# shape: (content from the good file's bytes, or a maker of a non-file; what the reason says)
CONTENTS: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "JSON number": (lambda g: b"42", "des tables de documents étaient attendues"),
    "JSON list": (lambda g: b"[1, 2, 3]", "des tables de documents étaient attendues"),
    "JSON string": (lambda g: b'"atelier"', "des tables de documents étaient attendues"),
    "document a number": (
        lambda g: b'{"session": {"1": 5}}',
        "des tables de documents étaient attendues",
    ),
    "document a list": (
        lambda g: b'{"session": {"1": [1]}}',
        "des tables de documents étaient attendues",
    ),
    "table a string": (lambda g: b'{"session": "1"}', "des tables de documents étaient attendues"),
    "5,000-digit integer": (lambda g: b"7" * 5000, "4300 chiffres"),
    "5,000-digit integer inside": (
        lambda g: g.replace(b'"title":', b'"title":' + b"7" * 5000 + b',"x":', 1),
        "4300 chiffres",
    ),
    "100,000 levels": (lambda g: DEEP, "imbriquées"),
    "100,000 levels inside": (
        lambda g: g.replace(b'"title":', b'"x":' + DEEP + b',"title":', 1),
        "imbriquées",
    ),
    "Infinity minutes": (
        lambda g: _doc(g, minutes=float("inf")),
        _schema("agenda.0.minutes", "un nombre fini était attendu, lu : inf"),
    ),
    "NaN minutes": (
        lambda g: _doc(g, minutes=float("nan")),
        _schema("agenda.0.minutes", "un nombre fini était attendu, lu : nan"),
    ),
    "1e308 minutes": (
        lambda g: _doc(g, minutes=1e308),
        _schema("agenda.0.minutes", "doit être inférieur ou égal à 10080, lu : 1e+308"),
    ),
    "negative minutes": (
        lambda g: _doc(g, minutes=-5),
        _schema("agenda.0.minutes", "doit être supérieur ou égal à 0, lu : -5"),
    ),
    "-Infinity extension": (
        lambda g: _doc(g, extended_s=float("-inf")),
        _schema("agenda.0.extended_s", "un nombre fini était attendu, lu : -inf"),
    ),
}
NOT_FILES = {"folder": "un dossier", "named pipe": "un tube nommé (FIFO)"}
SHAPES = [*CONTENTS, *NOT_FILES]


@pytest.fixture(autouse=True)
def _never_hang() -> Iterator[None]:
    """A hang (a pipe opened for reading waits for a writer) fails the test instead."""

    def hung(*_: object) -> None:
        raise TimeoutError("hung on a file that is not a regular file")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def good(store: SessionStore):  # type: ignore[no-untyped-def]
    session = build_session(title="Intacte")
    store.create(session)
    return session


def make_shape(store: SessionStore, good_bytes: bytes, shape: str) -> Path:
    """``x.json`` of ``shape`` in the sessions folder."""
    path = store.sessions_dir / f"{BAD_ID}.json"
    if shape == "folder":
        path.mkdir()
    elif shape == "named pipe":
        os.mkfifo(path)
    else:
        path.write_bytes(CONTENTS[shape][0](good_bytes))
    return path


def reason_of(shape: str) -> str:
    return NOT_FILES[shape] if shape in NOT_FILES else CONTENTS[shape][1]


def snapshot(path: Path) -> bytes | str:
    """What must not change: the bytes of a file, the kind of anything else."""
    return path.read_bytes() if path.is_file() else ("dir" if path.is_dir() else "fifo")


def hidden(store: SessionStore) -> list[str]:
    """Lock files (and any other hidden file) of ``x.json`` in the sessions folder."""
    return sorted(p.name for p in store.sessions_dir.iterdir() if p.name.startswith(f".{BAD_ID}."))


@pytest.fixture(params=SHAPES)
def bad(request, store: SessionStore, good):  # type: ignore[no-untyped-def]
    shape = request.param
    good_bytes = store.path_for(good.id).read_bytes()
    path = make_shape(store, good_bytes, shape)
    before = snapshot(path)
    yield shape, path
    assert snapshot(path) == before  # left byte-identical (or the folder, the pipe)
    assert hidden(store) == []  # no lock file left beside it


def cli(store: SessionStore, *argv: str) -> int:
    return main(["--data-dir", str(store.root), *argv])


def test_store_entries_list_the_others_and_name_the_reason(store, good, bad) -> None:
    shape, path = bad
    entries = store.entries()
    assert [e.session.title for e in entries if e.session] == ["Intacte"]
    [broken] = [e for e in entries if e.error]
    assert broken.path == path and reason_of(shape) in broken.error
    with pytest.raises(CorruptSessionError) as caught:
        store.load(BAD_ID)
    assert caught.value.path == path and reason_of(shape) in caught.value.reason


def test_cli_list(store, good, bad, capsys) -> None:
    shape, path = bad
    assert cli(store, "list") == 0
    out = capsys.readouterr().out
    assert "Intacte" in out
    [line] = [line for line in out.splitlines() if str(path) in line]
    assert "FICHIER ILLISIBLE" in line and reason_of(shape) in line
    assert cli(store, "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [e["title"] for e in listed if not e["corrupt"]] == ["Intacte"]
    assert [(e["path"], reason_of(shape) in e["error"]) for e in listed if e["corrupt"]] == [
        (str(path), True)
    ]


@pytest.mark.parametrize(
    "argv",
    [
        ("export", BAD_ID, "--format", "md", "-o", "{tmp}/out.md"),
        ("status", BAD_ID),
        ("status", BAD_ID, "--json"),
        ("import", "ideas", BAD_ID, "{tmp}/ideas.txt"),
        ("open", BAD_ID),
    ],
    ids=["export", "status", "status --json", "import ideas", "open"],
)
def test_cli_commands_name_the_file_and_the_reason(
    store, good, bad, capsys, tmp_path: Path, argv: tuple[str, ...]
) -> None:
    shape, path = bad
    (tmp_path / "ideas.txt").write_text("une idée\n", encoding="utf-8")
    args = [arg.replace("{tmp}", str(tmp_path)) for arg in argv]
    assert cli(store, *args) == 4
    captured = capsys.readouterr()
    [message] = captured.err.strip().splitlines()[:1]
    assert message.startswith("atelier: fichier de session illisible, laissé intact")
    assert str(path) in message and reason_of(shape) in message
    assert "Traceback" not in captured.err
    assert not (tmp_path / "out.md").exists()


def test_cli_status_and_export_of_the_other_session_still_work(
    store, good, bad, capsys, tmp_path: Path
) -> None:
    prefix = good.id[:4]  # not only by exact id
    assert cli(store, "status", prefix) == 0
    assert "Pas commencé" in capsys.readouterr().out
    assert cli(store, "status", "Intacte", "--json") == 0
    assert json.loads(capsys.readouterr().out)["session"] == good.id
    out = tmp_path / "intacte.md"
    assert cli(store, "export", prefix, "--format", "md", "-o", str(out)) == 0
    assert "Intacte" in out.read_text(encoding="utf-8")


async def test_home_screen_lists_the_others_and_shows_the_bad_one_unreadable(
    store, clock, good, bad
) -> None:
    from textual.widgets import DataTable

    from tui.screens.corrupt import CorruptFileScreen

    shape, path = bad
    app = make_app(store, clock)
    async with app.run_test(size=(160, 40)) as pilot:
        await until(pilot, lambda: app.screen.query_one(DataTable).row_count >= 2)
        table = app.screen.query_one(DataTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        titles = [str(row[0]) for row in rows]
        assert titles[0] == "Intacte"
        assert titles[1] == f"⚠ illisible\u202f: {path.name}"  # French: a thin space before ':'
        assert reason_of(shape) in str(rows[1][3])
        await pilot.press("down", "enter")  # open the unreadable one: told why, nothing opened
        await until(pilot, lambda: isinstance(app.screen, CorruptFileScreen) and settled(app))
        assert isinstance(app.screen, CorruptFileScreen)
        assert app.handle is None
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert str(path) in shown and reason_of(shape) in shown
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, CorruptFileScreen) and settled(app))
        await pilot.press("up", "enter")  # the other one opens as always
        await until(pilot, lambda: app.session is not None)
        assert app.session is not None and app.session.title == "Intacte"


def test_status_reads_a_folder_or_pipe_given_as_a_path_without_waiting(
    store, good, capsys, tmp_path: Path
) -> None:
    pipe = tmp_path / "tube.json"
    os.mkfifo(pipe)
    assert cli(store, "status", str(pipe)) == 4
    assert "un tube nommé (FIFO)" in capsys.readouterr().err
    folder = tmp_path / "dossier.json"
    folder.mkdir()
    assert cli(store, "status", str(folder)) == 4
    assert "un dossier" in capsys.readouterr().err


def test_english_messages_for_the_new_reasons(store, good, capsys) -> None:
    os.mkfifo(store.sessions_dir / "pipe.json")
    (store.sessions_dir / "deep.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    (store.sessions_dir / "long.json").write_bytes(b"9" * 5000)
    assert cli(store, "--lang", "en", "list") == 0
    out = capsys.readouterr().out
    assert "not a regular file (a named pipe (FIFO)): skipped" in out
    assert "values nested on too many levels" in out
    assert "a number of more than 4300 digits" in out


def test_a_lock_file_of_an_unreadable_session_is_removed_even_if_it_was_there(
    store, good, capsys
) -> None:
    path = store.sessions_dir / f"{BAD_ID}.json"
    path.write_bytes(b"[]")
    stale = store.sessions_dir / f".{BAD_ID}.json.lock"
    stale.write_text("123\n")
    assert cli(store, "import", "ideas", BAD_ID, os.devnull) == 4
    assert not stale.exists()
    assert path.read_bytes() == b"[]"


def test_a_session_opened_elsewhere_keeps_its_lock(store, good) -> None:
    # Only the lock of a file that does not read is removed.
    with store.open(good.id) as handle:
        holder = store.sessions_dir / f".{good.id}.json.holder"
        assert holder.exists() and not handle.read_only
        with contextlib.suppress(CorruptSessionError):
            store.load(good.id)
        assert holder.exists()


@pytest.mark.parametrize("shape", ["named pipe", "folder", "Infinity minutes"])
async def test_a_template_of_any_shape_neither_hangs_nor_hides_the_others(
    store, clock, good, capsys, shape: str
) -> None:
    from textual.widgets import DataTable

    bad = store.templates_dir / "mien.toml"
    if shape == "named pipe":
        os.mkfifo(bad)
    elif shape == "folder":
        bad.mkdir()
    else:
        bad.write_text('title = "Mien"\n[[phases]]\ntitle = "A"\nminutes = inf\n')
    assert cli(store, "templates") == 0
    out = capsys.readouterr().out
    assert "mien" not in out and "idees-recues" in out  # the built-ins still listed
    app = make_app(store, clock)
    async with app.run_test(size=(160, 40)) as pilot:
        await until(pilot, lambda: app.screen.query_one(DataTable).row_count >= 1)
        table = app.screen.query_one(DataTable)
        assert str(table.get_row_at(0)[0]) == "Intacte"
