"""Where atelier keeps its files: the data folder and its sub-folders."""

from __future__ import annotations

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
