"""Finding and reading a session file without pydantic or TinyDB, for ``atelier status``.

``SessionStore.resolve`` and ``SessionFile.read`` build the pydantic models of
every file they look at. ``peek`` follows the same rules to name a session (an
existing file path, an id, a unique id prefix, an exact title), reads the JSON
with the standard library and keeps what ``sessions.timer.status_light`` takes.

It answers only plain successes. No match, several matches, a file that does
not read, a document not of the expected shape: ``peek`` returns None and the
caller asks ``SessionStore``, which gives the same result or error as always.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from sessions.storage.regular import read_regular
from sessions.timer.status_light import LightSession, light_session

# The layout and limits of ``sessions.storage.store`` / ``safe_storage`` /
# ``session_file``, repeated here to stay clear of their imports (a test keeps
# them equal).
SESSIONS_DIR = "sessions"
SUFFIX = ".json"
TABLE = "session"
DOC_ID = "1"
MAX_FILE_BYTES = 16 * 1024 * 1024


def peek(data_dir: Path, ref: str) -> LightSession | None:
    """The session ``ref`` names in ``data_dir``, light; None when the full store must decide."""
    try:
        return _find(Path(data_dir) / SESSIONS_DIR, ref)
    except (OSError, ValueError, RuntimeError):  # RecursionError: deeply nested JSON
        return None


def read_light(path: Path) -> LightSession | None:
    """The session in ``path``, or None when it does not read or is not of the expected shape.

    A folder or a pipe named like a session raises (``NotRegularFile``, an
    OSError) without being waited on.
    """
    raw = read_regular(path, MAX_FILE_BYTES)
    if len(raw) > MAX_FILE_BYTES:
        return None
    tables = json.loads(raw.decode("utf-8"))
    if type(tables) is not dict or not all(type(table) is dict for table in tables.values()):
        return None
    return light_session(tables.get(TABLE, {}).get(DOC_ID))


def _find(folder: Path, ref: str) -> LightSession | None:
    """``SessionStore.resolve``'s rules, each file read light."""
    as_path = Path(ref).expanduser()
    if (os.sep in ref or ref.endswith(SUFFIX)) and as_path.is_file():
        return read_light(as_path)
    exact = folder / f"{ref}{SUFFIX}"
    if exact.is_file() and not ref.startswith("."):
        return read_light(exact)
    if not folder.is_dir():
        return None
    found = []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        if path.name.startswith("."):
            continue
        session = read_light(path)
        if session is None:  # the store lists it as unreadable: let it say so
            return None
        found.append(session)
    by_prefix = [s for s in found if s.id.startswith(ref)]
    if len(by_prefix) == 1:
        return by_prefix[0]
    by_title = [s for s in found if s.title == ref]
    if len(by_title) == 1:
        return by_title[0]
    return None
