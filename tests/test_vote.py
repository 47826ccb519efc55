"""The vote domain: envelope, show-of-hands parsing and checks, ballots, refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sessions.models import HandTally, Idea, Participant, Session
from sessions.vote import envelope as v

NOW = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def make(items: int = 20, voters: int = 8) -> Session:
    s = Session(title="t", date=dt.date(2026, 11, 22))
    s.participants = [Participant(name=f"P{i}") for i in range(voters)]
    s.ideas = [Idea(number=n, text=f"i{n}", created_at=NOW) for n in range(1, items + 1)]
    return s


def test_envelope_is_items_halved_and_overridable() -> None:
    s = make(20)
    assert v.envelope(s) == 10
    s.ideas[0].deleted = True
    s.ideas[1].duplicate_of = 3
    assert v.envelope(s) == 9  # 18 items
    v.set_envelope(s, 15)
    assert v.envelope(s) == 15
    v.set_envelope(s, None)
    assert v.envelope(s) == 9
    with pytest.raises(v.VoteError):
        v.set_envelope(s, 0)
    assert v.envelope(make(1)) == 1 and v.envelope(make(0)) == 0


@pytest.mark.parametrize(
    ("typed", "hands", "total", "points"),
    [
        ("3 2 5", [3, 2, 5], None, 10),
        ("3+2+5", [3, 2, 5], None, 10),
        (" 3, 2 ;5 ", [3, 2, 5], None, 10),
        ("12", [], 12, 12),
        ("=4", [], 4, 4),
        ("4+", [4], None, 4),
    ],
)
def test_parse_hands(typed: str, hands: list[int], total: int | None, points: int) -> None:
    tally = v.parse_hands(typed)
    assert tally is not None
    assert (tally.hands, tally.total, tally.points) == (hands, total, points)


@pytest.mark.parametrize("typed", ["a", "3 x", "-1", "3.5", "=", "=x"])
def test_parse_hands_refuses(typed: str) -> None:
    with pytest.raises(v.VoteError):
        v.parse_hands(typed)


def test_tally_checks() -> None:
    s = make(6, voters=3)
    v.enter_hands(s, 1, "5 5 5")
    assert s.vote.tallies[1].points == 15
    with pytest.raises(v.VoteError, match="6"):
        v.enter_hands(s, 2, "6 1")  # a hand over 5
    with pytest.raises(v.VoteError):
        v.enter_hands(s, 2, "1 1 1 1")  # 4 hands, 3 voters
    with pytest.raises(v.VoteError):
        v.enter_hands(s, 2, "16")  # over 5 x 3
    with pytest.raises(v.VoteError):
        v.enter_hands(s, 99, "1 1")
    assert 2 not in s.vote.tallies  # refusals changed nothing
    v.enter_hands(s, 1, "")  # Enter alone: nobody raised a hand
    assert s.vote.tallies[1].points == 0
    v.set_tally(s, 1, None)  # a tally can still be cleared
    assert 1 not in s.vote.tallies


def test_absent_people_do_not_vote() -> None:
    s = make(6, voters=3)
    s.participants[0].present = False
    with pytest.raises(v.VoteError):
        v.enter_hands(s, 1, "1 1 1")


def test_grand_total_warning() -> None:
    s = make(4, voters=2)  # envelope 2, limit 4
    v.enter_hands(s, 1, "2 2")
    assert v.grand_total_warning(s) is None
    v.enter_hands(s, 2, "1")
    warning = v.grand_total_warning(s)
    assert warning is not None and "5" in warning and "4" in warning


def test_ballots_refuse_cell_and_row_over_envelope() -> None:
    s = make(6, voters=2)  # envelope 3
    pid = s.participants[0].id
    v.set_ballot(s, pid, 1, 2)
    v.set_ballot(s, pid, 2, 1)
    with pytest.raises(v.VoteError, match="4"):
        v.set_ballot(s, pid, 3, 1)  # row 4 > 3
    with pytest.raises(v.VoteError):
        v.set_ballot(s, pid, 3, 6)
    assert s.vote.ballots[pid] == {1: 2, 2: 1}
    assert v.ballot_sum(s, pid) == 3
    v.set_ballot(s, pid, 1, 0)
    assert s.vote.ballots[pid] == {2: 1}


def test_reading_order_last_to_first_by_default() -> None:
    s = make(4)
    assert v.reading_order(s) == [4, 3, 2, 1]
    v.toggle_reading_order(s)
    assert v.reading_order(s) == [1, 2, 3, 4]


def test_blind_and_reveal() -> None:
    s = make(4)
    assert not v.totals_hidden(s)
    v.set_blind(s, True)
    assert v.totals_hidden(s)
    v.reveal(s)
    assert not v.totals_hidden(s)


def test_merge_refusals() -> None:
    s = make(5)
    with pytest.raises(v.VoteError):
        v.merge(s, [1])
    v.merge(s, [2, 3])
    with pytest.raises(v.VoteError):
        v.merge(s, [3, 4])  # 3 already merged into 2
    with pytest.raises(v.VoteError):
        v.unmerge(s, 5)
    v.merge(s, [1, 2])  # a survivor brings its group
    assert s.idea(1).merged_from == [2, 3] and s.idea(3).merged_into == 1
    assert v.unmerge(s, 1) == [2, 3]


@given(st.lists(st.integers(0, 5), min_size=1, max_size=8))
def test_hands_tally_sums(hands: list[int]) -> None:
    s = make(4, voters=8)
    typed = "+".join(map(str, hands)) + ("+" if len(hands) == 1 else "")
    tally = v.enter_hands(s, 1, typed)
    assert tally == HandTally(hands=hands)
    assert s.vote.tallies[1].points == sum(hands)
