"""``atelier status``'s light reading of a stored session (timer/status_light.py), issue 18.

A document of the expected shape gives the status's view; anything doubtful -
a key the model does not know, a value of another type, a number out of the
model's bounds, a newer schema - gives None, so that the caller loads it with
pydantic (same result, same errors). Checked here on hand-made documents.
"""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from sessions.agenda.phase_kind import PhaseKind
from sessions.core.limits import MAX_COUNT, MAX_MINUTES, MAX_REVISION, MAX_SECONDS, MAX_YEAR
from sessions.timer import status_light as sl


def _doc() -> dict:
    return {
        "schema_version": 1,
        "id": "abc-1",
        "title": "Atelier",
        "date": "2026-11-22",
        "agenda": [
            {
                "id": "p1",
                "title": "Accueil",
                "kind": "divergence",
                "minutes": 10,
                "warn_minutes": 2,
                "turns": [{"label": "Ana", "minutes": 1.5}],
                "rotation": {"every_minutes": 5},
                "started_at": "2026-11-22T09:00:00Z",
                "extended_s": -30,
            },
            {"id": "p2", "title": "Fin", "minutes": 0},
        ],
        "timer": {
            "index": 1,
            "state": "running",
            "elapsed_s": 12.5,
            "segment_wall": "2026-11-22T09:10:00.500000+01:00",
            "segment_mono": 1000,
            "boot_id": "b",
            "bells": ["end"],
            "warned": True,
        },
    }


def test_a_document_of_the_expected_shape_is_read() -> None:
    got = sl.light_session(_doc())
    assert got is not None
    assert (got.id, got.title) == ("abc-1", "Atelier")
    first, last = got.agenda
    assert first == sl.LightPhase(
        id="p1",
        title="Accueil",
        kind=PhaseKind.DIVERGENCE,
        minutes=10.0,
        warn_minutes=2.0,
        turns=(sl.LightTurn("Ana", 1.5),),
        rotation=sl.LightRotation(5.0, ""),
    )
    assert last.kind == PhaseKind.PLENARY and last.turns == () and last.rotation is None
    assert last.warn_minutes is None
    timer = got.timer
    assert (timer.index, timer.state, timer.elapsed_s) == (1, "running", 12.5)
    assert timer.segment_wall == dt.datetime(
        2026, 11, 22, 9, 10, 0, 500000, tzinfo=dt.timezone(dt.timedelta(hours=1))
    )
    assert timer.segment_mono == 1000.0 and timer.boot_id == "b"
    assert timer.extra_s == 0.0 and timer.turn_index == 0 and timer.planned_total_s is None


def test_defaults_of_a_bare_document() -> None:
    doc = {
        "id": "x",
        "title": "T",
        "date": "2026-01-01",
        "agenda": [{"id": "p", "title": "P", "minutes": 1}],
    }
    got = sl.light_session(doc)
    assert got is not None
    assert got.timer == sl.light_session({**doc, "timer": {}}).timer
    assert (got.timer.state, got.timer.index, got.timer.elapsed_s) == ("not_started", 0, 0.0)
    assert got.timer.segment_wall is None and got.timer.session_started_at is None
    assert sl.light_session({**doc, "agenda": []}).agenda == ()  # index 0: the model allows it
    assert sl.light_session({"id": "x", "title": "T", "date": "2026-01-01"}).agenda == ()
    one = {**doc, "timer": {"index": 1}}
    assert sl.light_session(one) is None  # past the last phase


def test_strings_shown_are_scrubbed() -> None:
    doc = _doc()
    doc["title"] = "Ate\x1b[31mlier\x07"
    doc["agenda"][0]["title"] = "Acc\u202eueil"
    got = sl.light_session(doc)
    assert got.title == "Atelier" and got.agenda[0].title == "Accueil"


def _with(path: tuple, value) -> dict:
    doc = copy.deepcopy(_doc())
    target = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return doc


def _without(path: tuple) -> dict:
    doc = copy.deepcopy(_doc())
    target = doc
    for step in path[:-1]:
        target = target[step]
    del target[path[-1]]
    return doc


@pytest.mark.parametrize(
    "path, value",
    [
        (("id",), "Abc"),
        (("id",), 3),
        (("id",), "a" * 65),
        (("title",), 3),
        (("date",), "22/11/2026"),
        (("date",), "2026-13-01"),
        (("schema_version",), sl.SHAPE_VERSION + 1),
        (("schema_version",), 0),
        (("schema_version",), True),
        (("place",), None),
        (("horizon_year",), MAX_YEAR + 101),
        (("horizon_year",), 0),
        (("slot_minutes",), MAX_MINUTES + 1),
        (("revision",), MAX_REVISION + 1),
        (("revision",), -1),
        (("participants",), {}),
        (("vote",), []),
        (("unknown",), 1),
        (("agenda",), {}),
        (("agenda", 0, "kind"), "party"),
        (("agenda", 0, "kind"), 1),
        (("agenda", 0, "minutes"), -1),
        (("agenda", 0, "minutes"), MAX_MINUTES + 0.5),
        (("agenda", 0, "minutes"), float("inf")),
        (("agenda", 0, "minutes"), float("nan")),
        (("agenda", 0, "minutes"), "10"),
        (("agenda", 0, "minutes"), True),
        (("agenda", 0, "minutes"), 10**400),
        (("agenda", 0, "extended_s"), -MAX_SECONDS - 1),
        (("agenda", 0, "actual_seconds"), -1),
        (("agenda", 0, "started_at"), "2026-11-22 09:00:00"),
        (("agenda", 0, "started_at"), "2026-11-22T09:00:00"),
        (("agenda", 0, "turns"), {}),
        (("agenda", 0, "turns", 0, "minutes"), None),
        (("agenda", 0, "rotation", "label"), 3),
        (("agenda", 0, "notes"), None),
        (("agenda", 0, "other"), 1),
        (("timer",), []),
        (("timer", "index"), 2),
        (("timer", "index"), -1),
        (("timer", "index"), MAX_COUNT + 1),
        (("timer", "index"), 1.0),
        (("timer", "warned"), 1),
        (("timer", "bells"), [1]),
        (("timer", "bells"), "end"),
        (("timer", "elapsed_s"), -0.5),
        (("timer", "extra_s"), MAX_SECONDS * 2),
        (("timer", "boot_id"), 3),
    ],
)
def test_a_doubtful_value_is_left_to_the_full_load(path, value) -> None:
    assert sl.light_session(_with(path, value)) is None


@pytest.mark.parametrize(
    "path, value",
    [
        (("schema_version",), sl.SHAPE_VERSION),
        (("horizon_year",), MAX_YEAR + 100),
        (("horizon_year",), 1),
        (("horizon_year",), None),
        (("slot_minutes",), MAX_MINUTES),
        (("slot_minutes",), 0),
        (("revision",), MAX_REVISION),
        (("agenda", 0, "minutes"), MAX_MINUTES),
        (("agenda", 0, "minutes"), 0),
        (("agenda", 0, "extended_s"), -MAX_SECONDS),
        (("agenda", 0, "actual_seconds"), MAX_SECONDS),
        (("agenda", 0, "ended_at"), "2026-11-22T10:00:00-05:00"),
        (("agenda", 0, "rotation"), None),
        (("timer", "index"), 0),
        (("timer", "extra_s"), -MAX_SECONDS),
        (("timer", "segment_mono"), None),
        (("timer", "planned_total_s"), 0),
        (("participants",), []),
        (("enjeux",), []),
        (("capture",), {}),
    ],
)
def test_values_at_the_models_bounds_are_read(path, value) -> None:
    assert sl.light_session(_with(path, value)) is not None


@pytest.mark.parametrize(
    "path",
    [
        ("id",),
        ("title",),
        ("date",),
        ("agenda", 0, "id"),
        ("agenda", 0, "title"),
        ("agenda", 0, "minutes"),
        ("agenda", 0, "turns", 0, "label"),
        ("agenda", 0, "rotation", "every_minutes"),
    ],
)
def test_a_missing_required_value_is_doubtful(path) -> None:
    assert sl.light_session(_without(path)) is None


def test_not_a_document_or_keys_not_printable() -> None:
    for doc in (None, [], "x", {1: "a"}, {**_doc(), "ti\x07tle": "x"}):
        assert sl.light_session(doc) is None


def test_an_older_schema_may_keep_its_top_level_grid_kind() -> None:
    doc = _with(("schema_version",), sl.GRID_FOLDED - 1)
    assert sl.light_session({**doc, "grid_kind": "impact_mastery"}) is not None
    assert sl.light_session({**doc, "grid_kind": None}) is not None
    assert sl.light_session({**doc, "grid_kind": 3}) is None
    newer = _with(("schema_version",), sl.GRID_FOLDED)
    assert sl.light_session({**newer, "grid_kind": "impact_mastery"}) is None
    assert sl.light_session({**_without(("schema_version",)), "grid_kind": "x"}) is not None


def test_fields_tables_follow_the_models() -> None:
    from sessions.models import Phase, Rotation, Session, TimerState, Turn

    assert set(sl.TURN_FIELDS) == set(Turn.model_fields)
    assert set(sl.ROTATION_FIELDS) == set(Rotation.model_fields)
    assert set(sl.TIMER_FIELDS) == set(TimerState.model_fields)
    assert set(sl.SESSION_FIELDS) == set(Session.model_fields)
    assert set(sl.PHASE_FIELDS) <= set(Phase.model_fields)


def test_schema_4_is_the_one_that_folded_grid_kind() -> None:
    # the top-level grid_kind went into grid with schema 4: a version-4 file never has it
    for version, readable in ((3, True), (4, False)):
        doc = {**_with(("schema_version",), version), "grid_kind": "impact_mastery"}
        assert (sl.light_session(doc) is not None) is readable, version
