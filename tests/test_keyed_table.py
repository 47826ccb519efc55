"""KeyedTable: rows updated in place keep their columns wide enough for the new text."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from tui.widgets.idea_list import KeyedTable


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield KeyedTable(["N°", "État"])


async def test_a_longer_cell_widens_its_column() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(KeyedTable)
        table.sync([("1", (Text("1"), Text("classé")))])
        await pilot.pause()
        table.sync([("1", (Text("1"), Text("barré (0 point)")))])
        await pilot.pause()
        state = table.ordered_columns[1]
        assert state.content_width >= len("barré (0 point)")
        assert table.get_cell("1", table.column_keys[1]).plain == "barré (0 point)"
