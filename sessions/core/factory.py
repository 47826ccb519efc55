"""Building a new session from a template (used by the CLI and the new-session form)."""

from __future__ import annotations

from datetime import date

from sessions.agenda.catalog import Template
from sessions.models import Participant, Session
from sessions.models.grid import GridKind


def session_from_template(
    template: Template,
    title: str,
    on: date,
    place: str = "",
    participants: list[Participant] | None = None,
    language: str = "fr",
    theme: str = "",
    question: str | None = None,
) -> Session:
    session = Session(
        title=title,
        date=on,
        place=place,
        theme=theme,
        question=template.display_question(language) if question is None else question,
        language=language,
        template=template.name,
        slot_minutes=template.slot_minutes,
        participants=list(participants or []),
        agenda=template.build_agenda(language),  # the session keeps the language it was run in
    )
    session.capture.question = session.question
    if template.grid:
        session.grid.kind = GridKind(template.grid)
        session.grid.planned = True
    # The parts its format uses (the template's [parts]): top N, sheets, maps, enjeux,
    # and the vote its convergence uses (rule and dots per person).
    template.parts.apply(session)
    return session
