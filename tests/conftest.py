"""Shared fixtures: a store in a temporary folder, a fake clock, a ready session."""

from __future__ import annotations

import datetime as dt

import pytest

from sessions.agenda.catalog import find_template
from sessions.core.clock import FakeClock
from sessions.core.factory import session_from_template
from sessions.i18n import set_language
from sessions.models import Session
from sessions.people.names import parse_participants
from sessions.storage.store import SessionStore

PEOPLE = """Alice Martin (Mairie de Tulle)
Bruno Petit (CAF)
Chloé Durand (Médiathèque)
David Leroy (Centre social)
"""


@pytest.fixture(autouse=True)
def _french_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts in French with a clean environment for the language."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "ATELIER_HOME"):
        monkeypatch.delenv(var, raising=False)
    set_language("fr")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path, clock: FakeClock) -> SessionStore:
    s = SessionStore(tmp_path / "data", clock)
    s.ensure()
    return s


def build_session(
    template: str = "territoire-numerique-10-ans", title: str = "Atelier A"
) -> Session:
    return session_from_template(
        find_template(template),
        title=title,
        on=dt.date(2026, 11, 22),
        place="Tulle",
        participants=parse_participants(PEOPLE),
    )


@pytest.fixture
def session(store: SessionStore) -> Session:
    s = build_session()
    store.create(s)
    return s
