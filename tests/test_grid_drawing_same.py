"""The grid drawn in linear time is the same text, byte for byte, as before.

``tests/grid_drawing_reference.py`` keeps the drawing as it was (each row walked
every item, every crowded cell packed to its last mark, titles cleaned by a
regex); hypothesis draws item sets of any size, titles of all of Unicode
(controls, spaces of every kind, wide and zero-width characters), both grids,
any cell width, cap and title width, in French and English.
"""

from __future__ import annotations

import grid_drawing_reference as reference
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from sessions.grid import drawing
from sessions.grid.placement import GridEntry
from sessions.models.grid import GridKind, Level

LEVEL = st.sampled_from(list(Level))
MAYBE_LEVEL = st.one_of(st.none(), LEVEL)
TEXT = st.one_of(
    st.text(max_size=60),  # all of Unicode, controls and surrogate-free planes included
    st.text(alphabet=" \t\n\u00a0\u2003\u200b\u200d\ufe0f\x1c\x85éa漢👩‍💻\x07", max_size=30),
)


@st.composite
def grid_entries(draw: st.DrawFn, max_size: int = 40) -> list[GridEntry]:
    numbers = draw(st.lists(st.integers(1, 12000), unique=True, max_size=max_size))
    return [
        GridEntry(
            number=n,
            title=draw(TEXT),
            description="",
            points=draw(st.integers(0, 50)),
            impact=draw(LEVEL),
            present=draw(MAYBE_LEVEL),
            future=draw(MAYBE_LEVEL),
            reason="",
        )
        for n in numbers
    ]


@settings(max_examples=400, deadline=None)
@given(
    entries=grid_entries(),
    kind=st.sampled_from(list(GridKind)),
    cell_width=st.integers(1, 24),
    max_cell_lines=st.one_of(st.none(), st.integers(0, 4)),
    max_title=st.one_of(st.none(), st.integers(0, 50)),
    lang=st.sampled_from(["fr", "en"]),
    legend=st.booleans(),
)
def test_render_grid_is_the_reference_byte_for_byte(
    entries, kind, cell_width, max_cell_lines, max_title, lang, legend
) -> None:
    options = {
        "lang": lang,
        "horizon": 2036,
        "cell_width": cell_width,
        "max_cell_lines": max_cell_lines,
        "max_title": max_title,
        "legend": legend,
    }
    assert drawing.render_grid(entries, kind, **options) == reference.render_grid(
        entries, kind, **options
    )


@settings(max_examples=150, deadline=None)
@given(entries=grid_entries(max_size=400), cap=st.integers(1, 4))
def test_crowded_cells_are_the_reference(entries, cap) -> None:
    """Hundreds of marks in a few cells, capped as F6 caps them: the same ``+N`` lines."""
    options = {"cell_width": 9, "max_cell_lines": cap, "max_title": 12}
    kind = GridKind.IMPACT_MASTERY
    assert drawing.render_grid(entries, kind, **options) == reference.render_grid(
        entries, kind, **options
    )


@settings(max_examples=300, deadline=None)
@given(text=TEXT, max_cells=st.integers(-2, 40))
def test_truncate_is_the_reference(text: str, max_cells: int) -> None:
    assert drawing.truncate(text, max_cells) == reference.truncate(text, max_cells)
    assert drawing.fits(text, max_cells) == (cell_len(text) <= max_cells)


@settings(max_examples=100, deadline=None)
@given(entries=grid_entries(), kind=st.sampled_from(list(GridKind)))
def test_legend_height_counts_the_legend_lines(entries, kind) -> None:
    """F6 holds the drawing's height before its first layout from this count."""
    assert drawing.legend_height(entries) == len(drawing.render_legend(entries, kind))


def test_a_full_cell_packs_only_the_lines_it_shows(monkeypatch) -> None:
    """A capped cell of 5,000 marks measures the marks of its few lines, not all of them."""
    measured: list[str] = []
    real = drawing.cell_len

    def counting(text: str) -> int:
        measured.append(text)
        return real(text)

    monkeypatch.setattr(drawing, "cell_len", counting)
    tokens = [f"{n}→" for n in range(1, 5001)]  # not ASCII: each one measured by cell_len
    shown = drawing.wrap_marks(tokens, 14, max_lines=3)
    assert shown == reference.wrap_marks(tokens, 14, max_lines=3)
    kept = len(" ".join(shown).split()) - 1  # the marks shown, then "+N"
    assert len(shown) == 3 and shown[-1].endswith(f"+{5000 - kept}")
    assert len(measured) < 40  # the marks of three lines and the tries for "+N"
