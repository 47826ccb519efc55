"""F4's kept counts (sessions/capture/tally.py), issue 18 fifth pass.

``Tally.stats(session, appended=True)`` is the scribe's Enter: it counts only
the ideas and turns added since the last call, never the whole session again,
and gives the figures of ``tour.stats`` - also on its very first call.
"""

from __future__ import annotations

import datetime as dt

from sessions.capture import tour
from sessions.capture.tally import Tally
from sessions.models import Participant, Session

T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def make(n: int = 3) -> Session:
    s = Session(title="t", date=dt.date(2026, 11, 22))
    s.participants = [Participant(name=f"P{i}") for i in range(n)]
    return s


class Watched(list):
    """A list that records where each slice read starts (what a count walks)."""

    def __init__(self, items: list) -> None:
        super().__init__(items)
        self.starts: list[int] = []

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        if isinstance(key, slice):
            self.starts.append(key.start or 0)
        return super().__getitem__(key)


def test_a_first_enter_on_a_new_tally_counts_the_session_in_full() -> None:
    s = make()
    tour.give_idea(s, "a", T0)
    tour.pass_turn(s, T0 + dt.timedelta(seconds=20))
    rows = Tally().stats(s, appended=True)  # the screen's first Enter after opening
    assert rows == tour.stats(s)
    assert [(r.ideas, r.passes) for r in rows] == [(1, 0), (0, 1), (0, 0)]


def test_an_enter_walks_only_what_it_added() -> None:
    s = make()
    for text in ("a", "b", "c"):
        tour.give_idea(s, text, T0)
    tally = Tally()
    tally.stats(s)
    s.ideas = Watched(s.ideas)
    s.capture.turns = Watched(s.capture.turns)
    tour.pass_turn(s, T0 + dt.timedelta(seconds=30))  # a turn, no idea
    s.ideas.starts.clear()
    s.capture.turns.starts.clear()
    rows = tally.stats(s, appended=True)
    assert (s.ideas.starts, s.capture.turns.starts) == ([3], [3])
    assert rows == tour.stats(s)
    tour.add_idea(s, "libre", T0)  # an idea, no turn
    s.ideas.starts.clear()
    s.capture.turns.starts.clear()
    rows = tally.stats(s, appended=True)
    assert (s.ideas.starts, s.capture.turns.starts) == ([3], [4])
    assert rows == tour.stats(s)


def test_a_change_that_is_not_an_enter_counts_again_from_the_start() -> None:
    s = make()
    tour.give_idea(s, "a", T0)
    tally = Tally()
    tally.stats(s)
    s.ideas = Watched(s.ideas)
    tour.delete_idea(s, 1)
    s.ideas.starts.clear()
    assert [r.ideas for r in tally.stats(s)] == [0, 0, 0]
    assert s.ideas.starts == [0]
    other = make()  # another session with as many ideas: never the kept counts
    tour.add_idea(other, "x", T0)
    assert tally.stats(other, appended=True) == tour.stats(other)
