"""The session list's words in each language: a file it cannot read, the trash question.

The row of an unreadable file was glued in code ("⚠ illisible: x.json", without the
French space before the colon), and the English trash question and toast quoted the
title with French guillemets.
"""

from __future__ import annotations

from conftest import build_session
from textual.widgets import DataTable, Static

from tests.waits import until
from tui.app import make_app
from tui.screens.confirm import ConfirmScreen
from tui.screens.home import HomeScreen


def _plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


async def _first_cell(store, clock, lang: str) -> str:  # type: ignore[no-untyped-def]
    (store.sessions_dir / "zz-broken.json").write_text("{broken", encoding="utf-8")
    app = make_app(store, clock, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        home = await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen)
        table = home.query_one(DataTable)
        assert await until(pilot, lambda: table.row_count == 1)
        return _plain(str(table.get_row_at(0)[0]))


async def test_an_unreadable_file_row_in_french(store, clock) -> None:
    assert await _first_cell(store, clock, "fr") == "⚠ illisible : zz-broken.json"


async def test_an_unreadable_file_row_in_english(store, clock) -> None:
    assert await _first_cell(store, clock, "en") == "⚠ unreadable: zz-broken.json"


async def test_the_english_trash_question_and_toast_quote_the_english_way(store, clock) -> None:
    store.create(build_session(title="Atelier A"))
    app = make_app(store, clock, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("x")
        dialog = await until(pilot, lambda: isinstance(app.screen, ConfirmScreen) and app.screen)
        question = str(dialog.query_one("#question", Static).render())
        assert question == "Move the session “Atelier A” to the trash?"
        await pilot.press("y")
        assert await until(pilot, lambda: store.entries() == [])
        toasts = [n.message for n in app._notifications]
        assert any(m.startswith("“Atelier A” moved to the trash: ") for m in toasts), toasts
