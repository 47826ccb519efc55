"""``atelier watch`` on the projector: the speaker turn in progress, and no idea list where
the format gathers none (an atelier thématique)."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from sessions.sheets import ops as sheet_ops
from sessions.timer import ops as timer_ops
from sessions.timer.position import Stamp
from tests.conftest import build_session
from tests.waits import settled, until
from tui.watch_app import WatchApp


def _shares_phase(session) -> int:
    return next(n for n, p in enumerate(session.agenda) if p.turns_from is not None)


@pytest.mark.parametrize(("lang", "turn"), [("fr", "Tour 1/2 : "), ("en", "Turn 1/2: ")])
async def test_the_watch_shows_the_group_presenting_and_its_minutes(
    store, clock, lang, turn
) -> None:
    s = build_session("divergence-convergence", title="Groupe A")
    for name in ("Bus numérique", "Tiers-lieu"):
        sheet_ops.add(s, "solution", fields={"nom": name})
    store.create(s)
    index = _shares_phase(s)
    store.transact(s.id, lambda x: timer_ops.goto(x, index, Stamp.of(clock)))
    store.transact(s.id, lambda x: timer_ops.start(x, Stamp.of(clock)))
    clock.advance(30)
    app = WatchApp(store.path_for(s.id), clock, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        line = app.screen.query_one("#turn", Static)
        await until(pilot, lambda: turn in str(line.render()))
        shown = str(line.render())
        assert "Bus numérique" in shown and "02:30" in shown, shown
        assert line.display


async def test_the_watch_shows_no_turn_line_outside_turns(store, clock) -> None:
    s = build_session("divergence-convergence", title="Groupe A")  # Introduction: no turns
    store.create(s)
    store.transact(s.id, lambda x: timer_ops.start(x, Stamp.of(clock)))
    app = WatchApp(store.path_for(s.id), clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "En cours" in str(app.screen.query_one("#state").render()))
        await until(pilot, lambda: settled(app))
        assert not app.screen.query_one("#turn", Static).display
        assert app.screen.query_one("#list-pane").display  # a brainstorm's post-its


async def test_a_thematic_workshop_shows_no_empty_idea_list(store, clock) -> None:
    s = build_session("atelier-thematique", title="Thème")
    store.create(s)
    app = WatchApp(store.path_for(s.id), clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "Phase 1" in str(app.screen.query_one("#phase").render()))
        assert not app.screen.query_one("#list-pane").display


@pytest.mark.parametrize(("lang", "words"), [("fr", "post-it"), ("en", "post-it")])
async def test_a_brainstorm_waits_for_post_its_not_a_round_table(store, clock, lang, words) -> None:
    s = build_session("divergence-convergence", title="Groupe A")
    store.create(s)
    app = WatchApp(store.path_for(s.id), clock, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        body = app.screen.query_one("#list", Static)
        assert await until(pilot, lambda: words in str(body.render()))
        assert "tour de table" not in str(body.render()) and "round table" not in str(body.render())
