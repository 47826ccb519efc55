"""Step minutes asked at creation (sessions/agenda/asked_minutes.py), issue 18 package pass.

``atelier new --minutes 10,45,60`` gives each step of the template its minutes,
in order: commas, semicolons or spaces between them, exactly one per step, and
a count that does not match is refused naming both counts.
"""

from __future__ import annotations

import pytest

from sessions.agenda.asked_minutes import parse_step_minutes, set_step_minutes
from sessions.agenda.plan import PlanError, parse_minutes
from tests.conftest import build_session


@pytest.mark.parametrize("text", ["10,45,60", "10 45 60", "10; 45 ;60", " 10,,45  60 "])
def test_minutes_are_read_in_order_whatever_the_separator(text: str) -> None:
    assert parse_step_minutes(text, 3) == [parse_minutes(v) for v in ("10", "45", "60")]


def test_a_decimal_minute_is_read_like_any_typed_minute() -> None:
    assert parse_step_minutes("7.5 2", 2) == [parse_minutes("7.5"), parse_minutes("2")]


@pytest.mark.parametrize(("text", "count"), [("10,45", 3), ("10,45,60,5", 3), ("", 1)])
def test_a_count_that_does_not_match_the_steps_is_refused(text: str, count: int) -> None:
    given = len([v for v in text.replace(",", " ").split() if v])
    with pytest.raises(PlanError) as caught:
        parse_step_minutes(text, count)
    assert caught.value.key == "new.minutes.err_count"
    assert caught.value.values == {"count": count, "given": given}
    assert str(count) in caught.value.message("fr")


def test_each_phase_gets_its_minutes_in_order() -> None:
    s = build_session()
    wanted = [float(5 * (i + 1)) for i in range(len(s.agenda))]
    set_step_minutes(s, wanted)
    assert [p.minutes for p in s.agenda] == wanted


def test_minutes_for_another_number_of_phases_change_nothing() -> None:
    s = build_session()
    before = [p.minutes for p in s.agenda]
    with pytest.raises(PlanError) as caught:
        set_step_minutes(s, [1.0] * (len(s.agenda) + 1))
    assert caught.value.key == "new.minutes.err_count"
    assert caught.value.values == {"count": len(s.agenda), "given": len(s.agenda) + 1}
    assert [p.minutes for p in s.agenda] == before
