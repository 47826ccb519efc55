"""Changes to the list of participants: paste, reorder, presence, groups.

The line format is the one of ``sessions.people.names`` (``Name (Organisation)
[Group]``), shared with ``atelier new --participants-file``.
"""

from __future__ import annotations

from collections.abc import Callable

from sessions.core.errors import DomainError
from sessions.core.text import clean_text
from sessions.models import Participant, Session
from sessions.people.names import ParticipantLineError, parse_participants


class RosterError(DomainError):
    """A roster change refused (unknown person, bad line...); ``str()`` translates it when shown."""


def parse_lines(text: str) -> list[Participant]:
    """Parse pasted lines, or raise RosterError naming the bad line."""
    try:
        return parse_participants(text)
    except ParticipantLineError as exc:
        raise RosterError("people.err.line", line=exc.line_no, text=exc.line) from exc


def add_people(session: Session, people: list[Participant]) -> int:
    """Append ``people``; a name already in the list is skipped. Returns how many were added."""
    known = {p.name.casefold() for p in session.participants}
    added = 0
    for person in people:
        if person.name.casefold() in known:
            continue
        session.participants.append(person)
        known.add(person.name.casefold())
        added += 1
    return added


def _index(session: Session, pid: str) -> int:
    for index, person in enumerate(session.participants):
        if person.id == pid:
            return index
    raise RosterError("people.err.unknown", who=pid)


def present(session: Session) -> list[Participant]:
    """The participants marked present, in the roster's order: who speaks in turn, who votes."""
    return [p for p in session.participants if p.present]


def _present_ids(session: Session) -> list[str]:
    return [p.id for p in present(session)]


def _keeping_the_turn(session: Session, change: Callable[[], None]) -> None:
    """Apply a change of the roster; the turn stays with whoever had it.

    The turn is a position among those present, so a person leaving or moving
    ahead of the speaker would hand it to someone else (one speaks twice,
    another is skipped). When the speaker is the one who leaves, the turn goes
    to the next person present after them, as if they had passed.
    """
    cap = session.capture
    before = _present_ids(session)
    speaker = before[cap.current_index] if 0 <= cap.current_index < len(before) else None
    change()
    after = _present_ids(session)
    if speaker is None or not after:
        return
    if speaker in after:
        cap.current_index = after.index(speaker)
        return
    order = [p.id for p in session.participants]
    position = order.index(speaker)
    following = [i for i, pid in enumerate(after) if order.index(pid) > position]
    if following:
        cap.current_index = following[0]
    else:  # the last speaker of the round left: the next round begins
        cap.current_index = 0
        cap.current_round += 1


def move(session: Session, pid: str, delta: int) -> None:
    """Move a participant up (-1) or down (+1) in the turn order."""
    index = _index(session, pid)
    target = max(0, min(len(session.participants) - 1, index + delta))

    def change() -> None:
        person = session.participants.pop(index)
        session.participants.insert(target, person)

    _keeping_the_turn(session, change)


def set_present(session: Session, pid: str, present: bool) -> None:
    """Mark a participant present or absent; the turn stays with the speaker."""
    person = session.participants[_index(session, pid)]

    def change() -> None:
        person.present = present

    _keeping_the_turn(session, change)


def set_group(session: Session, pid: str, group: str) -> None:
    session.participants[_index(session, pid)].group = clean_text(group)


def rename(session: Session, pid: str, line: str) -> None:
    """Replace name, organisation and group from one typed line."""
    parsed = parse_lines(line)
    if len(parsed) != 1:
        raise RosterError("people.err.one_line")
    person = session.participants[_index(session, pid)]
    person.name = parsed[0].name
    person.organisation = parsed[0].organisation
    person.group = parsed[0].group


def remove(session: Session, pid: str) -> None:
    """Remove a participant who has no idea nor turn recorded (else: mark absent)."""
    if any(i.author_id == pid for i in session.ideas) or any(
        turn.participant_id == pid for turn in session.capture.turns
    ):
        raise RosterError("people.err.has_ideas")
    session.participants.pop(_index(session, pid))
