"""Commands that need no screen never import Textual or Rich (a status bar calls them often).

Each command runs in a fresh interpreter, as a tmux status line would run it,
and the interpreter then reports which heavy packages it loaded. ``atelier
status`` on a well-formed file does without pydantic and TinyDB as well.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.storage.store import SessionStore

HEAVY = ("textual", "rich")
# What ``atelier status`` leaves out too: the models and the database.
STATUS_HEAVY = (*HEAVY, "pydantic", "pydantic_core", "tinydb")
# And the standard library's slow imports (issue 17: status --json within twice
# ``python -c "import json"``): ``dataclasses`` brings ``inspect``, ``ast``, ``dis``
# and ``tokenize``; ``typing`` costs a few milliseconds; ``shutil`` brings the
# compression modules (argparse imports it for the terminal width).
# A plain ``atelier status`` command line is read without argparse (and gettext).
STATUS_STDLIB_OUT = (
    *("dataclasses", "inspect", "ast", "typing", "shutil", "pkgutil"),
    *("argparse", "gettext"),
)
# The message catalog's modules it loads: the timer's, for the status line.
STATUS_MESSAGES = {"timer"}

CODE = """
import contextlib, io, json, sys
from tui.cli.main import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(sys.argv[1:])
print(json.dumps({"code": code, "out": out.getvalue(), "modules": sorted(sys.modules),
                  "heavy": sorted({m.split(".")[0] for m in sys.modules} & set(HEAVY_NAMES))}))
""".replace("HEAVY_NAMES", repr(STATUS_HEAVY))


def run_cli(*argv: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", CODE, *argv], capture_output=True, text=True, check=True
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("light")
    store = SessionStore(root)
    session = session_from_template(
        find_template("territoire-numerique-10-ans"), title="Atelier A", on=dt.date(2026, 11, 22)
    )
    store.create(session)
    return root, session.id


@pytest.mark.parametrize(
    "argv",
    [
        ("status", "{id}"),
        ("status", "{id}", "--json"),
        ("list",),
        ("list", "--json"),
        ("templates",),
    ],
    ids=lambda argv: " ".join(argv),
)
def test_command_without_screen_stays_light(data_dir: tuple[Path, str], argv) -> None:
    root, session_id = data_dir
    result = run_cli("--data-dir", str(root), *(a.format(id=session_id) for a in argv))
    assert result["code"] == 0
    assert result["out"].strip()  # it did its work
    heavy = [name for name in result["heavy"] if name in HEAVY]
    assert heavy == [], f"atelier {' '.join(argv)} imported {heavy}"


@pytest.mark.parametrize(
    "argv",
    [
        ("status", "{id}"),
        ("status", "{id}", "--json"),
        ("status", "{id_prefix}", "--json"),
        ("--lang", "en", "status", "Atelier A"),
        ("status", "{path}", "--json"),
    ],
    ids=lambda argv: " ".join(argv),
)
def test_status_does_without_pydantic_and_tinydb(data_dir: tuple[Path, str], argv) -> None:
    root, session_id = data_dir
    path = root / "sessions" / f"{session_id}.json"
    names = {"id": session_id, "id_prefix": session_id[:3], "path": path}
    result = run_cli("--data-dir", str(root), *(a.format(**names) for a in argv))
    assert result["code"] == 0
    assert result["out"].strip()
    assert result["heavy"] == [], f"atelier {' '.join(argv)} imported {result['heavy']}"
    left_in = sorted(set(STATUS_STDLIB_OUT) & set(result["modules"]))
    assert left_in == [], f"atelier {' '.join(argv)} imported {left_in}"
    prefix = "sessions.i18n.messages."
    messages = {name.removeprefix(prefix) for name in result["modules"] if name.startswith(prefix)}
    assert messages <= STATUS_MESSAGES, f"atelier {' '.join(argv)} loaded messages {messages}"
