"""F5's count: ctrl+k closes it (0-point items are struck) or reopens it.

A mixin of ``VoteScreen``. Closing a count where nobody has voted yet would
strike every item: ctrl+k first asks "close the vote?" (``ConfirmScreen``);
Escape or "no" says why nothing happened and gives the entry back. Closed while
the show of hands had items left to read (and points or dots left to place), a
warning names them: struck at 0 without being read aloud, ctrl+k reopens. Once
closed, ctrl+k's label (footer, F1, palette) says it reopens, and the keys
line names F6 only where the format has the grid.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sessions.i18n import t, tn
from sessions.models import Session
from sessions.vote import dots
from sessions.vote import vote_ops as ops
from sessions.vote.ranking import ranked_items

UNREAD_SHOWN = 5  # the unread items named in the warning; more are "…"


class VoteCloseKeys:
    """ctrl+k, its confirmation when nobody has voted, and what says the count is closed."""

    if TYPE_CHECKING:  # what the screen provides (no stub bodies: they would override it)
        app: Any
        session: Session
        change: Any
        notify: Any
        _relabel: Any  # tui/screens/vote_rule.py
        _focus_entry: Any
        query_one: Any

    def _name_count_key(self, counted: bool) -> None:
        """ctrl+k closes the count, or reopens it: the footer, F1 and the palette say which."""
        self._relabel("ctrl+k", t("vote.key.reopen" if counted else "vote.key.count"))

    @staticmethod
    def _hint_key(s: Session) -> str:
        """The keys line: once counted, F6 named only where the format has the grid."""
        from tui.sections import section

        if not s.vote.counted:
            return "vote.hint.ballots" if s.vote.method == "ballots" else "vote.hint"
        return "vote.hint.counted" if section("grid").shown_for(s) else "vote.hint.counted_no_grid"

    def action_count(self) -> None:
        from sessions.vote.ops import has_votes
        from sessions.vote.ranking import vote_items

        s = self.session
        if not s.vote.counted and vote_items(s) and not has_votes(s):  # all would be struck
            from tui.screens.confirm import ConfirmScreen

            def answered(anyway: bool | None) -> None:
                if anyway:
                    self._count()
                else:
                    self.notify(t("vote.err.no_votes"), severity="warning", timeout=6)
                    self._focus_entry()

            self.app.push_screen(ConfirmScreen(t("vote.confirm_no_votes")), answered)
            return
        self._count()

    @staticmethod
    def _unread(s: Session) -> list[int]:
        """Items the show of hands has not read yet, in reading order.

        None once counted, and none when every point or dot is already placed: the
        items left can only be at zero.
        """
        from sessions.vote import envelope as v

        if s.vote.counted or s.vote.method != "hands":
            return []
        if v.grand_total(s) >= v.grand_total_limit(s):
            return []
        return [n for n in v.reading_order(s) if n not in s.vote.tallies]

    @staticmethod
    def _listed(numbers: list[int]) -> str:
        """'n°2 et n°1' / '2 and 1', the first few only."""
        shown = [t("vote.unread.item", number=n) for n in numbers[:UNREAD_SHOWN]]
        if len(numbers) > UNREAD_SHOWN:
            shown.append("…")
        if len(shown) == 1:
            return shown[0]
        return ", ".join(shown[:-1]) + t("vote.unread.and") + shown[-1]

    def _count(self) -> None:
        closed = not self.session.vote.counted
        unread = self._unread(self.session) if closed else []
        self.change(ops.CloseCount(closed))
        if closed:
            struck = sum(1 for i in ranked_items(self.session) if i.status == "struck")
            key = "vote.counted_dots" if dots.is_dots(self.session) else "vote.counted"
            self.notify(tn(key, struck, struck=struck), timeout=6)
            if unread and self.session.vote.counted:  # struck without being read aloud
                said = tn("vote.unread.struck", len(unread), items=self._listed(unread))
                self.notify(said, severity="warning", timeout=10)
            self._show_rank_one()
        self._focus_entry()

    def _show_rank_one(self) -> None:
        """The ranking opens on rank 1: its cursor followed an item while the count went on."""
        from tui.widgets.idea_list import KeyedTable

        table = self.query_one("#results-table", KeyedTable)
        if table.row_count:
            table.move_cursor(row=0, animate=False)
        table.scroll_home(animate=False)
