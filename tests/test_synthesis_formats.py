"""The synthesis of groups of any format: what each group produced, the vote only where it votes."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from grid_examples import full_session
from markdown_it import MarkdownIt

from sessions.documents.exports import DOCUMENT_FORMATS
from sessions.documents.synthesis import synthesis_document, synthesis_markdown
from sessions.documents.tree import block_text
from sessions.models.vote import HandTally
from sessions.sheets import ops as sheet_ops
from sessions.storage.store import SessionStore
from tests.conftest import build_session
from tui.cli.main import main

THEMES = ("Mobilité", "Santé", "Emploi")


def headings(text: str) -> list[str]:
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    return [tokens[i + 1].content for i, tok in enumerate(tokens) if tok.type == "heading_open"]


def group(text: str, title: str) -> str:
    """The Markdown of one group's section."""
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def thematic_groups():
    groups = []
    for n, theme in enumerate(THEMES, start=1):
        s = build_session("atelier-thematique", title=f"Groupe {theme}")
        s.id = f"thema{n}"
        s.question = f"Quels leviers pour la {theme.lower()} ?"
        sheet_ops.add(
            s,
            "synthese",
            fields={
                "redigee_par": "rapporteurs",
                "problematiques": f"{theme} : l'isolement des villages",
                "horizon_leviers": f"Un guichet {theme.lower()} partagé",
            },
        )
        groups.append(s)
    return groups


def test_thematic_groups_show_their_written_synthesis_never_no_vote() -> None:
    text = synthesis_markdown(thematic_groups())
    assert "Pas encore de vote" not in text and "Le top de chaque groupe" not in text
    assert "Top 10" not in headings(text)
    for theme in THEMES:
        part = group(text, f"Groupe {theme}")
        assert "### Fiches" in part and "#### Synthèse n°1\n" in part
        assert f"| Problématiques | {theme} : l'isolement des villages |" in part
        assert f"| Horizon et leviers | Un guichet {theme.lower()} partagé |" in part
        assert f"**Question de départ\u202f:** Quels leviers pour la {theme.lower()} ?" in part


def test_a_thematic_group_without_its_synthesis_says_so() -> None:
    groups = thematic_groups()
    sheet_ops.delete(groups[1], 1)
    part = group(synthesis_markdown(groups), "Groupe Santé")
    assert "### Fiches\n\nAucune fiche remplie." in part
    assert "Pas encore de vote" not in part


def dc_groups():
    groups = []
    for n in (1, 2):
        s = full_session("divergence-convergence", title=f"Groupe DC {n}")
        s.id = f"dc{n}"
        s.grid.positions.clear()
        s.vote.tallies = {i.number: HandTally(total=10 - i.number % 7) for i in s.ideas}
        sheet_ops.add(s, "solution", title=f"Bus numérique {n}", items=[1])
        sheet_ops.add(s, "action", fields={"nom": f"Tiers-lieu {n}", "objectifs": "Former"})
        groups.append(s)
    return groups


def test_dot_vote_groups_show_their_tops_and_their_sheets_by_title() -> None:
    text = synthesis_markdown(dc_groups())
    assert "Le top de chaque groupe" in headings(text)
    combined = group(text, "Le top de chaque groupe")
    assert "| Gommettes |" in combined and "Groupe DC 2" in combined
    part = group(text, "Groupe DC 1")
    assert "### Top 10" in part and "| Gommettes |" in part
    assert "- Solution n°1\u202f: Bus numérique 1 (items liés\u202f: n°1)" in part
    assert "- Fiche action n°2\u202f: Tiers-lieu 1" in part
    assert "| Objectifs |" not in part  # listed by title, not in full
    assert "Grille" not in part and "Horizon" not in part


def test_mixed_formats_put_only_the_voting_groups_in_the_combined_table() -> None:
    thematic = thematic_groups()[0]
    fiche1 = full_session(title="Groupe Fiche 1")
    text = synthesis_markdown([thematic, fiche1])
    combined = group(text, "Le top de chaque séance")  # two formats: two workshops
    assert "Groupe Fiche 1" in combined and "Groupe Mobilité" not in combined
    assert "| Points |" in combined  # only envelope groups in the table: points
    assert "```text\nImpact ▲" in group(text, "Groupe Fiche 1")
    assert "Pas encore de vote" not in group(text, "Groupe Mobilité")


def test_a_voting_group_before_its_count_says_so_once() -> None:
    fresh = build_session("divergence-convergence", title="Groupe vide")
    text = synthesis_markdown([fresh])
    assert text.startswith("# Synthèse des groupes\n\n- 1 groupe\u202f: Groupe vide.")
    assert text.count("Pas encore de vote") == 1  # its top, not again in a combined table
    assert "Le top de chaque groupe" not in text


@pytest.mark.parametrize("template", ["enjeux-solutions", "ecosysteme-ressources"])
def test_planned_enjeux_and_maps_say_when_empty(template: str) -> None:
    text = synthesis_markdown([build_session(template, title="Groupe X")])
    part = group(text, "Groupe X")
    line = "Aucun enjeu." if template == "enjeux-solutions" else "Aucune carte dessinée."
    assert line in part and "Pas encore de vote" not in text


def test_the_english_synthesis() -> None:
    groups = thematic_groups()
    doc = synthesis_document(groups, "en")
    words = "\n".join(block_text(b) for b in doc.blocks)
    assert words.startswith("3 groups: Groupe Mobilité, Groupe Santé, Groupe Emploi.")
    assert "\nSynthesis 1\n" in words and "Synthesis 1: Synthesis 1" not in words
    assert "No vote yet" not in words and "Issues" in words


@pytest.fixture
def thematic_store(tmp_path: Path) -> Path:
    store = SessionStore(tmp_path / "data")
    store.ensure()
    for s in thematic_groups():
        store.create(s)
    return tmp_path / "data"


@pytest.mark.parametrize("fmt", DOCUMENT_FORMATS)
def test_every_format_of_the_command_says_what_the_groups_wrote(
    thematic_store: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"synthese.{fmt}"
    args = ["--data-dir", str(thematic_store), "synthesis", "thema1", "thema2", "thema3"]
    assert main([*args, "--format", fmt, "-o", str(out)]) == 0
    data = out.read_bytes()
    if data.startswith(b"PK"):  # ODT / DOCX: the words are in the document's XML
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            member = "content.xml" if fmt == "odt" else "word/document.xml"
            data = archive.read(member)
    text = data.decode("utf-8")
    assert "isolement des villages" in text and "Un guichet santé partagé" in text
    assert "Pas encore de vote" not in text


def test_the_json_wrapper_carries_the_same_markdown(thematic_store: Path, capsys) -> None:
    args = ["--data-dir", str(thematic_store), "synthesis", "thema1", "thema2", "--json"]
    assert main(args) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["markdown"] == synthesis_markdown(thematic_groups()[:2])
    assert [s["id"] for s in doc["sessions"]] == ["thema1", "thema2"]


def test_an_enjeu_group_shows_its_questions_then_its_recap_then_its_chantiers() -> None:
    from sessions.enjeux.model import Enjeu

    session = build_session("enjeux-solutions", title="Groupe Est")
    session.enjeux = [Enjeu(number=1, text="Comment rendre les démarches accessibles ?")]
    fields = {"titre": "Guichet itinérant", "enjeu": "1", "faisabilite": "vert"}
    sheet_ops.add(session, "chantier", fields=fields)
    found = headings(synthesis_markdown([session]))
    after = found[found.index("Groupe Est") + 1 :]
    assert after == ["Enjeux", "Chantiers clés par enjeu", "Fiches"]
    part = group(synthesis_markdown([session]), "Groupe Est")
    assert "| 1 | Comment rendre les démarches accessibles ? |" in part
    assert "- Chantier clé n°1\u202f: Guichet itinérant" in part
    assert "Pas encore de vote" not in part and "Top 10" not in part
