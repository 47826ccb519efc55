"""The Cartes section: the session's maps, listed, drawn and edited.

On the left, each map and its nodes (a row each); on the right, the drawing of
the map under the cursor at the pane's width (its legend naming the solid and
dotted lines), who stays at its table, the guide's five étonnement questions
under an offer map, and the node under the cursor with its answers to the
guide's three questions. Every change is an op (``sessions.maps.ops``) through
the common change path: saved at once, ctrl+z / ctrl+y undo and redo it, a
refusal's reason told. Keys: m a map, a a node, e / Enter edit, l the link,
r who stays, Delete / x delete.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import DataTable, Static

from sessions.documents.minutes_common import MinutesOptions
from sessions.i18n import get_language, t
from sessions.maps import ops as map_ops
from sessions.maps.drawing import LINE, draw, group_label
from sessions.maps.minutes import answers
from sessions.maps.model import LINKS, Map, MapNode
from tui.screens.ask import AskScreen
from tui.screens.base import SectionScreen
from tui.screens.map_forms import MapForm, NodeForm
from tui.screens.undo_support import Recording
from tui.widgets.click_table import ClickTable

Row = tuple[int, int]  # (map number, node number; 0 for the map's own row)


def map_title(map_: Map) -> str:
    return t(f"maps.title.{map_.kind}", centre=map_.centre or "-")


class MapsScreen(Recording, SectionScreen):
    AUTO_FOCUS = "#maps-list"  # focused as built: keys typed in the burst of its key reach it
    CSS_PATH = "maps.tcss"
    HELP_KEY = "help.maps.edit"
    # Priority bindings: each runs when its key arrives, in the order typed (a burst
    # "a Région Tab ..." opens the form, then types into it).
    BINDINGS = [
        Binding("m", "add_map", "maps.key.add_map", id="maps-add-map", priority=True),
        Binding("a", "add_node", "maps.key.add_node", id="maps-add-node", priority=True),
        Binding("e", "edit", "maps.key.edit", id="maps-edit", priority=True),
        Binding("enter", "edit", "maps.key.edit", id="maps-open", show=False, priority=True),
        Binding("l", "cycle_link", "maps.key.link", id="maps-link", priority=True),
        Binding("r", "host", "maps.key.host", id="maps-host", priority=True),
        Binding("delete,x", "delete", "maps.key.delete", id="maps-delete", priority=True),
        Binding("up", "cursor(-1)", "maps.key.previous", id="maps-up", show=False, priority=True),
        Binding("down", "cursor(1)", "maps.key.next", id="maps-down", show=False, priority=True),
        Binding("ctrl+z", "undo", "key.undo", id="maps-undo", priority=True),
        Binding("ctrl+y", "redo", "key.redo", id="maps-redo", priority=True),
    ]

    rows: list[Row] = []

    def compose_body(self) -> Iterable[Widget]:
        with Horizontal(id="maps-body"):
            yield ClickTable(id="maps-list", cursor_type="row", zebra_stripes=True, flex=1)
            with VerticalScroll(id="maps-pane"):
                yield Static("", id="maps-text", markup=False)
                yield Static("", id="maps-node", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self._redraw()
        self.query_one("#maps-list", ClickTable).focus()

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_current)

    # -- drawing ---------------------------------------------------------------------
    def current(self) -> Row | None:
        table = self.query_one("#maps-list", ClickTable)
        if not self.rows:
            return None
        return self.rows[min(max(table.cursor_row, 0), len(self.rows) - 1)]

    def refresh_from_session(self, select: Row | None = None) -> None:
        table = self.query_one("#maps-list", ClickTable)
        if not table.columns:
            table.add_columns(t("enjeux.col.number"), t("maps.heading"))
        select = select or self.current()
        tr = MinutesOptions(get_language()).tr
        table.clear()
        self.rows = []
        for number, map_ in enumerate(self.session.maps, 1):
            title = t("maps.row.map", number=number, title=map_title(map_))
            if map_.host:
                title += t("maps.row.host", host=map_.host)
            table.add_row(str(number), Text(title, style="bold"), height=None)  # wraps
            self.rows.append((number, 0))
            for place, node in enumerate(map_.nodes, 1):
                line = LINE[node.link].strip() or "·"
                text = f"  {line} {node.label} ({group_label(map_, node.group, tr)})"
                table.add_row(f"{number}.{place}", Text(text), height=None)
                self.rows.append((number, place))
        if select is not None and self.rows:
            target = select if select in self.rows else None
            if target is None:  # gone: the nearest row of the same map, else the last map
                same = [r for r in self.rows if r[0] == select[0] and r[1] <= select[1]]
                target = same[-1] if same else self.rows[-1]
            table.move_cursor(row=self.rows.index(target))
        table.display = bool(self.rows)
        self._show_current()

    def _pane_width(self) -> int:
        pane = self.query_one("#maps-pane")
        width = pane.size.width or self.app.size.width
        return max(24, width - 2)

    @on(DataTable.RowHighlighted, "#maps-list")
    def _show_current(self) -> None:
        row = self.current()
        text = self.query_one("#maps-text", Static)
        node_text = self.query_one("#maps-node", Static)
        if row is None:
            text.update(t("maps.screen.empty_edit"))
            node_text.update("")
            return
        map_ = self.session.maps[row[0] - 1]
        tr = MinutesOptions(get_language()).tr
        parts = [map_title(map_)]
        if map_.chantier is not None:
            parts.append(tr("maps.chantier", number=map_.chantier))
        parts.append(t("maps.host", host=map_.host) if map_.host else t("maps.host.none"))
        drawing = [draw(map_, tr, self._pane_width())]
        if map_.kind == "offre":  # the guide's five questions, at step 5
            questions = [f"- {tr(f'maps.etonnement.{n}')}" for n in range(1, 6)]
            drawing.append("\n".join([tr("maps.etonnement"), *questions]))
        body = "\n".join(parts) + "\n\n" + "\n\n".join(drawing)
        # Drawn at the width already: no wrapping (it would eat a tree line's leading spaces).
        text.update(Text(body, no_wrap=True, overflow="crop"))
        node_text.update(self._node_text(map_, row[1]))

    def _node_text(self, map_: Map, place: int) -> Text:
        if not place:
            return Text("")
        tr = MinutesOptions(get_language()).tr
        node = map_.nodes[place - 1]
        link = f"{LINE[node.link].strip()} {tr(f'maps.link.{node.link}')}".strip()
        out = Text("\n")
        out.append(f"{node.label} · {group_label(map_, node.group, tr)} · {link}", style="bold")
        if map_.kind == "ressources":
            heads = ("maps.col.have", "maps.col.connection", "maps.col.operative")
            for head, answer in zip(heads, answers(node, tr), strict=True):
                out.append(f"\n{t(head)} {answer or '-'}")
        if node.notes:
            out.append("\n" + t("maps.node.notes", notes=node.notes))
        return out

    # -- actions ---------------------------------------------------------------------
    def _saved(self, select: Row | None) -> None:
        self.refresh_from_session(select=select)

    def action_cursor(self, delta: int) -> None:
        table = self.query_one("#maps-list", ClickTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + delta)))

    async def _open(self, dialog, answered=None) -> None:  # type: ignore[no-untyped-def]
        """Push ``dialog`` and wait until it has focused its first field: the keys typed
        after m, a, e or r (the App runs these priority keys before them) reach that field."""
        await self.app.push_screen(dialog, answered)
        ready = getattr(dialog, "ready", None)
        if ready is not None:
            await ready.wait()

    async def action_add_map(self) -> None:
        kinds = list(self.session.parts.maps) or ["ressources"]

        def save(op: map_ops.AddMap) -> bool:  # type: ignore[override]
            done, number = self.change(op, feedback=lambda n: t("maps.added", number=n))
            if done:
                self._saved((number, 0))
            return done

        await self._open(MapForm(self.session, save, kind=kinds[0]))  # type: ignore[arg-type]

    async def action_add_node(self) -> None:
        row = self.current()
        if row is None:
            self.notify(t("maps.nothing_selected"), severity="warning")
            return
        number, place = row
        map_ = self.session.maps[number - 1]
        like = map_.nodes[place - 1] if place else (map_.nodes[-1] if map_.nodes else None)

        def save(op: map_ops.AddNode) -> bool:  # type: ignore[override]
            feedback = t("maps.node_added", label=op.label.strip(), number=number)
            done, place = self.change(op, feedback=feedback)
            if done:
                self._saved((number, place))
            return done

        await self._open(NodeForm(self.session, save, number, like=like))  # type: ignore[arg-type]

    @on(DataTable.RowSelected, "#maps-list")
    async def action_edit(self) -> None:
        row = self.current()
        if row is None:
            await self.action_add_map()
            return
        number, place = row

        def save(op) -> bool:  # type: ignore[no-untyped-def]
            if place:
                feedback = t("maps.node_edited", label=op.label.strip())
            else:
                feedback = t("maps.edited", number=number)
            done = self.change(op, feedback=feedback)[0]
            if done:
                self._saved(row)
            return done

        if place:
            await self._open(NodeForm(self.session, save, number, node=place))
        else:
            await self._open(MapForm(self.session, save, number=number))

    def action_cycle_link(self) -> None:
        row = self.current()
        if row is None or not row[1]:
            return
        number, place = row
        node = self.session.maps[number - 1].nodes[place - 1]
        link = LINKS[(LINKS.index(node.link) + 1) % len(LINKS)]
        values = node.model_dump() | {"link": link}
        op = map_ops.EditNode(number, node=place, **values)
        said = t("maps.link_set", label=node.label, link=t(f"maps.link.{link}"))
        if self.change(op, feedback=said)[0]:
            self._saved(row)

    async def action_host(self) -> None:
        row = self.current()
        if row is None:
            self.notify(t("maps.nothing_selected"), severity="warning")
            return
        number = row[0]
        map_ = self.session.maps[number - 1]
        names = ", ".join(p.name for p in self.session.participants[:8])

        def answered(host: str | None) -> None:
            if host is None:
                return
            op = map_ops.EditMap(number, centre=map_.centre, chantier=map_.chantier, host=host)
            said = t("maps.host_set", number=number, host=host.strip() or "-")
            if self.change(op, feedback=said)[0]:
                self._saved(row)

        prompt = t("maps.ask.host", number=number)
        await self._open(AskScreen(prompt, map_.host, hint=names), answered)

    def action_delete(self) -> None:
        row = self.current()
        if row is None:
            return
        number, place = row
        if place:
            node: MapNode = self.session.maps[number - 1].nodes[place - 1]
            op: map_ops._MapsOp = map_ops.DeleteNode(number, node=place)
            said = t("maps.node_deleted", label=node.label)
        else:
            op, said = map_ops.DeleteMap(number), t("maps.deleted", number=number)
        if self.change(op, feedback=said)[0]:
            self._saved((number, place) if place else (max(1, number - 1), 0))
