"""Sample sheets for the tests: a value for every field of a kind, and a tiny TOML writer."""

from __future__ import annotations

import json
from typing import Any

from sessions.sheets.catalog import FieldSpec, Kind


def sample_value(spec: FieldSpec, n: int = 1) -> Any:
    if spec.type == "yes_no":
        return n % 2 == 1
    if spec.type == "people":
        return ["Alice Martin", f"Bruno Petit {n}"]
    if spec.type == "choice":
        return spec.values[n % len(spec.values)]
    if spec.type == "table":

        def row(i: int) -> dict[str, Any]:
            cells: dict[str, Any] = {}
            for column in spec.columns:
                if column.type == "number":
                    cells[column.key] = 1000 * i + 250
                elif column.type == "choice":
                    cells[column.key] = column.values[i % len(column.values)]
                else:
                    cells[column.key] = f"{column.key} « {i} »"
            return cells

        if spec.rows:
            return {r.key: row(i) for i, r in enumerate(spec.rows, 1)}
        return [row(1), row(2)]
    if spec.type == "text":
        return f"{spec.label} n°{n}"
    return f"{spec.label} :\nligne 1\nligne 2 « {n} »"


def sample_fields(kind: Kind, n: int = 1) -> dict[str, Any]:
    return {spec.key: sample_value(spec, n) for spec in kind.fields}


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    inner = ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items())
    return "{ " + inner + " }"


def sheets_toml(sheets: list[dict[str, Any]]) -> str:
    """``[[sheets]]`` tables with kind, title, items and ``[sheets.fields]``."""
    lines = []
    for sheet in sheets:
        lines.append("[[sheets]]")
        for key in ("kind", "title", "items"):
            if key in sheet:
                lines.append(f"{key} = {toml_value(sheet[key])}")
        lines.append("[sheets.fields]")
        lines.extend(f"{k} = {toml_value(v)}" for k, v in sheet.get("fields", {}).items())
        lines.append("")
    return "\n".join(lines)


def plain(text: str) -> str:
    """Text as read, French typography's thin and no-break spaces as plain spaces."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")
