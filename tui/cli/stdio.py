"""``-`` as a file name: standard input for a file read, standard output for ``-o``."""

from __future__ import annotations

import sys
from pathlib import Path

STDIO = "-"


def is_stdio(name: str | Path | None) -> bool:
    return name is not None and str(name) == STDIO


def read_input(name: str | Path) -> bytes:
    """The bytes of the file ``name``, or of standard input for ``-``."""
    if is_stdio(name):
        return sys.stdin.buffer.read()
    return Path(name).read_bytes()


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without a BOM), else Windows-1252; ``ValueError`` with the reason."""
    from sessions.documents.imports import ImportFileError, decode

    try:
        return decode(data)
    except ImportFileError as exc:
        raise ValueError(str(exc)) from exc
