"""Maps: the model, its text drawing (hypothesis), atelier import map, the JSON export, minutes."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from sessions.documents.minutes import minutes_markdown
from sessions.documents.minutes_common import translator
from sessions.maps.drawing import LINE, MIN_WIDTH, cells, draw, legend
from sessions.maps.model import LINKS, NATURES, Map, MapNode
from sessions.sheets import ops
from sessions.storage.store import SessionStore
from tests.grid_examples import full_session
from tests.sheets_samples import plain
from tui.cli.main import main

TR = translator("fr")
TREE = ("├", "└", "│")


def _run(store: SessionStore, *args: str) -> int:
    return main(["--data-dir", str(store.root), *args])


def _resources() -> Map:
    return Map(
        kind="ressources",
        centre="Bus numérique",
        chantier=1,
        nodes=[
            MapNode(label="Région", group="financieres", link="plein", notes="AAP 2027"),
            MapNode(label="Fondation", group="financieres", link="pointille"),
            MapNode(label="Conseillers", group="humaines", link="aucun"),
        ],
    )


# -- the model --------------------------------------------------------------------------


def test_a_resource_map_takes_only_the_five_natures() -> None:
    with pytest.raises(ValidationError):
        Map(kind="ressources", nodes=[MapNode(label="x", group="amis")])
    offer = Map(kind="offre", nodes=[MapNode(label="Cyber-base", group="accès aux droits")])
    assert offer.nodes[0].group == "accès aux droits"  # families are free on an offer map
    with pytest.raises(ValidationError):
        MapNode(label="x", link="fort")
    with pytest.raises(ValidationError):
        Map(kind="carte")


# -- the drawing ------------------------------------------------------------------------


def test_the_drawing_shows_each_link_by_its_line_and_the_legend_names_it() -> None:
    text = draw(_resources(), TR, 60)
    lines = text.splitlines()
    assert lines[0] == "Bus numérique"
    assert "├─ Financières" in lines and "└─ Humaines" in lines
    assert f"│  ├─{LINE['plein']} Région" in lines
    assert f"│  └─{LINE['pointille']} Fondation" in lines
    assert "   └─    Conseillers" in lines  # aucun: no line
    tail = plain(" ".join(lines[lines.index("") + 1 :]))
    assert f"{LINE['plein']} plein" in tail and f"{LINE['pointille']} pointillé" in tail
    assert "sans trait = aucun" in tail


labels = st.text(min_size=1, max_size=80).filter(lambda s: s.strip())
nodes = st.builds(
    MapNode,
    label=labels,
    group=st.sampled_from(NATURES),
    link=st.sampled_from(LINKS),
    notes=st.text(max_size=120),
)


@settings(max_examples=150, deadline=None)
@given(
    centre=st.text(max_size=100),
    found=st.lists(nodes, max_size=12),
    width=st.integers(min_value=MIN_WIDTH, max_value=120),
)
def test_every_node_drawn_once_width_kept_legend_apart(centre, found, width) -> None:
    map_ = Map(kind="ressources", centre=centre, nodes=found)
    lines = draw(map_, TR, width).splitlines()
    assert all(cells(line) <= width for line in lines)
    # The legend is last, after the first blank line, and no tree line reaches it.
    blank = lines.index("")
    assert lines[blank + 1 :] == legend(TR, width)
    assert not any(ch in line for line in lines[blank + 1 :] for ch in TREE)
    # Each node starts one line of its own: its twig then its link's line.
    starts = [
        line
        for line in lines[:blank]
        if any(line[3:].startswith(twig + LINE[link]) for twig in ("├─", "└─") for link in LINKS)
        and line[:3] in ("│  ", "   ")
    ]
    assert len(starts) == len(found)
    groups = [line for line in lines[:blank] if line.startswith(("├─ ", "└─ "))]
    assert len(groups) == len({n.group for n in found})


def test_a_width_below_the_minimum_is_raised_to_it() -> None:
    lines = draw(_resources(), TR, 5).splitlines()
    assert max(cells(line) for line in lines) <= MIN_WIDTH


# -- atelier import map -----------------------------------------------------------------

MAP_TOML = """
[[maps]]
kind = "ressources"
chantier = 1
host = "Alice Martin"

[[maps.nodes]]
label = "Région"
group = "financieres"
link = "plein"
notes = "AAP 2027, opérante à court terme"
have = "oui"
connection = "convention 2025"
operative = "court"

[[maps.nodes]]
label = "Fablab"
group = "techniques"
link = "pointille"

[[maps]]
kind = "offre"
centre = "Offre de médiation numérique - CC Vézère"

[[maps.nodes]]
label = "Cyber-base"
group = "accès aux droits"
"""


def _with_chantier(store, ref):
    def op(session):
        ops.add(session, "chantier", title="", fields={"titre": "Bus", "enjeu": "1"}, items=[])

    store.transact(ref, op)


def test_import_map_then_export_and_minutes(store, session, tmp_path, capsys):
    _with_chantier(store, session.id)
    path = tmp_path / "carte.toml"
    path.write_text(MAP_TOML, encoding="utf-8")
    assert _run(store, "import", "map", session.id, str(path)) == 0
    assert "2 cartes importées (3 nœuds)" in plain(capsys.readouterr().out)
    saved = store.load(session.id).maps
    assert saved[0].centre == "Bus"  # the chantier's title at the centre
    assert [n.label for n in saved[0].nodes] == ["Région", "Fablab"]
    assert _run(store, "export", session.id, "--format", "json") == 0
    exported = json.loads(capsys.readouterr().out)["maps"]
    unanswered = {"have": "", "connection": "", "operative": ""}
    assert exported[0] == {
        "kind": "ressources",
        "centre": "Bus",
        "chantier": 1,
        "host": "Alice Martin",
        "nodes": [
            {
                "label": "Région",
                "group": "financieres",
                "link": "plein",
                "notes": "AAP 2027, opérante à court terme",
                "have": "oui",
                "connection": "convention 2025",
                "operative": "court",
            },
            {"label": "Fablab", "group": "techniques", "link": "pointille", "notes": ""}
            | unanswered,
        ],
    }
    assert exported[1]["chantier"] is None and exported[1]["kind"] == "offre"
    text = minutes_markdown(store.load(session.id))
    assert "## Cartes" in text and "### Carte des ressources : Bus" in plain(text)
    fence = text.index("```", text.index("## Cartes"))
    assert f"│  └─{LINE['plein']} Région" in text[fence:]
    row = "| Financières | Région | ━━━ plein | AAP 2027, opérante à court terme | on l'a |"
    assert row + " convention 2025 | opérante à court terme |" in plain(text)
    assert "Reste à la table : Alice Martin" in plain(text)  # the 20-minute rotation
    assert "### Carte de l'offre : Offre de médiation numérique - CC Vézère" in plain(text)
    offer = plain(text)[plain(text).index("### Carte de l'offre") :]
    assert "Étonnement (étape 5) :" in offer and "- Manque-t-il des offres ?" in offer
    assert "Étonnement" not in plain(text)[: plain(text).index("### Carte de l'offre")]


@pytest.mark.parametrize(
    ("toml", "said"),
    [
        (
            '[[maps]]\nkind = "ressources"\n[[maps.nodes]]\nlabel = "x"\ngroup = "amis"\n',
            ["Carte 1, nœud 1", "« group »", "« amis »", "financieres, humaines"],
        ),
        (
            '[[maps]]\nkind = "offre"\n[[maps.nodes]]\nlabel = "x"\nlink = "fort"\n',
            ["Carte 1, nœud 1", "« link »", "« fort »", "aucun, pointille, plein"],
        ),
        ('[[maps]]\nkind = "carte"\n', ["Carte 1", "« kind »", "ressources, offre"]),
        ('[[maps]]\nkind = "ressources"\nchantier = 9\n', ["Carte 1", "« 9 »", "chantier"]),
        ('[[maps]]\nkind = "offre"\n[[maps.nodes]]\ngroup = "x"\n', ["nœud 1", "« label »"]),
        ('[[maps]]\nkind = "offre"\ncouleur = 1\n', ["Carte 1", "« couleur »"]),
        (
            '[[maps]]\nkind = "ressources"\n[[maps.nodes]]\nlabel = "x"\ngroup = "humaines"\n'
            'operative = "demain"\n',
            ["Carte 1, nœud 1", "« operative »", "« demain »", "court, moyen_long, non"],
        ),
        (
            '[[maps]]\nkind = "offre"\n[[maps.nodes]]\nlabel = "x"\nhave = "peut-être"\n',
            ["nœud 1", "« have »", "« peut-être »", "oui, non"],
        ),
    ],
)
def test_a_bad_map_is_refused_naming_node_field_and_values(
    store, session, tmp_path, capsys, toml, said
):
    _with_chantier(store, session.id)  # sheet 1, the only chantier
    before = store.path_for(session.id).read_bytes()
    path = tmp_path / "carte.toml"
    path.write_text(toml, encoding="utf-8")
    assert _run(store, "import", "map", session.id, str(path)) == 6
    err = plain(capsys.readouterr().err)
    assert "Rien n'a été importé" in err
    for words in said:
        assert words in err, (words, err)
    assert store.path_for(session.id).read_bytes() == before


def test_minutes_without_maps_have_no_maps_section() -> None:
    assert "## Cartes" not in minutes_markdown(full_session())


@given(
    text=st.text(alphabet=st.sampled_from("ab 漢字é\u0301"), max_size=200),
    width=st.integers(min_value=2, max_value=40),
)
def test_wrapping_counts_terminal_cells_wide_characters_included(text, width) -> None:
    from sessions.maps.drawing import wrap

    lines = wrap(text, width)
    assert all(cells(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost


def test_a_session_without_chantier_sheets_maps_those_of_another(store, session, tmp_path, capsys):
    """Fiche 4 maps the chantiers of the fiche 3 session: their numbers are taken as given."""
    path = tmp_path / "carte.toml"
    path.write_text('[[maps]]\nkind = "ressources"\nchantier = 4\n', encoding="utf-8")
    assert _run(store, "import", "map", session.id, str(path)) == 0
    assert store.load(session.id).maps[0].chantier == 4
    path.write_text('[[maps]]\nkind = "ressources"\nchantier = 0\n', encoding="utf-8")
    assert _run(store, "import", "map", session.id, str(path)) == 6
