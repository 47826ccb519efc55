"""A brainstorm's F4 (free entry) has its own F1 help and its F-key says Brainstorm."""

from __future__ import annotations

import re

from textual.widgets import Static
from textual.widgets._footer import FooterKey

from tests.vote_helpers import dot_session, on_top
from tests.waits import until
from tui.app import make_app


def _f4_label(app) -> str:
    """The footer's label of F4 (empty until the footer draws it)."""
    keys = [k for k in app.screen.query(FooterKey) if k.action == "section('capture')"]
    return keys[0].description if keys else ""


async def _help_text(pilot) -> str:
    """F1's text on the screen shown: what it is for, then its keys (the app's F-keys too)."""
    await pilot.press("f1")
    help_screen = await on_top(pilot, "HelpScreen")
    return "\n".join(
        str(help_screen.query_one(f"#{part}", Static).render()) for part in ("purpose", "keys")
    )


async def test_a_brainstorm_f4_tells_the_brainstorm(store, clock) -> None:
    s = dot_session(store)  # divergence-convergence: [parts] capture = "free"
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(160, 40)) as pilot:
        label = await until(pilot, lambda: _f4_label(app))
        assert label == "Brainstorm", label
        await pilot.press("f4")
        await on_top(pilot, "CaptureScreen")
        text = await _help_text(pilot)
        assert "post-it" in text and "F9" in text and "sans auteur" in text, text
        assert "F8" not in text and "Chacun à son tour" not in text, text
        assert re.search(r"f4 +Brainstorm", text, re.IGNORECASE), text  # the app's F-keys
        assert not re.search(r"f4 +Tour de table", text, re.IGNORECASE), text  # F9 says it
        await pilot.press("escape")
        await on_top(pilot, "CaptureScreen")
        await pilot.press("f10")  # English: the help and the F-key's label follow
        await until(pilot, lambda: type(app.screen).__name__ == "CaptureScreen")
        await pilot.press("f2")
        await on_top(pilot, "OverviewScreen")
        label = await until(pilot, lambda: _f4_label(app) == "Brainstorm" and _f4_label(app))
        assert label == "Brainstorm", label
        await pilot.press("f4")
        await on_top(pilot, "CaptureScreen")
        text = await _help_text(pilot)
        assert "sticky note" in text and "no author" in text and "F8" not in text, text
        assert re.search(r"f4 +Brainstorm", text, re.IGNORECASE), text


async def test_a_tour_de_table_f4_keeps_its_name_and_help(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(160, 40)) as pilot:
        label = await until(pilot, lambda: _f4_label(app))
        assert label == "Tour de table", label
        await pilot.press("f4")
        await on_top(pilot, "CaptureScreen")
        text = await _help_text(pilot)
        assert "Chacun à son tour" in text and "F8" in text and "Brainstorm" not in text, text


async def _open_from_home(pilot, app, session_id: str) -> None:
    """ctrl+x to the session list, the cursor on ``session_id``'s row, Enter."""
    from textual.widgets import DataTable

    await pilot.press("ctrl+x")
    home = await on_top(pilot, "HomeScreen")
    await until(pilot, lambda: len(home.entries) == 2)
    row = next(i for i, e in enumerate(home.entries) if e.session.id == session_id)
    table = home.query_one(DataTable)
    step = "down" if row > table.cursor_row else "up"
    await pilot.press(*[step] * abs(row - table.cursor_row))
    await until(pilot, lambda: table.cursor_row == row)
    await pilot.press("enter")
    await until(pilot, lambda: app.session is not None and app.session.id == session_id)
    await on_top(pilot, "OverviewScreen")


async def test_the_f4_label_follows_the_session_opened(store, clock, session) -> None:
    brainstorm = dot_session(store)
    app = make_app(store, clock, session_ref=brainstorm.id)
    async with app.run_test(size=(160, 40)) as pilot:
        label = await until(pilot, lambda: _f4_label(app))
        assert label == "Brainstorm", label
        await _open_from_home(pilot, app, session.id)  # a tour de table
        label = await until(pilot, lambda: _f4_label(app) == "Tour de table" and _f4_label(app))
        assert label == "Tour de table", label
        await _open_from_home(pilot, app, brainstorm.id)
        label = await until(pilot, lambda: _f4_label(app) == "Brainstorm" and _f4_label(app))
        assert label == "Brainstorm", label
