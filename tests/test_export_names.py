"""Export file names from hostile titles: safe, bounded, never overwriting."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sessions.documents.export_names import safe_stem, write_new

RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(10)),
    *(f"LPT{i}" for i in range(10)),
}


def check(stem: str, ext: str = ".html") -> None:
    name = stem + "-999" + ext
    assert "/" not in name and "\\" not in name and ".." not in name
    assert not stem.startswith(".") and not stem.endswith((".", " "))
    assert stem.split(".")[0].upper() not in RESERVED
    assert len(name.encode("utf-8")) <= 255
    assert all(ord(ch) >= 32 and ch not in '<>:"|?*' for ch in name)
    assert stem


@pytest.mark.parametrize(
    "title",
    [
        "../../x",
        "/abs",
        "CON",
        "con.md",
        "NUL",
        "lpt1",
        "x.",
        "x ",
        "...",
        "",
        " / ",
        "a\x00b\x1b[31mc",
        "会" * 300,
        "é" * 300,
        "🚀" * 100,
        "Atelier : groupe A/B ?",
        "..\\..\\windows",
    ],
)
def test_hostile_titles(title: str) -> None:
    stem = safe_stem(title)
    check(stem)


def test_readable_names_are_kept() -> None:
    assert safe_stem("Atelier numérique - groupe A") == "Atelier-numérique-groupe-A"
    assert safe_stem("../../x") == "x"
    assert safe_stem("CON") == "_CON"
    assert safe_stem("x.") == "x"
    assert safe_stem("") == "compte-rendu"


@settings(max_examples=300)
@given(st.text(max_size=400))
def test_any_title_gives_a_safe_name(title: str) -> None:
    check(safe_stem(title, ext=".md"), ".md")


def test_never_overwrites(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    first = write_new(folder, "Groupe A", ".md", b"one")
    second = write_new(folder, "Groupe A", ".md", b"two")
    third = write_new(folder, "Groupe A", ".md", b"three")
    assert [p.name for p in (first, second, third)] == [
        "Groupe-A.md",
        "Groupe-A-2.md",
        "Groupe-A-3.md",
    ]
    assert first.read_bytes() == b"one" and third.read_bytes() == b"three"
    assert sorted(p.name for p in folder.iterdir()) == [
        "Groupe-A-2.md",
        "Groupe-A-3.md",
        "Groupe-A.md",
    ]


def test_written_inside_the_folder_for_any_title(tmp_path: Path) -> None:
    for title in ["../../evil", "/etc/passwd", "会" * 300, "CON"]:
        path = write_new(tmp_path, title, ".html", b"x")
        assert path.parent == tmp_path and path.resolve().parent == tmp_path.resolve()
        assert len(path.name.encode("utf-8")) <= 255
