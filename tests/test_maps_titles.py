"""A long map title wraps in the Cartes list (120x40 and 80x24) instead of being cut."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_enjeux_snapshots import SESSION_ID, fiche3
from test_snapshots import START

from sessions.core.clock import FakeClock
from sessions.i18n import set_language
from tests.waits import until
from tui.app import make_app
from tui.sections import SWITCH_KEY, sections_for
from tui.widgets.click_table import ClickTable

CENTRE = "Bus de la médiation numérique du sud de la Corrèze et des communes voisines"


def _listed(table: ClickTable) -> str:
    """The list as drawn on screen, its lines joined (a wrapped title reads whole)."""
    lines = [table.render_line(y).text.strip() for y in range(table.size.height)]
    return " ".join(" ".join(lines).split())


@pytest.mark.parametrize(("lang", "stays"), [("fr", "reste"), ("en", "stays")])
@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_long_map_title_is_shown_whole(tmp_path: Path, lang, stays, size) -> None:
    clock = FakeClock(START)
    store = fiche3(tmp_path / "data", clock)

    def longer(s) -> None:  # type: ignore[no-untyped-def]
        s.maps[0].centre = CENTRE

    store.transact(SESSION_ID, longer)
    set_language(lang)
    app = make_app(store, clock, session_ref=SESSION_ID, lang=lang)
    async with app.run_test(size=size) as pilot:
        modes = [s.mode for s in sections_for(app.session)]
        await pilot.press(SWITCH_KEY)
        await pilot.pause()
        await pilot.press(str(modes.index("maps") + 1))
        wanted = f"{CENTRE} · {stays}"

        def shown() -> str:
            tables = app.screen.query(ClickTable)
            return _listed(tables.first()) if tables else ""

        await until(pilot, lambda: wanted in shown())
        assert wanted in shown() and "Awa Diallo" in shown(), shown()
        assert "Médiathèques" in shown()  # the nodes below the title are still listed
        await pilot.press("down")  # the cursor goes from the two-line title to its first node
        table = app.screen.query_one(ClickTable)
        assert await until(pilot, lambda: table.cursor_row == 1), table.cursor_row
