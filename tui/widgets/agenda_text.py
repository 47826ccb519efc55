"""How the agenda's minutes read on screen, shared by F2 (timer) and the agenda editor."""

from __future__ import annotations

from sessions.i18n import t
from sessions.models import Session


def minutes_text(seconds: float | None) -> str:
    """Seconds as whole minutes (tenths under a minute), ``-`` when unknown."""
    if seconds is None:
        return "-"
    return f"{seconds / 60:.0f}" if seconds >= 60 or seconds == 0 else f"{seconds / 60:.1f}"


def total_text(session: Session) -> str:
    """The agenda's planned total, and the slot it must fit in when there is one."""
    slot = f" / {session.slot_minutes:g}" if session.slot_minutes else ""
    return t("timer.total", minutes=f"{session.planned_minutes:g}", slot=slot)
