"""The dialogs of the Cartes section: a map (kind, chantier, centre, who stays) and a node.

Each form builds the op its values make (``sessions.maps.ops``) and tries it
on a copy of the session first: a refusal (a nature a resource map does not
have, a chantier the session does not have) is shown in the form, which stays
open with everything typed. ctrl+s saves through the screen's change path
(``on_save(op)``: saved, undoable with ctrl+z); Escape cancels. Choices are
``StepSelect``: Up and Down change them at once, in typing order, so a burst
"Région Tab Down Tab Down Down ctrl+s" fills a node without opening a list.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from sessions.core.ops import Op
from sessions.i18n import t
from sessions.maps import ops as map_ops
from sessions.maps.checks import chantier_titles
from sessions.maps.model import HAVE, KINDS, LINKS, NATURES, OPERATIVE, Map, MapNode
from sessions.models import Session
from tui.i18n import translate_bindings
from tui.screens.dialog import AnswersOnce
from tui.screens.typing_order import FocusInTypingOrder
from tui.widgets.entry_input import FieldInput
from tui.widgets.step_select import StepSelect

Save = Callable[[Op], bool]
DIGITS = re.compile(r"[0-9]+")


def offer_centre(epci: str = "") -> str:
    """The guide's centre of an offer map, the EPCI's name after it (to type when empty)."""
    return t("maps.offer_centre", epci=epci).rstrip() + ("" if epci else " ")


class _MapDialog(AnswersOnce, FocusInTypingOrder, ModalScreen[bool]):
    CSS_PATH = "maps.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "key.save", id="save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="cancel"),
    ]

    def __init__(self, session: Session, on_save: Save) -> None:
        super().__init__()
        translate_bindings(self)
        self.session = session
        self.on_save = on_save
        self.ready = asyncio.Event()  # set once the first field has the focus

    def on_mount(self) -> None:
        for widget in self.query("Input, Select"):
            widget.add_class("-textual-compact")  # one line each: the whole form in 24 rows
        for scroll in self.query(".fields"):
            scroll.can_focus = False  # Tab goes from field to field, never to their box
        self.set_focus(self.first_field())  # now, not later: the keys typed next go there
        self.ready.set()

    def first_field(self) -> Any:
        raise NotImplementedError

    def build(self) -> Op:
        """The op the values make (ValueError when a value cannot be read)."""
        raise NotImplementedError

    def _value(self, wid: str) -> str:
        widget = self.query_one(f"#{wid}")
        if isinstance(widget, Select):
            return "" if widget.value is Select.NULL else str(widget.value)  # BLANK is False here
        return widget.value if isinstance(widget, Input) else ""

    async def action_save(self) -> None:
        """ctrl+s: once every field has taken the keys typed before it, save and close;
        the App runs the keys typed after it once this is done (they reach the screen below)."""
        for field in [w for w in self.focus_chain if w is not self]:
            taken = asyncio.Event()
            if field.call_later(taken.set):
                await taken.wait()
        await self._save()

    async def _save(self) -> None:
        error = self.query_one("#error", Static)
        try:
            op = self.build()
            op.run(self.session.model_copy(deep=True))  # refused here, not half-saved
        except ValueError as exc:
            error.update(str(exc))
            return
        if self.on_save(op):
            await self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class MapForm(_MapDialog):
    """A new map (its kind first) or an existing one (``number``): chantier, centre, host."""

    def __init__(
        self, session: Session, on_save: Save, number: int = 0, kind: str = "ressources"
    ) -> None:
        super().__init__(session, on_save)
        self.number = number
        self.map = session.maps[number - 1] if number else Map(kind=kind)  # type: ignore[arg-type]
        if not number and kind == "offre":
            self.map.centre = offer_centre()

    def compose(self) -> ComposeResult:
        m = self.map
        titles = chantier_titles(self.session)
        with Vertical(id="map-form", classes="map-dialog"):
            n = self.number
            heading = t("maps.form.map_heading_n", number=n) if n else t("maps.form.map_heading")
            yield Static(heading, classes="title", markup=False)
            with VerticalScroll(classes="fields"):
                if not self.number:
                    yield Label(t("maps.form.kind"))
                    options = [(t(f"maps.form.kind.{k}"), k) for k in KINDS]
                    yield StepSelect(options, value=m.kind, id="kind", allow_blank=False)
                with Vertical(id="chantier-box"):  # a resource map's only: hidden for an offer
                    yield Label(t("maps.form.chantier"))
                    if titles:
                        listed = ", ".join(f"{n} {title}" for n, title in titles.items())
                        yield Static(t("maps.form.chantier_list", list=listed), classes="help")
                    chantier = "" if m.chantier is None else str(m.chantier)
                    yield FieldInput(value=chantier, id="chantier")
                yield Label(t(f"maps.form.centre{'_offre' if m.kind == 'offre' else ''}"))
                yield FieldInput(value=m.centre, id="centre")
                yield Label(t("maps.form.host"))
                yield FieldInput(value=m.host, id="host")
            yield Static("", id="error", markup=False)

    def on_mount(self) -> None:  # then _MapDialog's (Textual calls both)
        self._show_chantier(self.map.kind)

    def _show_chantier(self, kind: object) -> None:
        """The chantier's field is a resource map's (one per chantier): none on an offer map."""
        self.query_one("#chantier-box").display = kind != "offre"

    def first_field(self) -> Any:
        return self.query_one("#kind" if not self.number else "#centre")

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "kind":
            return
        self._show_chantier(event.value)
        centre = self.query_one("#centre", Input)
        if event.value == "offre" and not centre.value.strip():
            centre.value = offer_centre()
        elif event.value != "offre" and centre.value == offer_centre():
            centre.value = ""

    def build(self) -> Op:
        kind = self._value("kind") if not self.number else self.map.kind
        raw = self._value("chantier").strip()
        if kind == "offre":  # not asked: kept as it was (none on a new offer map)
            raw = "" if self.map.chantier is None or not self.number else str(self.map.chantier)
        if raw and not DIGITS.fullmatch(raw):
            raise ValueError(t("maps.form.err_chantier"))
        chantier = int(raw) if raw else None
        centre, host = self._value("centre"), self._value("host")
        if self.number:
            return map_ops.EditMap(self.number, centre=centre, chantier=chantier, host=host)
        number = len(self.session.maps) + 1  # the place it takes: named by its undo label
        return map_ops.AddMap(number, kind=kind, centre=centre, chantier=chantier, host=host)


class NodeForm(_MapDialog):
    """A node of map ``number``: a new one (``node`` 0; its group from ``like``) or ``node``."""

    def __init__(
        self,
        session: Session,
        on_save: Save,
        number: int,
        node: int = 0,
        like: MapNode | None = None,
    ) -> None:
        super().__init__(session, on_save)
        self.number = number
        self.node = node
        self.map = session.maps[number - 1]
        if node:
            self.values = self.map.nodes[node - 1]
        else:  # a new node in the group of the one under the cursor: the next of a nature
            group = like.group if like else (NATURES[0] if self.map.kind == "ressources" else "")
            self.values = MapNode.model_construct(
                label="", group=group, link="aucun", notes="", have="", connection="", operative=""
            )

    def compose(self) -> ComposeResult:
        kind, v = self.map.kind, self.values
        with Vertical(id="node-form", classes="map-dialog"):
            heading = t("maps.form.node_heading", number=self.number, centre=self.map.centre)
            yield Static(heading, classes="title", markup=False)
            with VerticalScroll(classes="fields"):
                yield Label(t(f"maps.form.label.{kind}"))
                yield FieldInput(value=v.label, id="label")
                yield Label(t(f"maps.form.group.{kind}"))
                if kind == "ressources":
                    natures = [(t(f"maps.nature.{n}"), n) for n in NATURES]
                    yield StepSelect(natures, value=v.group, id="group", allow_blank=False)
                else:  # a new offer starts in the family under the cursor: a word typed replaces it
                    replace = not self.node and bool(v.group)
                    yield FieldInput(value=v.group, id="group", select_on_focus=replace)
                yield Label(t("maps.form.link"))
                links = [(t(f"maps.form.link.{k}"), k) for k in LINKS]
                yield StepSelect(links, value=v.link, id="link", allow_blank=False)
                if kind == "ressources":  # the guide's three questions
                    yield Label(t("maps.form.have"))
                    have = self._answers("have", HAVE)
                    yield StepSelect(have, value=v.have, id="have", allow_blank=False)
                    yield Label(t("maps.form.connection"))
                    yield FieldInput(value=v.connection, id="connection")
                    yield Label(t("maps.form.operative"))
                    answers = self._answers("operative", OPERATIVE)
                    yield StepSelect(answers, value=v.operative, id="operative", allow_blank=False)
                yield Label(t("maps.form.notes"))
                yield FieldInput(value=v.notes, id="notes")
            yield Static("", id="error", markup=False)

    @staticmethod
    def _answers(field: str, values: tuple[str, ...]) -> list[tuple[str, str]]:
        return [(t(f"maps.{field}.{v}") if v else t("maps.form.have.none"), v) for v in values]

    def first_field(self) -> Any:
        return self.query_one("#label")

    def build(self) -> Op:
        values = {"label": self._value("label"), "group": self._value("group")}
        values["link"] = self._value("link")
        values["notes"] = self._value("notes")
        if self.map.kind == "ressources":
            for name in ("have", "connection", "operative"):
                values[name] = self._value(name)
        else:  # kept as they were (an offer map's form does not ask them)
            values |= {"have": "", "connection": "", "operative": ""}
            if self.node:
                old = self.values
                values |= {"have": old.have, "connection": old.connection}
                values["operative"] = old.operative
        if self.node:
            return map_ops.EditNode(self.number, node=self.node, **values)
        return map_ops.AddNode(self.number, **values)
