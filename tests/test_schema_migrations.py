"""Migrations of the stored schema, and the defects they fixed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sessions.agenda.toml_file import export_agenda
from sessions.documents.minutes import minutes_markdown
from sessions.models.grid import GridKind
from sessions.models.session import fold_grid_kind, migrate
from sessions.storage.peek import read_light
from sessions.storage.store import SessionStore
from tests.conftest import build_session


def test_duplicating_a_fiche2_session_keeps_its_grid(store):
    """Issue 13: the copy of an idées reçues session had an impact / maîtrise grid."""
    source = build_session("idees-recues")
    store.create(source)
    assert store.load(source.id).grid.kind == GridKind.SPREAD_FOUNDED
    copy = store.duplicate(source.id, title="Copie")
    assert store.load(copy.id).grid.kind == GridKind.SPREAD_FOUNDED


# -- schema 4: grid_kind folded into the grid part ------------------------------------

CORPUS = Path(__file__).parent / "corpus"


@pytest.mark.parametrize(
    ("stored", "grid"),
    [
        ({"grid_kind": "spread_founded"}, {"kind": "spread_founded", "planned": True}),
        # stored twice and different (a duplicated fiche-2 session): the template's wins
        (
            {"grid_kind": "spread_founded", "grid": {"kind": "impact_mastery", "items": [2]}},
            {"kind": "spread_founded", "items": [2], "planned": True},
        ),
        ({"grid_kind": "impact_mastery", "grid": {}}, {"kind": "impact_mastery", "planned": True}),
        ({"grid_kind": None, "grid": {"kind": "impact_mastery"}}, {"kind": "impact_mastery"}),
        ({"grid": {"kind": "impact_mastery"}}, {"kind": "impact_mastery"}),
        # a hand-edited name no grid has: planned, the grid's own kind kept
        ({"grid_kind": "hexagonal", "grid": {}}, {"planned": True}),
    ],
)
def test_fold_grid_kind(stored, grid):
    doc = fold_grid_kind(dict(stored))
    assert "grid_kind" not in doc
    assert doc.get("grid", {}) == grid


def test_a_grid_that_is_not_an_object_is_left_for_validation_to_refuse():
    doc = fold_grid_kind({"grid_kind": "spread_founded", "grid": [1]})
    assert doc == {"grid_kind": "spread_founded", "grid": [1]}


def test_a_v1_file_duplicated_before_the_fix_gets_its_grid_back(store: SessionStore):
    """The copies made by the old duplicate: grid_kind set, grid.kind left at impact."""
    source = CORPUS / "v1" / "template-idees-recues.json"
    tables = json.loads(source.read_bytes())
    doc = tables["session"]["1"]
    doc["id"], doc["grid"]["kind"] = "old-copy", "impact_mastery"
    assert doc["grid_kind"] == "spread_founded"
    (store.sessions_dir / "old-copy.json").write_text(json.dumps(tables), encoding="utf-8")
    session = store.load("old-copy")
    assert session.grid.kind == GridKind.SPREAD_FOUNDED and session.grid.planned


@pytest.mark.parametrize("stem", ["template-idees-recues", "template-atelier-thematique"])
def test_the_readers_of_grid_kind_follow(store: SessionStore, stem: str):
    """The agenda's TOML export, the minutes and the JSON export say what v1 said."""
    from sessions.documents.export_json import session_to_json

    source = CORPUS / "v1" / f"{stem}.json"
    shutil.copyfile(source, store.sessions_dir / source.name)
    stored = json.loads(source.read_bytes())["session"]["1"]
    session = store.load(stem)
    toml = export_agenda(session)
    if stored["grid_kind"]:
        assert f'grid = "{stored["grid_kind"]}"' in toml
    else:
        assert "grid =" not in toml
    assert session_to_json(session)["grid_kind"] == stored["grid_kind"]
    has_grid_heading = "\n## Grille" in minutes_markdown(session, "fr")
    assert has_grid_heading == bool(stored["grid_kind"])


def test_migrate_skips_versions_that_only_added_keys(monkeypatch):
    """A bump with no migration (a key added with a default) needs no entry."""
    from sessions.models import session as schema

    monkeypatch.setattr(schema, "MIGRATIONS", {})
    doc = migrate({"schema_version": 1, "title": "T"})
    assert doc == {"schema_version": schema.SCHEMA_VERSION, "title": "T"}


@pytest.mark.parametrize("path", sorted(CORPUS.glob("v*/*.json")), ids=lambda p: p.stem)
def test_atelier_status_reads_older_files_light(store: SessionStore, path: Path):
    """The light reader (no pydantic) knows the older versions: same id, title and agenda."""
    light = read_light(path)
    assert light is not None
    target = store.sessions_dir / path.name
    shutil.copyfile(path, target)
    full = store.load(str(target))
    assert (light.id, light.title) == (full.id, full.title)
    assert [p.title for p in light.agenda] == [p.title for p in full.agenda]
    assert light.timer.state == full.timer.state and light.timer.index == full.timer.index
