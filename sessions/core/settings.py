"""Small per-user settings kept in ``settings.json`` in the data folder.

What it remembers: whether the first-run guide was shown and the chosen theme.
The file is written atomically; a missing, unreadable or strange file gives the
defaults (and is never the reason the app fails to start).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

FILE_NAME = "settings.json"


@dataclass
class Settings:
    guide_seen: bool = False
    theme: str = ""


def settings_path(root: Path) -> Path:
    return Path(root) / FILE_NAME


def load_settings(root: Path) -> Settings:
    """The settings in ``root`` (defaults for anything missing or invalid)."""
    try:
        raw = json.loads(settings_path(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    values = {}
    for spec in fields(Settings):
        value = raw.get(spec.name)
        default = getattr(Settings(), spec.name)
        if isinstance(value, type(default)):
            values[spec.name] = value
    return Settings(**values)


def save_settings(root: Path, settings: Settings) -> None:
    """Write the settings atomically (creating the folder if needed)."""
    # Imported here: the app reads its settings before its first frame, writes them later.
    from sessions.storage.atomic import atomic_write

    root = Path(root)
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    data = json.dumps(asdict(settings), ensure_ascii=False, indent=2) + "\n"
    atomic_write(settings_path(root), data.encode("utf-8"))


def update_settings(root: Path, **changes: object) -> Settings:
    """Load, change the given fields, save; returns the new settings."""
    current = load_settings(root)
    for name, value in changes.items():
        if not hasattr(current, name):
            raise AttributeError(name)
        setattr(current, name, value)
    save_settings(root, current)
    return current
