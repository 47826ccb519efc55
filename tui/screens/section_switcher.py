"""The section switcher (ctrl+space): the open session's sections, one chosen by its number.

A session may have more sections than there are F-keys (F2-F7 are the only free
ones): this small list reaches every one, from every section. A digit chooses
at once; the arrows and Enter too; Escape (or ctrl+space again) closes it.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from sessions.i18n import t
from tui.i18n import translate_bindings
from tui.screens.dialog import AnswersOnce
from tui.sections import SWITCH_KEYS, Section

MAX_NUMBERED = 9  # digits 1-9; a tenth section is reached with the arrows


class SectionSwitcher(AnswersOnce, ModalScreen[str | None]):
    """Answers the chosen section's mode, or None."""

    CSS_PATH = "section_switcher.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "key.cancel", id="cancel"),
        Binding(SWITCH_KEYS, "cancel", "key.cancel", id="switch-close", show=False),
        *[
            Binding(str(n), f"choose({n})", "switcher.key.number", id=f"switch-{n}", show=False)
            for n in range(1, MAX_NUMBERED + 1)
        ],
    ]

    def __init__(self, sections: list[Section], current: str = "") -> None:
        super().__init__()
        translate_bindings(self)
        self.sections = sections
        self.current = current

    def _label(self, number: int, s: Section) -> str:
        digit = str(number) if number <= MAX_NUMBERED else " "
        key = s.key.upper() if s.key else ""
        here = f"  {t('switcher.here')}" if s.mode == self.current else ""
        return f"{digit}  {t(s.title_for(self.app.session)):<16} {key:>3}{here}"

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(t("switcher.title"), id="switcher-title", markup=False)
            yield OptionList(
                *[
                    Option(self._label(n, s), id=s.mode)
                    for n, s in enumerate(self.sections, start=1)
                ],
                id="sections",
            )
            yield Static(t("switcher.hint"), id="switcher-hint", markup=False)

    def on_mount(self) -> None:
        options = self.query_one("#sections", OptionList)
        modes = [s.mode for s in self.sections]
        if self.current in modes:
            options.highlighted = modes.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected, "#sections")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_choose(self, number: int) -> None:
        if 1 <= number <= len(self.sections):
            self.dismiss(self.sections[number - 1].mode)

    def action_cancel(self) -> None:
        self.dismiss(None)
