"""A sheet's values as the form shows them and reads them back: tables as lines of cells.

Fixed rows (costs, fundings) start with their label; a refusal names the field,
its row and its column as the form shows them, never by their keys.
"""

from __future__ import annotations

from sessions.i18n import get_language
from sessions.sheets.catalog import Column, FieldSpec
from sessions.sheets.rules import SheetError, table_rows

CELL_SEPARATOR = " | "


def cell_text(column: Column, value: object) -> str:
    """A cell as typed back: amounts ``2 000,50`` in French, ``2000.50`` in English."""
    from sessions.sheets.rules import amount_text

    if column.type != "number" or isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if get_language() == "en":
        return amount_text(value, "en").replace(",", "")
    return amount_text(value, "fr")


def table_text(spec: FieldSpec, value: object, year: int) -> str:
    """A table as lines of cells separated by ``|`` (fixed rows start with their label)."""
    lines = []
    for key, cells in table_rows(spec, value):
        texts = [cell_text(c, cells.get(c.key, "")) for c in spec.columns]
        if spec.rows:
            label = next(r for r in spec.rows if r.key == key).display(get_language(), year)
            texts.insert(0, label)
        lines.append(CELL_SEPARATOR.join(texts).rstrip())
    return "\n".join(lines)


def parse_table(spec: FieldSpec, text: str, year: int | None = None) -> object:
    """The lines typed back into rows.

    Fixed rows (costs, fundings) go by their label when a line starts with it, in
    either language; a line without it is the next row's cells (never its first
    amount taken for a label). More lines than rows is refused with the reason.
    """
    lines = [line for line in text.splitlines() if line.strip()]
    if not spec.rows:
        return [_cells(spec, line.split("|"), line, year) for line in lines]
    labels = {
        r.display(lang, year).strip().casefold(): n
        for n, r in enumerate(spec.rows)
        for lang in ("fr", "en")
    }
    found: dict[int, dict[str, str]] = {}
    place = 0
    for line in lines:
        cells = line.split("|")
        labelled = labels.get(cells[0].strip().casefold())
        too_many = len(cells) > len(spec.columns)
        # A digit of any script (isdigit, on purpose): "١٢٠٠" is an amount the parser refuses
        # with its reason, never a label dropped without a word.
        if labelled is not None or (too_many and not any(c.isdigit() for c in cells[0])):
            cells = cells[1:]  # its label (or a label mistyped: never an amount)
        row = _cells(spec, cells, line, year)
        if labelled is None:
            if place >= len(spec.rows):
                raise SheetError(
                    "sheets.err.extra_rows",
                    field=spec.display(get_language()),
                    lines=len(lines),
                    count=len(spec.rows),
                    rows=", ".join(r.display(get_language(), year) for r in spec.rows),
                )
            labelled = place
        if row or labelled not in found:  # a bare label does not undo the amounts typed above
            found[labelled] = row
        place = labelled + 1
    return {spec.rows[n].key: row for n, row in sorted(found.items()) if row}


def _cells(spec: FieldSpec, cells: list[str], line: str, year: int | None) -> dict[str, str]:
    """One row's cells by column; a value beyond the last column is refused, never dropped."""
    if any(v.strip() for v in cells[len(spec.columns) :]):
        lang = get_language()
        raise SheetError(
            "sheets.err.extra_cells",
            field=spec.display(lang),
            line=line.strip(),
            cells=len([v for v in cells if v.strip()]),
            count=len(spec.columns),
            columns=" | ".join(c.display(lang, year) for c in spec.columns),
        )
    return {c.key: v.strip() for c, v in zip(spec.columns, cells, strict=False) if v.strip()}


def empty_rows_text(spec: FieldSpec, year: int) -> str:
    """A fixed-row table not filled in yet: each row's label, where its amounts follow."""
    return "\n".join(r.display(get_language(), year) + " |" for r in spec.rows)


def field_text(spec: FieldSpec, value: object, year: int) -> str:
    if value is None:
        return ""
    if spec.type == "table":
        return table_text(spec, value, year)
    if spec.type == "people" and isinstance(value, list):
        return "\n".join(value)
    return str(value)


def labelled_refusal(spec: FieldSpec, refusal: SheetError, year: int) -> SheetError:
    """``refusal`` naming the field, its row and its column by the labels the form shows
    ("Coûts prévisionnels (TTC)", "Dépenses de fonctionnement, 2028+"), not their keys."""
    lang = get_language()
    values = dict(refusal.values)
    field = str(values.get("field", ""))
    if field == spec.key:
        values["field"] = spec.display(lang)
    elif field.startswith(spec.key + "."):  # a choice cell: field.column
        column = spec.column(field.removeprefix(spec.key + "."))
        values["field"] = spec.display(lang) + (f", {column.display(lang, year)}" if column else "")
    if "where" in values:
        row_key, _, column_key = str(values["where"]).partition(", ")
        row = next((r for r in spec.rows if r.key == row_key), None)
        column = spec.column(column_key)
        row_text = row.display(lang, year) if row else row_key
        values["where"] = f"{row_text}, {column.display(lang, year) if column else column_key}"
    return SheetError(refusal.key, because=refusal.because, **values)
