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


def _has_surrogates(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)
