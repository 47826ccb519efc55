"""A one-line strip on every section screen: the current phase and its time.

It watches the app's ``now`` reactive (the world-clock pattern), so it redraws
on the app's tick without any timer of its own.
"""

from __future__ import annotations

from datetime import datetime

from textual.reactive import reactive
from textual.widgets import Static

from sessions.i18n import t


class TimerStrip(Static):
    DEFAULT_CSS = """
    TimerStrip {
        height: 1;
        width: 1fr;
        background: $panel;
        padding: 0 1;
    }
    """

    now: reactive[datetime | None] = reactive(None)

    def __init__(self) -> None:
        super().__init__("", markup=False, id="timer-strip")

    def on_mount(self) -> None:
        self.watch(self.app, "now", self._set_now, init=False)
        self.watch(self.app, "revision", lambda _r: self.refresh_strip(), init=False)
        self.refresh_strip()

    def _set_now(self, now: datetime | None) -> None:
        self.now = now

    def watch_now(self) -> None:
        self.refresh_strip()

    def refresh_strip(self) -> None:
        session = getattr(self.app, "session", None)
        if session is None or not session.agenda:
            self.update("")
            return
        index = min(session.timer.index, len(session.agenda) - 1)
        phase = session.agenda[index]
        self.update(
            t(
                "strip.phase",
                n=index + 1,
                total=len(session.agenda),
                title=phase.title,
                minutes=f"{phase.minutes:g}",
            )
        )
