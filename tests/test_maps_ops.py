"""Maps edited as ops: add, edit, delete a map and its nodes; checks, undo, who stays."""

from __future__ import annotations

import datetime as dt

import pytest

from sessions.agenda.catalog import find_template
from sessions.core import ops
from sessions.core.factory import session_from_template
from sessions.core.ops import UndoRefused
from sessions.documents.minutes import minutes_markdown
from sessions.maps import ops as map_ops
from sessions.maps.checks import MapError
from sessions.maps.drawing import LINE
from sessions.sheets import ops as sheets
from tests.sheets_samples import plain


def _session():
    s = session_from_template(
        find_template("ecosysteme-ressources"), "Fiche 4", dt.date(2026, 11, 22)
    )
    for title in ("Bus numérique", "Tiers-lieu"):
        sheets.add(s, "chantier", fields={"titre": title, "enjeu": "1"})
    return s


def test_a_resource_map_takes_its_chantiers_title_and_nodes_in_their_nature() -> None:
    s = _session()
    assert map_ops.AddMap(kind="ressources", chantier=2, host="Alice").run(s) == 1
    assert s.maps[0].centre == "Tiers-lieu" and s.maps[0].host == "Alice"
    map_ops.AddNode(1, label="Région", group="financieres", link="plein", have="oui").run(s)
    map_ops.AddNode(1, label="Fablab", group="techniques", operative="moyen_long").run(s)
    node = map_ops.EditNode(1, node=2, label="Fablab", group="techniques", link="pointille").run(s)
    assert node.link == "pointille" and node.operative == ""  # the form's values, all of them
    assert [n.label for n in s.maps[0].nodes] == ["Région", "Fablab"]
    text = plain(minutes_markdown(s))
    assert "Reste à la table : Alice" in text
    assert f"└─{LINE['plein']} Région" in text and f"└─{LINE['pointille']} Fablab" in text


@pytest.mark.parametrize(
    ("op", "said"),
    [
        (map_ops.AddMap(kind="carte"), ["Carte 2", "« kind »", "ressources, offre"]),
        (map_ops.AddMap(kind="ressources", chantier=9), ["Carte 2", "« 9 »", "1, 2"]),
        (map_ops.AddNode(1, label="x", group="amis"), ["Carte 1, nœud 2", "« amis »", "humaines"]),
        (map_ops.AddNode(1, label=" ", group="humaines"), ["nœud 2", "« label »"]),
        (map_ops.AddNode(1, label="x", group="humaines", link="fort"), ["« link »", "plein"]),
        (map_ops.EditNode(1, node=5, label="x", group="humaines"), ["pas de nœud n°5"]),
        (map_ops.DeleteMap(3), ["pas de carte n°3"]),
    ],
)
def test_a_refused_change_names_the_map_node_field_and_values(op, said) -> None:
    s = _session()
    map_ops.AddMap(kind="ressources", chantier=1).run(s)
    map_ops.AddNode(1, label="Mairie", group="humaines").run(s)
    before = s.model_dump_json()
    with pytest.raises(MapError) as refused:
        ops.apply(s, op)
    for words in said:
        assert words in plain(str(refused.value)), (words, str(refused.value))
    assert s.model_dump_json() == before  # nothing changed


def test_an_offer_map_groups_offers_by_free_families() -> None:
    s = _session()
    map_ops.AddMap(kind="offre", centre="Offre de médiation numérique - CC Vézère").run(s)
    map_ops.AddNode(1, label="Cyber-base", group="accès aux droits", notes="opérateur : CCAS").run(
        s
    )
    text = plain(minutes_markdown(s))
    assert "Carte de l'offre : Offre de médiation numérique - CC Vézère" in text
    assert "Accès aux droits" in text or "accès aux droits" in text
    assert "Manque-t-il des offres ?" in text


def test_undo_puts_the_map_back_and_refuses_when_it_changed_elsewhere() -> None:
    s = _session()
    map_ops.AddMap(kind="ressources", chantier=1).run(s)
    map_ops.AddNode(1, label="Mairie", group="humaines").run(s)
    before = s.model_dump_json()
    applied = ops.apply(s, map_ops.DeleteNode(1, node=1))
    assert s.maps[0].nodes == []
    ops.undo(s, applied.step)
    assert s.model_dump_json() == before
    ops.redo(s, applied.step)
    assert s.maps[0].nodes == []
    ops.undo(s, applied.step)
    map_ops.set_map(s, 1, "Bus", 1, "Bob")  # the command line, meanwhile
    with pytest.raises(UndoRefused, match="la liste des cartes a changé"):
        ops.redo(s, applied.step)
    assert [n.label for n in s.maps[0].nodes] == ["Mairie"]


def test_the_offer_templates_step_5_asks_the_guides_five_questions() -> None:
    """[004] step 5, 'temps de l'étonnement': the questions are the phase's notes (timer)."""
    from sessions.i18n import t

    template = find_template("offre-existante")
    assert template.ask_minutes  # the guide gives no step times: asked at creation
    for lang in ("fr", "en"):
        step5 = next(
            p for p in template.build_agenda(lang) if p.title.startswith(("Étape 5", "Step 5"))
        )
        for n in range(1, 6):
            question = plain(t(f"maps.etonnement.{n}", lang)).split(" ")[0:3]
            assert " ".join(question) in plain(step5.notes), (lang, n)
