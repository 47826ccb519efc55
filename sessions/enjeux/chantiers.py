"""Chantiers clés (fiche outil n°3): their rules per enjeu and the recap table enjeux x chantiers.

A chantier is a sheet of kind ``chantier`` (``sessions/sheets/kinds/chantier.toml``)
whose ``enjeu`` field names an enjeu by its number. Per enjeu the mise en commun
keeps **2 chantiers prioritaires** (beyond: a warning, the group may keep more)
and **at most one inconnu désirable** (a second is refused). ``recap_table``
is the restitution's table: columns Enjeu 1..n, rows Chantier 1..n (the k-th
chantier of each enjeu), each cell the chantier's title, its feasibility as a
symbol *and* a word (never a colour alone), its priority and inconnu désirable.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sessions.core.errors import DomainError
from sessions.documents.tree import Table
from sessions.sheets.model import Sheet
from sessions.sheets.ops import visible
from sessions.sheets.rules import title_of

if TYPE_CHECKING:
    from sessions.models import Session

KIND = "chantier"
MAX_PRIORITIES = 2  # per enjeu: a warning beyond
MAX_UNKNOWNS = 1  # inconnu désirable per enjeu: refused beyond
FEASIBILITY = ("vert", "orange", "rouge", "blanc")
# A symbol per feasibility, so that it reads without colour (and in plain text).
SYMBOL = {"vert": "✔", "orange": "◐", "rouge": "✖", "blanc": "?"}
PRIORITY_MARK = "★"
UNKNOWN_MARK = "☆"


class ChantierError(DomainError):
    """A chantier refused (an enjeu that is not a number, a second inconnu désirable)."""


@dataclass(frozen=True)
class Chantier:
    number: int  # its sheet number
    title: str
    enjeu: int | None
    feasibility: str | None  # one of FEASIBILITY, None when not said
    priority: bool
    unknown: bool  # inconnu désirable


def enjeu_of(sheet: Sheet) -> int | None:
    """The enjeu number a chantier sheet names (one run of ASCII digits), None otherwise."""
    raw = sheet.fields.get("enjeu")
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw if raw >= 1 else None
    runs = re.findall(r"[0-9]+", str(raw or ""))  # "2", "n°2", "Enjeu 2": one number
    return int(runs[0]) if len(runs) == 1 and int(runs[0]) >= 1 else None


def chantiers(session: Session, lang: str | None = None) -> list[Chantier]:
    """The session's chantier sheets (not deleted), in the group's order."""
    found = []
    for sheet in visible(session):
        if sheet.kind != KIND:
            continue
        feasibility = sheet.fields.get("faisabilite")
        found.append(
            Chantier(
                number=sheet.number,
                title=title_of(sheet, lang),
                enjeu=enjeu_of(sheet),
                feasibility=feasibility if feasibility in FEASIBILITY else None,
                priority=sheet.fields.get("prioritaire") is True,
                unknown=sheet.fields.get("inconnu_desirable") is True,
            )
        )
    return found


def check_chantiers(session: Session) -> list[DomainError]:
    """Refuse what the guide rules out; the warnings of what it advises against.

    Raises ``ChantierError`` for a chantier whose enjeu is not a number (or not
    one of the session's enjeux, when it has some) and for a second inconnu
    désirable in one enjeu. Returns a warning per enjeu with more than 2
    chantiers prioritaires.
    """
    known = sorted(e.number for e in session.enjeux)
    for sheet in visible(session):
        if sheet.kind != KIND or sheet.fields.get("enjeu") in (None, ""):
            continue
        number = enjeu_of(sheet)
        if number is None or (known and number not in known):
            allowed = ", ".join(map(str, known)) if known else "1, 2, 3..."
            raise ChantierError(
                "chantiers.err.enjeu",
                sheet=sheet.number,
                value=sheet.fields.get("enjeu"),
                allowed=allowed,
            )
    warnings: list[DomainError] = []
    for enjeu, group in by_enjeu(chantiers(session)).items():
        unknowns = [c.number for c in group if c.unknown]
        if len(unknowns) > MAX_UNKNOWNS:
            raise ChantierError(
                "chantiers.err.unknown", enjeu=enjeu, sheets=", ".join(map(str, unknowns))
            )
        priorities = [c.number for c in group if c.priority]
        if len(priorities) > MAX_PRIORITIES:
            warnings.append(
                DomainError(
                    "chantiers.warn.priorities",
                    enjeu=enjeu,
                    count=len(priorities),
                    sheets=", ".join(map(str, priorities)),
                )
            )
    return warnings


def by_enjeu(found: list[Chantier]) -> dict[int, list[Chantier]]:
    """The chantiers naming an enjeu, by enjeu number (ascending), in the group's order."""
    groups: dict[int, list[Chantier]] = {}
    for chantier in found:
        if chantier.enjeu is not None:
            groups.setdefault(chantier.enjeu, []).append(chantier)
    return dict(sorted(groups.items()))


def cell_text(chantier: Chantier, tr: Callable[..., str]) -> str:
    """``Bus numérique — ✔ vert · ★ prioritaire``: the title, the feasibility, the marks."""
    parts = [chantier.title]
    if chantier.feasibility:
        word = tr(f"chantiers.feasibility.{chantier.feasibility}")
        parts.append(f"{SYMBOL[chantier.feasibility]} {word}")
    marks = []
    if chantier.priority:
        marks.append(f"{PRIORITY_MARK} {tr('chantiers.priority')}")
    if chantier.unknown:
        marks.append(f"{UNKNOWN_MARK} {tr('chantiers.unknown')}")
    text = " — ".join(parts)
    return " · ".join([text, *marks]) if marks else text


def recap_table(session: Session, tr: Callable[..., str], lang: str | None = None) -> Table | None:
    """The recap table enjeux x chantiers of ``session``, or None when no chantier names an enjeu.

    Columns: a first one naming the row, then Enjeu 1..n (every enjeu of the
    session, and any number a chantier names); row k holds the k-th chantier
    of each enjeu. Each cell is styled by its feasibility word (a colour for
    renderers that show one).
    """
    return recap_of(chantiers(session, lang), {e.number for e in session.enjeux}, tr)


def recap_across(
    sessions: list[Session], tr: Callable[..., str], lang: str | None = None
) -> Table | None:
    """One recap table for several groups (the mise en commun): their chantiers by enjeu number."""
    found = [c for s in sessions for c in chantiers(s, lang)]
    return recap_of(found, {e.number for s in sessions for e in s.enjeux}, tr)


def recap_of(found: list[Chantier], enjeux: set[int], tr: Callable[..., str]) -> Table | None:
    groups = by_enjeu(found)
    if not groups:
        return None
    numbers = sorted(enjeux | set(groups))
    header = ["", *(tr("chantiers.col.enjeu", number=n) for n in numbers)]
    depth = max(len(g) for g in groups.values())
    rows = []
    styles: dict[tuple[int, int], str] = {}
    for k in range(depth):
        row = [tr("chantiers.row", number=k + 1)]
        for column, number in enumerate(numbers, start=1):
            group = groups.get(number, [])
            if k < len(group):
                row.append(cell_text(group[k], tr))
                if group[k].feasibility:
                    styles[(k, column)] = group[k].feasibility
            else:
                row.append("")
        rows.append(row)
    return Table.of(header, rows, styles=styles)
