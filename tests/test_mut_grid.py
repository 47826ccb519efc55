"""The grid package after its drawing's speed work (issue 18 fifth pass).

A répandue / fondée grid (fiche outil n°2) has one position per item: the
horizon is refused, with the reason the facilitator reads, in both languages.
"""

from __future__ import annotations

import pytest
from grid_examples import full_session

from sessions.core.ops import apply
from sessions.grid import grid_ops, placement
from sessions.grid.placement import LEVELS, GridError
from sessions.i18n import t
from sessions.models.grid import GridKind


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_founded_grid_refuses_a_horizon_position_saying_why(lang: str) -> None:
    s = full_session()
    s.grid.kind = GridKind.SPREAD_FOUNDED
    n = placement.grid_items(s)[0]
    before = s.grid.positions[n].model_copy()
    with pytest.raises(GridError) as caught:
        placement.set_level(s, n, "future", LEVELS[0])
    assert caught.value.message(lang) == t("grid.one_position", lang)
    assert s.grid.positions[n] == before
    placement.set_level(s, n, "present", LEVELS[2])  # today's position is taken
    assert s.grid.positions[n].present == LEVELS[2]


def test_clearing_a_founded_grids_position_leaves_no_horizon_to_clear() -> None:
    s = full_session()
    s.grid.kind = GridKind.SPREAD_FOUNDED
    n = placement.grid_items(s)[0]
    placement.set_level(s, n, "present", LEVELS[1])
    apply(s, grid_ops.ClearPosition(n))  # would raise if it cleared the horizon too
    assert s.grid.positions[n].present is None


def test_a_question_not_yet_in_english_reads_in_french(monkeypatch: pytest.MonkeyPatch) -> None:
    from sessions.grid import questions

    table = {
        "default": [
            {"key": "p", "label": "Fondée", "text": "Est-ce fondé en {horizon} ?"},
            {"key": "r", "label": "Raison", "label_en": "Reason", "text": "Pourquoi ?"},
            {"label": "Note", "text": "Texte", "text_en": "Text"},
        ]
    }
    monkeypatch.setattr(questions, "_table", lambda: table)
    shown = questions.questions_for("default", "en", 2036)
    assert [(q.key, q.label, q.text) for q in shown] == [
        ("p", "Fondée", "Est-ce fondé en 2036 ?"),
        ("r", "Reason", "Pourquoi ?"),
        ("", "Note", "Text"),
    ]
