"""The agenda editor's ops on the domain alone: what they refuse; a refusal changes nothing."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sessions.core.ops import apply, undo
from sessions.i18n import t
from sessions.models import PhaseKind, Session
from sessions.timer import agenda_ops, timer_ops
from sessions.timer.position import Stamp, due_bells, phase_view
from tests.conftest import build_session

T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def state(s: Session) -> bytes:
    return s.__pydantic_serializer__.to_json(s)


def refusal(s: Session, op) -> str:  # type: ignore[no-untyped-def]
    before = state(s)
    with pytest.raises(ValueError) as caught:
        apply(s, op)
    assert state(s) == before  # refused: nothing changed
    return str(caught.value)


def test_a_turn_needs_a_name_and_minutes_within_bounds() -> None:
    s = build_session()
    pid = s.agenda[1].id
    assert refusal(s, agenda_ops.SetTurns(pid, (("A", 3.0), ("  ", 3.0)))) == t(
        "script.err.turn_label"
    )
    assert "1440" in refusal(s, agenda_ops.SetTurns(pid, (("A", 2000.0),)))
    assert "1440" in refusal(s, agenda_ops.SetTurns(pid, (("A", -1.0),)))


def test_a_rotation_of_zero_minutes_is_refused_and_none_removes_it() -> None:
    s = build_session()
    pid = s.agenda[1].id
    assert refusal(s, agenda_ops.SetRotation(pid, 0.0, "Tables")) == t("script.err.rotation_zero")
    apply(s, agenda_ops.SetRotation(pid, 20.0, "  Changement\tde table "))
    assert s.agenda[1].rotation is not None and s.agenda[1].rotation.label == "Changement de table"
    apply(s, agenda_ops.SetRotation(pid, None))
    assert s.agenda[1].rotation is None


def test_an_op_on_a_phase_removed_elsewhere_says_so() -> None:
    s = build_session()
    gone = s.agenda[2].id
    apply(s, agenda_ops.RemovePhase(gone))
    expected = t("script.err.phase_gone")
    assert refusal(s, agenda_ops.EditPhase(gone, "X", 5, PhaseKind.PLENARY)) == expected
    assert refusal(s, agenda_ops.SetTurns(gone, (("A", 1.0),))) == expected
    assert refusal(s, agenda_ops.MovePhase(gone, 1)) == expected


def test_notes_keep_their_lines_and_lose_control_characters() -> None:
    s = build_session()
    pid = s.agenda[0].id
    typed = "5 min\x1b[31m\r\n10 min "
    op = agenda_ops.EditPhase(pid, "Accueil", 10, PhaseKind.PLENARY, None, typed)
    apply(s, op)
    assert s.agenda[0].notes == "5 min\n10 min"


def test_the_running_phase_cannot_be_removed_and_a_move_keeps_the_timer_on_it() -> None:
    s = build_session()
    stamp = Stamp(T0, 10.0, "boot")
    timer_ops.TimerCommand("start", stamp).run(s)
    timer_ops.TimerCommand("next", stamp).run(s)  # step 2 runs
    running = s.agenda[1].id
    assert refusal(s, agenda_ops.RemovePhase(running)) == t("plan.remove_current")
    step = apply(s, agenda_ops.MovePhase(s.agenda[0].id, 2)).step
    assert s.agenda[s.timer.index].id == running  # the timer follows its phase
    undo(s, step)
    assert s.timer.index == 1 and s.agenda[1].id == running


def test_an_open_turn_has_no_countdown_and_never_rings() -> None:
    s = build_session()
    stamp = Stamp(T0, 10.0, "boot")
    apply(s, agenda_ops.SetTurns(s.agenda[0].id, (("Consigne", 0.0), ("Seul", 5.0))))
    timer_ops.TimerCommand("start", stamp).run(s)
    later = Stamp(T0 + dt.timedelta(minutes=7), 430.0, "boot")
    current, _ = phase_view(s, later)
    assert current is not None and current.turn is not None
    assert current.turn.open and current.turn.remaining_s == 0 and current.turn.overtime_s == 0
    assert all(b.kind != "turn" for b in due_bells(s, later))


@settings(max_examples=60, deadline=None)
@given(
    turns=st.lists(
        st.tuples(st.text(max_size=30), st.floats(allow_nan=True, allow_infinity=True)),
        max_size=5,
    )
)
def test_any_typed_turns_are_saved_clean_or_refused_whole(turns) -> None:  # type: ignore[no-untyped-def]
    s = build_session()
    pid = s.agenda[1].id
    before = state(s)
    try:
        apply(s, agenda_ops.SetTurns(pid, tuple(turns)))
    except ValueError:
        assert state(s) == before  # all or nothing
        return
    saved = s.agenda[1].turns
    assert len(saved) == len(turns)
    for turn in saved:
        assert turn.label and turn.label == turn.label.strip()
        assert not any(unicodedata.category(ch) in ("Cc", "Cs") for ch in turn.label)
        assert 0 <= turn.minutes <= 24 * 60
    assert Session.model_validate_json(state(s)).agenda[1].turns == saved  # the file loads
