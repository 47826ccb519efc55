"""The frame shared by the screens of an open session.

A section screen composes its body in ``compose_body`` and redraws in
``refresh_from_session``, called on mount and whenever the session changes
(a change made here, or one written by another process). A section that is
not on screen (each one stays mounted in its mode) only notes that it is
stale and redraws when it is shown again: a change in the tour de table does
not redraw the vote, the grid and the minutes behind it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Header

from tui.i18n import translate_bindings
from tui.widgets.footer import FittingFooter
from tui.widgets.responsive import Responsive
from tui.widgets.save_banner import SaveBanner
from tui.widgets.timer_strip import TimerStrip

if TYPE_CHECKING:
    from sessions.models import Session


class TranslatedScreen(Responsive):
    """A screen whose binding descriptions are catalog keys."""

    HELP_KEY = ""  # catalog key of the F1 text saying what this screen is for

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        translate_bindings(self)


class SectionScreen(TranslatedScreen):
    """Header, timer strip, save banner, the section's body, footer."""

    SHOW_TIMER_STRIP = True
    _stale = False  # the session changed while this screen was not shown

    def compose(self) -> ComposeResult:
        yield Header()
        if self.SHOW_TIMER_STRIP:
            yield TimerStrip()
        yield SaveBanner()
        yield from self.compose_body()
        yield FittingFooter()

    def compose_body(self) -> Iterable[Widget]:
        return []

    @property
    def session(self) -> Session:
        session = self.app.session  # type: ignore[attr-defined]
        assert session is not None
        return session

    def on_mount(self) -> None:
        self.watch(self.app, "unsaved", self._banner_unsaved)
        self.watch(self.app, "read_only", self._banner_read_only)
        self.watch(self.app, "revision", self._on_revision)

    def _banner_unsaved(self, value: bool) -> None:
        self.query_one(SaveBanner).unsaved = value

    def _banner_read_only(self, value: bool) -> None:
        self.query_one(SaveBanner).read_only = value

    def _on_revision(self, _revision: int) -> None:
        if self.app.session is None:  # type: ignore[attr-defined]
            return
        if not self.is_current:
            self._stale = True
            return
        self._redraw()

    @on(events.ScreenResume)
    def _redraw_if_stale(self) -> None:
        if self._stale and self.app.session is not None:  # type: ignore[attr-defined]
            self._redraw()
        for strip in self.query(TimerStrip):  # the clock moved while another section was shown
            strip.catch_up()

    def _redraw(self) -> None:
        self._stale = False
        self.sub_title = self.session.title
        self.refresh_from_session()

    def refresh_from_session(self) -> None:
        """Redraw from ``self.session``; override in each section."""
