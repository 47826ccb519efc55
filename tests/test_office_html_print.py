"""The HTML minutes print on A4 and repeat a long table's header row on every page.

Headless Chromium prints the page of a session with 80 ideas to PDF (skipped
when Chromium or pdftotext is absent); the page size is read from the PDF and
the first line of every page from its text.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from bench.fixtures import build_session
from sessions.documents.exports import export_bytes
from sessions.documents.minutes import minutes_document
from sessions.documents.minutes_html import STYLE
from sessions.documents.tree import Table

CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
PDFTOTEXT = shutil.which("pdftotext")
A4 = re.compile(rb"/MediaBox\s*\[\s*0 0 59[45]\.\d+ 841\.\d+\s*\]")


def test_print_stylesheet_asks_for_a4_repeated_headers_and_whole_rows() -> None:
    rules = " ".join(STYLE.split())
    assert "@page { size: A4;" in rules
    assert "thead { display: table-header-group; }" in rules
    assert re.search(r"tr, th, td \{ break-inside: avoid;", rules)
    assert "table, pre { break-inside: avoid" not in rules  # a long table may go on


@pytest.mark.skipif(CHROMIUM is None or PDFTOTEXT is None, reason="needs chromium and pdftotext")
def test_chromium_prints_the_minutes_on_a4_with_the_header_on_each_page(tmp_path: Path) -> None:
    session = build_session(80, 10)
    page = tmp_path / "minutes.html"
    page.write_bytes(export_bytes(session, "html"))
    pdf = tmp_path / "minutes.pdf"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"]
    profile = f"--user-data-dir={tmp_path / 'profile'}"
    command = [CHROMIUM, *flags, profile, f"--print-to-pdf={pdf}", page.as_uri()]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    boxes = re.findall(rb"/MediaBox\s*\[[^\]]*\]", pdf.read_bytes())
    assert boxes and all(A4.fullmatch(box) for box in boxes)
    text = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    first_lines = [
        " ".join(next((line for line in p.splitlines() if line.strip()), "").split())
        for p in text.split("\f")
        if p.strip()
    ]
    ideas = next(
        b for b in minutes_document(session).blocks if isinstance(b, Table) and len(b.rows) == 80
    )
    header = " ".join(ideas.header)
    assert first_lines.count(header) >= 2, first_lines  # the ideas' table goes on, headed
