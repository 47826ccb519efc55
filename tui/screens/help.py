"""F1: what the current screen is for in the workshop method, and its keys.

The text comes from the screen's ``HELP_KEY`` (catalog key ``help.<screen>``);
the method step from ``help.method.<screen>`` when the catalog has it; the keys
are read from the screen's active bindings, so the help never drifts from
what the keys really do.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from sessions.i18n import get_language, t
from sessions.i18n import keys as catalog_keys
from tui.i18n import translate_bindings
from tui.widgets.responsive import Responsive


def method_key(help_key: str) -> str:
    """``help.timer`` -> ``help.method.timer`` (the step of the method)."""
    return f"help.method.{help_key.removeprefix('help.')}" if help_key else ""


class HelpScreen(Responsive, ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape,f1,q", "dismiss", "key.close", id="close"),
        # A modal screen hides the app's keys: the language switch works here too.
        Binding("f10", "app.switch_language", "key.language", id="help-language"),
    ]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        translate_bindings(self)
        self.target = screen

    def key_lines(self) -> tuple[list[str], list[str]]:
        """Lines ``key  description`` for the screen's own keys, and for the app's."""
        own: list[str] = []
        everywhere: list[str] = []
        seen: set[tuple[str, str]] = set()
        for active in self.target.active_bindings.values():
            binding = active.binding
            if not binding.description:
                continue
            shown = binding.key_display or self.app.get_key_display(binding)
            if (shown, binding.description) in seen:
                continue
            seen.add((shown, binding.description))
            line = f"  {shown:<14} {binding.description}"
            (everywhere if active.node is self.app else own).append(line)
        return own, everywhere

    def compose(self) -> ComposeResult:
        help_key = getattr(self.target, "HELP_KEY", "")
        step_key = method_key(help_key)
        known = catalog_keys(get_language())
        own, everywhere = self.key_lines()
        keys_text = "\n".join(
            [t("help.screen_keys"), *own, "", t("help.app_keys"), *everywhere]
            if own
            else [t("help.app_keys"), *everywhere]
        )
        with VerticalScroll(id="help"):
            yield Static(t("help.title"), classes="title")
            if step_key in known:
                yield Static(t("help.step"), classes="heading")
                yield Static(t(step_key), id="step", markup=False)
            if help_key:
                yield Static(t("help.screen"), classes="heading")
                yield Static(t(help_key), id="purpose", markup=False)
            yield Static(t("help.keys"), classes="heading")
            yield Static(keys_text, id="keys", markup=False)
            yield Static(t("help.mouse"), id="mouse", classes="muted", markup=False)
            yield Static(t("help.close"), classes="muted")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
