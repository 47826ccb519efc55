"""The text grid: cell widths with accents, CJK and emoji, marks, crowded cells, legend."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from sessions.grid.drawing import render_grid, truncate, wrap_marks
from sessions.grid.placement import GridEntry
from sessions.models.grid import GridKind, Level

L, M, H = Level.LOW, Level.MEDIUM, Level.HIGH
TITLES = [
    "光纤网络全覆盖的未来计划",
    "Données 🚀 ouvertes 👩‍💻",
    "Télétravail à l'école",
    "한국어 제목",
]


def entries(n: int = 4, impact: Level = H) -> list[GridEntry]:
    out = []
    for i in range(n):
        present, future = [(L, H), (M, M), (H, L), (L, None)][i % 4]
        out.append(GridEntry(i + 1, TITLES[i % 4], "", 10 - i, impact, present, future, ""))
    return out


def box_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if any(ch in line for ch in "┌├└│")]


def test_box_lines_all_have_the_same_cell_width_and_straight_columns() -> None:
    for lang in ("fr", "en"):
        lines = render_grid(entries(12), lang=lang, cell_width=12, max_title=20, horizon=2036)
        box = box_lines(lines)
        assert len(box) >= 7
        widths = {cell_len(line) for line in box}
        assert len(widths) == 1, widths

        # the vertical bars sit at the same cell offsets on every line
        def bars(line: str) -> list[int]:
            offsets, pos = [], 0
            for ch in line:
                if ch in "│┌┐└┘├┤┬┴┼":
                    offsets.append(pos)
                pos += cell_len(ch)
            return offsets

        assert len({tuple(bars(line)) for line in box}) == 1
        # every legend line fits: number, two spaces, at most 20 cells of title
        legend = lines[lines.index("") + 2 :]
        assert legend and all(cell_len(line) <= 2 + 2 + 20 + 20 for line in legend)
        assert all(cell_len(line.split("  ", 1)[1].split(" (")[0]) <= 20 for line in legend)


def test_legend_titles_truncated_by_cells_for_the_tui() -> None:
    lines = render_grid(entries(4), cell_width=12, max_title=10)
    legend = lines[lines.index("") + 2 :]
    assert len(legend) == 4
    for line in legend:
        _number, title = line.split("  ", 1)
        assert cell_len(title) <= 10
    assert any(line.endswith("…") for line in legend)
    assert truncate("会" * 300, 11) == "会" * 5 + "…"
    assert cell_len(truncate("👩‍💻👩‍💻👩‍💻", 3)) <= 3


def test_minutes_keep_full_titles() -> None:
    lines = render_grid(entries(4))
    for title in TITLES:
        assert any(line.endswith(title) for line in lines)


def test_present_and_future_told_apart_with_arrows() -> None:
    text = "\n".join(render_grid(entries(4), cell_width=20))
    assert "1→" in text and "1'" in text  # grows
    assert "2 2'" in text  # same column, no arrow
    assert "3←" in text and "3'" in text  # drops
    assert "4 " in text or "4" in text
    assert "4'" not in text  # no future yet
    assert "impact fort et très bonne maîtrise" in text
    assert "faible maîtrise et faible impact" in text


def test_rows_follow_the_impact() -> None:
    items = [
        GridEntry(1, "a", "", 9, H, H, H, ""),
        GridEntry(2, "b", "", 5, M, M, M, ""),
        GridEntry(3, "c", "", 1, L, L, L, ""),
    ]
    lines = render_grid(items, cell_width=10, legend=False)
    row_of = {
        label: next(i for i, line in enumerate(lines) if line.strip().startswith(label))
        for label in ("fort", "moyen", "faible │")
    }
    assert row_of["fort"] < row_of["moyen"] < row_of["faible │"]
    assert "3 3'" in lines[row_of["faible │"]]


def test_crowded_cell_wraps_or_shows_plus_n() -> None:
    many = [GridEntry(i, f"t{i}", "", 5, H, L, L, "") for i in range(1, 21)]
    wrapped = render_grid(many, cell_width=10, legend=False)
    assert len(box_lines(wrapped)) > 7
    capped = render_grid(many, cell_width=10, max_cell_lines=2, legend=False)
    text = "\n".join(capped)
    assert "+" in text
    shown = wrap_marks([str(i) for i in range(1, 41)], 8, max_lines=2)
    assert len(shown) == 2 and shown[-1].split()[-1].startswith("+")
    hidden = int(shown[-1].split()[-1][1:])
    assert len(" ".join(shown).split()) - 1 + hidden == 40
    assert all(cell_len(line) <= 8 for line in shown)


def test_spread_founded_grid() -> None:
    items = [GridEntry(1, "Le numérique détruit l'emploi", "", 5, H, L, None, "")]
    text = "\n".join(render_grid(items, GridKind.SPREAD_FOUNDED, lang="fr"))
    assert "Répandue ▲" in text and "Fondée ▶" in text and "1'" not in text
    assert "impact fort" not in text
    en = "\n".join(render_grid(items, GridKind.SPREAD_FOUNDED, lang="en"))
    assert "Widespread ▲" in en and "Well-founded ▶" in en


def _reference_wrap(tokens: list[str], width: int, max_lines: int | None = None) -> list[str]:
    """The first definition, re-packing every prefix (quadratic): the behaviour to keep."""
    lines: list[str] = []
    current = ""
    for token in tokens:
        candidate = f"{current} {token}" if current else token
        if current and cell_len(candidate) > width:
            lines.append(current)
            current = token
        else:
            current = candidate
    if current:
        lines.append(current)
    if max_lines is None or len(lines) <= max_lines:
        return lines
    for count in range(len(tokens), -1, -1):
        trial = _reference_wrap([*tokens[:count], f"+{len(tokens) - count}"], width)
        if len(trial) <= max_lines:
            return trial
    return []


@settings(max_examples=300, deadline=None)
@given(
    tokens=st.lists(st.text(alphabet="1234567890'é漢", min_size=1, max_size=6), max_size=60),
    width=st.integers(1, 20),
    max_lines=st.one_of(st.none(), st.integers(0, 6)),
)
def test_wrap_marks_same_as_the_prefix_search(tokens, width, max_lines) -> None:
    assert wrap_marks(tokens, width, max_lines) == _reference_wrap(tokens, width, max_lines)


def test_wrap_marks_of_thousands_is_linear() -> None:
    """5,000 marks in one capped cell: re-packing every prefix took seconds."""
    tokens = [f"{n}'" for n in range(1, 5001)]
    shown = wrap_marks(tokens, 14, max_lines=3)
    assert len(shown) == 3 and shown[-1].endswith(f"+{5000 - len(' '.join(shown).split()) + 1}")
