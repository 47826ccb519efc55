"""``atelier import ideas|votes SESSION FILE``: a whole file in one transaction.

The file is checked against the session inside the locked transaction; the
first bad line refuses the whole file (``FILE:LINE: reason``) and nothing is
written. ``-`` reads standard input. The change is an op
(``sessions.documents.import_ops``), as the app's are: an open app's ctrl+z
never takes it back. The shape every kind shares is ``tui.cli.importing``.
"""

from __future__ import annotations

import argparse

from sessions.i18n import t, tn
from tui.cli.commands import import_enjeux, import_map, import_sheets
from tui.cli.context import Context
from tui.cli.importing import Imported, add_kind, import_file


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("import", help=t("import.help"))
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    add_kind(kinds, "ideas", run)
    add_kind(kinds, "votes", run)
    import_sheets.add_kind(kinds)
    import_enjeux.add_kind(kinds)
    import_map.add_kind(kinds)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from sessions.core.ops import apply
    from sessions.documents.import_ops import ImportIdeas, ImportVotes
    from sessions.documents.imports import parse_ideas, parse_votes

    now = ctx.clock.now()

    def ideas(session, text):  # type: ignore[no-untyped-def]
        entries = parse_ideas(session, text)
        numbers = apply(session, ImportIdeas(tuple(entries), now)).result
        authored = sum(1 for e in entries if e.author_id)
        count = len(numbers)
        return Imported(
            {"kind": "ideas", "numbers": numbers, "authored": authored},
            tn("import.ideas.done", count, count=count, first=numbers[0], last=numbers[-1],
               authored=authored),
        )  # fmt: skip

    def votes(session, text):  # type: ignore[no-untyped-def]
        ballots = apply(session, ImportVotes(tuple(parse_votes(session, text)))).result
        return Imported(
            {"kind": "votes", "ballots": ballots}, tn("import.votes.done", ballots, count=ballots)
        )

    return import_file(args, ctx, ideas if args.kind == "ideas" else votes)
