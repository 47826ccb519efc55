"""``atelier templates`` writes minutes the French way in French (7,5; total 22,5 min).

The listing wrote ``7.5`` whatever the language while F3, the agenda editor and
F2 write ``7,5`` in French; English keeps ``7.5``. ``--json`` keeps numbers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli.main import main

TEMPLATE = (
    'title = "Court"\n'
    '[[phases]]\ntitle = "Accueil"\nminutes = 7.5\n'
    '[[phases]]\ntitle = "Tour"\nminutes = 15\n'
)
EXPECTED = {
    "fr": ("Court  (22,5 min)", "Accueil 7,5 · Tour 15"),
    "en": ("Court  (22.5 min)", "Accueil 7.5 · Tour 15"),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_templates_write_minutes_in_the_language(tmp_path: Path, capsys, lang: str) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "court.toml").write_text(TEMPLATE, encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "--lang", lang, "templates"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith("court "))
    head, phases = EXPECTED[lang]
    assert line.endswith(head)
    assert f"    {phases}" in out.splitlines()
    other = "7.5" if lang == "fr" else "7,5"
    assert other not in out


def test_templates_json_keeps_numbers(tmp_path: Path, capsys) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "court.toml").write_text(TEMPLATE, encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "--lang", "fr", "templates", "--json"]) == 0
    found = next(x for x in json.loads(capsys.readouterr().out) if x["name"] == "court")
    assert [p["minutes"] for p in found["phases"]] == [7.5, 15]
