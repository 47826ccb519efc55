"""A save reuses each unchanged idea's bytes, and its bytes stay those of a full serialisation.

``SessionEncoder`` (``sessions.storage.session_bytes``) keeps each list
element's JSON between saves; a stale one would silently lose an edit. These
tests drive sessions through random sequences of ops and of direct changes
(assignments, lists appended to in place, nested models changed in place,
elements replaced, inserted, removed, reordered) and hold, after each one,
that the cached bytes are the bytes of ``encode_session`` - the full
serialisation - and that a save through ``SessionHandle`` writes exactly them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, computed_field, model_serializer

from sessions.capture.capture_ops import (
    DeleteIdea,
    GiveIdea,
    MarkDuplicate,
    PassTurn,
    Reformulate,
    RestoreIdea,
    SetDescription,
)
from sessions.core import ops as core_ops
from sessions.models import Session
from sessions.models.ideas import Idea, IdeaRevision
from sessions.storage import session_bytes
from sessions.storage.session_bytes import ListBytes, SessionEncoder
from sessions.storage.session_file import PREFIX, SUFFIX, encode_session
from tests.conftest import build_session

T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
TEXT = st.text(min_size=1, max_size=12).filter(lambda s: s.strip() != "")


def with_ideas(count: int) -> Session:
    session = build_session()
    for n in range(count):
        core_ops.apply(session, GiveIdea(f"idée {n}", T0 + dt.timedelta(seconds=n)))
    return session


def _idea(session: Session, pick: int) -> Idea | None:
    return session.ideas[pick % len(session.ideas)] if session.ideas else None


def _number(session: Session, pick: int) -> int:
    idea = _idea(session, pick)
    return idea.number if idea else 1


def _op(session: Session, op: core_ops.Op, steps: list[core_ops.Step]) -> None:
    with contextlib.suppress(ValueError):  # a refused op changes nothing
        steps.append(core_ops.apply(session, op).step)


def act(session: Session, kind: int, pick: int, text: str, steps: list[core_ops.Step]) -> None:
    """One change: an op as the screens apply it, an undo, or a direct change of the models."""
    at = T0 + dt.timedelta(minutes=pick % 500)
    number = _number(session, pick)
    idea = _idea(session, pick)
    match kind:
        case 0:
            _op(session, GiveIdea(text, at), steps)
        case 1:
            _op(session, PassTurn(at), steps)
        case 2:
            _op(session, Reformulate(number, text, at), steps)
        case 3:
            _op(session, DeleteIdea(number), steps)
        case 4:
            _op(session, RestoreIdea(number), steps)
        case 5:
            _op(session, SetDescription(number, text), steps)
        case 6:
            _op(session, MarkDuplicate(number, _number(session, pick // 7)), steps)
        case 7 if steps:
            with contextlib.suppress(core_ops.UndoRefused):
                core_ops.undo(session, steps.pop())
        case 8 if idea:
            idea.text = text  # an assignment
        case 9 if idea:
            idea.merged_from.append(pick % 50 + 1)  # a list changed in place
        case 10 if idea and idea.history:
            idea.history[0].text = text  # a nested model changed in place
        case 11 if idea:
            idea.history.append(IdeaRevision(text=text, at=at))
        case 12 if idea:
            session.ideas[pick % len(session.ideas)] = idea.model_copy(update={"text": text})
        case 13:
            new = Idea(number=10_000 + pick, text=text, created_at=at)
            session.ideas.insert(pick % (len(session.ideas) + 1), new)
        case 14 if session.ideas:
            del session.ideas[pick % len(session.ideas)]
        case 15:
            session.ideas.reverse()
        case 16 if session.capture.turns:
            session.capture.turns[pick % len(session.capture.turns)].ended_at = at
        case 17:
            session.capture = session.capture.model_copy(deep=True)
        case 18 if idea:
            idea.merged_from.clear()
            idea.history = []
        case 19:
            session.ideas = list(session.ideas)  # the same elements in a new list
        case 20 if idea:
            idea.deleted = not idea.deleted
            idea.created_at = at


ACTIONS = st.lists(
    st.tuples(st.integers(0, 20), st.integers(0, 10_000), TEXT), min_size=1, max_size=40
)


@pytest.mark.parametrize(
    ("smallest", "step"), [(0, 1000), (session_bytes.MIN_CACHED, 1000), (0, 3)]
)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actions=ACTIONS, start=st.integers(0, 30))
def test_cached_bytes_are_the_full_serialisation_after_every_change(
    smallest: int, step: int, actions: list[tuple[int, int, str]], start: int
) -> None:
    """smallest=0: every list cached, the shortest too; step=3: a few more cached each save."""
    session = with_ideas(start)
    encoder = SessionEncoder(PREFIX, SUFFIX)
    old = session_bytes.MIN_CACHED, session_bytes.STEP, session_bytes.SMALL_SESSION
    session_bytes.MIN_CACHED, session_bytes.STEP = smallest, step
    session_bytes.SMALL_SESSION = 0  # the small sessions of the test go through the cache
    try:
        assert encoder.encode(session) == encode_session(session)
        steps: list[core_ops.Step] = []
        for kind, pick, text in actions:
            act(session, kind, pick, text, steps)
            assert encoder.encode(session) == encode_session(session), (kind, pick, text)
    finally:
        session_bytes.MIN_CACHED, session_bytes.STEP, session_bytes.SMALL_SESSION = old


def test_the_first_save_caches_a_step_of_elements_and_the_next_ones_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(session_bytes, "STEP", 25)
    session = with_ideas(60)
    encoder = SessionEncoder(PREFIX, SUFFIX)
    ideas = encoder.session.parts["ideas"]
    assert isinstance(ideas, ListBytes)
    for cached in (25, 50, 60, 60):
        assert encoder.encode(session) == encode_session(session)
        assert len(ideas.elements) == cached
        session.ideas[40].text = f"changée {cached}"  # beyond the cached ones at first


@pytest.fixture(autouse=True)
def _cache_small_sessions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session_bytes, "SMALL_SESSION", 0)


def test_a_session_of_few_ideas_is_encoded_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session_bytes, "SMALL_SESSION", 100)
    session = with_ideas(20)
    encoder = SessionEncoder(PREFIX, SUFFIX)
    assert encoder.encode(session) == encode_session(session)
    assert encoder.session.parts["ideas"].elements == []  # type: ignore[union-attr]


def test_a_save_encodes_again_only_what_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session_bytes, "STEP", 1000)
    session = with_ideas(40)
    encoder = SessionEncoder(PREFIX, SUFFIX)
    encoder.encode(session)
    made: list[object] = []
    real = ListBytes.encode

    def counting(self: ListBytes, items: list[object], touched: object = None) -> bytes | None:
        to_json = self.to_json

        def spy(item: object) -> bytes:
            made.append(item)
            return to_json(item)

        self.to_json = spy  # type: ignore[method-assign]
        try:
            return real(self, items, touched)  # type: ignore[arg-type]
        finally:
            self.to_json = to_json  # type: ignore[method-assign]

    monkeypatch.setattr(ListBytes, "encode", counting)
    core_ops.apply(session, GiveIdea("une de plus", T0))
    assert encoder.encode(session) == encode_session(session)
    ideas_made = [id(x) for x in made if isinstance(x, Idea)]
    assert ideas_made == [id(session.ideas[-1])]  # the new one, not the 40 others
    made.clear()
    session.ideas[7].text = "reformulée"
    session.ideas[9].merged_from.append(3)
    assert encoder.encode(session) == encode_session(session)
    assert [id(x) for x in made if isinstance(x, Idea)] == [id(session.ideas[i]) for i in (7, 9)]


def test_an_idea_with_reformulations_is_encoded_on_every_save() -> None:
    session = with_ideas(20)
    core_ops.apply(session, Reformulate(3, "autrement", T0))
    encoder = SessionEncoder(PREFIX, SUFFIX)
    encoder.encode(session)
    session.ideas[2].history[0].text = "changée en place"  # no assignment on the idea
    saved = encoder.encode(session)
    assert saved == encode_session(session)
    assert b"chang\xc3\xa9e en place" in saved


def test_every_save_of_a_handle_writes_the_full_serialisation(store, clock) -> None:
    session = with_ideas(30)
    store.create(session)
    with store.open(session.id) as handle:
        for n in range(5):
            handle.apply(lambda s, n=n: core_ops.apply(s, GiveIdea(f"nouvelle {n}", T0)))
            handle.apply(lambda s, n=n: setattr(s.ideas[n], "text", f"reprise {n}"))
            on_disk = handle.path.read_bytes()
            assert on_disk == encode_session(handle.session)
        # The command line writes meanwhile: the handle re-reads, re-applies, saves.
        store.transact(session.id, lambda s: setattr(s.ideas[0], "description", "d'ailleurs"))
        handle.apply(lambda s: setattr(s.ideas[1], "text", "après"))
        on_disk = handle.path.read_bytes()
        assert on_disk == encode_session(handle.session)
    doc = json.loads(on_disk)["session"]["1"]
    assert doc["ideas"][0]["description"] == "d'ailleurs"
    assert doc["ideas"][1]["text"] == "après"
    assert doc["ideas"][4]["text"] == "reprise 4"
    assert [i["text"] for i in doc["ideas"][-5:]] == [f"nouvelle {n}" for n in range(5)]


REVISION = st.builds(IdeaRevision, text=TEXT, at=st.just(T0))


@settings(max_examples=40, deadline=None)
@given(
    shapes=st.lists(
        st.tuples(st.lists(REVISION, max_size=2), st.lists(st.integers(1, 9), max_size=2)),
        max_size=12,
    )
)
def test_snapshots_of_many_are_each_ones_snapshot(
    shapes: list[tuple[list[IdeaRevision], list[int]]],
) -> None:
    ideas = [
        Idea(number=n + 1, text="x", created_at=T0, history=history, merged_from=merged)
        for n, (history, merged) in enumerate(shapes)
    ]
    dicts = [idea.__dict__ for idea in ideas]
    assert session_bytes.snapshots(dicts) == [session_bytes.snapshot(d) for d in dicts]
    for idea, snap in zip(ideas, session_bytes.snapshots(dicts), strict=True):
        assert (snap is None) == bool(idea.history)  # reformulations: encoded every time


class Row(BaseModel):
    n: int
    tags: list[str] = []


class Extra(BaseModel):
    model_config = ConfigDict(extra="allow")
    rows: list[Row] = []


class Computed(BaseModel):
    rows: list[Row] = []

    @computed_field  # type: ignore[prop-decorator]
    @property
    def count(self) -> int:
        return len(self.rows)


class Whole(BaseModel):
    rows: list[Row] = []

    @model_serializer
    def _whole(self) -> dict[str, object]:
        return {"n": [row.n for row in self.rows]}


class Outer(BaseModel):
    title: str = "t"
    extra: Extra = Extra()
    computed: Computed = Computed()
    whole: Whole = Whole()
    rows: list[Row] = []
    after: int = 0


@pytest.mark.parametrize("extra", [False, True])
def test_a_model_not_made_of_its_fields_alone_is_encoded_whole(extra: bool) -> None:
    rows = [Row(n=n, tags=["a"] * (n % 3)) for n in range(30)]
    outer = Outer(
        extra=Extra(rows=rows, **({"kept": 1} if extra else {})),
        computed=Computed(rows=rows),
        whole=Whole(rows=rows),
        rows=rows,
    )
    encoder = session_bytes.ModelBytes(Outer)
    assert set(encoder.parts) == {"rows"}  # only the plain list of rows is taken apart
    for change in range(3):
        out: list[bytes] = []
        encoder.encode(outer, out)
        assert b"".join(out) == outer.__pydantic_serializer__.to_json(outer)
        rows[change].tags.append("b")
