"""Where atelier keeps its files: the data folder and its sub-folders."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

APP_NAME = "atelier"


def default_data_dir() -> Path:
    """``ATELIER_HOME`` if set, else the platform's user data folder."""
    env = os.environ.get("ATELIER_HOME")
    if env:
        return Path(env).expanduser()
    home = Path.home()
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / APP_NAME
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA") or os.environ.get("APPDATA")
        return Path(base) / APP_NAME if base else home / APP_NAME
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg else home / ".local" / "share") / APP_NAME


# Everything atelier writes may name people: readable by its owner only.
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def private_dir(path: Path) -> Path:
    """Create ``path`` (and its parents) if needed, and make it 0700.

    An existing folder of ours that others can read (``ATELIER_HOME`` made
    0755 by hand or by an older atelier) is tightened too. A folder owned by
    someone else is left as it is, and so is everything on Windows, where
    modes do not apply. Tightening is best effort: on a read-only file system
    the folder is used as it is (the store then says it is read-only).
    """
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    if os.name == "nt":
        return path
    info = path.stat()
    if info.st_mode & 0o777 != PRIVATE_DIR and info.st_uid == os.getuid():
        with contextlib.suppress(OSError):
            os.chmod(path, PRIVATE_DIR)
    return path


def tighten(path: Path) -> None:
    """Make an existing folder 0700 (see ``private_dir``); nothing if it does not exist."""
    if Path(path).is_dir():
        private_dir(path)
