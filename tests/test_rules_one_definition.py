"""One definition per rule (issue 13): the top N, the rank and its tie, the
items put to the vote, the voters - and every screen and document using it.

The F12 reveal used to keep every item ranked 10th or better, points or not:
before the count was closed, items nobody voted for were revealed as tied.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from sessions.capture import tour as cap
from sessions.documents.minutes import translator
from sessions.i18n import set_language
from sessions.models import HandTally, Idea, Participant, Session
from sessions.vote.ranking import (
    DEFAULT_TOP_N,
    counts_as_idea,
    is_item,
    rank_label,
    ranked_items,
    tied_ranks,
    top_items,
    top_n,
    top_numbers,
    voters,
)
from tui.app import make_app
from tui.widgets.idea_list import KeyedTable

T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def make(points: list[int]) -> Session:
    s = Session(title="t", date=dt.date(2026, 11, 22))
    s.participants = [Participant(name=f"P{i}") for i in range(6)]
    for n, p in enumerate(points, start=1):
        s.ideas.append(Idea(number=n, text=f"idea {n}", created_at=T0))
        s.vote.tallies[n] = HandTally(total=p)
    return s


def with_parts(session: Session, parts: object) -> Session:
    object.__setattr__(session, "parts", parts)  # what a template's declared parts will hold
    return session


# -- top N ---------------------------------------------------------------------------------
def test_the_top_keeps_ten_places_unless_the_session_declares_another_number() -> None:
    s = make(list(range(20, 0, -1)))
    assert top_n(s) == DEFAULT_TOP_N == 10
    assert top_numbers(s) == list(range(1, 11))
    assert top_n(with_parts(s, SimpleNamespace(top=3))) == 3
    assert top_numbers(s) == [1, 2, 3]
    assert [i.number for i in top_items(s)] == [1, 2, 3]
    assert top_n(with_parts(make([1]), {"top": 5})) == 5
    assert top_numbers(with_parts(make([3, 2, 1]), SimpleNamespace(top=1))) == [1]  # the least


@pytest.mark.parametrize("declared", [0, -2, True, "5", 2.5, None])
def test_a_declared_top_that_is_not_a_whole_number_of_at_least_one_keeps_ten(declared) -> None:
    assert top_n(with_parts(make([1]), SimpleNamespace(top=declared))) == 10
    assert top_n(with_parts(make([1]), {"top": declared})) == 10
    assert top_n(with_parts(make([1]), SimpleNamespace())) == 10


def test_the_top_keeps_every_item_tied_at_the_last_place_and_no_item_without_points() -> None:
    s = make([5, 4, 4, 0, 0])
    assert top_numbers(s, 2) == [1, 2, 3]
    assert top_numbers(s, 10) == [1, 2, 3]  # 4 and 5 are ranked 4th, with no points
    assert top_items(s, 1)[0].text == "idea 1"


# -- rank and tie ---------------------------------------------------------------------------
def test_the_rank_reads_alone_or_with_its_tie_in_each_language() -> None:
    s = make([5, 4, 4, 1])
    items = ranked_items(s)
    ties = tied_ranks(items)
    fr, en = translator("fr"), translator("en")
    assert [rank_label(i, ties, fr) for i in items] == ["1", "2 (ex aequo)", "2 (ex aequo)", "4"]
    assert [rank_label(i, ties, en) for i in items] == ["1", "2 (tie)", "2 (tie)", "4"]
    set_language("en")
    try:
        assert rank_label(items[1], ties) == "2 (tie)"  # the current language by default
    finally:
        set_language("fr")
    assert rank_label(items[1], ties) == "2 (ex aequo)"
    s.vote.counted = True
    s.vote.tallies[4] = HandTally(total=0)
    struck = ranked_items(s)[-1]
    assert struck.status == "struck" and rank_label(struck, ties) == ""


# -- put to the vote, ideas that count, voters ---------------------------------------------
def test_a_late_idea_counts_as_an_idea_but_is_not_put_to_the_vote() -> None:
    plain = Idea(number=1, text="a", created_at=T0)
    late = Idea(number=2, text="b", created_at=T0, late=True)
    duplicate = Idea(number=3, text="c", created_at=T0, duplicate_of=1)
    deleted = Idea(number=4, text="d", created_at=T0, deleted=True)
    assert [counts_as_idea(i) for i in (plain, late, duplicate, deleted)] == [
        True,
        True,
        False,
        False,
    ]
    assert [is_item(i) for i in (plain, late, duplicate, deleted)] == [True, False, False, False]
    s = make([])
    s.ideas = [plain, late, duplicate, deleted]
    assert cap.live_count(s) == 2


def test_the_voters_are_the_participants_present_in_roster_order() -> None:
    s = make([1])
    s.participants[1].present = False
    s.participants[4].present = False
    assert [p.name for p in voters(s)] == ["P0", "P2", "P3", "P5"]


# -- on screen: F5 and F12 ----------------------------------------------------------------
def with_ideas(store, session, count: int) -> None:
    def op(s: Session) -> None:
        for n in range(1, count + 1):
            cap.add_idea(s, f"item {n}", T0)

    store.transact(session.id, op)


async def test_f12_reveals_the_rankings_top_and_never_an_item_nobody_voted_for(
    store, clock, session
) -> None:
    with_ideas(store, session, 6)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        for hands in ("3", "3", "1"):  # items 6, 5 and 4, read from the last
            await pilot.press(*hands, "enter")
            await pilot.pause()
        await pilot.press("f12")
        await pilot.pause()
        assert "Le top 10" in str(app.screen.query_one("#reveal-title").render())
        await pilot.press("a")
        await pilot.pause()
        shown = str(app.screen.query_one("#reveal-list").render())
        assert "item 6" in shown and "item 5" in shown and "item 4" in shown
        for unvoted in ("item 1", "item 2", "item 3"):
            assert unvoted not in shown  # the count is open: 0 points, not in the top
        assert "1 (ex aequo)  n°5  item 5" in shown
        assert "           3  n°4  item 4" in shown  # ranks aligned on the widest label
        await pilot.press("escape")
        await pilot.pause()
        # F5's ranking writes the same label once the count is closed.
        await pilot.press("ctrl+k")
        await pilot.pause()
        results = app.screen.query_one("#results-table", KeyedTable)
        rows = [results.get_row_at(i) for i in range(results.row_count)]
        assert [r[0].plain for r in rows[:3]] == ["1 (ex aequo)", "1 (ex aequo)", "3"]
        title = str(app.screen.query_one("#results-title").render())
        assert "top 10" in title and "3 items ★" in title  # 3 voted items, whatever the colon


async def test_f12_with_no_point_given_reveals_nothing(store, clock, session) -> None:
    with_ideas(store, session, 3)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("f12", "a")
        await pilot.pause()
        shown = str(app.screen.query_one("#reveal-list").render())
        assert not any(f"item {n}" in shown for n in (1, 2, 3))
        assert "Aucun item classé" in shown


def test_the_watch_writes_the_same_rank_and_tie_as_f5_f12_and_the_minutes() -> None:
    from tui.screens.watch import ranking_text

    s = make([5, 4, 4, 2])
    lines = ranking_text(top_items(s)).plain.splitlines()
    assert lines == [
        "1  n°1  idea 1  - 5 pts",
        "2 (ex aequo)  n°2  idea 2  - 4 pts",
        "2 (ex aequo)  n°3  idea 3  - 4 pts",
        "4  n°4  idea 4  - 2 pts",
    ]


# -- numbers typed by a person: one rule (sessions.core.numbers) ---------------------------
@pytest.mark.parametrize("typed", ["٢٠٣٠", "+2030", "2_030"])
async def test_the_details_form_takes_the_horizon_in_digits_0_9_only(
    store, clock, session, typed: str
) -> None:
    from textual.widgets import Input, Static

    from tui.screens.details_form import DetailsForm

    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f2", "e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DetailsForm)
        field = form.query_one("#horizon", Input)
        field.focus()
        await pilot.press("end", *["backspace"] * 6, *typed)
        await pilot.pause()
        assert field.value == typed  # the integer field lets it through: int() took it
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "Horizon invalide" in str(form.query_one("#error", Static).render())
    assert store.load(session.id).horizon_year == session.horizon_year


def test_the_watch_keeps_and_names_the_sessions_own_top() -> None:
    from sessions.core.clock import FakeClock
    from sessions.storage.follow import follow_view
    from sessions.timer.position import Stamp

    s = with_parts(make([9, 8, 7, 6, 5]), SimpleNamespace(top=3))
    s.vote.counted = True
    view = follow_view(s, Stamp.of(FakeClock()))
    assert view.top_n == 3
    assert [i.number for i in view.ranking or []] == [1, 2, 3]


async def test_f6_takes_the_sessions_own_top_and_says_so_when_reset(store, clock) -> None:
    from grid_examples import full_session

    s = full_session()
    s.grid.positions.clear()
    s.parts.top = 3  # as a template declaring [parts] top = 3 would
    store.create(s)
    expected = top_numbers(s)
    assert 3 <= len(expected) < 10
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        assert app.screen.query_one("#grid-items").row_count == len(expected)
        await pilot.press("a", *"13", "enter")
        await pilot.pause()
        assert 13 in (store.load(s.id).grid.items or [])
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert store.load(s.id).grid.items is None
        shown = [str(n.message) for n in app._notifications]
        assert "La grille reprend le top 3 du vote." in shown


async def test_f12_reveals_the_sessions_own_top(store, clock) -> None:
    from grid_examples import full_session

    s = full_session()
    s.parts.top = 3
    store.create(s)
    expected = top_items(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("f12", "a")
        await pilot.pause()
        assert str(app.screen.query_one("#reveal-title").render()) == "Le top 3"
        shown = str(app.screen.query_one("#reveal-list").render())
        assert all(f"n°{'+'.join(map(str, i.numbers))}  {i.text}" in shown for i in expected)
        beyond = [i for i in ranked_items(s) if i.rank is not None and i.rank > 3]
        assert beyond and not any(f"n°{i.number}  " in shown for i in beyond)


async def test_f12_puts_the_points_under_a_long_text_on_a_laptop(store, clock, session) -> None:
    long_text = "Reconditionnement des ordinateurs des administrations du territoire"

    def op(s: Session) -> None:
        cap.add_idea(s, long_text, T0)
        cap.add_idea(s, "court", T0)
        s.vote.tallies[1] = HandTally(total=3)
        s.vote.tallies[2] = HandTally(total=3)

    store.transact(session.id, op)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("f12", "a")
        await pilot.pause()
        lines = str(app.screen.query_one("#reveal-list").render()).splitlines()
        head = "1 (ex aequo)  n°1  "
        assert head + long_text in lines
        assert " " * len(head) + "3 pts" in lines  # under the text, not under the rank
        assert "1 (ex aequo)  n°2  court   3 pts" in lines  # a short one stays on one line
