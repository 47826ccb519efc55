"""The maps in the minutes: each drawn in a fenced block, its table of resources beside.

``map_blocks(session, opts)`` is a section of the minutes
(``sessions.documents.minutes.SECTIONS``); nothing for a session without maps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sessions.documents.minutes_common import MinutesOptions
from sessions.documents.tree import (
    Block,
    BulletList,
    Heading,
    Paragraph,
    Preformatted,
    Table,
    plain,
)
from sessions.maps.drawing import LINE, draw, group_label, groups
from sessions.maps.model import Map

if TYPE_CHECKING:
    from sessions.models import Session

WIDTH = 76  # the drawing's width in the minutes (a fenced block reads well at 80 columns)


def map_table(map_: Map, opts: MinutesOptions) -> Table:
    """One row per node, in the drawing's order: group, label, link (line and word), notes."""
    tr = opts.tr
    header = [
        tr(f"maps.col.group.{map_.kind}"),
        tr(f"maps.col.label.{map_.kind}"),
        tr("maps.col.link"),
        tr("maps.col.notes"),
    ]
    rows = []
    for group, nodes in groups(map_):
        for node in nodes:
            link = f"{LINE[node.link].strip()} {tr(f'maps.link.{node.link}')}".strip()
            rows.append([group_label(map_, group, tr), node.label, link, node.notes])
    return Table.of(header, rows)


def map_blocks(session: Session, opts: MinutesOptions) -> list[Block]:
    if not session.maps:
        return []
    tr = opts.tr
    blocks: list[Block] = [Heading(2, tr("maps.heading"))]
    for map_ in session.maps:
        blocks.append(Heading(3, tr(f"maps.title.{map_.kind}", centre=map_.centre or "-")))
        if map_.chantier is not None:
            blocks.append(Paragraph.of(tr("maps.chantier", number=map_.chantier)))
        blocks.append(Preformatted(draw(map_, tr, WIDTH)))
        if map_.nodes:
            blocks.append(map_table(map_, opts))
        if map_.kind == "offre":  # the guide's five questions, asked of the map at step 5
            blocks.append(Paragraph.of(tr("maps.etonnement")))
            questions = (tr(f"maps.etonnement.{n}") for n in range(1, 6))
            blocks.append(BulletList(tuple((plain(q),) for q in questions)))
    return blocks
