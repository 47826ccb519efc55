"""Switching the interface language while the app runs (ctrl+l, or the palette).

Binding descriptions are translated when a screen is built, so a switch
re-creates the screens: the app's own bindings are translated again, every
mode (home and the sections) gets a fresh screen, and the current one is shown
again. Nothing of the session is touched; only the interface changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import ModalScreen, Screen

from sessions.i18n import LANGUAGES, get_language, set_language, t
from tui.i18n import translate_bindings
from tui.sections import title_section_keys

if TYPE_CHECKING:
    from textual.app import App

_SWAP_MODE = "_language_swap"


def other_language(lang: str | None = None) -> str:
    """The language a switch goes to from ``lang`` (default: the current one)."""
    current = lang or get_language()
    return next(code for code in LANGUAGES if code != current)


def retranslate(node: object) -> None:
    """Translate ``node``'s class bindings again, from their catalog keys."""
    merged = getattr(node, "_merged_bindings", None)
    if merged is not None:
        node._bindings = merged.copy()  # type: ignore[attr-defined]
    translate_bindings(node)  # type: ignore[arg-type]


def _closable(screen: Screen) -> bool:
    """Screens a switch may close: the help (it only shows text)."""
    from tui.screens.help import HelpScreen

    return isinstance(screen, HelpScreen)


async def switch_language(app: App, lang: str | None = None) -> bool:
    """Show ``app`` in ``lang`` (default: the other language); False if a form is open."""
    while isinstance(app.screen, ModalScreen) and _closable(app.screen):
        await app.pop_screen()
    if isinstance(app.screen, ModalScreen):
        app.notify(t("app.language_busy"), severity="warning")
        return False
    target = lang or other_language()
    set_language(target)
    app.cli_lang = target  # type: ignore[attr-defined]  # an opened session no longer overrides it
    retranslate(app)
    title_section_keys(app, getattr(app, "session", None))  # F4 in a brainstorm
    current = app.current_mode
    factories = dict(app._modes)
    app.add_mode(_SWAP_MODE, Screen)
    # No await until every mode is replaced: a screen switching modes meanwhile (Enter on an
    # agenda row typed ahead opens the timer) would make a mode active while it is removed.
    swapped = app.switch_mode(_SWAP_MODE)
    removals = []
    for mode, factory in factories.items():
        removals.append(app.remove_mode(mode))
        app.add_mode(mode, factory)
    await swapped
    for removal in removals:
        await removal
    await app.switch_mode(current)
    await app.remove_mode(_SWAP_MODE)
    app.notify(t("app.language_switched"))
    return True
