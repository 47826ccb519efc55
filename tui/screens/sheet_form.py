"""The dialogs of the sheets screen: choose a kind, and the form of one sheet.

The form shows, for each field of the sheet's kind, its label, the guide's help
line and an input fitting its type: one line (short text), several lines (long
text, people one a line, a table one row a line with cells separated by ``|``),
a list (choice, yes / no). ctrl+s checks every value against the kind first:
a refusal is shown in the form, which stays open with everything typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from sessions.core.numbers import parse_numbers
from sessions.i18n import get_language, t
from sessions.models import Session
from sessions.sheets import ops
from sessions.sheets.advice import warnings
from sessions.sheets.catalog import FieldSpec, Kind, builtin_kinds
from sessions.sheets.model import Sheet
from sessions.sheets.rules import SheetError, check_value
from tui.i18n import translate_bindings
from tui.screens.dialog import AnswersOnce
from tui.screens.sheet_text import (
    CELL_SEPARATOR,
    empty_rows_text,
    field_text,
    labelled_refusal,
    parse_table,
)
from tui.screens.typing_order import FocusInTypingOrder, KeysBeforeFocus
from tui.widgets.entry_input import FieldInput
from tui.widgets.step_select import StepSelect


class KindChooser(AnswersOnce, ModalScreen[str | None]):
    """The kinds of sheet, by their title in the interface's language; Enter picks one.

    Its keys are priority bindings that keep the highlight here (not in the list's
    own queue): "a Down Down Enter" typed in one burst picks the third kind even
    before the list is drawn, and the keys after Enter reach the form.
    """

    CSS_PATH = "sheets.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "key.cancel", id="cancel"),
        Binding("enter", "pick", "sheets.key.pick", id="pick", priority=True),
        Binding("down", "move(1)", "sheets.key.next_kind", id="next", show=False, priority=True),
        Binding("up", "move(-1)", "sheets.key.previous_kind", id="prev", show=False, priority=True),
    ]

    def __init__(
        self, first: list[str] | None = None, form_for: Callable[[str], Screen | None] | None = None
    ) -> None:
        """``first``: the kinds the session's format uses, offered first.

        ``form_for(kind)`` adds the sheet and gives its form, which takes this
        dialog's place at once: keys typed ahead (tmux sends them in a burst)
        reach the form, not the list behind.
        """
        super().__init__()
        translate_bindings(self)
        self.first = list(first or [])
        self.form_for = form_for
        self.kinds = sorted(
            builtin_kinds(),
            key=lambda k: self.first.index(k.kind) if k.kind in self.first else len(self.first),
        )
        self.index = 0

    def compose(self) -> ComposeResult:
        lang = get_language()
        with Vertical(id="kind-box"):
            yield Label(t("sheets.choose_kind"))
            options = [Option(k.display_title(lang), id=k.kind) for k in self.kinds]
            yield OptionList(*options, id="kinds")

    def on_mount(self) -> None:
        self._show_index()

    def _show_index(self) -> None:
        found = self.query("#kinds")
        if found:
            found.first(OptionList).highlighted = self.index

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.index = event.option_index  # a click or the list's own keys

    def action_move(self, delta: int) -> None:
        self.index = max(0, min(len(self.kinds) - 1, self.index + delta))
        self._show_index()

    def action_pick(self) -> None:
        self._pick(self.kinds[self.index].kind)

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self._pick(str(event.option.id))

    def _pick(self, kind: str) -> None:
        if not self.is_active:
            return
        form = self.form_for(kind) if self.form_for else None
        if form is not None:
            self.app.switch_screen(form)
        else:
            self.dismiss(kind)

    def action_cancel(self) -> None:
        self.dismiss(None)


class FieldsScroll(VerticalScroll):
    """The form's fields, scrolled: a key it gets before the title has the focus is kept
    for the title (``KeysBeforeFocus``), never lost on the scroll."""

    def _forward_event(self, event: events.Event) -> None:
        screen = self.screen
        if isinstance(screen, KeysBeforeFocus) and screen.hold_key(event):
            return
        super()._forward_event(event)


@dataclass
class FormResult:
    title: str
    items: list[int]
    fields: dict[str, Any] = field(default_factory=dict)


class SheetForm(AnswersOnce, KeysBeforeFocus, FocusInTypingOrder, ModalScreen[FormResult | None]):
    CSS_PATH = "sheets.tcss"
    _checking = "#items"  # the field being checked: a refusal puts the cursor there
    BINDINGS = [
        Binding("ctrl+s", "save", "key.save", id="save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="cancel"),
        # Tab typed ahead of the form's focus moves where the next keys go (KeysBeforeFocus).
        Binding("tab", "field(1)", "key.next_field", show=False, priority=True),
        Binding("shift+tab", "field(-1)", "key.previous_field", show=False, priority=True),
    ]

    def action_field(self, delta: int) -> None:
        if not self.typed_ahead_move(delta):
            if delta > 0:
                self.app.action_focus_next()
            else:
                self.app.action_focus_previous()

    def __init__(
        self,
        session: Session,
        sheet: Sheet,
        kind: Kind,
        on_save: Callable[[FormResult], bool] | None = None,
    ) -> None:
        """``on_save(result)`` saves the values; the form closes when it returns True."""
        super().__init__()
        translate_bindings(self)
        self.session = session
        self.sheet = sheet
        self.kind = kind
        self.on_save = on_save

    def _input_for(self, spec: FieldSpec, value: object, lang: str) -> Any:
        wid = f"f-{spec.key}"
        year = self.session.date.year
        if spec.type == "text":
            return FieldInput(value=field_text(spec, value, year), id=wid)
        if spec.type == "choice":
            options = [(spec.value_label(v, lang), v) for v in spec.values]
            chosen = value if value in spec.values else Select.NULL
            return StepSelect(options, value=chosen, id=wid, prompt=t("sheets.unanswered"))
        if spec.type == "yes_no":
            options = [(t("sheets.yes"), True), (t("sheets.no"), False)]
            chosen = value if isinstance(value, bool) else Select.NULL
            return StepSelect(options, value=chosen, id=wid, prompt=t("sheets.unanswered"))
        text = field_text(spec, value, year)
        if spec.type == "table" and spec.rows and not text.strip():
            text = empty_rows_text(spec, year)
        area = TextArea(text, id=wid, soft_wrap=True)
        if spec.rows and text:
            area.cursor_location = (0, len(text.splitlines()[0]))  # after the first label
        area.add_class("table" if spec.type == "table" else "long")
        return area

    def compose(self) -> ComposeResult:
        lang = get_language()
        year = self.session.date.year
        sheet, kind = self.sheet, self.kind
        with Vertical(id="form"):
            yield Static(
                t("sheets.form_heading", kind=kind.display_title(lang), number=sheet.number),
                id="form-heading",
                markup=False,
            )
            with FieldsScroll(id="form-fields"):
                yield Label(t("sheets.form_title"))
                text = next((f for f in kind.fields if f.type == "text"), None)  # default_title
                named = kind.display_title(lang)
                first = (
                    text.display(lang)
                    if text
                    else t("sheets.form_heading", kind=named, number=sheet.number)
                )
                yield Static(t("sheets.form_title_help", field=first), classes="help", markup=False)
                yield FieldInput(value=sheet.title, id="title")
                yield Label(t("sheets.form_items"))
                yield Static(t("sheets.form_items_help"), classes="help", markup=False)
                yield FieldInput(value=" ".join(str(n) for n in sheet.items), id="items")
                for spec in kind.fields:
                    yield Label(spec.display(lang), classes="field-label")
                    help_text = spec.help_text(lang)
                    if spec.type == "table":
                        columns = CELL_SEPARATOR.join(c.display(lang, year) for c in spec.columns)
                        help_text += "\n" + t("sheets.table_help", columns=columns)
                    if help_text:
                        yield Static(help_text, classes="help", markup=False)
                    yield self._input_for(spec, sheet.fields.get(spec.key), lang)
            yield Static("", id="warning", markup=False)
            yield Static("", id="error", markup=False)
            yield Static(t("sheets.form_keys"), classes="muted", markup=False)

    def on_mount(self) -> None:
        # One line per input (Textual's compact style): more fields in sight, at 24 rows too.
        for widget in self.query("Input, Select, TextArea"):
            widget.add_class("-textual-compact")
        self.give_held_keys(self.query_one("#title", Input))
        self._warn()

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def _warn(self) -> None:
        """The guide's warnings for the values as typed (a 3rd chantier prioritaire...)."""
        found = warnings(self.session, self.candidate(), get_language())
        line = self.query_one("#warning", Static)
        line.update("\n".join(found))
        line.display = bool(found)

    def candidate(self) -> Sheet:
        """The sheet as the form would save it, the values it would refuse left out."""
        name = str(self.sheet.number)
        fields: dict[str, Any] = {}
        for spec in self.kind.fields:
            try:
                raw = self._raw(spec)
                value = check_value(spec, "" if raw is None else raw, name)
            except ValueError:
                value = None
            if value is not None:
                fields[spec.key] = value
        return self.sheet.model_copy(update={"fields": fields})

    def _raw(self, spec: FieldSpec) -> object:
        widget = self.query_one(f"#f-{spec.key}")
        if isinstance(widget, Select):
            return None if widget.value is Select.NULL else widget.value
        text = widget.value if isinstance(widget, Input) else widget.text  # type: ignore[attr-defined]
        if spec.type == "table":
            return parse_table(spec, text, self.session.date.year)
        return text

    def collect(self) -> FormResult:
        """Every value read and checked (SheetError / NumberError on the first refusal)."""
        name = str(self.sheet.number)
        self._checking = "#items"
        items_text = self.query_one("#items", Input).value
        try:
            items = parse_numbers(items_text) if items_text.strip() else []
        except ValueError as exc:  # which field the digits were refused in
            raise SheetError(
                "sheets.err.in_field", field=t("sheets.form_items"), reason=exc
            ) from None
        items = ops.check_items(self.session, items, name)
        fields: dict[str, Any] = {}
        year = self.session.date.year
        for spec in self.kind.fields:
            self._checking = f"#f-{spec.key}"
            raw = self._raw(spec)
            try:
                check_value(spec, "" if raw is None else raw, name)  # refuses before saving
            except SheetError as exc:
                raise labelled_refusal(spec, exc, year) from None
            fields[spec.key] = "" if raw is None else raw
        return FormResult(self.query_one("#title", Input).value, items, fields)

    def action_save(self) -> None:
        # ctrl+s is priority: the fields first take the keys typed before it (those
        # still queued on the screen itself, typed before its first field had the focus, too).
        self.call_later(self.after_typed, self._save)

    def _save(self) -> None:
        try:
            result = self.collect()
        except ValueError as exc:
            self.query_one("#error", Static).update(str(exc))
            refused = self.query_one(self._checking)  # fixed where it was refused
            refused.focus()
            refused.scroll_visible(animate=False)
            return
        if self.on_save is None:
            self.dismiss(result)
        elif self.on_save(result):  # saved (a refusal is told, the form stays open)
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
