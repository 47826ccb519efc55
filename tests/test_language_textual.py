"""Textual's own words in the interface's language: F1, the Keys panel, the serve page."""

from __future__ import annotations

import pytest
from rich.console import Console
from textual.app import App
from textual.command import CommandPalette
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Input, OptionList, Select, TextArea
from textual.widgets._key_panel import BindingsTable
from textual.widgets._select import SelectOverlay

from sessions.i18n import t
from sessions.i18n.messages import textual as textual_words
from tests.waits import palette_highlight, until
from tui.app import make_app
from tui.i18n import textual_key

SIZE = (120, 40)
# Textual's words that must never be seen in the French interface.
ENGLISH = (
    "Cursor up",
    "Cursor down",
    "Scroll Down",
    "Scroll Up",
    "Copy selected text",
    "Focus Next",
    "Page Down",
    "Delete character left",
    "Submit",
    "Select",
)
USED = (
    Screen,
    ModalScreen,
    App,
    Input,
    DataTable,
    OptionList,
    SelectOverlay,
    Select,
    Button,
    TextArea,
    VerticalScroll,
    CommandPalette,
)


def test_every_key_of_the_widgets_we_use_has_a_translation() -> None:
    # A Textual upgrade that rewords a key would leave it in English: say so here.
    for widget in USED:
        for _key, binding in widget._merged_bindings:
            if binding.description:
                key = textual_key(binding.description)
                assert key is not None, (widget.__name__, binding.description)
                assert t(key, "en") == binding.description
                assert t(key, "fr") != binding.description or key == "textual.palette"


def test_french_and_english_tables_hold_the_same_keys() -> None:
    assert set(textual_words.FR) == set(textual_words.EN)


async def _help_text(pilot, app, section: str) -> str:
    await pilot.press(section)
    await pilot.pause()
    await pilot.press("f1")
    await pilot.pause()
    text = str(app.screen.query_one("#keys").render())
    await pilot.press("escape")
    await pilot.pause()
    return text


@pytest.mark.parametrize("section", ["f4", "f5", "f6", "f7"])
async def test_f1_lists_the_generic_keys_in_french_and_only_those_that_matter(
    store, clock, session, section
) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        text = await _help_text(pilot, app, section)
    assert "Se déplacer et saisir" in text and "↑ ↓ ← →" in text
    assert "Champ suivant, précédent" in text
    assert not [word for word in ENGLISH if word in text]
    # editing keys of a field (select a word, delete to the line start) are not listed
    for hidden in ("Effacer le caractère", "Effacer tout", "Sélectionner", "super+"):
        assert hidden not in text


async def test_f1_in_english_keeps_our_undo_beside_the_generic_keys(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        text = await _help_text(pilot, app, "f6")
    assert "Undo" in text and "Moving and typing" in text and "Move" in text
    assert "Cursor up" not in text  # grouped, even in English


async def test_the_keys_panel_of_the_palette_speaks_french(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Touches")
        await until(pilot, lambda: "Touches" in palette_highlight(app))  # its search
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.query(BindingsTable))
        assert not isinstance(app.screen, CommandPalette)
        table = app.screen.query_one(BindingsTable)
        console = Console(width=100, record=True)
        console.print(table.render_bindings_table())
        shown = console.export_text()
    assert "Curseur vers le haut" in shown and "Copier la sélection" in shown
    assert not [word for word in ENGLISH if word in shown]


async def test_the_footer_of_a_form_speaks_french(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        descriptions = [a.binding.description for a in app.screen.active_bindings.values()]
    assert "Copier la sélection" in descriptions
    assert not [word for word in ENGLISH if word in descriptions]


def test_the_serve_page_has_every_word_to_translate() -> None:
    pytest.importorskip("textual_serve")
    from tui.serve_page import localized_page, textual_serve_page

    original = textual_serve_page().read_text(encoding="utf-8")
    french, missing = localized_page(original, "fr")
    assert missing == []  # a textual-serve upgrade that rewords its page is told here
    assert "Le suivi est terminé." in french and ">Relancer<" in french
    assert "Session ended" not in french and '<html lang="fr">' in french
    english, _ = localized_page(original, "en")
    assert "Session ended." in english and '<html lang="en">' in english
