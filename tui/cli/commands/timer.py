"""``atelier timer SESSION start|pause|resume|next|prev|restart|extend MIN|goto N|turn``.

Each action is one locked transaction on the file (``store.transact``) that
applies the op F3's key applies (``sessions.timer.timer_ops``); an open app
picks the change up on its next poll. Prints the new status line.
"""

from __future__ import annotations

import argparse

from sessions.i18n import t
from tui.cli.context import EXIT_INVALID, EXIT_USAGE, Context

ACTIONS = ("start", "pause", "resume", "next", "prev", "restart", "extend", "goto", "turn")
NEEDS_VALUE = ("extend", "goto")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("timer", help=t("cli.timer.help"))
    parser.add_argument("session", metavar="SESSION", help=t("cli.opt.session"))
    parser.add_argument("action", choices=ACTIONS, metavar="ACTION", help=t("cli.timer.action"))
    parser.add_argument("value", nargs="?", default=None, metavar="N", help=t("cli.timer.value"))
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from sessions.core.numbers import NumberError, parse_decimal
    from sessions.core.ops import Op, apply
    from sessions.timer import ops as timer_ops
    from sessions.timer.position import Stamp
    from sessions.timer.timer_ops import Extend, GoTo, TimerCommand
    from tui.cli.commands.status import show

    action: str = args.action
    number: float | None = None
    if action in NEEDS_VALUE:
        if args.value is None:
            ctx.error(t("cli.timer.need_value", action=action))
            return EXIT_USAGE
        text = str(args.value).strip()
        sign = -1.0 if text.startswith("-") else 1.0
        try:  # digits 0-9 only (float() takes "١٢", "1e3", "nan")
            number = sign * parse_decimal(text.removeprefix("-").removeprefix("+"))
        except NumberError:
            number = None
        if number is None or number != number or (action == "goto" and not number.is_integer()):
            ctx.error(t("cli.timer.bad_value", value=args.value))
            return EXIT_USAGE
    elif args.value is not None:
        ctx.error(t("cli.timer.bad_value", value=args.value))
        return EXIT_USAGE

    def op(session):  # type: ignore[no-untyped-def]
        stamp = Stamp.of(ctx.clock)
        if action == "extend":
            change: Op = Extend(float(number or 0), stamp)
        elif action == "goto":
            change = GoTo(int(number or 0) - 1, stamp)
        else:
            change = TimerCommand(action, stamp)
        apply(session, change)
        return session

    try:
        session = ctx.store.transact(args.session, op)
    except timer_ops.TimerError as exc:
        ctx.error(str(exc))
        return EXIT_INVALID
    return show(ctx, session, args.json)
