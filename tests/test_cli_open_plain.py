"""A plain ``atelier open`` command line is read without argparse (issue 17: start-up).

``tui.cli.commands.open_.plain_args`` reads ``[--data-dir D] [--lang L] open
SESSION [--projector]`` by hand and gives None for anything else, which
argparse then reads. Wherever it answers, it answers what argparse gives.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.cli_helpers import assert_read_as_argparse_reads, other_forms, plain_forms
from tui.cli.commands import open_

PLAIN = plain_forms("open", "--projector")
NOT_PLAIN = [
    *other_forms("open", "--projector"),
    ["open", "abc", "--proj"],
    ["open", "abc", "--json"],
    ["ope", "abc"],
    ["status", "abc"],
]


@pytest.mark.parametrize("argv", PLAIN, ids=repr)
def test_a_plain_command_line_reads_as_argparse_reads_it(argv: list[str]) -> None:
    assert_read_as_argparse_reads(open_, argv)


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
