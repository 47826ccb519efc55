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


# In a UTF-8 JSON text, what a string holding something ``strip_controls``
# removes must show: an escape other than \" \\ \/ \n \t (controls, ESC and
# surrogates are written \uXXXX, \r, \b, \f), a raw C0 control or DEL, a C1
# control (C2 80-9F) or a bidirectional override (E2 80 AA-AE, E2 81 A6-A9).
_SUSPECT = re.compile(
    rb'\\[^"\\/nt]|[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]'
)


def may_need_scrub(json_text: bytes) -> bool:
    """False only when no string of this UTF-8 JSON text can change under ``scrub``.

    One C-speed search of the file instead of a walk over its 70,000 strings
    (a 1,000-idea session): files written by atelier are clean already.
    """
    return _SUSPECT.search(json_text) is not None


def _has_surrogates(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)
