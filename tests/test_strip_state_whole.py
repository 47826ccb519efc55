"""The timer strip on the other sections: the state is read whole, the title gives way.

At 80 columns, a long phase title paused in overtime cut the end of the strip:
"… En pause · ⏰ dépassemen…". The facilitator needs the state and the time; the
title is shortened first (its own "…"), the state never.
"""

from __future__ import annotations

import pytest
from textual.geometry import Region

from sessions.i18n import set_language, t
from sessions.timer import ops as timer_ops
from sessions.timer.position import Stamp
from tests.waits import until
from tui.app import make_app

OVER = 30  # seconds past the end of the first phase
LONG = "Divergence : toutes les idées sur le numérique du territoire, sans filtre"


def _paused_over_time_with_long_title(store, session, clock) -> None:
    def edit(s) -> None:
        s.agenda[0].title = LONG
        timer_ops.start(s, Stamp.of(clock))

    store.transact(session.id, edit)
    clock.advance(session.agenda[0].minutes * 60 + OVER)
    store.transact(session.id, lambda s: timer_ops.pause(s, Stamp.of(clock)))
    clock.advance(120)  # paused: the overtime does not grow


def _strip_drawn(app) -> str:
    """What the strip's one line shows on screen (its padding stripped)."""
    strip = app.screen.query_one("#timer-strip")
    width = strip.size.width
    return "".join(line.text for line in strip.render_lines(Region(0, 0, width, 1))).strip()


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("key", ["f2", "f4", "f5"])
async def test_paused_overtime_state_is_read_whole_and_the_title_gives_way(
    store, clock, session, lang, size, key
) -> None:
    set_language(lang)
    _paused_over_time_with_long_title(store, session, clock)
    app = make_app(store, clock, session_ref=session.id, lang=lang)
    async with app.run_test(size=size) as pilot:
        await pilot.press(key)
        state = t("timer.state.paused_overtime").split(" ", 1)[-1]
        drawn = lambda: _strip_drawn(app)  # noqa: E731
        await until(pilot, lambda: state in drawn() and "+00:30" in drawn())
        line = drawn()
        assert line.startswith("⏸ 1/"), line
        assert state in line and "+00:30" in line, line  # the state and the time whole
        assert LONG[:8] in line, line  # the title starts, shortened with its own ellipsis
        assert LONG not in line and "…" in line.split("+00:30")[0], line
        assert not line.endswith("…"), line  # nothing cut at the end


async def test_a_short_title_is_not_shortened(store, clock, session) -> None:
    _paused_over_time_with_long_title(store, session, clock)
    store.transact(session.id, lambda s: setattr(s.agenda[0], "title", "Accueil"))
    app = make_app(store, clock, session_ref=session.id, lang="fr")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await until(pilot, lambda: "dépassement" in _strip_drawn(app))
        assert "Accueil · +00:30" in _strip_drawn(app)
        assert "…" not in _strip_drawn(app)
