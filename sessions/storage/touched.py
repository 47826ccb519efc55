"""What a change touched, so that a save checks only that (``SessionEncoder``).

A change given to ``SessionHandle.apply`` as a ``Touching`` says, once run,
the keyed slots (``sessions.core.keyed``) it may have changed: one idea, one
turn, a field of the vote... ``Touched`` gathers them from one save to the
next; ``Hints`` turns them into what the encoder may trust in each list it
keeps element by element: which elements to encode again, every other one
taken as it was when it was last encoded, as long as it is the same object in
the same place. A change that cannot say (a bare function, an op of unknown
slots, a slot of a kind not listed here) makes the next save check every
element, as it did before ops declared their slots.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

Key = tuple[Any, ...]
Path = tuple[str, ...]

# Slots naming one element of a list kept element by element: the list's path.
ELEMENT = {"idea": ("ideas",), "turn": ("capture", "turns")}
# The field naming an element of such a list in its slots (none: its index).
NAMES = {("ideas",): "number"}
# Slots naming a field of a part of the session, ("capture", "current_round"):
# a list at (part, field), if that field is one, is checked whole.
FIELD = {"capture": "capture", "vote": "vote", "timer": "timer", "grid": "grid"}
# Slots of which the whole part is checked (any list in it).
WHOLE = {
    "participants": "participants",
    "agenda": "agenda",
    "phase": "agenda",
    "sheets": "sheets",
    "sheet": "sheets",
    "maps": "maps",
    "tally": "vote",
    "ballot": "vote",
    "position": "grid",
}


class Touching:
    """A change for ``SessionHandle.apply`` that says what it touched.

    ``run(session)`` changes the session; ``slots()``, asked right after it ran,
    gives every slot it may have changed, or None when it cannot tell.
    """

    __slots__ = ("run", "slots", "touched")

    def __init__(self, run: Callable[[Any], Any], slots: Callable[[], Iterable[Key] | None]):
        self.run = run
        self.slots = slots
        self.touched: list[Key] | None = None

    def __call__(self, session: Any) -> Any:
        self.touched = None
        result = self.run(session)
        slots = self.slots()
        self.touched = None if slots is None else list(slots)
        return result


def touched_by(op: Any) -> list[Key] | None:
    """The slots ``op`` (as given to ``apply``, and run) touched; None when unknown."""
    return op.touched if isinstance(op, Touching) else None


class Touched:
    """The slots touched since the session was last encoded; None in ``keys``: unknown."""

    def __init__(self) -> None:
        self.keys: set[Key] | None = None  # nothing known before the first save

    def add(self, slots: Iterable[Key] | None) -> None:
        if slots is None:
            self.keys = None
        elif self.keys is not None:
            self.keys.update(slots)


class Hints:
    """For each list the encoder keeps: the elements to encode again, or None (check all)."""

    def __init__(self, keys: Iterable[Key]) -> None:
        self.elements: dict[Path, set[Any]] = {path: set() for path in ELEMENT.values()}
        self.checked: set[Path] = set()  # lists to check whole
        self.parts: set[str] = set()  # parts whose every list is checked whole
        self.known = True
        for key in keys:
            kind = key[0]
            if kind in ELEMENT:
                self.elements[ELEMENT[kind]].add(key[1])
            elif kind in FIELD:
                self.checked.add((FIELD[kind], key[1]))
            elif kind in WHOLE:
                self.parts.add(WHOLE[kind])
            else:
                self.known = False  # a slot this module does not know: check everything

    def for_list(self, path: Path) -> set[Any] | None:
        """What names the elements to encode again in the list at ``path`` (numbers of
        ideas, indices of turns), or None: check every element."""
        if not self.known or path in self.checked or path[0] in self.parts:
            return None
        return self.elements.get(path, set())
