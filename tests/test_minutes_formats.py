"""The minutes of each format: the sections it does not use are left out, the empty ones say so.

And the agenda's facilitator script: each phase's notes, turns and rotation.
"""

from __future__ import annotations

import datetime as dt

import pytest
from markdown_it import MarkdownIt

from sessions.documents.minutes import minutes_document, minutes_markdown
from sessions.documents.minutes_html import render_html
from sessions.documents.tree import block_text
from sessions.models import Idea
from sessions.models.agenda import Rotation, Turn
from sessions.models.vote import HandTally
from sessions.sheets import ops as sheet_ops
from tests.conftest import build_session


def headings(text: str) -> list[str]:
    tokens = MarkdownIt("commonmark").parse(text)
    return [tokens[i + 1].content for i, tok in enumerate(tokens) if tok.type == "heading_open"]


def section(text: str, title: str) -> str:
    """The Markdown of one level-2 section (up to the next one)."""
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def test_an_atelier_thematique_has_no_vote_no_ideas_no_grid_no_horizon() -> None:
    text = minutes_markdown(build_session("atelier-thematique"))
    found = headings(text)
    for absent in ("Classement (vote)", "Top 10", "Idées recueillies (tour de table)"):
        assert absent not in found
    assert not [h for h in found if h.startswith("Grille")]
    assert "Horizon" not in text and "Pas encore de vote" not in text
    assert "Aucune idée recueillie" not in text
    # its sheets are planned: the section says in one line that none was filled in
    assert section(text, "Fiches").strip() == "## Fiches\n\nAucune fiche remplie."


def test_a_thematique_synthesis_sheet_shows_in_place_of_the_empty_line() -> None:
    session = build_session("atelier-thematique")
    sheet_ops.add(session, "synthese", fields={"problematiques": "Mobilité en zone rurale"})
    fiches = section(minutes_markdown(session), "Fiches")
    assert "Aucune fiche remplie" not in fiches
    assert "| Problématiques | Mobilité en zone rurale |" in fiches


def test_a_format_that_did_not_plan_a_vote_shows_one_counted_anyway() -> None:
    session = build_session("atelier-thematique")
    at = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
    session.ideas = [
        Idea(number=1, text="Fibre", created_at=at),
        Idea(number=2, text="Bus numérique", created_at=at),
    ]
    assert "Idées recueillies (tour de table)" in headings(minutes_markdown(session))
    assert "Classement (vote)" not in headings(minutes_markdown(session))  # ideas, no vote
    session.vote.tallies = {1: HandTally(total=3), 2: HandTally(total=1)}
    session.vote.counted = True
    found = headings(minutes_markdown(session))
    assert "Classement (vote)" in found and "Top 10" in found


def test_a_dot_vote_before_counting_says_so_once_and_has_no_grid() -> None:
    text = minutes_markdown(build_session("divergence-convergence"))
    found = headings(text)
    assert "Classement (vote)" in found and "Top 10" not in found
    assert text.count("Pas encore de vote.") == 1
    assert "Horizon" not in text and not [h for h in found if h.startswith("Grille")]
    assert "Aucune fiche remplie." in section(text, "Fiches")


def test_fiche_1_keeps_its_horizon_and_fiche_2_has_none() -> None:
    assert "**Horizon\u202f:** 2036" in minutes_markdown(build_session())
    spread = minutes_markdown(build_session("idees-recues"))
    assert "Grille répandue / fondée" in headings(spread) and "Horizon" not in spread


def test_fiche_1_without_sheets_enjeux_or_maps_has_none_of_their_sections() -> None:
    found = headings(minutes_markdown(build_session()))
    for absent in ("Fiches", "Enjeux", "Cartes"):
        assert absent not in found


@pytest.mark.parametrize(
    ("template", "title", "line"),
    [
        ("enjeux-solutions", "Enjeux", "Aucun enjeu."),
        ("ecosysteme-ressources", "Cartes", "Aucune carte dessinée."),
        ("offre-existante", "Cartes", "Aucune carte dessinée."),
    ],
)
def test_a_planned_part_left_empty_says_so_in_one_line(template, title, line) -> None:
    text = minutes_markdown(build_session(template))
    assert section(text, title).strip() == f"## {title}\n\n{line}"
    assert "Classement (vote)" not in headings(text)


def test_english_minutes_say_the_same_in_english() -> None:
    session = build_session("ecosysteme-ressources")
    session.language = "en"
    text = minutes_markdown(session)
    assert section(text, "Maps").strip() == "## Maps\n\nNo map drawn."
    assert "Ranking (vote)" not in headings(text) and "Horizon" not in text


def _scripted():
    session = build_session("divergence-convergence")
    phase = session.agenda[0]
    phase.notes = "5 min constats + 10 min jeu de rôle\nPuis tour de parole"
    phase.turns = [Turn(label="Groupe Nord", minutes=3), Turn(label="Débat", minutes=0)]
    phase.rotation = Rotation(every_minutes=20, label="Changement de table")
    phase.actual_seconds = 17 * 60
    for other in session.agenda[1:]:
        other.notes, other.turns, other.rotation = "", [], None
    return session


def test_the_agenda_shows_each_phase_s_notes_turns_rotation_and_times() -> None:
    session = _scripted()
    text = section(minutes_markdown(session), "Déroulé")
    title = session.agenda[0].title
    assert f"| 1 | {title} | {session.agenda[0].minutes:g} | 17 |" in text  # planned, actual
    assert "### Consignes d'animation" in text
    assert (
        f"- **1. {title}**\u202f: 5 min constats + 10 min jeu de rôle\\\nPuis tour de parole\\\n"
        "Tours\u202f: Groupe Nord (3 min) · Débat (tour libre)\\\n"
        "Changement de table toutes les 20 min"
    ) in text
    assert text.count("\n- ") == 1  # the other phases have no script: no item


def test_the_script_in_english_and_in_html() -> None:
    session = _scripted()
    session.language = "en"
    session.agenda[0].rotation = Rotation(every_minutes=20)
    doc = minutes_document(session)
    words = "\n".join(block_text(b) for b in doc.blocks)
    assert "Facilitator's script" in words
    assert "Turns: Groupe Nord (3 min) · Débat (open turn)" in words
    assert "Rotation every 20 min" in words
    page = render_html(doc)
    assert "<h3>Facilitator's script</h3>" in page and "<br />" in page


def test_no_script_heading_when_no_phase_has_one() -> None:
    session = _scripted()
    session.agenda[0].notes, session.agenda[0].turns, session.agenda[0].rotation = "", [], None
    assert "Consignes d'animation" not in minutes_markdown(session)


@pytest.mark.parametrize(
    ("template", "has"),
    [
        ("territoire-numerique-10-ans", {"ideas", "vote", "grid"}),
        ("idees-recues", {"ideas", "vote", "grid"}),
        ("divergence-convergence", {"ideas", "vote", "sheets"}),
        ("atelier-thematique", {"sheets"}),
        # Fiche n°3's chantiers each get their resource map (fiche n°4): Cartes is offered.
        ("enjeux-solutions", {"enjeux", "sheets", "maps"}),
        ("ecosysteme-ressources", {"maps"}),
        ("offre-existante", {"maps", "sheets"}),
    ],
)
def test_the_parts_registry_says_which_parts_each_format_has(template: str, has: set) -> None:
    from sessions.core.parts import parts_of

    optional = {"ideas", "vote", "grid", "sheets", "enjeux", "maps"}
    found = {p.name for p in parts_of(build_session(template))} & optional
    assert found == has


def test_a_script_s_lines_stay_text_in_markdown_and_html() -> None:
    from sessions.documents.minutes_html import render_body
    from sessions.documents.render_markdown import render_markdown

    session = _scripted()
    session.agenda[0].notes = "- un\n1. deux\n# trois\n---\n> quatre\n| cinq |\n```\n<b>six</b>"
    session.agenda[0].turns = [Turn(label="*Groupe* [1](x)", minutes=3)]
    doc = minutes_document(session)
    parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    text = render_markdown(doc)
    assert render_body(doc) == parser.render(text)
    tokens = parser.parse(text)
    kinds = {tok.type for tok in tokens}
    assert not {"html_block", "html_inline", "link", "fence", "blockquote_open"} & kinds
    assert [tok.type for tok in tokens].count("hr") == 1  # the closing note's rule only
    script = section(text, "Déroulé").split("### Consignes d'animation")[1]
    assert script.count("\n- ") == 1  # one item: the note's lines did not become items
