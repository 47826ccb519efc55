"""Timer arithmetic and operations, one rule at a time (plain pytest and hypothesis)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sessions.core.clock import FakeClock
from sessions.models import Phase, Session, Turn
from sessions.timer import ops
from sessions.timer.position import Stamp, State, clock_text, due_bells, shown_clock, view, warn_s


def session_of(*minutes: float) -> Session:
    return Session(
        title="S",
        date=date(2026, 11, 22),
        agenda=[Phase(title=f"P{i + 1}", minutes=m) for i, m in enumerate(minutes)],
    )


def test_clock_text() -> None:
    assert clock_text(300) == "05:00"
    assert clock_text(299.2) == "05:00"  # a countdown rounds up
    assert clock_text(0.4) == "00:01"
    assert clock_text(0) == "00:00"
    assert clock_text(3725) == "1:02:05"
    assert clock_text(133.9, overtime=True) == "+02:13"
    assert clock_text(-5) == "00:00"


def test_warning_threshold() -> None:
    phase = Phase(title="x", minutes=30)
    assert warn_s(phase, 1800) == 120
    assert warn_s(Phase(title="x", minutes=3), 180) == 90  # short phase: half time
    assert warn_s(Phase(title="x", minutes=30, warn_minutes=5), 1800) == 300
    assert warn_s(Phase(title="x", minutes=30, warn_minutes=0), 1800) == 0
    assert warn_s(phase, 60) == 60  # shortened live to 1 min: warns all along


def test_per_phase_warn_minutes_drive_the_bell() -> None:
    s = session_of(30)
    s.agenda[0].warn_minutes = 5
    clock = FakeClock()
    ops.start(s, Stamp.of(clock))
    clock.advance(24 * 60 + 59)
    assert due_bells(s, Stamp.of(clock)) == []
    clock.advance(2)
    assert [b.kind for b in due_bells(s, Stamp.of(clock))] == ["warning"]


def test_prev_undoes_a_wrong_next() -> None:
    s = session_of(10, 10)
    clock = FakeClock()
    ops.start(s, Stamp.of(clock))
    clock.advance(200)
    ops.next_phase(s, Stamp.of(clock))
    clock.advance(5)
    ops.prev_phase(s, Stamp.of(clock))
    clock.advance(10)
    shown = view(s, Stamp.of(clock))
    assert shown.phase.index == 0
    assert shown.phase.elapsed_s == pytest.approx(210)
    assert s.agenda[1].actual_seconds == pytest.approx(5)


def test_finished_then_back() -> None:
    s = session_of(1)
    clock = FakeClock()
    with pytest.raises(ops.TimerError):
        ops.next_phase(s, Stamp.of(clock))  # not started: nothing to finish
    ops.start(s, Stamp.of(clock))
    clock.advance(70)
    ops.next_phase(s, Stamp.of(clock))
    assert view(s, Stamp.of(clock)).state == State.FINISHED
    with pytest.raises(ops.TimerError):
        ops.start(s, Stamp.of(clock))
    ops.prev_phase(s, Stamp.of(clock))
    assert s.timer.state == "paused"
    assert view(s, Stamp.of(clock)).phase.elapsed_s == pytest.approx(70)


def test_speaker_turns() -> None:
    s = session_of(15)
    s.agenda[0].turns = [Turn(label="Groupe 1", minutes=3), Turn(label="Groupe 2", minutes=3)]
    clock = FakeClock()
    ops.start(s, Stamp.of(clock))
    clock.advance(200)
    turn = view(s, Stamp.of(clock)).phase.turn
    assert (turn.index, turn.remaining_s, turn.overtime_s) == (0, 0, 20)
    assert [b.kind for b in due_bells(s, Stamp.of(clock))] == ["turn"]
    ops.next_turn(s, Stamp.of(clock))
    clock.advance(60)
    turn = view(s, Stamp.of(clock)).phase.turn
    assert (turn.index, turn.label, turn.remaining_s) == (1, "Groupe 2", 120)
    ops.next_turn(s, Stamp.of(clock))
    with pytest.raises(ops.TimerError):
        ops.next_turn(s, Stamp.of(clock))


def test_extend_never_below_zero_and_restart_rearms_bells() -> None:
    s = session_of(5)
    clock = FakeClock()
    ops.start(s, Stamp.of(clock))
    ops.extend(s, -60, Stamp.of(clock))
    assert view(s, Stamp.of(clock)).phase.duration_s == 0
    s.timer.bells.append(f"{s.agenda[0].id}:end")
    ops.restart(s, Stamp.of(clock))
    assert s.timer.bells == [] and s.timer.extra_s == 0
    assert view(s, Stamp.of(clock)).phase.remaining_s == 300


OPS = st.sampled_from(["toggle", "next", "prev", "restart", "plus", "minus", "goto", "turn"])


@settings(max_examples=150, deadline=None)
@given(
    steps=st.lists(
        st.tuples(OPS, st.floats(0, 4000), st.floats(-7200, 600), st.integers(0, 4)),
        max_size=40,
    )
)
def test_any_sequence_keeps_times_sane(steps) -> None:
    """Whatever the keys and the clock do, nothing shown is negative or inconsistent."""
    s = session_of(5, 10, 0, 30)
    clock = FakeClock()
    for name, wait, wall_jump, n in steps:
        stamp = Stamp.of(clock)
        try:
            if name == "toggle":
                ops.toggle(s, stamp)
            elif name == "next":
                ops.next_phase(s, stamp)
            elif name == "prev":
                ops.prev_phase(s, stamp)
            elif name == "restart":
                ops.restart(s, stamp)
            elif name == "plus":
                ops.extend(s, 5, stamp)
            elif name == "minus":
                ops.extend(s, -1, stamp)
            elif name == "goto":
                ops.goto(s, n, stamp)
            else:
                ops.next_turn(s, stamp)
        except ops.TimerError:
            pass
        clock.advance(wait)
        clock.jump_wall(wall_jump)
        shown = view(s, Stamp.of(clock))
        current = shown.phase
        assert current is not None
        for value in (current.elapsed_s, current.remaining_s, current.overtime_s):
            assert value >= 0
        assert current.remaining_s == 0 or current.overtime_s == 0
        assert current.duration_s >= 0
        assert not shown_clock(current).startswith("-")
        assert all(p.actual_seconds is None or p.actual_seconds >= 0 for p in s.agenda)
