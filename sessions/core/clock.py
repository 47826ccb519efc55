"""Injected time: the real clock, and a fake one that tests advance by hand.

``monotonic()`` is suspend-aware where the platform allows it
(``CLOCK_BOOTTIME`` on Linux), so a closed laptop lid does not stop the
workshop's time. ``boot_id()`` tells whether two monotonic readings come from
the same boot and can be compared.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

# ``typing``'s Protocol for type checkers only: ``atelier status`` (run every
# second by a status bar) reads the clock without importing ``typing``.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Protocol
else:
    Protocol = object


class Clock(Protocol):
    def now(self) -> datetime:
        """Wall-clock time, timezone-aware UTC."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never goes back (and counts suspend if it can)."""
        ...

    def boot_id(self) -> str | None:
        """An id of the current boot, or None when unknown."""
        ...


class SystemClock:
    """The machine's clocks."""

    _CLOCK = getattr(time, "CLOCK_BOOTTIME", None)

    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        if self._CLOCK is not None:
            return time.clock_gettime(self._CLOCK)
        return time.monotonic()

    def boot_id(self) -> str | None:
        try:
            return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
        except OSError:
            return None


class FakeClock:
    """A clock for tests: it moves only when told to."""

    def __init__(self, start: datetime | None = None, boot: str = "fake-boot") -> None:
        self._now = start or datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
        self._mono = 1000.0
        self._boot = boot

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def boot_id(self) -> str | None:
        return self._boot

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` of real time pass (wall and monotonic alike)."""
        self._now += timedelta(seconds=seconds)
        self._mono += seconds

    def jump_wall(self, seconds: float) -> None:
        """Move only the wall clock (an NTP correction or a user changing the time)."""
        self._now += timedelta(seconds=seconds)

    def reboot(self, boot: str) -> None:
        """A new boot: the monotonic clock restarts from zero."""
        self._boot = boot
        self._mono = 0.0
