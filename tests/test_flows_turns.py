"""Turns drawn from the sheets: as many 3-minute turns as there are groups, not a fixed 4.

Divergence-convergence's "Partage des solutions" has one turn per solution sheet
and the atelier thématique's oral restitution one per sub-theme (its rapporteur),
derived when the phase is entered; the template's turns stay while there is no
sheet, and turns edited by hand are never replaced.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sessions.agenda import turns_from
from sessions.agenda.catalog import find_template
from sessions.agenda.toml_file import export_agenda, parse_agenda
from sessions.core.clock import FakeClock
from sessions.core.factory import session_from_template
from sessions.models import Session, Turn
from sessions.sheets import ops
from sessions.sheets.advice import warnings
from sessions.timer import ops as timer
from sessions.timer.position import Stamp
from tests.conftest import build_session
from tests.sheets_samples import plain

NNBSP = "\u202f"


def _phase_index(session: Session, kind: str) -> int:
    return next(
        i for i, p in enumerate(session.agenda) if p.turns_from and p.turns_from.kind == kind
    )


def _solutions(session: Session, *names: str) -> None:
    for name in names:
        ops.add(session, "solution", fields={"nom": name})


def _enter(session: Session, index: int, clock: FakeClock) -> None:
    timer.start(session, Stamp.of(clock))
    timer.goto(session, index, Stamp.of(clock))


def test_the_templates_say_where_turns_come_from() -> None:
    dc = find_template("divergence-convergence")
    sharing = next(p for p in dc.phases if p.title == "Partage des solutions")
    assert (sharing.turns_from, sharing.turn_minutes, len(sharing.turns)) == ("solution", 3, 4)
    assert dc.parts.sheets == ["solution", "action", "conclusion"]
    at = find_template("atelier-thematique")
    oral = next(p for p in at.phases if p.title == "Restitution orale et débat")
    assert (oral.turns_from, oral.turn_minutes) == ("sous_theme", 5)
    assert at.parts.sheets == ["sous_theme", "synthese"]


@pytest.mark.parametrize("groups", [1, 3, 5, 7])
def test_one_three_minute_turn_per_solution_when_the_phase_starts(groups: int) -> None:
    s = build_session("divergence-convergence")
    names = [f"Solution {chr(65 + n)}" for n in range(groups)]
    _solutions(s, *names)
    index = _phase_index(s, "solution")
    assert len(s.agenda[index].turns) == 4  # the template's, until the phase starts
    assert len(turns_from.turns_of(s, s.agenda[index])) == groups  # shown planned before
    clock = FakeClock()
    _enter(s, index, clock)
    turns = s.agenda[index].turns
    assert [t.minutes for t in turns] == [3] * groups
    assert [t.label for t in turns] == [
        f"Groupe {n}{NNBSP}: {name}" for n, name in enumerate(names, 1)
    ]
    # the timer counts them: the last "next turn" ends them all
    for _ in range(groups):
        timer.next_turn(s, Stamp.of(clock))
    assert s.timer.turn_index == groups
    with pytest.raises(timer.TimerError):
        timer.next_turn(s, Stamp.of(clock))


def test_no_solution_keeps_the_templates_turns_and_deleted_ones_do_not_count() -> None:
    s = build_session("divergence-convergence")
    index = _phase_index(s, "solution")
    before = list(s.agenda[index].turns)
    _enter(s, index, FakeClock())
    assert s.agenda[index].turns == before
    s2 = build_session("divergence-convergence")
    _solutions(s2, "Bus", "Café", "Kiosque")
    ops.delete(s2, 2)
    _enter(s2, index, FakeClock())
    assert [t.label for t in s2.agenda[index].turns] == [
        f"Groupe 1{NNBSP}: Bus",
        f"Groupe 2{NNBSP}: Kiosque",
    ]


def test_turns_edited_by_hand_are_kept() -> None:
    s = build_session("divergence-convergence")
    _solutions(s, "Bus", "Café")
    index = _phase_index(s, "solution")
    phase = s.agenda[index]
    phase.turns = [Turn(label="Tous ensemble", minutes=10)]
    turns_from.mark_edited(phase)
    assert turns_from.planned_turns(s, phase) is None
    _enter(s, index, FakeClock())
    assert [t.label for t in phase.turns] == ["Tous ensemble"]
    assert "modifiés à la main" in turns_from.turns_summary(s, phase, "fr")


def test_an_english_session_labels_its_turns_in_english() -> None:
    s = session_from_template(
        find_template("divergence-convergence"), "G", dt.date(2026, 11, 22), language="en"
    )
    _solutions(s, "Bus")
    index = _phase_index(s, "solution")
    _enter(s, index, FakeClock())
    assert [t.label for t in s.agenda[index].turns] == ["Group 1: Bus"]


def test_the_oral_restitution_has_one_turn_per_rapporteur() -> None:
    s = build_session("atelier-thematique")
    for name, who in (("Publics", "Léa"), ("Médiation", ""), ("Financements", "Omar")):
        ops.add(s, "sous_theme", fields={"nom": name, "rapporteur": who})
    index = _phase_index(s, "sous_theme")
    _enter(s, index, FakeClock())
    assert [plain(t.label) for t in s.agenda[index].turns] == [
        "Groupe 1 : Publics (Rapporteur : Léa)",
        "Groupe 2 : Médiation",
        "Groupe 3 : Financements (Rapporteur : Omar)",
    ]
    assert {t.minutes for t in s.agenda[index].turns} == {5}


def test_more_turns_than_minutes_warns_and_keeps_the_planned_minutes() -> None:
    s = build_session("divergence-convergence")
    index = _phase_index(s, "solution")
    phase = s.agenda[index]
    _solutions(s, *"ABCDE")
    assert turns_from.over_minutes(s, phase) is None  # 5 x 3 = 15: just fits
    assert "Attention" not in turns_from.turns_summary(s, phase, "fr")
    _solutions(s, "F")
    assert turns_from.over_minutes(s, phase) == (6, 18, 15)
    summary = plain(turns_from.turns_summary(s, phase, "fr"))
    assert summary.startswith("Partage des solutions : 6 tours de 3 min (18 min sur 15 prévues).")
    assert "Attention : les tours demandent 18 min, la phase en prévoit 15." in summary
    shown = [plain(w) for w in warnings(s, ops.find(s, 6), "en")]
    assert shown == ["Partage des solutions: 6 turns need 18 min, the phase plans 15."]
    _enter(s, index, FakeClock())
    assert phase.minutes == 15 and len(phase.turns) == 6


def test_turns_from_survives_the_file_and_the_agenda_export(store) -> None:
    s = build_session("divergence-convergence")
    store.create(s)
    back = store.load(s.id)
    phase = back.agenda[_phase_index(back, "solution")]
    assert phase.turns_from is not None and phase.turns_from.minutes == 3
    text = export_agenda(back)
    assert 'turns_from = "solution"' in text and "turn_minutes = 3" in text
    again = parse_agenda(text, "x.toml").build_agenda()
    assert [p.turns_from.kind for p in again if p.turns_from] == ["solution"]
    turns_from.mark_edited(phase)
    assert "turns_from" not in export_agenda(back)  # hand-edited turns are written as they are
