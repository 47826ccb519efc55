"""The maps in the minutes: each drawn in a fenced block, its table of resources beside.

``map_blocks(session, opts)`` is a section of the minutes
(``sessions.documents.minutes.SECTIONS``); nothing for a session without maps.
Each map says who stayed at its table (the 20-minute rotation) when recorded,
and its table gains the guide's three questions when a node answers them.
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
from sessions.maps.drawing import LINE, Tr, draw, group_label, groups
from sessions.maps.model import Map, MapNode

if TYPE_CHECKING:
    from sessions.models import Session

WIDTH = 76  # the drawing's width in the minutes (a fenced block reads well at 80 columns)


def answered(map_: Map) -> bool:
    """True when a node of the map answers one of the guide's three questions."""
    return any(n.have or n.connection or n.operative for n in map_.nodes)


def answers(node: MapNode, tr: Tr) -> list[str]:
    """A node's answers to the guide's three questions, in words ("" when not answered)."""
    have = tr(f"maps.have.{node.have}") if node.have else ""
    operative = tr(f"maps.operative.{node.operative}") if node.operative else ""
    return [have, node.connection, operative]


def map_table(map_: Map, opts: MinutesOptions) -> Table:
    """One row per node, in the drawing's order: group, label, link (line and word), notes;
    then the guide's three questions when a node answers one."""
    tr = opts.tr
    header = [
        tr(f"maps.col.group.{map_.kind}"),
        tr(f"maps.col.label.{map_.kind}"),
        tr("maps.col.link"),
        tr("maps.col.notes"),
    ]
    questions = answered(map_)
    if questions:
        header += [tr("maps.col.have"), tr("maps.col.connection"), tr("maps.col.operative")]
    rows = []
    for group, nodes in groups(map_):
        for node in nodes:
            link = f"{LINE[node.link].strip()} {tr(f'maps.link.{node.link}')}".strip()
            row = [group_label(map_, group, tr), node.label, link, node.notes]
            rows.append(row + answers(node, tr) if questions else row)
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
        if map_.host:  # the 20-minute rotation: who stayed at this table
            blocks.append(Paragraph.of(tr("maps.host", host=map_.host)))
        blocks.append(Preformatted(draw(map_, tr, WIDTH)))
        if map_.nodes:
            blocks.append(map_table(map_, opts))
        if map_.kind == "offre":  # the guide's five questions, asked of the map at step 5
            blocks.append(Paragraph.of(tr("maps.etonnement")))
            questions = (tr(f"maps.etonnement.{n}") for n in range(1, 6))
            blocks.append(BulletList(tuple((plain(q),) for q in questions)))
    return blocks
