"""The timer package's ops (sessions/timer/agenda_ops.py, timer_ops.py), issue 18 package pass.

A phase added in the agenda editor keeps its notes' line breaks (the guide's
instructions are read line by line on F3); every op is named ``area.verb``,
labelled from the catalog and records every slot it changes (tests/op_rules.py).
"""

from __future__ import annotations

import pytest

from sessions.core.clock import FakeClock
from sessions.core.ops import apply
from sessions.timer import agenda_ops, status_light, timer_ops
from sessions.timer.position import Stamp
from tests.conftest import build_session
from tests.op_rules import apply_recorded, check_labels, check_names


def test_a_phase_added_keeps_the_line_breaks_of_its_notes() -> None:
    s = build_session()
    op = agenda_ops.AddPhase("p-new", 1, "Tour de table", 10.0, notes="  Accueillir\r\nPuis lire  ")
    phase = apply(s, op).result
    assert phase.notes == "Accueillir\nPuis lire"
    assert s.agenda[1].notes.splitlines() == ["Accueillir", "Puis lire"]


@pytest.mark.parametrize("module", [agenda_ops, timer_ops])
def test_every_op_is_named_area_dot_verb_and_labelled_from_the_catalog(module: object) -> None:
    check_names(module, {"agenda", "timer"})
    check_labels(module)


def test_agenda_ops_record_every_slot_they_change() -> None:
    s = build_session()
    pid = s.agenda[1].id
    apply_recorded(s, agenda_ops.SetMinutes(((pid, 12.0),)))
    apply_recorded(s, agenda_ops.SetTurns(pid, (("Léa", 3.0),)))
    assert s.agenda[1].minutes == 12.0 and [t.label for t in s.agenda[1].turns] == ["Léa"]


def test_a_timer_key_records_every_slot_it_changes() -> None:
    s = build_session()
    stamp = Stamp.of(FakeClock())
    apply_recorded(s, timer_ops.TimerCommand("start", stamp))
    apply_recorded(s, timer_ops.Extend(2.0, stamp))
    apply_recorded(s, timer_ops.GoTo(1, stamp))
    apply_recorded(s, timer_ops.MarkRung((f"{s.agenda[1].id}:warning",)))
    assert s.timer.index == 1 and s.timer.warned


def test_a_doubtful_turns_from_leaves_the_status_to_the_full_load() -> None:
    # `atelier status` reads the file lightly; a value it cannot vouch for means "load it fully"
    doc = {
        "id": "abc-1",
        "title": "Atelier",
        "date": "2026-11-22",
        "agenda": [{"id": "p1", "title": "Partage", "minutes": 15}],
    }
    phase = doc["agenda"][0]
    for turns_from, readable in (
        ({"kind": "solution"}, True),
        ({"kind": "solution", "minutes": 3, "edited": True}, True),
        ({"kind": 3}, False),
        ({"minutes": 3}, False),
        ({"kind": "solution", "edited": "yes"}, False),
    ):
        phase["turns_from"] = turns_from
        assert (status_light.light_session(doc) is not None) is readable, turns_from
