"""F5, the vote (classement): show of hands or ballots, then the ranking.

Show of hands (default): items are read from the last to the first (ctrl+o
toggles the natural order); for the highlighted item type the raised fingers
(``3 2 5``) or a total (``12``) and Enter; the next item is highlighted.
F8 switches to ballots: a participants x items grid where 0-5 sets a cell.
ctrl+e overrides the envelope. ctrl+k closes the count (0-point items are
struck) and shows the ranking; ctrl+f merges items (by consensus), F9
unmerges (ctrl+u clears the entry, as in every terminal). ctrl+l: blind
mode; F12: the reveal view for the projector. The rule (ctrl+g), the count's
close (ctrl+k) and the merges (ctrl+f, F9) live in vote_rule.py, vote_close.py
and vote_merge.py, mixins of this screen.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Key
from textual.widget import Widget
from textual.widgets import DataTable, Input, Static

from sessions.core.numbers import NumberError, is_number, parse_number
from sessions.i18n import t, tn
from sessions.models import Session
from sessions.vote import envelope as v
from sessions.vote import vote_ops as ops
from sessions.vote.ranking import top_n, top_numbers
from tui.screens.ask import AskScreen
from tui.screens.base import SectionScreen
from tui.screens.typing_order import KeysInTypingOrder
from tui.screens.undo_support import Recording
from tui.screens.vote_close import VoteCloseKeys
from tui.screens.vote_merge import VoteMergeKeys
from tui.screens.vote_rule import VoteRuleKeys
from tui.widgets.hands_input import HandsInput, tally_text
from tui.widgets.idea_list import KeyedTable
from tui.widgets.ranking_rows import ranking_rows


class VoteScreen(
    VoteRuleKeys, VoteCloseKeys, VoteMergeKeys, Recording, KeysInTypingOrder, SectionScreen
):
    CSS_PATH = "vote.tcss"
    HELP_KEY = "help.vote"
    BINDINGS = [
        Binding("f8", "method", "vote.key.method", id="vote-method", priority=True),
        Binding("ctrl+o", "order", "vote.key.order", id="vote-order", priority=True),
        Binding("ctrl+e", "envelope", "vote.key.envelope", id="vote-envelope", priority=True),
        Binding("ctrl+g", "rule", "dots.key.rule", id="vote-rule", priority=True),
        Binding("ctrl+k", "count", "vote.key.count", id="vote-count", priority=True),
        Binding("ctrl+f", "merge", "vote.key.merge", id="vote-merge", priority=True),
        Binding("f9", "unmerge", "vote.key.unmerge", id="vote-unmerge", priority=True),
        Binding("ctrl+l", "blind", "vote.key.blind", id="vote-blind", priority=True),
        Binding("f12", "reveal", "vote.key.reveal", id="vote-reveal", priority=True),
        Binding("ctrl+z", "undo", "key.undo", id="vote-undo"),
        Binding("ctrl+y", "redo", "key.redo", id="vote-redo"),
        Binding("up", "cursor(-1)", "capture.key.up", id="vote-up", show=False),
        Binding("down", "cursor(1)", "capture.key.down", id="vote-down", show=False),
    ]

    _warned: str | None = None  # the over-count warning last shown as a toast

    def compose_body(self) -> Iterable[Widget]:
        yield Static("", id="envelope", markup=False)
        yield Static("", id="vote-warning", markup=False)
        with Vertical(id="hands-pane"):
            yield Static("", id="hands-title", classes="title", markup=False)
            yield KeyedTable(
                [
                    t("capture.col.number"),
                    t("vote.col.item"),
                    t("vote.col.hands"),
                    t("vote.col.points"),
                ],
                flex=1,
                id="hands-table",
            )
            yield HandsInput(id="hands")
        with Vertical(id="ballots-pane"):
            yield Static(t("vote.ballots_title"), id="ballots-title", classes="title", markup=False)
            yield DataTable(id="ballots-table", cursor_type="cell")
        with Vertical(id="results-pane"):
            yield Static("", id="results-title", classes="title", markup=False)
            yield KeyedTable(
                [
                    t("vote.col.rank"),
                    t("vote.col.numbers"),
                    t("vote.col.item"),
                    t("vote.col.points"),
                    t("vote.col.status"),
                ],
                flex=2,
                id="results-table",
            )
        yield Static(t("vote.hint"), id="vote-hint", markup=False)

    @property
    def AUTO_FOCUS(self) -> str:  # type: ignore[override]  # Textual reads it on the screen
        """Focused as the screen is built: the numbers typed in F5's burst reach their field."""
        if self.app.session is not None and self.session.vote.method == "ballots":
            return "#ballots-table"
        return "#hands-entry"

    def on_mount(self) -> None:
        self.query_one("#hands-table", KeyedTable).can_focus = False
        self.query_one("#results-table", KeyedTable).can_focus = False
        self._ballot_shape: tuple[tuple[str, ...], tuple[int, ...]] = ((), ())
        super().on_mount()
        self._focus_entry()

    def on_screen_resume(self) -> None:
        self._focus_entry()

    def _name_points_columns(self, key: str) -> None:
        """The count's column says "Gommettes" for a dot vote, "Points" for the envelope."""
        label = t(key)
        for table_id in ("#hands-table", "#results-table"):
            table = self.query_one(table_id, KeyedTable)
            column = table.ordered_columns[3]
            if column.label.plain != label:
                column.label = Text(label)
                column.content_width = max(column.content_width, cell_len(label))
                table._require_update_dimensions = True
                table.refresh()

    def _focus_entry(self) -> None:
        if self.app.session is None:
            return
        if self.session.vote.method == "ballots":
            self.query_one("#ballots-table", DataTable).focus()
        else:
            self.query_one("#hands", HandsInput).input.focus()

    # -- drawing ---------------------------------------------------------
    def refresh_from_session(self) -> None:
        s = self.session
        hidden = v.totals_hidden(s)
        people = v.voters(s)
        self.query_one("#envelope", Static).update(
            t(
                "vote.envelope",
                envelope=v.envelope(s),
                source=t("vote.envelope.override")
                if s.vote.envelope is not None
                else envelope_source(len(v.item_numbers(s))),
                voters=len(people),
                total="?" if hidden else v.grand_total(s),
                limit=v.grand_total_limit(s),
                method=t(f"vote.method.{s.vote.method}"),
                order=t("vote.order.reverse" if s.vote.reverse_order else "vote.order.natural"),
                blind=t("vote.blind_on") if s.vote.blind else "",
            )
        )
        self.show_rule(s, hidden)  # a dot vote's line (tui/screens/vote_rule.py)
        dots = s.vote.rule == "dots"
        self._name_points_columns("dots.minutes.col" if dots else "vote.col.points")
        warning = v.grand_total_warning(s)
        box = self.query_one("#vote-warning", Static)
        box.update(warning or "")
        box.display = bool(warning)
        ballots = s.vote.method == "ballots"
        self.query_one("#hands-pane").display = not ballots and not s.vote.counted
        self.query_one("#ballots-pane").display = ballots and not s.vote.counted
        self.query_one("#results-pane").display = s.vote.counted
        self.query_one("#vote-hint", Static).update(t(self._hint_key(s)))
        self.query_one("#hands", HandsInput).show_sum = not hidden
        self._name_count_key(s.vote.counted)
        self._draw_hands(s, hidden)
        if ballots:
            self._draw_ballots(s)
        self._draw_results(s, hidden)

    def _draw_hands(self, s: Session, hidden: bool) -> None:
        table = self.query_one("#hands-table", KeyedTable)
        rows = []
        for number in v.reading_order(s):
            idea = s.idea(number)
            tally = s.vote.tallies.get(number)
            rows.append(
                (
                    str(number),
                    (
                        Text(str(number), style="bold"),
                        Text(idea.text if idea else ""),
                        Text(tally_text(tally) if tally and not hidden else ("…" if tally else "")),
                        Text("?" if hidden and tally else (str(tally.points) if tally else "")),
                    ),
                )
            )
        table.sync(rows)
        done = sum(1 for n in v.item_numbers(s) if n in s.vote.tallies)
        self.query_one("#hands-title", Static).update(
            t("vote.hands_title", done=done, count=len(rows))
        )

    def _draw_ballots(self, s: Session) -> None:
        table = self.query_one("#ballots-table", DataTable)
        people = v.voters(s)
        numbers = v.item_numbers(s)
        shape = (tuple(p.id for p in people), tuple(numbers))
        limit = v.per_person(s)
        if shape != self._ballot_shape:
            table.clear(columns=True)
            table.add_column(t("vote.col.voter"), key="who")
            for n in numbers:
                table.add_column(str(n), key=str(n))
            table.add_column("Σ", key="sum")
            for p in people:
                table.add_row(Text(p.name), *[Text("") for _ in numbers], Text(""), key=p.id)
            self._ballot_shape = shape
            if numbers:  # on the first item, not the names: the first digit typed counts
                table.move_cursor(column=1, animate=False)
        for p in people:
            row = s.vote.ballots.get(p.id, {})
            for n in numbers:
                value = row.get(n)
                table.update_cell(p.id, str(n), Text(str(value) if value else "·"))
            total = v.ballot_sum(s, p.id)
            table.update_cell(
                p.id, "sum", Text(f"{total}/{limit}", style="bold red" if total > limit else "")
            )

    def _draw_results(self, s: Session, hidden: bool) -> None:
        table = self.query_one("#results-table", KeyedTable)
        table.sync(ranking_rows(s, hidden))
        top = len(top_numbers(s))
        n = top_n(s)
        key = "dots.results_title" if s.vote.rule == "dots" else "vote.results_title"
        title = t("vote.results_hidden") if hidden else tn(key, top, top=top, n=n)
        self.query_one("#results-title", Static).update(title)

    # -- hands -----------------------------------------------------------
    def _current_number(self) -> int | None:
        key = self.query_one("#hands-table", KeyedTable).current_key()
        return int(key) if key else None

    def action_cursor(self, delta: int) -> None:
        if self.session.vote.counted:
            table = self.query_one("#results-table", KeyedTable)
        elif self.session.vote.method == "ballots":
            return
        else:
            table = self.query_one("#hands-table", KeyedTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + delta)))
            if table.id == "hands-table":
                self._load_current()

    def _load_current(self) -> None:
        number = self._current_number()
        tally = self.session.vote.tallies.get(number) if number else None
        hands = self.query_one("#hands", HandsInput)
        hands.set_value("" if v.totals_hidden(self.session) else tally_text(tally))

    @on(Input.Submitted, "#hands-entry")
    def _hands_submitted(self, event: Input.Submitted) -> None:
        number = self._current_number()
        if number is None:
            self.notify(t("vote.no_items"), severity="warning")
            return
        text = event.value
        done, _ = self.change(ops.EnterHands(number, text))
        hands = self.query_one("#hands", HandsInput)
        if not done:
            hands.input.restore(text)
            return
        warning = v.grand_total_warning(self.session)
        if warning and warning != self._warned:  # said once; the line above the table stays
            self.notify(warning, severity="warning", timeout=8)
        self._warned = warning
        table = self.query_one("#hands-table", KeyedTable)
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)
        else:
            self.notify(t("vote.all_read"), timeout=6)
        if not hands.input.value:  # keep what was typed ahead for the next item
            self._load_current()

    # -- ballots ---------------------------------------------------------
    def on_key(self, event: Key) -> None:
        if self.app.session is None or self.session.vote.method != "ballots":
            return
        table = self.query_one("#ballots-table", DataTable)
        char = event.character
        if not table.has_focus or char is None or unicodedata.digit(char, None) is None:
            return
        if not is_number(event.character):  # ² or ٣: a digit to Python, not a number here
            event.stop()
            self.notify(
                str(NumberError("number.err.not_digit", char=event.character)),
                severity="error",
                timeout=6,
            )
            return
        event.stop()
        try:
            row_key, col_key = table.coordinate_to_cell_key(table.cursor_coordinate)
        except Exception:
            return
        if col_key.value in ("who", "sum"):  # beside the items: the nearest item's cell
            column = 1 if col_key.value == "who" else len(table.columns) - 2
            if column < 1:
                return
            table.move_cursor(column=column, animate=False)
            row_key, col_key = table.coordinate_to_cell_key(table.cursor_coordinate)
        pid, number, value = str(row_key.value), int(str(col_key.value)), int(event.character)
        done, _ = self.change(ops.SetBallot(pid, number, value))
        if done and table.cursor_column < len(table.columns) - 2:
            table.move_cursor(column=table.cursor_column + 1)

    # -- actions ---------------------------------------------------------
    def action_method(self) -> None:
        method = "hands" if self.session.vote.method == "ballots" else "ballots"
        self.change(ops.SetMethod(method))
        self._focus_entry()

    def action_order(self) -> None:
        self.change(ops.ToggleReadingOrder())
        table = self.query_one("#hands-table", KeyedTable)
        if table.row_count:
            table.move_cursor(row=0)
        self._load_current()

    def action_envelope(self) -> None:
        s = self.session
        if s.vote.rule == "dots":
            return self.ask_dots()

        def done(value: str | None) -> None:
            if value is None:
                return
            try:
                chosen = parse_number(value) if value.strip() else None
            except NumberError as exc:
                self.notify(t("vote.err.envelope_number", reason=exc), severity="error", timeout=6)
                return
            self.change(ops.SetEnvelope(chosen))

        current = "" if s.vote.envelope is None else str(s.vote.envelope)
        self.app.push_screen(
            AskScreen(t("vote.ask.envelope", default=v.default_envelope(s)), current), done
        )

    def action_blind(self) -> None:
        blind = not self.session.vote.blind
        self.change(ops.SetBlind(blind))

    def action_reveal(self) -> None:
        from tui.screens.reveal import RevealScreen

        self.save_quietly(ops.Reveal())
        self.app.push_screen(RevealScreen())


def envelope_source(items: int) -> str:
    """Where the default envelope comes from; an odd count says it was rounded down (17 -> 8)."""
    key = "vote.envelope.default_rounded" if items % 2 else "vote.envelope.default"
    return t(key, items=items)
