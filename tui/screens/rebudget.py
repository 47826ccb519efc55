"""The re-budget dialog: a proposed cut of the phases to come, which the facilitator
accepts (ctrl+s), edits (type other minutes) or ignores (escape). Nothing changes
without them; the accepted minutes are one op through the one change path
(``tui.changes``), undone by ctrl+z."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from sessions.agenda.plan import Rebudget, parse_minutes
from sessions.i18n import t
from sessions.i18n.formats import format_number
from sessions.timer.agenda_ops import SetMinutes
from tui import changes
from tui.i18n import translate_bindings
from tui.screens.dialog import AnswersOnce


class RebudgetScreen(AnswersOnce, ModalScreen[bool]):
    CSS_PATH = "rebudget.tcss"
    BINDINGS = [
        Binding("ctrl+s", "accept", "timer.key.ok", id="accept", priority=True),
        Binding("escape", "ignore", "key.cancel", id="ignore"),
    ]

    def __init__(self, proposal: Rebudget) -> None:
        super().__init__()
        translate_bindings(self)
        self.proposal = proposal

    def compose(self) -> ComposeResult:
        p = self.proposal
        with Vertical(id="dialog"):
            yield Static(t("timer.rebudget_title", late=round(p.late_s / 60)), classes="title")
            if not p.cuts:
                yield Static(t("timer.rebudget_nothing"), markup=False)
            else:
                yield Static(t("timer.rebudget_intro"), markup=False)
                with Grid(id="cuts"):
                    for cut in p.cuts:
                        yield Label(f"{cut.index + 1}. {cut.title}", markup=False)
                        yield Label(f"{format_number(cut.minutes)} →")  # 7,5 in French
                        yield Input(value=format_number(cut.proposed), id=f"cut-{cut.index}")
                if p.still_late_minutes >= 1:
                    yield Static(
                        t("timer.rebudget_still", minutes=round(p.still_late_minutes)),
                        markup=False,
                    )
            yield Static("", id="error", markup=False)
            yield Static(
                f"{t('timer.rebudget_accept')}   {t('timer.rebudget_ignore')}", classes="muted"
            )

    @on(Input.Submitted)
    def action_accept(self) -> None:
        if not self.proposal.cuts:
            self.dismiss(False)
            return
        minutes: dict[int, float] = {}
        try:
            for cut in self.proposal.cuts:
                minutes[cut.index] = parse_minutes(self.query_one(f"#cut-{cut.index}", Input).value)
        except ValueError as exc:
            self.query_one("#error", Static).update(str(exc))
            return
        before = {c.index: c.minutes for c in self.proposal.cuts}
        agenda = self.app.session.agenda  # type: ignore[attr-defined]
        ids = tuple((agenda[i].id, m) for i, m in minutes.items() if i < len(agenda))
        done, _ = changes.change(self.app, SetMinutes(ids))
        if not done:
            return
        saved = sum(before[i] - m for i, m in minutes.items())
        self.notify(t("timer.rebudget_done", minutes=format_number(saved)))
        self.dismiss(True)

    def action_ignore(self) -> None:
        self.dismiss(False)
