"""Rules of the live agenda's operations (sessions/timer/ops.py), one per test.

Each test holds one rule the facilitator relies on - a refusal, what a move
records, what a restart clears - asserted through the operations and the view
they produce. Found missing by mutation testing (docs/testing.md).
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest

from sessions.core.clock import FakeClock
from sessions.i18n import t
from sessions.models import Phase, Session, Turn
from sessions.timer import ops
from sessions.timer.position import Stamp, State, mark_rung, view


def session_of(*minutes: float) -> Session:
    return Session(
        title="S",
        date=date(2026, 11, 22),
        agenda=[Phase(title=f"P{i + 1}", minutes=m) for i, m in enumerate(minutes)],
    )


def refused(call, *args) -> str:
    with pytest.raises(ops.TimerError) as info:
        call(*args)
    return str(info.value)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def at(clock: FakeClock) -> Stamp:
    return Stamp.of(clock)


# -- refusals, with the reason the user reads -----------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda s, st: ops.start(s, st),
        lambda s, st: ops.goto(s, 0, st),
        lambda s, st: ops.next_phase(s, st),
        lambda s, st: ops.prev_phase(s, st),
        lambda s, st: ops.restart(s, st),
        lambda s, st: ops.extend(s, 5, st),
        lambda s, st: ops.next_turn(s, st),
    ],
)
def test_every_operation_refuses_an_empty_agenda(call, clock):
    s = session_of()
    assert refused(call, s, at(clock)) == t("timer.err.no_agenda")
    assert s.timer.state == "not_started"


def test_starting_a_running_timer_is_refused_and_changes_nothing(clock):
    s = session_of(10)
    ops.start(s, at(clock))
    clock.advance(60)
    assert refused(ops.start, s, at(clock)) == t("timer.err.running")
    assert s.timer.segment_wall == clock.now() - timedelta(seconds=60)
    assert view(s, at(clock)).phase.elapsed_s == 60


def test_a_finished_session_refuses_start_next_restart_and_extend(clock):
    s = session_of(1)
    ops.start(s, at(clock))
    ops.next_phase(s, at(clock))
    for call in (ops.start, ops.next_phase, ops.restart):
        assert refused(call, s, at(clock)) == t("timer.err.finished")
    assert refused(ops.extend, s, 5, at(clock)) == t("timer.err.finished")
    assert s.timer.state == "finished"


def test_pause_and_resume_refuse_the_wrong_state(clock):
    s = session_of(10)
    assert refused(ops.pause, s, at(clock)) == t("timer.err.not_running")
    assert refused(ops.resume, s, at(clock)) == t("timer.err.not_paused")
    ops.start(s, at(clock))
    assert refused(ops.resume, s, at(clock)) == t("timer.err.not_paused")


@pytest.mark.parametrize("index", [-1, 3, 4])
def test_goto_refuses_a_phase_outside_the_agenda_naming_it(index, clock):
    s = session_of(5, 5, 5)
    message = refused(ops.goto, s, index, at(clock))
    assert message == t("timer.err.no_phase", n=index + 1, total=3)
    assert s.timer.index == 0


def test_goto_accepts_the_first_and_the_last_phase(clock):
    s = session_of(5, 5, 5)
    ops.goto(s, 2, at(clock))
    assert s.timer.index == 2
    ops.goto(s, 0, at(clock))
    assert s.timer.index == 0


def test_prev_on_the_first_phase_and_next_on_the_last_unstarted_are_refused(clock):
    s = session_of(5, 5)
    assert refused(ops.prev_phase, s, at(clock)) == t("timer.err.first")
    ops.next_phase(s, at(clock))  # planning before the start is allowed
    assert s.timer.index == 1
    assert refused(ops.next_phase, s, at(clock)) == t("timer.err.last_not_started")
    assert s.timer.state == "not_started"


@pytest.mark.parametrize("minutes", [math.nan, 24 * 60 + 1, -(24 * 60 + 1), math.inf])
def test_extend_refuses_nan_and_more_than_a_day(minutes, clock):
    s = session_of(10)
    assert refused(ops.extend, s, minutes, at(clock)) == t("timer.err.bad_minutes", value=minutes)
    assert s.timer.extra_s == 0


def test_extend_accepts_exactly_a_day(clock):
    s = session_of(10)
    ops.extend(s, 24 * 60, at(clock))
    assert s.timer.extra_s == 24 * 3600


def test_turns_refused_without_turns_and_after_the_last(clock):
    s = session_of(10, 10)
    s.agenda[1].turns = [Turn(label="A", minutes=2)]
    assert refused(ops.next_turn, s, at(clock)) == t("timer.err.no_turns")
    ops.goto(s, 1, at(clock))
    ops.next_turn(s, at(clock))
    assert s.timer.turn_index == 1
    assert refused(ops.next_turn, s, at(clock)) == t("timer.err.turns_done")


# -- start, pause, resume -----------------------------------------------------------


def test_start_records_the_session_start_on_both_clocks_and_the_plan_from_here(clock):
    s = session_of(5, 10, 20)
    ops.goto(s, 1, at(clock))  # the first phase is skipped before the start
    ops.start(s, at(clock))
    timer = s.timer
    assert timer.state == "running"
    assert (timer.session_started_at, timer.session_started_mono) == (clock.now(), 1000.0)
    assert timer.session_started_boot == "fake-boot"
    assert timer.planned_total_s == 30 * 60
    assert (timer.segment_wall, timer.segment_mono, timer.boot_id) == (
        clock.now(),
        1000.0,
        "fake-boot",
    )
    assert s.agenda[1].started_at == clock.now()


def test_start_on_a_paused_timer_resumes_it_without_a_new_session_start(clock):
    s = session_of(10)
    ops.start(s, at(clock))
    began = clock.now()
    clock.advance(30)
    ops.pause(s, at(clock))
    clock.advance(100)
    ops.start(s, at(clock))
    assert s.timer.state == "running"
    assert s.timer.session_started_at == began
    assert s.agenda[0].started_at == began  # the phase started once
    clock.advance(10)
    assert view(s, at(clock)).phase.elapsed_s == 40


def test_pause_folds_the_segment_and_the_time_stops(clock):
    s = session_of(10)
    ops.start(s, at(clock))
    clock.advance(42)
    ops.pause(s, at(clock))
    assert (s.timer.elapsed_s, s.timer.segment_wall, s.timer.segment_mono) == (42, None, None)
    clock.advance(500)
    assert view(s, at(clock)).phase.elapsed_s == 42


def test_toggle_starts_pauses_and_resumes_returning_the_new_state(clock):
    s = session_of(10)
    assert ops.toggle(s, at(clock)) == "running"
    assert ops.toggle(s, at(clock)) == "paused"
    assert ops.toggle(s, at(clock)) == "running"


# -- moving between phases --------------------------------------------------------------


def test_next_records_the_phase_left_and_starts_the_next_afresh(clock):
    s = session_of(10, 10)
    ops.start(s, at(clock))
    ops.extend(s, 3, at(clock))
    clock.advance(61.23456)
    ops.next_phase(s, at(clock))
    first = s.agenda[0]
    assert first.actual_seconds == 61.235  # rounded to the millisecond
    assert first.ended_at == clock.now()
    assert first.extended_s == 180
    assert (s.timer.index, s.timer.elapsed_s, s.timer.extra_s) == (1, 0.0, 0.0)
    assert s.agenda[1].started_at == clock.now()
    assert s.timer.segment_wall == clock.now()


def test_moving_while_paused_keeps_the_timer_paused_without_a_segment(clock):
    s = session_of(10, 10)
    ops.start(s, at(clock))
    clock.advance(20)
    ops.pause(s, at(clock))
    ops.next_phase(s, at(clock))
    assert s.timer.state == "paused"
    assert (s.timer.segment_wall, s.timer.segment_mono) == (None, None)
    assert s.agenda[1].started_at is None
    assert s.agenda[0].actual_seconds == 20


def test_leaving_a_phase_never_run_records_no_duration(clock):
    s = session_of(10, 10, 10)
    ops.next_phase(s, at(clock))  # planning, not started
    assert s.agenda[0].actual_seconds is None
    assert s.agenda[0].ended_at is None


def test_coming_back_continues_from_the_recorded_time_extension_and_bells(clock):
    s = session_of(10, 10)
    ops.start(s, at(clock))
    ops.extend(s, 2, at(clock))
    clock.advance(500)
    mark_rung(s, [f"{s.agenda[0].id}:warning"])
    assert s.timer.warned is True
    ops.next_phase(s, at(clock))
    assert s.timer.warned is False  # the next phase has not warned
    clock.advance(7)
    ops.prev_phase(s, at(clock))
    assert s.timer.warned is True
    assert s.timer.extra_s == 120
    assert view(s, at(clock)).phase.elapsed_s == 500


def test_a_phase_revisited_without_time_spent_keeps_its_record(clock):
    s = session_of(10, 10)
    ops.start(s, at(clock))
    clock.advance(90)
    ops.next_phase(s, at(clock))
    ops.pause(s, at(clock))
    ops.prev_phase(s, at(clock))  # back on the first: 90 s recorded
    ops.next_phase(s, at(clock))  # leave it again at once
    assert s.agenda[0].actual_seconds == 90


def test_moving_resets_the_turns_of_the_phase_entered(clock):
    s = session_of(10, 10)
    for phase in s.agenda:
        phase.turns = [Turn(label="A", minutes=1), Turn(label="B", minutes=1)]
    ops.start(s, at(clock))
    clock.advance(70)
    ops.next_turn(s, at(clock))
    ops.next_phase(s, at(clock))
    assert (s.timer.turn_index, s.timer.turn_elapsed_offset_s) == (0, 0.0)
    clock.advance(30)
    turn = view(s, at(clock)).phase.turn
    assert (turn.index, turn.label, turn.remaining_s) == (0, "A", 30)


def test_goto_the_current_phase_changes_nothing(clock):
    s = session_of(10, 10)
    ops.start(s, at(clock))
    clock.advance(50)
    ops.goto(s, 0, at(clock))
    assert s.agenda[0].actual_seconds is None
    assert s.timer.segment_wall == clock.now() - timedelta(seconds=50)


def test_next_on_the_last_phase_finishes_with_the_total_frozen(clock):
    s = session_of(1, 1)
    ops.start(s, at(clock))
    clock.advance(100)
    ops.next_phase(s, at(clock))
    clock.advance(50)
    ops.next_phase(s, at(clock))
    assert s.timer.state == "finished"
    assert s.timer.finished_total_s == 150
    assert s.agenda[1].actual_seconds == 50
    clock.advance(1000)
    shown = view(s, at(clock))
    assert shown.state == State.FINISHED
    assert shown.projected_end == s.timer.session_started_at + timedelta(seconds=150)


def test_prev_after_the_end_reopens_the_last_phase_paused(clock):
    s = session_of(1, 1)
    ops.start(s, at(clock))
    ops.next_phase(s, at(clock))
    clock.advance(30)
    ops.next_phase(s, at(clock))
    ops.prev_phase(s, at(clock))
    assert (s.timer.state, s.timer.index, s.timer.finished_total_s) == ("paused", 1, None)
    assert view(s, at(clock)).phase.elapsed_s == 30


def test_goto_after_the_end_reopens_the_phase_chosen_paused(clock):
    s = session_of(1, 1, 1)
    ops.start(s, at(clock))
    clock.advance(40)
    ops.goto(s, 2, at(clock))
    ops.next_phase(s, at(clock))
    ops.goto(s, 0, at(clock))
    assert (s.timer.state, s.timer.index, s.timer.finished_total_s) == ("paused", 0, None)
    assert view(s, at(clock)).phase.elapsed_s == 40


# -- restart and extend -------------------------------------------------------------------


def test_restart_clears_the_phase_record_extension_turns_and_its_own_bells(clock):
    s = session_of(10, 10)
    s.agenda[1].turns = [Turn(label="A", minutes=1), Turn(label="B", minutes=1)]
    other = f"{s.agenda[0].id}:end"
    ops.start(s, at(clock))
    ops.next_phase(s, at(clock))
    ops.extend(s, 4, at(clock))
    clock.advance(90)
    ops.next_turn(s, at(clock))
    mine = s.agenda[1].id
    s.timer.bells += [other, f"{mine}:warning", f"{mine}:turn:0"]
    ops.goto(s, 0, at(clock))
    ops.goto(s, 1, at(clock))  # the phase now has a record to clear
    clock.advance(5)
    ops.restart(s, at(clock))
    phase = s.agenda[1]
    assert (phase.actual_seconds, phase.extended_s, phase.ended_at) == (None, 0.0, None)
    assert (s.timer.elapsed_s, s.timer.extra_s) == (0.0, 0.0)
    assert (s.timer.turn_index, s.timer.turn_elapsed_offset_s) == (0, 0.0)
    assert s.timer.bells == [other]
    assert s.timer.warned is False
    assert phase.started_at == clock.now()
    assert s.timer.segment_wall == clock.now()
    clock.advance(10)
    shown = view(s, at(clock)).phase
    assert (shown.elapsed_s, shown.remaining_s) == (10, 590)


def test_restart_while_paused_stays_paused_at_zero(clock):
    s = session_of(10)
    ops.start(s, at(clock))
    began = clock.now()
    clock.advance(120)
    ops.pause(s, at(clock))
    ops.restart(s, at(clock))
    assert s.timer.state == "paused"
    assert s.agenda[0].started_at == began
    clock.advance(60)
    assert view(s, at(clock)).phase.remaining_s == 600


def test_extend_adds_and_takes_minutes_never_below_the_plan(clock):
    s = session_of(10)
    ops.extend(s, 2.5, at(clock))
    assert s.timer.extra_s == 150
    ops.extend(s, -1, at(clock))
    assert s.timer.extra_s == 90
    ops.extend(s, -30, at(clock))
    assert s.timer.extra_s == -600
    assert view(s, at(clock)).phase.duration_s == 0


def test_next_turn_starts_the_countdown_from_the_phase_elapsed_time(clock):
    s = session_of(10)
    s.agenda[0].turns = [Turn(label="A", minutes=2), Turn(label="B", minutes=2)]
    ops.start(s, at(clock))
    clock.advance(75)
    ops.next_turn(s, at(clock))
    assert s.timer.turn_elapsed_offset_s == 75
    clock.advance(20)
    assert view(s, at(clock)).phase.turn.remaining_s == 100


def test_the_command_names_are_a_contract():
    assert {
        "start": ops.start,
        "pause": ops.pause,
        "resume": ops.resume,
        "toggle": ops.toggle,
        "next": ops.next_phase,
        "prev": ops.prev_phase,
        "restart": ops.restart,
        "turn": ops.next_turn,
    } == ops.COMMANDS
