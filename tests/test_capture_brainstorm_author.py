"""F4's ideas list in a brainstorm: a post-it has no author, its Author cell stays empty.

Every post-it of a brainstorm showed "entrée libre" in the Author column: noise
for a brainstorm, where no post-it has an author. The cell is left empty (the
column stays: once F9 starts a tour de table, the ideas given in turn show
their author). A tour de table format keeps "entrée libre" for its one free
entry (F9), which is an exception there. Read as drawn, in French and in English.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.people.names import parse_participants
from tests.vote_helpers import on_top
from tests.waits import until
from tui.app import make_app
from tui.widgets.idea_list import KeyedTable

FREE = {"fr": "entrée libre", "en": "free entry"}


def _session(store, template: str, lang: str):  # type: ignore[no-untyped-def]
    s = session_from_template(
        find_template(template),
        title="Atelier",
        on=dt.date(2026, 11, 22),
        participants=parse_participants("Alice Martin\nBruno Petit"),
        language=lang,
    )
    store.create(s)
    return s


def _drawn(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The ideas list's lines as drawn on the screen, header first."""
    table = app.screen.query_one("#ideas", KeyedTable)
    return [table.render_line(y).text for y in range(table.size.height)]


def _authors(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The Author cell of each row, as the table holds it."""
    table = app.screen.query_one("#ideas", KeyedTable)
    return [str(table.get_row_at(n)[2]) for n in range(table.row_count)]


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_a_brainstorm_post_it_shows_no_author(store, clock, lang) -> None:
    s = _session(store, "divergence-convergence", lang)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await on_top(pilot, "CaptureScreen")
        await pilot.press(*"Tiers-lieu", "enter", *"Bus numérique", "enter")
        assert await until(pilot, lambda: any("Bus numérique" in line for line in _drawn(app)))
        assert _authors(app) == ["", ""]
        assert not any(FREE[lang] in line for line in _drawn(app)), _drawn(app)

        await pilot.press("f9", *"Fablab", "enter")  # the tour de table: Alice's idea
        assert await until(pilot, lambda: any("Fablab" in line for line in _drawn(app)))
        assert _authors(app) == ["", "", "Alice Martin"]
        assert any("Fablab" in line and "Alice Martin" in line for line in _drawn(app))


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_a_tour_free_entry_still_says_so(store, clock, lang) -> None:
    s = _session(store, "territoire-numerique-10-ans", lang)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await on_top(pilot, "CaptureScreen")
        await pilot.press(*"Tiers-lieu", "enter", "f9", *"Bus numérique", "enter")
        assert await until(pilot, lambda: any("Bus numérique" in line for line in _drawn(app)))
        assert _authors(app) == ["Alice Martin", FREE[lang]]
        assert any("Bus numérique" in line and FREE[lang] in line for line in _drawn(app))
