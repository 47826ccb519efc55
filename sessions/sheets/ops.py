"""Changes to the sheets: add, fill, link, reorder, delete and put back, become an action.

Each function changes the session in place (the caller saves it, as for ideas)
and refuses with ``SheetError`` what the sheet's kind does not allow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sessions.sheets.model import Sheet
from sessions.sheets.rules import (
    SheetError,
    check_fields,
    check_value,
    kind_or_refuse,
    spec_or_refuse,
)

if TYPE_CHECKING:
    from sessions.models import Session


def next_number(session: Session) -> int:
    return max((s.number for s in session.sheets), default=0) + 1


def find(session: Session, number: int, deleted: bool = False) -> Sheet:
    for sheet in session.sheets:
        if sheet.number == number and sheet.deleted == deleted:
            return sheet
    raise SheetError("sheets.err.no_sheet", sheet=number)


def check_items(session: Session, items: list[int], sheet: str) -> list[int]:
    known = {idea.number for idea in session.ideas if not idea.deleted}
    for number in items:
        if isinstance(number, bool) or not isinstance(number, int) or number not in known:
            raise SheetError("sheets.err.item", sheet=sheet, item=number)
    return list(dict.fromkeys(items))


def add(
    session: Session,
    kind: str,
    title: str = "",
    fields: dict[str, object] | None = None,
    items: list[int] | None = None,
) -> Sheet:
    """A new sheet at the end of the list, with the next stable number."""
    number = next_number(session)
    spec = kind_or_refuse(kind, str(number))
    sheet = Sheet(
        kind=spec.kind,
        number=number,
        title=" ".join(title.split()),
        fields=check_fields(spec, dict(fields or {}), str(number)),
        items=check_items(session, list(items or []), str(number)),
    )
    session.sheets.append(sheet)
    return sheet


def set_field(session: Session, number: int, key: str, raw: object) -> Sheet:
    sheet = find(session, number)
    kind = kind_or_refuse(sheet.kind, str(number))
    spec = spec_or_refuse(kind, key, str(number))
    value = check_value(spec, raw, str(number))
    fields = dict(sheet.fields)
    if value is None:
        fields.pop(key, None)
    else:
        fields[key] = value
    sheet.fields = {k: fields[k] for k in kind.keys if k in fields}
    return sheet


def set_title(session: Session, number: int, title: str) -> Sheet:
    sheet = find(session, number)
    sheet.title = " ".join(title.split())[:200]
    return sheet


def set_items(session: Session, number: int, items: list[int]) -> Sheet:
    sheet = find(session, number)
    sheet.items = check_items(session, items, str(number))
    return sheet


def move(session: Session, number: int, delta: int) -> None:
    """Move a sheet up (-1) or down (+1) among the visible ones."""
    sheet = find(session, number)
    shown = visible(session)
    index = shown.index(sheet)
    target = max(0, min(len(shown) - 1, index + delta))
    if target == index:
        return
    other = shown[target]
    a, b = session.sheets.index(sheet), session.sheets.index(other)
    session.sheets[a], session.sheets[b] = other, sheet


def delete(session: Session, number: int) -> Sheet:
    """Delete a sheet (kept as deleted: its number is never given again); ``restore`` undoes it."""
    sheet = find(session, number)
    sheet.deleted = True
    return sheet


def restore(session: Session, number: int) -> Sheet:
    sheet = find(session, number, deleted=True)
    sheet.deleted = False
    return sheet


def visible(session: Session) -> list[Sheet]:
    """The sheets shown, listed and exported: every one not deleted, in the group's order."""
    return [sheet for sheet in session.sheets if not sheet.deleted]


def become(session: Session, number: int) -> Sheet:
    """A new sheet of the kind this one becomes (a solution's action), its fields carried over."""
    source = find(session, number)
    kind = kind_or_refuse(source.kind, str(number))
    if not kind.becomes:
        raise SheetError("sheets.err.cannot_become", sheet=number, kind=kind.kind)
    fields = {
        target: source.fields[origin]
        for target, origin in kind.carry.items()
        if origin in source.fields
    }
    return add(session, kind.becomes, title=source.title, fields=fields, items=source.items)
