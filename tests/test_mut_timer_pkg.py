"""The timer package's ops (sessions/timer/agenda_ops.py, timer_ops.py), issue 18 package pass.

A phase added in the agenda editor keeps its notes' line breaks (the guide's
instructions are read line by line on F3), and every op is named ``area.verb``:
the name is the ``"op"`` key of the op's data (``to_data``/``from_data``).
"""

from __future__ import annotations

import re

import pytest

from sessions.core import keyed
from sessions.core.clock import FakeClock
from sessions.core.ops import OPS, Op, apply, from_data
from sessions.i18n import t
from sessions.models import Session
from sessions.timer import agenda_ops, timer_ops
from sessions.timer.position import Stamp
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


def _ops_of(module: object) -> list[type[Op]]:
    return [
        cls
        for cls in vars(module).values()
        if isinstance(cls, type) and issubclass(cls, Op) and cls.__module__ == module.__name__
    ]


@pytest.mark.parametrize("module", [agenda_ops, timer_ops])
def test_every_op_with_a_fixed_label_names_it_from_the_catalog(module: object) -> None:
    for cls in _ops_of(module):
        key = vars(cls).get("label_key")
        if isinstance(key, property):
            continue  # named by its command (TimerCommand)
        assert isinstance(key, str) and key, cls.__name__
        for lang in ("fr", "en"):
            assert t(key, lang) not in ("", key), (cls.__name__, lang)


def _changed(before: Session, after: Session) -> set[tuple[object, ...]]:
    keys = set(keyed.all_keys(before)) | set(keyed.all_keys(after))
    return {key for key in keys if keyed.read(before, key) != keyed.read(after, key)}


def test_a_timer_key_records_every_slot_it_changes() -> None:
    s = build_session()
    stamp = Stamp.of(FakeClock())
    for op in (
        timer_ops.TimerCommand("start", stamp),
        timer_ops.Extend(2.0, stamp),
        timer_ops.GoTo(1, stamp),
        timer_ops.MarkRung((f"{s.agenda[1].id}:warning",)),
    ):
        before = s.model_copy(deep=True)
        step = apply(s, op).step
        changed = _changed(before, s)
        assert changed, op
        assert changed <= {key for key, _, _ in step.changes}, op
    assert s.timer.warned
