"""Speaker turns drawn from the session's sheets: one turn per group, not a fixed number.

A phase whose template says ``turns_from = "solution"`` (divergence-convergence's
"Partage des solutions": each group presents in 3 minutes) or ``"sous_theme"``
(the atelier thématique's oral restitution: each rapporteur) gets one turn per
sheet of that kind, in the sheets' order, labelled "Groupe 2 : <title>" (and
"(Rapporteur : Léa)" when the kind names a speaker field).

- ``planned_turns`` is pure: what the turns will be, for any screen to show
  before the phase starts;
- ``derive_turns`` writes them into the phase; the timer calls it when the phase
  is entered or the session started (``sessions.timer.ops``);
- turns the facilitator edited by hand (``mark_edited``) are never replaced,
  nor are the template's turns when there is no sheet of the kind yet.

The phase's planned minutes are not changed (they also hold the remarks and
the debate after the presentations); ``over_minutes`` says when the turns
alone need more than the phase plans.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sessions.i18n import t, tn
from sessions.models import Phase, Turn

if TYPE_CHECKING:
    from sessions.models import Session
    from sessions.sheets.model import Sheet


def turn_label(sheet: Sheet, n: int, lang: str) -> str:
    """``Groupe 2 : Bus numérique`` (``(Rapporteur : Léa)`` after it when the kind names one)."""
    from sessions.sheets.catalog import find_kind
    from sessions.sheets.rules import title_of

    label = t("turns.group", lang, n=n, title=title_of(sheet, lang))
    kind = find_kind(sheet.kind)
    spec = kind.field(kind.turn_speaker) if kind and kind.turn_speaker else None
    speaker = sheet.fields.get(spec.key) if spec else None
    if spec is not None and isinstance(speaker, str) and speaker.strip():
        label = t("turns.speaker", lang, label=label, role=spec.display(lang), name=speaker)
    return label


def source_sheets(session: Session, phase: Phase) -> list[Sheet]:
    """The sheets the phase's turns come from (none when it has no ``turns_from``)."""
    from sessions.sheets.ops import visible

    if phase.turns_from is None:
        return []
    return [sheet for sheet in visible(session) if sheet.kind == phase.turns_from.kind]


def planned_turns(session: Session, phase: Phase) -> list[Turn] | None:
    """The turns drawn from the sheets; None when the phase keeps its own.

    None: no ``turns_from``, turns edited by hand, or no sheet of the kind yet.
    """
    source = phase.turns_from
    if source is None or source.edited:
        return None
    sheets = source_sheets(session, phase)
    if not sheets:
        return None
    lang = session.language
    return [
        Turn(label=turn_label(sheet, n, lang), minutes=source.minutes)
        for n, sheet in enumerate(sheets, start=1)
    ]


def turns_of(session: Session, phase: Phase) -> list[Turn]:
    """The turns the phase has or will have: drawn from the sheets, else its own."""
    planned = planned_turns(session, phase)
    return phase.turns if planned is None else planned


def derive_turns(session: Session, phase: Phase) -> bool:
    """Give ``phase`` its turns drawn from the sheets; True when they changed."""
    planned = planned_turns(session, phase)
    if planned is None or planned == phase.turns:
        return False
    phase.turns = planned
    return True


def mark_edited(phase: Phase) -> None:
    """The facilitator edited the turns by hand: the sheets no longer replace them."""
    if phase.turns_from is not None:
        phase.turns_from.edited = True


def over_minutes(session: Session, phase: Phase) -> tuple[int, float, float] | None:
    """(turns, their minutes, the phase's minutes) when the turns need more than planned."""
    turns = turns_of(session, phase)
    needed = sum(turn.minutes for turn in turns)
    if needed > phase.minutes + 1e-9:
        return len(turns), needed, phase.minutes
    return None


def phases_from(session: Session, kind: str) -> list[Phase]:
    """The phases whose turns come from sheets of ``kind``."""
    return [p for p in session.agenda if p.turns_from is not None and p.turns_from.kind == kind]


def _minutes(value: float, lang: str | None = None) -> str:
    """``7,5`` in French, ``7.5`` in English; ``3`` for whole minutes."""
    from sessions.i18n.formats import format_number

    return format_number(float(value), lang)


def turns_summary(session: Session, phase: Phase, lang: str | None = None) -> str:
    """``Partage des solutions : 3 tours de 3 min (9 min sur 15 prévues)``, and a warning."""
    turns = turns_of(session, phase)
    total = sum(turn.minutes for turn in turns)
    minutes = turns[0].minutes if turns else 0
    count = len(turns)
    text = tn(
        "turns.summary",
        count,
        lang,
        phase=phase.title,
        count=count,
        minutes=_minutes(minutes, lang),
        total=_minutes(total, lang),
        planned=_minutes(phase.minutes, lang),
    )
    if phase.turns_from is not None and phase.turns_from.edited:
        text += " " + t("turns.edited", lang)
    elif planned_turns(session, phase) is None:
        text += " " + t("turns.template", lang)
    if total > phase.minutes + 1e-9:
        total_text, planned = _minutes(total, lang), _minutes(phase.minutes, lang)
        text += " " + t("turns.over", lang, total=total_text, planned=planned)
    return text
