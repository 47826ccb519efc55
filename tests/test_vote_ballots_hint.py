"""F5 in ballots (F8): the keys line tells the ballot keys, not the show of hands' Enter
and "F8 : bulletins", and the ballots' title is read whole at 80 columns."""

from __future__ import annotations

from textual.geometry import Region
from textual.widgets import Static

from tests.vote_helpers import keys_taken, open_vote, shown, with_ideas
from tests.waits import until
from tui.app import make_app


def _lines(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    """What a Static shows on screen, its wrapped lines joined (cut lines are lost)."""
    box = app.screen.query_one(selector, Static)
    lines = box.render_lines(Region(0, 0, box.size.width, box.size.height))
    return " ".join(strip.text.strip() for strip in lines).replace("\u202f", " ")


def _hint(app) -> str:  # type: ignore[no-untyped-def]
    return shown(app, "#vote-hint").replace("\u202f", " ")


async def test_ballots_tell_their_own_keys_whole_at_80_columns(store, clock, session) -> None:
    with_ideas(store, session)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_vote(pilot)
        assert await until(pilot, lambda: "F8 : bulletins" in _hint(app))
        await keys_taken(pilot, "f8")
        assert await until(pilot, lambda: store.load(session.id).vote.method == "ballots")
        assert await until(pilot, lambda: "F8 : main levée" in _hint(app)), _hint(app)
        assert "Entrée" not in _hint(app) and "F8 : bulletins" not in _hint(app)
        title = await until(pilot, lambda: "enveloppe)" in _lines(app, "#ballots-title"))
        assert title, _lines(app, "#ballots-title")
        await keys_taken(pilot, "f8")  # back to the show of hands: its keys again
        assert await until(pilot, lambda: "Entrée" in _hint(app))
