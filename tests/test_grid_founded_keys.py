"""F6 on the idées reçues grid: the footer names its one position, 'Fondée', not 'Aujourd'hui'."""

from __future__ import annotations

import pytest
from grid_examples import full_session

from tests.waits import until
from tui.app import make_app


def _described(app, key: str) -> str:  # type: ignore[no-untyped-def]
    found = app.screen.active_bindings.get(key)
    return found.binding.description if found else ""


@pytest.mark.parametrize(
    ("template", "lang", "wanted", "unwanted"),
    [
        ("idees-recues", "fr", "Fondée →", "Aujourd'hui"),
        ("idees-recues", "en", "Well-founded →", "Today"),
        ("territoire-numerique-10-ans", "fr", "Aujourd'hui →", "Fondée"),
    ],
)
async def test_the_position_keys_are_named_for_the_grid(
    store, clock, template, lang, wanted, unwanted
) -> None:
    s = full_session(template=template)
    store.create(s)
    app = make_app(store, clock, session_ref=s.id, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f6")
        await until(pilot, lambda: type(app.screen).__name__ == "GridScreen")
        assert await until(pilot, lambda: _described(app, "p") == wanted)
        assert unwanted not in _described(app, "P")
        assert _described(app, "P").endswith("←")
