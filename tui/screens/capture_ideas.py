"""F4's keys on the idea chosen in the list: reformulate, delete, duplicate, describe.

A mixin of ``CaptureScreen``. Up/Down (and the page keys) move the list's
cursor while the box keeps the focus; ctrl+r, ctrl+d, ctrl+b (ctrl+o in tmux)
and ctrl+l act on that idea. ctrl+g asks the step's question then the number
of rounds; ctrl+t opens the participants.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sessions.capture import capture_ops as ops
from sessions.capture import tour as cap
from sessions.core.numbers import NumberError, parse_number
from sessions.i18n import t
from sessions.models import Idea, Session
from tui.screens.ask import AskScreen
from tui.widgets.idea_list import KeyedTable


class CaptureIdeaKeys:
    """The keys that act on the chosen idea, the question and rounds, the participants."""

    if TYPE_CHECKING:  # what the screen provides (no stub bodies: they would override it)
        app: Any
        session: Session
        query_one: Any
        notify: Any
        change: Any
        describe: Any  # tui/screens/describe.py
        _follow_new: bool

    def action_cursor(self, delta: int) -> None:
        self._follow_new = False  # a row chosen: only an idea given afterwards lets it go
        table = self.query_one("#ideas", KeyedTable)
        if table.row_count:
            row = max(0, min(table.row_count - 1, table.cursor_row + delta))
            table.move_cursor(row=row)

    def _selected(self) -> Idea | None:
        key = self.query_one("#ideas", KeyedTable).current_key()
        idea = self.session.idea(int(key)) if key else None
        if idea is None:
            self.notify(t("capture.no_selection"), severity="warning", timeout=4)
        return idea

    def action_reformulate(self) -> None:
        idea = self._selected()
        if idea is None:
            return
        number = idea.number

        def done(value: str | None) -> None:
            if value is not None:
                now = self.app.clock.now()
                self.change(ops.Reformulate(number, text=value, now=now))

        self.app.push_screen(AskScreen(t("capture.ask.edit", number=number), idea.text), done)

    def action_delete(self) -> None:
        idea = self._selected()
        if idea is None:
            return
        number = idea.number
        if idea.deleted:
            self.change(ops.RestoreIdea(number))
            return
        self.change(ops.DeleteIdea(number), feedback=t("capture.deleted", number=number))

    def action_duplicate(self) -> None:
        idea = self._selected()
        if idea is None:
            return
        number = idea.number

        def done(value: str | None) -> None:
            if value is None:
                return
            value = value.strip().lstrip("nN°#").strip()
            try:
                of = parse_number(value) if value else None
            except NumberError as exc:
                self.notify(t("capture.err.duplicate_number", reason=exc), severity="error")
                return
            self.change(ops.MarkDuplicate(number, of=of))

        current = str(idea.duplicate_of) if idea.duplicate_of else ""
        self.app.push_screen(AskScreen(t("capture.ask.duplicate", number=number), current), done)

    def action_describe(self) -> None:
        idea = self._selected()
        if idea is not None:
            self.describe(idea.number)

    def action_settings(self) -> None:
        s = self.session

        def got_question(value: str | None) -> None:
            if value is None:
                return
            self.change(ops.SetQuestion(value))
            self.app.push_screen(
                AskScreen(t("capture.ask.rounds"), str(self.session.capture.rounds)), got_rounds
            )

        def got_rounds(value: str | None) -> None:
            if value is None:
                return
            try:
                rounds = parse_number(value)
            except NumberError as exc:
                message = t("capture.err.rounds_number", max=cap.MAX_ROUNDS, reason=exc)
                self.notify(message, severity="error")
                return
            self.change(ops.SetRounds(rounds))

        self.app.push_screen(
            AskScreen(t("capture.ask.question"), s.capture.question or s.question), got_question
        )

    def action_participants(self) -> None:
        from tui.screens.participants import ParticipantsScreen

        self.app.push_screen(ParticipantsScreen())
