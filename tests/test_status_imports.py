"""``atelier status`` (run every second by a status bar) loads only what it uses.

Each command runs in a fresh interpreter through the ``atelier`` entry point,
then lists the modules it loaded. Left out: the screens and the models
(Textual, Rich, pydantic, TinyDB), ``shutil`` and the compressors it brings
(argparse's help formatter asks it the terminal's width), and ``pkgutil``
(the command list and the message catalog list their folders themselves).
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

LEFT_OUT = (
    "textual",
    "rich",
    "pydantic",
    "pydantic_core",
    "tinydb",
    "shutil",
    "bz2",
    "lzma",
    "pkgutil",
)

CODE = """
import contextlib, io, json, sys
from tui.cli import main
out, err = io.StringIO(), io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
print(json.dumps({"code": code, "out": out.getvalue(), "err": err.getvalue(),
                  "loaded": sorted({m.split(".")[0] for m in sys.modules})}))
"""


def run_cli(*argv: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", CODE, *argv], capture_output=True, text=True, check=True
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("status-imports")
    session = session_from_template(
        find_template("territoire-numerique-10-ans"), title="Atelier A", on=dt.date(2026, 11, 22)
    )
    SessionStore(root).create(session)
    return root, session.id


@pytest.mark.parametrize(
    "argv",
    [("status", "{id}", "--json"), ("status", "{id}"), ("--lang", "en", "status", "{id}")],
    ids=lambda argv: " ".join(argv),
)
def test_status_leaves_out_what_it_does_not_use(data_dir: tuple[Path, str], argv) -> None:
    root, session_id = data_dir
    result = run_cli("--data-dir", str(root), *(a.format(id=session_id) for a in argv))
    assert result["code"] == 0, result["err"]
    if "--json" in argv:
        assert json.loads(result["out"])  # it did its work
    else:
        assert result["out"].strip()
    loaded = [name for name in LEFT_OUT if name in result["loaded"]]
    assert loaded == [], f"atelier {' '.join(argv)} imported {loaded}"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_status_help_and_usage_error_stay_light(data_dir: tuple[Path, str], lang: str) -> None:
    """The help and a usage error are printed by the light formatter, as argparse's would."""
    root, _ = data_dir
    helped = run_cli("--lang", lang, "status", "--help")
    assert helped["code"] == 0
    assert "--json" in helped["out"] and "SESSION" in helped["out"]
    wrong = run_cli("--data-dir", str(root), "--lang", lang, "status")
    assert wrong["code"] == 2
    assert "SESSION" in wrong["err"]
    for result in (helped, wrong):
        assert [name for name in LEFT_OUT if name in result["loaded"]] == []
