"""The guide's words: F5 is the Classement, F6 the matrice of the grid in use,
an item outside the top is "classé" (not "retenu"), an odd count of items says
its envelope was rounded down."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import build_session

from sessions.capture import tour as capture
from tui.app import make_app

SIZE = (120, 40)
NOW = dt.datetime(2026, 11, 22, 14, 0, tzinfo=dt.UTC)


def _stored(store, template: str, ideas: int = 0):
    s = build_session(template)
    for n in range(ideas):
        capture.add_idea(s, f"Idée {n + 1}", NOW)
    store.create(s)
    return s


async def _f1_text(pilot, app) -> str:
    await pilot.press("f1")
    await pilot.pause()
    text = " ".join(str(w.render()) for w in app.screen.query("#step, #purpose"))
    await pilot.press("escape")
    await pilot.pause()
    return text


@pytest.mark.parametrize(
    ("template", "said", "not_said"),
    [
        ("idees-recues", "répandue / fondée", "impact / maîtrise"),
        ("territoire-numerique-10-ans", "impact / maîtrise", "répandue / fondée"),
    ],
)
async def test_f6_help_names_the_grid_in_use(store, clock, template, said, not_said) -> None:
    s = _stored(store, template)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        text = await _f1_text(pilot, app)
    assert "matrice " + said in text and not_said not in text


async def test_f5_is_the_classement_and_17_items_say_why_8_points(store, clock) -> None:
    s = _stored(store, "territoire-numerique-10-ans", ideas=17)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=SIZE) as pilot:
        labels = {b.binding.key: b.binding.description for b in app.screen.active_bindings.values()}
        await pilot.press("f5")
        await pilot.pause()
        envelope = str(app.screen.query_one("#envelope").render())
    assert labels["f5"] == "Classement" and labels["f6"] == "Matrice"
    assert "8 points par votant (17 items / 2, arrondi à l'unité inférieure)" in envelope


async def test_an_even_count_says_no_rounding(store, clock) -> None:
    s = _stored(store, "territoire-numerique-10-ans", ideas=16)
    app = make_app(store, clock, session_ref=s.id, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        envelope = str(app.screen.query_one("#envelope").render())
    assert "8 points per voter (16 items / 2)" in envelope and "rounded" not in envelope


async def test_an_item_outside_the_top_is_classe_not_retenu(store, clock) -> None:
    from sessions.vote import envelope as vote

    s = build_session("territoire-numerique-10-ans")
    for n in range(12):
        idea = capture.add_idea(s, f"Idée {n + 1}", NOW)
        vote.enter_hands(s, idea.number, str(12 - n))  # 12 distinct totals: 2 items off the top
    vote.close_count(s)
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        statuses = [
            str(table.get_row_at(row)[-1])
            for table in app.screen.query("DataTable")
            for row in range(table.row_count)
        ]
    assert statuses.count("classé ★") == 10 and statuses.count("classé") == 2
    assert not [status for status in statuses if "retenu" in status]


def test_the_minutes_say_why_17_items_give_8_points() -> None:
    from sessions.documents.minutes import minutes_markdown
    from sessions.vote import envelope as vote

    s = build_session("territoire-numerique-10-ans")
    for n in range(17):
        idea = capture.add_idea(s, f"Idée {n + 1}", NOW)
        vote.enter_hands(s, idea.number, "1")
    vote.close_count(s)
    text = minutes_markdown(s)
    assert "8 points (17 items / 2, arrondi à l'unité inférieure) par participant" in text
    s.vote.envelope = 8  # chosen by the facilitator: no rounding to explain
    assert "arrondi" not in minutes_markdown(s)
