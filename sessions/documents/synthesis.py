"""The groups' synthesis: several groups' sessions merged into one document.

For the *restitution*, the rapporteurs bring their groups' results together:
``synthesis_document(sessions)`` builds a document tree (``sessions.documents.tree``)
with a combined table of every group's top items (group, rank, number, idea,
points), then a section per group with its question, its top items and its
grid (drawn in text, with its table of positions and reasons), from the same
builders as the minutes. ``synthesis_markdown`` renders it as Markdown (user
text literal, ``sessions.documents.markdown_safe``); ``render_html`` makes a page of it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sessions.documents.minutes_common import (
    format_date,
    has_grid,
    minutes_language,
    numbers_label,
    rank_label,
    top_items,
    translator,
)
from sessions.documents.minutes_vote import grid_body, grid_heading, top_table
from sessions.documents.render_markdown import render_markdown
from sessions.documents.tree import (
    Block,
    BulletList,
    Document,
    Heading,
    Paragraph,
    Table,
    plain,
    strong,
)
from sessions.enjeux.minutes import chantiers_across_blocks, chantiers_synthesis_blocks
from sessions.i18n import t
from sessions.models import Session
from sessions.sheets.minutes import synthesis_blocks
from sessions.vote.dots import is_dots
from sessions.vote.ranking import ranked_items, tied_ranks, top_n


def group_name(session: Session) -> str:
    """How a group is called in the synthesis: its session title."""
    return session.title


def synthesis_document(sessions: Sequence[Session], lang: str | None = None) -> Document:
    """One document for the groups' ``sessions`` (in the given order)."""
    if not sessions:
        raise ValueError("a synthesis needs at least one session")
    lang = minutes_language(sessions[0], lang)
    tr = translator(lang)
    colon = tr("label.colon") + " "  # " : " with a narrow no-break space in French
    titles = ", ".join(group_name(s) for s in sessions)
    themes = list(dict.fromkeys(s.theme for s in sessions if s.theme))
    intro = [tr("synthesis.intro", count=len(sessions), titles=titles)]
    dates = list(dict.fromkeys(format_date(s, lang) for s in sessions))
    intro.append(f"{tr('minutes.date')}{colon}{', '.join(dates)}")
    if themes:
        intro.append(f"{tr('minutes.theme')}{colon}{' / '.join(themes)}")
    blocks: list[Block] = [BulletList(tuple((plain(line),) for line in intro))]
    blocks += [Heading(2, tr("synthesis.h.combined")), combined(sessions, lang)]
    blocks += chantiers_across_blocks(list(sessions), lang)  # the enjeu groups' chantiers
    for session in sessions:
        blocks.append(Heading(2, tr("synthesis.h.group", title=group_name(session))))
        for section in GROUP_SECTIONS:
            blocks += section(session, lang)
    return Document(title=tr("synthesis.title"), language=lang, blocks=tuple(blocks))


def question_blocks(session: Session, lang: str) -> list[Block]:
    """The group's starting question, when it has one."""
    if not session.question:
        return []
    question = " ".join(session.question.split())
    return [Paragraph.of(strong(translator(lang)("minutes.question")), " : " + question)]


def top_group_blocks(session: Session, lang: str) -> list[Block]:
    tr = translator(lang)
    return [Heading(3, tr("minutes.h.top", n=top_n(session))), *top_table(session, tr)]


def grid_group_blocks(session: Session, lang: str) -> list[Block]:
    if not has_grid(session):
        return []
    tr = translator(lang)
    return [Heading(3, grid_heading(session, tr)), *grid_body(session, tr, lang)]


GroupSection = Callable[[Session, str], list[Block]]

# What the synthesis says of each group, in order, under the group's heading: a
# builder ``(session, lang) -> list[Block]`` per part (as ``sessions.core.parts`` names them).
GROUP_SECTIONS: list[GroupSection] = [
    question_blocks,
    top_group_blocks,
    grid_group_blocks,
    synthesis_blocks,  # the sheets
    chantiers_synthesis_blocks,  # the recap table enjeux x chantiers
]


def synthesis_markdown(sessions: Sequence[Session], lang: str | None = None) -> str:
    """One Markdown document for the groups' ``sessions`` (in the given order)."""
    return render_markdown(synthesis_document(sessions, lang))


def count_column(sessions: Sequence[Session]) -> str:
    """The count column's key: points, dots (every group voted with dots), or both when mixed."""
    rules = {is_dots(session) for session in sessions}
    if rules == {True}:
        return "dots.minutes.col"
    return "synthesis.col.points_or_dots" if True in rules else "minutes.col.points"


def combined(sessions: Sequence[Session], lang: str) -> Table:
    """Every group's top items in one table, group by group, by rank."""
    tr = translator(lang)
    rows = []
    for session in sessions:
        items = top_items(session)
        ties = tied_ranks(ranked_items(session))
        if not items:
            rows.append([group_name(session), "", "", t("synthesis.no_top", lang), ""])
        for item in items:
            rows.append(
                [
                    group_name(session),
                    rank_label(item, ties, tr),
                    numbers_label(item),
                    item.text,
                    str(item.points),
                ]
            )
    head = [
        tr("synthesis.col.group"),
        tr("minutes.col.rank"),
        tr("minutes.col.number"),
        tr("minutes.col.idea"),
        tr(count_column(sessions)),
    ]
    return Table.of(head, rows, list("lrrlr"))
