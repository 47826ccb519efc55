"""Rules of what ``atelier status`` prints (sessions/timer/status.py): JSON and one line."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from sessions.core.clock import FakeClock
from sessions.models import Phase, Rotation, Session, Turn
from sessions.timer import ops
from sessions.timer.position import Stamp, State, view
from sessions.timer.status import display_state, status_json, status_line, symbol


def session_of(*minutes: float) -> Session:
    return Session(
        title="S",
        date=date(2026, 11, 22),
        agenda=[Phase(title=f"P{i + 1}", minutes=m) for i, m in enumerate(minutes)],
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_a_running_phase_in_json(clock) -> None:
    s = session_of(10, 5)
    ops.start(s, Stamp.of(clock))
    clock.advance(90.5)
    out = status_json(s, Stamp.of(clock))
    phase = out["phase"]
    assert out["state"] == "running"
    assert out["title"] == "S"
    assert out["session"] == s.id
    assert (phase["index"], phase["number"], phase["count"]) == (0, 1, 2)
    assert phase["title"] == "P1"
    assert phase["state"] == "running"
    assert phase["planned_s"] == 600
    assert phase["extended_s"] == 0
    assert phase["elapsed_s"] == 90  # floored
    assert phase["remaining_s"] == 510  # rounded up, as the countdown shows
    assert phase["overtime_s"] == 0
    assert phase["warning"] is False
    assert phase["display"] == "08:30"
    assert "turn" not in phase and "rotation" not in phase
    assert out["next"] == {"title": "P2", "kind": str(s.agenda[1].kind), "planned_s": 300}
    assert out["clock_jump"] is False
    assert out["at"].startswith(Stamp.of(clock).wall.astimezone().isoformat()[:16])


def test_overtime_in_json_and_in_the_line(clock) -> None:
    s = session_of(1)
    ops.start(s, Stamp.of(clock))
    clock.advance(70.5)
    out = status_json(s, Stamp.of(clock))
    assert out["phase"]["overtime_s"] == 10
    assert out["phase"]["remaining_s"] == 0
    assert out["phase"]["display"] == "+00:10"
    assert out["next"] is None
    line = status_line(s, Stamp.of(clock))
    assert line.startswith("⏰ 1/1 P1 · +00:10 · Dépassement · dérive ")


def test_the_warning_is_a_display_state_of_a_running_phase(clock) -> None:
    s = session_of(10)
    ops.start(s, Stamp.of(clock))
    clock.advance(9 * 60)
    out = status_json(s, Stamp.of(clock))
    assert out["phase"]["warning"] is True
    assert out["phase"]["state"] == "running"
    assert status_line(s, Stamp.of(clock)) == "⚠ 1/1 P1 · 01:00 · Bientôt fini · dérive 0 min"
    ops.pause(s, Stamp.of(clock))
    shown = view(s, Stamp.of(clock))
    assert display_state(shown.phase, shown.state) == "paused"
    assert status_line(s, Stamp.of(clock)).startswith("⏸ 1/1 P1 · 01:00 · En pause")


def test_before_the_start_no_drift_is_shown(clock) -> None:
    s = session_of(10, 5)
    out = status_json(s, Stamp.of(clock))
    assert out["state"] == "not_started"
    assert out["phase"]["state"] == "not_started"
    assert status_line(s, Stamp.of(clock)) == "○ 1/2 P1 · 10:00 · Pas commencé"


def test_a_finished_session_says_so_everywhere(clock) -> None:
    s = session_of(1)
    ops.start(s, Stamp.of(clock))
    clock.advance(30)
    ops.next_phase(s, Stamp.of(clock))
    out = status_json(s, Stamp.of(clock))
    assert out["state"] == "finished"
    assert out["phase"]["state"] == "finished"
    shown = view(s, Stamp.of(clock))
    assert display_state(shown.phase, shown.state) == "finished"
    assert display_state(None, State.PAUSED) == "paused"
    line = status_line(s, Stamp.of(clock))
    assert line.startswith("✓ 1/1 P1 · terminé · Terminé · dérive ")


def test_an_empty_agenda_has_no_phase(clock) -> None:
    s = session_of()
    assert status_json(s, Stamp.of(clock))["phase"] is None
    assert status_line(s, Stamp.of(clock)) == "Pas de déroulé"


def test_symbol_is_the_first_word_of_the_state_label() -> None:
    assert symbol("running") == "▶"
    assert symbol("overtime") == "⏰"


def test_rotation_in_json(clock) -> None:
    s = session_of(12)
    s.agenda[0].rotation = Rotation(every_minutes=4)
    ops.start(s, Stamp.of(clock))
    clock.advance(250.5)
    rotation = status_json(s, Stamp.of(clock))["phase"]["rotation"]
    assert rotation == {"number": 2, "every_s": 240, "remaining_s": 230}


def test_turns_in_json(clock) -> None:
    s = Session(
        title="S",
        date=date(2026, 11, 22),
        agenda=[Phase(title="Tour", minutes=6)],
    )
    s.agenda[0].turns = [Turn(label=x, minutes=2) for x in "ABC"]
    ops.start(s, Stamp.of(clock))
    clock.advance(60.5)
    turn = status_json(s, Stamp.of(clock))["phase"]["turn"]
    assert turn == {"index": 0, "count": 3, "label": "A", "remaining_s": 60, "overtime_s": 0}
    clock.advance(70)  # a turn is moved on by hand: the first one runs over
    turn = status_json(s, Stamp.of(clock))["phase"]["turn"]
    assert (turn["remaining_s"], turn["overtime_s"]) == (0, 10)


def test_json_keys_and_the_ends_of_a_late_session(clock) -> None:
    s = session_of(1, 1)
    started = Stamp.of(clock).wall
    ops.start(s, Stamp.of(clock))
    clock.advance(70)
    out = status_json(s, Stamp.of(clock))
    assert set(out) == {
        "session", "title", "state", "phase", "next", "drift_s",
        "planned_end", "projected_end", "clock_jump", "at",
    }  # fmt: skip
    assert set(out["phase"]) == {
        "index", "number", "count", "title", "kind", "state", "planned_s", "extended_s",
        "elapsed_s", "remaining_s", "overtime_s", "warning", "display",
    }  # fmt: skip
    assert out["phase"]["kind"] == str(s.agenda[0].kind)
    assert out["drift_s"] == 10
    planned_end = datetime.fromisoformat(out["planned_end"])
    projected_end = datetime.fromisoformat(out["projected_end"])
    assert planned_end == started + timedelta(minutes=2)
    assert projected_end - planned_end == timedelta(seconds=10)
    assert datetime.fromisoformat(out["at"]) == started + timedelta(seconds=70)
    assert planned_end.utcoffset() is not None  # ISO 8601 with the offset
