"""F5, show of hands: the live hint beside the count box is read whole at 80x24 and 120x40.

The hint repeats what the toast says when Enter refuses a count; cut at 80 columns, the
scribe read "… chiffres 0-9 (3" and lost the end of the sentence.
"""

from __future__ import annotations

import re

import pytest
from textual.widgets import Static

from sessions.i18n import set_language
from tests.vote_helpers import keys_taken, open_vote, with_ideas
from tests.waits import until
from tui.app import make_app
from tui.widgets.hands_input import live_summary


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _hint_on_screen(app) -> str:
    """The part of the hint box the screen shows (its parent clips it), its lines joined."""
    box = app.screen.query_one("#hands-sum", Static)
    region, clip = app.screen._compositor.visible_widgets[box]
    seen = region.intersection(clip)
    crop = seen.translate(-region.offset)
    return _words(" ".join(strip.text for strip in box.render_lines(crop)))


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("typed", ["", "3x", "=", "3 2 5", "1234567890123", "3+"])
async def test_the_live_hint_is_read_whole(store, clock, session, lang, size, typed) -> None:
    set_language(lang)
    with_ideas(store, session)
    app = make_app(store, clock, session_ref=session.id, lang=lang)
    async with app.run_test(size=size) as pilot:
        await open_vote(pilot)
        await keys_taken(pilot, *typed) if typed else await keys_taken(pilot, "3", "backspace")
        expected = _words(live_summary(typed))  # in the app's language, set by make_app
        assert expected  # the hint says something for every entry, even none
        await until(pilot, lambda: _hint_on_screen(app) == expected)
        assert _hint_on_screen(app) == expected


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_a_refused_character_is_named_in_the_hint(store, clock, session, lang) -> None:
    """The hint names the character refused and says what to type, like the toast on Enter."""
    set_language(lang)
    with_ideas(store, session)
    app = make_app(store, clock, session_ref=session.id, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_vote(pilot)
        await keys_taken(pilot, "3", "x")
        await until(pilot, lambda: "(12)" in _hint_on_screen(app))
        seen = _hint_on_screen(app)
        assert ("chiffre" if lang == "fr" else "digit") in seen, seen
        assert "x" in seen and "0-9" in seen and "(3 2 5)" in seen, seen
