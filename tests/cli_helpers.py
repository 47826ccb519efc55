"""What the command-line tests share: running ``atelier``, its fake clock, argparse's reading."""

from __future__ import annotations

import io
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from types import ModuleType

import pytest

from sessions.core.clock import FakeClock
from tui.cli.context import Context
from tui.cli.main import build_parser, main


def commands_read(clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command run from now on reads ``clock`` (through its ``Context``)."""
    original = Context.__init__

    def init(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        original(self, *args, **kwargs)
        self.clock = clock

    monkeypatch.setattr(Context, "__init__", init)


def atelier_on(
    root: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, *head: str
) -> Callable[..., int]:
    """``run(*argv)``: ``atelier --data-dir ROOT *head *argv``'s exit code, on the fake clock."""
    commands_read(clock, monkeypatch)
    return lambda *argv: main(["--data-dir", str(root), *head, *argv])


def captured(argv: list[str]) -> tuple[int, str, str]:
    """``atelier *argv``: its exit code, what it printed and what it said on stderr."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def parsed(argv: list[str], argv_for_parser: list[str] | None) -> tuple[object, str, str]:
    """argparse's namespace for ``argv`` (or its exit), its output and its errors.

    The parser is ``build_parser(argv_for_parser)``: only the subcommand it
    names when plain, every subcommand for None.
    """
    parser = build_parser(argv_for_parser)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            result: object = vars(parser.parse_args(argv))
        except SystemExit as exc:
            result = ("exit", exc.code)
    return result, out.getvalue(), err.getvalue()


def argparse_reads(argv: list[str]) -> object:
    """What ``atelier``'s parser gives for ``argv``: its namespace, or ``("exit", code)``."""
    return parsed(argv, argv)[0]


def assert_read_as_argparse_reads(module: ModuleType, argv: list[str]) -> None:
    """``module.plain_args`` reads ``argv`` and gives argparse's namespace, to ``module.run``."""
    plain = module.plain_args(argv)
    assert plain is not None
    assert vars(plain) == argparse_reads(argv)
    assert plain.func is module.run


# -- command lines for a plain reader: ``COMMAND SESSION [FLAG]`` ----------------------


def plain_forms(command: str, flag: str) -> list[list[str]]:
    """Command lines in the plain form, which ``plain_args`` reads (and argparse the same)."""
    return [
        [command, "abc"],
        [command, "abc", flag],
        [command, flag, "abc"],
        [command, flag, "abc", flag],
        ["--data-dir", "/tmp/d", command, "abc"],
        ["--data-dir=/tmp/d", "--lang=en", command, "abc", flag],
        ["--lang", "fr", "--data-dir", "rel/dir", command, "Atelier A"],
        ["--lang", "en", "--lang", "fr", command, "abc"],
        ["--data-dir", "/a", "--data-dir", "/b", command, "abc"],
        ["--data-dir", command, command, "abc"],
        [command, ""],
        [command, "a b=c"],
        [command, "/tmp/d/sessions/abc.json"],
    ]


def other_forms(command: str, flag: str) -> list[list[str]]:
    """Command lines that are not the plain form: ``plain_args`` leaves them to argparse."""
    return [
        [],
        [command],
        [command, flag],
        [command, "abc", "def"],
        [command, "abc", "-h"],
        [command, "abc", "--help"],
        [command, "abc", f"{flag}=1"],
        [command, "--", "abc"],
        [command, "-1"],
        [command, "abc", "--lang", "en"],
        ["--lang", "de", command, "abc"],
        ["--lang=", command, "abc"],
        ["--data-dir=", command, "abc"],
        ["--data-dir", "-x", command, "abc"],
        ["--data-dir"],
        ["--data", "/tmp", command, "abc"],
        ["-h", command, "abc"],
        ["--version", command, "abc"],
        ["list"],
    ]
