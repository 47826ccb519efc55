"""``atelier new --from SESSION`` (repeatable): what a new session takes from earlier ones.

The sources are read before anything is created: an unknown one stops
``atelier new`` with the unknown-session message (exit 3) and no session. Their
top N items (``sessions.vote.ranking.top_items``, with points and grid
positions) become the new session's enjeux as they are, each keeping its
source, to be reworded later; ``--with-participants`` carries their
participants (one per name). Not a command of its own: ``register`` adds nothing.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from sessions.i18n import t, tn

if TYPE_CHECKING:
    from sessions.enjeux.ops import Offered
    from sessions.models import Participant, Session
    from tui.cli.context import Context


def register(sub: argparse._SubParsersAction) -> None:
    """Nothing at the top level: ``--from`` is an option of ``atelier new``."""


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="sources",
        action="append",
        default=[],
        metavar="SESSION",
        help=t("cli.new.from"),
    )
    parser.add_argument(
        "--with-participants", action="store_true", help=t("cli.new.with_participants")
    )


def load_sources(args: argparse.Namespace, ctx: Context) -> list[Session]:
    """The ``--from`` sessions, each once; raises ``UnknownSessionError`` for a missing one."""
    store = ctx.store
    sources: list[Session] = []
    for ref in args.sources:
        session = store.load(ref)
        if all(s.id != session.id for s in sources):
            sources.append(session)
    return sources


def carried_participants(people: list[Participant], sources: list[Session]) -> list[Participant]:
    """``people`` then the sources' participants not already there (by name), ids kept."""
    from sessions.enjeux.carry import carried_participants as carry

    return carry(people, sources)


def take_enjeux(session: Session, sources: list[Session]) -> list[tuple[int, Offered]]:
    """The sources' top items become ``session``'s enjeux; (enjeu number, item) for each."""
    from sessions.enjeux.carry import take
    from sessions.enjeux.ops import offered_items

    return take(session, offered_items(sources))


def report(ctx: Context, taken: list[tuple[int, Offered]]) -> None:
    """What became an enjeu, with its points and grid position (the guide's recall)."""
    if not taken:
        ctx.print(t("cli.new.offered.none"))
        return
    ctx.print(t("cli.new.offered.heading"))
    for number, item in taken:
        grid = ""
        if item.present and item.future:
            grid = t(
                "cli.new.offered.grid_future",
                present=t(f"grid.level.{item.present}"),
                future=t(f"grid.level.{item.future}"),
            )
        elif item.present:
            grid = t("cli.new.offered.grid", present=t(f"grid.level.{item.present}"))
        ctx.print(
            t(
                "cli.new.offered.item",
                number=number,
                title=item.session_title,
                session=item.session,
                item=item.item,
                text=item.text,
                points=tn("cli.new.offered.points", item.points, count=item.points),
                grid=grid,
            )
        )
