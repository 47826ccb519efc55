"""The groups' synthesis: a combined table of every group's top items and a section per group."""

from __future__ import annotations

from pathlib import Path

from grid_examples import full_session
from markdown_it import MarkdownIt

from sessions.documents.synthesis import synthesis_markdown
from sessions.models.vote import HandTally
from sessions.storage.store import SessionStore
from tui.cli.main import main


def two_groups():
    a = full_session(title="Groupe A")
    b = full_session(title="Groupe B | bis")
    b.id = "exemple2"
    b.vote.tallies[13] = HandTally(total=20)
    b.idea(13).text = "Sobriété <numérique>"
    return a, b


def test_synthesis_has_sections_and_combined_table() -> None:
    a, b = two_groups()
    text = synthesis_markdown([a, b])
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    heads = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert heads[:4] == ["Synthèse des groupes", "Le top de chaque groupe", "Groupe A", "Top 10"]
    assert "Groupe B \\| bis" in heads
    combined = text.split("## Le top de chaque groupe")[1].split("## Groupe A")[0]
    assert "| Groupe A | 1 | 1 + 15 | Fibre partout | 14 |" in combined
    assert "| Groupe B \\| bis | 1 | 13 | Sobriété \\<numérique\\> | 20 |" in combined
    assert combined.count("| Groupe A |") == 11 and combined.count("| Groupe B \\| bis |") == 10
    assert text.count("```text\nImpact ▲") == 2
    assert not [t for t in tokens if t.type.startswith("html")]


def test_synthesis_command(tmp_path: Path, capsys) -> None:
    store = SessionStore(tmp_path / "data")
    store.ensure()
    for s in two_groups():
        store.create(s)
    out_file = tmp_path / "synthese.md"
    args = ["--data-dir", str(tmp_path / "data"), "synthesis", "exemple1", "exemple2"]
    assert main([*args, "-o", str(out_file)]) == 0
    assert out_file.read_text(encoding="utf-8").startswith("# Synthèse des groupes")
    assert main(args) == 0
    assert "## Groupe B \\| bis" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path / "data"), "synthesis", "exemple1", "zzz"]) == 3


def test_synthesis_as_an_html_page(tmp_path: Path, capsys) -> None:
    import json

    store = SessionStore(tmp_path / "data")
    store.ensure()
    for s in two_groups():
        store.create(s)
    args = ["--data-dir", str(tmp_path / "data"), "synthesis", "exemple1", "exemple2"]
    assert main([*args, "--format", "html"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and "<title>Synthèse des groupes</title>" in page
    assert "<h2>Groupe B | bis</h2>" in page and "Sobriété &lt;numérique&gt;" in page
    assert main([*args, "--format", "html", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["format"] == "html" and doc["html"] == page and "markdown" not in doc
