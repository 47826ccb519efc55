"""Ranking: points from tallies or ballots, competition ranks, the top 10 with ties."""

from __future__ import annotations

import contextlib
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from sessions.models import HandTally, Idea, Participant, Session
from sessions.vote.envelope import merge, unmerge
from sessions.vote.ranking import item_points, ranked_items, top_numbers

NOW = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def make(points: list[int], voters: int = 8) -> Session:
    s = Session(title="t", date=dt.date(2026, 11, 22))
    s.participants = [Participant(name=f"P{i}") for i in range(voters)]
    for n, p in enumerate(points, start=1):
        s.ideas.append(Idea(number=n, text=f"idea {n}", created_at=NOW))
        s.vote.tallies[n] = HandTally(total=p)
    return s


def test_competition_ranking_shares_ranks() -> None:
    s = make([5, 9, 5, 7, 1])
    ranked = [(i.number, i.points, i.rank) for i in ranked_items(s)]
    assert ranked == [(2, 9, 1), (4, 7, 2), (1, 5, 3), (3, 5, 3), (5, 1, 5)]


def test_zero_points_struck_only_after_count() -> None:
    s = make([3, 0, 2])
    assert [i.status for i in ranked_items(s)] == ["active"] * 3
    s.vote.counted = True
    items = ranked_items(s)
    assert [(i.number, i.status, i.rank) for i in items] == [
        (1, "active", 1),
        (3, "active", 2),
        (2, "struck", None),
    ]


def test_deleted_and_duplicates_are_not_ranked() -> None:
    s = make([3, 2, 4])
    s.ideas[0].deleted = True
    s.ideas[1].duplicate_of = 3
    items = {i.number: i for i in ranked_items(s)}
    assert items[1].status == "deleted" and items[1].rank is None
    assert items[2].status == "merged"
    assert items[3].numbers == (2, 3) and items[3].points == 6 and items[3].text == "idea 3"


def test_top_ten_includes_every_tie_at_the_boundary() -> None:
    # ranks 1..8, then three items tied at the 9th place, then one more.
    s = make([20, 19, 18, 17, 16, 15, 14, 13, 5, 5, 5, 4])
    top = top_numbers(s, 10)
    assert top == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
    # a tie exactly at the 10th place
    s = make([20, 19, 18, 17, 16, 15, 14, 13, 12, 3, 3, 3, 1])
    assert top_numbers(s, 10) == list(range(1, 13))
    # no tie: exactly ten
    s = make(list(range(30, 18, -1)))
    assert len(top_numbers(s, 10)) == 10


def test_items_without_points_are_never_in_the_top() -> None:
    assert top_numbers(make([0] * 21)) == []  # nobody has voted yet: no top, not 21 ties
    s = make([4, 0, 0, 2, 0, 1, 0, 0, 3, 0, 0, 0])
    assert top_numbers(s) == [1, 9, 4, 6]  # before the count is closed too
    s.vote.counted = True
    assert top_numbers(s) == [1, 9, 4, 6]


def test_ballots_are_summed() -> None:
    s = make([0, 0, 0])
    s.vote.tallies.clear()
    s.vote.method = "ballots"
    p0, p1 = s.participants[0].id, s.participants[1].id
    s.vote.ballots = {p0: {1: 3, 2: 1}, p1: {1: 2, 3: 5}}
    assert item_points(s) == {1: 5, 2: 1, 3: 5}
    assert [(i.number, i.rank) for i in ranked_items(s)] == [(1, 1), (3, 1), (2, 3)]


def test_merge_sums_and_unmerge_restores() -> None:
    s = make([4, 1, 3, 2])
    before = [(i.number, i.points, i.status) for i in ranked_items(s)]
    survivor = merge(s, [4, 2])
    assert survivor == 2
    first, second = ranked_items(s)[:2]
    assert first.number == 1 and first.points == 4  # 4 points, before the merged 3
    assert (second.number, second.numbers, second.points, second.text) == (
        2,
        (2, 4),
        3,
        "idea 2 / idea 4",
    )
    assert {i.number: i.status for i in ranked_items(s)}[4] == "merged"
    unmerge(s, 2)
    assert [(i.number, i.points, i.status) for i in ranked_items(s)] == before


def _standing_total(s: Session) -> int:
    return sum(i.points for i in ranked_items(s) if i.status in ("active", "struck"))


@given(
    points=st.lists(st.integers(0, 40), min_size=2, max_size=15),
    merges=st.lists(st.lists(st.integers(1, 15), min_size=2, max_size=4), max_size=6),
    unmerges=st.lists(st.integers(1, 15), max_size=4),
    counted=st.booleans(),
)
def test_merging_never_changes_the_total(
    points: list[int], merges: list[list[int]], unmerges: list[int], counted: bool
) -> None:
    s = make(points)
    s.vote.counted = counted
    total = sum(points)
    assert _standing_total(s) == total
    for group in merges:
        with contextlib.suppress(ValueError):
            merge(s, group)
        assert _standing_total(s) == total
        assert (
            sum(
                item_points(s)[i.number]
                for i in ranked_items(s)
                if i.status != "merged" and i.status != "deleted"
            )
            == total
        )
    for number in unmerges:
        with contextlib.suppress(ValueError):
            unmerge(s, number)
        assert _standing_total(s) == total
    # every number appears exactly once among standing items' numbers
    standing = [n for i in ranked_items(s) if i.status in ("active", "struck") for n in i.numbers]
    assert sorted(standing) == list(range(1, len(points) + 1))
