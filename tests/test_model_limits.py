"""Numbers at the edge of every model field: finite, in range, or refused naming the field.

``Infinity`` used to be accepted and then saved as ``null`` (the session no
longer loaded), ``1e308`` minutes crashed ``atelier status`` and the app. Each
numeric field of ``sessions/models`` is tried at its edges: its bounds are
accepted (and the app, the status and the export run on them), one step
beyond, ``inf``, ``-inf``, ``NaN`` and a huge integer are refused with the
field's path; ``atelier status``'s light reader agrees with the model.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import types
import typing
from pathlib import Path
from typing import Any

import pytest
from conftest import build_session
from pydantic import BaseModel, ValidationError

from sessions import models
from sessions.agenda.catalog import TemplateError, parse_template
from sessions.core.limits import MAX_COUNT, MAX_MINUTES, MAX_REVISION, MAX_SECONDS, MAX_YEAR
from sessions.models import HandTally, Idea, Rotation, Session, Turn, TurnRecord
from sessions.storage.errors import CorruptSessionError
from sessions.timer.status_light import light_session
from tui.cli.main import main

AT = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
PHASES = len(build_session().agenda)

# kind: (lowest accepted, highest accepted, one step beyond each)
KINDS: dict[str, tuple[float, float]] = {
    "minutes": (0, MAX_MINUTES),
    "seconds": (0, MAX_SECONDS),
    "signed": (-MAX_SECONDS, MAX_SECONDS),
    "count": (0, MAX_COUNT),
    "number": (1, MAX_COUNT),
    "year": (1, MAX_YEAR + 100),
    "revision": (0, MAX_REVISION),
    "phase": (0, PHASES - 1),
}
FLOAT_KINDS = {"minutes", "seconds", "signed"}

# Every numeric field of the stored session, as a path in its document.
FIELDS: dict[str, str] = {
    "slot_minutes": "minutes",
    "horizon_year": "year",
    "revision": "revision",
    "agenda.0.minutes": "minutes",
    "agenda.0.warn_minutes": "minutes",
    "agenda.0.turns.0.minutes": "minutes",
    "agenda.0.rotation.every_minutes": "minutes",
    "agenda.0.actual_seconds": "seconds",
    "agenda.0.extended_s": "signed",
    "timer.index": "phase",  # and within the agenda
    "timer.elapsed_s": "seconds",
    "timer.segment_mono": "signed",
    "timer.extra_s": "signed",
    "timer.turn_index": "count",
    "timer.turn_elapsed_offset_s": "seconds",
    "timer.session_started_mono": "signed",
    "timer.planned_total_s": "seconds",
    "timer.finished_total_s": "seconds",
    "ideas.0.number": "number",
    "ideas.0.round": "number",
    "ideas.0.duplicate_of": "number",
    "ideas.0.merged_into": "number",
    "ideas.0.merged_from.0": "number",
    "capture.rounds": "number",
    "capture.current_round": "count",
    "capture.current_index": "count",
    "capture.turns.0.round": "number",
    "capture.turns.0.idea_number": "number",
    "vote.envelope": "count",
    "vote.tallies.1.hands.0": "count",
    "vote.tallies.1.total": "count",
    "vote.ballots.P.1": "count",
    "grid.items.0": "number",
}
# What ``atelier status`` reads without pydantic, hence checks itself (the rest of the
# document, ideas or votes, only for its container type: see ``sessions.timer.status_light``).
LIGHT_READS = {"slot_minutes", "horizon_year", "revision", "agenda", "timer"}
# Idea numbers used as keys of a mapping.
KEYS = ["vote.tallies", "vote.ballots.P", "grid.positions"]


def full_doc() -> dict[str, Any]:
    """A stored session document with every numeric field present."""
    s = build_session()
    phase = s.agenda[0]
    phase.warn_minutes = 2
    phase.turns = [Turn(label="groupe 1", minutes=3)]
    phase.rotation = Rotation(every_minutes=5, label="table")
    phase.actual_seconds = 60.0
    phase.extended_s = 30.0
    t = s.timer
    t.segment_mono, t.session_started_mono = 10.0, 5.0
    t.planned_total_s, t.finished_total_s = 3600.0, 3500.0
    s.slot_minutes = 180
    s.ideas = [Idea(number=1, text="une", round=1, created_at=AT, duplicate_of=1, merged_into=1)]
    s.ideas[0].merged_from = [1]
    s.capture.turns = [TurnRecord(participant_id="p", round=1, idea_number=1)]
    s.vote.envelope = 3
    s.vote.tallies = {1: HandTally(hands=[1], total=1)}
    s.vote.ballots = {"P": {1: 1}}
    s.grid.items = [1]
    s.grid.positions = {1: models.GridPosition()}
    return json.loads(s.model_dump_json())


def put(doc: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    *parents, last = path.split(".")
    node: Any = doc
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return doc


def refused(doc: dict[str, Any]) -> str:
    """The path pydantic names for the first error, or its message (``''``: valid)."""
    try:
        Session.model_validate(doc)
    except ValidationError as exc:
        first = exc.errors()[0]
        return ".".join(str(part) for part in first["loc"]) or first["msg"]
    return ""


def beyond(kind: str) -> list[object]:
    low, high = KINDS[kind]
    values: list[object] = [low - 1, high + 1, 10**30, -(10**30)]
    if kind in FLOAT_KINDS:
        values += [math.inf, -math.inf, math.nan, 1e308, -1e308, high * (1 + 1e-9)]
    else:
        values += [1.5, math.inf]
    return values


@pytest.mark.parametrize("path", FIELDS)
def test_each_field_accepts_its_bounds_and_refuses_beyond(path: str) -> None:
    doc = full_doc()
    assert refused(doc) == ""
    kind = FIELDS[path]
    for value in KINDS[kind]:
        edged = put(doc, path, value)
        assert refused(edged) == "", (path, value)
        if light_session(doc) is not None:  # the status reads it as the app would
            assert light_session(edged) is not None, (path, value)
    for value in beyond(kind):
        bad = put(doc, path, value)
        assert refused(bad) == path or path in refused(bad), (path, value)
        if path.split(".")[0] in LIGHT_READS:  # the status goes to the full load, which refuses
            assert light_session(bad) is None, (path, value)


@pytest.mark.parametrize("where", KEYS)
@pytest.mark.parametrize("key", ["0", "-1", str(MAX_COUNT + 1), "1" * 40])
def test_idea_numbers_as_keys_are_in_range(where: str, key: str) -> None:
    doc = full_doc()
    *parents, last = where.split(".")
    node: Any = doc
    for part in [*parents, last]:
        node = node[part]
    node[key] = node.pop("1")
    assert refused(doc).startswith(where), key


def _numeric(annotation: object) -> bool:
    if annotation in (int, float):
        return True
    return any(_numeric(arg) for arg in typing.get_args(annotation))


def test_no_numeric_field_is_left_without_bounds() -> None:
    # A field added later must say its range (use the types of sessions.models.base).
    unbounded = []
    for name in dir(models):
        model = getattr(models, name)
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            continue
        for field, info in model.model_fields.items():
            annotation = info.annotation
            if field == "schema_version" or not _numeric(annotation):
                continue
            if _bounded(annotation, info.metadata):
                continue
            unbounded.append(f"{model.__name__}.{field}")
    assert unbounded == []


def _bounded(annotation: object, metadata: list[Any]) -> bool:
    """True when every number in ``annotation`` carries an upper and a lower bound."""
    if metadata:
        return _has_bounds(metadata)
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        _base, *extra = typing.get_args(annotation)
        return _has_bounds(extra)
    if annotation in (int, float):
        return False
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin in (dict,) and args and args[0] is str:
        args = args[1:]
    if origin in (typing.Union, types.UnionType, list, dict) or args:
        return all(_bounded(arg, []) for arg in args if _numeric(arg))
    return True


def _has_bounds(metadata: list[Any]) -> bool:
    found = set()
    for item in metadata:
        for sub in getattr(item, "metadata", [item]):
            for attr in ("ge", "gt", "le", "lt"):
                if getattr(sub, attr, None) is not None:
                    found.add(attr[0])
    return found == {"g", "l"}


def test_a_file_with_infinity_is_refused_by_name_and_never_saved_as_null(store, session) -> None:
    path: Path = store.path_for(session.id)
    doc = json.loads(path.read_bytes())
    doc["session"]["1"]["agenda"][0]["minutes"] = math.inf
    raw = json.dumps(doc).encode()
    assert b"Infinity" in raw
    path.write_bytes(raw)
    with pytest.raises(CorruptSessionError) as caught:
        store.open(session.id)
    # Said in the language shown (French by default): "un nombre fini était attendu".
    assert "agenda.0.minutes" in caught.value.reason and "nombre fini" in caught.value.reason
    assert path.read_bytes() == raw


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "+inf", "1e308", "10081"])
def test_a_toml_agenda_with_infinite_or_huge_minutes_is_refused(
    store, tmp_path: Path, capsys, value: str
) -> None:
    agenda = tmp_path / "agenda.toml"
    agenda.write_text(f'title = "X"\n[[phases]]\ntitle = "A"\nminutes = {value}\n')
    with pytest.raises(TemplateError):
        parse_template(agenda.read_text(), str(agenda))
    data = ["--data-dir", str(store.root)]
    code = main([*data, "new", "--agenda", str(agenda), "--title", "X", "--no-open"])
    err = capsys.readouterr().err
    assert code != 0 and str(agenda) in err and "minutes" in err
    assert store.entries() == []  # nothing created


def test_every_field_at_its_highest_still_runs_everywhere(store, capsys, tmp_path: Path) -> None:
    doc = full_doc()
    for path, kind in FIELDS.items():
        doc = put(doc, path, KINDS[kind][1])
    doc["revision"] = MAX_REVISION - 1  # the save adds one
    doc["timer"]["state"] = "running"
    doc["timer"]["segment_wall"] = "2026-11-22T09:00:00Z"
    session = Session.model_validate(doc)
    store.create(session)
    data = ["--data-dir", str(store.root)]
    assert main([*data, "status", session.id]) == 0
    assert main([*data, "status", session.id, "--json"]) == 0
    assert main([*data, "export", session.id, "-o", str(tmp_path / "x.md")]) == 0
    assert main([*data, "list"]) == 0
    assert session.title in capsys.readouterr().out
    assert store.load(session.id).timer.extra_s == MAX_SECONDS


def _at_the_edge(which: int) -> Session:
    doc = full_doc()
    for path, kind in FIELDS.items():
        doc = put(doc, path, KINDS[kind][which])
    doc["revision"] = 0
    doc["timer"]["state"] = "running"
    doc["timer"]["segment_wall"] = "2026-11-22T09:00:00Z"
    return Session.model_validate(doc)


@pytest.mark.parametrize("which", [0, 1], ids=["lowest", "highest"])
async def test_the_app_runs_every_section_on_a_session_at_the_edges(store, clock, which) -> None:
    from tui.app import make_app

    session = _at_the_edge(which)
    store.create(session)
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for key in ("f3", "f4", "f5", "f6", "f7", "f2"):
            await pilot.press(key)
            await pilot.pause()
            assert app.is_running and app.current_mode != "home", key
    assert store.load(session.id).agenda[0].minutes == KINDS["minutes"][which]


@pytest.mark.parametrize("typed", ["99999", "0"])
async def test_the_details_form_refuses_a_horizon_the_file_could_not_hold(
    store, clock, session, typed: str
) -> None:
    from textual.widgets import Input, Static

    from tui.app import make_app
    from tui.screens.details_form import DetailsForm

    path = store.path_for(session.id)
    before = path.read_bytes()
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f2", "e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DetailsForm)
        form.query_one("#horizon", Input).focus()
        await pilot.press("end", *["backspace"] * 6, *typed, "ctrl+s")
        await pilot.pause()
        assert app.screen is form  # still open, saying why
        assert str(form.query_one("#error", Static).render()) == (
            f"Horizon invalide\u202f: une année de 1 à {MAX_YEAR}."
        )
    assert path.read_bytes() == before
    assert store.load(session.id).horizon_year == session.horizon_year
