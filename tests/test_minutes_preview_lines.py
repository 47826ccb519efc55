"""F7's preview draws its tables a row at a time: the same lines as the whole layout,
only the rows on screen kept, the end of a long document reached with the keys."""

from __future__ import annotations

import html
import re

from grid_examples import full_session
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.fixtures import build_session
from sessions.documents.text_table import layout_table
from sessions.i18n import set_language, t
from tests.waits import until
from tui.app import make_app
from tui.widgets.minutes_preview import MinutesPreview
from tui.widgets.minutes_preview_lines import (
    LINES_KEPT,
    ROWS_KEPT,
    PreviewLines,
    TablePiece,
    record_row,
)

WORDS = st.text(alphabet=st.sampled_from("aé中 b-x"), max_size=14)


def drawn(table: TablePiece, width: int) -> list[tuple[str, str]]:
    return [table.text_line(y, width) for y in range(table.height(None, width))]  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(
    headers=st.lists(WORDS, min_size=1, max_size=5),
    cells=st.lists(st.lists(WORDS, min_size=5, max_size=5), max_size=12),
    width=st.integers(10, 90),
    order=st.randoms(use_true_random=False),
)
def test_a_table_drawn_row_by_row_shows_the_whole_layout(headers, cells, width, order) -> None:
    rows = [tuple(row[: len(headers)]) for row in cells]
    justify = ["left", "right", "center", "left", "right"][: len(headers)]
    table = TablePiece(headers, rows, justify)
    height = table.height(None, width)  # type: ignore[arg-type]
    wanted = list(range(height))
    order.shuffle(wanted)  # rows come into view in any order (scrolling up, jumping to the end)
    seen = {y: table.text_line(y, width) for y in wanted}
    lines = [seen[y] for y in range(height)]
    if table.layout(width)[1] is not None:  # the columns fit: the whole table's layout
        whole = layout_table(headers, rows, justify, width).lines()
        assert [text for text, _kind in lines] == whole
        kinds = [kind for _text, kind in lines]
        rule = kinds.index("dim")  # the header in bold, the rule under it dim, then the rows
        assert set(kinds[:rule]) == {"bold"} and set(kinds[rule + 1 :]) <= {"plain"}
    else:  # one record a row, one after the other
        records = [line for row in rows for line in record_row(headers, row, width)[0]]
        assert [text for text, _kind in lines] == records
    assert len(table._rows) <= ROWS_KEPT


def test_a_table_too_narrow_for_its_words_shows_records_with_their_heads_in_bold() -> None:
    set_language("fr")
    table = TablePiece(
        ["N°", "Idée", "Auteur"], [("1", "Fibre optique partout", "Alice Martin")], ["r"] * 3
    )
    assert drawn(table, 20) == [
        ("1 · Fibre optique", "bold"),
        ("partout", "bold"),
        ("  Auteur : Alice", "plain"),
        ("  Martin", "plain"),
        ("", "plain"),
    ]
    assert drawn(table, 60)[0] == (" N° │ Idée                  │ Auteur       ", "bold")
    assert drawn(table, 60)[1][1] == "dim"  # the rule under the header


def screen_text(app) -> str:
    """What the terminal shows, line by line (read from Textual's own screenshot)."""
    svg = app.export_screenshot()
    rows: dict[str, list[str]] = {}
    for y, body in re.findall(r'<text[^>]*\by="([0-9.]+)"[^>]*>(.*?)</text>', svg, re.S):
        rows.setdefault(y, []).append(html.unescape(re.sub(r"<[^>]+>", "", body)))
    lines = ["".join(parts) for _, parts in sorted(rows.items(), key=lambda r: float(r[0]))]
    return "\n".join(lines).replace("\u00a0", " ")


async def test_a_long_preview_lays_out_only_what_comes_on_screen_and_scrolls_to_its_end(
    store, clock, monkeypatch
) -> None:
    set_language("fr")
    laid_out: list[int] = []  # the table rows laid out, as they come into view
    row_lines = TablePiece.row_lines

    def counted(self: TablePiece, index: int, width: int) -> tuple[list[str], int]:
        laid_out.append(index)
        return row_lines(self, index, width)

    monkeypatch.setattr(TablePiece, "row_lines", counted)
    session = build_session(400)
    store.create(session)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f7")
        preview = await until(pilot, lambda: app.screen.query_one("#minutes-md", MinutesPreview))
        await until(pilot, lambda: preview.tables() and "Compte-rendu" in screen_text(app))
        tables = preview.tables()
        ideas = next(piece for _w, piece in tables if len(piece.rows) == 400)
        assert len(laid_out) < 24  # the first screen's rows, not the 800 of the two long tables
        assert all(len(w._lines) <= LINES_KEPT for w in preview.query(PreviewLines))
        assert session.ideas[-1].text not in screen_text(app)
        await pilot.press("end")  # the preview has the focus: to the end of the minutes
        note = t("minutes.generated")
        shown = await until(pilot, lambda: note in screen_text(app) and screen_text(app))
        assert note in shown
        await pilot.press("home")
        shown = await until(pilot, lambda: "Compte-rendu" in screen_text(app) and screen_text(app))
        assert note not in shown
        preview.scroll_to_table(-1)  # the last table (the vote's ranking) at the top
        last = tables[-1][1].text_line(0, tables[-1][0].size.width)[0].strip()
        shown = await until(pilot, lambda: last in screen_text(app) and screen_text(app))
        assert last.split()[0] in shown
        assert len(ideas._rows) <= ROWS_KEPT  # rows scrolled past let go


async def test_a_new_theme_redraws_the_preview_in_its_colours(store, clock) -> None:
    s = full_session()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f7")
        lines = await until(pilot, lambda: app.screen.query_one(PreviewLines))

        def title_colour() -> str:  # the title, on the preview's second line
            strip = lines.render_line(1)
            return next(seg.style.color.triplet.hex for seg in strip if seg.text.strip())

        before = await until(pilot, title_colour)
        assert before == app.theme_variables["primary"].lower()
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        after = await until(pilot, lambda: title_colour() != before and title_colour())
        assert after == app.theme_variables["primary"].lower()


async def test_text_selected_with_the_mouse_across_blocks_and_a_table_is_what_is_shown(
    store, clock
) -> None:
    set_language("fr")
    s = full_session()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f7")
        lines = await until(pilot, lambda: app.screen.query_one(PreviewLines))
        await until(pilot, lambda: lines.size.height > 0 and "Animation" in screen_text(app))
        starts = lines.starts(lines.size.width)[0]
        table = next(i for i, piece in enumerate(lines.pieces) if isinstance(piece, TablePiece))
        x, y = lines.region.x, lines.region.y
        top = y + starts[1] + 1  # the bullet list's second item: "Lieu : ..."
        await pilot.mouse_down(offset=(x + 3, top))  # on its "i"
        await pilot.hover(offset=(x + 30, y + starts[table] + 2))  # the table's first row
        await pilot.mouse_up(offset=(x + 30, y + starts[table] + 2))
        selected = await until(pilot, lambda: app.screen.get_selected_text())
        assert selected.startswith("ieu\u202f: ")  # from the second letter pressed on
        assert "\nAnimation\n" in selected  # the heading between, on its own line
        assert " Rôle " in selected and "•" not in selected  # the table's header, no bullet
        assert lines.text_selection is not None
        drawn = lines.render_line(top - y)  # the selected part in its own style
        styles = {seg.text[:3]: seg.style for seg in drawn}
        assert styles["L"] != styles["ieu"]  # "L" before the selection, "ieu" in it
