"""Rules of the point-envelope vote (sessions/vote/envelope.py) no other test held.

Bounds (envelope, hands, totals, ballot cells and rows, each accepted at the
limit and refused past it, with the rule named), the blind mode, merges and
their undoing. Found missing by mutation testing (docs/testing.md).
"""

from __future__ import annotations

import datetime as dt

import pytest

from sessions.i18n import t
from sessions.models import HandTally, Idea, Participant, Session
from sessions.vote import envelope as v

NOW = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def make(items: int = 6, voters: int = 3) -> Session:
    s = Session(title="t", date=dt.date(2026, 11, 22))
    s.participants = [Participant(id=f"p{i}", name=f"P{i}") for i in range(voters)]
    s.ideas = [Idea(number=n, text=f"i{n}", created_at=NOW) for n in range(1, items + 1)]
    return s


def refusal(call, *args) -> v.VoteError:
    with pytest.raises(v.VoteError) as info:
        call(*args)
    assert str(info.value) == t(info.value.key, **info.value.values)
    return info.value


# -- envelope and voters --------------------------------------------------------------


@pytest.mark.parametrize(("items", "points"), [(0, 0), (1, 1), (2, 1), (3, 1), (4, 2), (7, 3)])
def test_the_envelope_is_half_the_items_at_least_one(items, points):
    assert v.default_envelope(make(items)) == points


@pytest.mark.parametrize("value", [1, 500])
def test_the_envelope_override_is_accepted_from_1_to_500(value):
    s = make()
    v.set_envelope(s, value)
    assert v.envelope(s) == value


@pytest.mark.parametrize("value", [0, -1, 501])
def test_an_envelope_out_of_range_is_refused_and_changes_nothing(value):
    s = make()
    v.set_envelope(s, 2)
    error = refusal(v.set_envelope, s, value)
    assert (error.key, error.values) == ("vote.err.envelope_range", {"value": value})
    assert v.envelope(s) == 2


def test_voters_are_the_participants_present():
    s = make(voters=3)
    s.participants[1].present = False
    assert [p.name for p in v.voters(s)] == ["P0", "P2"]
    assert v.grand_total_limit(s) == 2 * v.envelope(s)


def test_items_are_read_last_to_first_until_toggled():
    s = make(3)
    assert v.reading_order(s) == [3, 2, 1]
    v.toggle_reading_order(s)
    assert v.reading_order(s) == [1, 2, 3]
    v.toggle_reading_order(s)
    assert v.reading_order(s) == [3, 2, 1]


def test_the_method_is_hands_or_ballots():
    s = make()
    v.set_method(s, "ballots")
    assert s.vote.method == "ballots"
    v.set_method(s, "hands")
    error = refusal(v.set_method, s, "dots")
    assert (error.key, error.values) == ("vote.err.method", {"method": "dots"})
    assert s.vote.method == "hands"


# -- what the scribe types -------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "hands", "total"),
    [
        ("12", [], 12),
        ("=12", [], 12),
        (" = 12 ", [], 12),
        ("3 2 5", [3, 2, 5], None),
        ("3+2,5;1", [3, 2, 5, 1], None),
        ("3+", [3], None),
        ("+3", [3], None),
    ],
)
def test_typed_hands_and_totals(typed, hands, total):
    assert v.parse_hands(typed) == HandTally(hands=hands, total=total)


@pytest.mark.parametrize("typed", ["", "   "])
def test_nothing_typed_is_no_tally(typed):
    assert v.parse_hands(typed) is None


@pytest.mark.parametrize("typed", ["=", "= 3 4", "+", ",;"])
def test_a_total_is_one_number_and_separators_alone_are_refused(typed):
    error = refusal(v.parse_hands, typed)
    assert (error.key, error.values) == ("vote.err.not_numbers", {"text": typed})


def test_other_digits_are_refused_naming_the_character():
    error = refusal(v.parse_hands, "3 ²")
    assert (error.key, error.values) == ("vote.err.bad_char", {"text": "3 ²", "char": "²"})


def test_a_number_past_nine_digits_is_refused_as_too_big():
    error = refusal(v.parse_hands, "1234567890")
    assert (error.key, error.values) == ("vote.err.too_big", {"text": "1234567890"})


def test_enter_alone_records_zero_points_for_the_item():
    s = make()
    assert v.enter_hands(s, 2, "") == HandTally(total=0)
    assert s.vote.tallies[2].points == 0


# -- checks on a tally -------------------------------------------------------------------


def test_a_hand_raises_0_to_5_fingers():
    v.check_tally(HandTally(hands=[0, 5, 5]), voter_count=3)
    error = refusal(v.check_tally, HandTally(hands=[6]), 3)
    assert (error.key, error.values) == ("vote.err.hand_range", {"value": 6, "max": 5})


def test_no_more_hands_than_voters_present():
    v.check_tally(HandTally(hands=[1, 1, 1]), voter_count=3)
    error = refusal(v.check_tally, HandTally(hands=[1, 1, 1, 1]), 3)
    assert (error.key, error.values) == ("vote.err.too_many_hands", {"hands": 4, "voters": 3})


def test_a_total_at_most_five_points_per_voter():
    v.check_tally(HandTally(total=15), voter_count=3)
    error = refusal(v.check_tally, HandTally(total=16), 3)
    assert (error.key, error.values) == (
        "vote.err.total_too_big",
        {"total": 16, "max": 15, "voters": 3},
    )


def test_a_tally_counts_the_voters_present_only():
    s = make(voters=3)
    s.participants[0].present = False
    error = refusal(v.set_tally, s, 1, HandTally(total=11))
    assert error.values["max"] == 10
    assert 1 not in s.vote.tallies


def test_a_tally_for_an_item_not_put_to_the_vote_is_refused():
    s = make(3)
    s.ideas[2].deleted = True
    error = refusal(v.set_tally, s, 3, HandTally(total=1))
    assert (error.key, error.values) == ("vote.err.no_item", {"number": 3})


def test_a_tally_set_to_none_is_cleared():
    s = make()
    v.set_tally(s, 1, HandTally(total=4))
    v.set_tally(s, 1, None)
    assert 1 not in s.vote.tallies


# -- the grand total ---------------------------------------------------------------------


def test_the_grand_total_warns_only_past_the_envelopes():
    s = make(items=4, voters=2)  # envelope 2, limit 4
    v.enter_hands(s, 1, "3")
    v.enter_hands(s, 2, "1")
    assert v.grand_total(s) == 4
    assert v.grand_total_warning(s) is None
    v.enter_hands(s, 3, "1")
    expected = t("vote.warn.grand_total", total=5, limit=4, envelope=2, voters=2)
    assert v.grand_total_warning(s) == expected


def test_the_grand_total_leaves_out_ideas_deleted_after_the_count():
    s = make(items=4, voters=2)
    v.enter_hands(s, 1, "3")
    v.enter_hands(s, 2, "4")
    s.ideas[1].deleted = True
    assert v.grand_total(s) == 3


# -- ballots -----------------------------------------------------------------------------


def test_a_ballot_cell_is_0_to_5_and_zero_clears_it():
    s = make(items=12, voters=2)  # envelope 6
    v.set_ballot(s, "p0", 1, 5)
    v.set_ballot(s, "p0", 2, 1)
    assert v.ballot_sum(s, "p0") == 6
    error = refusal(v.set_ballot, s, "p1", 1, 6)
    assert (error.key, error.values) == ("vote.err.cell_range", {"value": 6, "max": 5})
    v.set_ballot(s, "p0", 2, 0)
    assert s.vote.ballots["p0"] == {1: 5}


def test_a_ballot_row_may_fill_the_envelope_not_more():
    s = make(items=8, voters=2)  # envelope 4
    v.set_ballot(s, "p0", 1, 3)
    v.set_ballot(s, "p0", 2, 1)
    error = refusal(v.set_ballot, s, "p0", 3, 1)
    assert (error.key, error.values) == (
        "vote.err.row_over",
        {"name": "P0", "total": 5, "envelope": 4},
    )
    assert s.vote.ballots["p0"] == {1: 3, 2: 1}


def test_only_a_voter_present_fills_a_ballot():
    s = make()
    s.participants[1].present = False
    error = refusal(v.set_ballot, s, "p1", 1, 1)
    assert (error.key, error.values) == ("vote.err.not_voter", {"name": "P1"})
    error = refusal(v.set_ballot, s, "nobody", 1, 1)
    assert error.values == {"name": "nobody"}
    error = refusal(v.set_ballot, s, "p0", 99, 1)
    assert (error.key, error.values) == ("vote.err.no_item", {"number": 99})
    assert s.vote.ballots == {}


def test_a_ballot_row_counts_only_items_still_put_to_the_vote():
    s = make(items=8, voters=1)  # envelope 4
    v.set_ballot(s, "p0", 1, 4)
    s.ideas[0].deleted = True  # 7 items: envelope 3
    assert v.ballot_sum(s, "p0") == 0
    v.set_ballot(s, "p0", 2, 3)
    assert v.ballot_sum(s, "p0") == 3


# -- after the count ----------------------------------------------------------------------


def test_closing_the_count_and_reopening_it():
    s = make()
    v.close_count(s)
    assert s.vote.counted is True
    v.close_count(s, closed=False)
    assert s.vote.counted is False


def test_a_closed_count_keeps_the_envelope_of_its_first_close():
    s = make(items=6)  # envelope 3
    v.close_count(s)
    s.ideas += [Idea(number=n, text=f"i{n}", created_at=NOW) for n in (7, 8)]
    v.close_count(s)  # closed again: still the envelope of the close
    assert v.envelope(s) == 3
    v.close_count(s, closed=False)  # reopened: the envelope follows the items
    assert v.envelope(s) == 4
    v.close_count(s, closed=False)
    s.vote.counted = True  # a file closed by an older version: no frozen envelope
    assert v.envelope(s) == 4


def test_blind_mode_hides_the_totals_again_after_a_reveal():
    s = make()
    assert v.totals_hidden(s) is False
    v.set_blind(s, True)
    assert v.totals_hidden(s) is True
    v.reveal(s)
    assert v.totals_hidden(s) is False
    v.set_blind(s, True)
    assert v.totals_hidden(s) is True
    v.reveal(s)
    v.set_blind(s, False)
    assert (v.totals_hidden(s), s.vote.revealed) == (False, True)
    v.reveal(s, False)
    assert s.vote.revealed is False


# -- merges -----------------------------------------------------------------------------


@pytest.mark.parametrize("numbers", [[], [2], [2, 2]])
def test_a_merge_needs_two_different_items(numbers):
    s = make()
    assert refusal(v.merge, s, numbers).key == "vote.err.merge_two"


def test_a_merge_refuses_missing_deleted_duplicate_and_already_merged_items():
    s = make()
    s.ideas[2].deleted = True
    s.ideas[3].duplicate_of = 1
    for number in (3, 4, 99):
        error = refusal(v.merge, s, [1, number])
        assert (error.key, error.values) == ("vote.err.no_item", {"number": number})
    v.merge(s, [5, 6])
    error = refusal(v.merge, s, [1, 6])
    assert (error.key, error.values) == ("vote.err.already_merged", {"number": 6, "into": 5})
    assert s.idea(1).merged_from == []


def test_merging_a_survivor_brings_its_group_to_the_lowest_number():
    s = make()
    assert v.merge(s, [5, 3]) == 3
    assert v.merge(s, [6, 3, 2]) == 2
    two, three, five = s.idea(2), s.idea(3), s.idea(5)
    assert two.merged_from == [3, 5, 6]
    assert (three.merged_into, three.merged_from) == (2, [])
    assert five.merged_into == 2


def test_unmerging_a_member_leaves_the_group_unmerging_the_survivor_frees_all():
    s = make()
    v.merge(s, [1, 2, 3])
    assert v.unmerge(s, 2) == [2]
    assert (s.idea(2).merged_into, s.idea(1).merged_from) == (None, [3])
    v.merge(s, [1, 4])
    assert v.unmerge(s, 1) == [3, 4]
    assert all(s.idea(n).merged_into is None for n in (3, 4))
    assert s.idea(1).merged_from == []


def test_unmerging_what_is_not_a_merge_is_refused():
    s = make()
    error = refusal(v.unmerge, s, 1)
    assert (error.key, error.values) == ("vote.err.not_merged", {"number": 1})
    error = refusal(v.unmerge, s, 99)
    assert (error.key, error.values) == ("vote.err.no_item", {"number": 99})
