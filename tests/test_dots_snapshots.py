"""SVG snapshots of F5 with a dot vote (divergence-convergence, 3 dots), 80x24 and 120x40, FR/EN.

The state: 8 participants, 20 ideas, the hands counted for the last 12 items
(read from the last to the first), so the header shows the rule and the dots
placed / available. Regenerate and LOOK at them as test_snapshots.py says.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_snapshots import IDEAS, PEOPLE, SIZES, START, keys

from sessions.agenda.catalog import find_template
from sessions.capture import tour as capture
from sessions.core.clock import FakeClock
from sessions.core.factory import session_from_template
from sessions.core.settings import update_settings
from sessions.i18n import set_language
from sessions.models import Session
from sessions.people.names import parse_participants
from sessions.storage.store import SessionStore
from sessions.vote import envelope as v

SESSION_ID = "d0d0d0d0"
# Raised hands for items 20 down to 9 (one dot per person and item): 17 of 24 dots.
DOTS = {20: 1, 19: 3, 18: 0, 17: 2, 16: 0, 15: 4, 14: 0, 13: 1, 12: 5, 11: 0, 10: 1, 9: 0}


def dot_workshop(root: Path, clock: FakeClock) -> SessionStore:
    store = SessionStore(root, clock)
    store.ensure()
    update_settings(root, guide_seen=True)
    session: Session = session_from_template(
        find_template("divergence-convergence"),
        title="Atelier inclusion numérique",
        on=dt.date(2026, 11, 22),
        place="Tulle, salle du conseil",
        participants=parse_participants(PEOPLE),
    )
    session.id = SESSION_ID
    for n, person in enumerate(session.participants, start=1):
        person.id = f"p{n:04d}"
    for text in IDEAS:
        clock.advance(40)
        capture.add_idea(session, text, clock.now())
    for number, hands in DOTS.items():
        v.enter_hands(session, number, str(hands))
    store.create(session)
    return store


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_f5_dot_vote(size: str, lang: str, snap_compare, tmp_path: Path) -> None:
    from tui.app import make_app

    clock = FakeClock(START)
    store = dot_workshop(tmp_path / "data", clock)
    set_language(lang)
    app = make_app(store, clock, session_ref=SESSION_ID, lang=lang)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=keys("f5"))
