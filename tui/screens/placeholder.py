"""Shown for a section whose screen cannot be opened.

Either its module is not in this build (a part not shipped: "not available yet"),
or importing it failed (a bug: a module it needs is missing, a name is wrong). The
second is never passed off as the first: the screen says what failed, the error
is notified and logged, so it can be reported and fixed.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Static

from sessions.i18n import t
from tui.screens.base import SectionScreen


def import_failure(screen_path: str, exc: ImportError) -> str | None:
    """None when the section's own module is absent from this build; else the error."""
    module = screen_path.partition(":")[0]
    if isinstance(exc, ModuleNotFoundError) and exc.name == module:
        return None
    return f"{type(exc).__name__}: {exc}"


class PlaceholderScreen(SectionScreen):
    def __init__(self, mode: str, error: str | None = None) -> None:
        """``error``: why the section's screen failed to import (None: not in this build)."""
        super().__init__()
        self.mode_name = mode
        self.error = error

    def message(self) -> str:
        name = t(f"section.{self.mode_name}")
        if self.error is None:
            return t("placeholder.text", section=name)
        return t("placeholder.broken", section=name, error=self.error)

    def compose_body(self) -> Iterable[Widget]:
        yield Static(self.message(), id="placeholder", markup=False)

    def on_mount(self) -> None:
        if self.error is not None:
            self.log.error(self.message())
            self.notify(self.message(), severity="error", timeout=30)
