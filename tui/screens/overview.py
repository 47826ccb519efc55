"""F2, the session overview: details, roles, participants and the agenda at a glance."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import DataTable, Static

from sessions.core.parts import part
from sessions.i18n import t
from sessions.i18n.formats import format_date, format_number
from tui.screens.base import SectionScreen
from tui.sections import SWITCH_KEY, sections_for
from tui.widgets.click_table import ClickTable

if TYPE_CHECKING:
    from sessions.models import Session


class OverviewScreen(SectionScreen):
    CSS_PATH = "overview.tcss"
    HELP_KEY = "help.overview"
    BINDINGS = [
        Binding("e", "edit", "key.edit_details", id="edit-details"),
    ]

    def compose_body(self) -> Iterable[Widget]:
        with Horizontal(id="overview"):
            with VerticalScroll(id="details-pane"):
                yield Static("", id="details", markup=False)
                yield Static(t("overview.participants"), classes="title")
                yield Static("", id="participants", markup=False)
            with VerticalScroll(id="agenda-pane"):
                yield Static(t("overview.agenda"), classes="title")
                yield ClickTable(id="agenda", cursor_type="row", flex=1)
                yield Static("", id="agenda-total", markup=False)
                yield Static("", id="sections-hint", classes="muted", markup=False)

    def on_mount(self) -> None:
        table = self.query_one("#agenda", DataTable)
        # Text, not str: DataTable reads a str as markup (and loads Rich's emoji table for it).
        labels = ("#", t("overview.col.phase"), t("overview.col.kind"), "min")
        table.add_columns(*(Text(label) for label in labels))
        super().on_mount()

    def refresh_from_session(self) -> None:
        s = self.session
        self.query_one("#details", Static).update(details_text(s))
        self.query_one("#sections-hint", Static).update(sections_hint(s))
        people = [
            f"{i}. {p.name}"
            + (f" ({p.organisation})" if p.organisation else "")
            + ("" if p.present else f" - {t('overview.absent')}")
            for i, p in enumerate(s.participants, start=1)
        ]
        self.query_one("#participants", Static).update(
            "\n".join(people) or t("overview.no_participants")
        )
        table = self.query_one("#agenda", DataTable)
        table.clear()
        for i, phase in enumerate(s.agenda, start=1):
            title = Text(phase.title, no_wrap=True, overflow="ellipsis")
            kind, minutes = t(f"kind.{phase.kind}"), format_number(phase.minutes)
            table.add_row(Text(str(i)), title, Text(kind), Text(minutes))
        slot = f" / {format_number(s.slot_minutes)}" if s.slot_minutes else ""  # 7,5
        self.query_one("#agenda-total", Static).update(
            t("overview.total", minutes=format_number(s.planned_minutes), slot=slot)
        )

    @on(DataTable.RowSelected, "#agenda")
    def _phase_selected(self, event: DataTable.RowSelected) -> None:
        """A click (or Enter) on a phase shows it in the timed agenda (F3)."""
        self.app.switch_mode("timer")

    def action_edit(self) -> None:
        from tui.screens.details_form import DetailsForm

        self.app.push_screen(DetailsForm(self.session))


def details_text(s: Session) -> str:
    def field(key: str, value: object) -> str:  # "Date : ..." in French, "Date: ..." in English
        return t("label.value", label=t(key), value=value)

    lines = [
        s.title,
        field("overview.date", format_date(s.date))
        + "    "
        + field("overview.place", s.place or "-"),
        field("overview.theme", s.theme or "-"),
        field("overview.question", s.question or "-"),
        *([field("overview.horizon", s.horizon_year)] if part("grid").is_in(s) else []),
        field("role.animateur", s.roles.animateur or "-"),
        field("role.second_animateur", s.roles.second_animateur or "-"),
        field("role.rapporteur", s.roles.rapporteur or "-"),
        "",
    ]
    return "\n".join(lines)


def sections_hint(s: Session) -> str:
    """The session's other sections with their keys: only those its format uses."""
    return " · ".join(
        f"{sec.key.upper() if sec.key else SWITCH_KEY}\u00a0{t(sec.title_for(s))}"  # never split
        for sec in sections_for(s)
        if sec.mode != "overview"
    )
