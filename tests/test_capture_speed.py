"""Issue 17: an Enter in F4 redraws what changed, never the whole screen, and still shows it all.

The speed levers (no layout of the screen per Enter or per key, cells and rows
drawn once and kept, the new row measured at once) must not cost a stale
picture: a changed cell, a reformulated idea, a moved cursor are drawn anew.
"""

from __future__ import annotations

import datetime as dt

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.screen import Screen

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.people.names import parse_participants
from tui.app import make_app
from tui.widgets.idea_list import KeyedTable

PEOPLE = "\n".join(f"Personne {n} (Org {n})" for n in range(1, 9))


def eight_people(store):
    s = session_from_template(
        find_template("territoire-numerique-10-ans"),
        title="Tour",
        on=dt.date(2026, 11, 22),
        participants=parse_participants(PEOPLE),
    )
    store.create(s)
    return s


def shown(widget) -> str:
    """The text a widget draws on the terminal, line by line."""
    return "\n".join(strip.text for strip in widget.render_lines(widget.region.reset_offset))


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every full layout of a screen, by screen class name."""
    seen: list[str] = []
    real = Screen._refresh_layout

    def counted(self, *args, **kwargs):
        seen.append(type(self).__name__)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    return seen


async def test_an_enter_in_f4_shows_the_idea_without_laying_out_the_screen(
    store, clock, layouts
) -> None:
    s = eight_people(store)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press(*"premiere idee", "enter")
        await pilot.pause()
        layouts.clear()
        for text in ("mobilite douce", "fracture numerique", "tiers-lieux"):
            await pilot.press(*text)
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.pause()
        assert layouts == []  # was ~5 per Enter, and one per key typed
        screen = app.screen
        table = screen.query_one("#ideas", KeyedTable)
        drawn = shown(table)
        for text in ("premiere idee", "mobilite douce", "fracture numerique", "tiers-lieux"):
            assert text in drawn
        assert "Personne 5" in str(screen.query_one("#turn").render())  # the turn moved on
        people = str(screen.query_one("#people").render())
        assert "▶ Personne 5" in people and "→ Personne 6" in people
        title = str(screen.query_one("#ideas-title").render())
        assert "4" in title and "3" not in title  # the count drawn without a layout
    assert [i.text for i in store.load(s.id).ideas] == [
        "premiere idee",
        "mobilite douce",
        "fracture numerique",
        "tiers-lieux",
    ]


async def test_a_reformulated_idea_is_drawn_with_its_new_text(store, clock) -> None:
    s = eight_people(store)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        for text in ("velo", "bus"):
            await pilot.press(*text, "enter")
            await pilot.pause()
        table = app.screen.query_one("#ideas", KeyedTable)
        assert "bus" in shown(table)
        await pilot.press("ctrl+r")  # the last idea, under the cursor
        await pilot.pause()
        await pilot.press("ctrl+u", *"bus de nuit", "enter")
        await pilot.pause()
        await pilot.pause()
        drawn = shown(table)
        assert "bus de nuit" in drawn and "velo" in drawn
    assert [i.text for i in store.load(s.id).ideas] == ["velo", "bus de nuit"]


class TableApp(App[None]):
    CSS = "KeyedTable { height: 1fr; }"

    def compose(self) -> ComposeResult:
        yield KeyedTable(["N°", "Idée"], flex=1)


def rows(*texts: str) -> list[tuple[str, tuple[Text, ...]]]:
    return [(str(n), (Text(str(n)), Text(text))) for n, text in enumerate(texts, start=1)]


async def test_a_changed_cell_and_the_moved_cursor_are_drawn_anew() -> None:
    app = TableApp()
    async with app.run_test(size=(60, 8)) as pilot:
        table = app.query_one(KeyedTable)
        table.sync(rows("un", "deux"))
        await pilot.pause()
        assert "deux" in shown(table)
        table.sync(rows("un", "deux et demi"))  # same rows, one cell changed
        await pilot.pause()
        assert "deux et demi" in shown(table)
        table.move_cursor(row=0)
        await pilot.pause()
        before = shown(table)
        table.move_cursor(row=1)
        await pilot.pause()
        assert shown(table) == before  # same text; the cursor's row drawn in its colours
        cursor = table.get_component_rich_style("datatable--cursor")
        line = table.render_lines(table.region.reset_offset)[2]  # header, row 1, row 2
        assert any(seg.style and seg.style.bgcolor == cursor.bgcolor for seg in line)


async def test_many_rows_added_scroll_to_the_last_in_the_same_frame() -> None:
    app = TableApp()
    async with app.run_test(size=(60, 8)) as pilot:
        table = app.query_one(KeyedTable)
        texts = [f"idée {n}" for n in range(1, 30)]
        table.sync(rows(*texts))
        table.move_cursor(row=table.row_count - 1)  # measured at once: scrolls now
        await pilot.pause()
        assert "idée 29" in shown(table)
        assert table.virtual_size.height == 30  # 29 rows and the header
        assert table.show_vertical_scrollbar
