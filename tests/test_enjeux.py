"""Enjeux: imported one per line, carried from earlier sessions' tops, exported, in the minutes."""

from __future__ import annotations

import json

import pytest

from sessions.documents.minutes import minutes_markdown
from sessions.enjeux.model import Source
from sessions.enjeux.ops import EnjeuError, add_enjeux, offered_items, parse_enjeux
from sessions.grid.placement import grid_entries
from sessions.storage.store import SessionStore
from sessions.vote.ranking import top_items
from tests.grid_examples import full_session
from tests.sheets_samples import plain
from tui.cli.main import main


def _run(store: SessionStore, *args: str) -> int:
    return main(["--data-dir", str(store.root), *args])


def _sources(store: SessionStore) -> tuple[str, str]:
    a = full_session(title="Groupe A")
    a.id = "groupea1"
    b = full_session(title="Groupe B")
    b.id = "groupeb2"
    for idea in b.ideas:  # another ranking in group B
        if idea.number in b.vote.tallies:
            b.vote.tallies[idea.number].total = idea.number
    store.create(a)
    store.create(b)
    return a.id, b.id


# -- the domain ----------------------------------------------------------------------


def test_parse_cleans_controls_skips_blanks_and_comments() -> None:
    text = "Comment \x1b[31mattirer\x07 ?\n\n# a comment\n  Quelle\u202e école ?\t\n"
    assert parse_enjeux(text) == ["Comment attirer ?", "Quelle école ?"]


def test_a_file_with_one_line_too_long_is_refused_with_its_line() -> None:
    with pytest.raises(EnjeuError) as caught:
        parse_enjeux("Une question ?\n" + "x" * 501)
    assert caught.value.line == 2
    with pytest.raises(EnjeuError):
        parse_enjeux("\n# rien\n")


def test_numbers_follow_the_existing_enjeux_and_sources_are_kept() -> None:
    session = full_session()
    assert add_enjeux(session, ["A ?", "B ?"]) == [1, 2]
    source = Source(session="groupea1", item=3)
    assert add_enjeux(session, ["C ?"], [[source]]) == [3]
    assert [(e.number, e.text, e.sources) for e in session.enjeux] == [
        (1, "A ?", []),
        (2, "B ?", []),
        (3, "C ?", [source]),
    ]


def test_offered_items_are_each_sources_top_with_points_and_grid_positions() -> None:
    a = full_session(title="Groupe A")
    offered = offered_items([a])
    top = top_items(a)
    assert [(o.item, o.text, o.points) for o in offered] == [
        (i.number, i.text, i.points) for i in top
    ]
    placed = {e.number: e for e in grid_entries(a)}
    for o in offered:
        entry = placed.get(o.item)
        assert o.present == (entry.present.value if entry and entry.present else None)
        assert o.session == a.id and o.session_title == "Groupe A"
    assert any(o.present for o in offered)  # the example places some of its top


# -- atelier import enjeux --------------------------------------------------------------


def test_import_enjeux_adds_them_and_the_export_lists_them(store, session, tmp_path, capsys):
    path = tmp_path / "enjeux.txt"
    path.write_text("Comment attirer ?\nComment\x07 former ?\n", encoding="utf-8")
    assert _run(store, "import", "enjeux", session.id, str(path)) == 0
    assert "2 enjeux importés (n°1 à n°2)" in plain(capsys.readouterr().out)
    assert [e.text for e in store.load(session.id).enjeux] == [
        "Comment attirer ?",
        "Comment former ?",
    ]
    assert _run(store, "export", session.id, "--format", "json") == 0
    exported = json.loads(capsys.readouterr().out)["enjeux"]
    assert exported == [
        {"number": 1, "text": "Comment attirer ?", "sources": []},
        {"number": 2, "text": "Comment former ?", "sources": []},
    ]


def test_import_enjeux_is_all_or_nothing(store, session, tmp_path, capsys):
    path = tmp_path / "enjeux.txt"
    path.write_text("Bonne question ?\n" + "y" * 600 + "\n", encoding="utf-8")
    before = store.path_for(session.id).read_bytes()
    assert _run(store, "import", "enjeux", session.id, str(path)) == 6
    err = capsys.readouterr().err
    assert f"{path}:2:" in err and "Rien n'a été importé" in err
    assert store.path_for(session.id).read_bytes() == before


# -- atelier new --from ----------------------------------------------------------------


def test_new_from_two_sessions_takes_their_tops_as_enjeux_with_sources(store, capsys):
    a, b = _sources(store)
    code = _run(
        store, "new", "--template", "divergence-convergence", "--title", "Fiche 3",
        "--from", a, "--from", b, "--no-open", "--json",
    )  # fmt: skip
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    created = store.load(result["id"])
    expected = [
        (item.text, [{"session": src.id, "item": item.number, "title": src.title}])
        for src in (store.load(a), store.load(b))
        for item in top_items(src)
    ]
    assert [(e.text, [s.model_dump() for s in e.sources]) for e in created.enjeux] == expected
    assert [e.number for e in created.enjeux] == list(range(1, len(expected) + 1))
    assert result["enjeux"][0]["sources"] == expected[0][1]
    assert created.participants == []  # not asked for


def test_new_from_reports_points_and_grid_positions(store, capsys):
    a, _ = _sources(store)
    code = _run(
        store, "new", "--template", "divergence-convergence", "--title", "Fiche 3",
        "--from", a, "--no-open",
    )  # fmt: skip
    assert code == 0
    out = plain(capsys.readouterr().out)
    first = top_items(store.load(a))[0]
    assert f"Enjeu 1 ← Groupe A ({a}), item n°{first.number} : {first.text}" in out
    assert f"— {first.points} points" in out
    assert "grille : faible → fort" in out  # item 1: présent faible, futur fort


def test_new_from_carries_participants_when_asked(store, capsys):
    a, b = _sources(store)
    code = _run(
        store, "new", "--template", "divergence-convergence", "--title", "Fiche 3",
        "--from", a, "--from", b, "--with-participants", "--no-open", "--json",
    )  # fmt: skip
    assert code == 0
    created = store.load(json.loads(capsys.readouterr().out)["id"])
    names = [p.name for p in store.load(a).participants]
    assert [p.name for p in created.participants] == names  # the same people, once each


def test_new_from_a_missing_session_creates_nothing(store, capsys):
    a, _ = _sources(store)
    before = sorted(p.name for p in store.files())
    code = _run(
        store, "new", "--template", "divergence-convergence", "--title", "Fiche 3",
        "--from", a, "--from", "absente", "--no-open",
    )  # fmt: skip
    assert code == 3
    assert "absente" in capsys.readouterr().err
    assert sorted(p.name for p in store.files()) == before


# -- the minutes ----------------------------------------------------------------------


def test_minutes_show_the_enjeux_and_where_they_came_from() -> None:
    session = full_session()
    add_enjeux(session, ["Comment attirer | les jeunes ?"], [[Source(session="groupea1", item=3)]])
    text = minutes_markdown(session)
    assert "## Enjeux" in text
    assert "séance groupea1, item n°3" in text
    assert "| 1 | Comment attirer \\| les jeunes ? |" in text  # the pipe kept literal
    assert text.index("## Déroulé") < text.index("## Enjeux") < text.index("## Idées recueillies")


def test_minutes_without_enjeux_have_no_enjeux_section() -> None:
    assert "Enjeux" not in minutes_markdown(full_session())
