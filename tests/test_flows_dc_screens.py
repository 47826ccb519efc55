"""Divergence-convergence and atelier thématique through the screens, keys pressed as people do.

F4's brainstorm takes free entries (no tour forced), the sheets screen records
the solutions' pour / contre and the conclusion's four questions (shown in the
minutes), the timer gives "Partage des solutions" one turn per solution, and
the atelier thématique's sub-themes warn beyond 3 and give the oral restitution
one turn per rapporteur.
"""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Select, Static

from sessions.agenda.catalog import find_template
from sessions.core.factory import session_from_template
from sessions.enjeux.model import Enjeu
from sessions.people.names import parse_participants
from sessions.sheets import ops
from tests.sheets_samples import plain
from tests.test_sheets_screen import _open_sheets
from tests.waits import settled, until
from tui.app import make_app

EIGHT = "\n".join(f"Personne {n} (Org {n})" for n in range(1, 9))


def _screen(app) -> str:  # type: ignore[no-untyped-def]
    return type(app.screen).__name__


def _session(store, template: str, lang: str = "fr"):  # type: ignore[no-untyped-def]
    s = session_from_template(
        find_template(template),
        title="Atelier",
        on=dt.date(2026, 11, 22),
        participants=parse_participants(EIGHT),
        language=lang,
    )
    store.create(s)
    return s


def _text(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    return plain(str(app.screen.query_one(selector, Static).render()))


def _toasts(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [plain(str(n.message)) for n in app._notifications]


async def _type(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*text, "enter")
    await pilot.pause()


async def test_the_brainstorm_takes_free_entries_and_the_tour_is_optional(store, clock) -> None:
    s = _session(store, "divergence-convergence")
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        assert "BRAINSTORM : une idée par post-it" in _text(app, "#turn")
        for text in ("Bus numérique", "Café des aidants", "Permanence en mairie"):
            await _type(pilot, text)
        saved = store.load(s.id)
        assert [(i.text, i.author_id, i.round) for i in saved.ideas] == [
            ("Bus numérique", None, None),
            ("Café des aidants", None, None),
            ("Permanence en mairie", None, None),
        ]
        assert saved.capture.turns == []  # no tour moved
        assert "BRAINSTORM" in _text(app, "#turn")  # still free after each idea
        assert "▶" not in _text(app, "#people") and "→" not in _text(app, "#people")  # no turn
        await pilot.press("f9")  # the group wants a tour de table after all
        await pilot.pause()
        assert "Personne 1" in _text(app, "#turn")
        assert "▶ Personne 1" in _text(app, "#people")
        await _type(pilot, "Tiers-lieu")
        await _type(pilot, "Atelier seniors")
        saved = store.load(s.id)
        authors = [saved.participant(i.author_id) for i in saved.ideas[3:]]
        assert [p.name if p else None for p in authors] == ["Personne 1", "Personne 2"]
        assert "Personne 3" in _text(app, "#turn")


async def test_fiche_one_keeps_its_tour_de_table(store, clock) -> None:
    s = _session(store, "territoire-numerique-10-ans")
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        assert "Personne 1" in _text(app, "#turn")
        await _type(pilot, "Idée")
        assert store.load(s.id).ideas[0].author_id is not None


async def test_solutions_with_pour_contre_and_the_conclusion_reach_the_minutes(
    store, clock
) -> None:
    from tui.widgets.minutes_preview import MinutesPreview

    s = _session(store, "divergence-convergence")
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_sheets(app, pilot)
        await pilot.press("a", "enter")  # the format's first kind: a solution
        await until(pilot, lambda: _screen(app) == "SheetForm" and settled(app))
        form = app.screen
        labels = [plain(str(w.render())) for w in form.query(".field-label")]
        assert labels[-4:] == ["Membres du groupe", "Pour", "Contre", "Remarques et suggestions"]
        await pilot.press("tab", "tab", *"Bus numérique")  # title, items, then the solution
        for _ in range(6):  # mise en oeuvre, objectifs, partenaires, couts, groupe, pour
            await pilot.press("tab")
        await pilot.press(*"Proche des gens", "enter", *"Déjà financé", "tab")
        await pilot.press(*"Coûteux", "ctrl+s")
        await until(pilot, lambda: store.load(s.id).sheets and _screen(app) == "SheetsScreen")
        (sheet,) = store.load(s.id).sheets
        assert sheet.fields == {
            "nom": "Bus numérique",
            "pour": "Proche des gens\nDéjà financé",
            "contre": "Coûteux",
        }
        fields = lambda: plain(str(app.screen.query_one("#sheet-fields", Static).render()))  # noqa: E731
        detail = await until(pilot, lambda: "Coûteux" in fields() and fields())
        assert "Pour :\n  · Proche des gens\n  · Déjà financé" in detail
        assert "Contre : Coûteux" in detail
        # the conclusion: third of the format's kinds
        await pilot.press("a", "down", "down", "enter")
        await until(pilot, lambda: _screen(app) == "SheetForm" and settled(app))
        assert plain(str(app.screen.query_one("#form-heading", Static).render())) == (
            "Conclusion n°2"
        )
        await pilot.press("tab", "tab", *"Enthousiaste", "tab", *"Le temps", "tab")
        await pilot.press(*"Écouter", "tab", *"Trois pistes", "ctrl+s")
        await until(pilot, lambda: len(store.load(s.id).sheets) == 2)
        conclusion = store.load(s.id).sheets[1]
        assert conclusion.kind == "conclusion"
        assert conclusion.fields == {
            "ressenti": "Enthousiaste",
            "difficultes": "Le temps",
            "apprentissages": "Écouter",
            "avec_quoi_on_repart": "Trois pistes",
        }
        await pilot.press("f7")
        preview = lambda: plain(app.screen.query_one("#minutes-md", MinutesPreview).shown_text())  # noqa: E731
        shown = await until(pilot, lambda: "Trois pistes" in preview() and preview())
        assert "Solution n°1 : Bus numérique" in shown
        assert "Proche des gens / Déjà financé" in shown and "Coûteux" in shown
        for question in (
            "Quel ressenti ?",
            "Quelles difficultés ?",
            "Quels apprentissages ?",
            "Avec quoi on repart ?",
        ):
            assert question in shown
        assert "Trois pistes" in shown


async def test_the_sharing_phase_has_one_turn_per_solution_on_the_timer(store, clock) -> None:
    s = _session(store, "divergence-convergence")

    def solutions(session) -> None:  # type: ignore[no-untyped-def]
        for name in ("Bus", "Café", "Kiosque"):
            ops.add(session, "solution", fields={"nom": name})

    store.transact(s.id, solutions)
    sharing = next(i for i, p in enumerate(s.agenda) if p.turns_from is not None)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_sheets(app, pilot)
        turns = _text(app, "#sheets-turns")  # shown planned before the phase starts
        assert "Partage des solutions : 3 tours de 3 min (9 min sur 15 prévues)." in turns
        await pilot.press("f3", "space")
        await pilot.pause()
        for _ in range(sharing):
            await pilot.press("n")
            await pilot.pause()
        phase = store.load(s.id).agenda[sharing]
        assert [plain(t.label) for t in phase.turns] == [
            "Groupe 1 : Bus",
            "Groupe 2 : Café",
            "Groupe 3 : Kiosque",
        ]
        assert "Tour 1/3 : Groupe 1 : Bus" in _text(app, "#subtimer")


async def test_a_fourth_sub_theme_warns_and_rapporteurs_get_the_turns(store, clock) -> None:
    s = _session(store, "atelier-thematique")

    def themes(session) -> None:  # type: ignore[no-untyped-def]
        for name, who in (("Publics", "Léa"), ("Médiation", "Omar"), ("Financements", "Zoé")):
            ops.add(session, "sous_theme", fields={"nom": name, "rapporteur": who})

    store.transact(s.id, themes)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_sheets(app, pilot)
        assert "Restitution orale et débat : 3 tours de 5 min" in _text(app, "#sheets-turns")
        await pilot.press("a")
        await pilot.pause()
        kinds = app.screen.query_one("#kinds")
        assert str(kinds.get_option_at_index(0).prompt) == "Sous-thématique"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert "4 sous-thématiques : le guide en présente 2 ou 3." in _text(app, "#warning")
        await pilot.press("tab", "tab", *"Usages", "ctrl+s")
        await pilot.pause()
        assert len(store.load(s.id).sheets) == 4  # a warning, not a refusal
        assert any("4 sous-thématiques" in m for m in _toasts(app))
        assert "Restitution orale et débat : 4 tours de 5 min" in _text(app, "#sheets-turns")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "Enjeu 1 : 3 chantiers prioritaires (fiches 1, 2, 3) ; le guide en garde 2."),
        ("en", "Enjeu 1: 3 priority projects (sheets 1, 2, 3); the guide keeps 2."),
    ],
)
async def test_the_form_warns_on_a_third_priority_chantier(store, clock, lang, expected) -> None:
    s = _session(store, "enjeux-solutions")

    def chantiers(session) -> None:  # type: ignore[no-untyped-def]
        session.enjeux = [Enjeu(number=1, text="Accès aux droits")]
        for name in ("Bus", "Café"):
            ops.add(session, "chantier", fields={"titre": name, "enjeu": "1", "prioritaire": True})
        ops.add(session, "chantier", fields={"titre": "Kiosque", "enjeu": "1"})

    store.transact(s.id, chantiers)
    app = make_app(store, clock, session_ref=s.id, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_sheets(app, pilot)
        await pilot.press("end", "e")
        await pilot.pause()
        assert _text(app, "#warning") == ""
        app.screen.query_one("#f-prioritaire", Select).value = True
        app.screen.query_one("#f-inconnu_desirable", Select).value = False  # "non" is kept
        await pilot.pause()
        assert _text(app, "#warning") == expected
        await pilot.press("ctrl+s")
        await pilot.pause()
        fields = store.load(s.id).sheets[2].fields
        assert (fields["prioritaire"], fields["inconnu_desirable"]) == (True, False)
        assert expected in _toasts(app)
