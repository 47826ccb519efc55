"""A plain ``atelier status`` command line is read without argparse (issue 17).

``tui.cli.commands.status.plain_args`` reads ``[--data-dir D] [--lang L]
status SESSION [--json]`` by hand and gives None for anything else, which
argparse then reads. Wherever it answers, it answers what argparse gives.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_helpers import assert_read_as_argparse_reads, captured, other_forms, plain_forms
from tui.cli.commands import status

PLAIN = plain_forms("status", "--json")
NOT_PLAIN = [
    *other_forms("status", "--json"),
    ["status", "abc", "--js"],
    ["stat", "abc"],
    ["timer", "abc", "start"],
]


@pytest.mark.parametrize("argv", PLAIN, ids=repr)
def test_a_plain_command_line_reads_as_argparse_reads_it(argv: list[str]) -> None:
    assert_read_as_argparse_reads(status, argv)


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
        seen.append(
            captured(["--data-dir", str(tmp_path), "--lang", "en", "status", "nope", "--json"])
        )
    assert seen[0] == seen[1]
    assert seen[0][0] == 3 and "unknown session: nope" in seen[0][2]
