"""The minutes' vote sections as blocks: the ranking, the late ideas, the top 10, the grid."""

from __future__ import annotations

from sessions.documents.minutes_common import (
    MinutesOptions,
    Tr,
    author_name,
    has_grid,
    numbers_label,
    rank_label,
    top_items,
    votes,
)
from sessions.documents.tree import Block, Heading, Paragraph, Preformatted, Table
from sessions.grid.drawing import render_grid
from sessions.grid.placement import grid_entries
from sessions.models import Session
from sessions.models.grid import GridKind, Level
from sessions.vote import dots
from sessions.vote.envelope import envelope, item_numbers, voters
from sessions.vote.ranking import RankedItem, late_ideas, ranked_items, tied_ranks, top_n


def _status(session: Session, item: RankedItem, tr: Tr) -> str:
    if item.status == "merged":
        idea = session.idea(item.number)
        if idea is not None and idea.duplicate_of is not None:
            return tr("minutes.status.duplicate", number=idea.duplicate_of)
        target = idea.merged_into if idea is not None else None
        return tr("minutes.status.merged", number=target if target is not None else "?")
    if item.status == "struck":
        struck = "minutes.status.struck_dots" if dots.is_dots(session) else "minutes.status.struck"
        return tr(struck)
    text = tr("minutes.status.active")
    if len(item.numbers) > 1:
        others = ", ".join(str(n) for n in item.numbers)
        text += " - " + tr("minutes.status.merged_group", numbers=others)
    return text


def vote_blocks(session: Session, opts: MinutesOptions) -> list[Block]:
    """The ranking; "no vote yet" where the format votes, nothing where it does not."""
    if not votes(session):
        return []
    tr = opts.tr
    heading = Heading(2, tr("minutes.h.vote"))
    items = [i for i in ranked_items(session) if i.status != "deleted"]
    if not items:
        return [heading, Paragraph.of(tr("minutes.no_vote"))]
    ties = tied_ranks(items)
    total = sum(i.points for i in items if i.status in ("active", "struck"))
    env, count = envelope(session), len(voters(session))
    intro = tr(
        "minutes.envelope",
        envelope=envelope_text(session, env, tr),
        voters=tr("minutes.n_voters", count, n=count),
        total=tr("minutes.n_given", total, n=total),
    )
    if dots.is_dots(session):  # the dot vote names its rule in place of the envelope
        intro = dots.minutes_intro(session, opts.lang, count, total)
    rows = [
        [rank_label(i, ties, tr), numbers_label(i), i.text, str(i.points), _status(session, i, tr)]
        for i in items
    ]
    head = [
        tr("minutes.col.rank"),
        tr("minutes.col.number"),
        tr("minutes.col.idea"),
        tr("dots.minutes.col" if dots.is_dots(session) else "minutes.col.points"),
        tr("minutes.col.status"),
    ]
    return [heading, Paragraph.of(intro), Table.of(head, rows, list("rrlrl"))]


def late_blocks(session: Session, opts: MinutesOptions) -> list[Block]:
    """Ideas given after the count was closed: a part of their own, outside the vote.

    Nothing (no heading) when there are none, so other minutes are unchanged.
    """
    tr, names = opts.tr, opts.names
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
    return [
        Heading(3, tr("minutes.h.late")),
        Paragraph.of(
            tr("dots.minutes.late_intro")
            if dots.is_dots(session)
            else tr("minutes.late_intro", env, envelope=env)
        ),
        Table.of(head, rows, ["r", "l", "l"][: len(head)]),
    ]


def top_table(session: Session, tr: Tr) -> list[Block]:
    """The top 10 (more when tied at the 10th place), without a heading."""
    items = top_items(session)
    if not items:
        return [Paragraph.of(tr("minutes.no_vote"))]
    ties = tied_ranks(ranked_items(session))
    head = [
        tr("minutes.col.rank"),
        tr("minutes.col.number"),
        tr("minutes.col.idea"),
        tr("dots.minutes.col" if dots.is_dots(session) else "minutes.col.points"),
    ]
    rows = [[rank_label(i, ties, tr), numbers_label(i), i.text, str(i.points)] for i in items]
    out: list[Block] = [Table.of(head, rows, list("rrlr"))]
    if len(items) > top_n(session):
        out.append(Paragraph.of(tr("minutes.top_ties")))
    return out


def top_blocks(session: Session, opts: MinutesOptions) -> list[Block]:
    """The top N; nothing before a vote (the ranking says there is none yet) or without one."""
    if not votes(session) or not top_items(session):
        return []
    return [Heading(2, opts.tr("minutes.h.top", n=top_n(session))), *top_table(session, opts.tr)]


def _level(level: Level | None, tr: Tr) -> str:
    return tr(f"grid.level.{level.value}") if level else ""


def grid_body(session: Session, tr: Tr, lang: str) -> list[Block]:
    """The grid drawn in text, the rule for its rows, and its table of positions."""
    kind = session.grid.kind
    horizon = session.horizon_year
    entries = grid_entries(session)
    rule_key = "grid.impact_rule" if kind == GridKind.IMPACT_MASTERY else "grid.spread_rule"
    drawn = "\n".join(render_grid(entries, kind, lang=lang, horizon=horizon, cell_width=16))
    out: list[Block] = [Paragraph.of(tr(rule_key, horizon=horizon)), Preformatted(drawn)]
    if not entries:
        return out
    head = [
        tr("minutes.col.number"),
        tr("grid.col.title"),
        tr("minutes.col.description"),
        tr("minutes.col.points"),
    ]
    if kind == GridKind.IMPACT_MASTERY:
        head += [
            tr("minutes.col.impact"),
            tr("minutes.col.present"),
            tr("minutes.col.future", horizon=horizon),
            tr("minutes.col.reason_future"),
        ]
        align = list("rllrllll")
    else:
        head += [
            tr("minutes.col.spread"),
            tr("minutes.col.founded"),
            tr("minutes.col.reason_founded"),
        ]
        align = list("rllrlll")
    rows = []
    for e in entries:
        row = [str(e.number), e.title, e.description, str(e.points)]
        row += [_level(e.impact, tr), _level(e.present, tr)]
        if kind == GridKind.IMPACT_MASTERY:
            row.append(_level(e.future, tr))
        row.append(e.reason)
        rows.append(row)
    out.append(Table.of(head, rows, align))
    return out


def grid_heading(session: Session, tr: Tr) -> str:
    return tr(f"grid.heading.{session.grid.kind.value}")


def grid_blocks(session: Session, opts: MinutesOptions) -> list[Block]:
    if not has_grid(session):
        return []
    return [Heading(2, grid_heading(session, opts.tr)), *grid_body(session, opts.tr, opts.lang)]


def envelope_text(session: Session, env: int, tr: Tr) -> str:
    """``8 points``, and why when an odd count of items was halved (17 items / 2, rounded down)."""
    text = tr("minutes.n_points", env, n=env)
    items = len(item_numbers(session))
    if session.vote.envelope is None and items % 2 and env == items // 2:
        text += f" ({tr('vote.envelope.default_rounded', items=items)})"
    return text
