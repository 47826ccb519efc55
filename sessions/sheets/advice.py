"""What the guides advise against in the sheets: warnings, never refusals.

- more than 3 sub-themes (``sous_theme``) in an atelier thématique [000];
- a sub-theme's group under 2 or over 4 people [000];
- more than 2 chantiers prioritaires for one enjeu (fiche outil n°3,
  ``sessions.enjeux.chantiers``);
- turns drawn from the sheets that need more minutes than their phase plans
  (``sessions.agenda.turns_from``).

``warnings(session, sheet)`` judges the session as it would be with ``sheet``
(the form's values, not saved yet), so a form can show them while it is filled.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sessions.i18n import t

if TYPE_CHECKING:
    from sessions.models import Session
    from sessions.sheets.model import Sheet

MAX_SOUS_THEMES = 3  # "2 ou 3 sous-thématiques" [000]
GROUP_SIZE = (2, 4)  # "des groupes de 3 à 4 personnes ... au moins 2 personnes" [000]


def with_sheet(session: Session, sheet: Sheet) -> Session:
    """A shallow copy of ``session`` whose sheet of that number is ``sheet``."""
    sheets = [sheet if s.number == sheet.number else s for s in session.sheets]
    if all(s.number != sheet.number for s in session.sheets):
        sheets.append(sheet)
    return session.model_copy(update={"sheets": sheets})


def warnings(session: Session, sheet: Sheet, lang: str | None = None) -> list[str]:
    """The guide's warnings about ``sheet`` in ``session`` (translated into ``lang``)."""
    from sessions.sheets.ops import visible

    found: list[str] = []
    seen = with_sheet(session, sheet)
    shown = visible(seen)
    if sheet.kind == "sous_theme":
        count = sum(1 for s in shown if s.kind == "sous_theme")
        if count > MAX_SOUS_THEMES and not sheet.deleted:
            found.append(t("sheets.warn.sous_themes", lang, count=count))
        people = sheet.fields.get("groupe")
        size = len(people) if isinstance(people, list) else 0
        if size and size < GROUP_SIZE[0]:
            found.append(t("sheets.warn.group_small", lang, number=sheet.number, count=size))
        elif size > GROUP_SIZE[1]:
            found.append(t("sheets.warn.group_large", lang, number=sheet.number, count=size))
    if sheet.kind == "chantier":
        found.extend(_chantier_warnings(seen, sheet, lang))
    found.extend(_turn_warnings(seen, sheet, lang))
    return found


def _chantier_warnings(session: Session, sheet: Sheet, lang: str | None) -> list[str]:
    from sessions.core.errors import DomainError
    from sessions.enjeux.chantiers import check_chantiers, enjeu_of

    enjeu = enjeu_of(sheet)
    try:
        found = check_chantiers(session)
    except DomainError:  # a refusal: the form says it when saving
        return []
    return [w.message(lang) for w in found if enjeu is not None and w.values.get("enjeu") == enjeu]


def _turn_warnings(session: Session, sheet: Sheet, lang: str | None) -> list[str]:
    from sessions.agenda.turns_from import over_minutes, phases_from
    from sessions.i18n.formats import format_number

    found = []
    for phase in phases_from(session, sheet.kind):
        over = over_minutes(session, phase)
        if over is not None:
            count, needed, planned = over
            found.append(
                t(
                    "turns.over_phase",
                    lang,
                    phase=phase.title,
                    count=count,
                    total=format_number(needed, lang),
                    planned=format_number(planned, lang),
                )
            )
    return found
