"""Rules of the documents (exports, file names, imports), found by mutation testing (issue 18).

Each test reads what a user gets: the file written, its name, the text of an
export, or the refusal with the line and the reason.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from grid_examples import PEOPLE, full_session

from sessions.documents import export_names
from sessions.documents.export_names import free_path, safe_stem, write_new
from sessions.documents.exports import EXPORT_FORMATS, export_bytes, render_export
from sessions.documents.extras import MissingExtra

# -- file names --------------------------------------------------------------------

# Windows' reserved device names, whatever the case, with or without an extension.
RESERVED = ["CON", "prn", "Aux", "nul", "CONIN$", "conout$", "COM1", "lpt9", "COM¹", "LPT³"]


@pytest.mark.parametrize("name", RESERVED)
def test_a_title_that_is_a_windows_device_name_gets_an_underscore(name):
    assert safe_stem(name) == f"_{name}"
    assert safe_stem(f"{name}.txt") == f"_{name}.txt"
    assert safe_stem(f"{name}x") == f"{name}x"


def test_the_next_free_name_counts_up_past_every_taken_one(tmp_path):
    for name in ("Atelier.md", "Atelier-2.md", "Atelier-3.md"):
        (tmp_path / name).write_text("x")
    assert free_path(tmp_path, "Atelier", ".md") == tmp_path / "Atelier-4.md"


def test_an_export_counts_up_without_hard_links_too(tmp_path, monkeypatch):
    def no_links(src, dst):
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(export_names.os, "link", no_links)
    first = write_new(tmp_path, "Atelier", ".md", b"one")
    second = write_new(tmp_path, "Atelier", ".md", b"two")
    assert (first.name, second.name) == ("Atelier.md", "Atelier-2.md")
    assert (first.read_bytes(), second.read_bytes()) == (b"one", b"two")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Atelier-2.md", "Atelier.md"]


def test_an_export_s_name_is_made_durable_in_its_folder(tmp_path, monkeypatch):
    synced: list[Path] = []
    monkeypatch.setattr(export_names, "fsync_dir", lambda folder: synced.append(Path(folder)))
    path = write_new(tmp_path / "exports", "Atelier", ".md", b"x")
    assert synced == [path.parent]


# -- the formats ---------------------------------------------------------------------


def test_the_json_export_is_indented_by_two_spaces_and_ends_with_a_newline():
    text = render_export(full_session(), "json")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def test_an_anonymous_export_names_nobody_in_any_text_format():
    session = full_session()
    for fmt in ("md", "html", "json"):
        text = export_bytes(session, fmt, anonymous=True).decode("utf-8")
        for _, name, _ in PEOPLE:
            assert name not in text, (fmt, name)
    assert session.participants[0].name == PEOPLE[0][1]  # the open session is untouched


def test_each_format_says_its_media_type_and_whether_it_is_text():
    text = {name for name, f in EXPORT_FORMATS.items() if f.is_text}
    assert text == {"md", "html", "json"}
    assert EXPORT_FORMATS["odt"].media_type == "application/vnd.oasis.opendocument.text"
    assert EXPORT_FORMATS["docx"].media_type.endswith("wordprocessingml.document")


def test_a_missing_extra_names_the_extra_never_the_public_index_s_other_atelier():
    exc = MissingExtra("office")
    assert exc.extra == "office"
    assert str(exc) == "the 'office' extra of this project is not installed"
    assert "pip install 'atelier" not in str(exc)


# -- imports -------------------------------------------------------------------------


def _votes(session, *rows: str) -> list:
    from sessions.documents.imports import parse_votes

    return parse_votes(session, "\n".join(rows) + "\n")


def test_a_votes_header_naming_an_item_the_session_lacks_is_refused_on_its_line():
    from sessions.documents.imports import ImportFileError
    from sessions.vote.envelope import item_numbers

    session = full_session()
    missing = max(item_numbers(session)) + 1
    with pytest.raises(ImportFileError) as exc:
        _votes(session, "", f"participant,1,{missing}", "Alice Martin,1,1")
    assert exc.value.line == 2
    assert exc.value.key == "import.err.unknown_item"
    assert str(missing) in exc.value.message("en")


def test_a_voter_may_spend_the_whole_envelope_and_not_one_point_more():
    from sessions.documents.imports import ImportFileError
    from sessions.vote.envelope import MAX_POINTS, envelope, item_numbers

    session = full_session()
    limit = envelope(session)
    items = item_numbers(session)
    cells = []
    left = limit
    for _ in items:
        cells.append(min(left, MAX_POINTS))
        left -= cells[-1]
    header = "participant," + ",".join(str(n) for n in items)
    row = ",".join(str(c) for c in cells)
    rows = _votes(session, header, f"Alice Martin,{row}")
    assert sum(rows[0].points.values()) == limit
    over = ",".join(str(c + (1 if i == len(cells) - 1 else 0)) for i, c in enumerate(cells))
    with pytest.raises(ImportFileError) as exc:
        _votes(session, header, f"Alice Martin,{over}")
    assert exc.value.key == "import.err.over_envelope"


def test_an_envelope_cell_above_the_points_an_item_may_get_is_refused_as_that_cell():
    from sessions.documents.imports import ImportFileError
    from sessions.vote.envelope import MAX_POINTS

    session = full_session()
    session.vote.envelope = MAX_POINTS + 1  # the row stays within its envelope
    with pytest.raises(ImportFileError) as exc:
        _votes(session, "participant,1,2", f"Bruno Petit,{MAX_POINTS + 1},")
    assert (exc.value.key, exc.value.line) == ("import.err.cell", 2)
    assert exc.value.values["item"] == 1
    assert _votes(session, "participant,1,2", f"Bruno Petit,{MAX_POINTS},1")[0].points == {
        1: MAX_POINTS,
        2: 1,
    }


# -- the minutes -----------------------------------------------------------------------


def test_every_name_the_minutes_module_exports_is_importable():
    from sessions.documents import minutes

    names: dict[str, object] = {}
    exec("from sessions.documents.minutes import *", names)  # the star import is the point
    assert set(minutes.__all__) <= set(names)


@pytest.mark.parametrize(
    "template", ["atelier-thematique", "enjeux-solutions", "ecosysteme-ressources"]
)
def test_the_minutes_title_is_their_only_top_level_heading(template):
    from sessions.documents.minutes import minutes_document
    from sessions.documents.tree import Heading
    from sessions.i18n import t
    from tests.conftest import build_session

    session = build_session(template, title="Atelier B")
    for lang in ("fr", "en"):
        doc = minutes_document(session, lang)
        assert doc.title == t("minutes.doc_title", lang, title="Atelier B")
        levels = [b.level for b in doc.blocks if isinstance(b, Heading)]
        assert levels and min(levels) == 2, levels  # parts at 2, below them 3


def test_minutes_of_time_are_written_to_a_tenth():
    from sessions.documents.minutes_common import format_minutes

    assert format_minutes(12.34, "en") == "12.3"
    assert format_minutes(12.36, "fr") == "12,4"
    assert format_minutes(None, "fr") == "—"


# -- office documents ---------------------------------------------------------------------


def _docx_of(*blocks):
    import io

    docx = pytest.importorskip("docx")
    from sessions.documents.render_docx import render_docx
    from sessions.documents.tree import Document

    return docx.Document(io.BytesIO(render_docx(Document("Titre", "fr", tuple(blocks)))))


def test_docx_runs_keep_their_kind_strong_emphasis_code():
    from sessions.documents.render_docx import MONO
    from sessions.documents.tree import Paragraph, code, emphasis, strong

    read = _docx_of(Paragraph.of(strong("fort"), emphasis("penché"), code("x = 1"), "simple"))
    runs = {r.text: r for p in read.paragraphs for r in p.runs}
    assert runs["fort"].bold and not runs["fort"].italic
    assert runs["penché"].italic and not runs["penché"].bold
    assert runs["x = 1"].font.name == MONO and not runs["x = 1"].bold
    assert not runs["simple"].bold and not runs["simple"].italic


def test_a_docx_preformatted_block_is_small_monospace_never_split_across_pages():
    from sessions.documents.render_docx import MONO
    from sessions.documents.tree import Paragraph, Preformatted

    drawing = "Carte\n├── une ressource très longue\n└── une autre"
    read = _docx_of(Paragraph.of("avant"), Preformatted(drawing))
    block = next(p for p in read.paragraphs if "Carte" in p.text)
    body = next(p for p in read.paragraphs if p.text == "avant")
    run = block.runs[0]
    assert run.font.name == MONO
    normal = read.styles["Normal"].font.size or body.runs[0].font.size
    assert run.font.size is not None
    assert normal is None or run.font.size < normal
    assert block.paragraph_format.keep_together is True
    assert body.paragraph_format.keep_together is not True


def _odt_xml(*blocks) -> tuple[str, str]:
    import io
    import zipfile

    pytest.importorskip("odfdo")
    from sessions.documents.render_odt import render_odt
    from sessions.documents.tree import Document

    data = render_odt(Document("Titre", "fr", tuple(blocks)))
    with zipfile.ZipFile(io.BytesIO(data)) as odt:
        return odt.read("content.xml").decode(), odt.read("styles.xml").decode()


def test_odt_code_is_set_in_a_fixed_pitch_monospace_style():
    import re

    from sessions.documents.render_odt import MONO
    from sessions.documents.tree import Paragraph, code

    content, styles = _odt_xml(Paragraph.of("voir ", code("x = 1")))
    name = re.search(r'<text:span text:style-name="([^"]+)">x = 1</text:span>', content).group(1)
    both = content + styles
    style = re.search(rf'<style:style[^>]* style:name="{name}"[^>]*>.*?</style:style>', both, re.S)
    assert style is not None
    assert 'style:font-pitch="fixed"' in style.group()
    assert MONO in style.group()


def test_an_odt_cell_takes_the_colour_of_its_style_word():
    import re

    from sessions.documents.render_odt import CELL_COLOURS
    from sessions.documents.tree import Table

    table = Table.of(["Chantier", "Faisabilité"], [["Fibre", "facile"]], styles={(0, 1): "vert"})
    content, styles = _odt_xml(table)
    cells = re.findall(r'<table:table-cell table:style-name="([^"]+)"', content)
    coloured = [c for c in cells if c != cells[0]]
    assert len(coloured) == 1
    both = content + styles
    style = re.search(rf'style:name="{coloured[0]}".*?</style:style>', both, re.S).group()
    assert CELL_COLOURS["vert"] in style


def test_an_odt_column_stops_growing_at_forty_characters():
    from sessions.documents.render_odt import column_widths
    from sessions.documents.tree import Table

    def widths(length: int) -> list[float]:
        words = ("mot " * 40)[:length].rstrip()
        long = words + "x" * (length - len(words))
        return column_widths(Table.of(["n", "idée"], [["1", long]] * 2), total=100.0)

    assert widths(40) == widths(60)
    assert widths(39) != widths(40)


# -- the document tree ------------------------------------------------------------------


def test_a_column_without_an_alignment_is_left_aligned():
    from sessions.documents.tree import Table

    table = Table.of(["a", "b", "c"], [], align=["r"])
    assert [table.alignment(i) for i in range(3)] == ["r", "l", "l"]


def test_a_renderer_that_forgets_a_kind_of_block_fails_loudly():
    from sessions.documents.tree import (
        BulletList,
        Heading,
        Note,
        Paragraph,
        Preformatted,
        Table,
        Visitor,
        emphasis,
        strong,
    )

    blocks = [
        Heading(2, "h"),
        Paragraph.of("p"),
        BulletList((("i",),)),
        Table.of(["a"], [["1"]]),
        Preformatted("x"),
        Note("n"),
    ]
    for block in blocks:
        with pytest.raises(NotImplementedError):
            Visitor().visit(block)
    with pytest.raises(TypeError):
        Visitor().visit("not a block")
    assert (strong("s").kind, emphasis("e").kind) == ("strong", "emphasis")


# -- the synthesis of several groups --------------------------------------------------------


def test_the_synthesis_heads_each_group_with_its_title_in_the_order_given():
    from sessions.documents.synthesis import synthesis_document
    from sessions.documents.tree import BulletList, Heading
    from sessions.i18n import t, tn

    groups = [full_session(title="Groupe B"), full_session(title="Groupe A")]
    for lang in ("fr", "en"):
        doc = synthesis_document(groups, lang)
        heads = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 2]
        wanted = [t("synthesis.h.group", lang, title=g.title) for g in groups]
        assert [h for h in heads if h in wanted] == wanted
        intro = next(b for b in doc.blocks if isinstance(b, BulletList))
        first = "".join(run.text for run in intro.items[0])
        assert first == tn("synthesis.intro", 2, lang, count=2, titles="Groupe B, Groupe A")


def test_the_combined_table_counts_points_dots_or_both_as_the_groups_voted():
    from sessions.documents.synthesis import combined
    from sessions.i18n import t

    envelope, dots = full_session(title="Enveloppe"), full_session(title="Gommettes")
    dots.vote.rule = "dots"

    def count_header(sessions) -> str:
        header = combined(sessions, "fr").header
        keys = ("minutes.col.points", "dots.minutes.col", "synthesis.col.points_or_dots")
        found = [k for k in keys if t(k, "fr") in header]
        assert len(found) == 1, header
        return found[0]

    assert count_header([envelope]) == "minutes.col.points"
    assert count_header([dots]) == "dots.minutes.col"
    assert count_header([envelope, dots]) == "synthesis.col.points_or_dots"


def test_the_synthesis_gives_a_written_synthesis_in_full_and_other_sheets_by_title():
    from sessions.documents.synthesis import synthesis_markdown
    from sessions.sheets import ops as sheets
    from tests.conftest import build_session

    group = build_session("atelier-thematique", title="Sous-thème 1")
    sheets.add(group, "synthese", fields={"problematiques": "Les zones blanches persistent"})
    sheets.add(group, "action", title="Ouvrir un tiers-lieu", fields={})
    text = synthesis_markdown([group], "fr")
    assert "Les zones blanches persistent" in text  # the synthesis, in full
    assert "Ouvrir un tiers-lieu" in text  # the action, by its title


def test_a_stored_field_the_export_does_not_map_appears_under_its_own_name(monkeypatch):
    """What a newer schema adds reaches the JSON export before anyone maps it."""
    from sessions.documents import export_json

    session = full_session()
    monkeypatch.delitem(export_json.EXPORTED, "next_steps")
    doc = export_json.session_to_json(session)
    assert doc["next_steps"] == session.next_steps
    monkeypatch.setattr(export_json, "NOT_EXPORTED", frozenset({"next_steps"}))
    assert "next_steps" not in export_json.session_to_json(session)


@pytest.mark.parametrize(
    ("kind", "rule"),
    [("impact_mastery", "grid.impact_rule"), ("spread_founded", "grid.spread_rule")],
)
def test_the_minutes_grid_states_the_rule_of_its_own_kind_of_grid(kind, rule):
    from sessions.documents.minutes_common import translator
    from sessions.documents.minutes_vote import grid_body
    from sessions.documents.tree import Paragraph
    from sessions.i18n.catalog import t
    from sessions.models import GridKind

    session = full_session()
    session.grid.kind = GridKind(kind)
    for lang in ("fr", "en"):
        blocks = grid_body(session, translator(lang), lang)
        said = [b.text for b in blocks if isinstance(b, Paragraph)]
        assert said[0] == t(rule, lang, horizon=session.horizon_year)
