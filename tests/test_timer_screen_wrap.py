"""F3's lines under the digits wrap between their parts, never inside one.

Read from across the room, "fin" at the end of a line and "estimée 12 h 58" on the
next, or "(40" then "min)", are misread. The drift line and the next phase's line
break only at " · " (or before the parenthesis), at 80 and 120 columns, in French
and in English, with a long next title and a drift of minutes.
"""

from __future__ import annotations

import datetime as dt

import pytest
from textual.geometry import Region

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.people.names import parse_participants
from sessions.timer import ops as timer_ops
from sessions.timer.position import Stamp
from tests.waits import until
from tui.app import make_app

CUT_BEFORE = ("min", "prévue", "estimée", "end", "h ", "00")  # a line never starts inside a piece
CUT_AFTER = ("fin", "planned", "projected", "(40", " h", ":")  # nor ends inside one
WORD = {"fr": "Dérive", "en": "Drift"}


def drawn_lines(widget) -> list[str]:  # type: ignore[no-untyped-def]
    """The widget's lines as the terminal shows them (no-break spaces read as spaces)."""
    region = Region(0, 0, widget.size.width, widget.size.height)
    return [s.text.replace("\u00a0", " ").strip() for s in widget.render_lines(region)]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_the_drift_and_next_lines_break_between_their_parts(store, clock, lang, size) -> None:
    session = session_from_template(
        find_template("territoire-numerique-10-ans"),
        title="Atelier",
        on=dt.date(2026, 11, 22),
        participants=parse_participants("Alice Martin\nBob Durand"),
        language=lang,
    )
    session.agenda[1].title = "Étape 2 Recueil collectif des items du territoire numérique"
    store.create(session)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=size) as pilot:
        app.apply(lambda s: timer_ops.start(s, Stamp.of(clock)))
        clock.advance(13 * 60)  # three minutes past the first phase: a drift shown
        await pilot.press("f3")
        drift = await until(pilot, lambda: app.screen.query_one("#drift"))
        following = app.screen.query_one("#next")
        word = WORD[lang]
        assert await until(pilot, lambda: any(word in line for line in drawn_lines(drift)))
        if size == (120, 40):  # the clock pane is narrower than at 80 columns: it wraps
            assert len([line for line in drawn_lines(drift) if line]) >= 2
        for widget in (drift, following):
            lines = [line for line in drawn_lines(widget) if line]
            assert not [line for line in lines if line.startswith(CUT_BEFORE)], lines
            assert not [line for line in lines if line.endswith(CUT_AFTER)], lines
