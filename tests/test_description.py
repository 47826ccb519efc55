"""The "Description très succincte" of an item: typed in F4 or F6, undone, in the minutes."""

from __future__ import annotations

import pytest
from grid_examples import full_session

from sessions.capture import tour as cap
from sessions.core.undo import UndoHistory, apply_recorded
from sessions.documents.minutes import minutes_markdown
from tui.app import make_app
from tui.widgets.idea_list import KeyedTable


def messages(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications]


def test_set_description_cleans_refuses_and_undoes() -> None:
    s = full_session()
    history = UndoHistory()

    def apply(op):  # type: ignore[no-untyped-def]
        return op(s)

    op = lambda x: cap.set_description(x, 2, " Fibre \x1b[31m partout ")  # noqa: E731
    apply_recorded(history, lambda: s, apply, op)
    assert s.idea(2).description == "Fibre partout"
    with pytest.raises(cap.CaptureError, match="99"):
        cap.set_description(s, 99, "x")
    with pytest.raises(cap.CaptureError):
        cap.set_description(s, 2, "x" * 501)
    assert s.idea(2).description == "Fibre partout"
    undo, _ = history.undo_op(s)
    undo(s)
    assert s.idea(2).description == ""


def test_minutes_grid_table_shows_the_description() -> None:
    s = full_session()
    before = minutes_markdown(s, lang="fr")
    cap.set_description(s, 2, "Très haut débit pour tous")
    after = minutes_markdown(s, lang="fr")
    assert "Très haut débit pour tous" not in before
    [row] = [line for line in after.splitlines() if "Très haut débit pour tous" in line]
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[0] == "2" and cells[2] == "Très haut débit pour tous"  # the second text column


async def test_f4_ctrl_l_describes_the_selected_idea_and_ctrl_z_undoes(store, clock) -> None:
    s = full_session()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        table = app.screen.query_one("#ideas", KeyedTable)
        last = table.row_count - 1
        await pilot.press("up", "ctrl+l")  # the idea before the last one
        await pilot.pause()
        number = int(table.current_key())
        assert table.cursor_row == last - 1
        await pilot.press(*"Bus le soir", "enter")
        await pilot.pause()
        assert store.load(s.id).idea(number).description == "Bus le soir"
        assert f"Description de l'item n°{number} enregistrée." in messages(app)
        assert "— Bus le soir" in table.get_row_at(last - 1)[1].plain
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert store.load(s.id).idea(number).description == ""
        assert any("description" in m for m in messages(app)[-1:])
        assert "—" not in table.get_row_at(last - 1)[1].plain


async def test_f6_d_describes_the_placed_item_and_shows_it(store, clock) -> None:
    s = full_session()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        screen = app.screen
        await pilot.press("down")  # the second item: no description yet
        number = screen.selected_number()
        assert store.load(s.id).idea(number).description == ""
        await pilot.press("d", *"Navette du marché", "enter")
        await pilot.pause()
        assert store.load(s.id).idea(number).description == "Navette du marché"
        label = str(screen.query_one("#reason-label").render())
        assert "Description\u202f: Navette du marché" in label
        assert f"Description de l'item n°{number} enregistrée." in messages(app)
        assert screen.query_one("#grid-items").has_focus
        # emptied: cleared, and said so
        await pilot.press("d", "ctrl+u", "enter")
        await pilot.pause()
        assert store.load(s.id).idea(number).description == ""
        assert f"Description de l'item n°{number} effacée." in messages(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert store.load(s.id).idea(number).description == "Navette du marché"
        # Esc in the prompt changes nothing
        await pilot.press("d", *"autre", "escape")
        await pilot.pause()
        assert store.load(s.id).idea(number).description == "Navette du marché"
    minutes = minutes_markdown(store.load(s.id), lang="fr").splitlines()
    [row] = [line for line in minutes if "Navette du marché" in line]
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert (cells[0], cells[2]) == (str(number), "Navette du marché")
