"""The atelier Textual app: a small shell that opens sessions and hosts the sections.

``make_app(store, clock)`` builds it; tests pass a store in a temporary folder
and a fake clock. The app owns the open ``SessionHandle``; screens change the
session only through ``app.apply(op)``, which saves before it returns, and
they redraw when the ``revision`` reactive moves.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen

from sessions.core.clock import Clock, SystemClock
from sessions.i18n import resolve_language, set_language, t
from sessions.storage.errors import (
    CorruptSessionError,
    LockedError,
    StorageError,
)
from tui.first_open import FirstOpenMixin
from tui.i18n import translate_bindings
from tui.palette import PaletteMixin, translate_system_commands
from tui.presentation import PRESENTATION_BINDINGS, PresentationMixin
from tui.saving import SavingMixin
from tui.sections import (
    SECTIONS,
    SWITCH_KEY,
    SWITCH_KEYS,
    section,
    sections_for,
    title_section_keys,
)
from tui.signals import install as install_signals
from tui.signals import request_quit
from tui.ticking import FILE_POLL_SECONDS, SELF_TIMED_EVERY, TICK_SECONDS, TickMixin, settle_heap
from tui.typography import install as install_typography

if TYPE_CHECKING:  # the models come with the session, after the first frame
    from sessions.models import Session
    from sessions.storage.session_file import SessionHandle
    from sessions.storage.store import SessionStore

__all__ = ["FILE_POLL_SECONDS", "SELF_TIMED_EVERY", "AtelierApp", "make_app"]

# Back to the session list. ctrl+x reaches the app in tmux and a plain xterm, is
# free on every screen (ctrl+n anonymises the minutes), and is priority so an
# entry box (where it would cut a selection) does not keep it.
HOME_KEY = "ctrl+x"


def _home_screen() -> Screen:
    """The session list, imported when first shown: ``atelier open`` starts without it."""
    from tui.screens.home import HomeScreen

    return HomeScreen()


install_typography()  # French no-break spaces never start a wrapped line


class AtelierApp(FirstOpenMixin, SavingMixin, TickMixin, PaletteMixin, PresentationMixin, App[int]):
    """Runs one workshop session at a time."""

    TITLE = "atelier"
    CSS_PATH = "app.tcss"
    MODES = {"home": _home_screen}
    BINDINGS = [
        Binding("ctrl+q", "quit", "key.quit", id="quit", priority=True),
        Binding("ctrl+c", "quit", "key.quit", id="quit-ctrl-c", show=False),
        Binding("f1", "help", "key.help", id="help"),
        # Every section of the session by its number (the F-keys are all taken); before
        # them, so a narrow footer keeps it when a section has no F-key.
        Binding(SWITCH_KEYS, "sections", "key.sections", id="sections", key_display=SWITCH_KEY),
        # Priority: a section's F-key acts when it arrives, before the keys typed after
        # it in the same burst, which then reach the section it opens (F4 then an idea).
        *[
            Binding(
                s.key, f"section('{s.mode}')", s.title_key, id=f"section-{s.mode}", priority=True
            )
            for s in SECTIONS
            if s.key
        ],
        # ctrl+h reaches a terminal app as Backspace (tmux, xterm): never bind it.
        Binding(HOME_KEY, "home", "key.home", id="home", show=False, priority=True),
        *PRESENTATION_BINDINGS,
    ]

    # Signals for the screens' watchers, which redraw what they show; no
    # repaint of the whole screen (an App reactive repaints it by default:
    # four full renders a second from the clock tick).
    revision: reactive[int] = reactive(0, init=False, repaint=False)
    unsaved: reactive[bool] = reactive(False, init=False, repaint=False)
    read_only: reactive[bool] = reactive(False, init=False, repaint=False)
    now: reactive[datetime | None] = reactive(None, init=False, repaint=False)

    def __init__(
        self,
        store: SessionStore,
        clock: Clock | None = None,
        session_ref: str | None = None,
        lang: str | None = None,
        handle: SessionHandle | None = None,
        **options: Any,
    ) -> None:
        self.cli_lang = lang
        set_language(resolve_language(lang))
        start = self.first_mode(options)  # ``atelier open``: the overview drawn light first
        if start is not None:
            self.DEFAULT_MODE = start
        super().__init__()
        translate_bindings(self)
        self.store = store
        self.clock = clock or SystemClock()
        self.handle: SessionHandle | None = None
        self.options = options
        self._initial_ref = session_ref
        # The command line already opened (and so checked) the session: no second read.
        self._preopened = handle
        self.save_error: str = ""
        # Changes that could not be saved when the session was closed: where they
        # were kept aside (None: nowhere), told on the terminal once the app is gone.
        self.rescue: tuple[Path | None] | None = None
        self._ticks = 0
        for s in SECTIONS:
            self.add_mode(s.mode, self._section_factory(s.mode))
        first = options.pop("first", None)
        if first is not None:  # read by the overview, built before on_mount (first_open)
            self.show_first(first)

    # -- lifecycle -------------------------------------------------------
    def on_mount(self) -> None:
        self.setup_presentation()
        self.now = self.clock.now()
        # Opened on a session: show it at once; the home list (which reads every
        # session file) is built only when asked for or when the session cannot open.
        if self.first is not None:  # ``atelier open``: its first frame before the models
            self.open_after_first_frame()
        elif not (self._initial_ref and self.open_session(self._initial_ref)):
            self._show_home()
        self.set_interval(TICK_SECONDS, self._tick_interval)
        install_signals(self)  # SIGTERM, SIGHUP, SIGINT: save, then exit
        self.call_after_refresh(settle_heap)

    async def action_quit(self) -> None:
        if request_quit(self):  # a change not saved yet: warn once, then keep it aside
            self.exit()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification of every screen, as plain text: never markup.

        Messages carry session titles, names and typed values; read as markup,
        a title ``[@click=app.quit]x[/]`` made a clickable toast that quit.
        """
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def on_unmount(self) -> None:
        self.close_session()

    # -- the open session ------------------------------------------------
    @property
    def session(self) -> Session | None:
        if self.handle is not None:
            return self.handle.session
        return self.first  # type: ignore[return-value]  # drawn light until it opens

    def open_session(self, ref: str, mode: str = "overview") -> bool:
        """Open ``ref`` and show its overview; False (with a message) when it cannot."""
        preopened, self._preopened = self._preopened, None
        if preopened is None and self._holds(ref):
            # Back from the session list (ctrl+x) to the session still open here:
            # the same handle, not a second one that would find it locked (read-only).
            self.switch_mode(mode)
            self.revision += 1
            return True
        try:
            if preopened is not None and ref == self._initial_ref:
                handle = preopened
            else:
                if preopened is not None:
                    preopened.close()
                handle = self.store.open(ref)
        except CorruptSessionError as exc:
            from tui.screens.corrupt import CorruptFileScreen

            self._show_home()
            self.push_screen(CorruptFileScreen(exc))
            return False
        except (OSError, LockedError) as exc:
            from sessions.i18n.oserror import os_message

            self._show_home()
            self.notify(os_message(exc), severity="error", timeout=10)
            return False
        self.close_session()
        self.handle = handle
        if self.cli_lang is None:
            set_language(resolve_language(None, handle.session.language))
        self._reset_sections()
        title_section_keys(self, handle.session)  # F4: Brainstorm or Tour de table
        self.read_only = handle.read_only
        self.unsaved = False
        if handle.read_only:
            reason = handle.read_only_reason or t("app.read_only")
            self.notify(reason, severity="warning", timeout=10)
        self.switch_mode(self.options.get("start_mode") or mode)
        self.revision += 1
        return True

    def _holds(self, ref: str) -> bool:
        """True when ``ref`` names the session this app has open."""
        if self.handle is None:
            return False
        try:
            return self.store.resolve(ref) == Path(self.handle.path).resolve()
        except (OSError, StorageError):
            return False

    def _show_home(self) -> None:
        """The home screen under whatever comes next, when no mode is shown yet."""
        if self.current_mode == App.DEFAULT_MODE:
            self.switch_mode("home")

    def close_session(self) -> None:
        """Save and let go; changes that cannot be saved go to a rescue file (``rescue``)."""
        if self.handle is not None:
            handle, self.handle = self.handle, None
            rescued = None
            with contextlib.suppress(Exception):
                rescued = handle.close()
            if handle.unsaved:
                self.rescue = (rescued,)

    def _section_factory(self, mode: str) -> Callable[[], Screen]:
        def build() -> Screen:
            try:
                return section(mode).load()()
            except ImportError as exc:  # a bug (shown, logged) unless its module is not shipped
                from tui.screens.placeholder import PlaceholderScreen, import_failure

                return PlaceholderScreen(mode, import_failure(section(mode).screen, exc))

        return build

    def _reset_sections(self) -> None:
        for s in SECTIONS:
            if s.mode == self.current_mode:
                continue
            self.remove_mode(s.mode)
            self.add_mode(s.mode, self._section_factory(s.mode))

    # -- actions ---------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The sections (F2-F7, the switcher) need an open session.
        no_session = self.handle is None and self.first is None
        return not (action in ("section", "sections") and no_session)

    @property
    def footer_hidden_actions(self) -> frozenset[str]:
        """Keys the footer leaves out: the switcher while every section has its F-key."""
        shown = sections_for(self.session)
        hidden = {"sections"} if all(s.key for s in shown) else set()
        # A section the format does not use keeps its F-key but leaves the footer.
        hidden |= {f"section('{s.mode}')" for s in SECTIONS if s.key and s not in shown}
        return frozenset(hidden)

    def action_sections(self) -> None:
        """The list of the session's sections; the one chosen is shown."""
        from tui.screens.section_switcher import SectionSwitcher

        if self.session is None or isinstance(self.screen, SectionSwitcher):
            return

        def chosen(mode: str | None) -> None:
            if mode is not None:
                self.call_later(self.action_section, mode)

        self.push_screen(SectionSwitcher(sections_for(self.session), self.current_mode), chosen)

    # Awaited: a key typed ahead (F10 rebuilding the screens) waits until this screen is mounted.
    async def action_section(self, mode: str) -> None:
        if self.handle is not None:
            await self.switch_mode(mode)
            self.call_after_refresh(settle_heap)  # a section built the first time

    async def action_home(self) -> None:
        """Back to the session list, from any screen (the open session stays open)."""
        if self.current_mode != "home":
            await self.switch_mode("home")

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from translate_system_commands(super().get_system_commands(screen))
        yield SystemCommand(t("key.help"), t("palette.help"), self.action_help)
        yield SystemCommand(t("key.home"), t("palette.home"), self.action_home)
        yield from self.presentation_commands()
        if self.handle is not None:
            switch_key = self.get_key_display(Binding(SWITCH_KEY, "sections"))
            for n, s in enumerate(sections_for(self.session), start=1):
                yield SystemCommand(
                    t("palette.goto", section=t(s.title_for(self.session))),
                    t("palette.section", key=s.key.upper())
                    if s.key
                    else t("palette.goto_switcher", key=switch_key, n=n),
                    lambda mode=s.mode: self.action_section(mode),
                )
        # Every key of the current screen, so the palette teaches the same actions.
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.description or active.node is self or not active.enabled:
                continue
            yield SystemCommand(
                binding.description,
                t("palette.key", key=binding.key_display or key),
                lambda node=active.node, action=binding.action: self.call_later(
                    self.run_action, action, node
                ),
            )


def make_app(
    store: SessionStore,
    clock: Clock | None = None,
    session_ref: str | None = None,
    lang: str | None = None,
    handle: SessionHandle | None = None,
    **options: Any,
) -> AtelierApp:
    """Build the app on ``store`` with ``clock`` (tests pass a temp store and a fake clock).

    ``handle``: the session ``session_ref`` already opened by the caller, used as is.
    """
    store.ensure()
    return AtelierApp(store, clock, session_ref=session_ref, lang=lang, handle=handle, **options)
