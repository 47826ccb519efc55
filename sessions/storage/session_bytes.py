"""A session's file bytes, reusing each idea's (each list element's) JSON until it changes.

Serialising a whole session costs ~2 µs an idea (pydantic-core), on every save.
``SessionEncoder.encode`` gives the very bytes ``encode_session`` gives, but
keeps, for each long list of models (the ideas, the tour's turns, ...), every
element's JSON with a snapshot of what it was made from, and encodes again
only the elements whose snapshot no longer matches.

When is a cached element reused? Only when it is the same object, of exactly
the model class the field declares, at the same place in its list, and its
``__dict__`` equals the snapshot taken when its bytes were made. The snapshot
is a shallow copy of ``__dict__`` in which each list is copied too; an element
holding anything mutable other than a list of plain values (a nested model, a
dict, a list of models: an idea's reformulations) gets no snapshot and is
encoded on every save. So an assignment, a list appended to or emptied, an
element replaced, inserted or removed all show as a change.

Equality, not identity, is what the snapshot compares (identity costs as much
as encoding): a value replaced by an *equal* value that serialises otherwise
(``1`` by ``True`` or ``1.0``, ``0.0`` by ``-0.0``, a time by the same instant in
another time zone) keeps its former bytes until that element changes next -
the same data once loaded, and never the case for values the models' types
allow and the ops write. Everything but these lists goes through pydantic
each time (``include`` of the fields between them), in the model's field
order, so the bytes are the same to the byte: ``tests/test_save_cache.py``
holds it over random sequences of edits.

A save told what the change touched (``sessions.storage.touched``: the op's
slots, through ``tui.changes``) compares nothing: it encodes again the
elements those slots name and reuses every other one while it is the same
object in the same place. A save not told (a bare function, a slot of an
unknown kind) compares every element as above.

A session of fewer than ``SMALL_SESSION`` ideas is encoded whole (checking
costs more than it saves). Each save caches at most ``STEP`` more elements and
encodes the rest in one call, so the first save after opening a big session
costs what a full encoding costs. What is kept: about 1.1 MB at 1,000 ideas
(a copy of each element's ``__dict__`` and its JSON). ``python -m bench.save``
measures saves with and without it side by side.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import types
import typing
from collections import deque
from collections.abc import Iterable
from decimal import Decimal
from enum import Enum
from itertools import chain, compress, repeat
from operator import and_, attrgetter, eq, is_, itemgetter, not_, setitem
from typing import Any

from pydantic import BaseModel, TypeAdapter

from sessions.models import Session
from sessions.storage.touched import NAMES, Hints, Key

_DICT = attrgetter("__dict__")
# Types whose values never change in place (compared by equality in a snapshot).
_PLAIN = frozenset({str, int, float, bool, type(None), bytes, dt.datetime, dt.date, dt.time})
_PLAIN |= {dt.timedelta, Decimal}
# An empty list in every snapshot that needs one (never changed, never handed out).
_EMPTY: list[Any] = []
_MISSING = object()
# Elements newly cached by one save (the first save after opening caches this many).
STEP = 1000
# Sessions with fewer ideas than this are encoded whole (measured break-even: ~100).
SMALL_SESSION = 100
# Lists shorter than this are encoded with their model (caching costs more).
MIN_CACHED = 16

Pieces = list[bytes]


def _is_plain(value: Any) -> bool:
    return type(value) in _PLAIN or isinstance(value, Enum)


def snapshot(fields: dict[str, Any]) -> dict[str, Any] | None:
    """What an element's bytes were made from; None when it holds nested mutable values."""
    snap = dict(fields)
    for name, value in fields.items():
        if type(value) is list:
            if not all(map(_is_plain, value)):
                return None
            snap[name] = list(value) if value else _EMPTY
        elif not _is_plain(value):
            return None
    return snap


def snapshots(dicts: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    """``snapshot`` of each of ``dicts``, the common cases done for all at once (a first save)."""
    snaps: list[dict[str, Any] | None] = list(map(dict, dicts))
    values = list(map(type, chain.from_iterable(map(dict.values, dicts))))
    kinds = set(values) - {list}
    if not all(kind in _PLAIN or issubclass(kind, Enum) for kind in kinds):
        return list(map(snapshot, dicts))  # something nested: one by one
    names = [name for name, value in dicts[0].items() if type(value) is list] if dicts else []
    if values.count(list) != len(dicts) * len(names):
        return list(map(snapshot, dicts))  # lists in other places than the first's
    filled: set[int] = set()
    for name in names:
        try:
            lists = list(map(itemgetter(name), dicts))
        except KeyError:  # a field deleted from one of them
            return list(map(snapshot, dicts))
        if not all(map(is_, map(type, lists), repeat(list))):
            return list(map(snapshot, dicts))
        deque(map(setitem, snaps, repeat(name), repeat(_EMPTY, len(snaps))), maxlen=0)
        filled.update(compress(range(len(lists)), map(len, lists)))  # copied below
    for index in filled:  # a list with something in it: is it plain values only?
        snaps[index] = snapshot(dicts[index])
    return snaps


class ListBytes:
    """The JSON of one list of models, element by element, kept between saves."""

    def __init__(self, cls: type[BaseModel], name: str | None = None) -> None:
        self.cls = cls
        self.to_json = cls.__pydantic_serializer__.to_json
        self.elements: list[Any] = []
        self.snaps: list[dict[str, Any] | None] = []
        self.chunks: list[bytes] = []
        # ``name``: the field that names an element in the slots (an idea's number),
        # kept for each cached element; None: elements are named by their index.
        self.name = attrgetter(name) if name else None
        self.names: list[Any] = []
        self._adapter: TypeAdapter[Any] | None = None

    def _touched_at(self, touched: set[Any], n: int) -> list[int]:
        """The cached places of the elements ``touched`` names (numbers, or indices)."""
        if self.name is None:
            return [i for i in touched if type(i) is int and 0 <= i < n]
        names, found = self.names, []
        for name in touched:  # every place: a hand-edited file may repeat a number
            start = 0
            with contextlib.suppress(ValueError):
                while True:
                    start = names.index(name, start) + 1
                    found.append(start - 1)
        return [i for i in found if i < n]  # the list may be shorter now

    def encode(self, items: list[Any], touched: set[Any] | None = None) -> Pieces | None:
        """The elements' JSON separated by commas, in pieces (the caller adds the brackets).

        At most ``STEP`` more elements get cached on each save: the others, after
        them, are encoded in one call, so that the first save after opening costs
        about what a full encoding costs. None when an element is not exactly the
        declared model. ``touched`` (``sessions.storage.touched``): what names the
        only elements that may have changed in place since the last encoding; every
        other one is reused while it is the same object in the same place, without
        comparing its fields. None: every element is compared with its snapshot.
        """
        n = min(len(items), len(self.elements) + STEP)  # the first n go through the cache
        head = items[:n] if n < len(items) else items
        kept = min(n, len(self.elements))
        if touched is None:
            if not all(map(is_, map(type, items), repeat(self.cls))):
                return None
            dicts = map(_DICT, head)
            same = list(map(and_, map(is_, head, self.elements), map(eq, dicts, self.snaps)))
            same[kept:] = repeat(False, n - kept)
            changed = list(compress(range(n), map(not_, same)))
        elif all(map(is_, head, self.elements)):  # none moved: the touched and the new ones
            changed = sorted(set(self._touched_at(touched, kept)))
            changed += range(kept, n)
        else:
            same = list(map(is_, head, self.elements))
            for index in self._touched_at(touched, kept):
                same[index] = False
            same[kept:] = repeat(False, n - kept)
            changed = list(compress(range(n), map(not_, same)))
        fresh = list(map(head.__getitem__, changed))
        if touched is not None:  # the others were of the model when they were cached
            others = items[n:] if n < len(items) else ()
            if not all(map(is_, map(type, chain(fresh, others)), repeat(self.cls))):
                return None
        made = [chunk + b"," for chunk in map(self.to_json, fresh)]
        snaps = snapshots(list(map(_DICT, fresh)))
        del self.elements[n:], self.snaps[n:], self.chunks[n:], self.names[n:]
        grow = n - len(self.elements)
        self.elements.extend(repeat(None, grow))
        self.snaps.extend(repeat(None, grow))
        self.chunks.extend(repeat(b"", grow))
        self.names.extend(repeat(None, grow))
        named = list(map(self.name, fresh)) if self.name else [None] * len(fresh)
        rows = zip(changed, fresh, made, snaps, named, strict=True)
        for index, element, chunk, snap, name in rows:
            self.chunks[index] = chunk  # its JSON and a comma
            self.elements[index] = element
            self.snaps[index] = snap
            self.names[index] = name
        if n < len(items):
            return [*self.chunks, self.list_to_json(items[n:])[1:-1]]
        return [*self.chunks[:-1], self.chunks[-1][:-1]] if n else []

    @property
    def list_to_json(self) -> Any:
        adapter = self._adapter
        if adapter is None:
            adapter = self._adapter = TypeAdapter(list[self.cls])  # type: ignore[name-defined]
        return adapter.serializer.to_json


def _list_model(annotation: Any) -> type[BaseModel] | None:
    """``M`` when ``annotation`` is ``list[M]`` for a pydantic model ``M``."""
    if typing.get_origin(annotation) is list:
        (arg,) = typing.get_args(annotation) or (None,)
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None


def _by_fields(cls: type[BaseModel]) -> bool:
    """True when the model's JSON is its fields in order, each field's JSON on its own.

    Not so with extra fields kept, computed fields or a serializer for the
    whole model (none of the stored models has one): such a model is encoded whole.
    """
    decorators = cls.__pydantic_decorators__
    return (
        cls.model_config.get("extra") != "allow"
        and not cls.model_computed_fields
        and not decorators.model_serializers
    )


def _model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


class ModelBytes:
    """The JSON of one model: its fields run by run, its lists of models through ``ListBytes``."""

    def __init__(self, cls: type[BaseModel], path: tuple[str, ...] = ()) -> None:
        self.cls = cls
        self.path = path  # where the model is in the session, ("capture",)
        self.to_json = cls.__pydantic_serializer__.to_json
        self.plan: list[tuple[str, Any]] = []  # ("plain", field names) | ("part", a name)
        self.parts: dict[str, ListBytes | ModelBytes] = {}
        run: list[str] = []
        if not _by_fields(cls):
            self.plan.append(("plain", None))  # the model whole, as pydantic gives it
            return
        for name, info in cls.model_fields.items():
            part = self._part_for(name, info)
            if part is None:
                run.append(name)
                continue
            if run:
                self.plan.append(("plain", frozenset(run)))
                run = []
            self.parts[name] = part
            self.plan.append(("part", name))
        if run:
            self.plan.append(("plain", frozenset(run)))

    def _part_for(self, name: str, info: Any) -> ListBytes | ModelBytes | None:
        if info.alias or info.serialization_alias or isinstance(info.annotation, types.UnionType):
            return None
        element = _list_model(info.annotation)
        if element is not None:
            return ListBytes(element, NAMES.get((*self.path, name)))
        nested = _model(info.annotation)
        if nested is not None:
            inner = ModelBytes(nested, (*self.path, name))
            if any(kind == "part" for kind, _ in inner.plan):
                return inner
        return None

    def encode(self, model: Any, out: Pieces, hints: Hints | None = None) -> None:
        """Append the model's JSON to ``out``, piece by piece (``hints``: what was touched)."""
        fields = model.__dict__
        out.append(b"{")
        first = True
        for kind, what in self.plan:
            if kind == "plain":
                piece = self.to_json(model, include=what)[1:-1]  # None: every field
                if not piece:
                    continue
                if not first:
                    out.append(b",")
                out.append(piece)
            else:
                if not first:
                    out.append(b",")
                self._encode_part(model, what, fields, out, hints)
            first = False
        out.append(b"}")

    def _encode_part(
        self, model: Any, name: str, fields: dict[str, Any], out: Pieces, hints: Hints | None
    ) -> None:
        part = self.parts[name]
        value = fields.get(name, _MISSING)  # missing: pydantic says what it says of it
        key = json.dumps(name).encode() + b":"
        if isinstance(part, ListBytes):
            if type(value) is list and len(value) >= MIN_CACHED:
                touched = None if hints is None else hints.for_list((*self.path, name))
                encoded = part.encode(value, touched)
                if encoded is not None:
                    out += (key, b"[")
                    out += encoded
                    out.append(b"]")
                    return
        elif type(value) is part.cls:
            out.append(key)
            part.encode(value, out, hints)
            return
        out.append(self.to_json(model, include={name})[1:-1])


class SessionEncoder:
    """``encode(session)``: the bytes ``encode_session`` gives, reusing unchanged elements."""

    def __init__(self, prefix: bytes, suffix: bytes) -> None:
        self.prefix, self.suffix = prefix, suffix
        self.session = ModelBytes(Session)

    def encode(self, session: Session, touched: Iterable[Key] | None = None) -> bytes:
        """``touched``: the slots changed since the last call (``sessions.storage.touched``);
        None when unknown: every cached element is compared with its snapshot."""
        if len(session.ideas) < SMALL_SESSION:  # encoding it whole costs less than checking
            body = session.__pydantic_serializer__.to_json(session)
            return self.prefix + body + self.suffix
        out: Pieces = [self.prefix]
        self.session.encode(session, out, None if touched is None else Hints(touched))
        out.append(self.suffix)
        return b"".join(out)
