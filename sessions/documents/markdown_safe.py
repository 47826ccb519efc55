"""Markdown that keeps user text literal: escaping for inline text, table cells and fences.

Everything a participant or the scribe typed goes through these helpers before
it reaches the minutes, so that no idea can turn into a heading, a list, a
link, raw HTML, an entity or a broken table:

- ``escape_inline`` backslash-escapes the characters that start inline
  constructs (``\\ ` * _ [ ] < > & | ~ #``), and, when the text may start a
  line, the line-start markers (``- + = >`` and ``1.`` / ``1)``);
- ``cell`` makes a GFM table cell: newlines become spaces (a table row is one
  line), and the text is escaped, so the parsed cell is exactly
  ``cell_value(text)``;
- ``paragraphs`` keeps the line structure of a multi-line field (hard breaks);
- ``fence`` wraps preformatted text (the grid) in a backtick fence longer than
  any backtick run inside it.

Control characters are expected to be removed earlier (``sessions.core.text.clean_text``).
"""

from __future__ import annotations

import re
from functools import lru_cache

_INLINE_SPECIAL = set("\\`*_[]<>&|~#")
_LINE_START_MARKS = set("-+=>")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=[ \t]|$)")  # CommonMark: a marker ends in a blank
_NEWLINES = re.compile(r"\r\n|\r|\n")
_BACKTICKS = re.compile(r"`+")
_ESCAPED = str.maketrans({c: "\\" + c for c in _INLINE_SPECIAL})
_LINE_START_CHARS = set("-+=>0123456789")


def escape_inline(text: str, line_start: bool = True) -> str:
    """``text`` (one line) as Markdown that renders as exactly these characters.

    With ``line_start`` the text may begin a line, so list, quote, heading and
    setext markers at its start are escaped too; leading whitespace is dropped
    (Markdown would drop it, or read four spaces as code). Line breaks inside
    ``text`` become spaces.
    """
    if "\n" in text or "\r" in text:
        text = _NEWLINES.sub(" ", text)
    if line_start:
        text = text.lstrip(" \t")
    out = text.translate(_ESCAPED)  # one C pass (minutes of 1,000 ideas: 22,000 cells)
    first = out[:1]
    plain_number = out.isascii() and out.isdecimal()
    if not line_start or first not in _LINE_START_CHARS or plain_number:
        return out
    if first in _LINE_START_MARKS:
        return "\\" + out
    return _ORDERED.sub(r"\1\\\2", out, count=1)


def cell_value(text: str) -> str:
    """What a table cell made by ``cell(text)`` reads as once parsed."""
    if "\n" in text or "\r" in text:
        text = _NEWLINES.sub(" ", text)
    return text.strip()


@lru_cache(maxsize=16384)  # numbers, names and statuses repeat across the minutes' rows
def cell(text: str) -> str:
    """``text`` as the content of a GFM table cell (one line, every character literal)."""
    return escape_inline(cell_value(text), line_start=True)


def row(cells: list[str]) -> str:
    """One table row from already-escaped cells."""
    return "| " + " | ".join(c if c else " " for c in cells) + " |"


def table(header: list[str], rows: list[list[str]], align: list[str] | None = None) -> str:
    """A GFM table; ``header`` and ``rows`` hold raw text, escaped here.

    ``align`` holds ``"l"``, ``"r"`` or ``"c"`` per column (left by default).
    """
    marks = {"l": "---", "r": "--:", "c": ":-:"}
    align = align or ["l"] * len(header)
    lines = [row([cell(h) for h in header]), row([marks[a] for a in align])]
    lines.extend(row([cell(c) for c in r]) for r in rows)
    return "\n".join(lines)


def paragraphs(text: str) -> str:
    """A multi-line field as Markdown paragraphs: blank lines split, line breaks kept."""
    blocks: list[list[str]] = [[]]
    for line in _NEWLINES.split(text):
        if line.strip():
            blocks[-1].append(escape_inline(line.rstrip()))
        elif blocks[-1]:
            blocks.append([])
    return "\n\n".join("\\\n".join(block) for block in blocks if block)


def fence(content: str, info: str = "text") -> str:
    """``content`` in a code fence no backtick run inside can close."""
    longest = max((len(m.group()) for m in _BACKTICKS.finditer(content)), default=0)
    marks = "`" * max(3, longest + 1)
    body = content if content.endswith("\n") or not content else content + "\n"
    return f"{marks}{info}\n{body}{marks}"
