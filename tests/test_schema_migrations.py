"""Migrations of the stored schema, and the defects they fixed."""

from __future__ import annotations

from sessions.models.grid import GridKind
from tests.conftest import build_session


def test_duplicating_a_fiche2_session_keeps_its_grid(store):
    """Issue 13: the copy of an idées reçues session had an impact / maîtrise grid."""
    source = build_session("idees-recues")
    store.create(source)
    assert store.load(source.id).grid.kind == GridKind.SPREAD_FOUNDED
    copy = store.duplicate(source.id, title="Copie")
    assert store.load(copy.id).grid.kind == GridKind.SPREAD_FOUNDED
