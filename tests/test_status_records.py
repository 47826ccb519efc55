"""The timer's views and the light session are named tuples, not dataclasses (issue 17).

``atelier status`` imports ``sessions.timer.position`` and ``status_light``; named
tuples spare it ``dataclasses`` (and ``inspect``, ``ast`` ...). They keep what
the dataclasses gave: the field names (their annotations repeat them, so that
pydantic and readers see the types), keywords and defaults, immutability and
equality by value.
"""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import TypeAdapter

from sessions.timer import position, status_light

RECORDS = [
    position.Stamp,
    position.TurnView,
    position.RotationView,
    position.PhaseView,
    position.TimerView,
    position.Bell,
    status_light.LightTurn,
    status_light.LightRotation,
    status_light.LightPhase,
    status_light.LightTimer,
    status_light.LightSession,
]
T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize("record", RECORDS, ids=lambda record: record.__name__)
def test_the_annotations_name_the_fields_in_order(record: type) -> None:
    assert record._fields == tuple(record.__annotations__)
    assert record.__slots__ == ()  # no __dict__: as light as the tuple


def test_defaults_keywords_equality_and_immutability() -> None:
    stamp = position.Stamp(T0)
    assert (stamp.wall, stamp.mono, stamp.boot) == (T0, None, None)
    assert stamp == position.Stamp(wall=T0, mono=None, boot=None)
    assert stamp != position.Stamp(T0, 1.0)
    turn = position.TurnView(0, 2, "Ana", 30.0, 0.0)
    assert turn.open is False and turn.index == 0 and turn.count == 2
    assert position.TurnView(0, 2, "Ana", 0.0, 0.0, open=True).open is True
    with pytest.raises(AttributeError):
        stamp.mono = 2.0  # type: ignore[misc]
    with pytest.raises(TypeError):
        position.Bell("end")  # a field without default is required
    assert repr(position.Bell("end", "p1:end")) == "Bell(kind='end', key='p1:end')"


def test_a_stamp_validates_its_types_through_pydantic() -> None:
    """Ops carry a Stamp: pydantic reads the annotations (a text moment becomes a datetime)."""
    adapter = TypeAdapter(position.Stamp)
    stamp = position.Stamp(T0, 12.5, "boot")
    assert adapter.validate_python(adapter.dump_python(stamp, mode="json")) == stamp
    read = adapter.validate_python({"wall": "2026-11-22T09:00:00Z", "mono": 1, "boot": None})
    assert read == position.Stamp(T0, 1.0, None) and isinstance(read.wall, dt.datetime)
