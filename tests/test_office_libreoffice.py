"""The ODT and DOCX of the full example session, opened by LibreOffice (skipped without it).

LibreOffice headless converts each file to plain text and to PDF: the text
must hold exactly the words of the Markdown minutes (read as a CommonMark
reader reads them, so no escape or mark counts), in French and in English,
and the PDF pages must be A4.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from grid_examples import full_session
from markdown_it import MarkdownIt

from sessions.documents.exports import export_bytes

pytest.importorskip("odfdo")
pytest.importorskip("docx")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

CASES = [(lang, fmt) for lang in ("fr", "en") for fmt in ("odt", "docx")]
A4 = re.compile(rb"/MediaBox\s*\[\s*0 0 595\.\d+ 841\.\d+\s*\]")


def soffice(folder: Path, target: str, files: list[Path]) -> None:
    profile = (folder / "profile").as_uri()  # its own profile: never waits on another soffice
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target]
        + [str(f) for f in files]
        + ["--outdir", str(folder)],
        check=True,
        capture_output=True,
        timeout=180,
    )


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("soffice")
    files = []
    for lang, fmt in CASES:
        session = full_session()
        session.language = lang
        path = folder / f"{lang}-{fmt}.{fmt}"
        path.write_bytes(export_bytes(session, fmt))
        files.append(path)
    soffice(folder, "txt:Text (encoded):UTF8", files)
    soffice(folder, "pdf", files)
    return folder


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text))


def markdown_words(lang: str) -> Counter[str]:
    session = full_session()
    session.language = lang
    source = export_bytes(session, "md").decode("utf-8")
    texts = []
    for token in MarkdownIt("commonmark").enable("table").parse(source):
        if token.type in ("fence", "code_block"):
            texts.append(token.content)
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                texts.append(child.content)
    return words("\n".join(texts))


@pytest.mark.parametrize(("lang", "fmt"), CASES)
def test_libreoffice_reads_the_words_of_the_markdown(converted: Path, lang: str, fmt: str) -> None:
    text = (converted / f"{lang}-{fmt}.txt").read_text(encoding="utf-8-sig")
    expected = markdown_words(lang)
    assert sum(expected.values()) > 500  # the whole session, not an empty page
    assert words(text) == expected
    title = "Compte-rendu - Groupe A" if lang == "fr" else "Minutes - Groupe A"
    assert text.splitlines()[0] == title
    assert "┌────" in text and "│" in text  # the grid's drawing, characters kept


@pytest.mark.parametrize(("lang", "fmt"), CASES)
def test_libreoffice_prints_on_a4(converted: Path, lang: str, fmt: str) -> None:
    pdf = (converted / f"{lang}-{fmt}.pdf").read_bytes()
    boxes = re.findall(rb"/MediaBox\s*\[[^\]]*\]", pdf)
    assert boxes and all(A4.fullmatch(box) for box in boxes)
