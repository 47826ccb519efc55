"""Undo as keyed slots (sessions/core ops, keyed, undo, parts): rules held by failing tests.

Issue 18: each slot kind read and written back, the refusals naming what changed,
the history's stacks and limit, the parts table and a duplicate's copy.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sessions.capture import tour
from sessions.core import keyed, ops, parts
from sessions.core.ops import Step, UndoRefused, apply_function
from sessions.core.undo import LIMIT, UndoHistory, apply_recorded, snapshot
from sessions.i18n import t
from sessions.models import Session
from sessions.sheets import sheet_ops
from sessions.vote import vote_ops
from tests.conftest import build_session

T0 = dt.datetime(2026, 11, 22, 9, 0)


def _ideas(n: int = 4) -> Session:
    s = build_session()
    for k in range(n):
        tour.give_idea(s, f"idée {k + 1}", T0 + dt.timedelta(minutes=k))
    return s


def _dump(s: Session) -> bytes:
    return s.__pydantic_serializer__.to_json(s, exclude={"capture": {"draft"}})


# -- Step --------------------------------------------------------------------------


def test_step_size_counts_bytes_of_text_and_a_word_per_other_value() -> None:
    key = ("vote", "x")
    assert Step(changes=((key, b"abc", "de"),)).size == len(b"abc") + len("de")
    nested = (b"ab", ("c", b"def"))
    assert Step(changes=((key, nested, None),)).size == 2 + 1 + 3 + 8
    assert Step(changes=((key, 5, True), (key, "", ()))).size == 8 + 8
    assert Step(changes=()).size == 0


def test_step_label_from_key_or_text() -> None:
    assert Step((), label_key="undo.what.idea", label_values=(("number", 3),)).label() == t(
        "undo.what.idea", number=3
    )
    assert Step((), text="à la main").label() == "à la main"
    assert Step(()).label() == ""


# -- refusals ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "key, values",
    [
        (("idea", 2), {"number": 2}),
        (("tally", 4), {"number": 4}),
        (("position", 5), {"number": 5}),
        (("sheet", 6), {"number": 6}),
        (("turn", 0), {"number": 1}),  # the first turn is turn 1 for people
        (("capture", "rounds"), {}),
        (("participants",), {}),
    ],
)
def test_a_refused_undo_names_what_changed(key, values) -> None:
    s = _ideas()
    tour.pass_turn(s, T0)
    if key[0] == "tally" or key[0] == "position":
        for number in range(1, 5):
            vote_ops.EnterHands(number, "2").run(s)
        vote_ops.CloseCount(True).run(s)
    if key[0] == "sheet":
        s.sheets = []
        for _ in range(6):
            sheet_ops.AddSheet(kind="solution", fields=(("nom", "Bus"),)).run(s)
    before = keyed.read(s, key)
    step = Step(changes=((key, before, b"never held"),))
    with pytest.raises(UndoRefused) as refused:
        ops.undo(s, step)
    what = t(f"undo.what.{key[0]}", **values)
    assert refused.value.key == "undo.refused"
    assert str(refused.value) == t("undo.refused", label="-", what=what)
    assert keyed.read(s, key) == before
    with pytest.raises(UndoRefused) as refused:
        ops.redo(s, Step(changes=((key, b"never held", before),), text="ma modif"))
    assert refused.value.key == "undo.refused_redo"
    assert str(refused.value) == t("undo.refused_redo", label="ma modif", what=what)


def test_a_refusal_changes_no_slot_even_when_the_first_one_matched() -> None:
    s = _ideas()
    step = apply_function(
        s,
        lambda x: (
            tour.reformulate(x, 1, "un", T0),
            tour.reformulate(x, 2, "deux", T0),
        ),
    ).step
    tour.reformulate(s, 2, "ailleurs", T0)
    before = _dump(s)
    with pytest.raises(UndoRefused):
        ops.undo(s, step)
    assert _dump(s) == before


def test_undo_writes_back_in_reverse_order() -> None:
    s = _ideas(2)
    before = _dump(s)
    applied = apply_function(
        s, lambda x: [tour.add_idea(x, f"n{k}", T0) for k in range(3)], label="trois"
    )
    assert applied.step.text == "trois"
    ops.undo(s, applied.step)
    assert _dump(s) == before


# -- keyed slots -------------------------------------------------------------------


def test_every_slot_is_read_and_written_back() -> None:
    s = _ideas()
    for number in range(1, 5):
        vote_ops.EnterHands(number, "1 2").run(s)
    vote_ops.CloseCount(True).run(s)
    sheet_ops.AddSheet(kind="solution", fields=(("nom", "Bus"),)).run(s)
    keys = list(keyed.all_keys(s))
    kinds = {k[0] for k in keys}
    assert {"idea", "turn", "capture", "vote", "tally", "participants", "grid", "sheets"} <= kinds
    assert ("sheet", s.sheets[0].number) in keys
    assert keyed.PARTICIPANTS in keys and keyed.GRID_ITEMS in keys and keyed.SHEETS_ORDER in keys
    assert ("capture", "draft") not in keys and ("capture", "turns") not in keys
    assert ("vote", "tallies") not in keys and ("vote", "ballots") not in keys
    values = {k: keyed.read(s, k) for k in keys}
    twin = s.model_copy(deep=True)
    for key, value in values.items():
        keyed.write(twin, key, value)
        assert keyed.read(twin, key) == value, key
    assert _dump(twin) == _dump(s)


def test_reading_and_writing_an_unknown_slot_refuses() -> None:
    s = _ideas(1)
    with pytest.raises(KeyError):
        keyed.read(s, ("nothing",))
    with pytest.raises(KeyError):
        keyed.write(s, ("nothing",), None)


def test_idea_slot_empty_when_missing_and_put_back_in_number_order() -> None:
    s = _ideas(4)
    assert keyed.read(s, ("idea", 99)) is None
    saved = keyed.read(s, ("idea", 2))
    keyed.write(s, ("idea", 2), None)
    assert [i.number for i in s.ideas] == [1, 3, 4]
    keyed.write(s, ("idea", 2), None)  # emptying an empty slot: nothing
    assert [i.number for i in s.ideas] == [1, 3, 4]
    keyed.write(s, ("idea", 2), saved)
    assert [i.number for i in s.ideas] == [1, 2, 3, 4]
    assert keyed.read(s, ("idea", 2)) == saved


def test_idea_found_in_a_list_out_of_order() -> None:
    s = _ideas(4)
    expected = keyed.read(s, ("idea", 3))
    s.ideas.reverse()
    assert keyed.read(s, ("idea", 3)) == expected
    assert keyed.read(s, ("idea", 9)) is None


def test_turn_slots() -> None:
    s = _ideas(3)
    n = len(s.capture.turns)
    assert n >= 3
    assert keyed.read(s, ("turn", n)) is None
    last = keyed.read(s, ("turn", n - 1))
    assert keyed.blocked(s, ("turn", n - 2), None)  # a later turn keeps it
    assert not keyed.blocked(s, ("turn", n - 1), None)
    assert not keyed.blocked(s, ("turn", n - 2), last)
    assert not keyed.blocked(s, ("idea", 1), None)
    keyed.write(s, ("turn", n - 1), None)
    assert len(s.capture.turns) == n - 1
    keyed.write(s, ("turn", n - 1), last)
    assert len(s.capture.turns) == n and keyed.read(s, ("turn", n - 1)) == last
    first = keyed.read(s, ("turn", 0))
    keyed.write(s, ("turn", 0), last)
    assert keyed.read(s, ("turn", 0)) == last and len(s.capture.turns) == n
    keyed.write(s, ("turn", 0), first)


def test_field_slots() -> None:
    s = _ideas(1)
    assert keyed.read(s, ("capture", "rounds")) == s.capture.rounds
    keyed.write(s, ("capture", "rounds"), 7)
    assert s.capture.rounds == 7
    keyed.write(s, ("vote", "envelope"), 2)
    assert s.vote.envelope == 2 and keyed.read(s, ("vote", "envelope")) == 2


def test_tally_ballot_position_grid_and_participants_slots() -> None:
    s = _ideas(3)
    assert keyed.read(s, ("tally", 1)) is None
    vote_ops.EnterHands(1, "3").run(s)
    tally = keyed.read(s, ("tally", 1))
    keyed.write(s, ("tally", 1), None)
    assert 1 not in s.vote.tallies
    keyed.write(s, ("tally", 1), tally)
    assert keyed.read(s, ("tally", 1)) == tally
    pid = s.participants[0].id
    assert keyed.read(s, ("ballot", pid)) is None
    s.vote.ballots[pid] = {2: 1, 1: 3}
    assert keyed.read(s, ("ballot", pid)) == ((1, 3), (2, 1))
    keyed.write(s, ("ballot", pid), None)
    assert pid not in s.vote.ballots
    keyed.write(s, ("ballot", pid), ((1, 3),))
    assert s.vote.ballots[pid] == {1: 3}
    assert keyed.read(s, ("position", 1)) is None
    keyed.write(s, ("position", 1), None)
    s.grid.items = None
    assert keyed.read(s, keyed.GRID_ITEMS) is None
    keyed.write(s, keyed.GRID_ITEMS, (3, 1))
    assert s.grid.items == [3, 1]
    keyed.write(s, keyed.GRID_ITEMS, None)
    assert s.grid.items is None
    people = keyed.read(s, keyed.PARTICIPANTS)
    keyed.write(s, keyed.PARTICIPANTS, people[:1])
    assert len(s.participants) == 1
    keyed.write(s, keyed.PARTICIPANTS, people)
    assert keyed.read(s, keyed.PARTICIPANTS) == people


def test_sheet_slots_and_their_order() -> None:
    s = _ideas(1)
    s.sheets = []
    for name in ("A", "B", "C"):
        sheet_ops.AddSheet(kind="solution", fields=(("nom", name),)).run(s)
    numbers = [x.number for x in s.sheets]
    assert keyed.read(s, keyed.SHEETS_ORDER) == tuple(numbers)
    assert keyed.read(s, ("sheet", 999)) is None
    second = keyed.read(s, ("sheet", numbers[1]))
    keyed.write(s, ("sheet", numbers[1]), None)
    assert [x.number for x in s.sheets] == [numbers[0], numbers[2]]
    keyed.write(s, ("sheet", numbers[1]), None)
    keyed.write(s, ("sheet", numbers[1]), second)
    assert [x.number for x in s.sheets] == [numbers[0], numbers[2], numbers[1]]
    keyed.write(s, keyed.SHEETS_ORDER, tuple(numbers))
    assert [x.number for x in s.sheets] == numbers
    first = keyed.read(s, ("sheet", numbers[0]))
    sheet_ops.FillSheet(numbers[0], "T", (), (("nom", "Autre"),)).run(s)
    assert keyed.read(s, ("sheet", numbers[0])) != first
    keyed.write(s, ("sheet", numbers[0]), first)
    assert keyed.read(s, ("sheet", numbers[0])) == first
    assert [x.number for x in s.sheets] == numbers
    # an order naming only some sheets puts those first, the others after
    keyed.write(s, keyed.SHEETS_ORDER, (numbers[2], 12345))
    assert [x.number for x in s.sheets] == [numbers[2], numbers[0], numbers[1]]


# -- the history -------------------------------------------------------------------


def _step(label: str) -> Step:
    return Step(changes=((("capture", "rounds"), 3, 4),), text=label)


def test_history_keeps_only_changes_and_the_last_limit_steps() -> None:
    h = UndoHistory(limit=3)
    assert not h.can_undo and not h.can_redo
    assert h.undo_op() is None and h.redo_op() is None
    h.push(Step(changes=()))
    assert not h.can_undo
    for k in range(5):
        h.push(_step(str(k)))
    assert [s.text for s in h.undo_stack] == ["2", "3", "4"]
    assert UndoHistory().limit == LIMIT == 200


def test_history_undo_redo_move_between_stacks_and_a_push_clears_redo() -> None:
    h = UndoHistory()
    h.push(_step("a"))
    h.push(_step("b"))
    _, label = h.undo_op()
    assert label == "b" and h.can_redo and [s.text for s in h.redo_stack] == ["b"]
    _, label = h.redo_op()
    assert label == "b" and not h.can_redo and len(h.undo_stack) == 2
    h.undo_op()
    h.push(_step("c"))
    assert not h.can_redo and [s.text for s in h.undo_stack] == ["a", "c"]


def test_history_cancel_and_drop() -> None:
    h = UndoHistory()
    h.push(_step("a"))
    h.push(_step("b"))
    h.undo_op()  # b on redo
    h.cancel_last(to_redo=True)  # the undo could not be saved: b back on undo
    assert [s.text for s in h.undo_stack] == ["a", "b"] and not h.redo_stack
    h.redo_op()  # nothing to redo: no change
    h.undo_op()
    h.redo_op()  # b back on undo
    h.cancel_last(to_redo=False)  # the redo could not be saved: b back on redo
    assert [s.text for s in h.undo_stack] == ["a"] and [s.text for s in h.redo_stack] == ["b"]
    h.drop_last(undone=True)  # the redo was refused: forget b
    assert not h.redo_stack and [s.text for s in h.undo_stack] == ["a"]
    h.drop_last(undone=False)
    assert not h.undo_stack
    h.drop_last(undone=False)  # nothing left: no error
    h.cancel_last(to_redo=True)
    h.cancel_last(to_redo=False)
    assert not h.undo_stack and not h.redo_stack


def test_history_size_sums_both_stacks() -> None:
    h = UndoHistory()
    a, b = _step("a"), Step(changes=((("idea", 1), b"xyz", None),))
    h.push(a)
    h.push(b)
    h.undo_op()
    assert h.size == a.size + b.size


def test_undo_op_runs_the_undo_of_the_last_step() -> None:
    s = _ideas(2)
    h = UndoHistory()
    before = _dump(s)
    apply_recorded(h, lambda: s, lambda f: f(s), lambda x: tour.give_idea(x, "n", T0), "n")
    after = _dump(s)
    undo, label = h.undo_op()
    assert label == "n"
    undo(s)
    assert _dump(s) == before
    redo, _ = h.redo_op()
    redo(s)
    assert _dump(s) == after


def test_apply_recorded_read_only_records_nothing() -> None:
    h = UndoHistory()
    got = apply_recorded(h, lambda: None, lambda f: None, lambda x: 1 / 0)
    assert got is None and not h.can_undo


def test_apply_recorded_keeps_the_step_of_the_last_run() -> None:
    s = _ideas(1)
    h = UndoHistory()

    def twice(f):
        f(s.model_copy(deep=True))
        return f(s)

    result = apply_recorded(h, lambda: s, twice, vote_ops.EnterHands(1, "4"))
    assert result is None or result is not False
    assert len(h.undo_stack) == 1
    undo, _ = h.undo_op()
    undo(s)
    assert 1 not in s.vote.tallies


def test_snapshot_holds_only_recorded_parts() -> None:
    s = _ideas(1)
    shot = snapshot(s, "x")
    assert shot.label == "x"
    s.title = "autre titre"  # details: saved, not recorded
    assert snapshot(s).data == shot.data
    tour.give_idea(s, "encore", T0)
    assert snapshot(s).data != shot.data


# -- the parts table ---------------------------------------------------------------


def test_every_session_field_has_one_part() -> None:
    for name in Session.model_fields:
        assert name in parts.owner(name).fields
    with pytest.raises(KeyError):
        parts.owner("nothing")
    assert parts.part("ideas").undo is parts.Undo.RECORDED
    with pytest.raises(KeyError):
        parts.part("nothing")


def test_recorded_fields_are_the_undoable_parts() -> None:
    recorded = parts.recorded_fields()
    assert {"ideas", "capture", "vote", "grid", "participants", "sheets"} <= recorded
    assert not {"title", "revision", "roles", "next_steps"} & recorded
    for name in Session.model_fields:
        assert (name in recorded) == (parts.owner(name).undo is parts.Undo.RECORDED)


def test_parts_of_a_session_follow_its_format() -> None:
    s = build_session()
    s.parts.sheets = []
    s.parts.maps = []
    s.parts.enjeux = False
    s.sheets = []
    names = [p.name for p in parts.parts_of(s)]
    assert "sheets" not in names and "maps" not in names and "enjeux" not in names
    assert names == [p.name for p in parts.PARTS if p.is_in(s)]  # the table's order
    assert {"file", "details", "participants"} <= set(names)  # every session has them
    assert [p.name for p in parts.parts_of(s, ["details", "file"])] == ["file", "details"]
    assert parts.parts_of(s, []) == []
    s.parts.sheets = ["solution"]
    s.parts.enjeux = True
    s.parts.maps = ["ressources"]
    names = [p.name for p in parts.parts_of(s)]
    assert {"sheets", "enjeux", "maps"} <= set(names)


def test_a_part_is_present_by_its_content_too() -> None:
    s = build_session()
    s.parts.sheets = []
    sheet_ops.AddSheet(kind="solution", fields=(("nom", "Bus"),)).run(s)
    assert parts.part("sheets").is_in(s)
    assert parts.part("ideas").is_in(s)


def test_builders_are_loaded_from_their_references() -> None:
    import importlib

    from sessions.sheets import minutes as sheet_minutes

    assert parts.load("sessions.sheets.minutes:sheet_blocks") is sheet_minutes.sheet_blocks
    for p in parts.PARTS:
        for refs, loaded in (
            (p.minutes, p.minutes_builders()),
            (p.synthesis, p.synthesis_builders()),
        ):
            assert len(loaded) == len(refs)
            for ref, fn in zip(refs, loaded, strict=True):
                module, _, name = ref.partition(":")
                assert fn is getattr(importlib.import_module(module), name)
                assert fn.__name__ == name and callable(fn)
    assert any(p.minutes for p in parts.PARTS) and any(p.synthesis for p in parts.PARTS)


def test_duplicate_copies_resets_or_starts_fresh() -> None:
    src = _ideas(3)
    for number in range(1, 4):
        vote_ops.EnterHands(number, "2").run(src)
    vote_ops.CloseCount(True).run(src)
    src.capture.rounds = 5
    src.agenda[0].actual_seconds = 60.0
    src.agenda[0].started_at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    src.vote.per_person = 4
    src.vote.rule = "dots"  # not the default: the copy must take it
    src.vote.stacking = True
    new = parts.duplicate_session(src, "Copie")
    assert new.title == "Copie" and new.id != src.id
    assert new.place == src.place and new.question == src.question
    assert [p.id for p in new.participants] == [p.id for p in src.participants]
    assert new.ideas == [] and new.vote.tallies == {}
    assert new.capture.turns == [] and new.capture.rounds == 5
    assert new.capture.question == src.capture.question
    assert [p.title for p in new.agenda] == [p.title for p in src.agenda]
    assert new.agenda[0].actual_seconds is None and new.agenda[0].started_at is None
    assert new.agenda[0].ended_at is None
    assert (new.vote.rule, new.vote.per_person, new.vote.stacking) == ("dots", 4, True)
    assert new.grid.kind == src.grid.kind and new.grid.planned == src.grid.planned
    assert new.grid.positions == {}
    same = parts.duplicate_session(src)
    assert same.title == src.title
    src.participants[0].name = "Changé"
    assert new.participants[0].name != "Changé"  # a copy, not the same objects


# -- the op base -------------------------------------------------------------------


def test_an_op_name_is_given_once() -> None:
    taken = next(iter(ops.OPS))
    count = len(ops.OPS)
    with pytest.raises(TypeError, match="two ops named"):
        type("Twin", (ops.Op,), {"name": taken})
    assert len(ops.OPS) == count and ops.OPS[taken].__name__ != "Twin"


def test_an_unnamed_op_is_not_registered_and_declares_nothing() -> None:
    count = len(ops.OPS)

    class Draft(ops.Op):
        pass

    assert len(ops.OPS) == count
    assert Draft.parts == frozenset() and Draft.label_key == "" and Draft.name == ""
    assert Draft().label_values() == {}
    with pytest.raises(NotImplementedError):
        Draft().run(build_session())
    with pytest.raises(NotImplementedError):
        list(Draft().keys(build_session()))
    with pytest.raises(TypeError):
        type("Odd", (ops.Op,), {}, colour="red")


def test_op_fields_are_its_dataclass_fields() -> None:
    op = vote_ops.EnterHands(3, "1 2")
    got = ops.op_fields(op)
    assert got == {f: getattr(op, f) for f in got}
    assert got == {"number": 3, "text": "1 2"}
    assert ops.from_data({"op": op.name, **got}) == op


def test_sections_and_parts_name_each_other() -> None:
    from tui.sections import SECTIONS

    names = {p.name for p in parts.PARTS}
    assert len(names) == len(parts.PARTS)
    modes = {s.mode for s in SECTIONS}
    for sec in SECTIONS:
        assert sec.part is None or sec.part in names, sec.mode
    for p in parts.PARTS:
        assert p.section is None or p.section in modes, p.name
        if len(p.fields) == 1:  # a part of one field is named after it
            assert p.fields == (p.name,)
    assert set(ops.PART_OF_SLOT.values()) <= names
    for op in ops.OPS.values():
        assert op.parts <= names, op.name


# The Session field each kind of slot lives in (sessions.core.keyed.read).
SLOT_FIELD = {
    "idea": "ideas",
    "turn": "capture",
    "capture": "capture",
    "vote": "vote",
    "tally": "vote",
    "ballot": "vote",
    "participants": "participants",
    "grid": "grid",
    "position": "grid",
    "sheet": "sheets",
    "sheets": "sheets",
    "agenda": "agenda",
    "phase": "agenda",
    "timer": "timer",
    "maps": "maps",
    "enjeux": "enjeux",
}


def test_a_slot_belongs_to_the_part_owning_its_field() -> None:
    for kind, part_name in ops.PART_OF_SLOT.items():
        assert parts.owner(SLOT_FIELD[kind]).name == part_name, kind
    s = build_session()
    for key in keyed.all_keys(s):
        assert key[0] in ops.PART_OF_SLOT, key
        step = Step(changes=((key, None, None),))
        assert ops.touched_parts(step) == {parts.owner(SLOT_FIELD[key[0]]).name}


def test_an_op_as_json_ready_data_and_its_label() -> None:
    import json

    from sessions.capture import capture_ops

    op = capture_ops.GiveIdea("une idée", T0)
    data = op.to_data()
    assert data["op"] == op.name
    assert json.loads(json.dumps(data)) == data  # plain JSON values: a date as text
    assert ops.from_data(data) == op
    sheet = sheet_ops.FillSheet(2, "T", (1, 3), (("nom", "Bus"),))
    assert json.loads(json.dumps(sheet.to_data())) == sheet.to_data()
    assert ops.from_data(sheet.to_data()) == sheet
    assert op.label() == t(op.label_key, **op.label_values()) != ""
    assert sheet.label() == t("sheets.undo.fill", number=2)
