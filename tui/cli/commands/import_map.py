"""``atelier import map SESSION FILE.toml``: ``[[maps]]`` tables, all or nothing.

Registered under ``atelier import`` by ``import_.register`` (``add_kind``); the
top-level ``register`` adds nothing. A refused file names the map, the node, the field
and the allowed values, writes nothing and exits 6 (``tui.cli.importing``). The
maps go in by an op (``sessions.maps.ops.ImportMaps``), as the app's changes do:
an open app's ctrl+z never takes them back.
"""

from __future__ import annotations

import argparse

from sessions.i18n import tn
from tui.cli.context import Context
from tui.cli.importing import Imported, import_file
from tui.cli.importing import add_kind as _add_kind


def register(sub: argparse._SubParsersAction) -> None:
    """Nothing at the top level: ``import map`` is a kind of ``atelier import``."""


def add_kind(kinds: argparse._SubParsersAction) -> None:
    _add_kind(kinds, "map", run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from sessions.core.ops import apply
    from sessions.maps.ops import ImportMaps
    from sessions.maps.toml_import import MapError, parse_maps

    def change(session, text):  # type: ignore[no-untyped-def]
        maps = parse_maps(session, text)
        count, nodes = len(maps), apply(session, ImportMaps(tuple(maps))).result
        return Imported(
            {"kind": "map", "maps": count, "nodes": nodes},
            tn(
                "import.map.done",
                count,
                count=count,
                nodes=tn("import.map.nodes", nodes, count=nodes),
            ),
        )

    return import_file(args, ctx, change, (MapError,))
