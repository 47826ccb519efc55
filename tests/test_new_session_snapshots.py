"""SVG snapshots of the new-session form's new parts, 80x24 and 120x40, FR/EN.

``from``: a fiche n°3 template, two fiche n°1 groups ticked, their top listed
and the enjeux box filled. ``minutes``: the offer-map template, whose guide
gives no step times, asking each step's minutes. LOOK at them before accepting.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_snapshots import SIZES, START, steady
from textual.widgets import SelectionList

from sessions.core.clock import FakeClock
from sessions.core.settings import update_settings
from sessions.i18n import set_language
from sessions.storage.store import SessionStore
from tests.grid_examples import full_session


def _store(root: Path, clock: FakeClock) -> SessionStore:
    store = SessionStore(root, clock)
    store.ensure()
    update_settings(root, guide_seen=True)
    for title, sid in (("Groupe A", "groupea1"), ("Groupe B", "groupeb2")):
        s = full_session(title=title)
        s.id = sid
        store.create(s)
    return store


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("view", ["from", "minutes"])
def test_new_session_form(view, size, lang, snap_compare, tmp_path: Path) -> None:
    from tui.app import make_app

    clock = FakeClock(START)
    set_language(lang)
    store = _store(tmp_path / "data", clock)
    app = make_app(store, clock, lang=lang)
    template = "enjeux-solutions" if view == "from" else "offre-existante"

    async def run(pilot) -> None:
        await pilot.press("n")
        await pilot.pause()
        form = pilot.app.screen
        index = [tpl.name for tpl in form.templates].index(template)
        await pilot.press(*["down"] * index, "tab", *"Fiche 3")
        await pilot.pause()
        if view == "from":
            sessions = form.query_one("#from-sessions", SelectionList)
            sessions.focus()
            for row in range(sessions.option_count):
                sessions.highlighted = row
                await pilot.press("space")
                await pilot.pause()
            form.query_one("#from-items").scroll_visible(animate=False, top=True)
        else:
            form.query_one("#minutes-box").scroll_visible(animate=False, top=True)
        await pilot.pause()
        steady(pilot)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run)
