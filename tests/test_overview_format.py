"""F2 shows what the session's format uses: no horizon or grid key for a format without a grid."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Static

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from tui.app import make_app


def shown(app, widget_id: str) -> str:
    return str(app.screen.query_one(widget_id, Static).render())


@pytest.mark.parametrize(
    ("template", "lang", "has", "has_not"),
    [
        (
            "divergence-convergence",
            "fr",
            [
                "F3\u00a0Déroulé",
                "F4\u00a0Brainstorm",  # its capture is free: no tour de table
                "F5\u00a0Classement",
                "ctrl+space\u00a0Fiches",
            ],
            ["F6", "Horizon", "Tour de table"],
        ),
        (
            "territoire-numerique-10-ans",
            "fr",
            ["F5\u00a0Classement", "F6\u00a0Matrice", "F7\u00a0Compte-rendu", "Horizon\u202f: 20"],
            ["Fiches"],
        ),
        (
            "atelier-thematique",
            "en",
            ["F3\u00a0Agenda", "ctrl+space\u00a0Sheets"],
            ["F5", "F6", "Horizon"],
        ),
    ],
)
async def test_f2_lists_only_the_sections_of_the_format(
    store, clock, template: str, lang: str, has: list[str], has_not: list[str]
) -> None:
    s = session_from_template(find_template(template), "Groupe A", on=date(2026, 12, 1))
    store.create(s)
    app = make_app(store, clock, session_ref=s.id, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        text = shown(app, "#sections-hint") + "\n" + shown(app, "#details")
        for expected in has:
            assert expected in text
        for absent in has_not:
            assert absent not in text


async def test_the_footer_leaves_out_the_f_key_of_a_section_the_format_lacks(store, clock) -> None:
    from textual.widgets._footer import FooterKey

    s = session_from_template(
        find_template("divergence-convergence"), "Groupe A", on=date(2026, 12, 1)
    )
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("f2")
        keys: set[str] = set()
        for _ in range(50):  # the footer recomposes after the screen's first frame
            await pilot.pause()
            keys = {k.action for k in app.screen.query(FooterKey)}
            if "section('vote')" in keys:
                break
        assert "section('vote')" in keys and "section('grid')" not in keys
        await pilot.press("f6")  # the key still opens the grid for who wants one
        await pilot.pause()
        assert app.current_mode == "grid"
