"""A one-line question in a modal: a prompt and an Input; Enter answers, Escape cancels."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from sessions.i18n import t
from tui.i18n import translate_bindings
from tui.screens.dialog import AnswersOnce


class AskScreen(AnswersOnce, ModalScreen[str | None]):
    DEFAULT_CSS = """
    AskScreen { align: center middle; }
    AskScreen #ask-dialog {
        width: 80; height: auto; padding: 1 2;
        border: thick $accent; background: $surface;
    }
    AskScreen #ask-hint { color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "cancel", "key.cancel", id="ask-cancel")]

    def __init__(self, prompt: str, value: str = "", hint: str = "") -> None:
        super().__init__()
        translate_bindings(self)
        self.prompt = prompt
        self.value = value
        self.hint = hint or t("ask.hint")

    def compose(self) -> ComposeResult:
        with Vertical(id="ask-dialog"):
            yield Static(self.prompt, id="ask-prompt", markup=False)
            yield Input(value=self.value, id="ask-input", select_on_focus=False)
            yield Static(self.hint, id="ask-hint", markup=False)

    def on_mount(self) -> None:
        # Not query_one: an Esc typed ahead may close the dialog before it is mounted.
        for field in self.query("#ask-input").results(Input):
            field.focus()

    @on(Input.Submitted, "#ask-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
