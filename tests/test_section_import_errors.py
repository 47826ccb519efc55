"""A section whose screen fails to import says what failed: a bug is not "not available yet"."""

from __future__ import annotations

import importlib

import pytest
from textual.widgets import Static

from sessions.i18n import set_language, t
from tests.waits import settled, until
from tui.app import make_app

GRID = "tui.screens.grid"


def _breaking(monkeypatch, error: ImportError) -> None:  # type: ignore[no-untyped-def]
    real = importlib.import_module

    def imported(name: str, package: str | None = None):  # type: ignore[no-untyped-def]
        if name == GRID:
            raise error
        return real(name, package)

    monkeypatch.setattr("tui.sections.importlib.import_module", imported)


async def _shown(pilot) -> str:  # type: ignore[no-untyped-def]
    await pilot.press("f6")
    await until(pilot, lambda: pilot.app.screen.query("#placeholder") and settled(pilot.app))
    found = pilot.app.screen.query("#placeholder")
    return str(found.first(Static).render()) if found else ""


@pytest.mark.parametrize(("lang", "bug"), [("fr", "défaut d'atelier"), ("en", "bug in atelier")])
async def test_a_broken_import_shows_and_notifies_the_real_error(
    store, session, clock, monkeypatch, lang, bug
) -> None:
    set_language(lang)
    error = ImportError("cannot import name 'draw_grid' from 'sessions.grid.drawing'")
    _breaking(monkeypatch, error)
    app = make_app(store, clock, session_ref=session.id, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        shown = await _shown(pilot)
        assert "cannot import name 'draw_grid'" in shown and bug in shown
        assert t("placeholder.text", lang, section=t("section.grid", lang)) not in shown
        await until(pilot, lambda: any(n.severity == "error" for n in app._notifications))
        toasts = [(str(n.message), n.severity) for n in app._notifications]
        assert any("draw_grid" in m and s == "error" for m, s in toasts), toasts


async def test_a_missing_dependency_of_the_screen_is_a_bug_too(
    store, session, clock, monkeypatch
) -> None:
    _breaking(monkeypatch, ModuleNotFoundError("No module named 'rich_pixels'", name="rich_pixels"))
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        shown = await _shown(pilot)
        assert "rich_pixels" in shown and "défaut d'atelier" in shown


async def test_a_section_not_in_this_build_is_still_not_available_yet(
    store, session, clock, monkeypatch
) -> None:
    _breaking(monkeypatch, ModuleNotFoundError(f"No module named '{GRID}'", name=GRID))
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        shown = await _shown(pilot)
        assert shown == t("placeholder.text", section=t("section.grid"))
        assert not [n for n in app._notifications if n.severity == "error"]
