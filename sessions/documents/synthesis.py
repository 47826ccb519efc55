"""The groups' synthesis: several groups' sessions merged into one document.

For the *restitution*, the rapporteurs bring their groups' results together:
``synthesis_document(sessions)`` builds a document tree (``sessions.documents.tree``)
with a combined table of the top items of every group that votes (group, rank,
number, idea, points or dots; left out for one session alone, whose section has its
top), the enjeu groups' chantiers in one recap table,
then a section per group with what it produced, from the same builders as the
minutes: its question, its top items and its grid where its format votes and
places, its enjeux and chantiers, its sheets (a written ``synthese`` or ``bilan``
in full, the others by title), its maps. A group of a format without a vote
(atelier thématique) shows its sheets, never "no vote yet". Sessions of one format are
the groups of a restitution ("3 groupes"); sessions of different formats (a fiche n°3
chantiers session, an offer map) are separate workshops: the document calls them
"séances" and names each one's format. ``synthesis_markdown``
renders it as Markdown (user text literal, ``sessions.documents.markdown_safe``);
every format of ``sessions.documents.exports.DOCUMENT_FORMATS`` draws the same tree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from sessions.documents.minutes_common import (
    MinutesOptions,
    declares,
    format_date,
    has_grid,
    minutes_language,
    numbers_label,
    rank_label,
    top_items,
    translator,
    votes,
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
from sessions.enjeux.minutes import (
    chantiers_across_blocks,
    chantiers_synthesis_blocks,
    enjeux_blocks,
)
from sessions.i18n import t
from sessions.maps.minutes import map_blocks
from sessions.models import Session
from sessions.sheets.catalog import find_kind
from sessions.sheets.minutes import one_sheet, sheet_heading
from sessions.sheets.ops import visible
from sessions.vote.dots import is_dots
from sessions.vote.ranking import ranked_items, tied_ranks, top_n


def group_name(session: Session) -> str:
    """How a group is called in the synthesis: its session title."""
    return session.title


def of_one_format(sessions: Sequence[Session]) -> bool:
    """Whether the sessions are groups of one format (else separate workshops: "séances")."""
    return len({session.template for session in sessions}) <= 1


def format_title(session: Session, lang: str) -> str:
    """The session's format as the guides call it ("Passer des enjeux aux solutions")."""
    from sessions.agenda.catalog import builtin_templates

    found = next((x for x in builtin_templates() if x.name == session.template), None)
    return found.display_title(lang) if found is not None else session.template


def words(grouped: bool) -> Callable[[str], str]:
    """The message key for groups, or its ``_sessions`` twin for separate workshops."""
    return lambda key: key if grouped else f"{key}_sessions"


def synthesis_document(sessions: Sequence[Session], lang: str | None = None) -> Document:
    """One document for the groups' ``sessions`` (in the given order)."""
    if not sessions:
        raise ValueError("a synthesis needs at least one session")
    lang = minutes_language(sessions[0], lang)
    tr = translator(lang)
    colon = tr("label.colon") + " "  # " : " with a narrow no-break space in French
    word = words(of_one_format(sessions))
    if of_one_format(sessions):
        titles = ", ".join(group_name(s) for s in sessions)
    else:  # separate workshops: each one's format, so nobody reads them as groups
        titles = ", ".join(
            tr("synthesis.session_format", title=group_name(s), format=format_title(s, lang))
            if s.template
            else group_name(s)
            for s in sessions
        )
    themes = list(dict.fromkeys(s.theme for s in sessions if s.theme))
    intro = [tr(word("synthesis.intro"), len(sessions), count=len(sessions), titles=titles)]
    dates = list(dict.fromkeys(format_date(s, lang) for s in sessions))
    intro.append(f"{tr('minutes.date')}{colon}{', '.join(dates)}")
    if themes:
        intro.append(f"{tr('minutes.theme')}{colon}{' / '.join(themes)}")
    blocks: list[Block] = [BulletList(tuple((plain(line),) for line in intro))]
    voting = [session for session in sessions if votes(session)]
    # the groups of a format without a vote have no top to put together; one session
    # alone has nothing to put together either: its own section shows its top
    if voting and len(sessions) > 1:
        heading = Heading(2, tr(word("synthesis.h.combined")))
        blocks += [heading, combined(voting, lang, grouped=of_one_format(sessions))]
    blocks += chantiers_across_blocks(list(sessions), lang)  # the enjeu groups' chantiers
    for session in sessions:
        blocks.append(Heading(2, tr("synthesis.h.group", title=group_name(session))))
        for section in GROUP_SECTIONS:
            blocks += section(session, lang)
    return Document(title=tr(word("synthesis.title")), language=lang, blocks=tuple(blocks))


def question_blocks(session: Session, lang: str) -> list[Block]:
    """The group's starting question, when it has one."""
    if not session.question:
        return []
    tr = translator(lang)
    question = " ".join(session.question.split())
    return [Paragraph.of(strong(tr("minutes.question") + tr("label.colon")), " " + question)]


def top_group_blocks(session: Session, lang: str) -> list[Block]:
    """The group's top N where its format votes (one line while nobody voted)."""
    if not votes(session):
        return []
    tr = translator(lang)
    return [Heading(3, tr("minutes.h.top", n=top_n(session))), *top_table(session, tr)]


def grid_group_blocks(session: Session, lang: str) -> list[Block]:
    if not has_grid(session):
        return []
    tr = translator(lang)
    return [Heading(3, grid_heading(session, tr)), *grid_body(session, tr, lang)]


# The sheets the synthesis gives in full: what a group wrote to be read out (the
# rapporteurs' synthèse [000], the offer map's bilan [004]); the others by title.
FULL_SHEETS = ("synthese", "bilan")


def sheets_group_blocks(session: Session, lang: str) -> list[Block]:
    """The group's sheets: a written synthesis in full, the others listed by title."""
    opts = MinutesOptions(lang)
    tr = opts.tr
    heading = Heading(3, tr("sheets.minutes.heading"))
    shown = [(sheet, find_kind(sheet.kind)) for sheet in visible(session)]
    shown = [(sheet, kind) for sheet, kind in shown if kind is not None]
    if not shown:
        empty = [heading, Paragraph.of(tr("minutes.no_sheets"))]
        return empty if declares(session, "sheets") else []
    blocks: list[Block] = [heading]
    listed = []
    for sheet, kind in shown:
        if kind.kind in FULL_SHEETS:
            blocks += one_sheet(session, sheet, kind, opts, level=4)
        else:
            name = sheet_heading(sheet, kind, lang, tr)
            if sheet.items:  # the items it develops, numbered as in the minutes
                marks = ", ".join(f"n°{n}" if lang == "fr" else f"#{n}" for n in sheet.items)
                name = tr("synthesis.sheet_items", sheet=name, numbers=marks)
            listed.append((plain(name),))
    if listed:
        blocks.append(BulletList(tuple(listed)))
    return blocks


def demoted(blocks: list[Block], by: int = 1) -> list[Block]:
    """A minutes section one level down, to sit under a group's heading."""
    return [replace(b, level=b.level + by) if isinstance(b, Heading) else b for b in blocks]


def enjeux_group_blocks(session: Session, lang: str) -> list[Block]:
    """The questions the group worked on (what the recap's "Enjeu n" columns stand for)."""
    blocks = demoted(enjeux_blocks(session, MinutesOptions(lang)))
    if blocks or not declares(session, "enjeux"):
        return blocks
    tr = translator(lang)
    return [Heading(3, tr("enjeux.heading")), Paragraph.of(tr("minutes.no_enjeux"))]


def maps_group_blocks(session: Session, lang: str) -> list[Block]:
    """The group's maps, drawn as in its minutes."""
    blocks = demoted(map_blocks(session, MinutesOptions(lang)))
    if blocks or not declares(session, "maps"):
        return blocks
    tr = translator(lang)
    return [Heading(3, tr("maps.heading")), Paragraph.of(tr("minutes.no_maps"))]


GroupSection = Callable[[Session, str], list[Block]]

# What the synthesis says of each group, in order, under the group's heading: a
# builder ``(session, lang) -> list[Block]`` per part (as ``sessions.core.parts`` names them);
# each gives nothing for a part the group's format does not use.
GROUP_SECTIONS: list[GroupSection] = [
    question_blocks,
    top_group_blocks,
    grid_group_blocks,
    enjeux_group_blocks,  # the questions first: the recap's columns are theirs
    chantiers_synthesis_blocks,  # the recap table enjeux x chantiers
    sheets_group_blocks,  # the written synthesis in full, the other sheets by title
    maps_group_blocks,
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


def combined(sessions: Sequence[Session], lang: str, grouped: bool = True) -> Table:
    """Every group's top items in one table, group by group, by rank.

    ``grouped``: the sessions are groups of one format; else the column says "Séance".
    """
    tr = translator(lang)
    word = words(grouped)
    rows = []
    for session in sessions:
        items = top_items(session)
        ties = tied_ranks(ranked_items(session))
        if not items:
            rows.append([group_name(session), "", "", t(word("synthesis.no_top"), lang), ""])
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
        tr(word("synthesis.col.group")),
        tr("minutes.col.rank"),
        tr("minutes.col.number"),
        tr("minutes.col.idea"),
        tr(count_column(sessions)),
    ]
    return Table.of(head, rows, list("lrrlr"))
