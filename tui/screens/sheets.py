"""The sheets (fiches) of the session: list, add, fill in, link to items, reorder, delete.

Each change is an op (``sessions.sheets.sheet_ops``) through the common change
path (saved at once, crash-safe, like an idea; ctrl+z / ctrl+y undo and redo
it slot by slot); a deleted sheet is kept with its number, never given again.
The form shows the guide's help for every field (``tui.screens.sheet_form``).
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import DataTable, Static

from sessions.agenda.turns_from import turns_summary
from sessions.i18n import get_language, t
from sessions.models import Session
from sessions.sheets import ops, sheet_ops
from sessions.sheets.advice import warnings
from sessions.sheets.catalog import find_kind
from sessions.sheets.minutes import sheet_heading
from sessions.sheets.model import Sheet
from sessions.sheets.rules import title_of
from tui.screens.base import SectionScreen
from tui.screens.sheet_form import FormResult, KindChooser, SheetForm, field_text
from tui.screens.undo_support import Recording
from tui.widgets.click_table import ClickTable


class SheetsScreen(Recording, SectionScreen):
    AUTO_FOCUS = "#sheets-list"  # focused as built: keys typed in the burst of its key reach it
    CSS_PATH = "sheets.tcss"
    HELP_KEY = "help.sheets"
    # Every key of this screen is a priority binding: it runs when it arrives, in the
    # order typed, so a burst "a Enter Bus" opens the chooser, picks and types into the
    # form (a list key handled later would send "Bus" to the list, "x" deleting a sheet).
    BINDINGS = [
        Binding("a", "add", "sheets.key.add", id="sheets-add", priority=True),
        Binding("e", "edit", "sheets.key.edit", id="sheets-edit", priority=True),
        Binding("enter", "edit", "sheets.key.edit", id="sheets-open", show=False, priority=True),
        Binding("t", "become", "sheets.key.become", id="sheets-become", priority=True),
        Binding("shift+up", "move(-1)", "sheets.key.up", id="sheets-up", priority=True),
        Binding("shift+down", "move(1)", "sheets.key.down", id="sheets-down", priority=True),
        Binding("delete,x", "delete", "sheets.key.delete", id="sheets-delete", priority=True),
        *(
            Binding(
                key,
                f"cursor({delta})",
                f"sheets.key.{name}",
                id=f"sheets-{name}",
                show=False,
                priority=True,
            )
            for key, delta, name in (
                ("up", -1, "previous"),
                ("down", 1, "next"),
                ("home", -100_000, "first"),
                ("end", 100_000, "last"),
            )
        ),
        Binding("ctrl+z", "undo", "key.undo", id="sheets-undo", priority=True),
        Binding("ctrl+y", "redo", "key.redo", id="sheets-redo", priority=True),
    ]

    def compose_body(self) -> Iterable[Widget]:
        with Vertical(id="sheets-body"):
            yield Static("", id="sheets-turns", markup=False)
            yield Static("", id="sheets-empty", markup=False)
            table = ClickTable(id="sheets-list", cursor_type="row", zebra_stripes=True, flex=2)
            yield table
            with VerticalScroll(id="sheet-detail"):
                yield Static("", id="sheet-fields", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self._redraw()
        self.query_one("#sheets-list", ClickTable).focus()

    # -- drawing -----------------------------------------------------------
    @property
    def shown(self) -> list[Sheet]:
        return ops.visible(self.session)

    def current(self) -> Sheet | None:
        table = self.query_one("#sheets-list", ClickTable)
        shown = self.shown
        if not shown or table.cursor_row < 0:
            return None
        return shown[min(table.cursor_row, len(shown) - 1)]

    def refresh_from_session(self, select: int | None = None) -> None:
        table = self.query_one("#sheets-list", ClickTable)
        if not table.columns:
            keys = ("sheets.col.number", "sheets.col.kind", "sheets.col.title", "sheets.col.items")
            table.add_columns(*(t(key) for key in keys))
        before = self.current() if select is None and table.row_count else None
        select = select if select is not None else (before.number if before else None)
        lang = get_language()
        table.clear()
        shown = self.shown
        for sheet in shown:
            kind = find_kind(sheet.kind)
            kind_title = kind.display_title(lang) if kind else sheet.kind
            items = " ".join(str(n) for n in sheet.items)
            table.add_row(
                str(sheet.number), kind_title, title_of(sheet, lang), items, key=str(sheet.number)
            )
        numbers = [s.number for s in shown]
        if select in numbers:
            table.move_cursor(row=numbers.index(select))
        self.query_one("#sheets-empty", Static).update("" if shown else t("sheets.empty"))
        self.query_one("#sheets-empty").display = not shown
        turns = "\n".join(
            turns_summary(self.session, phase, lang)
            for phase in self.session.agenda
            if phase.turns_from is not None
        )
        self.query_one("#sheets-turns", Static).update(turns)
        self.query_one("#sheets-turns").display = bool(turns)
        self._show_detail()

    @on(DataTable.RowHighlighted, "#sheets-list")
    def _show_detail(self) -> None:
        sheet = self.current()
        detail = self.query_one("#sheet-fields", Static)
        if sheet is None:
            detail.update("")
            return
        detail.update(sheet_text(self.session, sheet))

    # -- actions -----------------------------------------------------------
    # Every change is an op (``sessions.sheets.sheet_ops``) through the common path
    # (``Recording.change``): saved at once, undone with ctrl+z, a refusal told.
    def action_add(self) -> None:
        # The kinds the session's format uses come first (a solution in divergence-convergence).
        self.app.push_screen(KindChooser(list(self.session.parts.sheets), self._added))

    def _added(self, kind: str) -> SheetForm | None:
        """The form of a new sheet of ``kind``: added when saved, nothing left on Esc."""
        spec = find_kind(kind)
        if spec is None:
            return None
        number = ops.next_number(self.session)
        sheet = Sheet(kind=kind, number=number)

        def save(result: FormResult) -> bool:
            op = sheet_ops.AddFilledSheet(
                kind=kind,
                title=result.title,
                fields=tuple(result.fields.items()),
                items=tuple(result.items),
            )
            said = lambda made: t("sheets.saved", number=made.number)  # noqa: E731
            done, made = self.change(op, feedback=said)
            if done:
                self._saved(made.number)
            return bool(done)

        return SheetForm(self.session, sheet, spec, on_save=save)

    @on(DataTable.RowSelected, "#sheets-list")
    def action_edit(self) -> None:
        sheet = self.current()
        form = self._form_for(sheet.number) if sheet is not None else None
        if form is not None:
            self.app.push_screen(form)

    def _saved(self, number: int) -> None:
        self.refresh_from_session(select=number)
        sheet = ops.find(self.session, number)
        for warning in warnings(self.session, sheet, get_language()):
            self.notify(warning, severity="warning")

    def _form_for(self, number: int) -> SheetForm | None:
        sheet = ops.find(self.session, number)
        kind = find_kind(sheet.kind)
        if kind is None:
            return None

        def save(result: FormResult) -> bool:
            op = sheet_ops.FillSheet(
                number=number,
                title=result.title,
                items=tuple(result.items),
                fields=tuple(result.fields.items()),
            )
            done = self.change(op, feedback=t("sheets.saved", number=number))[0]
            if done:
                self._saved(number)
            return bool(done)

        return SheetForm(self.session, sheet.model_copy(deep=True), kind, on_save=save)

    def action_become(self) -> None:
        sheet = self.current()
        if sheet is None:
            return
        number = sheet.number
        done, made = self.change(
            sheet_ops.BecomeAction(number=number),
            feedback=lambda made: t("sheets.became", number=number, new=made.number),
        )
        if done:
            self.refresh_from_session(select=made.number)

    def action_cursor(self, delta: int) -> None:
        table = self.query_one("#sheets-list", ClickTable)
        if table.row_count:
            row = max(0, min(table.row_count - 1, table.cursor_row + delta))
            table.move_cursor(row=row)

    def action_move(self, delta: int) -> None:
        sheet = self.current()
        if (
            sheet is not None
            and self.change(sheet_ops.MoveSheet(number=sheet.number, delta=delta))[0]
        ):
            self.refresh_from_session(select=sheet.number)

    def action_delete(self) -> None:
        sheet = self.current()
        if sheet is not None:
            number = sheet.number
            self.change(
                sheet_ops.DeleteSheet(number=number), feedback=t("sheets.deleted", number=number)
            )


def sheet_text(session: Session, sheet: Sheet) -> Text:
    """The selected sheet under the list: each label (bold) and its value (empty ones as —)."""
    lang = get_language()
    kind = find_kind(sheet.kind)
    if kind is None:
        return Text("")
    heading = sheet_heading(sheet, kind, lang, t)
    out = Text()
    out.append(heading, style="bold")
    if sheet.items:
        out.append("\n" + t("sheets.detail.items", items=", ".join(str(n) for n in sheet.items)))
    for spec in kind.fields:
        value = sheet.fields.get(spec.key)
        if spec.type == "yes_no" and isinstance(value, bool):
            text = t("sheets.yes") if value else t("sheets.no")
        elif spec.type == "choice" and isinstance(value, str):
            text = spec.value_label(value, lang)
        else:
            text = field_text(spec, value, session.date.year)
        lines = [line for line in text.splitlines() if line.strip()]
        # One remark a line (pour, contre, the group...): each line a bullet under its label.
        shown = "".join(f"\n  · {line}" for line in lines) if len(lines) > 1 else text or "—"
        before, _, after = t("sheets.detail.line", label="\0", value=shown).partition("\0")
        out.append("\n" + before)
        out.append(spec.display(lang, session.date.year), style="bold")
        out.append(after.replace(" \n", "\n"))
    return out
