"""``atelier import ideas|votes SESSION FILE``: a whole file in one transaction.

The file is checked against the session inside the locked transaction; the
first bad line refuses the whole file (``FILE:LINE: reason``) and nothing is
written. ``-`` reads standard input.
"""

from __future__ import annotations

import argparse

from sessions.i18n import t, tn
from sessions.i18n.oserror import os_reason
from tui.cli.commands import import_enjeux, import_map, import_sheets
from tui.cli.context import EXIT_INVALID, EXIT_NOT_FOUND, Context
from tui.cli.stdio import read_input


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("import", help=t("import.help"))
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    for kind in ("ideas", "votes"):
        child = kinds.add_parser(kind, help=t(f"import.{kind}.help"))
        child.add_argument("session", metavar="SESSION", help=t("cli.opt.session"))
        child.add_argument("file", metavar="FILE", help=t("import.file"))
        child.add_argument("--json", action="store_true", help=t("cli.opt.json"))
        child.set_defaults(func=run, kind=kind)
    import_sheets.add_kind(kinds)
    import_enjeux.add_kind(kinds)
    import_map.add_kind(kinds)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from sessions.documents.imports import (
        ImportFileError,
        apply_ideas,
        apply_votes,
        decode,
        parse_ideas,
        parse_votes,
    )

    try:
        data = read_input(args.file)
    except OSError as exc:
        ctx.error(t("cli.cannot_read", path=args.file, reason=os_reason(exc)))
        return EXIT_NOT_FOUND if isinstance(exc, FileNotFoundError) else EXIT_INVALID
    now = ctx.clock.now()

    def op(session):  # type: ignore[no-untyped-def]
        text = decode(data)
        if args.kind == "ideas":
            entries = parse_ideas(session, text)
            numbers = apply_ideas(session, entries, now)
            authored = sum(1 for e in entries if e.author_id)
            return {"kind": "ideas", "numbers": numbers, "authored": authored}
        rows = parse_votes(session, text)
        apply_votes(session, rows)
        return {"kind": "votes", "ballots": len(rows)}

    try:
        result = ctx.store.transact(args.session, op)
    except ImportFileError as exc:
        reason = str(exc)
        if exc.line:
            ctx.error(t("import.refused", path=args.file, line=exc.line, reason=reason))
        else:
            ctx.error(t("import.refused_file", path=args.file, reason=reason))
        return EXIT_INVALID
    if args.json:
        ctx.print_json(result)
    elif result["kind"] == "ideas":
        numbers = result["numbers"]
        ctx.print(
            tn(
                "import.ideas.done",
                len(numbers),
                count=len(numbers),
                first=numbers[0],
                last=numbers[-1],
                authored=result["authored"],
            )
        )
    else:
        ctx.print(tn("import.votes.done", result["ballots"], count=result["ballots"]))
    return 0
