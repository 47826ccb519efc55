"""The home screen: every session in the data folder, and what to do with them."""

from __future__ import annotations

import asyncio
import contextlib

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from sessions.agenda.catalog import all_templates
from sessions.core.settings import load_settings, update_settings
from sessions.i18n import get_language, t
from sessions.i18n.formats import format_date, format_datetime
from sessions.i18n.oserror import os_message
from sessions.storage.errors import StorageError, UnknownSessionError
from sessions.storage.store import Entry
from tui.screens.base import TranslatedScreen
from tui.widgets.click_table import ClickTable
from tui.widgets.footer import FittingFooter
from tui.widgets.responsive import NARROW_BELOW

OPEN_WAIT_SECONDS = 5.0  # the longest the keys typed after ctrl+s wait for the session


class HomeScreen(TranslatedScreen):
    CSS_PATH = "home.tcss"
    HELP_KEY = "help.home"
    BINDINGS = [
        # Priority: n acts when it arrives, before the keys typed after it in the same
        # burst, which then reach the form it opens (its template list focused as built).
        Binding("n", "new", "key.new_session", id="new", priority=True),
        Binding("enter", "open", "key.open", id="open", show=True),
        Binding("d", "duplicate", "key.duplicate", id="duplicate"),
        Binding("delete,x", "delete", "key.delete", id="delete", key_display="key.display.delete"),
        Binding("r", "refresh", "key.refresh", id="refresh", show=False),
        Binding("g", "guide", "key.guide", id="guide"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("home.heading"), id="home-heading", classes="title")
        yield Static("", id="home-empty", markup=False)
        yield Static(t("guide.title"), id="guide-title", classes="title hidden")
        yield Static(
            f"{t('guide.body')}\n\n{t('guide.again')}",
            id="guide",
            markup=False,
            classes="hidden",
        )
        # The title takes the width the other columns leave (the template too when shown).
        yield ClickTable(id="sessions", cursor_type="row", zebra_stripes=True, flex=(0, 2))
        yield FittingFooter()

    def on_mount(self) -> None:
        self.sub_title = t("home.subtitle")
        self._narrow: bool | None = None
        self.entries: list[Entry] = []
        self._set_columns()
        self._first_run_guide()

    def _first_run_guide(self) -> None:
        """Show the guide on the very first run, and remember that it was shown."""
        root = self.app.store.root  # type: ignore[attr-defined]
        if load_settings(root).guide_seen:
            return
        self.show_guide(True)
        with contextlib.suppress(OSError):  # a read-only folder: shown again next time
            update_settings(root, guide_seen=True)

    def show_guide(self, visible: bool) -> None:
        for widget in self.query("#guide, #guide-title"):
            widget.set_class(not visible, "hidden")

    def action_guide(self) -> None:
        self.show_guide(self.query_one("#guide").has_class("hidden"))

    def on_screen_resume(self) -> None:
        self.refresh_list()

    def _set_columns(self) -> None:
        """Title, date, template, last change; under 100 columns, without the template."""
        narrow = self.app.size.width < NARROW_BELOW
        if narrow == self._narrow:
            return
        self._narrow = narrow
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_column(t("home.col.title"), key="title")
        table.add_column(t("home.col.date"), key="date")
        if not narrow:
            table.add_column(t("home.col.template"), key="template")
        table.add_column(t("home.col.updated"), key="updated")
        table.flex = (0,) if narrow else (0, 2)
        self.refresh_list()

    def on_resize(self) -> None:
        self._set_columns()

    def refresh_list(self) -> None:
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        store = self.app.store  # type: ignore[attr-defined]
        self.entries = store.entries()
        lang = get_language()
        templates = all_templates(store.templates_dir)
        template_titles = {tpl.name: tpl.display_title(lang) for tpl in templates}
        for entry in self.entries:
            s = entry.session
            if s is None:
                if entry.newer is not None:  # not damaged: written by a newer atelier
                    label, why = t("home.newer"), t("cli.list.newer", version=entry.newer)
                else:
                    label, why = t("home.unreadable"), entry.error or ""
                cells = [Text(t("home.problem_row", label=label, name=entry.path.name)), "", ""]
                cells = [*cells[: len(table.columns) - 1], Text(why)]
                table.add_row(*cells, key=str(entry.path))
                continue
            updated = format_datetime(s.updated_at) if s.updated_at else ""
            template = template_titles.get(s.template, s.template)
            cells = [
                Text(s.title, no_wrap=True, overflow="ellipsis"),
                format_date(s.date),
                *([] if self._narrow else [Text(template, no_wrap=True, overflow="ellipsis")]),
                updated,
            ]
            table.add_row(*cells, key=str(entry.path))
        empty = self.query_one("#home-empty", Static)
        empty.update("" if self.entries else t("home.empty"))
        empty.display = not self.entries
        if self.entries:
            table.move_cursor(row=min(keep, len(self.entries) - 1))

    def _selected(self) -> Entry | None:
        table = self.query_one(DataTable)
        if not self.entries or table.cursor_row < 0 or table.cursor_row >= len(self.entries):
            return None
        return self.entries[table.cursor_row]

    @on(DataTable.RowSelected)
    def _row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_refresh(self) -> None:
        self.refresh_list()

    def _chosen(self) -> Entry | None:
        """The session under the cursor; None said (an empty list) rather than ignored."""
        entry = self._selected()
        if entry is None:
            self.notify(t("home.none_listed"), severity="warning")
        return entry

    def _cannot(self, entry: Entry, exc: Exception) -> None:
        """The file changed since the list was drawn (deleted, locked, unwritable): why, and
        the list read again - not a crash."""
        name = entry.session.title if entry.session else entry.path.name
        if isinstance(exc, UnknownSessionError):
            reason = t("home.gone")
        elif isinstance(exc, OSError):
            reason = os_message(exc)
        else:
            reason = str(exc)
        self.notify(t("home.cannot", title=name, reason=reason), severity="error", timeout=10)
        self.refresh_list()

    def action_open(self) -> None:
        entry = self._chosen()
        if entry is None:
            return
        try:
            self.app.open_session(str(entry.path))  # type: ignore[attr-defined]
        except StorageError as exc:  # the others are said by open_session itself
            self._cannot(entry, exc)

    # Awaited: the keys typed behind n wait until the form is mounted, its first field focused.
    async def action_new(self) -> None:
        from tui.screens.new_session import NewSessionScreen

        await self.app.push_screen(NewSessionScreen(closed=self._form_closed))

    async def _form_closed(self, session_id: str | None) -> None:
        """The form is gone: the list again, or the session created, opened and mounted
        before the keys typed after Escape or ctrl+s are taken (they are meant for it)."""
        self.refresh_list()
        if session_id and self.app.open_session(session_id):  # type: ignore[attr-defined]
            # Textual's own "mounted" flag; bounded: the App awaits this and must not freeze
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.app.screen._mounted_event.wait(), OPEN_WAIT_SECONDS)

    def action_duplicate(self) -> None:
        entry = self._chosen()
        if entry is None:
            return
        if entry.session is None:
            self.notify(t("home.cannot_duplicate", name=entry.path.name), severity="warning")
            return
        try:
            copy = self.app.store.duplicate(  # type: ignore[attr-defined]
                str(entry.path), t("home.copy_title", title=entry.session.title)
            )
        except (StorageError, OSError) as exc:
            self._cannot(entry, exc)
            return
        self.notify(t("home.duplicated", title=copy.title))
        self.refresh_list()

    def action_delete(self) -> None:
        from tui.screens.confirm import ConfirmScreen

        entry = self._chosen()
        if entry is None:
            return
        name = entry.session.title if entry.session else entry.path.name

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            app = self.app
            if app.handle is not None and app.handle.path == entry.path:  # type: ignore[attr-defined]
                app.close_session()  # type: ignore[attr-defined]
            try:
                target = app.store.trash(str(entry.path))  # type: ignore[attr-defined]
            except (StorageError, OSError) as exc:
                self._cannot(entry, exc)
                return
            self.notify(t("home.trashed", title=name, path=target))
            self.refresh_list()

        self.app.push_screen(ConfirmScreen(t("home.confirm_delete", title=name)), confirmed)
