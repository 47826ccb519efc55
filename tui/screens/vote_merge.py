"""F5's merges: ctrl+f merges items by consensus, F9 unmerges one.

A mixin of ``VoteScreen``. ctrl+f asks the numbers (``4 7``), refuses fewer
than two different ones at once, then asks the room for its consensus; F9
asks the number of a merged item and splits it again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sessions.core.numbers import NumberError, parse_number, parse_numbers
from sessions.i18n import t
from sessions.vote import vote_ops as ops
from tui.screens.ask import AskScreen


class VoteMergeKeys:
    """ctrl+f and F9: their questions and what they say."""

    if TYPE_CHECKING:  # what the screen provides (no stub bodies: they would override it)
        app: Any
        change: Any
        notify: Any

    def action_merge(self) -> None:
        def got_numbers(value: str | None) -> None:
            if not value:
                return
            try:
                numbers = parse_numbers(value)
            except NumberError as exc:
                self.notify(t("vote.err.merge_numbers", reason=exc), severity="error", timeout=6)
                return
            if len(set(numbers)) < 2:  # said now, not after asking the room
                self.notify(t("vote.err.merge_two"), severity="error", timeout=6)
                return
            parts = [str(n) for n in numbers]
            from tui.screens.confirm import ConfirmScreen

            def agreed(yes: bool | None) -> None:
                if yes:
                    done, survivor = self.change(ops.Merge(tuple(numbers)))
                    if done:
                        self.notify(t("vote.merged", number=survivor), timeout=5)
                else:
                    self.notify(t("vote.no_consensus"), timeout=5)

            self.app.push_screen(
                ConfirmScreen(t("vote.ask.consensus", numbers=", ".join(parts))), agreed
            )

        self.app.push_screen(AskScreen(t("vote.ask.merge")), got_numbers)

    def action_unmerge(self) -> None:
        def got(value: str | None) -> None:
            if not value:
                return
            try:
                number = parse_number(value)
            except NumberError as exc:
                self.notify(t("vote.err.unmerge_number", reason=exc), severity="error", timeout=6)
                return
            self.change(ops.Unmerge(number))

        self.app.push_screen(AskScreen(t("vote.ask.unmerge")), got)
