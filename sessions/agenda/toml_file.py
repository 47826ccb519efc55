"""A session's agenda as TOML: written by ``atelier agenda export``, read by ``new --agenda``.

The format is the one of the agenda templates (``sessions/agenda/templates/*.toml``):
top-level ``name``, ``title``, ``slot_minutes`` and one ``[[phases]]`` table per
phase, so an exported agenda can also be dropped in the user's templates
folder. Reading errors name the file and the line.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from pydantic import ValidationError

from sessions.agenda.catalog import Template
from sessions.i18n.oserror import os_reason
from sessions.models import Phase, Session


class AgendaFileError(ValueError):
    """An agenda file that cannot be used; the message is ``file:line: reason``."""


def _str(value: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes, \\uXXXX for controls).
    return json.dumps(value, ensure_ascii=False)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _phase_lines(phase: Phase) -> list[str]:
    lines = [
        "[[phases]]",
        f"title = {_str(phase.title)}",
        f"kind = {_str(str(phase.kind))}",
        f"minutes = {_num(phase.minutes)}",
    ]
    if phase.warn_minutes is not None:
        lines.append(f"warn_minutes = {_num(phase.warn_minutes)}")
    if phase.notes:
        lines.append(f"notes = {_str(phase.notes)}")
    if phase.turns:
        lines.append("turns = [")
        lines.extend(
            f"  {{ label = {_str(turn.label)}, minutes = {_num(turn.minutes)} }},"
            for turn in phase.turns
        )
        lines.append("]")
    if phase.turns_from is not None and not phase.turns_from.edited:
        lines.append(f"turns_from = {_str(phase.turns_from.kind)}")
        lines.append(f"turn_minutes = {_num(phase.turns_from.minutes)}")
    if phase.rotation is not None:
        lines.append(
            f"rotation = {{ every_minutes = {_num(phase.rotation.every_minutes)}, "
            f"label = {_str(phase.rotation.label)} }}"
        )
    return lines


def export_agenda(session: Session) -> str:
    """The session's agenda (planned times only) as a TOML template."""
    name = re.sub(r"[^a-z0-9_-]+", "-", (session.template or "agenda").lower()).strip("-")
    lines = [
        f"# atelier agenda: {session.title.replace(chr(10), ' ')}",
        f"name = {_str(name or 'agenda')}",
        f"title = {_str(session.title)}",
    ]
    if session.slot_minutes:
        lines.append(f"slot_minutes = {_num(session.slot_minutes)}")
    if session.grid.planned:
        lines.append(f"grid = {_str(session.grid.kind.value)}")
    if session.question:
        lines.append(f"question = {_str(session.question)}")
    for phase in session.agenda:
        lines.append("")
        lines.extend(_phase_lines(phase))
    return "\n".join(lines) + "\n"


def _phase_line(text: str, number: int) -> int:
    """The line of the ``number``-th ``[[phases]]`` header (1-based), or 1."""
    seen = 0
    for line_no, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith("[[phases]]"):
            if seen == number:
                return line_no
            seen += 1
    return 1


def _key_line(text: str, key: str) -> int:
    for line_no, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return line_no
    return 1


def parse_agenda(text: str, origin: str, fallback_name: str = "agenda") -> Template:
    """Read an agenda file into a template; ``AgendaFileError`` names file and line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        line = found.group(1) if found else "1"
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise AgendaFileError(f"{origin}:{line}: {reason}") from exc
    data.setdefault("name", fallback_name)
    data.setdefault("title", data["name"])
    phases = data.get("phases")
    if not isinstance(phases, list) or not phases:
        raise AgendaFileError(f"{origin}:1: no [[phases]] table")
    try:
        return Template.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = [str(part) for part in first["loc"]]
        if len(loc) >= 2 and loc[0] == "phases" and loc[1].isascii() and loc[1].isdecimal():
            line = _phase_line(text, int(loc[1]))
            where = f"phase {int(loc[1]) + 1}" + (f", {'.'.join(loc[2:])}" if loc[2:] else "")
        else:
            line = _key_line(text, loc[0]) if loc else 1
            where = ".".join(loc) or "document"
        raise AgendaFileError(f"{origin}:{line}: {where}: {first['msg']}") from exc


def read_agenda_file(path: Path) -> Template:
    """Read and check an agenda file; every problem is one ``AgendaFileError``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = os_reason(exc)
        raise AgendaFileError(f"{path}: {reason}") from exc
    name = re.sub(r"[^a-z0-9_-]+", "-", path.stem.lower()).strip("-") or "agenda"
    return parse_agenda(text, str(path), fallback_name=name)


def use_agenda(session: Session, agenda: Template) -> None:
    """Give a new session the file's phases (and its slot, when the file sets one)."""
    session.agenda = agenda.build_agenda()
    if agenda.slot_minutes:
        session.slot_minutes = agenda.slot_minutes
