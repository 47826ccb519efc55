"""The reveal view for the projector: the vote's top (10, with ties) in large type.

The items are the ranking's own ``top_items`` - never an item nobody voted
for - and their ranks read as everywhere else (``rank_label``).

Space (or Enter) uncovers one more item, from the last place of the top up
to the first; ``a`` shows them all; Escape goes back. Opening it ends the
blind mode's secrecy (``vote.revealed``), saved like any change.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from sessions.i18n import t, tn
from sessions.vote.dots import is_dots
from sessions.vote.ranking import RankedItem, rank_label, ranked_items, tied_ranks, top_items, top_n
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
            yield Static("", id="reveal-title", markup=False)
            yield Static("", id="reveal-list", markup=False)
        yield FittingFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "revision", lambda _r: self.redraw())

    def _top(self) -> tuple[list[RankedItem], set[int]]:
        session = self.app.session  # type: ignore[attr-defined]
        return top_items(session), tied_ranks(ranked_items(session))

    def redraw(self) -> None:
        session = self.app.session  # type: ignore[attr-defined]
        if session is None:
            return
        self.query_one("#reveal-title", Static).update(t("vote.reveal_title", n=top_n(session)))
        top, ties = self._top()
        hidden = len(top) - self.shown
        labels = [rank_label(item, ties) for item in top]
        width = max([4, *(len(label) for label in labels)])
        # A blank line between items, unless the ten would not fit (a laptop at 80x24).
        gap = "\n" if self.app.size.height < SHORT_BELOW else "\n\n"
        room = self.query_one("#reveal-list", Static).content_size.width
        text = Text()
        for position, (item, rank) in enumerate(zip(top, labels, strict=True)):
            if position < hidden:
                text.append(f"{'':>{width}}  ···{gap}", style="dim")
                continue
            head = f"{rank:>{width}}  "
            number = t("vote.reveal_number", numbers="+".join(map(str, item.numbers))) + "  "
            points = (
                tn("vote.dots", item.points, dots=item.points)
                if is_dots(session)
                else tn("vote.points", item.points, points=item.points)
            )
            text.append(head, style="bold")
            text.append(number, style="dim")
            text.append(item.text, style="bold")
            if room and cell_len(f"{head}{number}{item.text}   {points}") > room:
                # Too wide for one line: the points go under the text, not under the rank.
                text.append(f"\n{' ' * cell_len(head + number)}{points}{gap}")
            else:
                text.append(f"   {points}{gap}")
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
