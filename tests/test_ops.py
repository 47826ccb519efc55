"""Ops as data and undo as small keyed steps (issue 13), on the domain alone.

Every op of the tour de table, the vote, the grid and the participants is
applied on a real session; its declared slots must hold the whole change
(compared with a diff of every slot), its undo must give back the session
byte for byte, its redo the state after, and it must be the same value when
written as data and read back.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sessions.capture import capture_ops as cap_ops
from sessions.capture import tour
from sessions.core import ops
from sessions.core.ops import OPS, UndoRefused, apply, apply_function, from_data, touched_parts
from sessions.core.undo import UndoHistory, apply_recorded, snapshot
from sessions.documents import import_ops
from sessions.documents.imports import BallotRow, IdeaLine
from sessions.enjeux import ops as enjeux_ops
from sessions.grid import grid_ops
from sessions.i18n import t
from sessions.maps import ops as map_ops
from sessions.maps.toml_import import parse_maps
from sessions.models import Participant, PhaseKind, Session
from sessions.people import roster_ops
from sessions.sheets import sheet_ops
from sessions.timer import agenda_ops, timer_ops
from sessions.timer.position import Stamp
from sessions.vote import dots_ops, vote_ops
from tests.conftest import build_session

T0 = dt.datetime(2026, 11, 22, 9, 0)


def state(session: Session) -> bytes:
    """The whole session but the draft (never rolled back) and the save counters."""
    return session.__pydantic_serializer__.to_json(
        session, exclude={"capture": {"draft"}, "revision": True, "updated_at": True}
    )


def base() -> Session:
    s = build_session()
    for n in range(6):
        tour.give_idea(s, f"idée {n + 1}", T0 + dt.timedelta(minutes=n))
    return s


def counted(s: Session) -> Session:
    for number, text in ((1, "3 2"), (2, "1"), (3, "4 4"), (4, "0"), (5, "2"), (6, "5")):
        vote_ops.EnterHands(number, text).run(s)
    vote_ops.CloseCount(True).run(s)
    return s


def first_pid(s: Session) -> str:
    return s.participants[0].id


IMPORTED_MAP = """
[[maps]]
kind = "ressources"
centre = "Gare"
[[maps.nodes]]
label = "Bus"
group = "humaines"
link = "plein"
"""


def _mapped() -> Session:
    s = base()
    map_ops.AddMap(kind="ressources", centre="Bus").run(s)
    map_ops.AddNode(1, label="Mairie", group="humaines", link="pointille").run(s)
    return s


# (how to build the session, the op) - every kind of change the screens make
CASES = [
    (base, lambda s: cap_ops.GiveIdea("une de plus", T0)),
    (base, lambda s: cap_ops.GiveIdea("libre", T0, free=True)),
    (lambda: counted(base()), lambda s: cap_ops.GiveIdea("tardive", T0, late=True)),
    (lambda: counted(base()), lambda s: cap_ops.GiveIdea("rouvre", T0, reopen=True)),
    (base, lambda s: cap_ops.PassTurn(T0)),
    (base, lambda s: cap_ops.SkipTo(s.participants[2].id, T0)),
    (base, lambda s: cap_ops.RestartRounds(T0)),
    (base, lambda s: cap_ops.SetRounds(5)),
    (base, lambda s: cap_ops.SetQuestion("Et demain ?")),
    (base, lambda s: cap_ops.Reformulate(2, text="idée deux", now=T0)),
    (base, lambda s: cap_ops.SetDescription(2, text="courte")),
    (base, lambda s: cap_ops.SetAuthor(2, author_id=None)),
    (base, lambda s: cap_ops.DeleteIdea(3)),
    (base, lambda s: cap_ops.MarkDuplicate(4, of=1)),
    (lambda: _deleted(), lambda s: cap_ops.RestoreIdea(3)),
    (base, lambda s: vote_ops.EnterHands(5, "3 2 1")),
    (base, lambda s: vote_ops.SetMethod("ballots")),
    (base, lambda s: vote_ops.SetBallot(first_pid(s), 2, 3)),
    (base, lambda s: vote_ops.ToggleReadingOrder()),
    (base, lambda s: vote_ops.SetEnvelope(2)),
    (base, lambda s: dots_ops.NextRule()),
    (base, lambda s: dots_ops.SetDots(2)),
    (lambda: counted(base()), lambda s: vote_ops.CloseCount(False)),
    (base, lambda s: vote_ops.SetBlind(True)),
    (lambda: counted(base()), lambda s: vote_ops.Reveal()),
    (lambda: counted(base()), lambda s: vote_ops.Merge((2, 5))),
    (lambda: _merged(), lambda s: vote_ops.Merge((1, 2))),
    (lambda: _merged(), lambda s: vote_ops.Unmerge(2)),
    (lambda: _merged(), lambda s: vote_ops.Unmerge(5)),
    (lambda: counted(base()), lambda s: grid_ops.RemoveItem(3)),
    (lambda: _off_grid(), lambda s: grid_ops.AddItem(3)),
    (lambda: _off_grid(), lambda s: grid_ops.ResetItems()),
    (lambda: counted(base()), lambda s: grid_ops.CycleLevel(3, which="future", step=-1)),
    (lambda: _placed(), lambda s: grid_ops.ClearPosition(3)),
    (lambda: counted(base()), lambda s: grid_ops.SetReason(1, reason="parce que")),
    (base, lambda s: roster_ops.AddPeople(people=(Participant(id="p-new", name="Zoé"),))),
    (base, lambda s: roster_ops.MovePerson(participant_id=first_pid(s), delta=2)),
    (base, lambda s: roster_ops.SetPresent(participant_id=s.participants[1].id, present=False)),
    (base, lambda s: roster_ops.SetGroup(participant_id=first_pid(s), group="B")),
    (base, lambda s: roster_ops.Rename(participant_id=first_pid(s), line="Ana (Mairie)")),
    (lambda: _newcomer(), lambda s: roster_ops.RemovePerson(participant_id="p-new")),
    (base, lambda s: sheet_ops.AddSheet(kind="solution", fields=(("nom", "Bus"),), items=(2,))),
    (base, lambda s: sheet_ops.AddFilledSheet(kind="action", fields=(("nom", "Bus"),))),
    (lambda: _sheets(), lambda s: sheet_ops.FillSheet(2, "T", (1, 3), (("objectifs", "Aller"),))),
    (lambda: _sheets(), lambda s: sheet_ops.MoveSheet(2, delta=-1)),
    (lambda: _sheets(), lambda s: sheet_ops.DeleteSheet(1)),
    (lambda: _sheets(), lambda s: sheet_ops.BecomeAction(1)),
    (base, lambda s: map_ops.AddMap(kind="offre", centre="Offre - CC", host="Alice")),
    (_mapped, lambda s: map_ops.EditMap(1, centre="Bus", host="Bob")),
    (_mapped, lambda s: map_ops.DeleteMap(1)),
    (_mapped, lambda s: map_ops.AddNode(1, label="Région", group="financieres", link="plein")),
    (_mapped, lambda s: map_ops.EditNode(1, label="Fablab", group="techniques", node=1)),
    (_mapped, lambda s: map_ops.DeleteNode(1, node=1)),
    (_mapped, lambda s: map_ops.ImportMaps(tuple(parse_maps(s, IMPORTED_MAP)))),
    (
        base,
        lambda s: import_ops.ImportIdeas(
            (IdeaLine(1, "Bus", first_pid(s)), IdeaLine(3, "Vélo", None)), T0
        ),
    ),
    (base, lambda s: vote_ops.SetRule("dots", 2, stacking=True)),
    (base, lambda s: vote_ops.SetRule("envelope", 4)),
    (base, lambda s: vote_ops.CloseCount(strict=True)),
    (lambda: counted(base()), lambda s: vote_ops.Reveal(strict=True)),
    (lambda: counted(base()), lambda s: vote_ops.Merge((2, 5), strict=True)),
    (base, lambda s: import_ops.ImportVotes((BallotRow(2, first_pid(s), {1: 2, 3: 1}),))),
]


def _sheets() -> Session:
    s = base()
    sheet_ops.AddSheet(kind="solution", fields=(("nom", "Bus"), ("couts", "20 k"))).run(s)
    sheet_ops.AddSheet(kind="action", fields=(("nom", "Tiers-lieu"),)).run(s)
    return s


def _merged() -> Session:
    s = counted(base())
    vote_ops.Merge((2, 5)).run(s)
    return s


def _deleted() -> Session:
    s = base()
    cap_ops.DeleteIdea(3).run(s)
    return s


def _newcomer() -> Session:
    s = base()
    roster_ops.AddPeople(people=(Participant(id="p-new", name="Zoé"),)).run(s)
    return s


def _off_grid() -> Session:
    s = counted(base())
    grid_ops.RemoveItem(3).run(s)
    return s


def _placed() -> Session:
    s = counted(base())
    grid_ops.CycleLevel(3).run(s)
    grid_ops.CycleLevel(3, which="future").run(s)
    return s


def _running() -> Session:
    """The agenda's timer started, on its second phase, a minute in."""
    s = base()
    timer_ops.TimerCommand("start", STAMP).run(s)
    timer_ops.TimerCommand("next", STAMP).run(s)
    return s


def _pid(s: Session, index: int) -> str:
    return s.agenda[index].id


STAMP = Stamp(T0, 100.0, "boot")
LATER = Stamp(T0 + dt.timedelta(minutes=1), 160.0, "boot")
# The agenda editor, the re-budget and the timer's keys (saved, not recorded: still exact).
CASES += [
    (base, lambda s: agenda_ops.AddPhase("ph-new", 1, "Pause", 10, PhaseKind.BREAK, None, "Café")),
    (_running, lambda s: agenda_ops.AddPhase("ph-new", 0, "Accueil", 5)),
    (base, lambda s: agenda_ops.EditPhase(_pid(s, 0), "Question", 12, PhaseKind.PLENARY, 2, "5+5")),
    (_running, lambda s: agenda_ops.RemovePhase(_pid(s, 0))),
    (_running, lambda s: agenda_ops.MovePhase(_pid(s, 1), 1)),
    (base, lambda s: agenda_ops.SetMinutes(((_pid(s, 2), 30.0), (_pid(s, 3), 20.0)))),
    (base, lambda s: agenda_ops.SetTurns(_pid(s, 0), (("Question", 5.0), ("Seul", 5.0)))),
    (base, lambda s: agenda_ops.SetRotation(_pid(s, 1), 20.0, "Changement de table")),
    (base, lambda s: timer_ops.TimerCommand("toggle", STAMP)),
    (_running, lambda s: timer_ops.TimerCommand("prev", LATER)),
    (_running, lambda s: timer_ops.Extend(5.0, LATER)),
    (_running, lambda s: timer_ops.GoTo(3, LATER)),
    (_running, lambda s: timer_ops.MarkRung((f"{_pid(s, 1)}:warning",))),
]


def _with_enjeux() -> Session:
    s = base()
    enjeux_ops.add_enjeux(s, ["Comment attirer ?", "Comment former ?"])
    return s


# The Enjeux section: typed and reworded, undone with ctrl+z.
CASES += [
    (base, lambda s: enjeux_ops.AddEnjeu("Comment relier les communes ?")),
    (_with_enjeux, lambda s: enjeux_ops.RewordEnjeu(2, "Comment former les aidants ?")),
]


@pytest.mark.parametrize("make, build", CASES, ids=lambda c: getattr(c, "__name__", ""))
def test_an_op_declares_its_whole_change_and_undoes_redoes_exactly(make, build) -> None:
    s = make()
    op = build(s)
    before = state(s)
    twin = s.model_copy(deep=True)
    full = apply_function(twin, op.run)  # every slot compared: the truth
    applied = apply(s, op)
    after = state(s)
    assert after != before, f"{op.name} changed nothing"
    assert state(twin) == after  # deterministic: the same session and op, the same result
    assert set(applied.step.changes) == set(full.step.changes), op.name
    assert touched_parts(applied.step) <= op.parts, op.name
    ops.undo(s, applied.step)
    assert state(s) == before
    ops.redo(s, applied.step)
    assert state(s) == after
    assert from_data(op.to_data()) == op  # data: written and read back, the same op


def test_every_op_has_a_case_and_a_translated_label() -> None:
    built = [build(make()) for make, build in CASES]
    assert {op.name for op in built} == set(OPS) - {"capture.set_draft"}  # never undone
    for lang in ("fr", "en"):
        for op in built:
            label = t(op.label_key, lang, **op.label_values())
            assert label and label != op.label_key, (lang, op.name)


def test_undo_of_an_idea_keeps_ideas_added_elsewhere_since() -> None:
    s = base()
    history = UndoHistory()
    apply_recorded(history, lambda: s, lambda f: f(s), cap_ops.GiveIdea("mienne", T0))
    tour.add_idea(s, "d'ailleurs 1", T0)  # the command line, meanwhile
    tour.add_idea(s, "d'ailleurs 2", T0)
    undo, label = history.undo_op()
    undo(s)
    assert label == "idée"
    assert [i.text for i in s.ideas[-2:]] == ["d'ailleurs 1", "d'ailleurs 2"]
    assert "mienne" not in [i.text for i in s.ideas]


def test_undo_refuses_when_the_idea_changed_since_and_changes_nothing() -> None:
    s = base()
    history = UndoHistory()
    apply_recorded(history, lambda: s, lambda f: f(s), cap_ops.Reformulate(2, "à moi", T0))
    tour.reformulate(s, 2, "de la ligne de commande", T0)
    before = snapshot(s).data
    undo, _ = history.undo_op()
    with pytest.raises(UndoRefused, match="l'idée n°2 a changé depuis"):
        undo(s)
    assert snapshot(s).data == before


def test_a_step_is_small_at_1000_ideas() -> None:
    s = build_session()
    for n in range(1000):
        tour.add_idea(s, f"idée numéro {n} avec quelques mots de plus", T0)
    applied = apply(s, cap_ops.GiveIdea("la mille et unième", T0))
    assert applied.step.size < 2_000  # bytes, against ~400 KB for a copy of the parts
    assert [key[0] for key, _, _ in applied.step.changes].count("idea") == 1


def test_a_bare_function_is_still_recorded_slot_by_slot() -> None:
    s = base()
    history = UndoHistory()
    apply_recorded(history, lambda: s, lambda f: f(s), lambda x: tour.delete_idea(x, 1), "x")
    assert [c[0] for c in history.undo_stack[0].changes] == [("idea", 1)]
    undo, label = history.undo_op()
    undo(s)
    assert label == "x" and not s.idea(1).deleted
