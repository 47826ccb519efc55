"""A plain ``atelier open`` command line is read without argparse (issue 17: start-up).

``tui.cli.commands.open_.plain_args`` reads ``[--data-dir D] [--lang L] open
SESSION [--projector]`` by hand and gives None for anything else, which
argparse then reads. Wherever it answers, it answers what argparse gives.
"""

from __future__ import annotations

import io
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout

import pytest

from tui.cli.commands import open_
from tui.cli.main import build_parser

PLAIN = [
    ["open", "abc"],
    ["open", "abc", "--projector"],
    ["open", "--projector", "abc"],
    ["open", "--projector", "abc", "--projector"],
    ["--data-dir", "/tmp/d", "open", "abc"],
    ["--data-dir=/tmp/d", "--lang=en", "open", "abc", "--projector"],
    ["--lang", "fr", "--data-dir", "rel/dir", "open", "Atelier A"],
    ["--lang", "en", "--lang", "fr", "open", "abc"],
    ["--data-dir", "/a", "--data-dir", "/b", "open", "abc"],
    ["--data-dir", "open", "open", "abc"],
    ["open", ""],
    ["open", "a b=c"],
    ["open", "/tmp/d/sessions/abc.json"],
]

NOT_PLAIN = [
    [],
    ["open"],
    ["open", "--projector"],
    ["open", "abc", "def"],
    ["open", "abc", "-h"],
    ["open", "abc", "--help"],
    ["open", "abc", "--proj"],
    ["open", "abc", "--projector=1"],
    ["open", "abc", "--json"],
    ["open", "--", "abc"],
    ["open", "-1"],
    ["open", "abc", "--lang", "en"],
    ["--lang", "de", "open", "abc"],
    ["--lang=", "open", "abc"],
    ["--data-dir=", "open", "abc"],
    ["--data-dir", "-x", "open", "abc"],
    ["--data-dir"],
    ["--data", "/tmp", "open", "abc"],
    ["-h", "open", "abc"],
    ["--version", "open", "abc"],
    ["ope", "abc"],
    ["status", "abc"],
    ["list"],
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
    plain = open_.plain_args(argv)
    assert plain is not None
    assert vars(plain) == argparse_reads(argv)
    assert plain.func is open_.run


@pytest.mark.parametrize("argv", NOT_PLAIN, ids=repr)
def test_anything_else_is_left_to_argparse(argv: list[str]) -> None:
    assert open_.plain_args(argv) is None


def test_atelier_open_imports_no_argparse(tmp_path) -> None:
    """Up to the command itself (its first frame), argparse is never imported."""
    code = (
        "import sys\n"
        "from tui.cli import main\n"
        "from tui.cli.commands import open_\n"
        "def run(args, ctx):\n"
        "    print(args.session, sorted(m for m in ('argparse', 'gettext') if m in sys.modules))\n"
        "    return 0\n"
        "open_.run = run\n"
        f"sys.exit(main(['--data-dir', {str(tmp_path)!r}, 'open', 'abc']))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "abc []", out.stderr[-2000:]
