"""F4's drawing: the question, the turn line, the ideas list, the people pane.

A mixin of ``CaptureScreen``. An idea given by this screen is added as one row
(``_append_given``); any other change (an undo, a merge, a rename, the file
changed by another process) compares every row. Each line is touched only when
its text changes. A draft left in the file is offered back in the box once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from textual.widget import Widget
from textual.widgets import Input, Static

from sessions.capture import capture_ops as ops
from sessions.capture import tour as cap
from sessions.i18n import t, tn
from sessions.models import Session
from sessions.vote.ranking import counts_as_idea
from tui.widgets.entry_input import EntryInput
from tui.widgets.idea_list import KeyedTable
from tui.widgets.people_pane import PeoplePane
from tui.widgets.quiet import set_text

W = TypeVar("W", bound=Widget)


class CaptureDrawing:
    """What F4 shows, redrawn from the session after each change."""

    if TYPE_CHECKING:  # what the screen provides (no stub bodies: they would override it)
        app: Any
        session: Session
        free_mode: bool
        query_one: Any
        notify: Any
        save_quietly: Any
        _stale: bool
        _parts: dict[str, Widget]
        _rows: Any  # tui/widgets/idea_rows.py
        _giving: int | None
        _drawn: tuple[Session, int, int, int] | None
        _was_finished: bool | None
        _draft_offered: bool
        _can_pass: bool
        _follow_new: bool
        refresh_bindings: Any

    def _part(self, selector: str, kind: type[W]) -> W:
        """``query_one(selector, kind)``, looked up once: the screen's widgets stay for its life."""
        widget = self._parts.get(selector)
        if widget is None:
            widget = self._parts[selector] = self.query_one(selector, kind)
        assert isinstance(widget, kind)
        return widget

    # -- drawing ---------------------------------------------------------
    def refresh_from_session(self) -> None:
        s = self.session
        # Each line is touched only when its text changes, and without a layout
        # of the screen when its size cannot change (one line high): an idea
        # given repaints the turn line, the counts and the new row, no more.
        set_text(
            self._part("#question", Static),
            t("capture.question", question=s.capture.question or s.question or "-"),
        )
        self._draw_turn(s)
        table = self._part("#ideas", KeyedTable)
        at_end = table.row_count == 0 or table.cursor_row >= table.row_count - 1
        names = {p.id: p.name for p in s.participants}
        before = self._drawn
        drawn = self._append_given(s, table, names)
        appended = drawn is not None  # this screen's own idea: the counts add it alone
        if drawn is None:  # anything but this screen's own idea given: every row compared
            ideas = sorted(s.ideas, key=lambda i: i.number)
            table.sync([(str(i.number), self._rows.cells(s, i, names)) for i in ideas])
            drawn = (s, len(ideas), cap.live_count(s), ideas[-1].number if ideas else 0)
        # An idea given here lets go of the chosen row: the list follows the end again,
        # so the scribe sees the number given. Any other change keeps the chosen idea.
        if self._follow_new and before is not None and drawn[3] > before[3]:
            self._follow_new = False
            at_end = True
        self._drawn = drawn
        live = drawn[2]
        self._draw_people(s, appended, live)
        if at_end and table.row_count:
            table.move_cursor(row=table.row_count - 1)
        set_text(
            self._part("#ideas-title", Static),
            t("capture.ideas_title", count=live, total=len(s.ideas)),
            layout=False,
        )
        self._offer_draft(s)

    def _append_given(
        self, s: Session, table: KeyedTable, names: dict[str, str]
    ) -> tuple[Session, int, int, int] | None:
        """The idea this screen just gave, added as one row; what is drawn, or None.

        None when the change was anything else (an undo, a merge, a rename,
        the file changed by another process): the caller compares every row.
        An Enter at 5,000 ideas walked them all (~12 ms) to find the one new.
        """
        given, self._giving = self._giving, None
        drawn = self._drawn
        if given is None or drawn is None or self._stale:
            return None
        session, count, live, last = drawn
        if session is not s or count != given or len(s.ideas) != given + 1:
            return None
        idea = s.ideas[-1]
        if table.row_count != given or idea.number <= last:
            return None
        table.append_row(str(idea.number), self._rows.cells(s, idea, names))
        return s, given + 1, live + (1 if counts_as_idea(idea) else 0), idea.number

    def _draw_turn(self, s: Session) -> None:
        finished = cap.finished(s)
        person, after = cap.current(s), cap.upcoming(s)
        entry = self._part("#entry", EntryInput)
        banner = self._part("#end-banner", Static)
        if self.free_mode:
            brainstorm = s.parts.capture == "free"
            line = t("capture.free_format" if brainstorm else "capture.free_mode")
            entry.placeholder = t(
                "capture.placeholder.post_it" if brainstorm else "capture.placeholder.free"
            )
        elif person is None:
            line = t("capture.no_turn")
            entry.placeholder = t("capture.placeholder.free")
        else:
            line = t(
                "capture.turn",
                round=s.capture.current_round,
                rounds=s.capture.rounds,
                name=person.name,
                next=after.name if after else t("capture.end"),
            )
            entry.placeholder = t("capture.placeholder", name=person.name)
        set_text(self._part("#turn", Static), line, layout=False)
        if finished and s.participants:
            set_text(banner, tn("capture.finished", s.capture.rounds, rounds=s.capture.rounds))
            banner.display = True
            if self._was_finished is False:
                self.notify(
                    tn("capture.finished", s.capture.rounds, rounds=s.capture.rounds), timeout=8
                )
        else:
            banner.display = False
        self._was_finished = finished
        # F8 only with a turn to pass (not in a brainstorm, not after the rounds); in a
        # brainstorm's tour, F9 goes back to the brainstorm
        brainstorm = s.parts.capture == "free"
        can_pass = person is not None and not (self.free_mode and brainstorm)
        if can_pass != self._can_pass:
            self._can_pass = can_pass
            self.refresh_bindings()  # only when it changes: the footer is drawn anew
        if self.free_mode and brainstorm:
            hint = "capture.hint.free"
        elif brainstorm:
            hint = "capture.hint.tour" if can_pass else "capture.hint.tour.over"
        else:
            hint = "capture.hint" if can_pass else "capture.hint.over"
        set_text(self._part("#entry-hint", Static), t(hint))

    def _draw_people(self, s: Session, appended: bool = False, live: int | None = None) -> None:
        self._part("#people-pane", PeoplePane).draw(s, self.free_mode, appended, live)

    def _offer_draft(self, s: Session) -> None:
        if self._draft_offered:
            return
        self._draft_offered = True
        entry = self.query_one("#entry", Input)
        last = max(s.ideas, key=lambda i: i.number, default=None)
        if s.capture.draft and last is not None and s.capture.draft == last.text:
            # a draft left behind by a submitted idea (files saved before the fix)
            self.save_quietly(ops.SetDraft(""))
            return
        if s.capture.draft and not entry.value:
            entry.value = s.capture.draft
            entry.cursor_position = len(entry.value)
            self.notify(t("capture.draft_back"), timeout=6)
