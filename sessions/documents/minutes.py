"""The minutes (compte-rendu) of a session: one document tree, in the session's language.

``minutes_document(session)`` builds the minutes once, as a
``sessions.documents.tree.Document``, from the ordered ``SECTIONS``: title,
date, place, theme and question, roles, participants (or only their number,
with ``names=False``), the agenda with planned and actual minutes and the
facilitator's script (each phase's notes, turns and rotation), every idea
with its number and author (no author with ``names=False``), the vote table
(rank, points, struck and merged items), the late ideas, the top 10, the grid
drawn in text with its table of positions and reasons, and the next steps
(METHOD.md, "The minutes"). Renderers make Markdown (``minutes_markdown``,
byte-identical to ``tests/golden/``), HTML and the F7 preview from it.

A new part of a session adds its builder to ``SECTIONS`` (a function
``(session, MinutesOptions) -> list[Block]``, heading included, ``[]`` when
it has nothing to say) without touching the others. A format leaves out the
sections it does not use: no vote, top or ideas where it does not vote, no
grid nor horizon without a grid, no sheets, enjeux or maps sections where its
parts have none; a section it uses that stayed empty says so in one line.

The tree holds text as typed; the Markdown renderer keeps it literal
(``sessions.documents.markdown_safe``). For an anonymous export, pass
``sessions.documents.anonymize.anonymize(session)``.
"""

from __future__ import annotations

from collections.abc import Callable

from sessions.documents.minutes_common import (
    MinutesOptions,
    declares,
    format_date,
    minutes_language,
    translator,
)
from sessions.documents.minutes_sections import (
    agenda_blocks,
    footer_blocks,
    header_blocks,
    ideas_blocks,
    next_steps_blocks,
    participants_blocks,
    roles_blocks,
)
from sessions.documents.minutes_vote import grid_blocks, late_blocks, top_blocks, vote_blocks
from sessions.documents.render_markdown import render_markdown
from sessions.documents.tree import Block, Document, Heading, Paragraph
from sessions.enjeux.minutes import chantiers_blocks, enjeux_blocks
from sessions.maps.minutes import map_blocks
from sessions.models import Session
from sessions.sheets.minutes import sheet_blocks
from sessions.vote.ranking import rankings_reused

__all__ = [
    "SECTIONS",
    "MinutesOptions",
    "Section",
    "format_date",
    "minutes_document",
    "minutes_language",
    "minutes_markdown",
    "translator",
]

Section = Callable[[Session, MinutesOptions], list[Block]]


def said_when_empty(builder: Section, part_name: str, heading: str, empty: str) -> Section:
    """``builder``, and where it gives nothing for a format that plans the part, one line saying so.

    A format whose ``[parts]`` do not declare ``part_name`` gets nothing: no empty
    "Fiches" in the minutes of fiche n°1, "Aucune fiche remplie." in an atelier
    thématique's before its synthesis is written.
    """

    def section(session: Session, opts: MinutesOptions) -> list[Block]:
        blocks = builder(session, opts)
        if blocks or not declares(session, part_name):
            return blocks
        return [Heading(2, opts.tr(heading)), Paragraph.of(opts.tr(empty))]

    section.__name__ = section.__qualname__ = builder.__name__
    return section


# The minutes' parts, in the order they are read.
SECTIONS: list[Section] = [
    header_blocks,
    roles_blocks,
    participants_blocks,
    agenda_blocks,
    said_when_empty(enjeux_blocks, "enjeux", "enjeux.heading", "minutes.no_enjeux"),
    ideas_blocks,
    vote_blocks,
    late_blocks,
    top_blocks,
    grid_blocks,
    said_when_empty(sheet_blocks, "sheets", "sheets.minutes.heading", "minutes.no_sheets"),
    chantiers_blocks,
    said_when_empty(map_blocks, "maps", "maps.heading", "minutes.no_maps"),
    next_steps_blocks,
    footer_blocks,
]


def minutes_document(
    session: Session,
    lang: str | None = None,
    names: bool = True,
    sections: list[Section] | None = None,
) -> Document:
    """The whole minutes as a document tree."""
    opts = MinutesOptions(minutes_language(session, lang), names)
    blocks: list[Block] = []
    with rankings_reused():  # several sections rank the same items
        for section in SECTIONS if sections is None else sections:
            blocks.extend(section(session, opts))
    title = opts.tr("minutes.doc_title", title=session.title)
    return Document(title=title, language=opts.lang, blocks=tuple(blocks))


def minutes_markdown(session: Session, lang: str | None = None, names: bool = True) -> str:
    """The whole minutes as Markdown text (ends with a newline)."""
    return render_markdown(minutes_document(session, lang, names))
