"""Following a session from another process, read-only (``atelier watch`` / ``serve``).

``SessionFollower`` re-reads the session file when it changes on disk; it
never takes the holder lock, never takes the write lock and never writes (not
even to put back a deleted file). ``follow_view`` turns a session and one
clock reading into what the room is shown: the phase countdown, the ideas as
they arrive and, once revealed, the ranking.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from sessions.core.clock import Clock, SystemClock
from sessions.i18n import t
from sessions.models import Session
from sessions.storage.errors import CorruptSessionError
from sessions.storage.session_file import SessionFile
from sessions.timer import position as timer_math
from sessions.timer.status import display_state
from sessions.vote import ranking
from sessions.vote.dots import is_dots


class SessionFollower:
    """The last good version of a session file, refreshed by ``poll``."""

    def __init__(self, path: Path, clock: Clock | None = None) -> None:
        self.path = Path(path)
        self.file = SessionFile(self.path, clock or SystemClock())
        self.session: Session | None = None
        self.error: str | None = None
        self.poll()

    def poll(self) -> bool:
        """Read the file again if it changed; True when what is shown changes."""
        if self.session is not None and not self.file.storage.changed_on_disk():
            return False
        before = (self.session.revision if self.session else None, self.error)
        try:
            session = self.file.read()
        except CorruptSessionError as exc:
            self.error = exc.reason
        except OSError as exc:
            self.error = exc.strerror or str(exc)
        else:
            if session is None:
                self.error = t("storage.reason.missing")
            else:
                self.session, self.error = session, None
        return (self.session.revision if self.session else None, self.error) != before

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.file.close()


@dataclass(frozen=True)
class IdeaLine:
    number: int
    text: str
    author: str


@dataclass(frozen=True)
class FollowView:
    title: str
    question: str
    state: str  # not_started | running | paused | warning | overtime | paused_overtime | finished
    clock: str  # "12:34", "+02:13"
    phase_title: str
    phase_n: int  # 1-based, 0 without agenda
    phase_count: int
    next_title: str
    next_minutes: float | None
    drift_s: float
    drift: str  # "+4 min"
    ideas: list[IdeaLine]
    idea_count: int
    ranking: list[ranking.RankedItem] | None  # None until the vote is revealed
    top_n: int = ranking.DEFAULT_TOP_N  # how many places the top keeps (ranking.top_n)
    dots: bool = False  # a dot vote: the ranking counts dots, not points


def shown_state(view: timer_math.TimerView) -> str:
    """The state word for the room: the warning is a state of its own, and so is a
    phase paused past its end (``paused_overtime``): the same word as F3's."""
    return display_state(view.phase, view.state)


def ranking_shown(session: Session) -> bool:
    """The ranking is shown once revealed, or once the count is closed (not blind)."""
    vote = session.vote
    return vote.revealed or (vote.counted and not vote.blind)


def follow_view(session: Session, stamp: timer_math.Stamp, max_ideas: int = 200) -> FollowView:
    """What the room sees of ``session`` at ``stamp``."""
    view = timer_math.view(session, stamp)
    phase = view.phase
    names = {p.id: p.name for p in session.participants}
    ideas = [
        IdeaLine(i.number, i.text, names.get(i.author_id or "", ""))
        for i in sorted(session.ideas, key=lambda i: i.number)
        if ranking.counts_as_idea(i)
    ]
    ranked = None
    if ranking_shown(session):
        ranked = ranking.top_items(session)
    nxt = view.next_phase
    return FollowView(
        title=session.title,
        question=session.capture.question or session.question,
        state=shown_state(view),
        clock=timer_math.shown_clock(phase) if phase else "--:--",
        phase_title=phase.phase.title if phase else "",
        phase_n=phase.index + 1 if phase else 0,
        phase_count=phase.count if phase else 0,
        next_title=nxt.title if nxt else "",
        next_minutes=nxt.minutes if nxt else None,
        drift_s=view.drift_s,
        drift=timer_math.drift_minutes(view.drift_s),
        ideas=ideas[-max_ideas:],
        idea_count=len(ideas),
        ranking=ranked,
        top_n=ranking.top_n(session),
        dots=is_dots(session),
    )
