"""F4's one-line state (whose turn, the free entry, the brainstorm) fits an 80-column terminal.

The line is one cell high: a longer text was cut, and at 80 columns the free
entry's line lost its way back ("... ne bouge pas (F9"). Read as laid out, in
French and in English, in a tour de table after F9 and in a brainstorm.
"""

from __future__ import annotations

import datetime as dt

import pytest
from rich.cells import cell_len
from textual.widgets import Static

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.people.names import parse_participants
from tests.vote_helpers import on_top
from tests.waits import until
from tui.app import make_app

PEOPLE = "Alice Martin\nBob Durand\nChloé Petit"
LINES = {  # what the line must end with, once F9 is pressed (or not) in each format
    ("territoire-numerique-10-ans", "fr"): (True, "(F9\u202f: retour)."),
    ("territoire-numerique-10-ans", "en"): (True, "(F9: back)."),
    ("divergence-convergence", "fr"): (False, "(F9\u202f: tour de table)."),
    ("divergence-convergence", "en"): (False, "(F9: round table)."),
}


@pytest.mark.parametrize(("template", "lang"), list(LINES))
async def test_the_state_line_fits_80_columns(store, clock, template, lang) -> None:
    f9, end = LINES[template, lang]
    s = session_from_template(
        find_template(template),
        title="Atelier",
        on=dt.date(2026, 11, 22),
        participants=parse_participants(PEOPLE),
        language=lang,
    )
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        screen = await on_top(pilot, "CaptureScreen")
        if f9:
            await pilot.press("f9")
        line = screen.query_one("#turn", Static)
        text = await until(pilot, lambda: str(line.render()).endswith(end) and str(line.render()))
        assert text.endswith(end), text
        assert 0 < cell_len(text) <= line.content_region.width, (text, line.content_region)
