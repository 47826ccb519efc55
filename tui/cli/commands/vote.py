"""``atelier vote SESSION close|reopen|reveal|merge N M...|unmerge N|dots [N]|envelope [N]``.

``dots [N] [--stacking]`` makes it a dot vote of N dots per person (kept when
omitted), ``envelope [N]`` the point envelope (N overrides its points); both
only before counting.

Each action is one locked transaction on the file (``store.transact``) applying
the app's own op (``sessions.vote.vote_ops``, ``strict``: with the command
line's refusals), so an open app's ctrl+z never takes it back; the app picks
the change up on its next poll. A refusal (count already closed, merge before
the count is closed, unknown item...) changes nothing and exits with
``EXIT_INVALID``.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from sessions.core.numbers import NumberError, parse_number
from sessions.i18n import t, tn
from tui.cli.context import EXIT_INVALID, EXIT_USAGE, Context

if TYPE_CHECKING:
    from sessions.core.ops import Op

ACTIONS = ("close", "reopen", "reveal", "merge", "unmerge", "dots", "envelope")
RULES = ("dots", "envelope")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("vote", help=t("cli.vote.help"))
    parser.add_argument("session", metavar="SESSION", help=t("cli.opt.session"))
    parser.add_argument("action", choices=ACTIONS, metavar="ACTION", help=t("cli.vote.action"))
    parser.add_argument("numbers", nargs="*", metavar="N", help=t("cli.vote.numbers"))
    parser.add_argument("--stacking", action="store_true", help=t("cli.vote.stacking"))
    parser.add_argument("--force", action="store_true", help=t("cli.vote.force"))
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    parser.set_defaults(func=run)


def _numbers(ctx: Context, action: str, values: list[str]) -> list[int] | None:
    """The item numbers typed, checked against what ``action`` takes; None: refused."""
    numbers = []
    for value in values:
        try:  # the one rule for digits typed by a person (sessions.core.numbers)
            numbers.append(parse_number(value))
        except NumberError:
            ctx.error(t("cli.vote.bad_numbers", value=value))
            return None
    if action == "merge" and len(numbers) < 2:
        ctx.error(t("cli.vote.need_numbers", action=action, count="N M..."))
        return None
    if action == "unmerge" and len(numbers) != 1:
        ctx.error(t("cli.vote.need_numbers", action=action, count="N"))
        return None
    if action in RULES and len(numbers) > 1:
        ctx.error(t("cli.vote.need_numbers", action=action, count="N"))
        return None
    if action not in ("merge", "unmerge", *RULES) and numbers:
        ctx.error(t("cli.vote.no_numbers", action=action))
        return None
    return numbers


def _joined(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers) if numbers else t("cli.vote.none")


def _op(action: str, numbers: list[int], stacking: bool) -> Op:
    """The app's op for ``action``, strict: what would change nothing is refused."""
    from sessions.vote import vote_ops

    if action in ("close", "reopen"):
        return vote_ops.CloseCount(closed=action == "close", strict=True)
    if action == "reveal":
        return vote_ops.Reveal(strict=True)
    if action in RULES:
        return vote_ops.SetRule(action, numbers[0] if numbers else None, stacking)
    if action == "merge":
        return vote_ops.Merge(tuple(numbers), strict=True)
    return vote_ops.Unmerge(numbers[0])


def run(args: argparse.Namespace, ctx: Context) -> int:
    from sessions.core.ops import apply
    from sessions.vote.envelope import VoteError
    from sessions.vote.ops import require_votes, vote_summary

    action: str = args.action
    numbers = _numbers(ctx, action, args.numbers)
    if numbers is None:
        return EXIT_USAGE
    if args.stacking and action != "dots":
        ctx.error(t("dots.err.stacking_envelope"))
        return EXIT_USAGE
    if args.force and action != "close":
        ctx.error(t("cli.vote.force_close_only"))
        return EXIT_USAGE
    op = _op(action, numbers, args.stacking)

    def change(session):  # type: ignore[no-untyped-def]
        if action == "close" and not args.force:  # no vote entered: every item would be struck
            require_votes(session)
        return apply(session, op).result, vote_summary(session)

    try:
        detail, summary = ctx.store.transact(args.session, change)
    except VoteError as exc:
        hint = " " + t("cli.vote.force_hint") if exc.key == "vote.err.no_votes" else ""
        ctx.error(str(exc) + hint)
        return EXIT_INVALID
    if args.json:
        result = {"action": action, **summary}
        if action == "merge":
            result["survivor"] = detail
        elif action == "unmerge":
            result["released"] = detail
        ctx.print_json(result)
        return 0
    top = _joined(summary["top"])
    if action == "close":
        struck = detail if isinstance(detail, int) else 0
        key = "cli.vote.closed_dots" if summary["rule"] == "dots" else "cli.vote.closed"
        ctx.print(tn(key, struck, struck=struck, top=top))
    elif action == "reopen":
        ctx.print(t("cli.vote.reopened"))
    elif action == "reveal":
        ctx.print(t("cli.vote.revealed", top=top))
    elif action in RULES:
        ctx.print(t("dots.switched", rule=detail))
    elif action == "merge":
        ctx.print(t("cli.vote.merged", numbers=_joined(sorted(set(numbers))), number=detail))
    else:
        released = list(detail)  # type: ignore[call-overload]
        ctx.print(tn("cli.vote.unmerged", len(released), numbers=_joined(released)))
    return 0
