"""A one-line strip on every section screen: the current phase, its time and state.

It watches the app's ``now`` reactive (the world-clock pattern), so it redraws
on the app's tick without any timer of its own (the tick also rings the
timer's bells, whichever section the scribe is on). The strip of a section
not shown waits, and catches up when its screen is shown again. Amber
with ⚠ near the end, red with ⏰ in overtime: never colour alone. When the line
is too long for the terminal the phase's title is shortened, never the state.
"""

from __future__ import annotations

from datetime import datetime

from rich.cells import cell_len
from textual.reactive import reactive
from textual.widgets import Static

from sessions.timer.position import Stamp, view
from sessions.timer.status import display_state, is_overtime, status_line
from tui.widgets.quiet import set_text


class TimerStrip(Static):
    DEFAULT_CSS = """
    TimerStrip {
        height: 1;
        width: 1fr;
        background: $panel;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;  /* a narrow terminal: "…" says the line goes on */
    }
    TimerStrip.-warning {
        background: $warning;
        color: $text;
        text-style: bold;
    }
    TimerStrip.-overtime {
        background: $error;
        color: $text;
        text-style: bold;
    }
    """

    now: reactive[datetime | None] = reactive(None, repaint=False)  # refresh_strip updates
    _stale = False  # the app's clock moved while another section was shown

    def __init__(self) -> None:
        super().__init__("", markup=False, id="timer-strip")

    def on_mount(self) -> None:
        self.watch(self.app, "now", self._set_now, init=False)
        self.watch(self.app, "revision", lambda _r: self.refresh_strip(), init=False)
        self.refresh_strip()

    def _set_now(self, now: datetime | None) -> None:
        if self.screen not in self.app.screen_stack:  # another section is shown
            self._stale = True  # redrawn when its screen is shown again (``catch_up``)
            return
        self.now = now

    def watch_now(self) -> None:
        self.refresh_strip()

    def catch_up(self) -> None:
        """Its screen is shown again: the time it missed."""
        if self._stale:
            self._stale = False
            self.refresh_strip()

    def refresh_strip(self) -> None:
        session = getattr(self.app, "session", None)
        if session is None or not session.agenda:
            set_text(self, "")
            self.set_classes("")
            return
        shown = view(session, Stamp.of(self.app.clock))  # type: ignore[attr-defined]
        state = display_state(shown.phase, shown.state)
        self.set_class(state == "warning", "-warning")
        self.set_class(is_overtime(state), "-overtime")
        stamp = Stamp.of(self.app.clock)  # type: ignore[attr-defined]
        line = status_line(session, stamp, shown)
        room = self.content_size.width
        if shown.phase is not None and room and cell_len(line) > room:
            title = shown.phase.phase.title
            short = shorten(title, room - (cell_len(line) - cell_len(title)))
            line = status_line(session, stamp, shown, title=short)
        set_text(self, line, layout=False)  # one line of fixed size: no layout of the screen

    def on_resize(self) -> None:
        self.refresh_strip()  # the title's room changed


def shorten(title: str, room: int) -> str:
    """``title`` in ``room`` cells, ending in "…" when cut (at least the "…").

    The strip gives way on the title, never on the state: a long title paused in
    overtime cut "En pause · ⏰ dépassement" at 80 columns.
    """
    if cell_len(title) <= room:
        return title
    cut = title
    while cut and cell_len(cut) + 1 > room:
        cut = cut[:-1]
    return cut.rstrip(" :·,;-") + "…"
