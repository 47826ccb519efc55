"""Rules of the ranking after the vote (sessions/vote/ranking.py) no other test held.

Merges into a deleted idea, chains and loops of merges, the order of the
items that are not ranked, points typed for ideas that do not exist, the
memo of ``rankings_reused``. Found missing by mutation testing
(docs/testing.md).
"""

from __future__ import annotations

import datetime as dt

from sessions.models import HandTally, Idea, Participant, Session
from sessions.vote.ranking import (
    groups,
    item_points,
    late_ideas,
    ranked_items,
    rankings_reused,
    raw_points,
    tied_ranks,
    top_numbers,
    vote_items,
)

NOW = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def make(points: list[int]) -> Session:
    s = Session(title="t", date=dt.date(2026, 11, 22))
    s.participants = [Participant(name=f"P{i}") for i in range(6)]
    for n, p in enumerate(points, start=1):
        s.ideas.append(Idea(number=n, text=f"idea {n}", created_at=NOW))
        s.vote.tallies[n] = HandTally(total=p)
    return s


def rows(s: Session) -> list[tuple[int, str, int, int | None]]:
    return [(i.number, i.status, i.points, i.rank) for i in ranked_items(s)]


def test_the_items_put_to_the_vote_exclude_deleted_ideas_and_duplicates_in_number_order():
    s = make([1, 1, 1, 1])
    s.ideas.reverse()
    s.ideas[0].deleted = True  # number 4
    s.ideas[2].duplicate_of = 1  # number 2
    assert [i.number for i in vote_items(s)] == [1, 3]


def test_a_merge_into_a_deleted_idea_leaves_the_idea_standing_alone():
    s = make([3, 5])
    s.ideas[0].merged_into = 2
    s.ideas[1].deleted = True
    assert rows(s) == [(1, "active", 3, 1), (2, "deleted", 0, None)]
    assert item_points(s) == {1: 3}


def test_a_merge_into_an_idea_that_does_not_exist_is_ignored():
    s = make([3, 5])
    s.ideas[0].merged_into = 9
    assert rows(s) == [(2, "active", 5, 1), (1, "active", 3, 2)]


def test_a_chain_of_merges_counts_in_the_last_item():
    s = make([1, 2, 4])
    s.ideas[0].merged_into = 2
    s.ideas[1].merged_into = 3
    assert [m.number for m in groups(s)[3]] == [3, 1, 2]
    assert item_points(s) == {3: 7, 1: 1, 2: 2}
    top = ranked_items(s)[0]
    assert (top.number, top.numbers, top.points) == (3, (1, 2, 3), 7)


def test_a_loop_of_merges_never_hangs_and_keeps_every_point():
    s = make([1, 2])
    s.ideas[0].merged_into = 2
    s.ideas[1].merged_into = 1
    standing = [i for i in ranked_items(s) if i.status == "active"]
    assert sum(i.points for i in standing) == 3
    s = make([4])
    s.ideas[0].merged_into = 1  # merged into itself: stands alone
    assert rows(s) == [(1, "active", 4, 1)]


def test_a_duplicate_is_listed_under_its_item_without_repeating_its_text():
    s = make([2, 3])
    s.ideas[1].duplicate_of = 1
    top = ranked_items(s)[0]
    assert (top.number, top.numbers, top.text, top.points) == (1, (1, 2), "idea 1", 5)


def test_items_not_ranked_come_struck_then_merged_then_deleted_each_by_number():
    s = make([0, 3, 0, 1, 2, 5, 0])
    s.vote.counted = True
    s.ideas[0].deleted = True  # 1
    s.ideas[4].merged_into = 6  # 5 merged into 6
    s.ideas[3].merged_into = 2  # 4 merged into 2
    assert rows(s) == [
        (6, "active", 7, 1),
        (2, "active", 4, 2),
        (3, "struck", 0, None),
        (7, "struck", 0, None),
        (4, "merged", 1, None),
        (5, "merged", 2, None),
        (1, "deleted", 0, None),
    ]


def test_points_for_numbers_that_are_not_ideas_are_ignored():
    s = make([2, 1])
    s.vote.tallies[9] = HandTally(total=50)
    assert raw_points(s) == {1: 2, 2: 1}
    s.vote.method = "ballots"
    s.vote.ballots = {"p1": {1: 1, 2: 3, 9: 4}, "p2": {2: 1}}
    assert raw_points(s) == {1: 1, 2: 4}
    assert rows(s) == [(2, "active", 4, 1), (1, "active", 1, 2)]


def test_the_top_holds_ranks_up_to_n_and_never_an_item_without_points():
    s = make([5, 4, 4, 1, 0])
    assert top_numbers(s, 1) == [1]
    assert top_numbers(s, 2) == [1, 2, 3]
    assert top_numbers(s, 3) == [1, 2, 3]
    assert top_numbers(s, 4) == [1, 2, 3, 4]
    assert top_numbers(s, 5) == [1, 2, 3, 4]
    assert top_numbers(s) == [1, 2, 3, 4]


def test_tied_ranks_are_those_shared():
    s = make([5, 4, 4, 1, 1, 0])
    s.vote.counted = True
    assert tied_ranks(ranked_items(s)) == {2, 4}
    assert tied_ranks(ranked_items(make([3, 2]))) == set()


def test_rankings_reused_computes_once_and_forgets_after_the_block():
    s = make([1, 2])
    with rankings_reused():
        first = ranked_items(s)
        s.vote.tallies[1] = HandTally(total=9)  # not seen inside the block
        with rankings_reused():
            assert ranked_items(s) == first
        assert ranked_items(s) == first
        ranked_items(s).clear()  # a copy: the memo is not emptied
        assert ranked_items(s) == first
    assert ranked_items(s)[0].number == 1


def test_an_item_merged_into_a_deleted_idea_keeps_its_own_group_text_once():
    s = make([1, 2, 3])
    s.ideas[0].merged_into = 3  # 3 deleted: 1 stands, and 2 was merged into 1
    s.ideas[2].deleted = True
    s.ideas[1].merged_into = 1
    top = ranked_items(s)[0]
    assert (top.number, top.numbers, top.text, top.points) == (1, (1, 2), "idea 1 / idea 2", 3)


def test_ties_are_listed_by_number_whatever_the_duplicates_point_to():
    s = make([1, 0, 2, 1, 2])
    s.ideas[1].duplicate_of = 5  # idea 2 names item 5 before item 3 is met
    assert [(i.number, i.points, i.rank) for i in ranked_items(s)][:4] == [
        (3, 2, 1),
        (5, 2, 1),
        (1, 1, 3),
        (4, 1, 3),
    ]


def test_merged_items_are_listed_by_number_whatever_their_group():
    s = make([1, 1, 1, 1, 1, 1])
    s.ideas[0].duplicate_of = 6
    s.ideas[4].duplicate_of = 6
    s.ideas[1].duplicate_of = 3
    assert [i.number for i in ranked_items(s) if i.status == "merged"] == [1, 2, 5]


def test_late_ideas_are_outside_the_vote_and_listed_apart_unless_deleted():
    s = make([1, 1, 1, 1])
    s.ideas[3].late = True
    s.ideas[1].late = True
    s.ideas[1].deleted = True
    s.ideas[2].late = True
    assert [i.number for i in vote_items(s)] == [1]
    assert [i.number for i in late_ideas(s)] == [3, 4]
