"""The sheets in the JSON export: kind, number, title, fields by key, items, computed totals."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sessions.sheets.catalog import find_kind
from sessions.sheets.ops import visible
from sessions.sheets.rules import title_of, totals

if TYPE_CHECKING:
    from sessions.models import Session


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _figures(values: dict[str, Decimal]) -> dict[str, int | float]:
    return {key: _number(value) for key, value in values.items()}


def sheets_json(session: Session) -> list[dict[str, Any]]:
    """Every sheet not deleted, in the group's order; ``totals`` for tables that have them."""
    result = []
    for sheet in visible(session):
        kind = find_kind(sheet.kind)
        computed: dict[str, Any] = {}
        for spec in kind.fields if kind else ():
            if spec.type == "table" and spec.totals and spec.key in sheet.fields:
                figures = totals(spec, sheet.fields[spec.key])
                computed[spec.key] = {
                    "rows": _figures(figures.rows),
                    "columns": _figures(figures.columns),
                    "subtotals": {k: _figures(v) for k, v in figures.subtotals.items()},
                    "total": _number(figures.grand),
                    "shares": _figures(figures.shares),
                }
        result.append(
            {
                "kind": sheet.kind,
                "number": sheet.number,
                "title": title_of(sheet, session.language),
                "fields": sheet.model_dump(mode="json")["fields"],
                "items": list(sheet.items),
                "totals": computed,
            }
        )
    return result
