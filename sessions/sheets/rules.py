"""What a sheet may hold: each value checked against its kind, and the computed totals.

``check_value`` turns what a user or a file gives (TOML values, typed text) into
the stored value, or raises ``SheetError`` naming the sheet, the field and what
is allowed. Amounts are summed as decimals, never as binary floats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sessions.core.errors import DomainError, Phrase
from sessions.i18n import get_language, t
from sessions.sheets.catalog import FieldSpec, Kind, builtin_kinds, find_kind
from sessions.sheets.model import Cell, FieldValue, Sheet

MAX_TEXT = 20_000  # characters of one field
MAX_ROWS = 200
_AMOUNT = re.compile(r"[0-9]+(?:[.,][0-9]{1,2})?")
MAX_AMOUNT = 10**15  # euros: far above any budget, and exact in a float
_YES = {"oui", "yes", "o", "y", "true"}
_NO = {"non", "no", "n", "false"}


class SheetError(DomainError):
    """A refused sheet or value: ``str()`` is the translated reason (when shown)."""


def _listing(values: Any) -> str:
    return ", ".join(str(v) for v in values)


def kind_or_refuse(name: object, sheet: str) -> Kind:
    kind = find_kind(name) if isinstance(name, str) else None
    if kind is None:
        allowed = _listing(k.kind for k in builtin_kinds())
        raise SheetError("sheets.err.unknown_kind", sheet=sheet, kind=name, allowed=allowed)
    return kind


def spec_or_refuse(kind: Kind, key: object, sheet: str) -> FieldSpec:
    spec = kind.field(key) if isinstance(key, str) else None
    if spec is None:
        raise SheetError(
            "sheets.err.unknown_field",
            sheet=sheet,
            kind=kind.kind,
            field=key,
            allowed=_listing(kind.keys),
        )
    return spec


def parse_amount(text: str) -> int | float:
    """``1500``, ``1 500``, ``1500,50``: ASCII digits, spaces, two decimals at most."""
    value = re.sub(r"[\s\u00a0\u202f]", "", text)
    if not _AMOUNT.fullmatch(value):
        raise ValueError(text)
    number = Decimal(value.replace(",", "."))
    return int(number) if number == number.to_integral_value() else float(number)


def _cell(spec: FieldSpec, column: str, raw: object, sheet: str, where: str) -> Cell | None:
    col = spec.column(column)
    if col is None:
        raise SheetError(
            "sheets.err.unknown_column",
            sheet=sheet,
            field=spec.key,
            column=column,
            allowed=_listing(c.key for c in spec.columns),
        )
    if raw is None or raw == "":
        return None
    if col.type == "number":
        if isinstance(raw, bool):
            raw = str(raw)
        if isinstance(raw, int | float) and 0 <= raw <= MAX_AMOUNT:
            return raw
        try:
            amount = parse_amount(str(raw))
        except ValueError:
            if isinstance(raw, int | float) and raw > MAX_AMOUNT:  # 2e15, 10**20
                amount = MAX_AMOUNT + 1
            else:
                raise SheetError(
                    "sheets.err.amount", sheet=sheet, field=spec.key, where=where, value=raw
                ) from None
        if amount > MAX_AMOUNT:  # typed, imported as text, or a number too large
            raise SheetError(
                "sheets.err.amount_too_big",
                sheet=sheet,
                field=spec.key,
                where=where,
                value=raw,
                most=amount_text(MAX_AMOUNT),
            )
        return amount
    text = raw if isinstance(raw, str) else str(raw)
    if col.type == "choice" and text not in col.values:
        raise SheetError(
            "sheets.err.choice",
            sheet=sheet,
            field=f"{spec.key}.{column}",
            value=text,
            allowed=_listing(col.values),
        )
    return text[:MAX_TEXT]


def _row(spec: FieldSpec, raw: object, sheet: str, where: str) -> dict[str, Cell]:
    if not isinstance(raw, dict):
        raise SheetError(
            "sheets.err.type", sheet=sheet, field=spec.key, expected=Phrase("sheets.type.table")
        )
    row: dict[str, Cell] = {}
    for column, value in raw.items():
        cell = _cell(spec, str(column), value, sheet, f"{where}, {column}")
        if cell is not None:
            row[str(column)] = cell
    return row


def _table(spec: FieldSpec, raw: object, sheet: str) -> FieldValue | None:
    if spec.rows:
        if not isinstance(raw, dict):
            raise SheetError(
                "sheets.err.type", sheet=sheet, field=spec.key, expected=Phrase("sheets.type.table")
            )
        keys = [r.key for r in spec.rows]
        fixed: dict[str, dict[str, Cell]] = {}
        for row_key, value in raw.items():
            if row_key not in keys:
                raise SheetError(
                    "sheets.err.unknown_row",
                    sheet=sheet,
                    field=spec.key,
                    row=row_key,
                    allowed=_listing(keys),
                )
            row = _row(spec, value, sheet, str(row_key))
            if row:
                fixed[str(row_key)] = row
        return {k: fixed[k] for k in keys if k in fixed} or None
    if not isinstance(raw, list):
        raise SheetError(
            "sheets.err.type", sheet=sheet, field=spec.key, expected=Phrase("sheets.type.table")
        )
    rows = [_row(spec, value, sheet, str(i)) for i, value in enumerate(raw[:MAX_ROWS], 1)]
    return [row for row in rows if row] or None


def check_value(spec: FieldSpec, raw: object, sheet: str) -> FieldValue | None:
    """The stored value of ``raw`` for field ``spec``; None when it is empty."""
    expected = t(f"sheets.type.{spec.type}")
    if spec.type == "table":
        return _table(spec, raw, sheet)
    if spec.type == "yes_no":
        if isinstance(raw, bool):
            return raw
        word = raw.strip().lower() if isinstance(raw, str) else None
        if word == "":
            return None
        if word in _YES or word in _NO:
            return word in _YES
        raise SheetError("sheets.err.type", sheet=sheet, field=spec.key, expected=expected)
    if spec.type == "people":
        if isinstance(raw, str):
            raw = raw.splitlines()
        if not isinstance(raw, list) or not all(isinstance(n, str) for n in raw):
            raise SheetError("sheets.err.type", sheet=sheet, field=spec.key, expected=expected)
        names = [n.strip()[:MAX_TEXT] for n in raw[:MAX_ROWS] if n.strip()]
        return names or None
    if not isinstance(raw, str):
        raise SheetError("sheets.err.type", sheet=sheet, field=spec.key, expected=expected)
    text = raw.strip()[:MAX_TEXT]
    if spec.type == "text":
        text = " ".join(text.split())
    if spec.type == "choice" and text and text not in spec.values:
        raise SheetError(
            "sheets.err.choice",
            sheet=sheet,
            field=spec.key,
            value=text,
            allowed=_listing(spec.values),
        )
    return text or None


def check_fields(kind: Kind, raw: dict[str, object], sheet: str) -> dict[str, FieldValue]:
    """Every value of ``raw`` checked; the result keeps the kind's order, empty ones left out."""
    checked: dict[str, FieldValue] = {}
    for key, value in raw.items():
        spec = spec_or_refuse(kind, key, sheet)
        stored = check_value(spec, value, sheet)
        if stored is not None:
            checked[spec.key] = stored
    return {k: checked[k] for k in kind.keys if k in checked}


def default_title(
    kind: Kind, fields: dict[str, FieldValue], number: int, lang: str | None = None
) -> str:
    """The first short-text field's value, else "Fiche action 3"."""
    key = next((f.key for f in kind.fields if f.type == "text"), None)
    first = fields.get(key) if key else None
    if isinstance(first, str) and first.strip():
        return " ".join(first.split())[:200]
    return f"{kind.display_title(lang or 'fr')} {number}"


def has_own_title(sheet: Sheet, kind: Kind) -> bool:
    """Whether the sheet has a title of its own: typed, or its first short-text field.

    Else its title is only "Conclusion 7" (its kind and number), which a heading
    already says: "Conclusion n°7", never "Conclusion n°7 : Conclusion 7".
    """
    if sheet.title.strip():
        return True
    key = next((f.key for f in kind.fields if f.type == "text"), None)
    first = sheet.fields.get(key) if key else None
    return isinstance(first, str) and bool(first.strip())


def title_of(sheet: Sheet, lang: str | None = None) -> str:
    if sheet.title:
        return sheet.title
    kind = find_kind(sheet.kind)
    return default_title(kind, sheet.fields, sheet.number, lang) if kind else sheet.kind


# -- totals --------------------------------------------------------------


def _decimal(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return Decimal(0)
    return Decimal(str(value))


@dataclass
class Totals:
    """A table's computed figures: by row, by column, subtotals, grand total, shares (%)."""

    rows: dict[str, Decimal] = field(default_factory=dict)  # row key (or "1", "2"...) -> total
    columns: dict[str, Decimal] = field(default_factory=dict)
    subtotals: dict[str, dict[str, Decimal]] = field(default_factory=dict)  # key -> col/"total"
    grand: Decimal = Decimal(0)
    shares: dict[str, Decimal] = field(default_factory=dict)  # row or subtotal -> percent

    def share_of(self, amount: Decimal) -> Decimal | None:
        if not self.grand:
            return None
        return (amount * 100 / self.grand).quantize(Decimal("0.1"))


def table_rows(spec: FieldSpec, value: object) -> list[tuple[str, dict[str, Cell]]]:
    """The table's rows as (row key, cells): fixed rows in the kind's order, free rows by index."""
    if spec.rows:
        stored = value if isinstance(value, dict) else {}
        return [(r.key, dict(stored.get(r.key) or {})) for r in spec.rows]
    stored_rows = value if isinstance(value, list) else []
    return [(str(i), dict(row)) for i, row in enumerate(stored_rows, 1)]


def totals(spec: FieldSpec, value: object) -> Totals:
    result = Totals()
    columns = [c.key for c in spec.number_columns]
    rows = table_rows(spec, value)
    for row_key, cells in rows:
        result.rows[row_key] = sum((_decimal(cells.get(c)) for c in columns), Decimal(0))
    for column in columns:
        result.columns[column] = sum((_decimal(cells.get(column)) for _, cells in rows), Decimal(0))
    result.grand = sum(result.columns.values(), Decimal(0))
    by_key = dict(rows)
    for sub in spec.subtotals:
        figures = {
            c: sum((_decimal(by_key.get(r, {}).get(c)) for r in sub.rows), Decimal(0))
            for c in columns
        }
        figures["total"] = sum(figures.values(), Decimal(0))
        result.subtotals[sub.key] = figures
    if spec.shares:
        for key, amount in [
            *result.rows.items(),
            *((k, v["total"]) for k, v in result.subtotals.items()),
        ]:
            share = result.share_of(amount)
            if share is not None:
                result.shares[key] = share
    return result


def amount_text(amount: Decimal | float | int, lang: str | None = None) -> str:
    """``12 500`` or ``12 500,50`` (French), ``12,500`` or ``12,500.50`` (English)."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"))
    whole, cents = divmod(value, 1)
    text = f"{int(whole):,}"
    if cents:
        text += f".{int(cents * 100):02d}"
    if (lang or get_language()) != "en":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text
