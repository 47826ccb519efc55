"""A save told the slots a change touched checks only those; its bytes stay a full serialisation.

Every op declares its slots (``sessions.core.ops``); the change path
(``tui.changes``) tells the save which ones the step changed (undo and redo
too), and ``SessionEncoder`` then reuses every other element's bytes without
comparing it. A change that cannot say (a bare function, a slot of a kind the
storage does not know) makes the save compare every element as before.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sessions.capture.capture_ops import DeleteIdea, GiveIdea, Reformulate, SetDescription
from sessions.core import ops as core_ops
from sessions.models import Session
from sessions.storage import session_bytes
from sessions.storage.session_bytes import ListBytes, SessionEncoder
from sessions.storage.session_file import PREFIX, SUFFIX, encode_session
from sessions.storage.touched import Hints, Touched, Touching, touched_by
from tests.test_save_cache import T0, act, with_ideas
from tui import changes

Key = tuple[Any, ...]


def _slots(step: core_ops.Step) -> list[Key]:
    return [change[0] for change in step.changes]


def act_told(
    session: Session,
    kind: int,
    pick: int,
    text: str,
    steps: list[core_ops.Step],
    undone: list[core_ops.Step],
) -> list[Key] | None:
    """One change, and what the change path tells the save (None: nothing known)."""
    if kind == 7 and steps:  # undo: the step's slots
        step = steps.pop()
        with contextlib.suppress(core_ops.UndoRefused):
            core_ops.undo(session, step)
            undone.append(step)
        return _slots(step)
    if kind == 21 and undone:  # redo
        step = undone.pop()
        with contextlib.suppress(core_ops.UndoRefused):
            core_ops.redo(session, step)
            steps.append(step)
        return _slots(step)
    if kind <= 6:  # an op as the screens apply it: the slots its step changed
        before = len(steps)
        act(session, kind, pick, text, steps)
        return _slots(steps[-1]) if len(steps) > before else []
    act(session, kind, pick, text, steps)  # a direct change, saved by a bare function
    return None


TOLD = st.lists(
    st.tuples(st.integers(0, 21), st.integers(0, 10_000), st.text(min_size=1, max_size=8)),
    min_size=1,
    max_size=40,
)


@pytest.mark.parametrize("step", [1000, 3])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actions=TOLD, start=st.integers(16, 40), ops_only=st.booleans())
def test_a_save_told_the_slots_writes_the_full_serialisation(
    step: int, actions: list[tuple[int, int, str]], start: int, ops_only: bool
) -> None:
    """Ops, undo and redo told by their slots, direct changes not told; step=3: few cached."""
    session = with_ideas(start)
    encoder = SessionEncoder(PREFIX, SUFFIX)
    old = session_bytes.MIN_CACHED, session_bytes.STEP, session_bytes.SMALL_SESSION
    session_bytes.MIN_CACHED, session_bytes.STEP, session_bytes.SMALL_SESSION = 0, step, 0
    try:
        assert encoder.encode(session) == encode_session(session)
        steps: list[core_ops.Step] = []
        undone: list[core_ops.Step] = []
        for kind, pick, text in actions:
            if ops_only and 8 <= kind <= 20:
                kind = pick % 8
            told = act_told(session, kind, pick, text, steps, undone)
            assert encoder.encode(session, told) == encode_session(session), (kind, pick)
    finally:
        session_bytes.MIN_CACHED, session_bytes.STEP, session_bytes.SMALL_SESSION = old


def _spy_made(monkeypatch: pytest.MonkeyPatch, encoder: SessionEncoder) -> list[object]:
    made: list[object] = []
    ideas = encoder.session.parts["ideas"]
    assert isinstance(ideas, ListBytes)
    real = ideas.to_json

    def spy(item: object) -> bytes:
        made.append(item)
        return real(item)

    monkeypatch.setattr(ideas, "to_json", spy)
    return made


def test_a_save_told_the_slots_encodes_the_touched_ideas_and_compares_no_other(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(session_bytes, "SMALL_SESSION", 0)
    session = with_ideas(40)
    encoder = SessionEncoder(PREFIX, SUFFIX)
    encoder.encode(session)
    made = _spy_made(monkeypatch, encoder)
    step = core_ops.apply(session, Reformulate(7, "autrement", T0)).step
    session.ideas[20].text = "changée sans le dire"  # not told: kept as it was encoded
    told = encoder.encode(session, _slots(step))
    assert made == [session.ideas[6]]  # idea n°7 only: no other is compared or encoded
    assert b"autrement" in told and b"sans le dire" not in told
    made.clear()
    assert encoder.encode(session) == encode_session(session)  # not told: every one compared
    assert made == [session.ideas[6], session.ideas[20]]  # n°7 holds reformulations


def test_an_idea_number_repeated_by_hand_is_encoded_at_every_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(session_bytes, "SMALL_SESSION", 0)
    session = with_ideas(30)
    session.ideas[3].number = 9  # a hand-edited file: two ideas n°9
    encoder = SessionEncoder(PREFIX, SUFFIX)
    encoder.encode(session)
    session.ideas[3].text, session.ideas[8].text = "une", "deux"
    assert encoder.encode(session, [("idea", 9)]) == encode_session(session)


def _end_turn(session: Session) -> None:
    session.capture.turns[2].ended_at = T0 + dt.timedelta(hours=1)


def _rename(session: Session) -> None:
    session.participants[0].name = "Renommée"


def _idea_text(session: Session) -> None:
    session.ideas[4].text = "changée"


@pytest.mark.parametrize(
    ("told", "edit"),
    [
        ([("enjeu", 1)], _idea_text),  # a kind the storage does not know
        ([("capture", "turns")], _end_turn),  # the turns' list as a field
        ([("participants",)], _rename),  # a part checked whole
    ],
)
def test_slots_the_storage_cannot_place_make_it_compare_the_list(
    told: list[Key], edit: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session_bytes, "SMALL_SESSION", 0)
    monkeypatch.setattr(session_bytes, "MIN_CACHED", 0)
    session = with_ideas(20)
    assert len(session.capture.turns) >= 3
    encoder = SessionEncoder(PREFIX, SUFFIX)
    encoder.encode(session)
    edit(session)
    assert encoder.encode(session, told) == encode_session(session)


def test_hints_say_which_lists_are_compared_whole() -> None:
    hints = Hints([("idea", 3), ("turn", 2), ("capture", "current_index"), ("tally", 3)])
    assert hints.for_list(("ideas",)) == {3}
    assert hints.for_list(("capture", "turns")) == {2}
    assert hints.for_list(("participants",)) == set()
    assert hints.for_list(("vote", "anything")) is None  # a tally: the vote checked whole
    assert Hints([("capture", "turns")]).for_list(("capture", "turns")) is None
    assert Hints([("grid", "items")]).for_list(("grid", "items")) is None
    assert Hints([("grid", "items")]).for_list(("grid", "other")) == set()
    assert Hints([("sheet", 1)]).for_list(("sheets",)) is None
    assert Hints([("nouveau", 1)]).for_list(("ideas",)) is None


def test_touched_gathers_slots_until_a_change_that_cannot_say() -> None:
    touched = Touched()
    assert touched.keys is None  # nothing known before the first save
    touched.keys = set()
    touched.add([("idea", 1)])
    touched.add([("turn", 0)])
    assert touched.keys == {("idea", 1), ("turn", 0)}
    touched.add(None)
    touched.add([("idea", 2)])
    assert touched.keys is None
    op = Touching(lambda s: s + 1, lambda: (("idea", 5),))
    assert touched_by(op) is None and op(1) == 2 and touched_by(op) == [("idea", 5)]
    assert touched_by(lambda s: None) is None


class App:
    """What ``tui.changes`` needs of the app."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle
        self.told: list[list[Key] | None] = []
        self.notes: list[str] = []

    @property
    def session(self) -> Session:
        return self.handle.session

    def apply(self, op: Any) -> Any:
        result = self.handle.apply(op)
        self.told.append(touched_by(op))
        return result

    def poll_file(self) -> None:
        self.handle.reload_if_changed()

    def notify(self, message: str, **_: Any) -> None:
        self.notes.append(message)


def test_the_change_path_tells_the_save_and_every_save_is_the_full_serialisation(
    store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session_bytes, "SMALL_SESSION", 0)
    session = with_ideas(30)
    store.create(session)
    with store.open(session.id) as handle:
        app = App(handle)

        def saved() -> bytes:
            data = handle.path.read_bytes()
            assert data == encode_session(handle.session)
            return data

        assert changes.change(app, GiveIdea("une de plus", T0))[0]
        assert app.told[-1] is not None and app.told[-1][0] == ("idea", 31)
        assert b"une de plus" in saved()
        assert changes.change(app, DeleteIdea(3))[0] and app.told[-1] == [("idea", 3)]
        saved()
        assert changes.undo(app) and app.told[-1] == [("idea", 3)]
        assert handle.session.ideas[2].deleted is False and saved()
        assert changes.redo(app) and handle.session.ideas[2].deleted and saved()
        assert changes.change(app, lambda s: setattr(s.ideas[5], "text", "à la main"))[0]
        assert app.told[-1] is None and b"la main" in saved()  # a bare function: not told
        assert changes.change(app, SetDescription(8, "en détail"), record=False)[0]
        assert app.told[-1] == [("idea", 8)] and b"en d\xc3\xa9tail" in saved()
        assert changes.undo(app) and b"la main" not in saved()
        assert changes.change(app, Reformulate(999, "x", T0))[0] is False  # refused
        assert app.notes and saved()


# Each kind of slot, the part of the session it lies in, and how much of it it names.
ELEMENT_SLOTS = [(("idea", 4), ("ideas",), 4), (("turn", 2), ("capture", "turns"), 2)]
FIELD_SLOTS = [("capture", "capture"), ("vote", "vote"), ("timer", "timer"), ("grid", "grid")]
WHOLE_SLOTS = [
    (("participants",), "participants"),
    (("agenda",), "agenda"),
    (("phase", "p1"), "agenda"),
    (("sheets", "order"), "sheets"),
    (("sheet", 2), "sheets"),
    (("maps",), "maps"),
    (("tally", 3), "vote"),
    (("ballot", "a1"), "vote"),
    (("position", 3), "grid"),
]


@pytest.mark.parametrize(("key", "path", "name"), ELEMENT_SLOTS)
def test_a_slot_of_one_element_names_it_in_its_list_only(key: Key, path: Any, name: Any) -> None:
    hints = Hints([key])
    assert hints.for_list(path) == {name}
    others = [("ideas",), ("capture", "turns"), ("participants",), ("agenda",), ("maps",)]
    assert all(hints.for_list(other) == set() for other in others if other != path)


@pytest.mark.parametrize(("kind", "part"), FIELD_SLOTS)
def test_a_slot_of_a_field_makes_the_list_in_that_field_compared(kind: str, part: str) -> None:
    hints = Hints([(kind, "rows")])
    assert hints.for_list((part, "rows")) is None
    assert hints.for_list((part, "other")) == set()
    assert hints.for_list(("ideas",)) == set()


@pytest.mark.parametrize(("key", "part"), WHOLE_SLOTS)
def test_a_slot_of_a_whole_part_makes_every_list_in_it_compared(key: Key, part: str) -> None:
    hints = Hints([key])
    assert hints.for_list((part,)) is None
    assert hints.for_list((part, "rows")) is None
    assert hints.for_list(("ideas",)) == set()
    assert hints.for_list(("capture", "turns")) == set()


def test_the_tours_turns_are_kept_turn_by_turn_and_only_the_told_one_encoded_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(session_bytes, "SMALL_SESSION", 0)
    monkeypatch.setattr(session_bytes, "MIN_CACHED", 0)
    session = with_ideas(30)
    encoder = SessionEncoder(PREFIX, SUFFIX)
    encoder.encode(session)
    capture = encoder.session.parts["capture"]
    assert isinstance(capture, session_bytes.ModelBytes)
    turns = capture.parts["turns"]
    assert isinstance(turns, ListBytes) and len(turns.elements) == len(session.capture.turns)
    made: list[object] = []
    real = turns.to_json
    monkeypatch.setattr(turns, "to_json", lambda item: made.append(item) or real(item))
    session.capture.turns[3].ended_at = T0 + dt.timedelta(hours=2)
    session.capture.turns[5].ended_at = T0 + dt.timedelta(hours=3)  # not told
    told = encoder.encode(session, [("turn", 3), ("turn", 99)])
    assert made == [session.capture.turns[3]]
    assert b"11:00:00" in told and b"12:00:00" not in told
