"""Participant lists typed or pasted as ``Name (Organisation)``, one per line."""

from __future__ import annotations

import re

from sessions.core.text import clean_text
from sessions.models import Participant

_LINE = re.compile(r"^(?P<name>[^()]+?)\s*(?:\((?P<org>[^()]*)\))?\s*(?:\[(?P<group>[^\]]*)\])?$")


class ParticipantLineError(ValueError):
    def __init__(self, line_no: int, line: str) -> None:
        self.line_no = line_no
        self.line = line
        super().__init__(f"line {line_no}: {line!r}")


def parse_participants(text: str) -> list[Participant]:
    """One participant a line: ``Name``, ``Name (Organisation)``, optional ``[Group]``.

    Blank lines and lines starting with ``#`` are skipped.
    """
    people = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = clean_text(raw)
        if not line or line.startswith("#"):
            continue
        match = _LINE.match(line)
        if not match:
            raise ParticipantLineError(number, line)
        people.append(
            Participant(
                name=match["name"].strip(),
                organisation=(match["org"] or "").strip(),
                group=(match["group"] or "").strip(),
            )
        )
    return people


def format_participant(person: Participant) -> str:
    """The inverse of one line of ``parse_participants``."""
    line = person.name
    if person.organisation:
        line += f" ({person.organisation})"
    if person.group:
        line += f" [{person.group}]"
    return line
