"""A sheet form refused on ctrl+s puts the cursor in the field it names: the scribe who
fixes it at once types there, not in the last field typed (ctrl+u then "1" went to the
Enjeu field while the error named Items liés)."""

from __future__ import annotations

from textual.widgets import Input, Static

from tests.conftest import build_session
from tests.test_sheets_screen import _open_sheets, _ready
from tests.waits import settled, until
from tui.app import make_app


async def test_the_refused_field_gets_the_cursor_and_the_fix_saves(store, clock) -> None:
    s = build_session("divergence-convergence", "Groupe D")
    store.create(s)
    _ready(store, s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_sheets(app, pilot)
        await pilot.press("a")
        await until(pilot, lambda: type(app.screen).__name__ == "KindChooser" and settled(app))
        await pilot.press("enter")  # the first kind: a solution
        await until(pilot, lambda: type(app.screen).__name__ == "SheetForm" and settled(app))
        form = app.screen
        await pilot.press("tab", *"x y", "tab", *"Bus numérique", "ctrl+s")
        error = form.query_one("#error", Static)
        assert await until(pilot, lambda: "«\u202fx\u202f»" in str(error.render()))
        assert await until(pilot, lambda: app.focused is form.query_one("#items", Input))
        await pilot.press("ctrl+u", "2", "ctrl+s")
        assert await until(pilot, lambda: store.load(s.id).sheets)
        (sheet,) = store.load(s.id).sheets
        assert sheet.items == [2]
        assert "Bus numérique" in str(sheet.fields.values())
