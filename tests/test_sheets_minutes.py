"""The sheets in the minutes: label / value tables, the financing table with its totals."""

from __future__ import annotations

from sessions.documents.minutes import minutes_document, minutes_markdown
from sessions.documents.minutes_html import render_html
from sessions.documents.tree import Heading
from sessions.sheets import ops
from sessions.sheets.catalog import builtin_kinds
from tests.conftest import build_session
from tests.sheets_samples import plain, sample_fields


def test_minutes_without_sheets_have_no_sheets_section() -> None:
    session = build_session()
    assert "Fiches" not in minutes_markdown(session)
    ops.add(session, "action")
    ops.delete(session, 1)
    assert "Fiches" not in minutes_markdown(session)


def test_each_sheet_as_the_guide_lays_it_out() -> None:
    session = build_session()
    ops.add(session, "action", fields={"nom": "Bus numérique", "pilote": ["Alice Martin"]})
    money = {
        "etat": {"y0": 1000, "y1": 2500.5},
        "region": {"y0": 500},
        "autofinancement": {"y2": 1000},
    }
    ops.add(session, "action_complete", fields={"titre": "Tiers-lieu", "financements": money})
    md = plain(minutes_markdown(session))
    assert "## Fiches" in md
    assert "### Fiche action n°1 : Bus numérique" in md
    assert "| Nom de l'action | Bus numérique |" in md
    assert "| Pilote | Alice Martin |" in md
    assert "| Cibles | — |" in md  # every label of the guide, filled or not
    assert "### Fiche action complète n°2 : Tiers-lieu" in md
    assert "|   | 2026 | 2027 | 2028+ | Total | % |" in md
    assert "| État | 1 000 | 2 500,50 |   | 3 500,50 | 70,0 |" in md
    assert "| Total financements publics | 1 500 | 2 500,50 | 0 | 4 000,50 | 80,0 |" in md
    assert "| Coût total | 1 500 | 2 500,50 | 1 000 | 5 000,50 | 100,0 |" in md
    # every row of the funders is shown, as on the guide's form
    assert "| Europe (préciser fonds) |   |   |   | 0 |   |" not in md
    assert "| Europe (préciser fonds) |" in md


def test_minutes_in_english_and_count_only() -> None:
    session = build_session()
    ops.add(session, "synthese", fields={"redigee_par": "observateur", "auteurs": ["A", "B"]})
    md = plain(minutes_markdown(session, "en"))
    assert "## Sheets" in md and "### Synthesis 1\n" in md
    assert "| Written by | observer |" in md and "| Authors | A, B |" in md
    assert "| Authors | 2 people |" in plain(minutes_markdown(session, "en", names=False))


def test_every_kind_reaches_markdown_and_html() -> None:
    session = build_session()
    for kind in builtin_kinds():
        ops.add(session, kind.kind, fields=sample_fields(kind))
    doc = minutes_document(session)
    sheets = doc.blocks[doc.blocks.index(Heading(2, "Fiches")) :]  # after the agenda's script
    headings = [b.text for b in sheets if getattr(b, "level", 0) == 3]
    assert len(headings) == len(builtin_kinds())
    html = render_html(doc)
    assert "Engagement des parties prenantes" in html and "<td>s'engage à porter</td>" in html


def test_anonymous_minutes_and_export_name_nobody_in_the_sheets() -> None:
    from sessions.documents.anonymize import anonymize
    from sessions.documents.export_json import session_to_json

    session = build_session()
    ops.add(
        session,
        "action",
        title="Projet d'Alice Martin",
        fields={"pilote": ["Alice Martin"], "description": "Avec Bruno Petit"},
    )
    ops.add(session, "action_complete", fields={"referents": [{"nom": "Alice Martin"}]})
    hidden = anonymize(session)
    md = plain(minutes_markdown(hidden))
    exported = str(session_to_json(hidden)["sheets"])
    for name in ("Alice", "Bruno"):
        assert name not in md and name not in exported
    assert "| Pilote | Participant 1 |" in md


def test_the_groups_synthesis_carries_each_groups_sheets() -> None:
    from sessions.documents.synthesis import synthesis_markdown

    first = build_session("atelier-thematique", "Sous-thème 1")
    second = build_session("atelier-thematique", "Sous-thème 2")
    ops.add(first, "synthese", fields={"problematiques": "Zones blanches"})
    md = plain(synthesis_markdown([first, second]))
    group_one = md[md.index("## Sous-thème 1") : md.index("## Sous-thème 2")]
    assert "### Fiches" in group_one and "#### Synthèse n°1\n" in group_one
    assert "| Problématiques | Zones blanches |" in group_one
    # the second group's format plans a synthesis it did not write: one line says so
    assert md[md.index("## Sous-thème 2") :].endswith("### Fiches\n\nAucune fiche remplie.\n")
