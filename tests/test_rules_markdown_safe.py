"""Rules of the Markdown escaping that keeps user text literal (documents/markdown_safe.py)."""

from __future__ import annotations

from sessions.documents.markdown_safe import (
    cell,
    cell_value,
    escape_inline,
    fence,
    paragraphs,
    row,
    table,
)


def test_every_inline_special_character_is_escaped() -> None:
    assert escape_inline("a\\b`c*d_e[f]g<h>i&j|k~l#m") == (
        "a\\\\b\\`c\\*d\\_e\\[f\\]g\\<h\\>i\\&j\\|k\\~l\\#m"
    )
    assert escape_inline("plain text, 3.5 !") == "plain text, 3.5 !"


def test_line_start_markers_are_escaped_only_at_a_line_start() -> None:
    for mark in "-+=":
        assert escape_inline(f"{mark} item") == f"\\{mark} item"
        assert escape_inline(f"{mark} item", line_start=False) == f"{mark} item"
    assert escape_inline("> quote") == "\\> quote"  # ">" is inline-escaped, once
    assert escape_inline("12. point") == "12\\. point"
    assert escape_inline("3) point") == "3\\) point"
    assert escape_inline("12. point", line_start=False) == "12. point"
    assert escape_inline("2026 en chiffres") == "2026 en chiffres"
    assert escape_inline("1234567890. long") == "1234567890. long"  # 10 digits: no list


def test_a_plain_number_is_left_as_it_is() -> None:
    assert escape_inline("42") == "42"
    assert escape_inline("0") == "0"


def test_leading_spaces_are_dropped_at_a_line_start_and_kept_elsewhere() -> None:
    assert escape_inline("    - code?") == "\\- code?"
    assert escape_inline("\t x") == "x"
    assert escape_inline("  x", line_start=False) == "  x"


def test_line_breaks_become_spaces() -> None:
    assert escape_inline("a\nb\r\nc\rd") == "a b c d"
    assert escape_inline("x\n- y") == "x - y"


def test_a_cell_is_one_trimmed_escaped_line() -> None:
    assert cell_value(" a\nb\r\nc ") == "a b c"
    assert cell_value(" x ") == "x"
    assert cell(" a|b\n- c ") == "a\\|b - c"
    assert cell("- x") == "\\- x"
    assert cell("") == ""


def test_rows_and_tables() -> None:
    assert row(["a", "", "b"]) == "| a |   | b |"
    assert table(["N°", "Idée"], [["1", "a|b"], ["2", ""]], ["r", "l"]) == (
        "| N° | Idée |\n| --: | --- |\n| 1 | a\\|b |\n| 2 |   |"
    )
    assert table(["A", "B", "C"], [], ["c", "l", "r"]).splitlines()[1] == "| :-: | --- | --: |"
    assert table(["A", "B"], []).splitlines()[1] == "| --- | --- |"


def test_paragraphs_keep_line_breaks_and_split_on_blank_lines() -> None:
    text = "\n\n- un  \ndeux\n\n\n  \n# trois\r\nquatre\n\n"
    assert paragraphs(text) == "\\- un\\\ndeux\n\n\\# trois\\\nquatre"
    assert paragraphs("") == ""
    assert paragraphs("seul") == "seul"


def test_a_fence_is_longer_than_any_backtick_run_inside() -> None:
    assert fence("grid") == "```text\ngrid\n```"
    assert fence("a\n", info="") == "```\na\n```"
    assert fence("") == "```text\n```"
    assert fence("x ``` y") == "````text\nx ``` y\n````"
    assert fence("`` and ` ") == "```text\n`` and ` \n```"
