"""Screens that lay themselves out for the terminal they are in.

Textual has no media queries: a screen with this mixin carries the CSS class
``-narrow`` below ``NARROW_BELOW`` columns and ``-short`` below ``SHORT_BELOW``
rows, set when it is shown and on every resize, so its stylesheet can stack
side-by-side panes on a small laptop (80x24) and keep them side by side on a
projector (120x40 and more).
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size

from tui.i18n import LocalKeys

NARROW_BELOW = 100
SHORT_BELOW = 30


class Responsive(LocalKeys):
    """Adds ``-narrow`` / ``-short`` to the screen's classes from the terminal's size.

    A form sets ``COMPACT_WHEN_SHORT``: on a short terminal its fields and
    buttons lose their borders (Textual's compact style), one line each, so
    the whole form and its buttons fit in 24 rows.
    """

    COMPACT_WHEN_SHORT = False

    def fit_to(self, size: Size) -> None:
        short = size.height < SHORT_BELOW
        self.set_class(size.width < NARROW_BELOW, "-narrow")
        self.set_class(short, "-short")
        if self.COMPACT_WHEN_SHORT:
            for widget in self.query("Input, Select, Button, TextArea"):
                widget.set_class(short, "-textual-compact")

    def on_mount(self) -> None:
        self.fit_to(self.app.size)

    def on_screen_resume(self) -> None:
        self.fit_to(self.app.size)

    def on_resize(self, event: events.Resize) -> None:
        self.fit_to(event.size)
