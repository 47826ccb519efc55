"""The sheets in the minutes, as the guides lay them out: label / value tables, then tables.

``sheet_blocks(session, opts)`` is one of the minutes' sections
(``sessions.documents.minutes.SECTIONS``); it gives nothing for a session
without sheets, so such minutes are unchanged.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from sessions.documents.minutes_common import MinutesOptions
from sessions.documents.tree import Block, Heading, Paragraph, Table, strong
from sessions.i18n import tn
from sessions.sheets.catalog import FieldSpec, Kind, find_kind
from sessions.sheets.model import Sheet
from sessions.sheets.ops import visible
from sessions.sheets.rules import amount_text, has_own_title, table_rows, title_of, totals

if TYPE_CHECKING:
    from collections.abc import Callable

    from sessions.models import Session


def sheet_heading(sheet: Sheet, kind: Kind, lang: str, tr: Callable[..., str]) -> str:
    """A sheet's heading: "Solution n°2 : Bus", "Conclusion n°7" (no title repeating it)."""
    named = kind.display_title(lang)
    if not has_own_title(sheet, kind):
        return tr("sheets.form_heading", kind=named, number=sheet.number)
    return tr("sheets.minutes.title", kind=named, number=sheet.number, title=title_of(sheet, lang))


def value_text(spec: FieldSpec, value: object, opts: MinutesOptions) -> str:
    """A field's value as one cell's text (tables are shown apart)."""
    tr = opts.tr
    if value is None or value == "" or value == []:
        return tr("minutes.none")
    if spec.type == "yes_no":
        return tr("sheets.yes") if value else tr("sheets.no")
    if spec.type == "people" and isinstance(value, list):
        if not opts.names:
            return tn("sheets.people_count", len(value), opts.lang, count=len(value))
        return ", ".join(value)
    if spec.type == "choice" and isinstance(value, str):
        return spec.value_label(value, opts.lang)
    return " / ".join(line.strip() for line in str(value).splitlines() if line.strip())


def _cell(spec: FieldSpec, column: str, value: object, lang: str) -> str:
    col = spec.column(column)
    if value is None or value == "":
        return ""
    if col is not None and col.type == "number" and isinstance(value, int | float):
        return amount_text(value, lang)
    if col is not None and col.type == "choice" and isinstance(value, str):
        return col.value_label(value, lang)
    return str(value)


def _percent(value: Decimal | None, lang: str) -> str:
    if value is None:
        return ""
    return str(value).replace(".", ",") if lang == "fr" else str(value)


def table_block(spec: FieldSpec, value: object, opts: MinutesOptions, year: int) -> Table:
    """A table field, with its row totals, subtotals, total row and shares when it has them."""
    lang, tr = opts.lang, opts.tr
    columns = list(spec.columns)
    fixed = bool(spec.rows)
    figures = totals(spec, value) if spec.totals else None
    header = ([""] if fixed else []) + [c.display(lang, year) for c in columns]
    align = (["l"] if fixed else []) + ["r" if c.type == "number" else "l" for c in columns]
    if figures is not None:
        header.append(tr("sheets.total"))
        align.append("r")
        if spec.shares:
            header.append(tr("sheets.share"))
            align.append("r")

    def tail(total: Decimal) -> list[str]:
        if figures is None:
            return []
        shares = [_percent(figures.share_of(total), lang)] if spec.shares else []
        return [amount_text(total, lang), *shares]

    def figures_row(label: str, by_column: dict[str, Decimal], total: Decimal) -> list[str]:
        cells = [label] if fixed else []
        labelled = fixed
        for c in columns:
            if c.type == "number":
                cells.append(amount_text(by_column.get(c.key, Decimal(0)), lang))
            else:
                cells.append("" if labelled else label)
                labelled = True
        return cells + tail(total)

    labels = {r.key: r.display(lang) for r in spec.rows}
    subtotal_after = {(s.after or s.rows[-1]): s for s in spec.subtotals}
    rows: list[list[str]] = []
    for key, cells in table_rows(spec, value):
        if not fixed and not cells:
            continue
        row = [labels[key]] if fixed else []
        row += [_cell(spec, c.key, cells.get(c.key), lang) for c in columns]
        rows.append(row + (tail(figures.rows[key]) if figures is not None else []))
        if figures is not None and key in subtotal_after:
            sub = subtotal_after[key]
            amounts = figures.subtotals[sub.key]
            rows.append(figures_row(sub.display(lang), amounts, amounts["total"]))
    if figures is not None:
        label = spec.total_text(lang) or tr("sheets.total")
        rows.append(figures_row(label, figures.columns, figures.grand))
    return Table.of(header, rows, align)


def one_sheet(
    session: Session, sheet: Sheet, kind: Kind, opts: MinutesOptions, level: int = 3
) -> list[Block]:
    tr, lang = opts.tr, opts.lang
    heading = sheet_heading(sheet, kind, lang, tr)
    blocks: list[Block] = [Heading(level, heading)]
    if sheet.items:
        numbers = ", ".join(f"n°{n}" if lang == "fr" else f"#{n}" for n in sheet.items)
        colon = " : " if lang == "fr" else ": "
        blocks.append(Paragraph.of(strong(tr("sheets.items") + colon.rstrip()), " " + numbers))
    plain_rows = [
        [spec.display(lang), value_text(spec, sheet.fields.get(spec.key), opts)]
        for spec in kind.fields
        if spec.type != "table"
    ]
    if plain_rows:
        blocks.append(Table.of([tr("sheets.col.field"), tr("sheets.col.value")], plain_rows))
    for spec in kind.fields:
        if spec.type == "table" and spec.key in sheet.fields:
            blocks.append(Paragraph.of(strong(spec.display(lang))))
            blocks.append(table_block(spec, sheet.fields[spec.key], opts, session.date.year))
    return blocks


def sheet_blocks(session: Session, opts: MinutesOptions, level: int = 2) -> list[Block]:
    """The minutes' "Fiches" section: every sheet not deleted, in the group's order."""
    shown = [(sheet, find_kind(sheet.kind)) for sheet in visible(session)]
    if not shown:
        return []
    blocks: list[Block] = [Heading(level, opts.tr("sheets.minutes.heading"))]
    for sheet, kind in shown:
        if kind is not None:
            blocks.extend(one_sheet(session, sheet, kind, opts, level + 1))
    return blocks


def synthesis_blocks(session: Session, lang: str) -> list[Block]:
    """A group's sheets in the groups' synthesis (its written synthèse, its action sheets)."""
    return sheet_blocks(session, MinutesOptions(lang), level=3)
