"""The prominent banner shown while a change is held in memory but not on disk."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

from sessions.i18n import t


class SaveBanner(Static):
    """Hidden while every change is saved; a red warning otherwise."""

    DEFAULT_CSS = """
    SaveBanner {
        display: none;
        width: 1fr;
        height: auto;
        background: $error;
        color: $text;
        text-style: bold;
        padding: 0 1;
    }
    SaveBanner.-visible {
        display: block;
    }
    SaveBanner.-read-only {
        display: block;
        background: $warning;
    }
    """

    unsaved: reactive[bool] = reactive(False)
    read_only: reactive[bool] = reactive(False)

    def __init__(self, *, id: str | None = "save-banner") -> None:
        super().__init__("", id=id, markup=False)

    def _update(self) -> None:
        self.set_class(self.unsaved, "-visible")
        self.set_class(self.read_only and not self.unsaved, "-read-only")
        if self.unsaved:
            reason = getattr(self.app, "save_error", "")
            self.update(f"⚠ {t('banner.not_saved')}  {reason}")
        elif self.read_only:
            self.update(f"🔒 {t('banner.read_only')}")
        else:
            self.update("")

    def watch_unsaved(self) -> None:
        self._update()

    def watch_read_only(self) -> None:
        self._update()
