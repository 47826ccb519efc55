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
from tui.i18n import raw_active_bindings, textual_binding_key, textual_key, translate_bindings
from tui.widgets.responsive import Responsive

# Textual's generic keys shown by F1, grouped (catalog key of each line), in this order.
GENERIC_ORDER = (
    "help.generic.move",
    "help.generic.page",
    "help.generic.ends",
    "help.generic.enter",
    "help.generic.focus",
    "help.generic.copy",
    "help.generic.paste",
)
_GROUPED = {
    "help.generic.move": (
        "Cursor up",
        "Cursor down",
        "Cursor left",
        "Cursor right",
        "Up",
        "Down",
        "Scroll Up",
        "Scroll Down",
        "Scroll Left",
        "Scroll Right",
        "Move cursor left",
        "Move cursor right or accept the completion suggestion",
    ),
    "help.generic.page": (
        "Page up",
        "Page down",
        "Page Up",
        "Page Down",
        "Cursor page up",
        "Cursor page down",
    ),
    "help.generic.ends": (
        "Home",
        "End",
        "Top",
        "Bottom",
        "Scroll Home",
        "Scroll End",
        "Go to start",
        "Go to end",
        "First",
        "Last",
        "Cursor line start",
        "Cursor line end",
    ),
    "help.generic.enter": ("Select", "Submit", "Press button", "Show menu"),
    "help.generic.focus": ("Focus Next", "Focus Previous"),
    "help.generic.copy": ("Copy selected text", "Copy"),
    "help.generic.paste": ("Paste text from the clipboard", "Paste"),
}
GENERIC_GROUPS = {text: group for group, texts in _GROUPED.items() for text in texts}


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

    def key_lines(self) -> tuple[list[str], list[str], list[str]]:
        """Lines ``key  description``: the screen's own keys, the generic ones, the app's.

        Textual's widget keys (arrows, page keys, Enter, Tab, copy...) are told
        in a few grouped lines; its text-editing keys (select a word, delete to
        the line start...) are left out: they are not what the screen is for.
        """
        own: list[tuple[str, str]] = []
        everywhere: list[tuple[str, str]] = []
        generic: dict[str, list[str]] = {}
        seen: set[tuple[str, str]] = set()
        for active in raw_active_bindings(self.target).values():
            binding = active.binding
            if not binding.description:
                continue
            shown = binding.key_display or self.app.get_key_display(binding)
            textual = textual_binding_key(active.node, binding)
            if textual is not None and active.node is self.app:  # ctrl+p: the palette
                tip = textual_key(binding.tooltip)
                everywhere.append((shown, t(tip or textual)))
                continue
            if textual is not None:
                group = GENERIC_GROUPS.get(binding.description)
                if group is not None and not binding.key.startswith("super+"):
                    keys = generic.setdefault(group, [])
                    if shown not in keys:
                        keys.append(shown)
                continue
            if binding.description in (t("textual.cursor_up"), t("textual.cursor_down")):
                # a screen's own arrows (F6 keeps them in the order typed): generic all the same
                keys = generic.setdefault("help.generic.move", [])
                if shown not in keys:
                    keys.append(shown)
                continue
            if (shown, binding.description) in seen:
                continue
            seen.add((shown, binding.description))
            line = (shown, binding.description)
            (everywhere if active.node is self.app else own).append(line)
        grouped = [
            (" ".join(generic[group]), t(group)) for group in GENERIC_ORDER if group in generic
        ]
        width = max([14, *(len(key) for key, _ in [*own, *grouped, *everywhere])])

        def lines(pairs: list[tuple[str, str]]) -> list[str]:
            return [f"  {key:<{width}} {text}" for key, text in pairs]

        return lines(own), lines(grouped), lines(everywhere)

    def compose(self) -> ComposeResult:
        help_key = getattr(self.target, "HELP_KEY", "")
        step_key = method_key(help_key)
        known = catalog_keys(get_language())
        own, generic, everywhere = self.key_lines()
        sections = [
            [t("help.screen_keys"), *own] if own else [],
            [t("help.generic_keys"), *generic] if generic else [],
            [t("help.app_keys"), *everywhere],
        ]
        keys_text = "\n\n".join("\n".join(lines) for lines in sections if lines)
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
