"""KeyedTable: rows updated in place keep their columns wide enough for the new text."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from tests.waits import settled, until
from tui.widgets.fit_table import FitTable
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


class LongTableApp(App[None]):
    CSS = "KeyedTable { height: 1fr; }"

    def compose(self) -> ComposeResult:
        yield KeyedTable(["N°", "Idée"], flex=1)


def bar_text(table: KeyedTable) -> list[str]:
    """The vertical scroll bar as the terminal shows it: each cell's glyph and whether it is lit."""
    bar = table.vertical_scrollbar
    lines = bar.render_lines(bar.region.reset_offset)
    return [
        "".join(f"{s.text}{int(bool(s.style and s.style.reverse))}" for s in line) for line in lines
    ]


async def test_the_scroll_bar_follows_the_list_and_is_not_drawn_again_when_it_stays() -> None:
    app = LongTableApp()
    async with app.run_test(size=(60, 20)) as pilot:
        table = app.query_one(KeyedTable)
        table.sync([(str(n), (Text(str(n)), Text(f"idée {n}"))) for n in range(1, 301)])
        table.move_cursor(row=table.row_count - 1)
        await until(pilot, lambda: settled(app))
        at_end = bar_text(table)
        assert table.vertical_scrollbar.display
        drawn = table.vertical_scrollbar.render_lines(table.vertical_scrollbar.region.reset_offset)
        table.append_row("301", (Text("301"), Text("idée 301")))
        table.move_cursor(row=table.row_count - 1)
        await until(pilot, lambda: settled(app))
        bar = table.vertical_scrollbar
        again = bar.render_lines(bar.region.reset_offset)
        assert again is drawn  # the thumb stayed at the bottom: the same lines, not drawn anew
        assert bar_text(table) == at_end
        table.move_cursor(row=0)  # the list back at its top: the thumb goes up with it
        await until(pilot, lambda: settled(app))
        at_top = bar_text(table)
        assert at_top != at_end
        assert at_top[0] != at_end[0] and at_top[-1] != at_end[-1]
        assert "idée 1" in "".join(
            strip.text for strip in table.render_lines(table.region.reset_offset)
        )


def styled(lines) -> list[list[tuple[str, str]]]:
    """Each line as the terminal gets it: its segments' text and style."""
    return [[(seg.text, str(seg.style)) for seg in line] for line in lines]


async def test_kept_lines_are_the_lines_textual_draws_after_rows_cursor_and_focus() -> None:
    """Lines styled once, rows drawn ahead for when the cursor leaves them: Textual's own."""
    app = LongTableApp()
    async with app.run_test(size=(60, 20)) as pilot:
        table = app.query_one(KeyedTable)
        table.sync([(str(n), (Text(str(n)), Text(f"idée {n}"))) for n in range(1, 41)])
        table.move_cursor(row=table.row_count - 1)
        await until(pilot, lambda: settled(app))

        async def same_as_textual() -> None:
            crop = table.region.reset_offset
            kept = styled(table.render_lines(crop))
            table._clear_caches()  # every cell, row and line drawn anew, as Textual draws them
            table._styles_cache.clear()
            table._style_memo = None
            fresh = styled(FitTable.render_lines(table, crop))
            assert kept == fresh

        await same_as_textual()
        for n in range(41, 45):  # ideas added at the end: the list scrolls a row each
            table.append_row(str(n), (Text(str(n)), Text(f"idée {n}", style="bold")))
            table.move_cursor(row=table.row_count - 1)
            await until(pilot, lambda: settled(app))
            await same_as_textual()
        assert "idée 44" in "".join(s.text for s in table.render_lines(table.region.reset_offset))
        table.focus()  # focused, the table is tinted: every kept line styled again
        await until(pilot, lambda: settled(app) and table.has_focus)
        await same_as_textual()
        table.update_cell("42", table.column_keys[1], Text("idée 42 reformulée"), update_width=True)
        table.move_cursor(row=table.row_count - 3)
        await until(pilot, lambda: settled(app))
        await same_as_textual()
        assert "reformulée" in "".join(
            s.text for s in table.render_lines(table.region.reset_offset)
        )


async def test_the_scroll_bar_draws_as_textual_while_a_short_list_grows_and_scrolls() -> None:
    """The bar styled line by line: its thumb grows, shrinks and moves as Textual draws it."""
    from textual.scrollbar import ScrollBar

    app = LongTableApp()
    async with app.run_test(size=(60, 20)) as pilot:
        table = app.query_one(KeyedTable)
        table.sync([(str(n), (Text(str(n)), Text(f"idée {n}"))) for n in range(1, 16)])
        for n in range(16, 40):
            table.append_row(str(n), (Text(str(n)), Text(f"idée {n}")))
            table.move_cursor(row=table.row_count - 1 if n % 7 else 0)
            await until(pilot, lambda: settled(app))
            bar = table.vertical_scrollbar
            if not bar.display:
                continue
            crop = bar.region.reset_offset
            kept = styled(bar.render_lines(crop))
            bar._styles_cache.clear()
            bar.refresh()
            assert kept == styled(ScrollBar.render_lines(bar, crop))
        assert table.vertical_scrollbar.display  # the list outgrew the table
        lit = [line for line in bar_text(table) if "1" in line]
        assert 0 < len(lit) < bar.region.height  # a thumb, not a whole lit bar


async def test_a_table_closed_before_its_row_is_drawn_ahead_does_not_crash() -> None:
    """The cursor moved, then the dialog holding the table closed in the same burst of keys."""
    from textual.screen import ModalScreen

    class Dialog(ModalScreen[None]):
        def compose(self) -> ComposeResult:
            yield KeyedTable(["N°", "Nom"])

    app = TableApp()
    async with app.run_test(size=(60, 20)) as pilot:
        for _ in range(3):
            dialog = Dialog()
            await app.push_screen(dialog)
            table = dialog.query_one(KeyedTable)
            table.sync([(str(n), (Text(str(n)), Text(f"nom {n}"))) for n in range(1, 6)])
            table.move_cursor(row=3)  # draws row 3 ahead after the next refresh...
            app.pop_screen()  # ...which comes once the dialog is gone
            await until(pilot, lambda d=dialog: settled(app) and app.screen is not d)
        assert app.is_running and isinstance(app.query_one(KeyedTable), KeyedTable)
