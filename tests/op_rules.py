"""Rules every op of ``sessions`` keeps, for the issue-18 package tests (test_mut_*_pkg.py).

An op is named ``area.verb`` (its ``"op"`` key in ``to_data``) and found by
that name; its label is a message of the catalog in French and English; and
its step records every slot it changed (undo and replay put back exactly that).
"""

from __future__ import annotations

import re
from types import ModuleType

from sessions.core import keyed
from sessions.core.ops import OPS, Op, Step, apply, from_data, touched_parts
from sessions.i18n import t
from sessions.models import Session

OP_NAME = re.compile(r"[a-z]+\.[a-z_]+")


def ops_of(module: ModuleType) -> list[type[Op]]:
    """The op classes a module declares (not the bases it imports)."""
    return [
        cls
        for cls in vars(module).values()
        if isinstance(cls, type) and issubclass(cls, Op) and cls.__module__ == module.__name__
    ]


def check_names(module: ModuleType, areas: set[str]) -> None:
    for cls in ops_of(module):
        if not cls.__name__.startswith("_"):
            assert OP_NAME.fullmatch(cls.name), cls.__name__
            assert OPS[cls.name] is cls
            assert cls.name.split(".")[0] in areas, cls.name


def check_labels(module: ModuleType, unlabelled: frozenset[str] = frozenset()) -> None:
    """Every op is labelled but ``unlabelled`` (ops never undone, like the typed draft)."""
    for cls in ops_of(module):
        if cls.__name__.startswith("_") or cls.__name__ in unlabelled:
            continue
        key = next((vars(k)["label_key"] for k in cls.__mro__ if "label_key" in vars(k)), "")
        if isinstance(key, property):
            continue  # named by one of its fields
        assert isinstance(key, str) and key, cls.__name__
        for lang in ("fr", "en"):
            assert t(key, lang) not in ("", key), (cls.__name__, lang)


def changed(before: Session, after: Session) -> set[tuple[object, ...]]:
    keys = set(keyed.all_keys(before)) | set(keyed.all_keys(after))
    return {key for key in keys if keyed.read(before, key) != keyed.read(after, key)}


def apply_recorded(session: Session, op: Op) -> Step:
    """Apply ``op``: it changed something, its step names every slot changed; data round-trips."""
    before = session.model_copy(deep=True)
    step = apply(session, op).step
    moved = changed(before, session)
    assert moved, op
    assert moved <= {key for key, _, _ in step.changes}, (op, moved)
    assert touched_parts(step) <= op.parts, (op, touched_parts(step))  # the parts it declares
    assert from_data(op.to_data()) == op
    return step
