"""The minutes: golden files of a full example session (FR and EN), and each part present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from grid_examples import full_session
from markdown_it import MarkdownIt

from sessions.documents.minutes import minutes_markdown

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_minutes_match_the_golden_file(lang: str) -> None:
    session = full_session()
    session.language = lang
    text = minutes_markdown(session)
    path = GOLDEN / f"minutes_{lang}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def headings(text: str) -> list[str]:
    tokens = MarkdownIt("commonmark").parse(text)
    return [tokens[i + 1].content for i, tok in enumerate(tokens) if tok.type == "heading_open"]


def test_minutes_follow_the_session_language_not_the_ui() -> None:
    session = full_session()
    session.language = "en"
    text = minutes_markdown(session)
    assert headings(text) == [
        "Minutes - Groupe A",
        "Facilitation",
        "Participants",
        "Agenda",
        "Facilitator's script",
        "Ideas gathered (round table)",
        "Ranking (vote)",
        "Top 10",
        "Impact / mastery grid",
        "Next steps",
    ]
    assert "22 November 2026" in text


def test_every_part_method_md_lists() -> None:
    text = minutes_markdown(full_session())
    assert headings(text) == [
        "Compte-rendu - Groupe A",
        "Animation",
        "Participants",
        "Déroulé",
        "Consignes d'animation",
        "Idées recueillies (tour de table)",
        "Classement (vote)",
        "Top 10",
        "Grille impact / maîtrise",
        "Prochaines étapes",
    ]
    for expected in [
        "22 novembre 2026",
        "Le numérique dans 10 ans",
        "Si on se projette dans 10 ans",
        "| Animateur | Jeanne Roy |",
        "| Rapporteur | Marc Blanc |",
        "| Emma Nguyen | Département | absent |",
        "| 2 | Étape 2 Recueil collectif des items | 40 | 43 |",  # planned and actual
        "| 1 | Fibre partout | Alice Martin | 1 |",  # idea, author, round
        "| 15 | Fibre | Emma Nguyen | 3 | doublon du n° 1 |",
        "1 idée supprimée pendant la séance n'est pas reprise.",
        "| 1 | 1 + 15 | Fibre partout | 14 |",  # merged points
        "| barré (0 point) |",
        "fusionné dans le n° 3",
        "| 10 (ex aequo) | 12 | Démarches en ligne | 2 |",  # tie at the 10th place
        "```text\nImpact ▲",
        "impact fort et très bonne maîtrise",
        "| Plan THD \\| fin 2030 |",  # reason, escaped pipe
        "Envoyer le compte-rendu aux participants",
    ]:
        assert expected in text, expected
    assert "Erreur de saisie" not in text  # deleted idea


def test_participants_can_be_only_counted() -> None:
    text = minutes_markdown(full_session(), names=False)
    assert "4 participants présents (noms non diffusés)" in text
    assert "Emma Nguyen" not in text.split("## Déroulé")[0]


def test_spread_founded_grid_has_one_position_and_its_question() -> None:
    session = full_session(template="idees-recues")
    text = minutes_markdown(session)
    assert "## Grille répandue / fondée" in text
    assert "| Répandue | Bien-fondé | Pourquoi ce bien-fondé |" in text
    assert "1'" not in text.split("```text")[1].split("```")[0]
    assert "impact fort et très bonne maîtrise" not in text


def test_empty_session_still_makes_minutes() -> None:
    session = full_session(template="divergence-convergence")
    session.ideas.clear()
    session.vote.tallies.clear()
    session.grid.positions.clear()
    session.next_steps = ""
    text = minutes_markdown(session)
    assert "Aucune idée recueillie." in text and "Pas encore de vote." in text
    assert "*À compléter.*" in text
    assert "Grille" not in text  # this template has no grid
