"""'schéma incorrect à X : ...' explains in the interface's language, not pydantic's English.

A hand-edited session file with a value of the wrong kind is refused; the reason
names the field's path and says what was expected (and what was read), in French
by default and in English with ``--lang en``: on the app's damaged-file screen and
from ``atelier status``.
"""

from __future__ import annotations

import json

import pytest
from textual.widgets import Static

from sessions.i18n import t
from sessions.i18n.pydantic_errors import explain, where
from sessions.models import Session
from sessions.storage.store import SessionStore
from tests.sheets_samples import plain
from tui.app import make_app
from tui.cli.main import main
from tui.screens.corrupt import CorruptFileScreen


def _edit(store: SessionStore, ref: str, change) -> None:  # type: ignore[no-untyped-def]
    """Change the stored document by hand, as a person with a text editor would."""
    path = store.path_for(ref)
    tables = json.loads(path.read_bytes())
    change(tables["session"]["1"])
    path.write_text(json.dumps(tables), encoding="utf-8")


def _reason(doc: dict, lang: str) -> str:
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as refused:
        Session.model_validate(doc)
    first = refused.value.errors()[0]
    return f"{where(first['loc'])}: {plain(explain(first, lang))}"


# (the hand edit, what French says, what English says)
EDITS = [
    (
        lambda d: d.update(title=42),
        "title: un texte était attendu, lu : 42",
        "title: a text was expected, read: 42",
    ),
    (
        lambda d: d.pop("title"),
        "title: champ manquant",
        "title: field missing",
    ),
    (
        lambda d: d["agenda"][0].update(minutes="dix"),
        "agenda.0.minutes: un nombre était attendu, lu : « dix »",
        "agenda.0.minutes: a number was expected, read: “dix”",
    ),
    (
        lambda d: d["agenda"][0].update(minutes=-5),
        "agenda.0.minutes: doit être supérieur ou égal à 0, lu : -5",
        "agenda.0.minutes: must be greater than or equal to 0, read: -5",
    ),
    (
        lambda d: d.update(date="22/11/2026"),
        "date: une date était attendue (AAAA-MM-JJ), lu : « 22/11/2026 »",
        "date: a date was expected (YYYY-MM-DD), read: “22/11/2026”",
    ),
    (
        lambda d: d.update(participants="Alice"),
        "participants: une liste était attendue, lu : « Alice »",
        "participants: a list was expected, read: “Alice”",
    ),
    (
        lambda d: d["vote"].update(method="mains"),
        "vote.method: valeur non permise (valeurs possibles : 'hands' ou 'ballots'),"
        " lu : « mains »",
        "vote.method: value not allowed (allowed: 'hands' or 'ballots'), read: “mains”",
    ),
    (
        lambda d: d["vote"].update(counted="oui"),
        "vote.counted: true ou false était attendu, lu : « oui »",
        "vote.counted: true or false was expected, read: “oui”",
    ),
    (
        lambda d: d["participants"].__setitem__(0, 5),
        "participants.0: une table (des clés et leurs valeurs) était attendue, lu : 5",
        "participants.0: a table (keys and their values) was expected, read: 5",
    ),
]


@pytest.mark.parametrize(("edit", "fr", "en"), EDITS)
def test_each_kind_of_refusal_is_worded_in_both_languages(session, edit, fr, en) -> None:
    doc = json.loads(session.model_dump_json())
    edit(doc)
    assert _reason(doc, "fr") == fr
    assert _reason(doc, "en") == en


def test_a_type_the_catalog_does_not_word_is_named_by_its_code() -> None:
    error = {"type": "uuid_parsing", "loc": ("id",), "msg": "Input should be a valid UUID"}
    assert explain(error, "fr") == "valeur refusée (uuid_parsing)"
    assert explain(error, "en") == "value refused (uuid_parsing)"
    assert where(()) == "document"


def test_a_long_text_read_is_cut_and_limits_are_written_as_people_write_them() -> None:
    error = {"type": "string_too_long", "loc": ("title",), "input": "x" * 500,
             "ctx": {"max_length": 200}}  # fmt: skip
    assert plain(explain(error, "fr")) == (
        "texte trop long (200 caractères au plus), lu : « " + "x" * 39 + "… »"
    )
    error = {"type": "less_than_equal", "loc": ("m",), "input": 2e4, "ctx": {"le": 10080.0}}
    assert explain(error, "en") == "must be less than or equal to 10080, read: 20000.0"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fr", "schéma incorrect à agenda.0.minutes : un nombre était attendu, lu : « dix »"),
        ("en", "wrong schema at agenda.0.minutes: a number was expected, read: “dix”"),
    ],
)
async def test_the_damaged_file_screen_explains_in_the_language(store, clock, session, lang, said):
    _edit(store, session.id, lambda d: d["agenda"][0].update(minutes="dix"))
    app = make_app(store, clock, session_ref=session.id, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CorruptFileScreen)
        shown = " ".join(plain(str(s.render())) for s in app.screen.query(Static))
        assert said in shown
        assert "Input should" not in shown


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fr", "schéma incorrect à agenda.1.minutes : un nombre était attendu, lu : « 5 min »"),
        ("en", "wrong schema at agenda.1.minutes: a number was expected, read: “5 min”"),
    ],
)
def test_atelier_status_explains_in_the_language(store, session, capsys, lang, said) -> None:
    _edit(store, session.id, lambda d: d["agenda"][1].update(minutes="5 min"))
    argv = ["--data-dir", str(store.root), "--lang", lang, "status", session.id]
    assert main(argv) == 4
    err = plain(capsys.readouterr().err)
    assert said in err
    assert "Input should" not in err
    assert t("storage.reason.wrong_schema_at", lang, where="x", detail="y")  # both worded
