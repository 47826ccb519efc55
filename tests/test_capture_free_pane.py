"""F4's people pane in a brainstorm: the names and the count of post-its, no "0 idée, 0 passe".

A divergence-convergence brainstorm (``[parts] capture = "free"``) takes post-its
with no author: counts per person mean nothing there. The pane shows the free
entry, its post-its and the names alone; F9 starts a tour de table and the counts
come back. Read as drawn, in French and in English.
"""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Static

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.people.names import parse_participants
from tests.waits import until
from tui.app import make_app

NAMES = ["Alice Martin", "Bruno Petit", "Chloé Roux"]
WORDS = {
    "fr": {
        "zero": "Saisie libre\u202f: 0 post-it",
        "two": "Saisie libre\u202f: 2 post-its",
        "counts": "0 idée, 0 passe",
        "one": "1 idée, 0 passe",
    },
    "en": {
        "zero": "Free entry: 0 sticky note",
        "two": "Free entry: 2 sticky notes",
        "counts": "0 ideas, 0 passes",
        "one": "1 idea, 0 passes",
    },
}


def _pane(app) -> str:  # type: ignore[no-untyped-def]
    content = app.screen.query_one("#people", Static).content
    return getattr(content, "plain", str(content))


async def _shown(pilot, needle: str) -> str:  # type: ignore[no-untyped-def]
    """The pane once it shows ``needle`` (bounded wait); as last drawn otherwise."""
    await until(pilot, lambda: needle in _pane(pilot.app))
    return _pane(pilot.app)


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_brainstorm_pane_shows_names_then_counts_in_a_tour(store, clock, lang) -> None:
    s = session_from_template(
        find_template("divergence-convergence"),
        title="Atelier",
        on=dt.date(2026, 11, 22),
        participants=parse_participants("\n".join(NAMES)),
        language=lang,
    )
    store.create(s)
    words = WORDS[lang]
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("f4")
        pane = await _shown(pilot, words["zero"])
        assert words["zero"] in pane
        assert all(name in pane for name in NAMES)
        assert words["counts"] not in pane and "0" not in pane.replace(words["zero"], "")
        await pilot.press(*"Tiers-lieu", "enter", *"Bus", "enter")
        pane = await _shown(pilot, words["two"])
        assert words["two"] in pane and all(name in pane for name in NAMES)
        assert [i.author_id for i in store.load(s.id).ideas] == [None, None]

        await pilot.press("f9")  # the tour de table: counts per person again
        pane = await _shown(pilot, words["counts"])
        assert pane.count(words["counts"]) == len(NAMES)
        assert words["zero"][:6] not in pane and words["two"] not in pane
        await pilot.press(*"Fablab", "enter")  # Alice's idea counts for her
        pane = await _shown(pilot, words["one"])
        assert pane.count(words["one"]) == 1 and pane.count(words["counts"]) == len(NAMES) - 1
        assert pane.index(NAMES[0]) < pane.index(words["one"]) < pane.index(NAMES[1])
