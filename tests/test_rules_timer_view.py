"""Rules of what the timer shows (sessions/timer/position.py), one per test.

The clocks (monotonic first, the wall clock across a reboot), the warning
threshold, turns and table rotations, the projected end and the drift, the
bells - asserted through ``view``, ``due_bells`` and the display helpers.
Found missing by mutation testing (docs/testing.md).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from sessions.core.clock import FakeClock
from sessions.models import Phase, Rotation, Session, Turn
from sessions.storage.follow import shown_state
from sessions.timer import ops
from sessions.timer.position import (
    Stamp,
    State,
    drift_minutes,
    due_bells,
    mark_rung,
    phase_view,
    shown_clock,
    since,
    view,
    warn_s,
)

T0 = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def session_of(*minutes: float) -> Session:
    return Session(
        title="S",
        date=date(2026, 11, 22),
        agenda=[Phase(title=f"P{i + 1}", minutes=m) for i, m in enumerate(minutes)],
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def at(clock: FakeClock) -> Stamp:
    return Stamp.of(clock)


def kinds(s: Session, clock: FakeClock) -> list[str]:
    return [b.kind for b in due_bells(s, at(clock))]


# -- the clocks -----------------------------------------------------------------------


def test_same_boot_counts_the_monotonic_clock_and_flags_a_wall_jump_past_2_s():
    later = Stamp(T0 + timedelta(seconds=62), 1060.0, "b")
    assert since(T0, 1000.0, "b", later) == (60.0, False)  # 2 s apart: tolerated
    later = Stamp(T0 + timedelta(seconds=62.5), 1060.0, "b")
    assert since(T0, 1000.0, "b", later) == (60.0, True)
    earlier_wall = Stamp(T0 - timedelta(seconds=10), 1060.0, "b")
    assert since(T0, 1000.0, "b", earlier_wall) == (60.0, True)


def test_another_boot_counts_the_wall_clock_and_never_goes_negative():
    assert since(T0, 1000.0, "b", Stamp(T0 + timedelta(seconds=30), 5.0, "c")) == (30.0, False)
    assert since(T0, 1000.0, "b", Stamp(T0 - timedelta(seconds=30), 5.0, "c")) == (0.0, True)
    assert since(T0, 1000.0, None, Stamp(T0 + timedelta(seconds=30), 1010.0, None)) == (30, False)


def test_a_monotonic_clock_gone_back_falls_back_to_the_wall_clock():
    stamp = Stamp(T0 + timedelta(seconds=45), 900.0, "b")
    assert since(T0, 1000.0, "b", stamp) == (45.0, False)


def test_no_stored_wall_time_counts_nothing():
    assert since(None, None, None, Stamp(T0, 5.0, "b")) == (0.0, False)
    assert since(None, 1000.0, "b", Stamp(T0, 1030.0, "b")) == (30.0, False)


def test_a_closed_lid_counts_and_a_reboot_continues_on_the_wall_clock(clock):
    s = session_of(10)
    ops.start(s, at(clock))
    clock.advance(100)
    clock.reboot("other")
    clock.advance(20)
    shown = view(s, at(clock))
    assert shown.phase.elapsed_s == 120
    assert shown.clock_jump is False


def test_a_wall_jump_is_flagged_on_the_view(clock):
    s = session_of(10)
    ops.start(s, at(clock))
    clock.advance(10)
    clock.jump_wall(600)
    shown = view(s, at(clock))
    assert shown.clock_jump is True
    assert shown.phase.elapsed_s == 10


# -- warning, turns, rotations ---------------------------------------------------------


def test_warning_threshold_rules():
    assert warn_s(Phase(title="x", minutes=30, warn_minutes=40), 1800) == 1800  # never past
    assert warn_s(Phase(title="x", minutes=10), 300) == 120  # shortened: still 2 min
    assert warn_s(Phase(title="x", minutes=2), 600) == 120  # lengthened short phase
    assert warn_s(Phase(title="x", minutes=1), 60) == 30


def test_the_warning_shows_inside_the_threshold_only_while_counting(clock):
    s = session_of(10)
    ops.start(s, at(clock))
    clock.advance(479)
    assert view(s, at(clock)).phase.warning is False
    clock.advance(1)  # exactly 2 minutes left
    assert view(s, at(clock)).phase.warning is True
    ops.pause(s, at(clock))
    assert view(s, at(clock)).phase.warning is True
    ops.resume(s, at(clock))
    clock.advance(120)  # exactly at the end: overtime, no warning
    current = view(s, at(clock)).phase
    assert (current.state, current.warning) == (State.OVERTIME, False)


def test_a_paused_phase_past_its_end_is_not_overtime(clock):
    s = session_of(1)
    ops.start(s, at(clock))
    clock.advance(90)
    ops.pause(s, at(clock))
    current = view(s, at(clock)).phase
    assert (current.state, current.overtime_s) == (State.PAUSED, 30)
    assert shown_clock(current) == "+00:30"


def test_turns_count_from_the_offset_and_end_after_the_last(clock):
    s = session_of(10)
    s.agenda[0].turns = [Turn(label="A", minutes=2), Turn(label="B", minutes=3)]
    ops.start(s, at(clock))
    clock.advance(150)
    turn = view(s, at(clock)).phase.turn
    assert (turn.index, turn.count, turn.remaining_s, turn.overtime_s) == (0, 2, 0, 30)
    ops.next_turn(s, at(clock))
    clock.advance(40)
    turn = view(s, at(clock)).phase.turn
    assert (turn.index, turn.label, turn.remaining_s, turn.overtime_s) == (1, "B", 140, 0)
    ops.next_turn(s, at(clock))
    turn = view(s, at(clock)).phase.turn
    assert (turn.index, turn.count, turn.label, turn.remaining_s) == (2, 2, "", 0)
    assert "turn" not in kinds(s, clock)


def test_no_turn_and_no_rotation_when_the_phase_has_none(clock):
    s = session_of(10)
    s.agenda[0].rotation = Rotation(every_minutes=0, label="Tables")
    current = view(s, at(clock)).phase
    assert (current.turn, current.rotation) == (None, None)


def test_rotation_rounds_count_from_one_and_the_last_is_marked(clock):
    s = session_of(30)
    s.agenda[0].rotation = Rotation(every_minutes=10, label="Tables")
    ops.start(s, at(clock))
    clock.advance(599)
    rot = view(s, at(clock)).phase.rotation
    assert (rot.number, rot.remaining_s, rot.every_s, rot.label, rot.last) == (
        1,
        1,
        600,
        "Tables",
        False,
    )
    clock.advance(1)
    assert view(s, at(clock)).phase.rotation.number == 2
    assert kinds(s, clock) == ["rotation"]
    clock.advance(600)
    rot = view(s, at(clock)).phase.rotation
    assert (rot.number, rot.last) == (3, True)  # the change at 30 min is the end


def test_no_rotation_bell_at_the_end_of_the_phase(clock):
    s = session_of(20)
    s.agenda[0].rotation = Rotation(every_minutes=10, label="Tables")
    ops.start(s, at(clock))
    mark_rung(s, [f"{s.agenda[0].id}:rotation:1", f"{s.agenda[0].id}:warning"])
    clock.advance(1230)
    assert kinds(s, clock) == ["end"]


# -- the current phase --------------------------------------------------------------


def test_an_index_past_the_agenda_shows_the_last_phase(clock):
    s = session_of(5, 7)
    s.timer.index = 5  # an agenda shortened by an edit
    current, _ = phase_view(s, at(clock))
    assert (current.index, current.phase.title, current.count) == (1, "P2", 2)
    assert view(s, at(clock)).next_phase is None


def test_sync_flags_reads_the_last_phase_for_an_index_past_the_agenda(clock):
    s = session_of(5, 7)
    s.timer.index = 5
    mark_rung(s, [f"{s.agenda[1].id}:end"])
    assert (s.timer.warned, s.timer.rang_end) == (False, True)
    mark_rung(s, [f"{s.agenda[1].id}:warning", f"{s.agenda[1].id}:end"])
    assert s.timer.bells.count(f"{s.agenda[1].id}:end") == 1
    assert (s.timer.warned, s.timer.rang_end) == (True, True)


def test_the_next_phase_is_the_one_after_and_none_on_the_last(clock):
    s = session_of(5, 7)
    assert view(s, at(clock)).next_phase.title == "P2"
    ops.next_phase(s, at(clock))
    assert view(s, at(clock)).next_phase is None


def test_an_empty_agenda_shows_no_phase(clock):
    s = session_of()
    assert phase_view(s, at(clock)) == (None, False)
    shown = view(s, at(clock))
    assert (shown.state, shown.phase, shown.next_phase) == (State.NOT_STARTED, None, None)


def test_an_agenda_emptied_while_running_still_shows_the_session_time(clock):
    s = session_of(10)
    ops.start(s, at(clock))
    clock.advance(90)
    s.agenda.clear()  # every phase deleted from the agenda editor
    shown = view(s, at(clock))
    assert (shown.state, shown.phase, shown.next_phase) == (State.RUNNING, None, None)
    assert shown.projected_end == clock.now()
    assert due_bells(s, at(clock)) == []


# -- the plan, the projected end, the drift ------------------------------------------------


def test_before_the_start_both_ends_are_now_plus_the_phases_left(clock):
    s = session_of(5, 10, 20)
    ops.goto(s, 1, at(clock))
    shown = view(s, at(clock))
    assert shown.planned_end == shown.projected_end == clock.now() + timedelta(minutes=30)
    assert (shown.state, shown.drift_s) == (State.NOT_STARTED, 0.0)


def test_running_late_moves_the_projected_end_and_the_drift(clock):
    s = session_of(10, 20)
    ops.start(s, at(clock))
    began = clock.now()
    clock.advance(15 * 60)  # 5 minutes over the first phase
    shown = view(s, at(clock))
    assert shown.planned_end == began + timedelta(minutes=30)
    assert shown.projected_end == began + timedelta(minutes=35)
    assert shown.drift_s == 300
    assert drift_minutes(shown.drift_s) == "+5 min"


def test_running_early_gives_a_negative_drift(clock):
    s = session_of(10, 20)
    ops.start(s, at(clock))
    began = clock.now()
    clock.advance(4 * 60)
    ops.next_phase(s, at(clock))  # 6 minutes early
    clock.advance(60)
    shown = view(s, at(clock))
    assert shown.projected_end == began + timedelta(minutes=24)
    assert shown.drift_s == -360
    assert drift_minutes(shown.drift_s) == "-6 min"


def test_the_plan_is_the_one_taken_at_the_start(clock):
    s = session_of(10, 20)
    ops.start(s, at(clock))
    s.agenda[1].minutes = 50  # edited live: the plan compared against stays 30 min
    shown = view(s, at(clock))
    assert shown.planned_end == clock.now() + timedelta(minutes=30)
    assert shown.drift_s == 1800
    s.timer.planned_total_s = None  # an older file: the agenda as it is
    assert view(s, at(clock)).planned_end == clock.now() + timedelta(minutes=60)


def test_drift_text_is_rounded_to_the_minute():
    assert drift_minutes(29) == "0 min"
    assert drift_minutes(31) == "+1 min"
    assert drift_minutes(-90.5) == "-2 min"


def test_the_view_state_is_overtime_when_the_phase_is_over(clock):
    s = session_of(1, 1)
    ops.start(s, at(clock))
    clock.advance(61)
    assert view(s, at(clock)).state == State.OVERTIME
    assert shown_state(view(s, at(clock))) == "overtime"  # the word followers and status read


def test_shown_clock_counts_down_then_up(clock):
    s = session_of(1)
    assert shown_clock(view(s, at(clock)).phase) == "01:00"
    ops.start(s, at(clock))
    clock.advance(59.5)
    assert shown_clock(view(s, at(clock)).phase) == "00:01"
    clock.advance(65)
    assert shown_clock(view(s, at(clock)).phase) == "+01:04"


def test_a_phase_shortened_to_zero_before_the_start_is_not_overtime(clock):
    s = session_of(5)
    ops.extend(s, -5, at(clock))
    current = view(s, at(clock)).phase
    assert current.state == State.NOT_STARTED
    assert shown_clock(current) == "00:00"


# -- bells ----------------------------------------------------------------------------


def test_no_bell_before_the_start_or_while_paused(clock):
    s = session_of(1)
    clock.advance(600)
    assert kinds(s, clock) == []
    ops.start(s, at(clock))
    clock.advance(100)
    ops.pause(s, at(clock))
    assert kinds(s, clock) == []


def test_the_end_bell_rings_once_and_silences_a_warning_not_rung(clock):
    s = session_of(5)
    ops.start(s, at(clock))
    clock.advance(300)
    assert kinds(s, clock) == ["end", "warning"]
    mark_rung(s, [b.key for b in due_bells(s, at(clock))])
    assert (s.timer.warned, s.timer.rang_end) == (True, True)
    assert kinds(s, clock) == []


def test_the_end_bell_alone_when_the_warning_has_rung(clock):
    s = session_of(5)
    ops.start(s, at(clock))
    clock.advance(200)
    assert kinds(s, clock) == ["warning"]
    mark_rung(s, [f"{s.agenda[0].id}:warning"])
    assert kinds(s, clock) == []
    clock.advance(100)
    assert kinds(s, clock) == ["end"]


def test_a_turn_bell_rings_once_per_turn(clock):
    s = session_of(30)
    s.agenda[0].turns = [Turn(label="A", minutes=1), Turn(label="B", minutes=1)]
    ops.start(s, at(clock))
    clock.advance(59)
    assert kinds(s, clock) == []
    clock.advance(1)
    bells = due_bells(s, at(clock))
    assert [(b.kind, b.key) for b in bells] == [("turn", f"{s.agenda[0].id}:turn:0")]
    mark_rung(s, [bells[0].key])
    assert kinds(s, clock) == []
    ops.next_turn(s, at(clock))
    clock.advance(60)
    assert [b.key for b in due_bells(s, at(clock))] == [f"{s.agenda[0].id}:turn:1"]
