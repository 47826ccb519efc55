"""The minutes' first sections as blocks: header, roles, participants, agenda, ideas, next steps.

Each ``*_blocks(session, opts)`` returns the blocks of one part of the minutes,
heading included; ``sessions.documents.minutes.SECTIONS`` lists them in order.
"""

from __future__ import annotations

import re

from sessions.agenda.turns_from import turns_of
from sessions.documents.minutes_common import (
    MinutesOptions,
    author_name,
    format_date,
    format_minutes,
    gathers_ideas,
    has_grid,
)
from sessions.documents.tree import (
    BREAK,
    Block,
    BulletList,
    Heading,
    Note,
    Paragraph,
    Run,
    Table,
    emphasis,
    plain,
    strong,
)
from sessions.models import Session
from sessions.models.agenda import Phase, Turn
from sessions.models.grid import GridKind

_NEWLINES = re.compile(r"\r\n|\r|\n")


def header_blocks(session: Session, opts: MinutesOptions) -> list[Block]:
    tr, lang = opts.tr, opts.lang
    rows = [
        (tr("minutes.date"), format_date(session, lang)),
        (tr("minutes.place"), session.place),
        (tr("minutes.theme"), session.theme),
        (tr("minutes.question"), session.question),
    ]
    if has_grid(session) and session.grid.kind == GridKind.IMPACT_MASTERY:
        # the horizon is the grid's future column: no grid, no horizon
        rows.append((tr("minutes.horizon"), str(session.horizon_year or "")))
    colon = tr("label.colon")  # " :" with a narrow no-break space in French
    items = []
    for label, value in rows:
        shown = " ".join(value.split()) or tr("minutes.none")
        items.append((strong(label + colon), plain(" " + shown)))
    return [BulletList(tuple(items))]


def roles_blocks(session: Session, opts: MinutesOptions) -> list[Block]:
    tr = opts.tr
    r = session.roles
    rows = [
        [tr("role.animateur"), r.animateur or tr("minutes.none")],
        [tr("role.second_animateur"), r.second_animateur or tr("minutes.none")],
        [tr("role.rapporteur"), r.rapporteur or tr("minutes.none")],
    ]
    return [
        Heading(2, tr("minutes.h.roles")),
        Table.of([tr("minutes.col.role"), tr("minutes.col.name")], rows),
    ]


def participants_blocks(session: Session, opts: MinutesOptions) -> list[Block]:
    tr = opts.tr
    heading = Heading(2, tr("minutes.h.participants"))
    people = session.participants
    if not people:
        return [heading, Paragraph.of(tr("minutes.no_participants"))]
    present = [p for p in people if p.present]
    if not opts.names:
        text = tr("minutes.participants_count", len(present), count=len(present))
        absent = len(people) - len(present)
        if absent:
            text += " " + tr("minutes.participants_absent", absent, count=absent)
        return [heading, Paragraph.of(text)]
    with_group = any(p.group for p in people)
    header_row = [tr("minutes.col.name"), tr("minutes.col.organisation")]
    if with_group:
        header_row.append(tr("minutes.col.group"))
    header_row.append(tr("minutes.col.presence"))
    rows = []
    for p in people:
        row = [p.name, p.organisation]
        if with_group:
            row.append(p.group)
        row.append(tr("minutes.present") if p.present else tr("minutes.absent"))
        rows.append(row)
    return [heading, Table.of(header_row, rows)]


def agenda_blocks(session: Session, opts: MinutesOptions) -> list[Block]:
    tr, lang = opts.tr, opts.lang
    rows = []
    actual_total = 0.0
    any_actual = False
    for i, phase in enumerate(session.agenda, start=1):
        actual = phase.actual_seconds / 60 if phase.actual_seconds is not None else None
        if actual is not None:
            actual_total += actual
            any_actual = True
        rows.append(
            [str(i), phase.title, format_minutes(phase.minutes, lang), format_minutes(actual, lang)]
        )
    rows.append(
        [
            "",
            tr("minutes.total"),
            format_minutes(session.planned_minutes, lang),
            format_minutes(actual_total if any_actual else None, lang),
        ]
    )
    head = [
        tr("minutes.col.number"),
        tr("minutes.col.step"),
        tr("minutes.col.planned"),
        tr("minutes.col.actual"),
    ]
    out: list[Block] = [Heading(2, tr("minutes.h.agenda")), Table.of(head, rows, list("rlrr"))]
    if session.slot_minutes:
        out.append(
            Paragraph.of(tr("minutes.slot", minutes=format_minutes(session.slot_minutes, lang)))
        )
    return out + script_blocks(session, opts)


def script_blocks(session: Session, opts: MinutesOptions) -> list[Block]:
    """The facilitator's script: each phase's notes, its speaking turns, its rotation.

    One item per phase that has any, numbered as in the agenda's table; nothing
    when no phase has one.
    """
    items = [
        _script_item(number, phase, opts, turns_of(session, phase))
        for number, phase in enumerate(session.agenda, start=1)
        if phase.notes.strip() or turns_of(session, phase) or phase.rotation
    ]
    if not items:
        return []
    return [Heading(3, opts.tr("minutes.h.script")), BulletList(tuple(items))]


def _script_item(
    number: int, phase: Phase, opts: MinutesOptions, phase_turns: list[Turn]
) -> tuple[Run, ...]:
    """``phase_turns``: those F3 runs (one per group's sheet where the phase draws them)."""
    tr, lang = opts.tr, opts.lang
    colon = tr("label.colon")
    runs: list[Run] = [strong(tr("minutes.script.step", number=number, title=phase.title))]
    lines = [line.strip() for line in _NEWLINES.split(phase.notes) if line.strip()]
    if phase_turns:
        turns = " · ".join(
            tr("minutes.script.turn", label=turn.label, minutes=format_minutes(turn.minutes, lang))
            if turn.minutes
            else tr("minutes.script.open_turn", label=turn.label)  # no countdown: ended by hand
            for turn in phase_turns
        )
        lines.append(tr("minutes.script.turns", turns=turns))
    if phase.rotation:
        every = format_minutes(phase.rotation.every_minutes, lang)
        if phase.rotation.label.strip():
            lines.append(tr("minutes.script.rotation", minutes=every, label=phase.rotation.label))
        else:
            lines.append(tr("minutes.script.rotation_plain", minutes=every))
    for n, line in enumerate(lines):
        runs += [plain(colon + " " + line)] if n == 0 else [BREAK, plain(line)]
    return tuple(runs)


def ideas_blocks(session: Session, opts: MinutesOptions) -> list[Block]:
    """Every standing idea; without ``names``, no author column (``--count-only``).

    Nothing for a format that gathers no ideas to vote on (atelier thématique,
    chantiers, maps) when none was given.
    """
    if not gathers_ideas(session):
        return []
    tr, names = opts.tr, opts.names
    standing = sorted((i for i in session.ideas if not i.deleted), key=lambda i: i.number)
    deleted = sum(1 for i in session.ideas if i.deleted)
    # A brainstorm (post-its, no author) is no tour de table: the heading says which it was.
    free = session.parts.capture == "free" and not any(i.author_id for i in standing)
    out: list[Block] = [Heading(2, tr("minutes.h.ideas_free" if free else "minutes.h.ideas"))]
    if not standing:
        out.append(Paragraph.of(tr("minutes.no_ideas")))
    else:
        rows = []
        for idea in standing:
            note = ""
            if idea.duplicate_of is not None:
                note = tr("minutes.duplicate_of", number=idea.duplicate_of)
            elif idea.merged_into is not None:
                note = tr("minutes.merged_into", number=idea.merged_into)
            elif idea.late:
                note = tr("minutes.late_note")
            row = [str(idea.number), idea.text, note]
            if not free:
                row.insert(2, str(idea.round) if idea.round else "")
            if names and not free:
                row.insert(2, author_name(session, idea.author_id))
            rows.append(row)
        # Post-its have neither author nor round: a brainstorm's table has no such columns.
        head = [tr("minutes.col.number"), tr("minutes.col.idea"), tr("minutes.col.note")]
        align = ["r", "l", "l"]
        if not free:
            head.insert(2, tr("minutes.col.round"))
            align.insert(2, "r")
        if names and not free:
            head.insert(2, tr("minutes.col.author"))
            align.insert(2, "l")
        out.append(Table.of(head, rows, align))
    if deleted:
        out.append(Paragraph.of(tr("minutes.deleted_count", deleted, count=deleted)))
    return out


def text_paragraphs(text: str) -> list[Paragraph]:
    """A multi-line field as paragraphs: blank lines split them, line breaks are kept."""
    blocks: list[list[str]] = [[]]
    for line in _NEWLINES.split(text):
        if line.strip():
            blocks[-1].append(line.rstrip().lstrip(" \t"))
        elif blocks[-1]:
            blocks.append([])
    out = []
    for lines in blocks:
        if not lines:
            continue
        runs: list[Run] = []
        for n, line in enumerate(lines):
            if n:
                runs.append(BREAK)
            runs.append(plain(line))
        out.append(Paragraph(tuple(runs)))
    return out


def next_steps_blocks(session: Session, opts: MinutesOptions) -> list[Block]:
    tr = opts.tr
    body: list[Block] = list(text_paragraphs(session.next_steps))
    if not body:
        body = [Paragraph.of(emphasis(tr("minutes.next_steps_empty")))]
    return [Heading(2, tr("minutes.h.next_steps")), *body]


def footer_blocks(session: Session, opts: MinutesOptions) -> list[Block]:
    return [Note(opts.tr("minutes.generated"))]
