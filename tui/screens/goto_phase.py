"""The small dialog behind ``g``: go to phase number N."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from sessions.core.numbers import NumberError, parse_number
from sessions.i18n import t
from tui.i18n import translate_bindings
from tui.screens.dialog import AnswersOnce


class GotoPhaseScreen(AnswersOnce, ModalScreen[int | None]):
    CSS_PATH = "goto_phase.tcss"
    BINDINGS = [Binding("escape", "cancel", "key.cancel", id="cancel")]

    def __init__(self, total: int) -> None:
        super().__init__()
        translate_bindings(self)
        self.total = total

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(t("timer.goto_prompt", total=self.total), markup=False)
            yield Input(id="number", type="integer", max_length=4)
            yield Static("", id="error", markup=False)

    @on(Input.Submitted, "#number")
    def _submitted(self, event: Input.Submitted) -> None:
        try:
            number = parse_number(event.value)
        except NumberError:
            number = 0
        if not 1 <= number <= self.total:
            self.query_one("#error", Static).update(t("timer.goto_bad", total=self.total))
            return
        self.dismiss(number)

    def action_cancel(self) -> None:
        self.dismiss(None)
