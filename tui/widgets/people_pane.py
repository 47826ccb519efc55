"""F4's people pane: who speaks, who is next, each one's ideas, passes and time.

The pane does not scroll: only as many people as its height shows are drawn
(60 people drawn on every Enter took longer than the rest of the screen), and
the lines are repainted without a layout when their count and widths stay.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from sessions.capture import tour as cap
from sessions.capture.tally import Tally
from sessions.i18n import get_language, t, tn
from sessions.models import Session
from tui.widgets.kept_lines import KeptLines
from tui.widgets.quiet import set_lines, set_text


class PeoplePane(Vertical):
    """A title and one line pair per participant: ``draw(session, free)`` redraws it."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._tally = Tally()  # the counts, added to on an Enter rather than counted again
        self._worded: dict[tuple[str, int, int], str] = {}

    def compose(self) -> ComposeResult:
        self._title = Static(t("capture.people"), classes="title", markup=False)
        yield self._title  # "Participants" in a brainstorm: drawn by ``draw``
        yield KeptLines("", id="people", markup=False)  # an Enter draws its changed lines

    def draw(self, s: Session, free: bool, appended: bool = False, live: int | None = None) -> None:
        """``free``: a free entry (a brainstorm, F9) - nobody's turn, nobody marked speaking.

        ``appended``: since the last draw, ideas and turns were only added at the
        end (the scribe's Enter); ``live``: the ideas that count, when known.
        """
        title = "capture.people.free" if free and s.parts.capture == "free" else "capture.people"
        set_text(self._title, t(title))  # unchanged on an Enter: not redrawn
        if free and s.parts.capture == "free":
            self._tally = Tally()  # not kept up to date here: counted anew when shown again
            self._draw_names(s, live)
            return
        person, after = (None, None) if free else (cap.current(s), cap.upcoming(s))
        text = Text()
        room = self.size.height
        lines = 0
        for row in self._tally.stats(s, appended):
            if room and lines >= room:
                break
            lines += 2
            p = row.participant
            is_current = person is not None and p.id == person.id
            is_next = after is not None and p.id == after.id
            mark = "▶ " if is_current else ("→ " if is_next else "  ")
            style = "reverse bold" if is_current else ("dim" if not p.present else "")
            label = p.name + (f" ({p.organisation})" if p.organisation else "")
            counts = self._counts(row.ideas, row.passes)
            if row.seconds:
                counts += f" · {int(row.seconds // 60)}:{int(row.seconds % 60):02d}"
            if not p.present:
                counts = t("capture.absent")
            text.append(f"{mark}{label}\n", style=style)
            text.append(f"    {counts}\n", style="dim")
        if not s.participants:
            text.append(t("capture.no_people"))
        set_lines(self.query_one("#people", Static), text)

    def _counts(self, ideas: int, passes: int) -> str:
        """'2 idées, 1 passe', worded once per count (30 lookups in the catalog per Enter)."""
        key = (get_language(), ideas, passes)
        counts = self._worded.get(key)
        if counts is None:
            counts = self._worded[key] = t(
                "capture.counts",
                ideas=tn("capture.counts.ideas", ideas, n=ideas),
                passes=tn("capture.counts.passes", passes, n=passes),
            )
        return counts

    def _draw_names(self, s: Session, live: int | None = None) -> None:
        """A brainstorm's post-its have no author: the count of post-its, then the names alone."""
        count = cap.live_count(s) if live is None else live
        text = Text(tn("capture.free_pane", count, n=count) + "\n", style="bold")
        room = self.size.height
        lines = 1
        for p in s.participants:
            if room and lines >= room:
                break
            lines += 1
            label = p.name + (f" ({p.organisation})" if p.organisation else "")
            if not p.present:
                label += f" · {t('capture.absent')}"
            text.append(f"  {label}\n", style="" if p.present else "dim")
        if not s.participants:
            text.append(t("capture.no_people"))
        set_lines(self.query_one("#people", Static), text)
