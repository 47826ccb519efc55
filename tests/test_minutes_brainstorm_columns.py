"""A brainstorm's ideas in the minutes: no author or round columns (post-its have neither)."""

from __future__ import annotations

import datetime as dt

import pytest

from sessions.capture import tour as cap
from tests.conftest import build_session
from tui.cli.main import main

T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def _ideas_header(text: str, heading: str) -> str:
    lines = text.splitlines()
    start = lines.index(heading)
    return next(x for x in lines[start:] if x.startswith("| N°") or x.startswith("| No"))


@pytest.mark.parametrize(
    ("lang", "heading", "author", "round_"),
    [
        ("fr", "## Idées recueillies (brainstorm)", "Auteur", "Tour"),
        ("en", "## Ideas gathered (brainstorm)", "Author", "Round"),
    ],
)
def test_a_brainstorm_has_no_author_or_round_column(
    store, capsys, lang, heading, author, round_
) -> None:
    s = build_session("divergence-convergence", title="Brainstorm")
    cap.add_idea(s, "Un bus numérique", T0)
    cap.add_idea(s, "Un tiers-lieu", T0)
    store.create(s)
    assert main(["--data-dir", str(store.root), "--lang", lang, "export", s.id]) == 0
    text = capsys.readouterr().out
    header = _ideas_header(text, heading)
    assert author not in header and round_ not in header, header
    assert "| 2 | Un tiers-lieu |" in text


def test_a_tour_de_table_keeps_its_author_and_round(store, capsys) -> None:
    s = build_session("territoire-numerique-10-ans", title="Tour")
    cap.add_idea(s, "Un tiers-lieu", T0, author_id=s.participants[0].id)
    store.create(s)
    assert main(["--data-dir", str(store.root), "export", s.id]) == 0
    text = capsys.readouterr().out
    header = _ideas_header(text, "## Idées recueillies (tour de table)")
    assert "Auteur" in header and "Tour" in header, header
