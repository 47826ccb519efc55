"""Reading ideas and ballots from files, all or nothing.

``parse_ideas`` and ``parse_votes`` check a whole file against the session
and return what to apply, or raise ``ImportFileError`` naming the first bad
line (and for votes the item and the rule broken). ``apply_ideas`` and
``apply_votes`` are then run as one op, so a refused file records nothing.

Ideas file: one idea a line, ``Name: idea`` or just ``idea``; blank lines
and lines starting with ``#`` are skipped. ``Name`` must be a participant of
the session (case and accents as typed, letter case ignored); when the text
before the first ``:`` is not a participant's name, the whole line is the
idea (so ``Mobilité : bus`` stays one idea without author).

Votes file (CSV, ``,`` or ``;``): a header ``participant,1,2,...`` naming item
numbers, then one row per voter with their points (empty cell = 0). For a dot
vote the same file holds dots: 1 for a chosen item, empty or 0 otherwise (up to
N on one item when stacking is allowed), at most N dots a row.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from datetime import datetime

from sessions.capture.tour import add_idea
from sessions.core.errors import DomainError
from sessions.core.numbers import NumberError, parse_number
from sessions.core.text import MAX_IDEA_CHARS, clean_text
from sessions.models import Session
from sessions.vote import dots
from sessions.vote.envelope import MAX_POINTS, envelope, item_numbers, rule_text


class ImportFileError(DomainError):
    """A file refused as a whole; ``line`` is 1-based (0: the whole file). Translated when shown."""

    def __init__(self, line: int, key: str, **values: object) -> None:
        super().__init__(key, line=line, **values)
        self.line = line


def decode(data: bytes) -> str:
    """The file's text: UTF-8 (BOM or not), else Windows-1252 (a French spreadsheet's CSV).

    UTF-16 with its BOM (a spreadsheet's "Unicode text") is read too; a file
    with a null byte or bytes neither encoding knows is refused with the reason.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ImportFileError(0, "import.err.utf16") from exc
        # A spreadsheet's text is mostly ASCII; other bytes behind a BOM are not text.
        if sum(c.isascii() for c in text) * 2 < len(text):
            raise ImportFileError(0, "import.err.utf16")
        return text
    if b"\x00" in data:
        raise ImportFileError(0, "import.err.binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        raise ImportFileError(0, "import.err.undecodable", byte=bad, position=exc.start) from exc


# -- ideas ------------------------------------------------------------------
@dataclass(frozen=True)
class IdeaLine:
    line: int
    text: str
    author_id: str | None


def parse_ideas(session: Session, text: str) -> list[IdeaLine]:
    by_name = {p.name.casefold(): p.id for p in session.participants}
    entries: list[IdeaLine] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = clean_text(raw)
        if not line or line.startswith("#"):
            continue
        author: str | None = None
        body = line
        head, sep, rest = line.partition(":")
        if sep and head.strip().casefold() in by_name:
            author = by_name[head.strip().casefold()]
            body = rest.strip()
        if not body:
            raise ImportFileError(number, "import.err.empty_idea")
        if len(body) > MAX_IDEA_CHARS:
            raise ImportFileError(number, "import.err.too_long", max=MAX_IDEA_CHARS)
        entries.append(IdeaLine(number, body, author))
    if not entries:
        raise ImportFileError(0, "import.err.no_ideas")
    return entries


def apply_ideas(session: Session, entries: list[IdeaLine], now: datetime) -> list[int]:
    """Add the ideas with the next numbers; returns the numbers given.

    An author's ideas are taken as given round by round, as at the table: their
    first idea is round 1, the next round 2..., up to the session's rounds
    (beyond, no round, like a free entry); so the minutes of an imported tour
    de table read like the one typed in the app. Lines without a name are free.
    Refused as a whole once the vote's count is closed (reopen it first).
    """
    if session.vote.counted:
        raise ImportFileError(0, "import.err.count_closed")
    given: dict[str, int] = {}
    for idea in session.ideas:
        if idea.author_id and idea.round:
            given[idea.author_id] = max(given.get(idea.author_id, 0), idea.round)
    numbers = []
    for e in entries:
        round_ = None
        if e.author_id:
            given[e.author_id] = given.get(e.author_id, 0) + 1
            round_ = given[e.author_id] if given[e.author_id] <= session.capture.rounds else None
        numbers.append(add_idea(session, e.text, now, author_id=e.author_id, round_=round_).number)
    return numbers


# -- votes ------------------------------------------------------------------
@dataclass(frozen=True)
class BallotRow:
    line: int
    participant_id: str
    points: dict[int, int]


_SEPARATORS = (",", ";", "\t")


def _dialect(text: str) -> str:
    """The separator: a spreadsheet's ``sep=;`` line, else the most frequent in the header."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    if first.lower().startswith("sep=") and first[4:5] in _SEPARATORS:
        return first[4]
    return max(_SEPARATORS, key=first.count)  # a tie keeps the comma


def _csv_rows(text: str) -> list[tuple[int, list[str]]]:
    """The non-blank rows with their line numbers, without a leading ``sep=`` line."""
    rows = list(csv.reader(io.StringIO(text), delimiter=_dialect(text)))
    numbered = [(i, r) for i, r in enumerate(rows, start=1) if any(c.strip() for c in r)]
    if numbered and numbered[0][1][0].strip().lower().startswith("sep="):
        numbered = numbered[1:]
    return numbered


def parse_votes(session: Session, text: str) -> list[BallotRow]:
    rows = _csv_rows(text)
    if not rows:
        raise ImportFileError(0, "import.err.no_header")
    header_line, header = rows[0]
    if clean_text(header[0]).casefold() != "participant":
        raise ImportFileError(header_line, "import.err.header")
    items = set(item_numbers(session))
    columns: list[int] = []
    for cell in header[1:]:
        value = clean_text(cell)
        try:
            number = parse_number(value)
        except NumberError as exc:
            raise ImportFileError(
                header_line, "import.err.header_digit", item=value, reason=exc
            ) from exc
        if number not in items:
            raise ImportFileError(header_line, "import.err.unknown_item", item=number)
        if number in columns:
            raise ImportFileError(header_line, "import.err.repeated_item", item=number)
        columns.append(number)
    by_name = {p.name.casefold(): p for p in session.participants}
    by_id = {p.id: p for p in session.participants}
    is_dots = dots.is_dots(session)
    limit = session.vote.per_person if is_dots else envelope(session)
    seen: set[str] = set()
    result: list[BallotRow] = []
    for line, row in rows[1:]:
        name = clean_text(row[0])
        person = by_name.get(name.casefold()) or by_id.get(name)
        if person is None:
            raise ImportFileError(line, "import.err.unknown_participant", name=name)
        if not person.present:
            raise ImportFileError(line, "import.err.absent", name=person.name)
        if person.id in seen:
            raise ImportFileError(line, "import.err.repeated_participant", name=person.name)
        seen.add(person.id)
        cells = row[1:]
        if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns) :]):
            raise ImportFileError(line, "import.err.extra_cells", name=person.name)
        points: dict[int, int] = {}
        for number, cell in zip(columns, cells, strict=False):
            value = clean_text(cell)
            if not value:
                continue
            try:
                given = parse_number(value)
            except NumberError as exc:
                raise ImportFileError(
                    line, "import.err.cell_digit", name=person.name, item=number, reason=exc
                ) from exc
            if is_dots and given > dots.per_item(session):
                stacked = "import.err.dots_cell_range" if session.vote.stacking else None
                raise ImportFileError(
                    line, stacked or "import.err.dots_cell", name=person.name, item=number,
                    value=value, max=dots.per_item(session), rule=rule_text(session),
                )  # fmt: skip
            if given > MAX_POINTS:
                raise ImportFileError(
                    line, "import.err.cell", name=person.name, item=number, value=value
                )
            if given:
                points[number] = given
        total = sum(points.values())
        if is_dots and total > limit:
            raise ImportFileError(
                line, "import.err.dots_over", name=person.name, total=total, dots=limit,
                rule=rule_text(session),
            )  # fmt: skip
        if total > limit:
            raise ImportFileError(
                line, "import.err.over_envelope", name=person.name, total=total, envelope=limit
            )
        result.append(BallotRow(line, person.id, points))
    if not result:
        raise ImportFileError(0, "import.err.no_rows")
    return result


def apply_votes(session: Session, rows: list[BallotRow]) -> int:
    """Record the ballots (each row replaces that voter's ballot); the vote switches to ballots."""
    session.vote.method = "ballots"
    for row in rows:
        session.vote.ballots[row.participant_id] = dict(row.points)
    return len(rows)
