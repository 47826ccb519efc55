"""The minutes (compte-rendu) of a session, in Markdown, in the session's language.

``minutes_markdown(session)`` writes every part METHOD.md lists ("The
minutes"): title, date, place, theme and question, roles, participants (or
only their number, with ``names=False``), the agenda with planned and actual
minutes, every idea with its number and author (no author with
``names=False``), the vote table (rank, points, struck and merged items), the
top 10, the grid drawn in text in a fenced code block with its table of
positions and reasons, and the next steps.

All user text goes through ``sessions.documents.markdown_safe``: it stays literal (no
heading, link, HTML or broken table can come from what was typed). For an
anonymous export, pass ``sessions.documents.anonymize.anonymize(session)``.
"""

from __future__ import annotations

from collections.abc import Callable

from sessions.documents import markdown_safe as md
from sessions.grid.drawing import render_grid
from sessions.grid.placement import grid_entries
from sessions.i18n import t, tn
from sessions.models import Session
from sessions.models.grid import GridKind, Level
from sessions.vote.envelope import envelope, voters
from sessions.vote.ranking import (
    RankedItem,
    late_ideas,
    ranked_items,
    rankings_reused,
    tied_ranks,
    top_numbers,
)

Tr = Callable[..., str]


def translator(lang: str) -> Tr:
    """``t`` in ``lang``; messages without values are looked up once (thousands of cells)."""
    plain: dict[str, str] = {}

    def tr(key: str, plural: int | None = None, **values: object) -> str:
        if plural is not None:  # a counted message: key.one / key.other
            return tn(key, plural, lang, **values)
        if values:
            return t(key, lang, **values)
        text = plain.get(key)
        if text is None:
            text = plain[key] = t(key, lang)
        return text

    return tr


def minutes_language(session: Session, lang: str | None = None) -> str:
    return lang or (session.language if session.language in ("fr", "en") else "fr")


def format_date(session: Session, lang: str) -> str:
    months = t("minutes.months", lang).split(",")
    d = session.date
    return t("minutes.date_format", lang, day=d.day, month=months[d.month - 1], year=d.year)


def _minutes(value: float | None) -> str:
    if value is None:
        return "—"
    rounded = round(value, 1)
    return f"{rounded:g}"


def minutes_markdown(session: Session, lang: str | None = None, names: bool = True) -> str:
    """The whole minutes as Markdown text (ends with a newline)."""
    with rankings_reused():  # six sections rank the same items
        return _minutes_markdown(session, lang, names)


def _minutes_markdown(session: Session, lang: str | None, names: bool) -> str:
    lang = minutes_language(session, lang)
    tr = translator(lang)
    parts = [
        "# " + md.escape_inline(tr("minutes.doc_title", title=session.title)),
        header(session, tr, lang),
        "## " + tr("minutes.h.roles"),
        roles(session, tr),
        "## " + tr("minutes.h.participants"),
        participants(session, tr, names),
        "## " + tr("minutes.h.agenda"),
        agenda(session, tr),
        "## " + tr("minutes.h.ideas"),
        ideas(session, tr, names),
        "## " + tr("minutes.h.vote"),
        vote(session, tr),
        *late(session, tr, names),
        "## " + tr("minutes.h.top"),
        top(session, tr),
    ]
    if has_grid(session):
        parts += ["## " + tr(f"grid.heading.{session.grid.kind.value}"), grid(session, tr, lang)]
    parts += [
        "## " + tr("minutes.h.next_steps"),
        md.paragraphs(session.next_steps) or "*" + tr("minutes.next_steps_empty") + "*",
        "---",
        "*" + tr("minutes.generated") + "*",
    ]
    return "\n\n".join(p for p in parts if p) + "\n"


def header(session: Session, tr: Tr, lang: str) -> str:
    rows = [
        (tr("minutes.date"), format_date(session, lang)),
        (tr("minutes.place"), session.place),
        (tr("minutes.theme"), session.theme),
        (tr("minutes.question"), session.question),
        (tr("minutes.horizon"), str(session.horizon_year or "")),
    ]
    lines = []
    for label, value in rows:
        shown = md.escape_inline(" ".join(value.split()), line_start=False) or tr("minutes.none")
        lines.append(
            f"- **{md.escape_inline(label, line_start=False)} :** {shown}"
            if lang == "fr"
            else f"- **{md.escape_inline(label, line_start=False)}:** {shown}"
        )
    return "\n".join(lines)


def roles(session: Session, tr: Tr) -> str:
    r = session.roles
    rows = [
        [tr("role.animateur"), r.animateur or tr("minutes.none")],
        [tr("role.second_animateur"), r.second_animateur or tr("minutes.none")],
        [tr("role.rapporteur"), r.rapporteur or tr("minutes.none")],
    ]
    return md.table([tr("minutes.col.role"), tr("minutes.col.name")], rows)


def participants(session: Session, tr: Tr, names: bool = True) -> str:
    people = session.participants
    if not people:
        return tr("minutes.no_participants")
    present = [p for p in people if p.present]
    if not names:
        text = tr("minutes.participants_count", len(present), count=len(present))
        absent = len(people) - len(present)
        return text + (
            " " + tr("minutes.participants_absent", absent, count=absent) if absent else ""
        )
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
    return md.table(header_row, rows)


def agenda(session: Session, tr: Tr) -> str:
    rows = []
    actual_total = 0.0
    any_actual = False
    for i, phase in enumerate(session.agenda, start=1):
        actual = phase.actual_seconds / 60 if phase.actual_seconds is not None else None
        if actual is not None:
            actual_total += actual
            any_actual = True
        rows.append([str(i), phase.title, _minutes(phase.minutes), _minutes(actual)])
    rows.append(
        [
            "",
            tr("minutes.total"),
            _minutes(session.planned_minutes),
            _minutes(actual_total if any_actual else None),
        ]
    )
    out = md.table(
        [
            tr("minutes.col.number"),
            tr("minutes.col.step"),
            tr("minutes.col.planned"),
            tr("minutes.col.actual"),
        ],
        rows,
        ["r", "l", "r", "r"],
    )
    if session.slot_minutes:
        out += "\n\n" + tr("minutes.slot", minutes=_minutes(session.slot_minutes))
    return out


def author_name(session: Session, author_id: str | None) -> str:
    person = session.participant(author_id)
    return person.name if person else ""


def ideas(session: Session, tr: Tr, names: bool = True) -> str:
    """Every standing idea; without ``names``, no author column (``--count-only``)."""
    standing = sorted((i for i in session.ideas if not i.deleted), key=lambda i: i.number)
    deleted = sum(1 for i in session.ideas if i.deleted)
    if not standing:
        out = tr("minutes.no_ideas")
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
            row = [str(idea.number), idea.text, str(idea.round) if idea.round else "", note]
            if names:
                row.insert(2, author_name(session, idea.author_id))
            rows.append(row)
        head = [
            tr("minutes.col.number"),
            tr("minutes.col.idea"),
            tr("minutes.col.round"),
            tr("minutes.col.note"),
        ]
        align = ["r", "l", "r", "l"]
        if names:
            head.insert(2, tr("minutes.col.author"))
            align.insert(2, "l")
        out = md.table(head, rows, align)
    if deleted:
        out += "\n\n" + tr("minutes.deleted_count", deleted, count=deleted)
    return out


def numbers_label(item: RankedItem) -> str:
    return " + ".join(str(n) for n in item.numbers) if len(item.numbers) > 1 else str(item.number)


def rank_label(item: RankedItem, ties: set[int], tr: Tr) -> str:
    if item.rank is None:
        return ""
    return tr("minutes.tie", rank=item.rank) if item.rank in ties else str(item.rank)


def _status(session: Session, item: RankedItem, tr: Tr) -> str:
    if item.status == "merged":
        idea = session.idea(item.number)
        if idea is not None and idea.duplicate_of is not None:
            return tr("minutes.status.duplicate", number=idea.duplicate_of)
        target = idea.merged_into if idea is not None else None
        return tr("minutes.status.merged", number=target if target is not None else "?")
    if item.status == "struck":
        return tr("minutes.status.struck")
    text = tr("minutes.status.active")
    if len(item.numbers) > 1:
        others = ", ".join(str(n) for n in item.numbers)
        text += " - " + tr("minutes.status.merged_group", numbers=others)
    return text


def vote(session: Session, tr: Tr) -> str:
    items = [i for i in ranked_items(session) if i.status != "deleted"]
    if not items:
        return tr("minutes.no_vote")
    ties = tied_ranks(items)
    total = sum(i.points for i in items if i.status in ("active", "struck"))
    env, count = envelope(session), len(voters(session))
    intro = tr(
        "minutes.envelope",
        envelope=tr("minutes.n_points", env, n=env),
        voters=tr("minutes.n_voters", count, n=count),
        total=tr("minutes.n_given", total, n=total),
    )
    rows = [
        [rank_label(i, ties, tr), numbers_label(i), i.text, str(i.points), _status(session, i, tr)]
        for i in items
    ]
    table = md.table(
        [
            tr("minutes.col.rank"),
            tr("minutes.col.number"),
            tr("minutes.col.idea"),
            tr("minutes.col.points"),
            tr("minutes.col.status"),
        ],
        rows,
        ["r", "r", "l", "r", "l"],
    )
    return intro + "\n\n" + table


def late(session: Session, tr: Tr, names: bool = True) -> list[str]:
    """Ideas given after the count was closed: a part of their own, outside the vote.

    Nothing (no heading) when there are none, so other minutes are unchanged.
    """
    items = late_ideas(session)
    if not items:
        return []
    rows = []
    for idea in items:
        row = [str(idea.number), idea.text]
        if names:
            row.append(author_name(session, idea.author_id))
        rows.append(row)
    head = [tr("minutes.col.number"), tr("minutes.col.idea")]
    if names:
        head.append(tr("minutes.col.author"))
    env = envelope(session)
    intro = tr("minutes.late_intro", env, envelope=env)
    table = md.table(head, rows, ["r", "l", "l"][: len(head)])
    return ["### " + tr("minutes.h.late"), intro + "\n\n" + table]


def top_items(session: Session) -> list[RankedItem]:
    wanted = set(top_numbers(session, 10))
    return [i for i in ranked_items(session) if i.number in wanted and i.rank is not None]


def top(session: Session, tr: Tr, with_author: bool = True) -> str:
    items = top_items(session)
    if not items:
        return tr("minutes.no_vote")
    ties = tied_ranks(ranked_items(session))
    head = [
        tr("minutes.col.rank"),
        tr("minutes.col.number"),
        tr("minutes.col.idea"),
        tr("minutes.col.points"),
    ]
    rows = [[rank_label(i, ties, tr), numbers_label(i), i.text, str(i.points)] for i in items]
    out = md.table(head, rows, ["r", "r", "l", "r"])
    if len(items) > 10:
        out += "\n\n" + tr("minutes.top_ties")
    return out


def has_grid(session: Session) -> bool:
    return bool(session.grid_kind or session.grid.positions or session.grid.items)


def _level(level: Level | None, tr: Tr) -> str:
    return tr(f"grid.level.{level.value}") if level else ""


def grid(session: Session, tr: Tr, lang: str) -> str:
    """The grid in a code block, the rule for its rows, and its table of positions."""
    kind = session.grid.kind
    horizon = session.horizon_year
    entries = grid_entries(session)
    rule_key = "grid.impact_rule" if kind == GridKind.IMPACT_MASTERY else "grid.spread_rule"
    drawn = "\n".join(render_grid(entries, kind, lang=lang, horizon=horizon, cell_width=16))
    parts = [tr(rule_key, horizon=horizon), md.fence(drawn)]
    if not entries:
        return "\n\n".join(parts)
    if kind == GridKind.IMPACT_MASTERY:
        head = [
            tr("minutes.col.number"),
            tr("grid.col.title"),
            tr("minutes.col.description"),
            tr("minutes.col.points"),
            tr("minutes.col.impact"),
            tr("minutes.col.present"),
            tr("minutes.col.future", horizon=horizon),
            tr("minutes.col.reason_future"),
        ]
        rows = [
            [
                str(e.number),
                e.title,
                e.description,
                str(e.points),
                _level(e.impact, tr),
                _level(e.present, tr),
                _level(e.future, tr),
                e.reason,
            ]
            for e in entries
        ]
        align = ["r", "l", "l", "r", "l", "l", "l", "l"]
    else:
        head = [
            tr("minutes.col.number"),
            tr("grid.col.title"),
            tr("minutes.col.description"),
            tr("minutes.col.points"),
            tr("minutes.col.spread"),
            tr("minutes.col.founded"),
            tr("minutes.col.reason_founded"),
        ]
        rows = [
            [
                str(e.number),
                e.title,
                e.description,
                str(e.points),
                _level(e.impact, tr),
                _level(e.present, tr),
                e.reason,
            ]
            for e in entries
        ]
        align = ["r", "l", "l", "r", "l", "l", "l"]
    parts.append(md.table(head, rows, align))
    return "\n\n".join(parts)
