"""The timer package's ops (sessions/timer/agenda_ops.py, timer_ops.py), issue 18 package pass.

A phase added in the agenda editor keeps its notes' line breaks (the guide's
instructions are read line by line on F3), and every op is named ``area.verb``:
the name is the ``"op"`` key of the op's data (``to_data``/``from_data``).
"""

from __future__ import annotations

import re

import pytest

from sessions.core.ops import OPS, Op, apply, from_data
from sessions.timer import agenda_ops, timer_ops
from tests.conftest import build_session

OP_NAME = re.compile(r"[a-z]+\.[a-z_]+")


def test_a_phase_added_keeps_the_line_breaks_of_its_notes() -> None:
    s = build_session()
    op = agenda_ops.AddPhase("p-new", 1, "Tour de table", 10.0, notes="  Accueillir\r\nPuis lire  ")
    phase = apply(s, op).result
    assert phase.notes == "Accueillir\nPuis lire"
    assert s.agenda[1].notes.splitlines() == ["Accueillir", "Puis lire"]


@pytest.mark.parametrize("module", [agenda_ops, timer_ops])
def test_every_op_is_named_area_dot_verb_and_found_by_its_name(module: object) -> None:
    ops = [
        cls
        for cls in vars(module).values()
        if isinstance(cls, type) and issubclass(cls, Op) and cls.__module__ == module.__name__
    ]
    assert ops
    for cls in ops:
        assert OP_NAME.fullmatch(cls.name), cls.__name__
        assert OPS[cls.name] is cls
        assert cls.name.split(".")[0] in {"agenda", "timer"}


def test_an_op_comes_back_from_its_data() -> None:
    s = build_session()
    pid = s.agenda[1].id
    for op in (
        agenda_ops.SetMinutes(((pid, 12.0),)),
        agenda_ops.SetTurns(pid, (("Léa", 3.0),)),
    ):
        data = op.to_data()
        assert OP_NAME.fullmatch(data["op"])
        assert from_data(data) == op
