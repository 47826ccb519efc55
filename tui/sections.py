"""The sections of an open session, each a Textual mode with its own screen stack.

One entry per section: its mode, its own F-key if it has one (F2-F7; no F-key
is left, so a new section has none), its title, its screen as a
``module:Class`` string imported when first shown, and the part of the session
it shows (``sessions.core.parts``): a section whose part the session does not
have (a format with no sheets) is not offered. Every section is reached by the
section switcher (``SWITCH_KEY``, then its number) and by the palette's
"Aller à : ..." entries; so a new section is one line here, plus its title and
its F1 method text in the message catalog.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sessions.i18n import t

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from sessions.models import Session

# Opens the list of the session's sections. ctrl+space is bound nowhere else:
# no entry uses it, unlike ctrl+a/u/w (screen's prefix, line editing), and every
# F-key is taken. A terminal sends it as NUL, which Textual reads as ctrl+@
# (ctrl+space itself only under the kitty keyboard protocol): both are bound.
SWITCH_KEY = "ctrl+space"
SWITCH_KEYS = f"{SWITCH_KEY},ctrl+@"


@dataclass(frozen=True)
class Section:
    mode: str
    key: str | None  # its own F-key, or None: reached by the switcher and the palette
    title_key: str
    screen: str  # "module:Class"
    part: str | None = None  # shown when the session has this part; None: always
    free_title_key: str | None = None  # its title in a free-entry capture (a brainstorm)

    def title_for(self, session: Session | None) -> str:
        """Its title's catalog key: F4 is "Brainstorm" where ideas are captured freely."""
        free = session is not None and session.parts.capture == "free"
        return self.free_title_key if free and self.free_title_key else self.title_key

    def load(self) -> type[Screen]:
        module_name, _, class_name = self.screen.partition(":")
        return getattr(importlib.import_module(module_name), class_name)

    def shown_for(self, session: Session) -> bool:
        if self.part is None:
            return True
        from sessions.core.parts import part

        return part(self.part).is_in(session)


SECTIONS: tuple[Section, ...] = (
    Section("overview", "f2", "section.overview", "tui.screens.overview:OverviewScreen"),
    Section("timer", "f3", "section.timer", "tui.screens.timer:TimerScreen"),
    Section(
        "capture",
        "f4",
        "section.capture",
        "tui.screens.capture:CaptureScreen",
        free_title_key="section.capture.free",
    ),
    # A format without a vote or a grid does not list them (their F-key still opens them).
    Section("vote", "f5", "section.vote", "tui.screens.vote:VoteScreen", part="vote"),
    Section("grid", "f6", "section.grid", "tui.screens.grid:GridScreen", part="grid"),
    Section("sheets", None, "section.sheets", "tui.screens.sheets:SheetsScreen", part="sheets"),
    Section("enjeux", None, "section.enjeux", "tui.screens.enjeux:EnjeuxScreen", part="enjeux"),
    Section("maps", None, "section.maps", "tui.screens.maps:MapsScreen", part="maps"),
    Section("minutes", "f7", "section.minutes", "tui.screens.minutes:MinutesScreen"),
)


def section(mode: str) -> Section:
    for candidate in SECTIONS:
        if candidate.mode == mode:
            return candidate
    raise KeyError(mode)


def sections_for(session: Session | None) -> list[Section]:
    """The sections ``session`` has, in the table's order (the switcher's numbers)."""
    if session is None:
        return []
    return [s for s in SECTIONS if s.shown_for(session)]


def title_section_keys(app: App, session: Session | None) -> None:
    """Label the app's section F-keys for ``session``: F4 says Brainstorm in a free entry.

    The bindings are translated when the app starts, before any session is open; this
    runs again when a session is opened and when the language changes.
    """
    table = app._bindings.key_to_bindings
    if getattr(session, "parts", None) is None:  # not opened yet (drawn light first)
        session = None
    for s in SECTIONS:
        if s.key is None or s.key not in table:
            continue
        title = t(s.title_for(session))
        table[s.key] = [
            replace(b, description=title) if b.id == f"section-{s.mode}" else b
            for b in table[s.key]
        ]
