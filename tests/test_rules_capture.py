"""Rules of the tour de table (sessions/capture/tour.py) no other test held.

Turn order and rounds, what a turn records, the 500-character bound, free
ideas, giving the turn to someone else, duplicates, the counts per person.
Found missing by mutation testing (docs/testing.md).
"""

from __future__ import annotations

import datetime as dt

import pytest

from sessions.capture import tour as c
from sessions.core.text import MAX_IDEA_CHARS
from sessions.i18n import t
from sessions.models import Participant, Session

T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


def make(people: int = 3, rounds: int = 2) -> Session:
    s = Session(title="t", date=dt.date(2026, 11, 22))
    s.participants = [Participant(id=f"p{i}", name=f"P{i}") for i in range(people)]
    s.capture.rounds = rounds
    return s


def refusal(call, *args) -> c.CaptureError:
    with pytest.raises(c.CaptureError) as info:
        call(*args)
    assert str(info.value) == t(info.value.key, **info.value.values)
    return info.value


def who(s: Session) -> tuple[str | None, str | None, int]:
    now, nxt = c.current(s), c.upcoming(s)
    return (now.id if now else None, nxt.id if nxt else None, s.capture.current_round)


# -- turn order ----------------------------------------------------------------------


def test_the_turn_goes_round_those_present_then_the_next_round():
    s = make(3, rounds=2)
    s.participants[1].present = False
    assert [p.id for p in c.present(s)] == ["p0", "p2"]
    assert who(s) == ("p0", "p2", 1)
    c.give_idea(s, "a", at(10))
    assert who(s) == ("p2", "p0", 1)
    c.pass_turn(s, at(20))
    assert who(s) == ("p0", "p2", 2)
    c.give_idea(s, "b", at(30))
    assert who(s) == ("p2", None, 2)  # the last turn: nobody after
    c.give_idea(s, "c", at(40))
    assert who(s) == (None, None, 3)
    assert c.finished(s) is True


def test_nobody_present_means_the_tour_is_over():
    s = make(2)
    for p in s.participants:
        p.present = False
    assert c.finished(s) is True
    assert (c.current(s), c.upcoming(s)) == (None, None)
    assert refusal(c.pass_turn, s, at(1)).key == "capture.err.no_turn"


def test_the_last_round_is_still_played():
    s = make(2, rounds=1)
    assert c.finished(s) is False
    c.pass_turn(s, at(1))
    assert c.finished(s) is False
    c.pass_turn(s, at(2))
    assert c.finished(s) is True


def test_each_turn_records_who_which_round_what_and_when():
    s = make(2)
    c.give_idea(s, "first", at(5))
    c.pass_turn(s, at(12))
    first, second = s.capture.turns
    assert (first.participant_id, first.round, first.idea_number) == ("p0", 1, 1)
    assert (first.started_at, first.ended_at) == (None, at(5))
    assert (second.participant_id, second.round, second.idea_number) == ("p1", 1, None)
    assert (second.started_at, second.ended_at) == (at(5), at(12))
    assert s.capture.turn_started_at == at(12)


def test_a_turn_gives_an_idea_with_its_author_and_round():
    s = make(2)
    c.pass_turn(s, at(1))
    c.pass_turn(s, at(2))
    idea = c.give_idea(s, "Une idée", at(3))
    assert (idea.number, idea.author_id, idea.round, idea.created_at) == (1, "p0", 2, at(3))


def test_after_the_rounds_an_idea_is_free_and_the_draft_is_cleared():
    s = make(1, rounds=1)
    c.pass_turn(s, at(1))
    c.set_draft(s, "en cours")
    idea = c.give_idea(s, "libre", at(2))
    assert (idea.author_id, idea.round) == (None, None)
    assert s.capture.draft == ""
    assert len(s.capture.turns) == 1


# -- giving the turn, rounds ----------------------------------------------------------


def test_skip_to_gives_the_turn_without_recording_anything():
    s = make(3)
    c.skip_to(s, "p2", at(7))
    assert who(s) == ("p2", "p0", 1)
    assert s.capture.turn_started_at == at(7)
    assert s.capture.turns == []
    c.give_idea(s, "x", at(9))
    assert s.capture.turns[0].participant_id == "p2"


def test_skip_to_someone_absent_or_unknown_is_refused():
    s = make(3)
    s.participants[1].present = False
    for pid in ("p1", "nobody"):
        error = refusal(c.skip_to, s, pid, at(1))
        assert (error.key, error.values) == ("capture.err.no_participant", {"who": pid})
    assert s.capture.current_index == 0


def test_restarting_the_rounds_keeps_ideas_and_turns():
    s = make(3, rounds=2)
    for text in "abcd":
        c.give_idea(s, text, at(1))  # round 2, P1's turn
    c.restart_rounds(s, at(3))
    assert who(s) == ("p0", "p1", 1)
    assert s.capture.turn_started_at == at(3)
    assert (len(s.ideas), len(s.capture.turns)) == (4, 4)


@pytest.mark.parametrize("rounds", [1, 20])
def test_rounds_from_1_to_20(rounds):
    s = make()
    c.set_rounds(s, rounds)
    assert s.capture.rounds == rounds


@pytest.mark.parametrize("rounds", [0, 21])
def test_rounds_out_of_range_are_refused(rounds):
    s = make(rounds=2)
    error = refusal(c.set_rounds, s, rounds)
    assert (error.key, error.values) == ("capture.err.rounds", {"max": 20})
    assert s.capture.rounds == 2


def test_the_question_is_one_clean_line():
    s = make()
    c.set_question(s, "  Quels  usages\nen 2030 ?\x1b[31m ")
    assert s.capture.question == "Quels usages en 2030 ?"


def test_a_draft_is_cleaned_and_cut_at_the_idea_limit():
    s = make()
    c.set_draft(s, "x" * (MAX_IDEA_CHARS + 20))
    assert s.capture.draft == "x" * MAX_IDEA_CHARS


# -- ideas ------------------------------------------------------------------------------


def test_an_idea_of_exactly_500_characters_is_accepted_501_refused():
    s = make()
    assert len(c.add_idea(s, "é" * MAX_IDEA_CHARS, at(1)).text) == MAX_IDEA_CHARS
    error = refusal(c.add_idea, s, "é" * (MAX_IDEA_CHARS + 1), at(2))
    assert (error.key, error.values) == ("capture.err.too_long", {"max": MAX_IDEA_CHARS})
    assert len(s.ideas) == 1


def test_an_empty_idea_is_refused():
    error = refusal(c.add_idea, make(), " \t\x07 ", at(1))
    assert error.key == "capture.err.empty"


def test_a_free_idea_with_an_unknown_author_is_refused():
    s = make()
    error = refusal(c.add_idea, s, "x", at(1), "ghost")
    assert (error.key, error.values) == ("capture.err.no_participant", {"who": "ghost"})
    assert s.ideas == []
    idea = c.add_idea(s, "x", at(1), "p1", 2)
    assert (idea.author_id, idea.round) == ("p1", 2)


def test_numbers_are_never_reused_after_a_deletion():
    s = make()
    c.add_idea(s, "a", at(1))
    c.add_idea(s, "b", at(2))
    c.delete_idea(s, 2)
    assert c.add_idea(s, "c", at(3)).number == 3


def test_a_reformulation_keeps_the_former_wording_unless_unchanged():
    s = make()
    c.add_idea(s, "avant", at(1))
    c.reformulate(s, 1, "  avant ", at(2))
    assert s.ideas[0].history == []
    c.reformulate(s, 1, "après", at(3))
    assert [(r.text, r.at) for r in s.ideas[0].history] == [("avant", at(3))]
    assert s.ideas[0].text == "après"
    error = refusal(c.reformulate, s, 9, "x", at(4))
    assert (error.key, error.values) == ("capture.err.no_idea", {"number": 9})


def test_a_description_up_to_500_characters_and_empty_clears_it():
    s = make()
    c.add_idea(s, "a", at(1))
    c.set_description(s, 1, "d" * MAX_IDEA_CHARS)
    assert len(s.ideas[0].description) == MAX_IDEA_CHARS
    error = refusal(c.set_description, s, 1, "d" * (MAX_IDEA_CHARS + 1))
    assert error.key == "capture.err.too_long"
    c.set_description(s, 1, "")
    assert s.ideas[0].description == ""


def test_the_author_is_a_participant_or_nobody():
    s = make()
    c.add_idea(s, "a", at(1), "p0")
    assert refusal(c.set_author, s, 1, "ghost").values == {"who": "ghost"}
    assert s.ideas[0].author_id == "p0"
    c.set_author(s, 1, None)
    assert s.ideas[0].author_id is None


def test_a_merged_item_is_not_deleted_and_a_deletion_is_undone():
    s = make()
    for text in "abc":
        c.add_idea(s, text, at(1))
    s.ideas[0].merged_from = [2]
    error = refusal(c.delete_idea, s, 1)
    assert (error.key, error.values) == ("capture.err.delete_merged", {"number": 1})
    c.delete_idea(s, 3)
    assert c.live_count(s) == 2
    c.restore_idea(s, 3)
    assert s.ideas[2].deleted is False


def test_a_duplicate_points_to_the_first_wording_and_never_loops():
    s = make()
    for text in "abcd":
        c.add_idea(s, text, at(1))
    c.mark_duplicate(s, 2, 1)
    c.mark_duplicate(s, 3, 2)  # a duplicate of a duplicate: of the first
    assert s.idea(3).duplicate_of == 1
    for number, of in ((1, 3), (4, 4)):
        error = refusal(c.mark_duplicate, s, number, of)
        assert (error.key, error.values) == (
            "capture.err.bad_duplicate",
            {"number": number, "of": of},
        )
    s.idea(4).deleted = True
    assert refusal(c.mark_duplicate, s, 1, 4).key == "capture.err.bad_duplicate"
    c.mark_duplicate(s, 3, None)
    assert s.idea(3).duplicate_of is None
    assert c.live_count(s) == 2  # 1 and 3; 2 a duplicate, 4 deleted


# -- counts ----------------------------------------------------------------------------


def test_counts_per_person_ideas_passes_and_time_of_their_turns():
    s = make(3)
    s.capture.turn_started_at = at(0)
    c.give_idea(s, "a", at(30))  # p0: 30 s
    c.pass_turn(s, at(50))  # p1: 20 s, a pass
    c.give_idea(s, "b", at(95))  # p2: 45 s
    c.give_idea(s, "c", at(100))  # p0: 5 s
    c.delete_idea(s, 2)  # p2's idea no longer counts
    c.add_idea(s, "free", at(101))
    s.capture.turns[1].started_at = at(60)  # a clock gone back: never negative
    rows = {r.participant.id: (r.ideas, r.passes, r.seconds) for r in c.stats(s)}
    assert rows == {"p0": (2, 0, 35.0), "p1": (0, 1, 0.0), "p2": (0, 0, 45.0)}


# -- after the count is closed ----------------------------------------------------------


def test_after_the_count_an_idea_is_late_or_refused_never_struck_silently():
    s = make()
    c.add_idea(s, "a", at(1))
    s.vote.counted = True
    assert refusal(c.add_idea, s, "b", at(2)).key == "capture.err.count_closed"
    idea = c.add_idea(s, "b", at(2), late=True)
    assert (idea.number, idea.late) == (2, True)
    s.vote.counted = False
    assert refusal(c.add_idea, s, "c", at(3), None, None, True).key == "capture.err.not_late"
    assert [i.number for i in s.ideas] == [1, 2]
    assert c.add_idea(s, "c", at(3)).late is False
