"""The enjeux and the chantiers clés of the session: read as the group reads them.

A section of the session (``tui.sections``): **Enjeux** lists the enjeux with
where each came from, then the recap table enjeux x chantiers (each cell the
chantier's title, its feasibility as a symbol, a word *and* a colour, its
priority and inconnu désirable). Filled from the command line (``atelier import
enjeux``, ``atelier new --from``, ``atelier import sheets``) or the new-session
form, typed and reworded here, redrawn on each change. The maps have their own
section (``tui.screens.maps``).
"""

from __future__ import annotations

from collections.abc import Iterable

from rich import box
from rich.table import Table as RichTable
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import DataTable, Static

from sessions.documents.minutes_common import MinutesOptions
from sessions.enjeux.chantiers import recap_table
from sessions.enjeux.ops import AddEnjeu, RewordEnjeu
from sessions.i18n import get_language, t
from tui.screens.ask import AskScreen
from tui.screens.base import SectionScreen
from tui.screens.undo_support import Recording
from tui.widgets.fit_table import FitTable

# The feasibility's colour, beside its symbol and word (never alone).
COLOUR = {"vert": "green", "orange": "dark_orange", "rouge": "red", "blanc": ""}


class EnjeuxScreen(Recording, SectionScreen):
    HELP_KEY = "help.enjeux"
    BINDINGS = [
        Binding("a", "add", "enjeux.key.add", id="enjeux-add"),
        Binding("e", "reword", "enjeux.key.reword", id="enjeux-reword"),
        # ↑↓ choose the enjeu e rewords (the page itself keeps PgUp, PgDn, Home, End)
        Binding("up", "choose(-1)", "enjeux.key.up", show=False, priority=True),
        Binding("down", "choose(1)", "enjeux.key.down", show=False, priority=True),
        Binding("ctrl+z", "undo", "key.undo", id="enjeux-undo", priority=True),
        Binding("ctrl+y", "redo", "key.redo", id="enjeux-redo", priority=True),
    ]
    recap: RichTable | None = None  # the recap table shown (for the tests)
    source_titles: dict[str, str]  # the source sessions' titles, read once (set on mount)
    DEFAULT_CSS = """
    #enjeux-body { height: 1fr; padding: 0 1; }
    #enjeux-body > Static { height: auto; margin: 1 0 0 0; }
    #enjeux-body > DataTable { height: auto; }
    """

    def compose_body(self) -> Iterable[Widget]:
        self.source_titles = {}
        with VerticalScroll(id="enjeux-body"):
            yield Static("", id="enjeux-empty", markup=False)
            # the enjeu and its origin share the width and wrap: nothing cut at 80 columns
            yield FitTable(id="enjeux-list", cursor_type="row", zebra_stripes=True, flex=(1, 2))
            yield Static("", id="recap-title", markup=False)
            yield Static("", id="recap-table")  # a Rich table: its cells wrap to the width
            yield Static("", id="recap-legend", markup=False)

    def refresh_from_session(self) -> None:
        lang = get_language()
        opts = MinutesOptions(lang)
        enjeux = sorted(self.session.enjeux, key=lambda e: e.number)
        empty = self.query_one("#enjeux-empty", Static)
        empty.update(t("enjeux.screen.empty") if not enjeux else "")
        empty.display = not enjeux
        listing = self.query_one("#enjeux-list", DataTable)
        row = listing.cursor_row  # the enjeu just reworded stays under the cursor
        listing.clear(columns=True)
        listing.add_columns(t("enjeux.col.number"), t("enjeux.col.text"), t("enjeux.col.sources"))
        for enjeu in enjeux:
            cells = (str(enjeu.number), enjeu.text, self._sources(enjeu, opts))
            listing.add_row(*(Text(c) for c in cells), height=None)
        listing.display = bool(enjeux)
        if enjeux:
            listing.move_cursor(row=min(max(row, 0), len(enjeux) - 1), animate=False)
        table = recap_table(self.session, opts.tr, lang)
        recap = self.query_one("#recap-table", Static)
        recap.display = table is not None
        self.query_one("#recap-title", Static).update(t("chantiers.heading") if table else "")
        self.query_one("#recap-legend", Static).update(t("chantiers.legend") if table else "")
        if table is None:
            recap.update("")
            return
        grid = RichTable(box=box.SQUARE, show_lines=True, expand=True)
        for c, title in enumerate(table.header):
            grid.add_column(title, ratio=None if c == 0 else 1, no_wrap=c == 0)
        for r, row in enumerate(table.rows):
            cells = []
            for c, cell in enumerate(row):
                colour = COLOUR.get(table.style(r, c) or "", "")
                cells.append(Text(cell, style=f"bold {colour}" if colour else ""))
            grid.add_row(*cells)
        self.recap = grid
        recap.update(grid)

    def _sources(self, enjeu, opts: MinutesOptions) -> str:  # type: ignore[no-untyped-def]
        """Where an enjeu came from, by the source session's title when it is still here
        ("« Groupe B », item n°2"): the group reads its sessions by title, not by id."""
        said = []
        for source in enjeu.sources:
            title = source.title or self._title_of(source.session)
            if title:
                said.append(t("enjeux.source_titled", title=title, item=source.item))
            else:
                said.append(opts.tr("enjeux.source", session=source.session, item=source.item))
        return "; ".join(said)

    def _title_of(self, session_id: str) -> str:
        titles = self.source_titles
        if session_id not in titles:
            try:
                titles[session_id] = self.app.store.load(session_id).title  # type: ignore[attr-defined]
            except Exception:  # gone, damaged, or no store: said by its id
                titles[session_id] = ""
        return titles[session_id]

    # -- actions: type an enjeu, reword the one under the cursor (saved at once) --
    def _selected(self) -> int | None:
        enjeux = sorted(self.session.enjeux, key=lambda e: e.number)
        row = self.query_one("#enjeux-list", DataTable).cursor_row
        return enjeux[min(max(row, 0), len(enjeux) - 1)].number if enjeux else None

    def action_choose(self, delta: int) -> None:
        listing = self.query_one("#enjeux-list", DataTable)
        if not listing.row_count:
            return
        row = min(max(listing.cursor_row + delta, 0), listing.row_count - 1)
        listing.move_cursor(row=row, animate=False)
        line = listing._get_row_region(row)  # its lines in the table (a row may wrap)
        top = listing.virtual_region.y + line.y  # in the page
        body = self.query_one("#enjeux-body", VerticalScroll)
        body.scroll_to_region(Region(0, top, 1, line.height), animate=False, immediate=True)

    def action_add(self) -> None:
        def answered(text: str | None) -> None:
            if text is None:
                return
            self.change(AddEnjeu(text), feedback=lambda n: t("enjeux.added", number=n))

        self.app.push_screen(AskScreen(t("enjeux.ask.add")), answered)

    def action_reword(self) -> None:
        number = self._selected()
        if number is None:
            self.action_add()
            return
        current = next(e.text for e in self.session.enjeux if e.number == number)

        def answered(text: str | None) -> None:
            if text is not None:
                self.change(RewordEnjeu(number, text), feedback=t("enjeux.reworded", number=number))

        self.app.push_screen(AskScreen(t("enjeux.ask.reword", number=number), current), answered)
