"""SVG snapshots of the Cartes section's node form, 80x24 and 120x40, FR/EN.

The fiche n°3 session of ``test_enjeux_snapshots``; the form of its first
node (a resource: nature, link, the guide's three questions). LOOK at them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_enjeux_snapshots import SESSION_ID, fiche3
from test_snapshots import SIZES, START

from sessions.core.clock import FakeClock
from sessions.i18n import set_language
from tests.waits import settled, until


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_the_node_form(size, lang, snap_compare, tmp_path: Path) -> None:
    from tui.app import make_app
    from tui.sections import SWITCH_KEY, sections_for

    clock = FakeClock(START)
    store = fiche3(tmp_path / "data", clock)
    set_language(lang)
    app = make_app(store, clock, session_ref=SESSION_ID, lang=lang)

    async def run(pilot) -> None:
        modes = [s.mode for s in sections_for(pilot.app.session)]
        await pilot.press(SWITCH_KEY)
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "SectionSwitcher")
        await pilot.press(str(modes.index("maps") + 1))
        await until(pilot, lambda: pilot.app.current_mode == "maps" and settled(pilot.app))
        await pilot.press("down", "e")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run)
