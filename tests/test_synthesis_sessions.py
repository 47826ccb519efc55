"""atelier synthesis calls sessions of different formats "séances" and names each format.

A fiche n°3 chantiers session and an offer map are two workshops, not two groups of one:
a rapporteur reading "2 groupes" would look for the groups' common question.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sessions.storage.store import SessionStore
from tests.conftest import build_session
from tui.cli.main import main


def _store(tmp_path: Path, *made: tuple[str, str, str]) -> Path:
    store = SessionStore(tmp_path / "data")
    store.ensure()
    for ident, template, title in made:
        s = build_session(template, title=title)
        s.id = ident
        store.create(s)
    return tmp_path / "data"


def _synthesis(data: Path, capsys, lang: str, *ids: str) -> str:
    out = data.parent / "synthese.md"
    args = ["--data-dir", str(data), "--lang", lang, "synthesis", *ids, "-o", str(out)]
    assert main(args) == 0, capsys.readouterr().err
    return out.read_text(encoding="utf-8")


MIXED = (
    ("chant", "enjeux-solutions", "Chantiers Tulle"),
    ("offre", "offre-existante", "Offre Brive"),
    ("divco", "divergence-convergence", "Groupe A"),
)


@pytest.mark.parametrize(
    ("lang", "title", "intro", "formats", "top", "column"),
    [
        (
            "fr",
            "# Synthèse des séances",
            "3 séances\u202f: ",
            ("Chantiers Tulle (Passer des enjeux aux solutions)", "Offre Brive (Faire émerger"),
            "## Le top de chaque séance",
            "| Séance |",
        ),
        (
            "en",
            "# Sessions' synthesis",
            "3 sessions: ",
            ("Chantiers Tulle (From issues to solutions)", "Offre Brive (Bringing out"),
            "## Every session's top items",
            "| Session |",
        ),
    ],
)
def test_sessions_of_different_formats_are_called_sessions_with_their_format(
    tmp_path, capsys, lang, title, intro, formats, top, column
) -> None:
    data = _store(tmp_path, *MIXED)
    text = _synthesis(data, capsys, lang, "chant", "offre", "divco")
    assert text.startswith(title + "\n")
    assert intro in text and all(name in text for name in formats)
    assert top in text and column in text
    assert "groupe" not in text.lower().replace("groupe a", "")  # only the group's own title


def test_groups_of_one_format_stay_groups(tmp_path, capsys) -> None:
    data = _store(
        tmp_path,
        ("g1", "divergence-convergence", "Groupe A"),
        ("g2", "divergence-convergence", "Groupe B"),
    )
    text = _synthesis(data, capsys, "fr", "g1", "g2")
    assert text.startswith("# Synthèse des groupes\n")
    assert "2 groupes\u202f: Groupe A, Groupe B." in text and "séance" not in text
    assert "| Groupe |" in text and "Divergence - convergence" not in text
