"""The read-only follower: phase countdown, ideas as they arrive, the revealed ranking.

Shown by ``atelier watch`` in a terminal (e.g. on the projector) and by
``atelier serve`` in a browser. It reads the session through the app's
``SessionFollower`` and never changes it: no key here edits anything.
States are told by a symbol and a word as well as by colour.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Digits, Header, Static

from sessions.core.parts import part
from sessions.i18n import t, tn
from sessions.i18n.formats import format_number
from sessions.models import Session
from sessions.storage.follow import FollowView, follow_view
from sessions.timer.position import Stamp
from sessions.timer.position import view as position_view
from sessions.timer.status import PAUSED_OVERTIME
from sessions.vote import ranking
from tui.screens.base import TranslatedScreen
from tui.widgets.agenda_text import subtimer_text
from tui.widgets.footer import FittingFooter
from tui.widgets.quiet import set_text

STATES = ("not_started", "running", "paused", "warning", "overtime", "finished")
# A phase paused past its end wears both: dimmed digits (paused) and red (overtime).
ALSO = {PAUSED_OVERTIME: ("paused", "overtime")}
REFRESH_SECONDS = 0.25


class WatchScreen(TranslatedScreen):
    CSS_PATH = "watch.tcss"
    HELP_KEY = "help.watch"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="watch-error", markup=False, classes="hidden")
        with Vertical(id="watch"):  # the countdown above the list (watch.tcss)
            with Vertical(id="timer-pane"):
                yield Static("", id="phase", markup=False)
                yield Digits("--:--", id="clock")
                yield Static("", id="state", markup=False)
                yield Static("", id="turn", markup=False)
                yield Static("", id="next", markup=False)
                yield Static("", id="drift", markup=False)
            with Vertical(id="list-pane"):
                yield Static("", id="list-title", classes="title", markup=False)
                with VerticalScroll(id="list-scroll"):
                    yield Static("", id="list", markup=False)
        yield FittingFooter()

    def on_mount(self) -> None:
        self.sub_title = t("watch.subtitle")
        self.shown: FollowView | None = None
        self.update_view()
        self.set_interval(REFRESH_SECONDS, self.update_view)

    def update_view(self) -> None:
        """Re-read the file if it changed and redraw from the clock's reading."""
        follower = self.app.follower  # type: ignore[attr-defined]
        follower.poll()
        error = self.query_one("#watch-error", Static)
        error.set_class(follower.error is None, "hidden")
        if follower.error is not None:
            error.update(t("watch.unreadable", reason=follower.error))
        if follower.session is None:
            return
        stamp = Stamp.of(self.app.clock)  # type: ignore[attr-defined]
        view = follow_view(follower.session, stamp)
        self.show_turn(follower.session, stamp)
        if view != self.shown:
            self.show(view)

    def show_turn(self, session: Session, stamp: Stamp) -> None:
        """The speaker turn or table rotation in progress (a group's 3 minutes), as on F3;
        and the idea list only where the format gathers ideas (none in an atelier thématique)."""
        current = position_view(session, stamp).phase
        line = subtimer_text(current) if current is not None else ""
        turn = self.query_one("#turn", Static)
        set_text(turn, line)
        turn.display = bool(line)
        ideas = part("ideas").is_in(session)
        self.query_one("#list-pane").display = ideas
        self.set_class(not ideas, "-no-list")  # the countdown takes the whole screen

    def show(self, view: FollowView) -> None:
        previous, self.shown = self.shown, view
        self.title = view.title
        pane = self.query_one("#timer-pane")
        for state in STATES:
            pane.set_class(state in ALSO.get(view.state, (view.state,)), f"-{state}")
        if view.phase_count:
            phase = t("watch.phase", n=view.phase_n, total=view.phase_count, title=view.phase_title)
        else:
            phase = t("watch.no_agenda")
        self.query_one("#phase", Static).update(phase)
        self.query_one("#clock", Digits).update(view.clock)
        # The state in words and symbol, with the time as text too (screen readers,
        # and a reader too far away to make out the big digits' shapes).
        state = t(f"watch.state.{view.state}")
        self.query_one("#state", Static).update(f"{state}  {view.clock}")
        if view.next_title:
            minutes = format_number(view.next_minutes) if view.next_minutes is not None else "?"
            upcoming = t("watch.next", title=view.next_title, minutes=minutes)
        else:
            upcoming = t("watch.last") if view.phase_count else ""
        self.query_one("#next", Static).update(upcoming)
        self.query_one("#drift", Static).update(t("watch.drift", drift=view.drift))
        if previous is None or (previous.ideas, previous.ranking) != (view.ideas, view.ranking):
            self.show_list(
                view, grew=previous is not None and view.idea_count > previous.idea_count
            )

    def _list_width(self) -> int:
        scroll = self.query_one("#list-scroll", VerticalScroll)
        return scroll.content_size.width or max(20, self.app.size.width - 8)

    def on_resize(self) -> None:
        if getattr(self, "shown", None) is not None:
            self.call_after_refresh(self.show_list, self.shown, False)

    def show_list(self, view: FollowView, grew: bool) -> None:
        title = self.query_one("#list-title", Static)
        body = self.query_one("#list", Static)
        scroll = self.query_one("#list-scroll", VerticalScroll)
        if view.ranking is not None:
            title.update(t("watch.ranking", n=view.top_n))
            body.update(ranking_text(view.ranking, self._list_width(), view.dots))
            scroll.scroll_home(animate=False)
            return
        title.update(t("watch.ideas", count=view.idea_count))
        if not view.ideas:
            session = self.app.follower.session  # type: ignore[attr-defined]
            free = session is not None and session.parts.capture == "free"  # a brainstorm
            body.update(Text(t("watch.no_post_its" if free else "watch.no_ideas"), style="italic"))
            return
        text = Text()
        last = len(view.ideas) - 1
        for n, idea in enumerate(view.ideas):
            newest = n == last
            line = Text(f"{'▸' if newest else ' '} {idea.number:>3}. ")
            line.append(idea.text, style="bold" if newest else "")
            if idea.author:
                line.append(f"  - {idea.author}", style="dim")
            text.append_text(line)
            if n != last:
                text.append("\n")
        body.update(text)
        if grew:
            scroll.scroll_end(animate=False)


def ranking_text(items: list[ranking.RankedItem], width: int = 0, dots: bool = False) -> Text:
    """The top items, one line each; the rank reads as everywhere (``ranking.rank_label``).

    With ``width``, a line longer than that has its idea's text cut with an
    ellipsis, so that the rank, the points and the tie always show on one line.
    With ``dots`` (a dot vote) the count reads in dots ("3 gommettes"), not points.
    """
    ties = ranking.tied_ranks(items)
    text = Text()
    for n, item in enumerate(items):

        def line_for(idea: str, item: ranking.RankedItem = item) -> str:
            return t(
                "watch.rank_line",
                rank=ranking.rank_label(item, ties),
                number="+".join(str(number) for number in item.numbers),
                text=idea,
                points=(
                    tn("vote.dots", item.points, dots=item.points)
                    if dots
                    else tn("vote.points", item.points, points=item.points)  # 1 pt, 2 pts
                ),
            )

        line = line_for(item.text)
        over = cell_len(line) - width
        if width and over > 0:
            line = line_for(set_cell_size(item.text, max(7, cell_len(item.text) - over - 1)) + "…")
        text.append(line, style="bold" if item.rank == 1 else "")
        if n != len(items) - 1:
            text.append("\n")
    return text
