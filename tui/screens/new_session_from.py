"""The new-session form's part "from earlier sessions" (``atelier new --from``, in the form).

Tick one or more earlier sessions (Space): their top items are listed with
their points and grid positions, all ticked (Space ticks one, + all, - none);
the ticked ones are the lines of
the enjeux box below, one a line, to reword as questions in place (a line
emptied leaves its item out; a reworded one keeps its source). A wording
typed there is kept when other items are ticked or unticked. "Reprendre leurs
participants" carries the sources' participants. The enjeux are made by the
same domain code as the command line (``sessions.enjeux.carry``).
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Checkbox, Label, OptionList, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from sessions.enjeux.ops import Offered, offered_items
from sessions.i18n import t, tn
from sessions.models import Session
from sessions.storage.store import Entry

Key = tuple[str, int]  # (source session id, item number)


def offered_line(item: Offered) -> str:
    """An offered item as listed: its session, number, points, grid position, text."""
    points = tn("cli.new.offered.points", item.points, count=item.points)
    grid = ""
    if item.present and item.future:
        present, future = t(f"grid.level.{item.present}"), t(f"grid.level.{item.future}")
        grid = t("cli.new.offered.grid_future", present=present, future=future)
    elif item.present:
        grid = t("cli.new.offered.grid", present=t(f"grid.level.{item.present}"))
    return t(
        "new.from.item",
        title=item.session_title,
        item=item.item,
        points=points,
        grid=grid,
        text=item.text,
    )


class TickList(SelectionList[str]):
    """A SelectionList whose Space ticks the option it was pressed on, said at once.

    Textual's toggles the option highlighted when the message is handled: in a
    burst "Space Down Space" (tmux, a fast scribe) both toggled the second
    option, ticking nothing. ``changed`` is called in the list's own turn (not
    by a message handled later), so a Tab right after finds what it shows.
    """

    BINDINGS = [Binding("space", "tick", "new.from.key.tick", show=False)]
    # Run in the list's own turn, in the order typed: a binding would be run later by
    # the App, after a Tab typed next (a priority key) had already moved the focus.
    KEYS = {
        "space": "tick",
        "down": "cursor_down",
        "up": "cursor_up",
        "home": "first",
        "end": "last",
        "plus": "select_all",
        "minus": "deselect_all",
    }

    def __init__(self, *args: object, changed: Callable[[], None] | None = None, **kw: object):
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        self.changed = changed or (lambda: None)

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        event.prevent_default()  # Textual's own handler (on the base class) would toggle too
        self.toggle(self.get_option_at_index(event.option_index))
        self.changed()

    async def _on_key(self, event: events.Key) -> None:
        action = getattr(self, f"action_{self.KEYS.get(event.key, '')}", None)
        if action is not None:
            event.stop()
            event.prevent_default()
            action()

    def action_tick(self) -> None:
        """Space: the highlighted option ticked or unticked now, in the order of the keys."""
        if self.highlighted is None and self.option_count:
            self.highlighted = 0  # the list just filled: Space starts at the top
        if self.highlighted is not None:
            self.toggle(self.get_option_at_index(self.highlighted))
            self.changed()


class TickBox(Checkbox):
    """A Checkbox that Space ticks in its own turn: a ctrl+s typed right after sees it."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key in ("space", "enter"):
            event.stop()
            event.prevent_default()
            self.toggle()


class ItemList(TickList):
    """The offered items: Space ticks one, + ticks them all, - none (then tick a few)."""

    BINDINGS = [
        Binding("plus", "select_all", "new.from.key.all", show=False),
        Binding("minus", "deselect_all", "new.from.key.none", show=False),
    ]

    def action_select_all(self) -> None:
        self.select_all()
        self.changed()

    def action_deselect_all(self) -> None:
        self.deselect_all()
        self.changed()


class FromEarlier(Vertical):
    """The earlier sessions to take enjeux from, their top items, the enjeux' wording."""

    def __init__(self, entries: list[Entry], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.sessions = {e.session.id: e.session for e in entries if e.session is not None}
        self.unreadable = [e for e in entries if e.session is None]
        self.offered: list[Offered] = []
        self.shown: list[Key] = []  # the keys of the enjeux box's lines, in order
        self.wording: dict[Key, str] = {}  # what the scribe typed for an item

    def compose(self) -> ComposeResult:
        yield Label(t("new.from.heading"))
        if not self.sessions:
            yield Static(t("new.from.none"), classes="muted", markup=False)
        options = [
            Selection(f"{s.title} · {s.date.isoformat()} · {s.id}", s.id, False)
            for s in self.sessions.values()
        ]
        yield TickList(*options, id="from-sessions", changed=self._show_items)
        if self.unreadable:
            names = "; ".join(f"{e.path.name} ({e.error})" for e in self.unreadable)
            yield Static(t("new.from.unreadable", files=names), classes="muted", markup=False)
        yield Static("", id="from-offered-title", markup=False)
        yield ItemList(id="from-items", changed=self._fill_enjeux)
        yield Label(t("new.from.enjeux"), id="from-enjeux-label")
        yield TextArea(id="from-enjeux", soft_wrap=True)
        yield TickBox(t("new.from.participants"), id="from-participants")

    def on_mount(self) -> None:
        self.query_one("#from-sessions").display = bool(self.sessions)
        self._show_items()

    # -- what is chosen --------------------------------------------------------------
    def chosen_ids(self) -> list[str]:
        return list(self.query_one("#from-sessions", SelectionList).selected)

    def ticked(self) -> list[Offered]:
        selected = set(self.query_one("#from-items", SelectionList).selected)
        return [o for o in self.offered if f"{o.session}:{o.item}" in selected]

    def texts(self) -> list[str]:
        """The enjeux box's lines, one per ticked item (a missing line: left out)."""
        lines = self.query_one("#from-enjeux", TextArea).text.split("\n")
        return [lines[i] if i < len(lines) else "" for i in range(len(self.shown))]

    @property
    def with_participants(self) -> bool:
        return self.query_one("#from-participants", Checkbox).value

    # -- redrawn as the ticks change ----------------------------------------------------
    def _show_items(self) -> None:
        ids = self.chosen_ids()
        self.offered = offered_items([self.sessions[i] for i in ids if i in self.sessions])
        items = self.query_one("#from-items", ItemList)
        items.clear_options()
        items.add_options(
            [Selection(offered_line(o), f"{o.session}:{o.item}", True) for o in self.offered]
        )
        title = self.query_one("#from-offered-title", Static)
        if ids and not self.offered:
            title.update(t("cli.new.offered.none"))
        else:
            title.update(t("new.from.offered") if self.offered else "")
        for widget in (items, self.query_one("#from-enjeux"), self.query_one("#from-enjeux-label")):
            widget.display = bool(self.offered)
        self.query_one("#from-participants").display = bool(ids)
        self._fill_enjeux()

    def _fill_enjeux(self) -> None:
        box = self.query_one("#from-enjeux", TextArea)
        for key, line in zip(self.shown, box.text.split("\n"), strict=False):
            self.wording[key] = line  # kept, should the item come back
        ticked = self.ticked()
        self.shown = [(o.session, o.item) for o in ticked]
        lines = [self.wording.get((o.session, o.item), o.text) for o in ticked]
        box.text = "\n".join(lines)

    def sources(self) -> list[Session]:
        return [self.sessions[i] for i in self.chosen_ids() if i in self.sessions]
