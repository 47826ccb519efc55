"""``atelier status`` without pydantic says exactly what the models say.

The light stand-ins of ``sessions.timer.status_light`` go through the same timer
functions as the pydantic session; these tests drive sessions through timer
operations on a fake clock, store them as the app does, and compare the two
readings of the same bytes. Documents that are not of the expected shape must
be left to the full load.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from sessions.agenda.catalog import builtin_templates, find_template
from sessions.core.clock import FakeClock
from sessions.core.factory import session_from_template
from sessions.i18n import set_language
from sessions.models import Phase, PhaseKind, Rotation, Session, TimerState, Turn
from sessions.models.session import SCHEMA_VERSION
from sessions.storage import peek as peek_module
from sessions.storage import safe_storage, session_file
from sessions.storage.errors import CorruptSessionError
from sessions.storage.peek import peek
from sessions.storage.session_file import encode_session, session_from_doc
from sessions.storage.store import SessionStore
from sessions.timer import ops
from sessions.timer.ops import TimerError
from sessions.timer.position import Stamp
from sessions.timer.status import status_json, status_line
from sessions.timer.status_light import (
    PHASE_FIELDS,
    ROTATION_FIELDS,
    SESSION_FIELDS,
    SHAPE_VERSION,
    TIMER_FIELDS,
    TURN_FIELDS,
    LightSession,
    light_session,
)

TEMPLATES = sorted(t.name for t in builtin_templates())
DAY = dt.date(2026, 11, 22)


def extra_phases() -> list[Phase]:
    """Phases no template has: turns with a rotation, a warning set, a zero-minute phase."""
    return [
        Phase(
            title="Tables tournantes",
            kind=PhaseKind.DIVERGENCE,
            minutes=12,
            warn_minutes=1.5,
            turns=[Turn(label="Table A", minutes=4), Turn(label="Table B", minutes=4.5)],
            rotation=Rotation(every_minutes=5, label="Changez de table"),
        ),
        Phase(title="Pause", kind=PhaseKind.BREAK, minutes=0),
    ]


def new_session(template: str, extra: bool = True, title: str = "Atelier") -> Session:
    session = session_from_template(find_template(template), title=title, on=DAY)
    if extra:
        session.agenda[1:1] = extra_phases()
    return session


def stored_doc(session: Session) -> dict[str, Any]:
    """The session's document as the file holds it."""
    return json.loads(encode_session(session))["session"]["1"]


def both(session: Session, stamp: Stamp, tmp_path: Path) -> tuple[Session, LightSession]:
    doc = stored_doc(session)
    light = light_session(doc)
    assert light is not None, "a file written by atelier must take the light path"
    return session_from_doc(doc, tmp_path / "s.json"), light


def assert_same(full: Session, light: LightSession, stamp: Stamp) -> None:
    assert status_json(light, stamp) == status_json(full, stamp)
    for lang in ("fr", "en"):
        set_language(lang)
        assert status_line(light, stamp) == status_line(full, stamp)
    set_language("fr")


# -- the same answer on the same bytes ------------------------------------------------

OPS = ["start", "pause", "resume", "next", "prev", "restart", "turn", "extend", "goto"]
MOVES = st.one_of(
    st.tuples(st.just("wait"), st.floats(0, 4000, allow_nan=False)),
    st.tuples(st.just("jump"), st.floats(-4000, 4000, allow_nan=False)),
    st.tuples(st.just("reboot"), st.just(0.0)),
    st.tuples(st.sampled_from(OPS), st.floats(-30, 30, allow_nan=False)),
)


def play(session: Session, clock: FakeClock, moves: list[tuple[str, float]]) -> None:
    boots = 0
    for move, value in moves:
        if move == "wait":
            clock.advance(value)
        elif move == "jump":
            clock.jump_wall(value)
        elif move == "reboot":
            boots += 1
            clock.reboot(f"boot-{boots}")
        else:
            stamp = Stamp.of(clock)
            try:
                if move == "extend":
                    ops.extend(session, value, stamp)
                elif move == "goto":
                    ops.goto(session, int(abs(value)) % (len(session.agenda) + 1), stamp)
                else:
                    ops.COMMANDS[move](session, stamp)
            except TimerError:
                pass


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    template=st.sampled_from(TEMPLATES),
    extra=st.booleans(),
    moves=st.lists(MOVES, max_size=25),
    later=st.floats(0, 20000, allow_nan=False),
    titles=st.tuples(st.text(max_size=12), st.text(max_size=12)),
)
def test_light_and_full_status_agree(tmp_path, template, extra, moves, later, titles) -> None:
    clock = FakeClock()
    session = new_session(template, extra, title=titles[0])
    for phase in session.agenda:
        phase.title += titles[1]  # spaces, controls, escapes: scrubbed alike
    play(session, clock, moves)
    clock.advance(later)
    stamp = Stamp.of(clock)
    full, light = both(session, stamp, tmp_path)
    assert_same(full, light, stamp)


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize(
    "script",
    [
        [],  # not started
        [("start", 0), ("wait", 95)],  # running
        [("start", 0), ("wait", 300), ("pause", 0), ("wait", 50)],  # paused
        [("start", 0), ("wait", 100_000)],  # overtime
        [("start", 0), ("wait", 60), ("turn", 0), ("wait", 61)],  # a turn
        [("next", 0), ("start", 0), ("wait", 500), ("extend", 3)],  # extended, rotating
        [("start", 0), ("wait", 60), ("reboot", 0), ("wait", 5)],  # a closed lid
        [("start", 0), ("wait", 60), ("jump", -3600)],  # wall clock back
        [("start", 0)] + [("wait", 900), ("next", 0)] * 12,  # finished
    ],
    ids=[
        "not-started",
        "running",
        "paused",
        "overtime",
        "turn",
        "rotation",
        "reboot",
        "jump",
        "finished",
    ],
)
def test_timer_states(tmp_path, template, script) -> None:
    clock = FakeClock()
    session = new_session(template)
    play(session, clock, script)
    stamp = Stamp.of(clock)
    full, light = both(session, stamp, tmp_path)
    assert_same(full, light, stamp)
    data = status_json(light, stamp)
    if script and script[-1][0] == "next":
        assert data["state"] == "finished"
    if script == [("start", 0), ("wait", 100_000)]:
        assert data["phase"]["state"] == "overtime"


def test_rotation_and_turns_are_shown(tmp_path) -> None:
    clock = FakeClock()
    session = new_session("divergence-convergence")
    play(session, clock, [("next", 0), ("start", 0), ("wait", 310)])
    stamp = Stamp.of(clock)
    full, light = both(session, stamp, tmp_path)
    phase = status_json(light, stamp)["phase"]
    assert phase["turn"]["label"] == "Table A"
    assert phase["rotation"] == {"number": 2, "every_s": 300, "remaining_s": 290}
    assert_same(full, light, stamp)


def test_escapes_are_scrubbed_like_the_full_load(tmp_path) -> None:
    session = new_session("idees-recues")
    doc = stored_doc(session)
    doc["title"] = "Atelier \x1b[31mrouge\x1b[0m \x9b2J\u202e"
    doc["agenda"][0]["title"] = "Phase\x07 \x1b]0;titre\x07un"
    light = light_session(doc)
    assert light is not None
    full = session_from_doc(doc, tmp_path / "s.json")
    stamp = Stamp.of(FakeClock())
    assert_same(full, light, stamp)
    shown = json.dumps(status_json(light, stamp), ensure_ascii=False) + status_line(light, stamp)
    assert not any(ch in shown for ch in "\x1b\x07\x9b\u202e")


# -- what the light reader leaves to the full load -------------------------------------


def spoil(path: str, value: Any) -> Any:
    """A function changing ``doc`` at ``path`` ("agenda.0.minutes") to ``value``."""

    def apply(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if value is KeyError:
            del node[last]
        elif isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return apply


DOUBTFUL = {
    "schema next": spoil("schema_version", SCHEMA_VERSION + 1),
    "schema as text": spoil("schema_version", "1"),
    "schema true": spoil("schema_version", True),
    "no id": spoil("id", KeyError),
    "bad id": spoil("id", "Pas un id"),
    "id with newline": spoil("id", "abc\n"),
    "no title": spoil("title", KeyError),
    "title number": spoil("title", 3),
    "no date": spoil("date", KeyError),
    "bad date": spoil("date", "2026-13-01"),
    "unknown key": spoil("colour", "red"),
    "key with control": spoil("tim\x07er", {}),
    "agenda not a list": spoil("agenda", {}),
    "phase not a dict": spoil("agenda.0", "phase"),
    "phase unknown key": spoil("agenda.0.colour", "red"),
    "phase no title": spoil("agenda.0.title", KeyError),
    "phase no id": spoil("agenda.0.id", KeyError),
    "minutes as text": spoil("agenda.0.minutes", "10"),
    "minutes negative": spoil("agenda.0.minutes", -1),
    "minutes infinite": spoil("agenda.0.minutes", math.inf),
    "minutes true": spoil("agenda.0.minutes", True),
    "minutes huge": spoil("agenda.0.minutes", 10**400),
    "unknown kind": spoil("agenda.0.kind", "party"),
    "turns not a list": spoil("agenda.0.turns", "x"),
    "turn without minutes": spoil("agenda.0.turns", [{"label": "A"}]),
    "rotation not a dict": spoil("agenda.0.rotation", 5),
    "started_at naive": spoil("agenda.0.started_at", "2026-11-22T09:00:00"),
    "timer not a dict": spoil("timer", []),
    "index as float": spoil("timer.index", 1.0),
    "state number": spoil("timer.state", 1),
    "elapsed as text": spoil("timer.elapsed_s", "12"),
    "segment_wall naive": spoil("timer.segment_wall", "2026-11-22T09:00:00"),
    "segment_wall timestamp": spoil("timer.segment_wall", 1_790_000_000),
    "segment_wall date only": spoil("timer.segment_wall", "2026-11-22"),
    "segment_wall nanoseconds": spoil("timer.segment_wall", "2026-11-22T09:00:00.123456789Z"),
    "warned as int": spoil("timer.warned", 0),
    "bells not strings": spoil("timer.bells", [1]),
    "ideas not a list": spoil("ideas", {}),
    "vote not a dict": spoil("vote", []),
    "horizon as text": spoil("horizon_year", "2036"),
    "updated_at bad": spoil("updated_at", "yesterday"),
}


@pytest.mark.parametrize("change", list(DOUBTFUL.values()), ids=list(DOUBTFUL))
def test_doubtful_documents_are_left_to_pydantic(change) -> None:
    doc = stored_doc(new_session("divergence-convergence"))
    assert light_session(doc) is not None
    change(doc)
    assert light_session(doc) is None


@pytest.mark.parametrize("doc", [None, [], "session", {1: "x"}])
def test_not_a_document(doc) -> None:
    assert light_session(doc) is None


def test_defaults_as_the_models_have_them(tmp_path) -> None:
    """A hand-written document with only what is required reads as the models read it."""
    doc = {
        "id": "abc123",
        "title": "Minimal",
        "date": "2026-11-22",
        "agenda": [{"id": "ph1", "title": "Seule", "minutes": 3}],
    }
    light = light_session(doc)
    assert light is not None
    full = session_from_doc(doc, tmp_path / "s.json")
    stamp = Stamp.of(FakeClock())
    assert_same(full, light, stamp)


def test_the_reader_knows_every_field_of_the_models() -> None:
    for fields, model in [
        (SESSION_FIELDS, Session),
        (PHASE_FIELDS, Phase),
        (TIMER_FIELDS, TimerState),
        (TURN_FIELDS, Turn),
        (ROTATION_FIELDS, Rotation),
    ]:
        assert list(fields) == list(model.model_fields), model.__name__
        for name, info in model.model_fields.items():
            default = fields[name][1]
            if info.is_required() or info.default_factory is not None:
                continue  # required, or a container / a random id: checked by shape
            assert default == info.default, f"{model.__name__}.{name}"
    assert SHAPE_VERSION == SCHEMA_VERSION  # a new schema: teach status_light first


def test_layout_and_limits_are_the_stores(tmp_path) -> None:
    assert peek_module.MAX_FILE_BYTES == safe_storage.MAX_FILE_BYTES
    assert peek_module.TABLE == session_file.TABLE
    assert str(session_file.DOC_ID) == peek_module.DOC_ID
    store = SessionStore(tmp_path)
    assert store.sessions_dir == tmp_path / peek_module.SESSIONS_DIR
    assert store.path_for("x").name == f"x{peek_module.SUFFIX}"


@st.composite
def moments(draw) -> str:
    """Timestamps as pydantic writes them, with and without fractions and offsets."""
    at = draw(st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1)))
    minutes = draw(st.integers(-14 * 60, 14 * 60))
    aware = at.replace(tzinfo=dt.timezone(dt.timedelta(minutes=minutes)))
    text = TypeAdapter(dt.datetime).dump_python(aware, mode="json")
    if draw(st.booleans()):
        text = aware.isoformat()  # +00:00 rather than Z, fractions in full
    return text


@given(moments())
def test_timestamps_parse_as_pydantic_parses_them(text: str) -> None:
    doc = stored_doc(new_session("idees-recues"))
    doc["timer"]["segment_wall"] = text
    light = light_session(doc)
    assert light is not None, text
    expected = TypeAdapter(dt.datetime).validate_python(text)
    assert light.timer.segment_wall == expected
    assert light.timer.segment_wall.utcoffset() == expected.utcoffset()


# -- finding the file: the store's rules ------------------------------------------------


@pytest.fixture
def data(tmp_path) -> tuple[SessionStore, list[Session]]:
    store = SessionStore(tmp_path)
    sessions = []
    for sid, title in [("ab12cd34", "Atelier A"), ("ab99ff00", "Atelier B"), ("c0ffee00", "Autre")]:
        session = new_session("idees-recues", title=title)
        session.id = sid
        store.create(session)
        sessions.append(session)
    return store, sessions


@pytest.mark.parametrize(
    "ref", ["ab12cd34", "ab12", "c", "Atelier B", "Autre", "{root}/sessions/c0ffee00.json"]
)
def test_peek_finds_what_the_store_finds(data, ref) -> None:
    store, _ = data
    ref = ref.format(root=store.root)
    light = peek(store.root, ref)
    assert light is not None
    assert light.id == store.load(ref).id


@pytest.mark.parametrize("ref", ["ab", "zz", "Atelier", "", ".x", "nope.json", "a/b"])
def test_peek_leaves_unknown_and_ambiguous_names_to_the_store(data, ref) -> None:
    store, _ = data
    assert peek(store.root, ref) is None


def test_one_unreadable_file_sends_names_to_the_store(data) -> None:
    store, _ = data
    (store.sessions_dir / "broken.json").write_text("{")
    assert peek(store.root, "ab12cd34") is not None  # a direct file: only it is read
    assert peek(store.root, "ab12") is None
    assert peek(store.root, "Autre") is None


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x00", b"{", b"[]", b'{"session": []}', b'{"session": {}}', b"\xff\xfe{}"],
)
def test_peek_leaves_broken_files_to_the_store(data, content) -> None:
    store, _ = data
    store.path_for("ab12cd34").write_bytes(content)
    assert peek(store.root, "ab12cd34") is None
    with pytest.raises(CorruptSessionError):
        store.load("ab12cd34")


def test_peek_refuses_a_file_too_large(data, monkeypatch) -> None:
    store, _ = data
    monkeypatch.setattr(peek_module, "MAX_FILE_BYTES", 100)
    assert peek(store.root, "ab12cd34") is None


def test_peek_without_a_data_folder(tmp_path) -> None:
    assert peek(tmp_path / "none", "abc") is None
