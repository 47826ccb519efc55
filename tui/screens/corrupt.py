"""Shown when a session file cannot be read: which file, why, and the backup offered.

A file written by a newer atelier is not damaged: it gets its own title and
text ("update atelier") and never a restore, which would set it aside.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from sessions.i18n import t
from sessions.storage.errors import CorruptSessionError, NewerSessionError
from tui.i18n import translate_bindings
from tui.widgets.responsive import Responsive


class CorruptFileScreen(Responsive, ModalScreen[None]):
    CSS_PATH = "corrupt.tcss"
    BINDINGS = [Binding("escape", "close", "key.close", id="close")]

    def __init__(self, error: CorruptSessionError) -> None:
        super().__init__()
        translate_bindings(self)
        self.error = error

    def compose(self) -> ComposeResult:
        if isinstance(self.error, NewerSessionError):
            yield from self._newer(self.error)
            return
        with Vertical(id="dialog"):
            yield Static(t("corrupt.title"), classes="title")
            yield Static(
                t("corrupt.body", path=self.error.path, reason=self.error.reason),
                markup=False,
            )
            if self.error.backup:
                yield Static(t("corrupt.backup", backup=self.error.backup), markup=False)
            with Horizontal(id="buttons"):
                if self.error.backup:
                    yield Button(t("corrupt.restore"), id="restore", variant="warning")
                yield Button(t("corrupt.close"), id="close", variant="primary")

    def _newer(self, error: NewerSessionError) -> ComposeResult:
        with Vertical(id="dialog", classes="newer"):
            yield Static(t("corrupt.newer.title"), classes="title")
            yield Static(
                t("corrupt.newer.body", path=error.path, version=error.version, ours=error.ours),
                markup=False,
            )
            with Horizontal(id="buttons"):
                yield Button(t("corrupt.close"), id="close", variant="primary")

    @on(Button.Pressed, "#restore")
    def _restore(self) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        try:
            aside = store.restore_backup(self.error.path)
        except (CorruptSessionError, OSError) as exc:  # the backup is damaged too
            self.notify(str(exc), severity="error", timeout=15)
            self.dismiss(None)
            return
        self.notify(t("corrupt.restored", aside=aside), timeout=10)
        self.dismiss(None)
        self.app.open_session(str(self.error.path))  # type: ignore[attr-defined]

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
