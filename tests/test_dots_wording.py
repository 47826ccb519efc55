"""A dot vote counts dots, not points: F5's toast and struck status, F12, watch, the synthesis."""

from __future__ import annotations

from grid_examples import full_session

from sessions.documents.synthesis import synthesis_markdown
from sessions.i18n import set_language
from sessions.storage.follow import follow_view
from sessions.timer.position import Stamp
from tests.vote_helpers import (
    dot_session,
    keys_taken,
    on_top,
    open_vote,
    shown,
    toast_said,
    toasts,
    type_enter,
)
from tests.waits import until
from tui.app import make_app
from tui.screens.watch import ranking_text
from tui.widgets.idea_list import KeyedTable


def cells(app) -> list[str]:
    table = app.screen.query_one("#results-table", KeyedTable)
    return [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]


async def count_three_items(pilot) -> None:
    await open_vote(pilot)
    await keys_taken(pilot, "ctrl+u")
    for hands in ("4", "3", "1"):  # items 5, 4 and 3; items 2 and 1 get no dot
        await type_enter(pilot, hands)
    await keys_taken(pilot, "ctrl+k")
    await toast_said(pilot, "Décompte clos")


async def test_f5_closing_a_dot_vote_strikes_items_at_0_dots(store, clock) -> None:
    s = dot_session(store)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await count_three_items(pilot)
        assert store.load(s.id).vote.counted
        closed = [m for m in toasts(app) if m.startswith("Décompte clos")]
        assert closed == [
            "Décompte clos\u202f: 2 items à 0 gommette barrés. ctrl+k pour le rouvrir."
        ]
        shown = cells(app)
        assert shown.count("barré (0 gommette)") == 2
        assert not any("point" in cell for cell in shown)


async def test_f12_reveals_dots_and_watch_counts_dots(store, clock) -> None:
    s = dot_session(store)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await count_three_items(pilot)
        await pilot.press("f12")
        await on_top(pilot, "RevealScreen")
        await keys_taken(pilot, "a")
        await until(pilot, lambda: "1 gommette" in shown(app, "#reveal-list"))
        listed = shown(app, "#reveal-list")
        assert "4 gommettes" in listed and "3 gommettes" in listed and "1 gommette" in listed
        assert "pt" not in listed
    view = follow_view(store.load(s.id), Stamp.of(clock))
    assert view.dots
    lines = ranking_text(view.ranking or [], dots=view.dots).plain
    assert "4 gommettes" in lines and "1 gommette" in lines and "pts" not in lines
    set_language("en")
    try:
        english = ranking_text(view.ranking or [], dots=True).plain
        assert "4 dots" in english and "1 dot" in english
    finally:
        set_language("fr")


def test_synthesis_names_the_dots_column() -> None:
    a, b = full_session(title="Groupe A"), full_session(title="Groupe B")
    b.id = "exemple2"
    assert "| Points |" in synthesis_markdown([a, b])
    b.vote.rule = "dots"
    assert "| Points ou gommettes |" in synthesis_markdown([a, b])
    a.vote.rule = "dots"
    both = synthesis_markdown([a, b])
    combined = both.split("## Groupe A")[0]
    assert "| Gommettes |" in combined and "Points" not in combined
    assert "| Dots |" in synthesis_markdown([a, b], "en")


def test_cli_close_of_a_dot_vote_strikes_items_at_0_dots(store, capsys) -> None:
    from sessions.vote import envelope as v
    from tui.cli.main import main

    s = dot_session(store)
    for number, hands in ((5, 4), (4, 3)):  # items 1 to 3 get no dot
        store.transact(s.id, lambda session, n=number, h=hands: v.enter_hands(session, n, str(h)))
    code = main(["--data-dir", str(store.root), "vote", s.id, "close"])
    out = capsys.readouterr().out
    assert code == 0 and store.load(s.id).vote.counted
    assert "Décompte clos\u202f: 3 items à 0 gommette barrés" in out and "point" not in out


def column_labels(app, table_id: str) -> list[str]:
    table = app.screen.query_one(table_id, KeyedTable)
    return [column.label.plain for column in table.ordered_columns]


async def test_f5_count_column_says_gommettes_then_points_when_the_rule_changes(
    store, clock
) -> None:
    s = dot_session(store, "territoire-numerique-10-ans", ideas=3)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_vote(pilot)
        assert column_labels(app, "#hands-table")[3] == "Points"  # the envelope
        await keys_taken(pilot, "ctrl+g")  # the facilitator switches to the dot vote
        await until(pilot, lambda: column_labels(app, "#results-table")[3] == "Gommettes")
        assert store.load(s.id).vote.rule == "dots"
        assert column_labels(app, "#hands-table")[3] == "Gommettes"
        assert column_labels(app, "#results-table")[3] == "Gommettes"
        await keys_taken(pilot, "ctrl+z")
        await until(pilot, lambda: column_labels(app, "#results-table")[3] == "Points")
        assert column_labels(app, "#results-table")[3] == "Points"
