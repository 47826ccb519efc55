"""Planning: the guides' warnings, the re-budget proposal, phase editing, TOML round trip."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sessions.agenda import plan
from sessions.agenda.catalog import builtin_templates, find_template
from sessions.agenda.toml_file import AgendaFileError, export_agenda, parse_agenda
from sessions.core.clock import FakeClock
from sessions.core.factory import session_from_template
from sessions.i18n import set_language
from sessions.models import Phase, PhaseKind, Session
from sessions.timer import ops
from sessions.timer.position import Stamp, view


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("fr")


def make(template: str) -> Session:
    return session_from_template(find_template(template), title="T", on=date(2026, 11, 22))


def codes(session: Session) -> list[str]:
    return [w.code for w in plan.planning_warnings(session)]


def test_planning_warnings() -> None:
    assert codes(make("divergence-convergence")) == ["no_margin"]  # 120 in a 120 slot
    assert codes(make("atelier-thematique")) == []  # 110 in 120
    assert codes(make("enjeux-solutions")) == ["too_long"]  # 165 min of work
    s = make("atelier-thematique")
    s.agenda[1].minutes = 70
    assert codes(s) == ["over_slot", "too_long"]
    s.agenda.append(Phase(title="Pause", minutes=15, kind=PhaseKind.BREAK))
    over, long = plan.planning_warnings(s)
    assert "(140 min)" in over.message and "by 20 min" in over.message
    assert "125 min" in long.message  # a break is not collective work


def test_rebudget_absorbs_the_drift_in_proportion() -> None:
    s = make("divergence-convergence")
    clock = FakeClock()
    ops.start(s, Stamp.of(clock))
    clock.advance(5 * 60)
    ops.next_phase(s, Stamp.of(clock))
    clock.advance(20 * 60)  # Présentation (10) runs 10 min over
    proposal = plan.propose_rebudget(s, Stamp.of(clock))
    assert proposal is not None
    assert proposal.late_s == pytest.approx(600)
    assert sum(c.minutes - c.proposed for c in proposal.cuts) == 10
    assert all(c.index > 1 for c in proposal.cuts)
    assert all(c.proposed >= c.minutes / 2 for c in proposal.cuts)
    assert all(float(c.proposed).is_integer() for c in proposal.cuts)
    # The longest phases give the most.
    by_index = {c.index: c.minutes - c.proposed for c in proposal.cuts}
    assert by_index[4] >= by_index.get(2, 0)
    plan.apply_minutes(s, {c.index: c.proposed for c in proposal.cuts})
    assert view(s, Stamp.of(clock)).drift_s == pytest.approx(0)


def test_no_rebudget_when_on_time_or_not_started() -> None:
    s = make("divergence-convergence")
    clock = FakeClock()
    assert plan.propose_rebudget(s, Stamp.of(clock)) is None
    ops.start(s, Stamp.of(clock))
    clock.advance(60)
    assert plan.propose_rebudget(s, Stamp.of(clock)) is None


@settings(max_examples=100, deadline=None)
@given(
    minutes=st.lists(st.integers(0, 90), min_size=2, max_size=8),
    late=st.integers(1, 300),
)
def test_rebudget_never_cuts_below_the_floor(minutes, late) -> None:
    s = Session(
        title="S",
        date=date(2026, 11, 22),
        agenda=[Phase(title=f"P{i}", minutes=m) for i, m in enumerate([5, *minutes])],
    )
    clock = FakeClock()
    ops.start(s, Stamp.of(clock))
    clock.advance(5 * 60 + late * 60)
    proposal = plan.propose_rebudget(s, Stamp.of(clock))
    assert proposal is not None
    saved = sum(c.minutes - c.proposed for c in proposal.cuts)
    assert saved <= late
    for cut in proposal.cuts:
        assert cut.proposed >= min(cut.minutes, max(1, cut.minutes / 2))
        assert cut.proposed < cut.minutes
    room = sum(m - min(m, max(1, -(-m // 2))) for m in minutes)
    assert saved == min(late, room)


def test_editing_keeps_the_timer_on_its_phase() -> None:
    s = make("divergence-convergence")
    clock = FakeClock()
    ops.start(s, Stamp.of(clock))
    ops.goto(s, 3, Stamp.of(clock))
    current = s.agenda[3].id
    plan.add_phase(s, 0, "Accueil café", 10)
    assert s.agenda[s.timer.index].id == current
    plan.move_phase(s, s.timer.index, -1)
    assert s.agenda[s.timer.index].id == current
    plan.remove_phase(s, 0)
    assert s.agenda[s.timer.index].id == current
    with pytest.raises(ValueError):
        plan.remove_phase(s, s.timer.index)
    with pytest.raises(ValueError):
        plan.update_phase(s, 0, "  ", 5, PhaseKind.PLENARY)
    with pytest.raises(ValueError):
        plan.add_phase(s, 0, "x", -3)
    assert plan.parse_minutes("7,5") == 7.5
    with pytest.raises(ValueError):
        plan.parse_minutes("dix")


@pytest.mark.parametrize("template", [t.name for t in builtin_templates()])
def test_toml_round_trip(template: str) -> None:
    s = make(template)
    s.agenda[0].title = 'Titre "entre guillemets"\\ et accents é'
    s.agenda[0].warn_minutes = 3
    back = parse_agenda(export_agenda(s), "x.toml")
    assert back.slot_minutes == s.slot_minutes
    rebuilt = back.build_agenda()
    fields = ("title", "kind", "minutes", "notes", "warn_minutes", "turns", "rotation")
    assert [[getattr(p, f) for f in fields] for p in rebuilt] == [
        [getattr(p, f) for f in fields] for p in s.agenda
    ]


def test_toml_errors_name_the_line() -> None:
    with pytest.raises(AgendaFileError, match=r"^f\.toml:3: "):
        parse_agenda('[[phases]]\ntitle = "A"\nminutes = = 5\n', "f.toml")
    with pytest.raises(AgendaFileError, match=r"^f\.toml:4: phase 2, minutes"):
        parse_agenda('[[phases]]\ntitle = "A"\nminutes = 5\n[[phases]]\ntitle = "B"\n', "f.toml")
