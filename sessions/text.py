"""Cleaning of text typed or imported by users, before it is stored or shown.

Control characters, ANSI escape sequences, bidirectional overrides and lone
surrogates never reach the saved file or the terminal; tabs become spaces;
newlines are kept only where a field allows several lines.
"""

from __future__ import annotations

import re
import unicodedata

ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
BIDI = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
MAX_IDEA_CHARS = 500


def clean_text(text: str, multiline: bool = False) -> str:
    """``text`` without escapes or control characters, trimmed."""
    text = text.encode("utf-8", "replace").decode("utf-8") if _has_surrogates(text) else text
    text = ANSI.sub("", text).translate(BIDI)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\n" if multiline else " ")
        elif unicodedata.category(ch) in ("Cc", "Cs") or ch == "\ufffe":
            continue
        else:
            out.append(ch)
    cleaned = "".join(out)
    if multiline:
        return "\n".join(line.rstrip() for line in cleaned.strip().split("\n"))
    return " ".join(cleaned.split())


def strip_controls(text: str) -> str:
    """``text`` without escapes, bidi overrides, surrogates or controls other than newline and tab.

    Unlike ``clean_text`` it keeps the spacing as it is; it is applied to
    every string read from a session file, which may have been edited by hand
    or written by another program.
    """
    if text.isprintable():
        return text
    text = text.encode("utf-8", "replace").decode("utf-8") if _has_surrogates(text) else text
    text = ANSI.sub("", text).translate(BIDI)
    return "".join(
        ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs")
    )


def scrub(value: object) -> object:
    """``strip_controls`` applied to every string in a JSON-like value (keys included)."""
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, dict):
        return {scrub(k): scrub(v) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub(v) for v in value]
    return value


def _has_surrogates(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)
