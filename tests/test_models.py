"""Session models: round trips, defaults and the schema migration hook."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sessions.models import Idea, Participant, Phase, PhaseKind, Session
from sessions.models.session import MIGRATIONS, SCHEMA_VERSION, SchemaTooNew, migrate

texts = st.text(max_size=40)


@st.composite
def sessions_(draw: st.DrawFn) -> Session:
    on = draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)))
    people = [
        Participant(name=draw(texts), organisation=draw(texts), present=draw(st.booleans()))
        for _ in range(draw(st.integers(0, 5)))
    ]
    agenda = [
        Phase(
            title=draw(texts),
            kind=draw(st.sampled_from(list(PhaseKind))),
            minutes=draw(st.floats(0, 600, allow_nan=False)),
        )
        for _ in range(draw(st.integers(0, 6)))
    ]
    created = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    ideas = [
        Idea(
            number=n,
            text=draw(texts),
            created_at=created,
            author_id=people[0].id if people else None,
        )
        for n in range(1, draw(st.integers(0, 8)) + 1)
    ]
    return Session(
        title=draw(texts),
        date=on,
        place=draw(texts),
        question=draw(texts),
        participants=people,
        agenda=agenda,
        ideas=ideas,
    )


@settings(max_examples=60, deadline=None)
@given(sessions_())
def test_session_round_trips_through_json(session: Session) -> None:
    again = Session.model_validate_json(session.model_dump_json())
    assert again == session
    again = Session.model_validate(session.model_dump(mode="json"))
    assert again == session


def test_horizon_defaults_to_ten_years_after_the_session() -> None:
    s = Session(title="x", date=dt.date(2026, 3, 1))
    assert s.horizon_year == 2036
    assert Session(title="x", date=dt.date(2026, 3, 1), horizon_year=2030).horizon_year == 2030


def test_next_idea_number_never_reuses_a_deleted_number() -> None:
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    s = Session(title="x", date=dt.date(2026, 3, 1))
    s.ideas = [Idea(number=1, text="a", created_at=now), Idea(number=2, text="b", created_at=now)]
    s.ideas[1].deleted = True
    assert s.next_idea_number() == 3


def test_unknown_keys_are_refused() -> None:
    with pytest.raises(ValueError):
        Session.model_validate({"title": "x", "date": "2026-01-01", "surprise": 1})


def test_migration_hook_upgrades_old_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sessions.models.session.SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(
        MIGRATIONS, SCHEMA_VERSION, lambda doc: {**doc, "place": doc.get("place", "") + "!"}
    )
    doc = migrate({"schema_version": SCHEMA_VERSION, "title": "x", "date": "2026-01-01"})
    assert doc["schema_version"] == SCHEMA_VERSION + 1
    assert doc["place"] == "!"


def test_a_newer_schema_is_refused() -> None:
    with pytest.raises(SchemaTooNew):
        migrate({"schema_version": SCHEMA_VERSION + 1})
