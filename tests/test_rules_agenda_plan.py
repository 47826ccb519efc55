"""Rules of agenda planning (sessions/agenda/plan.py): warnings, minutes typed, phase editing."""

from __future__ import annotations

from datetime import date

import pytest

from sessions.agenda import plan
from sessions.core.clock import FakeClock
from sessions.i18n import t
from sessions.models import Phase, PhaseKind, Session
from sessions.timer import ops
from sessions.timer.position import Stamp


def session_of(*minutes: float, slot: float | None = None) -> Session:
    return Session(
        title="S",
        date=date(2026, 11, 22),
        slot_minutes=slot,
        agenda=[Phase(title=f"P{i + 1}", minutes=m) for i, m in enumerate(minutes)],
    )


def codes(session: Session) -> list[str]:
    return [w.code for w in plan.planning_warnings(session)]


def refused(call, *args) -> str:
    with pytest.raises(ValueError) as info:
        call(*args)
    return str(info.value)


def test_a_margin_of_five_minutes_is_enough_less_is_not() -> None:
    assert codes(session_of(55, slot=60)) == []
    assert codes(session_of(55.5, slot=60)) == ["no_margin"]
    assert codes(session_of(60, slot=60)) == ["no_margin"]
    (over,) = plan.planning_warnings(session_of(62.5, slot=60))
    assert over.code == "over_slot"
    assert over.message == t("plan.over_slot", total="62,5", slot="60", over="2,5")
    assert codes(session_of(500)) == ["too_long"]  # no slot: only the attention warning


def test_two_hours_of_work_is_the_limit() -> None:
    assert codes(session_of(60, 60)) == []
    (long,) = plan.planning_warnings(session_of(60, 60.5))
    assert long.message == t("plan.too_long", work="120,5")


def test_minutes_from_zero_to_a_day() -> None:
    assert plan.check_minutes(0) == 0
    assert plan.check_minutes(1440) == 1440
    for value in (-0.5, 1440.5, float("nan"), float("inf")):
        assert refused(plan.check_minutes, value) == t("plan.bad_minutes", value=value)


def test_typed_minutes_are_read_or_refused_with_the_reason() -> None:
    assert plan.parse_minutes(" 7,5 ") == 7.5
    message = refused(plan.parse_minutes, " 1e3 ")
    assert message.startswith(t("plan.bad_minutes", value="1e3") + " ")
    assert "«\u202fe\u202f»" in message
    assert refused(plan.parse_minutes, "2000") == t("plan.bad_minutes", value=2000.0)


def test_apply_minutes_checks_everything_before_changing_anything() -> None:
    s = session_of(10, 20)
    plan.apply_minutes(s, {0: 8, 1: 15})
    assert [p.minutes for p in s.agenda] == [8, 15]
    assert refused(plan.apply_minutes, s, {0: 5, 2: 5}) == t("timer.err.no_phase", n=3, total=2)
    assert refused(plan.apply_minutes, s, {-1: 5}) == t("timer.err.no_phase", n=0, total=2)
    assert refused(plan.apply_minutes, s, {0: 5, 1: -1}) == t("plan.bad_minutes", value=-1)
    assert [p.minutes for p in s.agenda] == [8, 15]


def test_adding_a_phase_cleans_its_title_and_keeps_the_timer_on_its_phase() -> None:
    s = session_of(10, 20)
    clock = FakeClock()
    ops.start(s, Stamp.of(clock))
    ops.next_phase(s, Stamp.of(clock))
    assert s.timer.index == 1
    added = plan.add_phase(s, 0, "  Accueil\x07 ", 5, PhaseKind.BREAK)
    assert (added.title, added.minutes, added.kind) == ("Accueil", 5, PhaseKind.BREAK)
    assert [p.title for p in s.agenda] == ["Accueil", "P1", "P2"]
    assert s.timer.index == 2  # still on P2
    plan.add_phase(s, 99, "Fin", 5)
    plan.add_phase(s, -3, "Début", 5)
    assert [p.title for p in s.agenda] == ["Début", "Accueil", "P1", "P2", "Fin"]
    assert s.agenda[-1].kind == PhaseKind.PLENARY
    assert refused(plan.add_phase, s, 0, " \x07 ", 5) == t("plan.empty_title")
    assert refused(plan.add_phase, s, 0, "X", -1) == t("plan.bad_minutes", value=-1)
    assert len(s.agenda) == 5


def test_removing_a_phase_has_its_refusals() -> None:
    s = session_of(10, 20, 30)
    assert refused(plan.remove_phase, s, 3) == t("timer.err.no_phase", n=4, total=3)
    assert refused(plan.remove_phase, s, -1) == t("timer.err.no_phase", n=0, total=3)
    assert plan.remove_phase(s, 0).title == "P1"  # not started: even the first one
    clock = FakeClock()
    ops.start(s, Stamp.of(clock))
    ops.next_phase(s, Stamp.of(clock))
    assert refused(plan.remove_phase, s, 1) == t("plan.remove_current")
    assert plan.remove_phase(s, 0).title == "P2"
    assert [p.title for p in s.agenda] == ["P3"]
    assert s.timer.index == 0
    assert refused(plan.remove_phase, session_of(5), 0) == t("plan.remove_last")


def test_removing_the_last_phase_pointed_at_moves_the_timer_back() -> None:
    s = session_of(10, 20, 30)
    s.timer.index = 2
    plan.remove_phase(s, 2)  # not started: allowed
    assert s.timer.index == 1


def test_moving_a_phase_stays_inside_the_agenda() -> None:
    s = session_of(10, 20, 30)
    s.timer.index = 0
    assert plan.move_phase(s, 0, 1) == 1
    assert [p.title for p in s.agenda] == ["P2", "P1", "P3"]
    assert s.timer.index == 1  # follows P1
    assert plan.move_phase(s, 0, -1) == 0
    assert plan.move_phase(s, 2, 1) == 2
    assert plan.move_phase(s, 3, -1) == 3
    assert plan.move_phase(s, 2, -2) == 0
    assert [p.title for p in s.agenda] == ["P3", "P1", "P2"]


def test_updating_a_phase_checks_then_sets_every_field() -> None:
    s = session_of(10, 20)
    plan.update_phase(s, 1, " Bilan ", 12.5, PhaseKind.BREAK, 2)
    p = s.agenda[1]
    assert (p.title, p.minutes, p.kind, p.warn_minutes) == ("Bilan", 12.5, PhaseKind.BREAK, 2)
    plan.update_phase(s, 1, "Bilan", 12.5, PhaseKind.BREAK)
    assert s.agenda[1].warn_minutes is None
    assert refused(plan.update_phase, s, 2, "X", 1, PhaseKind.BREAK) == t(
        "timer.err.no_phase", n=3, total=2
    )
    assert refused(plan.update_phase, s, -1, "X", 1, PhaseKind.BREAK) == t(
        "timer.err.no_phase", n=0, total=2
    )
    assert refused(plan.update_phase, s, 0, "", 1, PhaseKind.BREAK) == t("plan.empty_title")
    assert refused(plan.update_phase, s, 0, "X", -1, PhaseKind.BREAK) == t(
        "plan.bad_minutes", value=-1
    )
    assert refused(plan.update_phase, s, 0, "X", 1, PhaseKind.BREAK, -2) == t(
        "plan.bad_minutes", value=-2
    )
    assert (s.agenda[0].title, s.agenda[0].minutes) == ("P1", 10)


def test_the_no_margin_warning_says_the_total_and_the_slot() -> None:
    (warning,) = plan.planning_warnings(session_of(55.5, slot=60))
    assert warning.message == t("plan.no_margin", total="55,5", slot="60")


def late_by_two_minutes(*minutes: float) -> tuple[Session, Stamp]:
    s = session_of(*minutes)
    clock = FakeClock()
    ops.start(s, Stamp.of(clock))
    clock.advance(12 * 60)  # the 10-minute first phase runs 2 minutes over
    return s, Stamp.of(clock)


def test_a_two_minute_phase_can_lose_one_minute_not_two() -> None:
    s, stamp = late_by_two_minutes(10, 2)
    proposal = plan.propose_rebudget(s, stamp)
    assert [(c.index, c.minutes, c.proposed) for c in proposal.cuts] == [(1, 2, 1)]
    assert proposal.still_late_minutes == pytest.approx(1)


def test_whole_minute_cuts_never_go_below_the_floor() -> None:
    s, stamp = late_by_two_minutes(10, 2.5, 2.5)  # half a minute of room each
    proposal = plan.propose_rebudget(s, stamp)
    assert proposal.cuts == []
    assert proposal.still_late_minutes == pytest.approx(2)
