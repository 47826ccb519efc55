"""The JSON export is a contract: its keys, nested, pinned as atelier wrote them.

``PINNED`` is the export of the schema-1 corpus (``tests/corpus/v1``) as the
atelier of commit 7066f9a wrote it, before the schema could evolve: every key
path, ``[]`` for the items of a list, ``*`` for the keys of a map keyed by
data (item numbers, participant ids). A key is only ever added (list it in
``ADDED`` and in ``docs/json-format.md``), never renamed or removed: a rename
in storage is mapped back in ``sessions/documents/export_json.py``.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from sessions.documents.export_json import session_to_json
from sessions.storage.store import SessionStore

CORPUS = Path(__file__).parent / "corpus"
DATA_MAPS = {"vote.tallies", "vote.ballots", "vote.ballots.*", "grid.positions"}

PINNED = frozenset(
    """
    agenda agenda[].actual_seconds agenda[].ended_at agenda[].extended_s agenda[].id
    agenda[].kind agenda[].minutes agenda[].notes agenda[].rotation
    agenda[].rotation.every_minutes agenda[].rotation.label agenda[].started_at agenda[].title
    agenda[].turns agenda[].turns[].label agenda[].turns[].minutes agenda[].warn_minutes
    capture capture.current_index capture.current_round capture.draft capture.question
    capture.rounds capture.turn_started_at capture.turns capture.turns[].ended_at
    capture.turns[].idea_number capture.turns[].participant_id capture.turns[].round
    capture.turns[].started_at created_at date format format_version
    grid grid.items grid.kind grid.positions grid.positions.* grid.positions.*.future
    grid.positions.*.present grid.positions.*.reason grid_kind horizon_year id
    ideas ideas[].author_id ideas[].created_at ideas[].deleted ideas[].description
    ideas[].duplicate_of ideas[].history ideas[].history[].at ideas[].history[].text
    ideas[].late ideas[].merged_from ideas[].merged_into ideas[].number ideas[].round
    ideas[].text items items[].author items[].author_id items[].number items[].numbers
    items[].points items[].rank items[].status items[].text items[].tied language next_steps
    participants participants[].group participants[].id participants[].name
    participants[].organisation participants[].present place question revision
    roles roles.animateur roles.rapporteur roles.second_animateur schema_version
    slot_minutes template theme timer timer.bells timer.boot_id timer.elapsed_s timer.extra_s
    timer.finished_total_s timer.index timer.planned_total_s timer.rang_end timer.segment_mono
    timer.segment_wall timer.session_started_at timer.session_started_boot
    timer.session_started_mono timer.state timer.turn_elapsed_offset_s timer.turn_index
    timer.warned title updated_at vote vote.ballots vote.blind vote.counted vote.envelope
    vote.envelope_at_close vote.envelope_override vote.method vote.revealed
    vote.reverse_order vote.tallies vote.tallies.* vote.tallies.*.hands vote.tallies.*.total
    vote.top vote.total_points vote.voters
    """.split()  # noqa: SIM905 - read as a text, part by part
) | {"vote.ballots.*", "vote.ballots.*.*"}  # a ballots vote (the corpus votes by hands)


def key_paths(value: Any, prefix: str = "") -> set[str]:
    """Every key path of a JSON value (see the module's docstring)."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            name = "*" if prefix in DATA_MAPS else key
            path = f"{prefix}.{name}" if prefix else name
            found.add(path)
            found |= key_paths(inner, path)
    elif isinstance(value, list):
        for inner in value:
            found |= key_paths(inner, prefix + "[]")
    return found


def _corpus_exports(tmp_path: Path, clock) -> list[dict[str, Any]]:
    store = SessionStore(tmp_path / "data", clock)
    store.ensure()
    exports = []
    for path in sorted(CORPUS.glob("v1/*.json")):
        shutil.copyfile(path, store.sessions_dir / path.name)
        session = store.load(path.stem)
        exports.append(session_to_json(session))
        if path.stem == "workshop-fiche1":  # the same, voted with ballots
            session.vote.method = "ballots"
            session.vote.ballots = {session.participants[0].id: {1: 2}}
            exports.append(session_to_json(session))
    return exports


def test_no_export_key_was_removed_or_renamed(tmp_path, clock):
    found: set[str] = set()
    for export in _corpus_exports(tmp_path, clock):
        found |= key_paths(export)
    assert PINNED - found == set()


@pytest.mark.parametrize("stem", ["workshop-fiche1", "workshop-fiche2", "template-offre-existante"])
def test_the_grid_kind_stays_at_the_top_of_the_export(tmp_path, clock, stem):
    store = SessionStore(tmp_path / "data", clock)
    store.ensure()
    source = CORPUS / "v1" / f"{stem}.json"
    shutil.copyfile(source, store.sessions_dir / source.name)
    import json

    stored = json.loads(source.read_bytes())["session"]["1"]
    export = session_to_json(store.load(stem))
    assert export["grid_kind"] == stored["grid_kind"]
    assert export["grid"]["kind"] == stored["grid"]["kind"]
    assert set(export["grid"]) == set(stored["grid"])


# Keys added to the export since PINNED (each documented in docs/json-format.md).
ADDED = frozenset(
    {"vote.rule", "vote.per_person", "vote.stacking", "sheets"}
    | {f"sheets[].{key}" for key in ("kind", "number", "title", "fields", "items", "totals")}
    | {"parts"}
    | {f"parts.{key}" for key in ("top", "sheets", "maps", "enjeux")}
    | {"enjeux", "enjeux[].number", "enjeux[].text", "enjeux[].sources"}
    | {"enjeux[].sources[].session", "enjeux[].sources[].item"}
    | {"maps", "maps[].kind", "maps[].centre", "maps[].chantier", "maps[].nodes"}
    | {f"maps[].nodes[].{key}" for key in ("label", "group", "link", "notes")}
    | {"maps[].host"}  # who stays at the map's table (schema 8)
    | {f"maps[].nodes[].{key}" for key in ("have", "connection", "operative")}
    | {"agenda[].turns_from"}  # turns drawn from the sheets (schema 9)
    | {f"agenda[].turns_from.{key}" for key in ("kind", "minutes", "edited")}
    | {"parts.capture"}  # the brainstorm's capture: tour or free (schema 10)
)


def test_every_export_key_is_pinned_or_announced(tmp_path, clock):
    found: set[str] = set()
    for export in _corpus_exports(tmp_path, clock):
        found |= key_paths(export)
    unannounced = found - PINNED - ADDED
    assert unannounced == set(), "add them to ADDED here and to docs/json-format.md"
