"""The tour de table domain: turn order, stable numbers, passes, edits, undo."""

from __future__ import annotations

import datetime as dt

import pytest

from sessions.capture import tour as cap
from sessions.core.undo import UndoHistory, apply_recorded, snapshot
from sessions.models import Participant, Session

T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def make(n: int = 3) -> Session:
    s = Session(title="t", date=dt.date(2026, 11, 22))
    s.participants = [Participant(name=f"P{i}") for i in range(n)]
    return s


def test_round_robin_over_present_people_and_rounds() -> None:
    s = make(3)
    s.participants[1].present = False
    names = []
    for i in range(4):
        person = cap.current(s)
        assert person is not None
        names.append(person.name)
        cap.give_idea(s, f"idea {i}", T0)
    assert names == ["P0", "P2", "P0", "P2"]
    assert s.capture.current_round == 3
    assert cap.upcoming(s).name == "P2"
    cap.pass_turn(s, T0)
    assert cap.upcoming(s) is None  # last turn of the last round
    cap.pass_turn(s, T0)
    assert cap.finished(s) and cap.current(s) is None
    # after the rounds, typing is a free entry
    idea = cap.give_idea(s, "late", T0)
    assert idea.author_id is None and idea.number == 5


def test_numbers_never_reused_nor_shifted() -> None:
    s = make(2)
    for text in ("a", "b", "c"):
        cap.give_idea(s, text, T0)
    cap.delete_idea(s, 3)
    idea = cap.add_idea(s, "d", T0)
    assert idea.number == 4
    cap.delete_idea(s, 1)
    assert [i.number for i in s.ideas] == [1, 2, 3, 4]
    assert cap.live_count(s) == 2


def test_reformulate_keeps_history_and_cleans_text() -> None:
    s = make(1)
    cap.give_idea(s, "  [red]Fibre\x1b[31m  partout ", T0)
    assert s.ideas[0].text == "[red]Fibre partout"
    later = T0 + dt.timedelta(minutes=3)
    cap.reformulate(s, 1, "Fibre pour tous", later)
    assert s.ideas[0].text == "Fibre pour tous"
    assert [(r.text, r.at) for r in s.ideas[0].history] == [("[red]Fibre partout", later)]


def test_refusals_change_nothing() -> None:
    s = make(2)
    before = snapshot(s).data
    with pytest.raises(cap.CaptureError):
        cap.give_idea(s, "   ", T0)
    with pytest.raises(cap.CaptureError):
        cap.give_idea(s, "x" * 501, T0)
    with pytest.raises(cap.CaptureError):
        cap.reformulate(s, 9, "x", T0)
    assert snapshot(s).data == before


def test_duplicates() -> None:
    s = make(1)
    for text in ("a", "b", "c"):
        cap.add_idea(s, text, T0)
    cap.mark_duplicate(s, 3, 1)
    assert s.idea(3).duplicate_of == 1
    with pytest.raises(cap.CaptureError):
        cap.mark_duplicate(s, 1, 3)  # would be a cycle
    with pytest.raises(cap.CaptureError):
        cap.mark_duplicate(s, 2, 2)
    cap.mark_duplicate(s, 3, None)
    assert s.idea(3).duplicate_of is None


def test_stats_count_ideas_passes_and_turn_time() -> None:
    s = make(2)
    now = T0
    s.capture.turn_started_at = now
    now += dt.timedelta(seconds=40)
    cap.give_idea(s, "a", now)
    now += dt.timedelta(seconds=20)
    cap.pass_turn(s, now)
    stats = {row.participant.name: row for row in cap.stats(s)}
    assert (stats["P0"].ideas, stats["P0"].passes, stats["P0"].seconds) == (1, 0, 40)
    assert (stats["P1"].ideas, stats["P1"].passes, stats["P1"].seconds) == (0, 1, 20)


def test_undo_redo_history() -> None:
    s = make(2)
    history = UndoHistory()

    def apply(op):  # type: ignore[no-untyped-def]
        return op(s)

    apply_recorded(history, lambda: s, apply, lambda x: cap.give_idea(x, "a", T0), "idea")
    apply_recorded(history, lambda: s, apply, lambda x: cap.pass_turn(x, T0), "pass")
    s.capture.draft = "typing"
    op, label = history.undo_op(s)
    op(s)
    assert label == "pass" and len(s.capture.turns) == 1 and s.capture.draft == "typing"
    op, _ = history.undo_op(s)
    op(s)
    assert s.ideas == [] and cap.current(s).name == "P0"
    op, _ = history.redo_op(s)
    op(s)
    assert [i.text for i in s.ideas] == ["a"] and cap.current(s).name == "P1"
    assert history.can_redo
    # a refused op is not recorded
    with pytest.raises(cap.CaptureError):
        apply_recorded(history, lambda: s, apply, lambda x: cap.give_idea(x, "", T0))
    assert len(history.undo_stack) == 1
