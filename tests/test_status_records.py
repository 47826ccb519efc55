"""The timer's views and the light session are named tuples, not dataclasses (issue 17).

``atelier status`` imports ``sessions.timer.position`` and ``status_light``; named
tuples spare it ``dataclasses`` (and ``inspect``, ``ast`` ...). They keep what
the dataclasses gave: the field names (their annotations repeat them, so that
pydantic and readers see the types), keywords and defaults, immutability and
equality by value.
"""

from __future__ import annotations

import datetime as dt
import re

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


MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})")


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-22T09:00:00Z",
        "2026-11-22T09:00:00.5Z",
        "2026-11-22T09:00:00.500000+01:00",
        "2026-11-22T09:00:00-05:30",
        "2026-11-22T09:00:00.5000000+01:00",  # 7 digits of a second
        "2026-11-22T09:00:00.+01:00",
        "2026-11-22T09:00:00.Z",
        "2026-11-22T09:00:00.1.2Z",
        "2026-11-22T09:00:00+0100",
        "2026-11-22T09:00:00",
        "2026-11-22 09:00:00Z",
        "2026-11-22T09:00Z",
        "2026-11-22T09:00:00ZZ",
        "x2026-11-22T09:00:00Z",
        "2026-1-22T09:00:00Z",
        "",
        "Z",
    ],
)
def test_a_moment_is_read_as_pydantic_writes_it(text: str) -> None:
    """The shape ``\\d`` patterns checked, without compiling one; ASCII digits only."""
    assert status_light._is_moment(text) == bool(MOMENT.fullmatch(text))
    assert status_light._is_day(text[:10]) == bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", text[:10]))


def test_digits_of_another_script_are_left_to_the_full_load() -> None:
    assert not status_light._is_moment("٢٠٢٦-11-22T09:00:00Z")  # Arabic-Indic digits
    assert not status_light._is_day("٢٠٢٦-11-22")
    assert status_light._session_id("abc-1_x") == "abc-1_x"
    for bad in ("", "-abc", "Abc", "a" * 65, "ab c", "é"):
        with pytest.raises(status_light.Doubtful):
            status_light._session_id(bad)
    assert status_light._session_id("a" * 64) == "a" * 64
