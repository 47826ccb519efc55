"""The grid drawn in text: one pure renderer for the TUI widget and the minutes.

``render_grid(entries, kind)`` returns lines: the y axis label, the corner
captions of the method (fiche 1), a 3 x 3 box whose rows are the impact (or
spread) levels and whose columns are the mastery (or founded) levels, the
column labels and x axis label, then a legend number -> title.

In a cell, ``7`` is item 7's present position and ``7'`` its future one; the
present mark carries an arrow towards the future column when they differ
(``7→`` the mastery grows, ``7←`` it drops). Fiche 2 has one mark, ``7``.

Widths are measured in terminal cells (``rich.cells.cell_len``), so accented,
CJK and emoji text keep the columns straight. A crowded cell wraps onto more
lines, or, with ``max_cell_lines``, ends in ``+N`` (N marks not shown).
``max_title`` truncates legend titles with an ellipsis (the TUI); without it
(the minutes) they are kept whole.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, get_character_cell_size

from sessions.grid.placement import LEVELS, GridEntry
from sessions.i18n import t
from sessions.models.grid import GridKind, Level

ELLIPSIS = "…"


def fits(text: str, max_cells: int) -> bool:
    """Whether ``text`` takes at most ``max_cells`` terminal cells.

    No character takes more than two cells and an ASCII one more than one (a
    control, none): text short enough fits without measuring it (most lines of
    a drawing already cut to the widget's width).
    """
    if 2 * len(text) <= max_cells or (len(text) <= max_cells and text.isascii()):
        return True
    return cell_len(text) <= max_cells


def truncate(text: str, max_cells: int) -> str:
    """``text`` cut to at most ``max_cells`` terminal cells, ending in ``…`` when cut."""
    if fits(text, max_cells):
        return text
    if max_cells <= 0:
        return ""
    out: list[str] = []
    used = 0
    for ch in text:
        size = get_character_cell_size(ch)
        if used + size > max_cells - 1:
            break
        out.append(ch)
        used += size
    return "".join(out) + ELLIPSIS


def pad(text: str, width: int, align: str = "left") -> str:
    """``text`` padded with spaces to ``width`` cells (never cut)."""
    gap = max(0, width - cell_len(text))
    if align == "right":
        return " " * gap + text
    if align == "center":
        left = gap // 2
        return " " * left + text + " " * (gap - left)
    return text + " " * gap


_ORDER = {level: i for i, level in enumerate(LEVELS)}


def marks(entry: GridEntry, kind: GridKind) -> list[tuple[Level, str]]:
    """The (column, mark) pairs one item puts in its row."""
    n = str(entry.number)
    if kind != GridKind.IMPACT_MASTERY:
        return [(entry.present, n)] if entry.present else []
    present, future = entry.present, entry.future
    out: list[tuple[Level, str]] = []
    if present is not None:
        arrow = ""
        if future is not None and future != present:
            arrow = "→" if _ORDER[future] > _ORDER[present] else "←"
        out.append((present, n + arrow))
    if future is not None:
        out.append((future, n + "'"))
    return out


def _pack(
    tokens: Sequence[str], width: int, max_lines: int | None = None
) -> tuple[list[str], list[int], bool]:
    """Greedy packing: the lines, how many tokens each line holds, and whether cut.

    Each token is measured once and a line's width kept as it grows (measuring
    every candidate line cost most of a crowded grid's drawing). With
    ``max_lines``, packing stops when a token would start one line more: the
    lines so far are returned with ``True`` (a cell of thousands of marks packs
    only the few lines it shows).
    """
    lines: list[str] = []
    counts: list[int] = []
    current: list[str] = []
    used = 0
    for token in tokens:
        size = len(token) if token.isascii() else cell_len(token)
        if current and used + 1 + size > width:
            lines.append(" ".join(current))
            counts.append(len(current))
            current = []
        if current:
            used += size + 1
            current.append(token)
            continue
        if max_lines is not None and len(lines) >= max_lines:
            return lines, counts, True
        current, used = [token], size
    if current:
        lines.append(" ".join(current))
        counts.append(len(current))
    return lines, counts, False


def wrap_marks(tokens: Sequence[str], width: int, max_lines: int | None = None) -> list[str]:
    """Pack ``tokens`` into lines of ``width`` cells; past ``max_lines``, end with ``+N``.

    Greedy packing keeps prefixes (a prefix of the tokens packs into the same
    first lines), so only the tokens of the first ``max_lines`` lines can be
    kept: packing stops there, and the search for room for ``+N`` re-packs
    only those, which keeps a cell of thousands of marks as cheap as a few.
    """
    lines, counts, cut = _pack(tokens, width, max_lines)
    if not cut or max_lines is None:  # cut only with a cap
        return lines
    for count in range(sum(counts), -1, -1):
        trial, _, _ = _pack([*tokens[:count], f"+{len(tokens) - count}"], width)
        if len(trial) <= max_lines:
            return trial
    return []


def _labels(kind: GridKind, lang: str | None) -> tuple[str, str]:
    if kind == GridKind.IMPACT_MASTERY:
        return t("grid.axis.impact", lang), t("grid.axis.mastery", lang)
    return t("grid.axis.spread", lang), t("grid.axis.founded", lang)


def render_grid(
    entries: Sequence[GridEntry],
    kind: GridKind = GridKind.IMPACT_MASTERY,
    *,
    lang: str | None = None,
    horizon: int | None = None,
    cell_width: int = 16,
    max_cell_lines: int | None = None,
    max_title: int | None = None,
    legend: bool = True,
) -> list[str]:
    """The grid as lines of text (see the module docstring)."""
    width = max(7, cell_width)
    inner = width - 2
    y_label, x_label = _labels(kind, lang)
    level_names = {lv: t(f"grid.level.{lv.value}", lang) for lv in LEVELS}
    label_w = max(cell_len(name) for name in level_names.values()) + 1
    margin = " " * label_w
    box_w = label_w + 3 * width + 4

    lines: list[str] = [f"{y_label} ▲"]
    if kind == GridKind.IMPACT_MASTERY:
        corner = t("grid.corner.top_right", lang)
        lines.append(margin + pad(corner, box_w - label_w, "right"))
    lines.append(margin + "┌" + "┬".join("─" * width for _ in LEVELS) + "┐")
    rows: dict[Level, dict[Level, list[str]]] = {r: {c: [] for c in LEVELS} for r in LEVELS}
    for entry in entries:  # each item sorted into its cells once
        row = rows.get(entry.impact)
        if row is not None:
            for column, mark in marks(entry, kind):
                row[column].append(mark)
    for row_i, row_level in enumerate(reversed(LEVELS)):
        cells = rows[row_level]
        wrapped = {lv: wrap_marks(cells[lv], inner, max_cell_lines) for lv in LEVELS}
        height = max(1, *(len(w) for w in wrapped.values()))
        for line_i in range(height):
            label = (
                pad(level_names[row_level], label_w - 1, "right") + " " if line_i == 0 else margin
            )
            parts = [
                " " + pad(wrapped[lv][line_i] if line_i < len(wrapped[lv]) else "", inner) + " "
                for lv in LEVELS
            ]
            lines.append(label + "│" + "│".join(parts) + "│")
        if row_i < len(LEVELS) - 1:
            lines.append(margin + "├" + "┼".join("─" * width for _ in LEVELS) + "┤")
    lines.append(margin + "└" + "┴".join("─" * width for _ in LEVELS) + "┘")
    lines.append(margin + " " + " ".join(pad(level_names[lv], width, "center") for lv in LEVELS))
    lines.append(margin + pad(f"{x_label} ▶", box_w - label_w, "right"))
    if kind == GridKind.IMPACT_MASTERY:
        lines.append(margin + t("grid.corner.bottom_left", lang))
    if legend:
        lines.extend(render_legend(entries, kind, lang=lang, horizon=horizon, max_title=max_title))
    return [line.rstrip() for line in lines]


def legend_height(entries: Sequence[GridEntry]) -> int:
    """How many lines ``render_legend`` returns, without drawing it (one per item, or one)."""
    return 2 + max(1, len(entries))


def render_legend(
    entries: Sequence[GridEntry],
    kind: GridKind = GridKind.IMPACT_MASTERY,
    *,
    lang: str | None = None,
    horizon: int | None = None,
    max_title: int | None = None,
) -> list[str]:
    """The legend under the grid: what the marks mean, then number -> title."""
    lines = [""]
    if kind == GridKind.IMPACT_MASTERY:
        lines.append(t("grid.legend.marks", lang, horizon=horizon or "?"))
    else:
        lines.append(t("grid.legend.one_mark", lang))
    if not entries:
        lines.append(t("grid.empty", lang))
        return lines
    num_w = max(len(str(e.number)) for e in entries)
    for entry in entries:
        title = " ".join(entry.title.split())  # runs of whitespace as one space, ends stripped
        placed = entry.present is not None or entry.future is not None
        suffix = "" if placed else " " + t("grid.unplaced", lang)
        if max_title is not None:
            title = truncate(title, max_title)
        lines.append(f"{entry.number:>{num_w}}  {title}{suffix}")
    return lines
