"""The reveal view for the projector: the top 10 (with ties) in large type.

Space (or Enter) uncovers one more item, from the last place of the top up
to the first; ``a`` shows them all; Escape goes back. Opening it ends the
blind mode's secrecy (``vote.revealed``), saved like any change.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from sessions.i18n import t, tn
from sessions.vote.ranking import ranked_items, tied_ranks
from tui.screens.base import TranslatedScreen
from tui.widgets.footer import FittingFooter
from tui.widgets.responsive import SHORT_BELOW


class RevealScreen(TranslatedScreen):
    CSS_PATH = "reveal.tcss"
    HELP_KEY = "help.reveal"
    BINDINGS = [
        Binding("space,enter", "more", "vote.key.more", id="reveal-more"),
        Binding("a", "all", "vote.key.all", id="reveal-all"),
        Binding("escape", "back", "people.key.back", id="reveal-back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.shown = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="reveal-body"):
            yield Static(t("vote.reveal_title"), id="reveal-title", markup=False)
            yield Static("", id="reveal-list", markup=False)
        yield FittingFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "revision", lambda _r: self.redraw())

    def _top(self):  # type: ignore[no-untyped-def]
        session = self.app.session  # type: ignore[attr-defined]
        items = ranked_items(session)
        return [i for i in items if i.rank is not None and i.rank <= 10], tied_ranks(items)

    def redraw(self) -> None:
        if self.app.session is None:  # type: ignore[attr-defined]
            return
        top, ties = self._top()
        hidden = len(top) - self.shown
        # A blank line between items, unless the ten would not fit (a laptop at 80x24).
        gap = "\n" if self.app.size.height < SHORT_BELOW else "\n\n"
        text = Text()
        for position, item in enumerate(top):
            if position < hidden:
                text.append(f"{'':>4}  ···{gap}", style="dim")
                continue
            rank = f"={item.rank}" if item.rank in ties else str(item.rank)
            numbers = "+".join(str(n) for n in item.numbers)
            text.append(f"{rank:>4}  ", style="bold")
            text.append(f"n°{numbers}  ", style="dim")
            text.append(item.text, style="bold")
            text.append(f"   {tn('vote.points', item.points, points=item.points)}{gap}")
        if not top:
            text.append(t("vote.reveal_empty"))
        self.query_one("#reveal-list", Static).update(text)

    def on_resize(self) -> None:
        self.redraw()

    def action_more(self) -> None:
        top, _ = self._top()
        self.shown = min(len(top), self.shown + 1)
        self.redraw()

    def action_all(self) -> None:
        self.shown = len(self._top()[0])
        self.redraw()

    def action_back(self) -> None:
        self.app.pop_screen()
