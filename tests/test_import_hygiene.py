"""The domain never imports Textual; commands that need no screen stay light."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import sessions


def _modules() -> list[str]:
    return [info.name for info in pkgutil.walk_packages(sessions.__path__, prefix="sessions.")]


def test_sessions_package_never_imports_textual() -> None:
    names = _modules()
    assert "sessions.storage.store" in names  # the walk found the real package
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print('textual' in sys.modules, 'tui' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "False"]


def test_cli_without_screen_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        "from tui.cli.main import build_parser\n"
        "build_parser()\n"
        "print('textual' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "False"
