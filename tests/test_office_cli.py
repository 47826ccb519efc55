"""``atelier export`` / ``atelier synthesis`` in ODT and DOCX, with and without the office extra."""

from __future__ import annotations

import base64
import io
import json
import shlex
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from grid_examples import full_session

from sessions.documents.exports import DOCUMENT_FORMATS, EXPORT_FORMATS, ExportFormat, export_bytes
from sessions.storage.store import SessionStore
from tui.cli.context import EXIT_USAGE
from tui.cli.main import main

odfdo = pytest.importorskip("odfdo")
docx = pytest.importorskip("docx")

MIMETYPE = "application/vnd.oasis.opendocument.text"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    store = SessionStore(tmp_path / "data")
    store.ensure()
    store.create(full_session())
    second = full_session()
    second.id, second.title = "exemple2", "Groupe B"
    store.create(second)
    return tmp_path / "data"


def cli(data: Path, *argv: str) -> int:
    return main(["--data-dir", str(data), *argv])


def test_export_odt_and_docx_write_files_a_reader_opens(data: Path, tmp_path: Path, capsys) -> None:
    odt, word = tmp_path / "cr.odt", tmp_path / "cr.docx"
    assert cli(data, "export", "Groupe A", "--format", "odt", "-o", str(odt)) == 0
    assert cli(data, "export", "Groupe A", "--format", "docx", "-o", str(word)) == 0
    assert f"Écrit : {odt}".replace(" :", "\u202f:") in capsys.readouterr().err
    with zipfile.ZipFile(odt) as archive:  # the ODF rule: "mimetype" first, stored as is
        assert archive.namelist()[0] == "mimetype"
        assert archive.read("mimetype").decode() == MIMETYPE
    assert odfdo.Document(odt).meta.get_title() == "Compte-rendu - Groupe A"
    assert docx.Document(word).core_properties.title == "Compte-rendu - Groupe A"


def test_export_count_only_names_nobody_in_docx(data: Path, tmp_path: Path) -> None:
    word = tmp_path / "cr.docx"
    assert cli(data, "export", "Groupe A", "--format", "docx", "--count-only", "-o", str(word)) == 0
    text = "\n".join(p.text for p in docx.Document(word).paragraphs)
    cells = "\n".join(c.text for t in docx.Document(word).tables for r in t.rows for c in r.cells)
    assert "Bruno Petit" not in text + cells  # a participant and an idea's author
    assert "Bruno Petit" in export_bytes(full_session(), "md").decode()
    assert "Groupe A" in text


def test_synthesis_in_odt_and_docx(data: Path, tmp_path: Path, capsys) -> None:
    odt, word = tmp_path / "s.odt", tmp_path / "s.docx"
    assert cli(data, "synthesis", "Groupe A", "Groupe B", "--format", "odt", "-o", str(odt)) == 0
    assert cli(data, "synthesis", "Groupe A", "Groupe B", "--format", "docx", "-o", str(word)) == 0
    headers = [str(h).strip() for h in odfdo.Document(odt).body.get_headers()]
    assert headers[0] == "Synthèse des groupes" and {"Groupe A", "Groupe B"} <= set(headers)
    words = [p.text for p in docx.Document(word).paragraphs if p.style.name.startswith("Heading")]
    assert words == headers
    capsys.readouterr()
    assert cli(data, "synthesis", "Groupe A", "Groupe B", "--format", "docx", "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert result["format"] == "docx" and result["path"] is None
    inside = docx.Document(io.BytesIO(base64.b64decode(result["base64"])))
    assert [p.text for p in inside.paragraphs if p.style.name.startswith("Heading")] == headers


@pytest.mark.parametrize(
    ("lang", "words"),
    [("fr", "le format {fmt} demande l'extra office"), ("en", "the {fmt} format needs this")],
)
@pytest.mark.parametrize(("command", "fmt"), [("export", "odt"), ("synthesis", "docx")])
def test_without_the_extra_the_command_says_which_to_install(
    data: Path, tmp_path: Path, monkeypatch, capsys, lang: str, words: str, command: str, fmt: str
) -> None:
    monkeypatch.setitem(sys.modules, "odfdo", None)  # ``import odfdo`` raises ImportError
    monkeypatch.setitem(sys.modules, "docx", None)
    target = tmp_path / f"out.{fmt}"
    argv = ["--lang", lang, command, "Groupe A", "--format", fmt, "-o", str(target)]
    assert cli(data, *argv) == EXIT_USAGE
    err = capsys.readouterr().err
    assert words.format(fmt=fmt) in err
    # This project's extra from its own folder (the public index's "atelier" is another one).
    root = Path(__file__).resolve().parent.parent
    assert f"-m pip install {shlex.quote(f'{root}[office]')}" in err
    assert "Traceback" not in err and not target.exists()


def test_format_help_comes_from_the_table(monkeypatch, capsys) -> None:
    def pdf(session, lang, names):
        return b"%PDF"

    monkeypatch.setitem(EXPORT_FORMATS, "pdf", ExportFormat("pdf", ".pdf", "application/pdf", pdf))
    with pytest.raises(SystemExit):
        main(["--lang", "en", "export", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    names = [n for n in EXPORT_FORMATS if n != "md"]
    listed = "format: md (default), " + ", ".join(names[:-1]) + f" or {names[-1]}"
    assert listed in help_text and names[-1] == "pdf"
    with pytest.raises(SystemExit):
        main(["--lang", "fr", "synthesis", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "md (défaut), html, odt ou docx" in help_text
    assert DOCUMENT_FORMATS == ("md", "html", "odt", "docx")


def test_the_office_libraries_load_only_for_an_office_format(data: Path) -> None:
    code = (
        "import sys; from tui.cli.main import main; "
        "import sessions.documents.exports, sessions.documents.render_odt, "
        "sessions.documents.render_docx; "
        f"main(['--data-dir', {str(data)!r}, 'export', 'Groupe A', '--format', 'md', '-o', "
        f"{str(data / 'x.md')!r}]); "
        "print(sorted({'odfdo', 'docx', 'lxml'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
