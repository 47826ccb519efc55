"""``atelier import sheets``: ``[[sheets]]`` tables read from TOML, all or nothing.

Each table has ``kind``, an optional ``title`` (else the first field), ``items``
(item numbers) and ``[sheets.fields]`` by field key. ``parse_sheets`` checks the
whole file against the session and the kinds and returns the sheets to add;
the first refusal names the sheet (its place in the file), the field and what
is allowed, and nothing is added.
"""

from __future__ import annotations

import tomllib
from typing import TYPE_CHECKING, Any

from sessions.core.errors import Phrase
from sessions.sheets import ops
from sessions.sheets.model import Sheet
from sessions.sheets.rules import SheetError, check_fields, kind_or_refuse

if TYPE_CHECKING:
    from sessions.models import Session

KEYS = ("kind", "title", "items", "fields")


def parse_sheets(session: Session, text: str) -> list[dict[str, Any]]:
    """The sheets of ``text``, checked (kind, fields, items); SheetError on the first refusal."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SheetError("sheets.err.toml", reason=exc) from exc
    tables = data.get("sheets")
    extra = [key for key in data if key != "sheets"]
    if extra:
        raise SheetError("sheets.err.key", sheet="-", name=extra[0], allowed="sheets")
    if not isinstance(tables, list) or not tables:
        raise SheetError("sheets.err.no_sheets")
    entries = []
    for place, table in enumerate(tables, 1):
        name = str(place)
        if not isinstance(table, dict):
            raise SheetError("sheets.err.not_table", sheet=name)
        for key in table:
            if key not in KEYS:
                raise SheetError("sheets.err.key", sheet=name, name=key, allowed=", ".join(KEYS))
        kind = kind_or_refuse(table.get("kind"), name)
        title = table.get("title", "")
        if not isinstance(title, str):
            raise SheetError(
                "sheets.err.type", sheet=name, field="title", expected=Phrase("sheets.type.text")
            )
        raw_fields = table.get("fields", {})
        if not isinstance(raw_fields, dict):
            raise SheetError(
                "sheets.err.type", sheet=name, field="fields", expected="[sheets.fields]"
            )
        items = table.get("items", [])
        if not isinstance(items, list):
            items = [items]
        entries.append(
            {
                "kind": kind.kind,
                "title": title,
                "fields": check_fields(kind, raw_fields, name),
                "items": ops.check_items(session, items, name),
            }
        )
    return entries


def apply_sheets(session: Session, entries: list[dict[str, Any]]) -> list[Sheet]:
    """Add the checked sheets (in the file's order) with the next stable numbers."""
    return [ops.add(session, **entry) for entry in entries]
