"""Ops as data: every change of a session is a named, frozen, deterministic value.

An op is a frozen dataclass with a ``name`` (its key in ``OPS``), the
``parts`` of the session it touches, the keyed slots it may change
(``keys``, read on the session before it runs) and ``run``, which calls the
domain's pure function. Most ops declare their slots rather than write
``keys``: ``slots`` (always the same ones) and ``keyed_by`` (one slot named by
a field, ``("tally", "number")``, listed after ``slots``: an order slot declared
there is written last on undo, once what it orders is back); ``label_fields``
names the fields their undo label shows. ``keys`` stays written by hand where
the slots depend on the session (the next idea or turn, a merge's group).
It reads no clock: the time is one of its fields, so the same session and
the same op always give the same result, whether the
app applies it, the file is re-read and it is applied again on top
(``SessionHandle`` does that when the command line wrote meanwhile), or a
test replays it.

``apply(session, op)`` runs it and returns its result with a ``Step``: for
each slot that changed, what it held before and after - a few hundred bytes,
not a copy of the session. ``undo(session, step)`` puts the slots back only
if each still holds what the op left there; a slot changed since (by the
command line, another window) refuses the whole undo with ``UndoRefused``,
which says which one, and changes nothing. ``redo`` is the same, forward.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from typing import Any, ClassVar

from sessions.core.keyed import Key, all_keys, blocked, read, write, write_order
from sessions.i18n import t
from sessions.models import Session

# Which part of a session each kind of slot belongs to (an op declares its parts).
PART_OF_SLOT = {
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
    "timer": "agenda",
    "maps": "maps",
    "enjeux": "enjeux",
}

OPS: dict[str, type[Op]] = {}


class UndoRefused(ValueError):
    """An undo (or redo) whose target changed since; ``str()`` says which, translated."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(t(key, **values))


@dataclass(frozen=True)
class Op:
    """Base of every op; subclasses are frozen dataclasses with a ``name``."""

    name: ClassVar[str] = ""
    parts: ClassVar[frozenset[str]] = frozenset()
    label_key: ClassVar[str] = ""
    # What most ops declare rather than write (``keys`` and ``label_values`` use them):
    slots: ClassVar[tuple[Key, ...]] = ()  # the slots it changes, always the same ones
    keyed_by: ClassVar[tuple[str, str] | None] = None  # one slot: (its kind, the field naming it)
    label_fields: ClassVar[tuple[str, ...]] = ()  # the fields its label names

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.name:
            if cls.name in OPS:
                raise TypeError(f"two ops named {cls.name!r}")
            OPS[cls.name] = cls

    def keys(self, session: Session) -> Iterable[Key]:
        """The slots this op may change, read before it runs: ``slots``, ``keyed_by``'s, or own."""
        if self.keyed_by is not None:
            kind, field = self.keyed_by
            return [*self.slots, (kind, getattr(self, field))]
        if self.slots:
            return self.slots
        raise NotImplementedError(self.name)

    def run(self, session: Session) -> Any:
        """Change ``session`` in place (the domain's function); raise ValueError to refuse."""
        raise NotImplementedError(self.name)

    def label_values(self) -> dict[str, object]:
        return {field: getattr(self, field) for field in self.label_fields}

    def label(self) -> str:
        return t(self.label_key, **self.label_values())

    def to_data(self) -> dict[str, Any]:
        """The op as JSON-ready data: ``{"op": name, field: value...}``."""
        from pydantic import TypeAdapter

        data = TypeAdapter(type(self)).dump_python(self, mode="json")
        return {"op": self.name, **data}


def from_data(data: dict[str, Any]) -> Op:
    """The op ``to_data`` gave (its fields validated)."""
    from pydantic import TypeAdapter

    values = dict(data)
    cls = OPS[values.pop("op")]
    return TypeAdapter(cls).validate_python(values)


def op_fields(op: Op) -> dict[str, Any]:
    return {f.name: getattr(op, f.name) for f in fields(op)}


Change = tuple[Key, Any, Any]  # slot, value before, value after


@dataclass(frozen=True)
class Step:
    """What one applied op changed, slot by slot, and how to name it."""

    changes: tuple[Change, ...]
    label_key: str = ""
    label_values: tuple[tuple[str, object], ...] = ()
    text: str = ""  # a label given as text (a change that is not an op)
    op: str = ""  # the op's name

    def label(self) -> str:
        if self.label_key:
            return t(self.label_key, **dict(self.label_values))
        return self.text

    @property
    def size(self) -> int:
        """Bytes held by the values of the step (for the memory figure)."""
        return sum(_size(before) + _size(after) for _, before, after in self.changes)


def _size(value: Any) -> int:
    if isinstance(value, bytes | str):
        return len(value)
    if isinstance(value, tuple):
        return sum(_size(v) for v in value)
    return 8


@dataclass(frozen=True)
class Applied:
    result: Any
    step: Step


def _diff(session: Session, keys: Iterable[Key], before: dict[Key, Any]) -> tuple[Change, ...]:
    changes = []
    for key in keys:
        after = read(session, key)
        if after != before.get(key):
            changes.append((key, before.get(key), after))
    return tuple(changes)


def apply(session: Session, op: Op) -> Applied:
    """Run ``op`` on ``session``; its result and the step that undoes it.

    An op that raises changes nothing (the domain's functions check first).
    """
    keys = list(dict.fromkeys(op.keys(session)))
    before = {key: read(session, key) for key in keys}
    result = op.run(session)
    step = Step(
        changes=_diff(session, keys, before),
        label_key=op.label_key,
        label_values=tuple(op.label_values().items()),
        op=op.name,
    )
    return Applied(result, step)


def apply_function(session: Session, fn: Callable[[Session], Any], label: str = "") -> Applied:
    """A change given as a bare function: every slot is compared (slower; ops do better)."""
    before = {key: read(session, key) for key in all_keys(session)}
    result = fn(session)
    keys = dict.fromkeys([*before, *all_keys(session)])
    return Applied(result, Step(changes=_diff(session, keys, before), text=label))


def _move(session: Session, step: Step, forward: bool) -> None:
    # a change is (slot, before, after): undo expects ``after`` and writes ``before``
    expected, wanted = (1, 2) if forward else (2, 1)
    written = {change[0]: change[wanted] for change in step.changes}
    for change in step.changes:
        key = change[0]
        if read(session, key) != change[expected] or blocked(session, key, change[wanted], written):
            what = t(f"undo.what.{key[0]}", **_what_values(key))
            refusal = "undo.refused" if not forward else "undo.refused_redo"
            raise UndoRefused(refusal, label=step.label() or "-", what=what)
    for key, value in write_order([(change[0], change[wanted]) for change in step.changes]):
        write(session, key, value)


def _what_values(key: Key) -> dict[str, object]:
    if key[0] in ("idea", "tally", "position", "sheet"):
        return {"number": key[1]}
    if key[0] == "turn":
        return {"number": key[1] + 1}
    return {}


def undo(session: Session, step: Step) -> None:
    """Put back what ``step`` changed, or raise ``UndoRefused`` changing nothing."""
    _move(session, step, forward=False)


def redo(session: Session, step: Step) -> None:
    """Apply ``step`` again after its undo, or raise ``UndoRefused`` changing nothing."""
    _move(session, step, forward=True)


def touched_parts(step: Step) -> set[str]:
    return {PART_OF_SLOT[key[0]] for key, _, _ in step.changes}
