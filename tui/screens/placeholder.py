"""Shown for a section whose screen is not available in this build."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Static

from sessions.i18n import t
from tui.screens.base import SectionScreen


class PlaceholderScreen(SectionScreen):
    def __init__(self, mode: str) -> None:
        super().__init__()
        self.mode_name = mode

    def compose_body(self) -> Iterable[Widget]:
        yield Static(t("placeholder.text", section=t(f"section.{self.mode_name}")), markup=False)
