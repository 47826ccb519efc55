"""A plain ``atelier status`` command line is read without argparse (issue 17).

``tui.cli.commands.status.plain_args`` reads ``[--data-dir D] [--lang L]
status SESSION [--json]`` by hand and gives None for anything else, which
argparse then reads. Wherever it answers, it answers what argparse gives.
"""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from tui.cli.commands import status
from tui.cli.main import build_parser, main

PLAIN = [
    ["status", "abc"],
    ["status", "abc", "--json"],
    ["status", "--json", "abc"],
    ["status", "--json", "abc", "--json"],
    ["--data-dir", "/tmp/d", "status", "abc"],
    ["--data-dir=/tmp/d", "--lang=en", "status", "abc", "--json"],
    ["--lang", "fr", "--data-dir", "rel/dir", "status", "Atelier A"],
    ["--lang", "en", "--lang", "fr", "status", "abc"],
    ["--data-dir", "/a", "--data-dir", "/b", "status", "abc"],
    ["--data-dir", "status", "status", "abc"],
    ["status", ""],
    ["status", "a b=c"],
    ["status", "/tmp/d/sessions/abc.json"],
]

NOT_PLAIN = [
    [],
    ["status"],
    ["status", "--json"],
    ["status", "abc", "def"],
    ["status", "abc", "-h"],
    ["status", "abc", "--help"],
    ["status", "abc", "--js"],
    ["status", "abc", "--json=1"],
    ["status", "--", "abc"],
    ["status", "-1"],
    ["status", "abc", "--lang", "en"],
    ["--lang", "de", "status", "abc"],
    ["--lang=", "status", "abc"],
    ["--data-dir=", "status", "abc"],
    ["--data-dir", "-x", "status", "abc"],
    ["--data-dir"],
    ["--data", "/tmp", "status", "abc"],
    ["-h", "status", "abc"],
    ["--version", "status", "abc"],
    ["stat", "abc"],
    ["list"],
    ["timer", "abc", "start"],
]


def argparse_reads(argv: list[str]) -> object:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            return vars(build_parser(argv).parse_args(argv))
        except SystemExit as exc:
            return ("exit", exc.code)


@pytest.mark.parametrize("argv", PLAIN, ids=repr)
def test_a_plain_command_line_reads_as_argparse_reads_it(argv: list[str]) -> None:
    plain = status.plain_args(argv)
    assert plain is not None
    assert vars(plain) == argparse_reads(argv)
    assert plain.func is status.run


@pytest.mark.parametrize("argv", NOT_PLAIN, ids=repr)
def test_anything_else_is_left_to_argparse(argv: list[str]) -> None:
    assert status.plain_args(argv) is None


def test_the_plain_reading_gives_the_same_output_and_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through ``main``: an unknown session says so, the same with or without argparse."""
    seen = []
    for plain in (True, False):
        if not plain:
            monkeypatch.setattr(status, "plain_args", lambda argv: None)
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(["--data-dir", str(tmp_path), "--lang", "en", "status", "nope", "--json"])
        seen.append((code, out.getvalue(), err.getvalue()))
    assert seen[0] == seen[1]
    assert seen[0][0] == 3 and "unknown session: nope" in seen[0][2]
