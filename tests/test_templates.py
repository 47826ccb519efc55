"""The 7 agenda formats of METHOD.md, user templates and template errors."""

from __future__ import annotations

import pytest

from sessions.agenda.catalog import (
    TemplateError,
    all_templates,
    builtin_templates,
    find_template,
    parse_template,
)

EXPECTED = {
    "divergence-convergence": (
        120,
        [
            "Introduction",
            "Présentation",
            "Inspiration",
            "Divergence",
            "Convergence",
            "Partage des solutions",
            "Conclusion",
        ],
        [5, 10, 15, 30, 40, 15, 5],
    ),
    "atelier-thematique": (
        110,
        [
            "Présentation de l'atelier",
            "Temps de réflexion",
            "Restitution orale et débat",
            "Restitution écrite",
        ],
        [15, 55, 20, 20],
    ),
    "territoire-numerique-10-ans": (
        120,
        [
            "Étape 1 Poser la question de départ",
            "Étape 2 Recueil collectif des items",
            "Étape 3 Classement des items",
            "Étape 4 Prioriser les items",
        ],
        [10, 40, 40, 30],
    ),
    "idees-recues": (120, None, [10, 40, 40, 30]),
    "enjeux-solutions": (
        165,
        [
            "Rappel des enjeux",
            "Appropriation des supports",
            "Identification des chantiers clés",
            "Mise en commun",
            "Restitution",
        ],
        [15, 15, 45, 45, 45],
    ),
    "ecosysteme-ressources": (90, None, None),
    "offre-existante": (240, None, None),
}


def test_the_seven_builtin_formats_in_order() -> None:
    templates = builtin_templates()
    assert [t.name for t in templates] == list(EXPECTED)
    for template in templates:
        total, titles, minutes = EXPECTED[template.name]
        assert template.total_minutes == total, template.name
        if titles:
            assert [p.title for p in template.phases] == titles
        if minutes:
            assert [p.minutes for p in template.phases] == minutes


def test_the_resource_workshop_rotates_every_twenty_minutes() -> None:
    phases = find_template("ecosysteme-ressources").phases
    rotations = [p.rotation for p in phases if p.rotation]
    assert rotations and rotations[0].every_minutes == 20


def test_the_four_hour_workshop_asks_for_its_times() -> None:
    template = find_template("offre-existante")
    assert template.ask_minutes
    assert [p.title.split()[1] for p in template.phases if p.title.startswith("Étape")] == [
        "0",
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
    ]


def test_sharing_phase_has_three_minute_turns() -> None:
    phase = find_template("divergence-convergence").phases[5]
    assert phase.turns and all(turn.minutes == 3 for turn in phase.turns)


def test_user_template_is_listed_and_can_replace_a_builtin(tmp_path) -> None:
    (tmp_path / "mine.toml").write_text(
        'title = "Le mien"\n[[phases]]\ntitle = "Seule"\nminutes = 12\n', encoding="utf-8"
    )
    (tmp_path / "atelier-thematique.toml").write_text(
        'title = "Remplacé"\n[[phases]]\ntitle = "A"\nminutes = 1\n', encoding="utf-8"
    )
    by_name = {t.name: t for t in all_templates(tmp_path)}
    assert by_name["mine"].total_minutes == 12
    assert by_name["atelier-thematique"].title == "Remplacé"
    assert len(by_name) == 8


def test_malformed_toml_names_file_and_line() -> None:
    with pytest.raises(TemplateError) as info:
        parse_template('title = "x"\n[[phases]\n', "agenda.toml")
    assert "agenda.toml" in str(info.value)
    assert "line 2" in str(info.value)


def test_invalid_phase_names_the_field() -> None:
    with pytest.raises(TemplateError) as info:
        parse_template('name="x"\ntitle = "x"\n[[phases]]\ntitle = "A"\nminutes = -3\n', "a.toml")
    assert "phases.0.minutes" in str(info.value)


def test_build_agenda_gives_fresh_phases() -> None:
    template = find_template("divergence-convergence")
    first, second = template.build_agenda(), template.build_agenda()
    assert [p.title for p in first] == [p.title for p in second]
    assert {p.id for p in first}.isdisjoint({p.id for p in second})
