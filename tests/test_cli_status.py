"""``atelier status`` on the command line: the light path prints what the full load prints.

Each case runs the command twice on the same files and the same fake clock:
as it runs now (a well-formed file is read without pydantic), and with the
light reader switched off (every session through ``SessionStore.load``, as
before). Output, errors and exit codes must be the same, byte for byte.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

import pytest

from sessions.agenda.catalog import find_template
from sessions.core.clock import FakeClock
from sessions.core.factory import session_from_template
from sessions.models import Rotation, Turn
from sessions.storage import peek as peek_module
from sessions.storage.safe_storage import backup_path
from sessions.storage.store import SessionStore
from sessions.timer import ops
from sessions.timer.position import Stamp
from tests.cli_helpers import captured, commands_read, parsed
from tui.cli.context import EXIT_CORRUPT, EXIT_NEWER, EXIT_NOT_FOUND, Context

main_module = __import__("tui.cli.main", fromlist=["build_parser"])


@pytest.fixture
def data(tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> SessionStore:
    """Three sessions (two ids share a prefix); commands get the fake clock."""
    store = SessionStore(tmp_path, clock)
    for sid, template, title in [
        ("ab12cd34", "divergence-convergence", "Atelier A"),
        ("ab99ff00", "idees-recues", "Atelier \x1b[31mB\x1b[0m"),
        ("c0ffee00", "ecosysteme-ressources", "Autre"),
    ]:
        session = session_from_template(find_template(template), title=title, on=date(2026, 11, 22))
        session.id = sid
        session.agenda[0].turns = [Turn(label="Groupe 1", minutes=2), Turn(label="G2", minutes=2)]
        session.agenda[0].rotation = Rotation(every_minutes=1.5, label="Tournez")
        store.create(session)
    commands_read(clock, monkeypatch)
    return store


def run(store: SessionStore, *argv: str) -> tuple[int, str, str]:
    return captured(["--data-dir", str(store.root), *argv])


def both_ways(store: SessionStore, monkeypatch: pytest.MonkeyPatch, *argv: str):
    """(light run, full run) of the same command line on the same files and clock."""
    light = run(store, *argv)
    with monkeypatch.context() as m:
        m.setattr(peek_module, "peek", lambda data_dir, ref: None)
        full = run(store, *argv)
    return light, full


def step(store: SessionStore, clock: FakeClock, sid: str, *names: str) -> None:
    for name in names:
        store.transact(sid, lambda s, name=name: ops.COMMANDS[name](s, Stamp.of(clock)))


REFS = ["ab12cd34", "ab12", "c", "Atelier A", "Autre", "{root}/sessions/ab99ff00.json"]


@pytest.mark.parametrize("ref", REFS)
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("as_json", [True, False], ids=["json", "line"])
def test_same_output_in_every_timer_state(data, clock, monkeypatch, ref, lang, as_json) -> None:
    ref = ref.format(root=data.root)
    sid = data.load(ref).id
    argv = ["--lang", lang, "status", ref] + (["--json"] if as_json else [])
    seen = []

    def check() -> None:
        light, full = both_ways(data, monkeypatch, *argv)
        assert light == full
        assert light[0] == 0 and light[1].strip()
        seen.append(light[1])

    check()  # not started
    step(data, clock, sid, "start")
    clock.advance(100)
    check()  # running, a turn and a rotation
    step(data, clock, sid, "turn")
    clock.advance(50)
    step(data, clock, sid, "pause")
    check()  # paused
    step(data, clock, sid, "resume")
    clock.advance(10_000)
    check()  # overtime
    for _ in range(12):
        clock.advance(60)
        try:
            step(data, clock, sid, "next")
        except ops.TimerError:
            break
    check()  # finished
    assert len(set(seen)) == len(seen)  # each state said something different
    assert "\x1b" not in "".join(seen)


def test_the_light_path_is_taken(data, monkeypatch) -> None:
    """A well-formed file never reaches the store (nor pydantic)."""

    def no_store(self):  # type: ignore[no-untyped-def]
        raise AssertionError("status loaded the session with pydantic")

    monkeypatch.setattr(Context, "store", property(no_store))
    for ref in ("ab12cd34", "ab12", "Autre"):
        code, out, _err = run(data, "status", ref, "--json")
        assert code == 0
        assert json.loads(out)["session"] == data.load(ref).id


@pytest.mark.parametrize("ref", ["ab", "zz", "Atelier", "nope.json", "x/y.json"])
def test_unknown_and_ambiguous_names(data, monkeypatch, ref) -> None:
    light, full = both_ways(data, monkeypatch, "--lang", "en", "status", ref)
    assert light == full
    assert light[0] == EXIT_NOT_FOUND


BROKEN = {
    "empty": b"",
    "truncated": b'{"session": {"1": {"id": "ab12cd34"',
    "not utf-8": b'{"session": {"1": {"title": "\xff"}}}',
    "no document": b'{"session": {}}',
    "wrong schema": b'{"session": {"1": {"id": "ab12cd34", "title": 3, "date": "2026-11-22"}}}',
    "unknown key": b'{"session": {"1": {"id": "ab12cd34", "title": "T", "date": "x", "z": 1}}}',
    "newer schema": b'{"session": {"1": {"schema_version": 99, "id": "ab12cd34"}}}',
    "string minutes": (
        b'{"session": {"1": {"id": "ab12cd34", "title": "T", "date": "2026-11-22",'
        b' "agenda": [{"id": "p", "title": "P", "minutes": "dix"}]}}}'
    ),
}


@pytest.mark.parametrize("content", list(BROKEN.values()), ids=list(BROKEN))
@pytest.mark.parametrize("ref", ["ab12cd34", "ab12", "Atelier A"])
def test_broken_files_give_the_same_error(data, monkeypatch, content, ref) -> None:
    path = data.path_for("ab12cd34")
    backup_path(path).write_bytes(path.read_bytes())
    path.write_bytes(content)
    light, full = both_ways(data, monkeypatch, "--lang", "en", "status", ref)
    assert light == full
    if ref == "ab12cd34":  # named directly: the file's own error
        newer = content == BROKEN["newer schema"]  # not damaged: its own exit code
        assert light[0] == (EXIT_NEWER if newer else EXIT_CORRUPT)
        assert str(path) in light[2]
        if content != BROKEN["newer schema"]:  # a newer file is not this backup's business
            assert str(backup_path(path)) in light[2]  # the backup is offered
    assert "Traceback" not in light[2]


def test_lax_values_pydantic_accepts_go_through_it(data, monkeypatch) -> None:
    """Minutes written as text are valid for the models: the full load answers."""
    path = data.path_for("c0ffee00")
    doc = json.loads(path.read_bytes())
    doc["session"]["1"]["agenda"][0]["minutes"] = "7"
    doc["session"]["1"]["timer"]["index"] = 0.0
    path.write_text(json.dumps(doc))
    assert peek_module.peek(data.root, "c0ffee00") is None
    light, full = both_ways(data, monkeypatch, "status", "c0ffee00", "--json")
    assert light == full
    assert json.loads(light[1])["phase"]["planned_s"] == 420


# -- the parser: only the named subcommand, same behaviour ------------------------------


def parse(argv: list[str], targeted: bool) -> tuple[object, str, str]:
    result, out, err = parsed(argv, argv if targeted else None)
    if isinstance(result, dict):
        result = {k: v for k, v in result.items() if k != "func"} | {
            "func": getattr(result.get("func"), "__module__", None)
        }
    return result, out, err


def commands() -> list[str]:
    parser = main_module.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(sub.choices)


@pytest.mark.parametrize("name", commands())
@pytest.mark.parametrize(
    "tail",
    [["--help"], [], ["x"], ["x", "--json"], ["--bogus"], ["x", "y", "z", "--no-open"]],
    ids=lambda tail: " ".join(tail) or "bare",
)
def test_a_targeted_parser_behaves_as_the_full_one(name, tail) -> None:
    for head in ([], ["--data-dir", "/tmp/d", "--lang=en"]):
        argv = [*head, name, *tail]
        assert parse(argv, targeted=True) == parse(argv, targeted=False), argv


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--help"],
        ["-h", "status"],
        ["--lang", "en"],
        ["--data", "/tmp", "status", "x"],
        ["--data-dir", "--lang", "status"],
        ["--", "status", "x"],
        ["--version"],
        ["frobnicate"],
        ["stat", "x"],
    ],
    ids=repr,
)
def test_unclear_command_lines_get_every_subcommand(argv) -> None:
    assert main_module._command_modules(argv) == main_module._command_modules(None)
    assert parse(argv, targeted=True) == parse(argv, targeted=False)


@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "xx", "status", "x"],
        ["--data-dir", "/d", "status", "x", "--lang"],
        ["status", "x", "--help"],
        ["status", "x", "extra"],
        ["--lang", "en", "status"],
    ],
    ids=repr,
)
def test_top_level_errors_are_the_same(argv) -> None:
    assert parse(argv, targeted=True) == parse(argv, targeted=False)


@pytest.mark.parametrize(
    ("argv", "module"),
    [
        (["status", "x"], "status"),
        (["--data-dir", "/d", "--lang", "fr", "status", "x", "--json"], "status"),
        (["--data-dir=/d", "list"], "list_"),
        (["import", "--help"], "import_"),
        (["open"], "open_"),
    ],
)
def test_a_plain_command_line_registers_one_module(argv, module) -> None:
    assert main_module._command_modules(argv) == [module]
