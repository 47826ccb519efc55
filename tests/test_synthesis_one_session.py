"""``atelier synthesis`` of one session: its top table once, not a combined copy above it.

With one session the combined "top of each group" table held the same rows as
the group's own Top 10 just below. Two sessions keep the combined table.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from grid_examples import full_session

from sessions.models.vote import HandTally
from sessions.storage.store import SessionStore
from tui.cli.main import main

COMBINED = {"fr": "Le top de chaque groupe", "en": "Every group's top items"}
ROW = "| 1 + 15 | Fibre partout | 14 |"


def _store(tmp_path: Path, count: int) -> list[str]:
    store = SessionStore(tmp_path / "data")
    store.ensure()
    ids = []
    for n in range(count):
        s = full_session(title=f"Groupe {n + 1}")
        s.id = f"groupe{n + 1}"
        s.vote.tallies[13] = HandTally(total=3)
        store.create(s)
        ids.append(s.id)
    return ids


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_one_session_shows_its_top_table_once(tmp_path: Path, capsys, lang: str) -> None:
    ids = _store(tmp_path, 1)
    assert main(["--data-dir", str(tmp_path / "data"), "--lang", lang, "synthesis", *ids]) == 0
    text = capsys.readouterr().out
    assert COMBINED[lang] not in text
    assert text.count(ROW) == 1 and "## Groupe 1" in text and "### Top 10" in text
    assert text.index("## Groupe 1") < text.index(ROW)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_two_sessions_keep_the_combined_table(tmp_path: Path, capsys, lang: str) -> None:
    ids = _store(tmp_path, 2)
    assert main(["--data-dir", str(tmp_path / "data"), "--lang", lang, "synthesis", *ids]) == 0
    text = capsys.readouterr().out
    assert f"## {COMBINED[lang]}" in text
    assert text.count(ROW) == 4  # each group's row in the combined table, then in its top
