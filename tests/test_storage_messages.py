"""What the storage layer says about a file it cannot read or write reads in the
interface's language: French by default, English with the language set to "en"."""

from __future__ import annotations

import errno
import json
import os

import pytest
from conftest import build_session

from sessions.i18n import set_language
from sessions.i18n.catalog import NNBSP
from sessions.storage.errors import CorruptSessionError, LockedError, NewerSessionError, SaveError
from sessions.storage.follow import SessionFollower
from sessions.storage.locks import FileLock
from sessions.storage.session_file import session_from_doc

SAID = {
    "no_document": {
        "fr": "aucun document de session dans le fichier",
        "en": "no session document in the file",
    },
    "wrong_schema": {"fr": f"schéma incorrect à title{NNBSP}:", "en": "wrong schema at title:"},
    "newer": {
        "fr": "écrit par un atelier plus récent (schéma 99, celui-ci lit jusqu'au schéma 7)"
        f"{NNBSP}: mettez à jour atelier",
        "en": "written by a newer atelier (schema version 99, this atelier reads up to 7):"
        " update atelier",
    },
    "locked": {
        "fr": f"{NNBSP}: la session est en cours d'écriture par un autre processus",
        "en": ": the session is being written by another process",
    },
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_unreadable_file_gives_its_reason_in_the_language(store, session, lang) -> None:
    set_language(lang)
    with pytest.raises(CorruptSessionError) as empty:
        session_from_doc(None, store.path_for(session.id))
    assert empty.value.reason == SAID["no_document"][lang]
    path = store.path_for(session.id)
    path.write_bytes(json.dumps({"session": {"1": {"title": ["x"]}}}).encode())
    with pytest.raises(CorruptSessionError) as wrong:
        store.load(session.id)
    assert wrong.value.reason.startswith(SAID["wrong_schema"][lang]), wrong.value.reason
    assert "wrong schema" not in wrong.value.reason or lang == "en"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_newer_file_says_so_in_the_language(tmp_path, lang) -> None:
    set_language(lang)
    error = NewerSessionError(tmp_path / "s.json", 99, 7)
    assert error.reason.startswith(SAID["newer"][lang]), error.reason
    assert str(error).startswith(str(tmp_path / "s.json"))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_failed_save_reads_in_the_language_it_is_shown_in(tmp_path, lang) -> None:
    error = SaveError(tmp_path / "s.json", OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    set_language(lang)
    colon = {"fr": f"{NNBSP}: ", "en": ": "}[lang]
    assert str(error) == f"{tmp_path / 's.json'}{colon}{os.strerror(errno.ENOSPC)}"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_session_held_by_another_writer_says_so_in_the_language(store, monkeypatch, lang) -> None:
    set_language(lang)
    monkeypatch.setattr(FileLock, "acquire", lambda self, timeout: False)
    session = build_session()
    with pytest.raises(LockedError) as created:
        store.create(session)
    assert str(created.value) == f"{store.path_for(session.id)}{SAID['locked'][lang]}"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_atelier_watch_gives_a_newer_file_and_a_gone_one_in_the_language(store, session, lang):
    set_language(lang)
    path = store.path_for(session.id)
    doc = json.loads(path.read_bytes())
    doc["session"]["1"]["schema_version"] = 99
    path.write_bytes(json.dumps(doc).encode())
    assert SessionFollower(path).error.startswith(
        {"fr": "écrit par un atelier plus récent", "en": "written by a newer atelier"}[lang]
    )
    gone = SessionFollower(store.sessions_dir / "gone.json")
    assert gone.error == {"fr": "le fichier a disparu", "en": "the file is missing"}[lang]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_unreadable_file_is_named_then_explained_in_the_language(tmp_path, lang) -> None:
    error = CorruptSessionError(tmp_path / "s.json", "x")
    set_language(lang)
    colon = {"fr": f"{NNBSP}: ", "en": ": "}[lang]
    assert str(error) == f"{tmp_path / 's.json'}{colon}x"
