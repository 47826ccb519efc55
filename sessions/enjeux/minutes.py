"""The enjeux in the minutes: a numbered table with where each came from.

``enjeux_blocks(session, opts)`` is a section of the minutes
(``sessions.documents.minutes.SECTIONS``); it gives nothing for a session
without enjeux, so such minutes are unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sessions.documents.minutes_common import MinutesOptions
from sessions.documents.tree import Block, Heading, Paragraph, Table
from sessions.enjeux.model import Enjeu

if TYPE_CHECKING:
    from sessions.models import Session


def sources_text(enjeu: Enjeu, opts: MinutesOptions) -> str:
    """Where an enjeu came from: ``« Groupe B » (1a2b3c4d), item n°3`` (``séance 1a2b3c4d,
    item n°3`` from a file that kept no title); empty when typed."""
    return "; ".join(
        opts.tr("enjeux.source_named", title=s.title, session=s.session, item=s.item)
        if s.title
        else opts.tr("enjeux.source", session=s.session, item=s.item)
        for s in enjeu.sources
    )


def enjeux_blocks(session: Session, opts: MinutesOptions) -> list[Block]:
    enjeux = sorted(session.enjeux, key=lambda e: e.number)
    if not enjeux:
        return []
    tr = opts.tr
    with_sources = any(e.sources for e in enjeux)
    header = [tr("enjeux.col.number"), tr("enjeux.col.text")]
    if with_sources:
        header.append(tr("enjeux.col.sources"))
    rows = []
    for enjeu in enjeux:
        row = [str(enjeu.number), enjeu.text]
        if with_sources:
            row.append(sources_text(enjeu, opts))
        rows.append(row)
    align = ["r", "l", "l"][: len(header)]
    return [Heading(2, tr("enjeux.heading")), Table.of(header, rows, align)]


def chantiers_blocks(session: Session, opts: MinutesOptions) -> list[Block]:
    """The restitution's recap table enjeux x chantiers, with its legend; nothing without one."""
    from sessions.enjeux.chantiers import recap_table

    table = recap_table(session, opts.tr, opts.lang)
    if table is None:
        return []
    tr = opts.tr
    return [Heading(2, tr("chantiers.heading")), table, Paragraph.of(tr("chantiers.legend"))]


def chantiers_synthesis_blocks(session: Session, lang: str) -> list[Block]:
    """A group's recap table in the groups' synthesis (``atelier synthesis``)."""
    from sessions.enjeux.chantiers import recap_table

    tr = MinutesOptions(lang).tr
    table = recap_table(session, tr, lang)
    return [] if table is None else [Heading(3, tr("chantiers.heading")), table]


def chantiers_across_blocks(sessions: list[Session], lang: str) -> list[Block]:
    """The enjeu groups' chantiers in one recap table with its legend, when 2 groups have some."""
    from sessions.enjeux.chantiers import chantiers, recap_across

    if sum(1 for s in sessions if chantiers(s)) < 2:  # one group: its own table says it
        return []
    tr = MinutesOptions(lang).tr
    table = recap_across(sessions, tr, lang)
    if table is None:
        return []
    heading = Heading(2, tr("chantiers.heading_all"))
    return [heading, table, Paragraph.of(tr("chantiers.legend"))]
