"""F4's kept counts and kept highest number give what a full count gives, whatever the changes.

``Tally`` adds an Enter's idea and turn to the counts it kept; ``next_idea_number``
reads only the ideas added since it last read the list. Random sequences of
ideas, passes, deletions, restores, undone ideas and replaced lists check both
against the full count after every step.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from sessions.capture import tour as cap
from sessions.capture.tally import Tally
from sessions.models import Participant, Session

T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
STEPS = st.lists(
    st.sampled_from(["give", "give", "give", "pass", "delete", "restore", "undo", "copy", "free"]),
    max_size=40,
)


def make(n: int = 3) -> Session:
    s = Session(title="t", date=dt.date(2026, 11, 22))
    s.participants = [Participant(name=f"P{i}") for i in range(n)]
    return s


def step(s: Session, what: str, i: int) -> bool:
    """Apply one change; True when it only added ideas and turns at the end (an Enter)."""
    now = T0 + dt.timedelta(seconds=7 * i)
    if what == "give":
        cap.give_idea(s, f"idea {i}", now)
        return True
    if what == "free":
        cap.add_idea(s, f"free {i}", now)
        return True
    if what == "pass" and cap.current(s) is not None:
        cap.pass_turn(s, now)
        return True
    live = [idea for idea in s.ideas if not idea.deleted]
    if what == "delete" and live:
        cap.delete_idea(s, live[i % len(live)].number)
    elif what == "restore" and len(live) < len(s.ideas):
        cap.restore_idea(s, next(idea for idea in s.ideas if idea.deleted).number)
    elif what == "undo" and s.ideas:  # an idea taken back: its number may be given again
        s.ideas.pop()
    elif what == "copy":  # the list replaced by an equal one (a file read again, an undo)
        s.ideas = [idea.model_copy() for idea in s.ideas]
    return False


@settings(max_examples=60, deadline=None)
@given(STEPS)
def test_the_kept_counts_are_the_full_counts(steps: list[str]) -> None:
    s = make()
    tally = Tally()
    assert tally.stats(s) == cap.stats(s)
    for i, what in enumerate(steps):
        appended = step(s, what, i)
        assert tally.stats(s, appended=appended) == cap.stats(s)


@settings(max_examples=60, deadline=None)
@given(STEPS)
def test_the_kept_highest_number_is_the_sessions(steps: list[str]) -> None:
    s = make()
    other = make()
    for i, what in enumerate(steps):
        step(s, what, i)
        assert cap.next_idea_number(s) == s.next_idea_number()
        if i % 5 == 0:  # another session read in between: never its numbers
            cap.give_idea(other, "ailleurs", T0)
            assert cap.next_idea_number(other) == other.next_idea_number()


def test_an_enter_adds_one_idea_to_its_author_only() -> None:
    s = make()
    tally = Tally()
    tally.stats(s)
    cap.give_idea(s, "a", T0)
    cap.pass_turn(s, T0 + dt.timedelta(seconds=30))
    rows = tally.stats(s, appended=True)
    assert [(r.ideas, r.passes) for r in rows] == [(1, 0), (0, 1), (0, 0)]
    cap.delete_idea(s, 1)
    assert [r.ideas for r in tally.stats(s)] == [0, 0, 0]  # a deletion is counted in full


def test_numbers_go_on_after_a_deleted_one_and_back_after_an_undone_one() -> None:
    s = make()
    for text in ("a", "b", "c"):
        cap.give_idea(s, text, T0)
    cap.delete_idea(s, 3)
    assert cap.give_idea(s, "d", T0).number == 4  # never the deleted one's
    s.ideas.pop()  # the idea 4 undone
    assert cap.next_idea_number(s) == 4


async def test_the_people_pane_counts_ideas_passes_deletions_and_undo(store, clock) -> None:
    """Enter adds the idea to its author's line alone; a deletion and an undo are counted anew."""
    from tests.test_capture_screen import eight_people
    from tests.waits import until
    from tui.app import make_app

    s = eight_people(store)
    app = make_app(store, clock, session_ref=s.id)

    def pane() -> list[str]:
        return str(app.screen.query_one("#people").render()).splitlines()

    def counts(name: str) -> str:
        lines = pane()
        return next(lines[i + 1].strip() for i, line in enumerate(lines) if name in line)

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await until(pilot, lambda: "Personne 1" in "".join(pane()))
        await pilot.press(*"mobilite", "enter", *"tiers-lieux", "enter", "f8")
        assert await until(pilot, lambda: "▶ Personne 4" in "".join(pane()))
        assert counts("Personne 1") == "1 idée, 0 passe"
        assert counts("Personne 2") == "1 idée, 0 passe"
        assert counts("Personne 3") == "0 idée, 1 passe"
        await pilot.press("ctrl+d")  # the last idea (Personne 2's) deleted: no longer counted
        assert await until(pilot, lambda: counts("Personne 2") == "0 idée, 0 passe")
        assert counts("Personne 1") == "1 idée, 0 passe"
        await pilot.press("ctrl+z")  # back again
        assert await until(pilot, lambda: counts("Personne 2") == "1 idée, 0 passe")
        await pilot.press(*"numerique", "enter")
        assert await until(pilot, lambda: counts("Personne 4") == "1 idée, 0 passe")
        assert counts("Personne 2") == "1 idée, 0 passe"
    saved = store.load(s.id)
    assert [i.text for i in saved.ideas] == ["mobilite", "tiers-lieux", "numerique"]
