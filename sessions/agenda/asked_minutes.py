"""Step times given when a session is created (a guide that gives none: ``ask_minutes``).

``atelier new --minutes 10,45,60,...`` and the new-session form both end here:
one value per phase of the template, in order (commas or spaces between them; a
decimal with a dot, ``7.5``), each checked as the agenda checks minutes typed by
a person. A wrong count is refused naming how many steps the template has.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sessions.agenda.plan import PlanError, parse_minutes

if TYPE_CHECKING:
    from sessions.models import Session

SEPARATORS = re.compile(r"[,;\s]+")


def parse_step_minutes(text: str, count: int) -> list[float]:
    """``count`` minutes read from ``text`` (``10,45,60`` or ``10 45 60``)."""
    values = [part for part in SEPARATORS.split(text.strip()) if part]
    if len(values) != count:
        raise PlanError("new.minutes.err_count", count=count, given=len(values))
    return [parse_minutes(value) for value in values]


def set_step_minutes(session: Session, minutes: Sequence[float]) -> None:
    """Each phase of the new session's agenda gets its minutes, in order."""
    if len(minutes) != len(session.agenda):
        raise PlanError("new.minutes.err_count", count=len(session.agenda), given=len(minutes))
    for phase, value in zip(session.agenda, minutes, strict=True):
        phase.minutes = value
