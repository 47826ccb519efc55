"""The parts of an open session, each a Textual mode with its own screen stack.

A section's screen is named by a ``module:Class`` string and imported when
first shown, so a new part of the app is added by one line here.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from textual.screen import Screen


@dataclass(frozen=True)
class Section:
    mode: str
    key: str
    title_key: str
    screen: str  # "module:Class"

    def load(self) -> type[Screen]:
        module_name, _, class_name = self.screen.partition(":")
        return getattr(importlib.import_module(module_name), class_name)


SECTIONS: tuple[Section, ...] = (
    Section("overview", "f2", "section.overview", "tui.screens.overview:OverviewScreen"),
    Section("timer", "f3", "section.timer", "tui.screens.timer:TimerScreen"),
    Section("capture", "f4", "section.capture", "tui.screens.capture:CaptureScreen"),
    Section("vote", "f5", "section.vote", "tui.screens.vote:VoteScreen"),
    Section("grid", "f6", "section.grid", "tui.screens.grid:GridScreen"),
    Section("minutes", "f7", "section.minutes", "tui.screens.minutes:MinutesScreen"),
)


def section(mode: str) -> Section:
    for candidate in SECTIONS:
        if candidate.mode == mode:
            return candidate
    raise KeyError(mode)
