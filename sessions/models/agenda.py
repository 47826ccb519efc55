"""The agenda: phases with their planned minutes, and the stored timer state.

Timer state is stored as timestamps (wall-clock UTC and a suspend-aware
monotonic reading), never as counted ticks; the arithmetic lives in
``sessions.timer.position``.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from sessions.agenda.phase_kind import PhaseKind
from sessions.models.base import (
    Code,
    Count,
    FreeText,
    Minutes,
    Model,
    Seconds,
    SignedSeconds,
    short_id,
)


class Turn(Model):
    """A speaker turn inside a phase (e.g. each group presents in 3 minutes)."""

    label: FreeText
    minutes: Minutes


class Rotation(Model):
    """A repeating sub-timer: the groups change table every ``every_minutes``."""

    every_minutes: Minutes
    label: FreeText = ""


class TurnsFrom(Model):
    """The phase's turns are one per sheet of ``kind`` (each group presents its solution).

    Derived when the phase starts (``sessions.agenda.turns_from``), ``minutes``
    each; ``edited`` once the facilitator changed the turns by hand: they are kept.
    """

    kind: Code
    minutes: Minutes = 3
    edited: bool = False


class Phase(Model):
    """One step of the agenda."""

    id: Code = Field(default_factory=lambda: short_id("ph"))
    title: FreeText
    kind: PhaseKind = PhaseKind.PLENARY
    minutes: Minutes
    notes: FreeText = ""
    warn_minutes: Minutes | None = None
    turns: list[Turn] = Field(default_factory=list)
    rotation: Rotation | None = None
    turns_from: TurnsFrom | None = None  # schema 9: turns drawn from the session's sheets
    # Filled when the phase is left: the measured duration in seconds.
    actual_seconds: Seconds | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    # Minutes added (or taken, when negative) live, in seconds; kept when the phase is left.
    extended_s: SignedSeconds = 0.0


class TimerState(Model):
    """Where the live agenda stands, persisted on every start, pause, extend, move.

    ``elapsed_s`` is the time accumulated in the current phase before the
    running segment that began at ``segment_wall`` / ``segment_mono`` (read on
    the boot ``boot_id``). ``state`` is the stored state; "overtime" is derived.
    ``warned`` / ``rang_end`` mirror the current phase's entries of ``bells``,
    which holds every bell already rung (``"<phase id>:warning"``, ``":end"``,
    ``":turn:<i>"``, ``":rotation:<k>"``) so each rings exactly once.
    """

    index: Count = 0
    state: Code = "not_started"  # not_started | running | paused | finished
    elapsed_s: Seconds = 0.0
    segment_wall: datetime | None = None
    segment_mono: SignedSeconds | None = None
    boot_id: Code | None = None
    extra_s: SignedSeconds = 0.0
    session_started_at: datetime | None = None
    warned: bool = False
    rang_end: bool = False
    turn_index: Count = 0
    turn_elapsed_offset_s: Seconds = 0.0
    bells: list[Code] = Field(default_factory=list)
    # The session's start on both clocks, and the planned total at that moment.
    session_started_mono: SignedSeconds | None = None
    session_started_boot: Code | None = None
    planned_total_s: Seconds | None = None
    # Seconds from the start to the end of the last phase, once finished.
    finished_total_s: Seconds | None = None
