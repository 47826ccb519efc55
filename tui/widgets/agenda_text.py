"""How the agenda reads on screen, shared by F3 (timer), the projector and the agenda editor."""

from __future__ import annotations

from sessions.i18n import t
from sessions.i18n.formats import format_number
from sessions.models import Session
from sessions.timer.position import PhaseView, clock_text


def minutes_text(seconds: float | None) -> str:
    """Seconds as whole minutes (tenths under a minute), ``-`` when unknown."""
    if seconds is None:
        return "-"
    digits = 0 if seconds >= 60 or seconds == 0 else 1
    return format_number(seconds / 60, digits=digits)  # 0,5 in French


def total_text(session: Session) -> str:
    """The agenda's planned total, and the slot it must fit in when there is one."""
    slot = f" / {format_number(session.slot_minutes)}" if session.slot_minutes else ""
    return t("timer.total", minutes=format_number(session.planned_minutes), slot=slot)


def subtimer_text(current: PhaseView) -> str:
    """The speaker turn or the table rotation in progress, or ''."""
    if current.turn is not None:
        turn = current.turn
        if turn.index >= turn.count:
            return t("timer.turns_done")
        if turn.open:
            return t("script.turn_open_line", n=turn.index + 1, total=turn.count, label=turn.label)
        if turn.overtime_s > 0:
            clock = clock_text(turn.overtime_s, overtime=True)
            return t(
                "timer.turn_overtime",
                n=turn.index + 1,
                total=turn.count,
                label=turn.label,
                clock=clock,
            )
        clock = clock_text(turn.remaining_s)
        return t("timer.turn", n=turn.index + 1, total=turn.count, label=turn.label, clock=clock)
    if current.rotation is not None:
        rot = current.rotation
        label = rot.label or t("timer.rotation_default")
        if rot.last:
            return t("timer.rotation_last", label=label, n=rot.number)
        return t("timer.rotation", label=label, n=rot.number, clock=clock_text(rot.remaining_s))
    return ""
