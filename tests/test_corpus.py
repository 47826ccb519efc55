"""Every session file of the corpus opens, migrates and round-trips, forever.

``tests/corpus/v<N>/`` holds files written by the atelier of schema version N
(``tests/corpus/make_corpus.py``): one per built-in template and full
workshops. They are never regenerated; each schema version adds its folder.
Nothing here names the current version: it is ``SCHEMA_VERSION``, whatever it is.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sessions.agenda.catalog import builtin_templates
from sessions.documents.export_json import session_to_json
from sessions.documents.minutes import minutes_markdown
from sessions.models.session import SCHEMA_VERSION
from sessions.storage.session_file import encode_session
from sessions.storage.store import SessionStore

CORPUS = Path(__file__).parent / "corpus"
FILES = sorted(CORPUS.glob("v*/*.json"))
# Change with every save: the rest of the session must come back as it was.
SAVE_STAMPS = {"revision", "updated_at"}


def _version_of(path: Path) -> int:
    return int(path.parent.name.removeprefix("v"))


def _stored(path: Path) -> dict:
    return json.loads(path.read_bytes())["session"]["1"]


@pytest.fixture
def corpus_store(tmp_path, clock) -> SessionStore:
    store = SessionStore(tmp_path / "data", clock)
    store.ensure()
    return store


def _copy_in(store: SessionStore, path: Path) -> Path:
    """The corpus file copied into the store (the committed file is never opened for work)."""
    target = store.sessions_dir / path.name
    shutil.copyfile(path, target)
    return target


def test_the_corpus_is_there():
    assert len(FILES) >= 9
    assert {_version_of(path) for path in FILES} >= {1}
    for path in FILES:
        assert _stored(path)["schema_version"] == _version_of(path), path


def test_every_builtin_template_has_a_corpus_file():
    named = {path.stem.removeprefix("template-") for path in FILES}
    missing = {template.name for template in builtin_templates()} - named
    assert not missing, f"run tests/corpus/make_corpus.py to add {sorted(missing)}"


def test_no_corpus_file_is_newer_than_this_atelier():
    versions = {_version_of(path) for path in FILES}
    assert max(versions) <= SCHEMA_VERSION  # no file of a future atelier in the corpus


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_corpus_file_opens_migrates_and_round_trips(path: Path, corpus_store: SessionStore):
    target = _copy_in(corpus_store, path)
    before = target.read_bytes()

    session = corpus_store.load(target.stem)
    assert session.schema_version == SCHEMA_VERSION
    assert session.id == _stored(path)["id"]
    assert target.read_bytes() == before  # reading migrates in memory, never on disk

    # Saved by this atelier, then loaded again: the same session.
    corpus_store.transact(session.id, lambda s: None)
    stored = _stored(target)
    assert stored["schema_version"] == SCHEMA_VERSION
    again = corpus_store.load(session.id)
    assert again.model_dump(exclude=SAVE_STAMPS) == session.model_dump(exclude=SAVE_STAMPS)
    assert again.revision == session.revision + 1
    # ... and its bytes are stable from then on.
    corpus_store.transact(session.id, lambda s: None)
    third = corpus_store.load(session.id)
    assert encode_session(third.model_copy(update={"revision": again.revision})) == (
        encode_session(again.model_copy(update={"updated_at": third.updated_at}))
    )

    # The documents build from it.
    export = session_to_json(again)
    assert json.loads(json.dumps(export, ensure_ascii=False)) == export
    assert export["id"] == session.id
    minutes = minutes_markdown(again)
    assert session.title in minutes


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_corpus_file_keeps_what_it_says(path: Path, corpus_store: SessionStore):
    """What the old file holds is still there after migration (nothing dropped on the way)."""
    stored = _stored(path)
    session = corpus_store.load(str(_copy_in(corpus_store, path)))
    assert session.title == stored["title"]
    assert [p.name for p in session.participants] == [p["name"] for p in stored["participants"]]
    assert [i.text for i in session.ideas] == [i["text"] for i in stored["ideas"]]
    assert [p.title for p in session.agenda] == [p["title"] for p in stored["agenda"]]
    assert session.timer.state == stored["timer"]["state"]
    assert session.vote.counted == stored["vote"]["counted"]
    assert {str(n) for n in session.grid.positions} == set(stored["grid"]["positions"])


def test_the_full_workshops_hold_a_whole_workshop(corpus_store: SessionStore):
    """The corpus exercises every part: a pass, a late idea, a merge, positions, a running timer."""
    for path in [p for p in FILES if p.stem.startswith("workshop-")]:
        session = corpus_store.load(str(_copy_in(corpus_store, path)))
        assert any(turn.idea_number is None for turn in session.capture.turns)  # a pass
        assert any(idea.late for idea in session.ideas)
        assert any(idea.merged_into for idea in session.ideas)
        assert session.vote.counted and session.vote.tallies
        assert session.grid.positions
        assert session.timer.state == "running"


def test_the_products_files_hold_what_the_other_formats_record(corpus_store: SessionStore):
    """A dot vote with sheets; enjeux with chantiers and a resource map (schema 7 on)."""
    found = {p.stem: p for p in FILES if p.stem.startswith("products-")}
    assert {"products-dots", "products-fiche3"} <= set(found)
    for stem in ("products-dots", "products-fiche3"):
        session = corpus_store.load(str(_copy_in(corpus_store, found[stem])))
        if stem == "products-dots":
            assert session.vote.rule == "dots" and session.vote.counted
            assert [s.kind for s in session.sheets] == ["solution", "action", "action_complete"]
        else:
            assert [e.number for e in session.enjeux] == [1, 2]
            assert [s.fields["enjeu"] for s in session.sheets] == ["1", "2"]
            assert [m.kind for m in session.maps] == ["ressources"]
