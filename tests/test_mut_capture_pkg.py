"""The capture package's ops (sessions/capture/capture_ops.py), issue 18 package pass.

The keys of the F4 tour as ops: an idea given on a turn or free (the draft
cleared), a turn passed or given to someone, the rounds restarted or changed,
the question and the draft, and the changes to one idea - each changing what
it says, recording every slot it changed for ctrl+z, named and labelled like
every op (tests/op_rules.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from sessions.capture import capture_ops as cap
from sessions.capture import tour
from sessions.core.ops import apply, undo
from sessions.i18n import t
from tests.conftest import build_session
from tests.op_rules import apply_recorded, check_labels, check_names

T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def test_capture_ops_are_named_and_labelled_like_every_op() -> None:
    check_names(cap, {"capture"})
    check_labels(cap, unlabelled=frozenset({"SetDraft"}))  # saved, never undone
    assert list(cap.SetDraft("x").keys(build_session())) == []


def test_an_idea_given_on_a_turn_is_the_current_persons_and_not_late() -> None:
    s = build_session()
    who = tour.current(s)
    step = apply_recorded(s, cap.GiveIdea("Un bus le samedi", T0))
    idea = s.ideas[-1]
    assert (idea.text, idea.author_id, idea.late) == ("Un bus le samedi", who.id, False)
    assert len(s.capture.turns) == 1
    assert step.label() == t("capture.undo.idea")


def test_a_free_idea_records_no_turn_and_clears_the_draft() -> None:
    s = build_session()
    apply(s, cap.SetDraft("Un café"))
    assert s.capture.draft == "Un café"
    apply_recorded(s, cap.GiveIdea("Un café", T0, free=True))
    assert s.ideas[-1].text == "Un café" and not s.ideas[-1].late
    assert s.capture.turns == [] and s.capture.draft == ""


def test_turns_passed_skipped_and_restarted_are_recorded() -> None:
    s = build_session()
    people = tour.present(s)
    first = tour.current(s)
    step = apply_recorded(s, cap.PassTurn(T0))
    assert tour.current(s) != first
    assert step.label() == t("capture.undo.pass")
    step = apply_recorded(s, cap.SkipTo(people[-1].id, T0))
    assert tour.current(s) == people[-1]
    assert step.label() == t("capture.undo.pass")
    apply_recorded(s, cap.RestartRounds(T0))
    assert (s.capture.current_round, tour.current(s)) == (1, people[0])
    applied = apply(s, cap.SkipTo(people[-1].id, T0))
    undo(s, applied.step)
    assert tour.current(s) == people[0]


def test_rounds_and_question_are_recorded_and_undone() -> None:
    s = build_session()
    rounds = s.capture.rounds
    step = apply_recorded(s, cap.SetRounds(rounds + 1))
    assert s.capture.rounds == rounds + 1 and step.label() == t("capture.undo.rounds")
    undo(s, step)
    assert s.capture.rounds == rounds
    step = apply_recorded(s, cap.SetQuestion("Quels services ?"))
    assert s.capture.question == "Quels services ?" and step.label() == t("capture.undo.question")


def test_changes_to_one_idea_are_recorded_and_name_it() -> None:
    s = build_session()
    apply(s, cap.GiveIdea("Un bus", T0))
    apply(s, cap.GiveIdea("Un car", T0))
    first, second = (i.number for i in s.ideas[-2:])
    someone = s.participants[-1].id
    for op, key in (
        (cap.Reformulate(first, text="Un bus le samedi", now=T0), "capture.undo.edit"),
        (cap.SetDescription(first, text="Ligne 3"), "describe.undo"),
        (cap.SetAuthor(first, author_id=someone), "capture.undo.edit"),
        (cap.MarkDuplicate(second, of=first), "capture.undo.duplicate"),
        (cap.DeleteIdea(second), "capture.undo.delete"),
        (cap.RestoreIdea(second), "capture.undo.restore"),
    ):
        step = apply_recorded(s, op)
        assert step.label() == t(key, number=op.number), op
    idea = next(i for i in s.ideas if i.number == first)
    assert (idea.text, idea.description, idea.author_id) == ("Un bus le samedi", "Ligne 3", someone)


def test_a_duplicate_into_a_damaged_chain_is_refused_not_followed_forever() -> None:
    # a file edited by hand may hold a loop of duplicates (2 -> 3 -> 2); marking 1 as a
    # duplicate of 2 must be refused, not walk the loop for ever
    s = build_session()
    for text in ("Un bus", "Un car", "Une navette"):
        tour.add_idea(s, text, T0)
    one, two, three = (i.number for i in s.ideas[-3:])
    tour.mark_duplicate(s, two, three)
    next(i for i in s.ideas if i.number == three).duplicate_of = two  # the damaged file
    with pytest.raises(tour.CaptureError) as caught:
        tour.mark_duplicate(s, one, two)
    assert caught.value.key == "capture.err.bad_duplicate"
    assert next(i for i in s.ideas if i.number == one).duplicate_of is None
