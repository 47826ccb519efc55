"""``atelier import map SESSION FILE.toml``: ``[[maps]]`` tables, all or nothing.

Registered under ``atelier import`` by ``import_.register`` (``add_kind``); the
top-level ``register`` adds nothing. A refused file names the map, the node, the field
and the allowed values, writes nothing and exits 6.
"""

from __future__ import annotations

import argparse

from sessions.i18n import t, tn
from sessions.i18n.oserror import os_reason
from tui.cli.context import EXIT_INVALID, EXIT_NOT_FOUND, Context
from tui.cli.stdio import read_input


def register(sub: argparse._SubParsersAction) -> None:
    """Nothing at the top level: ``import map`` is a kind of ``atelier import``."""


def add_kind(kinds: argparse._SubParsersAction) -> None:
    child = kinds.add_parser("map", help=t("import.map.help"))
    child.add_argument("session", metavar="SESSION", help=t("cli.opt.session"))
    child.add_argument("file", metavar="FILE", help=t("import.file"))
    child.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    child.set_defaults(func=run, kind="map")


def run(args: argparse.Namespace, ctx: Context) -> int:
    from sessions.documents.imports import ImportFileError, decode
    from sessions.maps.toml_import import MapError, apply_maps, parse_maps

    try:
        data = read_input(args.file)
    except OSError as exc:
        ctx.error(t("cli.cannot_read", path=args.file, reason=os_reason(exc)))
        return EXIT_NOT_FOUND if isinstance(exc, FileNotFoundError) else EXIT_INVALID

    def op(session):  # type: ignore[no-untyped-def]
        maps = parse_maps(session, decode(data))
        return len(maps), apply_maps(session, maps)

    try:
        count, nodes = ctx.store.transact(args.session, op)
    except (MapError, ImportFileError) as exc:
        ctx.error(t("import.refused_file", path=args.file, reason=exc))
        return EXIT_INVALID
    if args.json:
        ctx.print_json({"kind": "map", "maps": count, "nodes": nodes})
    else:
        ctx.print(tn("import.map.done", count, count=count, nodes=nodes))
    return 0
