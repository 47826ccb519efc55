"""SVG snapshots of the facilitator's script, at 80x24 and 120x40, in French and in English.

The phase form with its notes, a phase's turns and rotation, and F3 / the
projector while fiche n°1's 5 minutes of individual reflection run. Same
workshop as ``test_snapshots`` (fixed ids, dates and clock); LOOK at each
picture before accepting it:

    pytest tests/test_script_snapshots.py -p no:cacheprovider --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_snapshots import SESSION_ID, SIZES, START, keys, workshop

from sessions.core.clock import FakeClock
from sessions.i18n import set_language
from sessions.timer import ops as timer_ops
from sessions.timer.position import Stamp

# view -> keys pressed from the overview of the workshop's session
VIEWS: dict[str, tuple[str, ...]] = {
    "phase_form": ("f3", "e", "down", "enter"),  # step 2's form, its notes
    "phase_turns": ("f3", "e", "down", "down", "t"),  # step 3's turns (an open one)
    "timer_reflection": ("f3",),  # step 1 again, in its individual reflection
    "projector_reflection": ("f3", "v"),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("view", list(VIEWS))
def test_script_view(view: str, size: str, lang: str, snap_compare, tmp_path: Path) -> None:
    from tui.app import make_app

    clock = FakeClock(START)
    set_language(lang)
    store = workshop(tmp_path / "data", clock)
    if view.endswith("_reflection"):

        def back_to_step_1(s) -> None:  # type: ignore[no-untyped-def]
            timer_ops.goto(s, 0, Stamp.of(clock))
            timer_ops.restart(s, Stamp.of(clock))
            clock.advance(300)
            timer_ops.next_turn(s, Stamp.of(clock))
            clock.advance(72)

        store.transact(SESSION_ID, back_to_step_1)
    app = make_app(store, clock, session_ref=SESSION_ID, lang=lang)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=keys(*VIEWS[view]))
