"""Step minutes asked at creation, turns drawn from sheets (sessions/agenda), issue 18.

``atelier new --minutes 10,45,60`` gives each step of the template its minutes,
in order: commas, semicolons or spaces between them, exactly one per step, and
a count that does not match is refused naming both counts.
"""

from __future__ import annotations

import pytest

from sessions.agenda import turns_from
from sessions.agenda.asked_minutes import parse_step_minutes, set_step_minutes
from sessions.agenda.plan import PlanError, parse_minutes
from sessions.i18n import t
from sessions.sheets import ops as sheet_ops
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


# -- turns drawn from the sheets (sessions/agenda/turns_from.py) ------------------------


def test_only_the_phases_drawing_on_a_kind_are_found_for_it() -> None:
    s = build_session("divergence-convergence")
    found = turns_from.phases_from(s, "solution")
    assert found == [p for p in s.agenda if p.turns_from and p.turns_from.kind == "solution"]
    assert len(found) == 1 and found[0].title == "Partage des solutions"
    assert turns_from.phases_from(s, "conclusion") == []
    assert turns_from.source_sheets(s, s.agenda[0]) == []  # a phase with no turns_from


def test_before_any_sheet_the_summary_says_the_templates_turns_are_shown() -> None:
    s = build_session("divergence-convergence")
    phase = turns_from.phases_from(s, "solution")[0]
    for lang in ("fr", "en"):
        assert turns_from.turns_summary(s, phase, lang).endswith(t("turns.template", lang))
    sheet_ops.add(s, "solution", fields={"nom": "Bus"})
    assert t("turns.template", "fr") not in turns_from.turns_summary(s, phase, "fr")
    assert turns_from.turns_of(s, phase)[0].label.startswith(t("turns.group", "fr", n=1, title=""))
