"""sessions.documents.text_table: tables laid out in lines of a given width (minutes preview)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from sessions.documents.text_table import MIN_COLUMN, column_widths, layout_table, wrap_cell

WORDS = st.text(alphabet=st.sampled_from(list("abcdéèàç会議🙂 |-#")), min_size=0, max_size=40).map(
    lambda s: " ".join(s.split())
)


def test_a_table_that_fits_keeps_natural_widths_and_alignment() -> None:
    table = layout_table(
        ["N°", "Idée", "Points"],
        [["1", "Fibre", "12"], ["10", "Tiers-lieux", "3"]],
        ["right", "left", "right"],
        width=80,
    )
    assert table.lines() == [
        " N° │ Idée        │ Points ",
        "────┼─────────────┼────────",
        "  1 │ Fibre       │     12 ",
        " 10 │ Tiers-lieux │      3 ",
    ]
    assert table.height == 4


def test_a_long_cell_wraps_on_words_in_a_narrow_table() -> None:
    reason = "il faudra former les élus et les agents avant 2036"
    table = layout_table(["N°", "Raison"], [["7", reason]], width=24)
    lines = table.lines()
    assert all(cell_len(line) <= 24 for line in lines)
    row = table.rows[0]
    assert len(row) > 1
    assert " ".join(line.split("│")[1].strip() for line in row) == reason


@settings(max_examples=150, deadline=None)
@given(
    headers=st.lists(WORDS, min_size=1, max_size=6),
    rows=st.lists(st.lists(WORDS, max_size=7), max_size=6),
    width=st.integers(min_value=10, max_value=140),
)
def test_every_line_has_the_table_width_and_no_text_is_lost(headers, rows, width) -> None:
    table = layout_table(headers, rows, width=width)
    lines = table.lines()
    widths = {cell_len(line) for line in lines}
    assert len(widths) == 1  # straight columns, whatever the characters
    columns = len(headers)
    fits = width - 2 - 3 * (columns - 1) >= MIN_COLUMN * columns
    if fits:
        assert widths.pop() <= width
    for row, row_lines in zip(rows, table.rows, strict=True):
        for i in range(columns):
            want = row[i] if i < len(row) else ""
            got = "".join(
                line.split(" │ ")[i].strip() if columns > 1 else line.strip() for line in row_lines
            )
            assert got.replace(" ", "") == want.replace(" ", "")


@given(
    st.lists(st.integers(min_value=1, max_value=200), min_size=1, max_size=10),
    st.integers(min_value=1, max_value=400),
)
def test_column_widths_fit_the_room_when_they_can(natural, room) -> None:
    widths = column_widths(natural, room)
    assert all(w <= max(n, MIN_COLUMN) for w, n in zip(widths, natural, strict=True))
    if sum(natural) <= room:
        assert widths == natural
    elif MIN_COLUMN * len(natural) <= room:
        assert sum(widths) <= room


def test_a_word_wider_than_its_column_is_cut() -> None:
    assert wrap_cell("会議会議会議", 4) == ["会議", "会議", "会議"]
    assert wrap_cell("", 3) == [""]
