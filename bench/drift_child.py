"""The timer figure, run in its own process by ``bench/child.py drift DATA SESSION SECONDS``.

The app shows the timer (F3, headless) on the real clock; half a second
after it is up the timer is started through ``app.apply`` (as the
facilitator's key does) and shown for SECONDS seconds; and every frame is inspected: each time the
big digits change, the frame's time is compared with the true instant the
countdown crossed that second (computed by the timer domain from the stored
start). The drift of a change is how late the frame came; the figure is
the largest over the run.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

from bench.child import SIZE, report


def true_change(text_at, value: str, seen_at: float) -> float:
    """The earliest instant (monotonic) from which ``text_at`` shows ``value``."""
    lo, hi = seen_at - 3.0, seen_at
    if text_at(hi) != value:  # the display is ahead of the truth
        lo, hi = seen_at, seen_at + 3.0
        while hi - lo > 1e-5:
            mid = (lo + hi) / 2
            if text_at(mid) == value:
                hi = mid
            else:
                lo = mid
        return hi
    while hi - lo > 1e-5:
        mid = (lo + hi) / 2
        if text_at(mid) == value:
            hi = mid
        else:
            lo = mid
    return hi


def run(data: Path, session_id: str, seconds: float) -> dict[str, Any]:
    from textual.app import App
    from textual.widgets import Digits

    from sessions.core.clock import SystemClock
    from sessions.storage.store import SessionStore
    from sessions.timer import ops as timer_ops
    from sessions.timer.position import Stamp, shown_clock, view
    from tui.app import make_app

    clock = SystemClock()
    store = SessionStore(data, clock)
    boot = clock.boot_id()
    changes: list[tuple[float, str]] = []
    started: dict[str, Any] = {}
    original_display = App._display

    def display(self: App, screen, renderable) -> None:
        original_display(self, screen, renderable)
        if renderable is None or not started:
            return
        at = clock.monotonic()
        try:
            value = screen.query_one("#digits", Digits).value
        except Exception:
            return
        if not changes or changes[-1][1] != value:
            changes.append((at, value))

    App._display = display  # type: ignore[method-assign]
    app = make_app(store, clock, session_ref=session_id, start_mode="timer")

    def start() -> None:
        """The facilitator starts the timer once the screen is up."""
        app.apply(lambda s: timer_ops.start(s, Stamp.of(clock)))
        started["session"] = app.session.model_copy(deep=True)
        started["wall"], started["mono"] = clock.now(), clock.monotonic()
        app.set_timer(seconds, app.exit)

    app.call_later(lambda: app.set_timer(0.5, start))
    app.run(headless=True, size=SIZE)

    def text_at(mono: float) -> str:
        stamp = Stamp(started["wall"] + dt.timedelta(seconds=mono - started["mono"]), mono, boot)
        phase = view(started["session"], stamp).phase
        return shown_clock(phase) if phase is not None else ""

    drifts = [(at - true_change(text_at, value, at)) * 1000 for at, value in changes[1:]]
    return {
        "seconds": seconds,
        "changes": len(changes) - 1,
        "drift_max_ms": max(drifts) if drifts else None,
        "drift_p50_ms": sorted(drifts)[len(drifts) // 2] if drifts else None,
        "first": changes[0][1] if changes else None,
        "last": changes[-1][1] if changes else None,
        "elapsed": time.monotonic(),
    }


def main(args: list[str]) -> None:
    data, session_id, seconds = args
    report(**run(Path(data), session_id, float(seconds)))
