"""F7: the minutes preview, the next steps field and the export key."""

from __future__ import annotations

import io
import shlex
import sys
import zipfile
from pathlib import Path

import pytest
from grid_examples import full_session
from textual.widgets import TextArea

from tui.app import make_app
from tui.widgets.minutes_preview import MinutesPreview
from tui.widgets.minutes_preview_lines import PreviewLines, TextPiece


def _contents(data: bytes) -> dict[str, bytes] | bytes:
    """An export's bytes; for ODT / DOCX (zip) each member's bytes, not the zip's times."""
    if not data.startswith(b"PK"):
        return data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


async def test_preview_next_steps_and_export(store, clock) -> None:
    s = full_session(title="../../Groupe A\u202f: CON")
    s.next_steps = ""
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "MinutesScreen"
        preview = screen.query_one("#minutes-md", MinutesPreview)
        shown = preview.shown_text()
        assert shown.startswith("Compte-rendu - ../../Groupe A\u202f: CON\nDate\u202f:")
        assert "Prochaines étapes\nÀ compléter.\n" in shown and "Relancer" not in shown
        await pilot.press("n", *"Relancer la mairie", "ctrl+s")
        await pilot.pause()
        assert store.load(s.id).next_steps == "Relancer la mairie"
        assert "Relancer la mairie" in preview.shown_text()  # the preview follows
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        files = sorted(p.name for p in store.exports_dir.iterdir())
        assert files == [  # the dev venv has the office extra: ODT and DOCX too
            "Groupe-A-CON-2.docx",
            "Groupe-A-CON-2.html",
            "Groupe-A-CON-2.md",
            "Groupe-A-CON-2.odt",
            "Groupe-A-CON.docx",
            "Groupe-A-CON.html",
            "Groupe-A-CON.md",
            "Groupe-A-CON.odt",
        ]
        exported = [str(n.message) for n in app._notifications if "exporté" in str(n.message)]
        # One name, its four formats: "…/exports/Groupe-A-CON-2 (.md, .html, .odt, .docx)".
        folder = store.exports_dir / "Groupe-A-CON-2"
        assert exported and f"{folder} (.md, .html, .odt, .docx)" in exported[-1]
        md = next(p for p in store.exports_dir.iterdir() if p.suffix == ".md")
        assert "Relancer la mairie" in md.read_text(encoding="utf-8")


async def test_next_steps_saved_when_leaving_the_field(store, clock) -> None:
    s = full_session()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        editor = app.screen.query_one("#next-steps", TextArea)
        assert editor.text == s.next_steps
        await pilot.press("n", *" !", "escape")  # typed at the end; escape leaves the field
        await pilot.pause()
        assert store.load(s.id).next_steps == s.next_steps + " !"
        assert app.screen.query_one("#preview").has_focus


async def test_anonymous_export_from_the_screen(store, clock) -> None:
    s = full_session()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f7", "ctrl+n", "ctrl+e")
        await pilot.pause()
        paths = list(store.exports_dir.iterdir())
        assert sorted(p.suffix for p in paths) == [".docx", ".html", ".md", ".odt"]
        texts = [p.read_text(encoding="utf-8") for p in paths if p.suffix in (".md", ".html")]
        assert len(texts) == 2
        for text in texts:
            assert "Alice Martin" not in text and "Jeanne Roy" not in text


async def test_preview_tables_show_every_cell_literally_in_few_widgets(store, clock) -> None:
    s = full_session()
    s.idea(2).text = "Pipes | `code` <b>gras</b> & # titre"
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        preview = app.screen.query_one("#minutes-md", MinutesPreview)
        tables = preview.tables()
        assert len(tables) >= 5  # roles, participants, agenda, ideas, vote, top 10, grid
        shown = "\n".join(text for w, table in tables for text in table.shown(w, w.size.width))
        for idea in s.ideas:
            assert (idea.text in shown) != idea.deleted  # as in the minutes: deleted ones left out
        assert "Pipes | `code` <b>gras</b> & # titre" in shown
        # a few widgets for the whole document, not one per block or cell
        assert len(list(preview.query("*"))) < 8


async def test_preview_shows_the_tree_literally_and_ctrl_e_writes_the_exports_bytes(
    store, clock
) -> None:
    from sessions.documents.exports import export_bytes
    from sessions.grid.drawing import render_grid
    from sessions.grid.placement import grid_entries

    s = full_session()
    s.idea(1).text = "**gras** _pas_ [lien](http://x) <i>"
    s.next_steps = "# pas un titre\n- pas une liste"
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        preview = app.screen.query_one("#minutes-md", MinutesPreview)
        shown = preview.shown_text()
        assert "**gras** _pas_ [lien](http://x) <i>" in shown  # never read as markup
        assert "# pas un titre\n- pas une liste" in shown  # one paragraph, its line break kept
        entries = grid_entries(s)
        drawing = render_grid(
            entries, s.grid.kind, lang="fr", horizon=s.horizon_year, cell_width=16
        )
        assert "\n".join(drawing) in shown  # the grid drawn in characters, every line
        headings = [
            p.text.plain
            for w in preview.query(PreviewLines)
            for p in w.pieces
            if isinstance(p, TextPiece) and p.part.endswith("--h2")
        ]
        assert headings[:3] == ["Animation", "Participants", "Déroulé"]
        await pilot.press("ctrl+e")
        await pilot.pause()
        saved = store.load(s.id)
        for path in store.exports_dir.iterdir():  # as the CLI writes them
            assert _contents(path.read_bytes()) == _contents(export_bytes(saved, path.suffix[1:]))


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fr", "(pour ODT et DOCX, installez l'extra office de ce projet : {command})"),
        ("en", "(for ODT and DOCX, install this project's office extra: {command})"),
    ],
)
async def test_ctrl_e_without_the_office_extra_writes_md_and_html_and_says_so(
    store, clock, monkeypatch, lang, said
) -> None:
    from sessions.documents import exports

    real = exports.export_bytes

    def no_office(session, fmt, **kwargs):
        if fmt in ("odt", "docx"):
            raise exports.MissingExtra("office")
        return real(session, fmt, **kwargs)

    monkeypatch.setattr("tui.screens.minutes.export_bytes", no_office)
    s = full_session(title="Sans office")
    store.create(s)
    app = make_app(store, clock, session_ref=s.id, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f7", "ctrl+e")
        await pilot.pause()
        files = sorted(p.name for p in store.exports_dir.iterdir())
        assert files == ["Sans-office.html", "Sans-office.md"]
        toast = [str(n.message) for n in app._notifications][-1].replace("\u202f", " ")
        assert f"{store.exports_dir / 'Sans-office'} (.md, .html)" in toast
        # this project's office extra from its own folder: the public index's "atelier" is
        # another project
        root = Path(__file__).resolve().parent.parent
        command = f"{shlex.quote(sys.executable)} -m pip install {shlex.quote(f'{root}[office]')}"
        assert toast.endswith(said.format(command=command))
        assert "pip install 'atelier[office]'" not in toast
