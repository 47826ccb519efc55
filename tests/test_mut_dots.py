"""The dot vote's limits, each at its boundary (sessions/vote/dots.py, dots_ops.py), issue 18."""

from __future__ import annotations

import datetime as dt

import pytest

from sessions.capture import tour as cap
from sessions.core.ops import apply, undo
from sessions.i18n import t, tn
from sessions.models import HandTally, Session
from sessions.models.vote import DEFAULT_DOTS
from sessions.vote import dots, dots_ops
from sessions.vote import envelope as v
from sessions.vote.errors import VoteError
from tests.conftest import build_session

T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def dot_session(ideas: int = 6, stacking: bool = False, per_person: int = 3) -> Session:
    s = build_session("divergence-convergence")  # 4 participants present
    for n in range(1, ideas + 1):
        cap.add_idea(s, f"solution {n}", T0)
    s.vote.stacking = stacking
    s.vote.per_person = per_person
    return s


def _refusal(call) -> VoteError:
    with pytest.raises(VoteError) as refused:
        call()
    return refused.value


def test_rules_and_their_names() -> None:
    assert dots.RULES == ("envelope", "dots") and dots.MAX_DOTS == 100
    s = dot_session()
    assert dots.is_dots(s)
    s.vote.rule = "envelope"
    assert not dots.is_dots(s)
    error = _refusal(lambda: dots.set_rule(s, "borda"))
    assert error.key == "dots.err.rule" and error.values == {"rule": "borda"}


def test_dots_per_person_from_1_to_max() -> None:
    s = dot_session()
    dots.set_per_person(s, dots.MAX_DOTS)
    assert s.vote.per_person == dots.MAX_DOTS
    dots.set_per_person(s, 1)
    assert s.vote.per_person == 1
    for bad in (0, dots.MAX_DOTS + 1, -3):
        error = _refusal(lambda bad=bad: dots.set_per_person(s, bad))
        assert error.key == "dots.err.per_person"
        assert error.values == {"value": bad, "max": dots.MAX_DOTS}
    dots.set_per_person(s, None)
    assert s.vote.per_person == DEFAULT_DOTS


def test_counting_started_by_a_tally_a_ballot_or_the_close() -> None:
    s = dot_session()
    assert not dots.counting_started(s)
    s.vote.ballots[s.participants[0].id] = {}
    assert not dots.counting_started(s)  # an empty ballot is no vote yet
    s.vote.ballots[s.participants[0].id] = {1: 1}
    assert dots.counting_started(s)
    s.vote.ballots.clear()
    s.vote.counted = True
    assert dots.counting_started(s)
    s.vote.counted = False
    s.vote.tallies[1] = HandTally(total=1)
    assert dots.counting_started(s)
    dots.set_rule(s, "dots")  # the same rule: no change, no refusal
    dots.set_stacking(s, False)
    dots.set_per_person(s, 3)
    assert _refusal(lambda: dots.set_stacking(s, True)).key == "dots.err.started"
    assert _refusal(lambda: dots.set_rule(s, "envelope")).key == "dots.err.started"


def test_next_rule_cycles_from_the_envelope() -> None:
    s = dot_session(stacking=True)
    s.vote.rule = "envelope"
    dots.next_rule(s)
    assert (s.vote.rule, s.vote.stacking) == ("dots", False)
    dots.next_rule(s)
    assert (s.vote.rule, s.vote.stacking) == ("dots", True)
    dots.next_rule(s)
    assert (s.vote.rule, s.vote.stacking) == ("envelope", False)


def test_per_item_is_one_unless_stacking() -> None:
    s = dot_session(per_person=4)
    assert dots.per_item(s) == 1
    s.vote.stacking = True
    assert dots.per_item(s) == 4


def test_rule_in_words() -> None:
    s = dot_session(per_person=2)
    for lang in ("fr", "en"):
        plain = tn("dots.rule.dots", 2, lang, dots=2)
        assert dots.describe(s, lang) == plain
        s.vote.stacking = True
        assert dots.describe(s, lang) == plain + t("dots.rule.stacking", lang)
        s.vote.stacking = False
    words = dots.RuleWords.of(s)
    assert words == dots.RuleWords(2, False) and words.message("en") == dots.describe(s, "en")


def test_minutes_intro() -> None:
    s = dot_session()
    got = dots.minutes_intro(s, "en", 4, 7)
    assert got == t(
        "dots.minutes.intro",
        "en",
        rule=dots.describe(s, "en"),
        one=t("dots.minutes.one_per_item", "en"),
        voters=tn("minutes.n_voters", 4, "en", n=4),
        total=tn("dots.minutes.n_placed", 7, "en", n=7),
    )
    s.vote.stacking = True
    assert t("dots.minutes.one_per_item", "en") not in dots.minutes_intro(s, "en", 1, 1)


# -- show of hands -------------------------------------------------------------------


def test_a_hand_holds_one_dot_or_n_with_stacking() -> None:
    s = dot_session()
    error = _refusal(lambda: dots.check_tally(s, 2, HandTally(hands=[1, 2]), 4))
    assert error.key == "dots.err.hand"
    assert (error.values["number"], error.values["value"], error.values["max"]) == (2, 2, 1)
    dots.check_tally(s, 2, HandTally(hands=[1, 1]), 4)
    s.vote.stacking = True
    dots.check_tally(s, 2, HandTally(hands=[3, 1]), 4)
    error = _refusal(lambda: dots.check_tally(s, 2, HandTally(hands=[4]), 4))
    assert error.key == "dots.err.hand_stacking" and error.values["max"] == 3


def test_never_more_hands_than_voters() -> None:
    s = dot_session()
    dots.check_tally(s, 1, HandTally(hands=[1, 1, 1]), 3)
    error = _refusal(lambda: dots.check_tally(s, 1, HandTally(hands=[1, 1, 1, 1]), 3))
    assert error.key == "vote.err.too_many_hands" and error.values == {"hands": 4, "voters": 3}


def test_an_item_holds_at_most_voters_times_per_item() -> None:
    s = dot_session()
    dots.check_tally(s, 1, HandTally(total=4), 4)
    error = _refusal(lambda: dots.check_tally(s, 1, HandTally(total=5), 4))
    assert error.key == "dots.err.item_over"
    assert (error.values["total"], error.values["voters"], error.values["max"]) == (5, 4, 4)
    s.vote.stacking = True
    dots.check_tally(s, 1, HandTally(total=12), 4)
    error = _refusal(lambda: dots.check_tally(s, 1, HandTally(total=13), 4))
    assert error.key == "dots.err.item_over_stacking" and error.values["max"] == 12


def test_the_total_over_items_is_at_most_voters_times_n() -> None:
    s = dot_session(per_person=2)
    v.enter_hands(s, 1, "3")
    v.enter_hands(s, 2, "3")
    assert dots.counted_dots(s) == 6 and dots.counted_dots(s, skip=1) == 3
    dots.check_tally(s, 3, HandTally(total=2), 4)  # 8 = 4 x 2
    dots.check_tally(s, 1, HandTally(total=4), 4)  # item 1 typed again: 4 + 3
    error = _refusal(lambda: dots.check_tally(s, 3, HandTally(total=3), 4))
    assert error.key == "dots.err.total_over"
    assert (error.values["total"], error.values["limit"], error.values["dots"]) == (9, 8, 2)


def test_dots_on_a_deleted_idea_do_not_count() -> None:
    s = dot_session(per_person=1)
    v.enter_hands(s, 1, "4")
    s.ideas[0].deleted = True
    assert dots.counted_dots(s) == 0
    dots.check_tally(s, 2, HandTally(total=4), 4)


# -- ballots -------------------------------------------------------------------------


def test_a_ballot_cell_is_one_dot_or_up_to_n_with_stacking() -> None:
    s = dot_session()
    dots.check_ballot_row(s, "Ana", {1: 1, 2: 0}, 1)
    error = _refusal(lambda: dots.check_ballot_row(s, "Ana", {1: 2}, 1))
    assert error.key == "dots.err.cell_stack"
    assert error.values == {"name": "Ana", "number": 1, "value": 2}
    s.vote.stacking = True
    dots.check_ballot_row(s, "Ana", {1: 3}, 1)
    error = _refusal(lambda: dots.check_ballot_row(s, "Ana", {1: 4}, 1))
    assert error.key == "dots.err.cell_range" and error.values["max"] == 3
    dots.check_ballot_row(s, "Ana", {}, 5)  # an empty cell


def test_a_ballot_row_holds_at_most_n_dots_on_items() -> None:
    s = dot_session()
    dots.check_ballot_row(s, "Ana", {1: 1, 2: 1, 3: 1}, 3)
    error = _refusal(lambda: dots.check_ballot_row(s, "Ana", {1: 1, 2: 1, 3: 1, 4: 1}, 4))
    assert error.key == "dots.err.row_over"
    assert (error.values["total"], error.values["number"], error.values["dots"]) == (4, 4, 3)
    s.ideas[0].deleted = True  # a dot on what is no longer an item does not count
    dots.check_ballot_row(s, "Ana", {1: 1, 2: 1, 3: 1, 4: 1}, 4)


# -- as ops --------------------------------------------------------------------------


def test_rule_ops_touch_only_the_rule_slots_and_undo() -> None:
    s = dot_session()
    assert dots_ops.RULE_SLOTS == (
        ("vote", "rule"),
        ("vote", "per_person"),
        ("vote", "stacking"),
    )
    before = (s.vote.rule, s.vote.per_person, s.vote.stacking)
    step = apply(s, dots_ops.NextRule()).step
    assert {key for key, _, _ in step.changes} <= set(dots_ops.RULE_SLOTS)
    assert step.label() == t("dots.undo.rule") and step.op == "vote.next_rule"
    assert (s.vote.rule, s.vote.stacking) == ("dots", True)
    undo(s, step)
    assert (s.vote.rule, s.vote.per_person, s.vote.stacking) == before
    step = apply(s, dots_ops.SetDots(7)).step
    assert s.vote.per_person == 7 and step.label() == t("dots.undo.per_person")
    assert [key for key, _, _ in step.changes] == [("vote", "per_person")]
    apply(s, dots_ops.SetDots(None))
    assert s.vote.per_person == DEFAULT_DOTS
    assert dots_ops.NextRule.parts == dots_ops.SetDots.parts == frozenset({"vote"})


def test_rule_ops_as_data_keep_their_names() -> None:
    # an op's data names it (a contract: ops written as data are read back by name)
    assert dots_ops.SetDots(3).to_data() == {"op": "vote.dots", "value": 3}
    assert dots_ops.NextRule().to_data() == {"op": "vote.next_rule"}
