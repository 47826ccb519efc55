"""A map drawn in text: the centre, its groups, their nodes, as a tree of Unicode lines.

The link of each node is told by its line *and* by a word in the legend under
the tree: ``━━━`` plein (a joint project), ``┄┄┄`` pointillé (acquaintance), no
line for aucun. Every node is drawn once; long labels and notes wrap under
their node; no line is wider than ``width`` (at least ``MIN_WIDTH``) counted
in terminal cells; the legend comes last, after a blank line, apart from the tree.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from sessions.core.text import clean_text
from sessions.maps.model import NATURES, Map, MapNode

MIN_WIDTH = 24
LINE = {"plein": "━━━", "pointille": "┄┄┄", "aucun": "   "}
Tr = Callable[..., str]


def cells(text: str) -> int:
    """The terminal cells ``text`` takes: wide characters 2, combining marks 0."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken at spaces, long words cut."""
    width = max(1, width)
    lines: list[str] = []
    current = ""
    for word in (w for w in text.split(" ") if w):  # a no-break space stays
        if cells(word) > width and current:  # a word longer than a line starts its own
            lines.append(current)
            current = ""
        while cells(word) > width:  # then is cut, a line at a time
            head, word = _cut(word, width)
            lines.append(head)
        if not current:
            current = word
        elif cells(current) + 1 + cells(word) <= width:
            current = f"{current} {word}"
        else:
            lines.append(current)
            current = word
    if current or not lines:
        lines.append(current)
    return lines


def _cut(word: str, room: int) -> tuple[str, str]:
    """The longest head of ``word`` within ``room`` cells (at least one character), and the rest."""
    used = 0
    for index, ch in enumerate(word):
        used += cells(ch)
        if used > room and index > 0:
            return word[:index], word[index:]
    return word, ""


def groups(map_: Map) -> list[tuple[str, list[MapNode]]]:
    """The map's groups in order (the natures' order on a resource map), each with its nodes."""
    found: dict[str, list[MapNode]] = {}
    for node in map_.nodes:
        found.setdefault(node.group, []).append(node)
    if map_.kind == "ressources":
        return [(g, found[g]) for g in NATURES if g in found]
    return list(found.items())


def group_label(map_: Map, group: str, tr: Tr) -> str:
    if map_.kind == "ressources" and group in NATURES:
        return tr(f"maps.nature.{group}")
    return clean_text(group) or tr("maps.no_group")


def _block(first: str, rest: str, text: str, width: int) -> list[str]:
    """``text`` wrapped after the prefix ``first`` then ``rest`` (same cell width)."""
    lines = wrap(text, width - cells(first))
    return [first + lines[0], *(rest + line for line in lines[1:])]


def legend(tr: Tr, width: int) -> list[str]:
    """The legend: each line and its word; wrapped to ``width``."""
    text = tr("maps.legend", plein=LINE["plein"], pointille=LINE["pointille"])
    return wrap(text, width)


def draw(map_: Map, tr: Tr, width: int = 76) -> str:
    """The map as text lines (see the module's docstring)."""
    width = max(MIN_WIDTH, width)
    lines = wrap(clean_text(map_.centre) or tr("maps.no_centre"), width)
    shown = groups(map_)
    for g_index, (group, nodes) in enumerate(shown):
        last_group = g_index == len(shown) - 1
        branch, trunk = ("└─ ", "   ") if last_group else ("├─ ", "│  ")
        lines += _block(branch, trunk, group_label(map_, group, tr), width)
        for n_index, node in enumerate(nodes):
            last = n_index == len(nodes) - 1
            twig, stem = ("└─", "  ") if last else ("├─", "│ ")
            first = trunk + twig + LINE[node.link] + " "
            rest = trunk + stem + " " * (cells(LINE[node.link]) + 1)
            lines += _block(first, rest, clean_text(node.label) or "?", width)
            notes = clean_text(node.notes)
            if notes:
                lines += _block(rest + "  ", rest + "  ", notes, width)
    return "\n".join([*lines, "", *legend(tr, width)])
