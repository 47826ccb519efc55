"""A whole 2-hour workshop driven on a fake clock: pauses, extends, an overrun, a lid closed."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from sessions.agenda.catalog import find_template
from sessions.core.clock import FakeClock
from sessions.core.factory import session_from_template
from sessions.models import Session
from sessions.timer import ops
from sessions.timer.position import Stamp, State, due_bells, mark_rung, view


class Room:
    """The facilitator and the app's tick, on a fake clock."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.clock = FakeClock()
        self.rung: Counter[tuple[str, str]] = Counter()

    def stamp(self) -> Stamp:
        return Stamp.of(self.clock)

    def do(self, op, *args) -> None:
        op(self.session, *args, self.stamp())

    def wait(self, seconds: float, step: float = 1.0) -> None:
        """Let time pass, ticking like the app does (every ``step`` s)."""
        done = 0.0
        while done < seconds:
            move = min(step, seconds - done)
            self.clock.advance(move)
            done += move
            self.tick()

    def tick(self) -> None:
        bells = due_bells(self.session, self.stamp())
        for bell in bells:
            self.rung[(bell.key.split(":")[0], bell.kind)] += 1
        mark_rung(self.session, [b.key for b in bells])


@pytest.fixture
def room() -> Room:
    template = find_template("divergence-convergence")
    session = session_from_template(template, title="Atelier", on=date(2026, 11, 22))
    return Room(session)


def test_two_hour_template_with_pauses_extends_and_overrun(room: Room) -> None:
    s = room.session
    assert [p.minutes for p in s.agenda] == [5, 10, 15, 30, 40, 15, 5]
    assert sum(p.minutes for p in s.agenda) == 120
    room.do(ops.start)
    start_wall = room.clock.now()

    # 1. Introduction 5 min: on time, 5:00 exactly.
    room.wait(300)
    assert view(s, room.stamp()).phase.state == State.OVERTIME
    room.do(ops.next_phase)
    # 2. Présentation 10 min: a 2-minute pause (the projector fails), then 10 min of talk.
    room.wait(240)
    room.do(ops.pause)
    room.wait(120)
    assert view(s, room.stamp()).phase.remaining_s == pytest.approx(360)
    room.do(ops.resume)
    room.wait(360)
    room.do(ops.next_phase)
    # 3. Inspiration 15 min: ends 1 min early, after the warning.
    room.wait(840)
    room.do(ops.next_phase)
    # 4. Divergence 30 min: extended by 5, then once more by 1 after the warning; used fully.
    room.do(ops.extend, 5)
    room.wait(60 * 34)
    assert view(s, room.stamp()).phase.warning
    room.do(ops.extend, 1)
    room.wait(60 * 2)
    room.do(ops.next_phase)
    # 5. Convergence 40 min: overruns by 6 min 30 s.
    room.wait(46 * 60 + 30)
    current = view(s, room.stamp()).phase
    assert current.state == State.OVERTIME
    assert current.overtime_s == pytest.approx(390)
    room.do(ops.next_phase)
    # 6. Partage des solutions 15 min: shortened by 1 min with "-", used 14 min.
    room.do(ops.extend, -1)
    room.wait(14 * 60)
    room.do(ops.next_phase)
    # 7. Conclusion 5 min, then finished.
    room.wait(5 * 60)
    room.do(ops.next_phase)

    actual = [p.actual_seconds for p in s.agenda]
    assert actual == pytest.approx([300, 600, 840, 36 * 60, 46 * 60 + 30, 14 * 60, 300])
    assert [p.extended_s for p in s.agenda] == [0, 0, 0, 360, 0, -60, 0]
    final = view(s, room.stamp())
    assert final.state == State.FINISHED
    # Drift: +2 pause -1 early +6 extended +6.5 overrun -1 shortened = +12.5 min.
    assert final.drift_s == pytest.approx(12.5 * 60)
    assert (final.projected_end - start_wall).total_seconds() == pytest.approx(132.5 * 60)
    # Later time passing does not move a finished session.
    room.wait(600, step=60)
    assert view(s, room.stamp()).drift_s == pytest.approx(12.5 * 60)

    # The warning bell rang exactly once in every phase, the end bell once in each phase
    # that reached its end (all but Inspiration, left 1 min early).
    for phase in s.agenda:
        assert room.rung[(phase.id, "warning")] == 1, phase.title
    ended = {p.id for p in s.agenda if p.actual_seconds >= p.minutes * 60 + p.extended_s}
    assert s.agenda[2].id not in ended and len(ended) == 6
    for phase in s.agenda:
        assert room.rung[(phase.id, "end")] == (1 if phase.id in ended else 0), phase.title
    # Partage des solutions has 4 speaker turns of 3 min; nobody pressed "next speaker",
    # so only the first turn's end rang.
    assert room.rung[(s.agenda[5].id, "turn")] == 1


def test_drift_while_running_late(room: Room) -> None:
    s = room.session
    room.do(ops.start)
    room.wait(7 * 60)  # Introduction (5 min) overruns by 2
    assert view(s, room.stamp()).drift_s == pytest.approx(120)
    room.do(ops.next_phase)
    room.do(ops.pause)
    room.wait(180)  # paused 3 min: the end moves with it
    assert view(s, room.stamp()).drift_s == pytest.approx(300)
    room.do(ops.extend, 5)
    assert view(s, room.stamp()).drift_s == pytest.approx(600)


def test_closed_lid_counts_and_wall_jump_is_flagged(room: Room) -> None:
    s = room.session
    room.do(ops.start)
    room.wait(60)
    room.clock.advance(120)  # suspended: CLOCK_BOOTTIME and the wall clock both move
    assert view(s, room.stamp()).phase.remaining_s == pytest.approx(120)
    room.clock.jump_wall(-3600)  # someone sets the clock back an hour
    shown = view(s, room.stamp())
    assert shown.clock_jump
    assert shown.phase.remaining_s == pytest.approx(120)  # the monotonic clock decides
    room.clock.reboot("other-boot")  # and after a reboot, the wall clock went back: never negative
    after = view(s, room.stamp())
    assert after.clock_jump
    assert after.phase.elapsed_s == pytest.approx(0)
    assert after.phase.remaining_s == pytest.approx(300)


def test_bells_after_a_long_absence_ring_once(room: Room) -> None:
    s = room.session
    room.do(ops.start)
    room.clock.advance(400)  # nobody ticked: warning and end both due
    bells = due_bells(s, room.stamp())
    assert sorted(b.kind for b in bells) == ["end", "warning"]
    mark_rung(s, [b.key for b in bells])
    assert due_bells(s, room.stamp()) == []
    assert s.timer.warned and s.timer.rang_end


def test_rotation_bells(room: Room) -> None:
    s = session_from_template(
        find_template("ecosysteme-ressources"), title="Eco", on=date(2026, 11, 22)
    )
    room.session = s
    room.do(ops.start)
    room.wait(300)
    room.do(ops.next_phase)  # Cartographie, 60 min, change every 20
    room.wait(30 * 60, step=5)
    r = view(s, room.stamp()).phase.rotation
    assert (r.number, r.remaining_s) == (2, pytest.approx(600))
    room.wait(31 * 60, step=5)
    pid = s.agenda[1].id
    assert room.rung[(pid, "rotation")] == 2  # at 20 and 40; the end bell covers 60
    assert room.rung[(pid, "end")] == 1
