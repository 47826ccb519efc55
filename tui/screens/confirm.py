"""A yes / no question in a modal dialog.

The answer keys are on the buttons (``Oui (o)`` / ``Non (n)``), and the line
under them says what Enter answers now: Enter presses the highlighted button
(``Non`` at first, the safe answer), Tab or the arrows move the highlight,
``o`` / ``y`` answer yes, ``n`` or Escape no.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from sessions.i18n import t
from tui.i18n import translate_bindings
from tui.screens.dialog import AnswersOnce


class ConfirmScreen(AnswersOnce, ModalScreen[bool]):
    CSS_PATH = "confirm.tcss"
    AUTO_FOCUS = "#no"  # an Enter typed ahead (before on_mount) answers the safe "Non" too
    BINDINGS = [
        Binding("y,o", "answer(True)", "key.yes", id="yes"),
        Binding("n,escape", "answer(False)", "key.no", id="no"),
        Binding("left,right", "app.focus_next", "", id="confirm-switch", show=False),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, id="question", markup=False)
            with Horizontal(id="buttons"):
                yield Button(t("confirm.yes_key"), id="yes", variant="error")
                yield Button(t("confirm.no_key"), id="no", variant="primary")
            says = t("confirm.enter_says", answer=t("confirm.no"))  # Non has the focus first
            yield Static(says, id="enter-says", markup=False)

    def on_mount(self) -> None:
        # An answer typed ahead may have dismissed the dialog before it was built: no button.
        for safe in self.query("#no").results(Button):
            safe.focus()

    @on(events.DescendantFocus)
    def _say_what_enter_does(self) -> None:
        focused = self.focused
        yes = isinstance(focused, Button) and focused.id == "yes"
        answer = t("confirm.yes") if yes else t("confirm.no")
        for says in self.query("#enter-says").results(Static):
            says.update(t("confirm.enter_says", answer=answer))

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
