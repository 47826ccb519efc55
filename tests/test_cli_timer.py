"""``atelier status``, ``atelier timer``, ``atelier agenda export`` and ``new --agenda``."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from sessions.agenda.catalog import find_template
from sessions.core.clock import FakeClock
from sessions.core.factory import session_from_template
from sessions.storage.store import SessionStore
from tests.cli_helpers import atelier_on


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A data folder with one session, and ``run`` sharing one fake clock with it."""
    clock = FakeClock()
    store = SessionStore(tmp_path, clock)
    session = session_from_template(
        find_template("divergence-convergence"), title="Atelier", on=date(2026, 11, 22)
    )
    store.create(session)
    return store, clock, session.id, atelier_on(tmp_path, clock, monkeypatch, "--lang", "en")


def status(run, capsys, sid: str) -> dict:
    capsys.readouterr()
    assert run("status", sid, "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_status_json_contract(env, capsys) -> None:
    _store, clock, sid, run = env
    data = status(run, capsys, sid)
    assert data["phase"]["state"] == "not_started"
    assert run("timer", sid, "start") == 0
    clock.advance(90)
    data = status(run, capsys, sid)
    phase = data["phase"]
    for key in ("index", "title", "kind", "state", "planned_s", "remaining_s", "overtime_s"):
        assert key in phase
    assert (phase["index"], phase["title"], phase["kind"]) == (0, "Introduction", "plenary")
    assert (phase["state"], phase["planned_s"], phase["remaining_s"]) == ("running", 300, 210)
    assert phase["overtime_s"] == 0
    assert data["drift_s"] == 0
    end = data["projected_end"]
    assert end[-6] in "+-" and end[-3] == ":"  # ISO 8601 with an offset
    clock.advance(300)
    data = status(run, capsys, sid)
    assert data["phase"]["state"] == "overtime"
    assert (data["phase"]["remaining_s"], data["phase"]["overtime_s"]) == (0, 90)
    assert data["drift_s"] == 90


def test_timer_commands_in_turn(env, capsys) -> None:
    store, clock, sid, run = env
    assert run("timer", sid, "start") == 0
    clock.advance(60)
    assert run("timer", sid, "extend", "3") == 0
    assert run("timer", sid, "extend", "-1") == 0
    assert store.load(sid).timer.extra_s == 120
    assert run("timer", sid, "pause") == 0
    clock.advance(500)
    assert run("timer", sid, "resume") == 0
    assert run("timer", sid, "next") == 0
    saved = store.load(sid)
    assert saved.timer.index == 1
    assert saved.agenda[0].actual_seconds == pytest.approx(60)
    assert run("timer", sid, "goto", "5") == 0
    assert store.load(sid).timer.index == 4
    assert run("timer", sid, "prev") == 0
    assert store.load(sid).timer.index == 3
    clock.advance(30)
    assert run("timer", sid, "restart") == 0
    assert store.load(sid).timer.elapsed_s == 0
    capsys.readouterr()
    assert run("timer", sid, "turn") == 6  # Convergence has no speaker turns


def test_timer_refusals_change_nothing(env, capsys) -> None:
    store, _clock, sid, run = env
    before = store.load(sid).revision
    assert run("timer", sid, "pause") == 6
    assert "not running" in capsys.readouterr().err
    assert run("timer", sid, "goto", "9") == 6
    assert "No phase 9" in capsys.readouterr().err
    assert run("timer", sid, "extend") == 2
    assert run("timer", sid, "extend", "abc") == 2
    assert run("timer", sid, "goto", "1.5") == 2
    assert store.load(sid).revision == before


def test_unknown_session_is_reported(env, capsys) -> None:
    _store, _clock, _sid, run = env
    assert run("status", "nope") == 3
    assert run("timer", "nope", "start") == 3


def test_agenda_export_and_new_from_it(env, capsys, tmp_path: Path) -> None:
    store, _clock, sid, run = env
    out = tmp_path / "plan.toml"
    assert run("agenda", "export", sid, "-o", str(out)) == 0
    text = out.read_text(encoding="utf-8")
    assert 'title = "Partage des solutions"' in text and "turns = [" in text
    capsys.readouterr()
    assert run("new", "--agenda", str(out), "--title", "Copie", "--no-open") == 0
    new_id = capsys.readouterr().out.split("\t")[0]
    copy, original = store.load(new_id), store.load(sid)
    assert [(p.title, p.minutes, p.kind, len(p.turns)) for p in copy.agenda] == [
        (p.title, p.minutes, p.kind, len(p.turns)) for p in original.agenda
    ]
    assert copy.slot_minutes == 120


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ('name = "x"\n\n[[phases]]\ntitle = "A"\nminutes = 5\n[[phases]\ntitle = "B"\n', 6),
        ('[[phases]]\ntitle = "A"\nminutes = 5\n\n[[phases]]\ntitle = "B"\nminutes = "dix"\n', 5),
        ('[[phases]]\ntitle = "A"\nkind = "lunch"\nminutes = 5\n', 1),
        ('title = "nothing"\n', 1),
    ],
)
def test_malformed_agenda_creates_nothing(env, capsys, tmp_path: Path, content, line) -> None:
    store, _clock, _sid, run = env
    bad = tmp_path / "bad.toml"
    bad.write_text(content, encoding="utf-8")
    before = len(store.files())
    capsys.readouterr()
    assert run("new", "--agenda", str(bad), "--title", "X", "--no-open") == 6
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"atelier: {bad}:{line}: ")
    assert len(store.files()) == before


def test_new_needs_a_template_or_an_agenda(env, capsys) -> None:
    _store, _clock, _sid, run = env
    with pytest.raises(SystemExit) as info:
        run("new", "--title", "X", "--no-open")
    assert info.value.code == 2


def test_status_does_not_import_textual(env) -> None:
    _store, _clock, sid, _run = env
    data_dir = _store.root
    code = (
        "import sys; from tui.cli.main import main; "
        f"rc = main(['--data-dir', {str(data_dir)!r}, 'status', {sid!r}, '--json']); "
        "assert 'textual' not in sys.modules, 'textual imported'; sys.exit(rc)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["phase"]["index"] == 0
