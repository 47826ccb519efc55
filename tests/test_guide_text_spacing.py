"""The guide's words shown beside a form (F6's questions, a sheet field's help) keep French
typography: a narrow no-break space before ? : ; ! and inside « », so a wrapped line never
starts with a lone "?" (F6 at 80 columns showed "... le post-it « du futur »" then "?")."""

from __future__ import annotations

import re

from grid_examples import full_session
from textual.geometry import Region
from textual.widgets import Static

from sessions.grid.questions import kinds, questions_for
from sessions.i18n.catalog import NNBSP
from sessions.sheets.catalog import builtin_kinds
from tests.waits import until
from tui.app import make_app

PLAIN = re.compile(r"[ \u00a0][:;!?]|«[ \u00a0]|[ \u00a0]»")


def test_grid_questions_in_french_never_break_before_a_mark() -> None:
    for kind in kinds():
        for q in questions_for(kind, "fr", 2036):
            assert not PLAIN.search(q.text + q.label), (kind, q.text)
    futur = questions_for("impact_mastery", "fr", 2036)[2].text
    assert futur.endswith(f"«{NNBSP}du futur{NNBSP}»{NNBSP}?")
    for kind in kinds():  # English keeps its own way
        assert NNBSP not in "".join(q.text for q in questions_for(kind, "en", 2036))


def test_sheet_help_in_french_never_breaks_before_a_mark() -> None:
    helps = [f.help_text("fr") for k in builtin_kinds() for f in k.fields if f.help]
    assert helps and not [h for h in helps if PLAIN.search(h)]
    assert NNBSP not in "".join(f.help_text("en") for k in builtin_kinds() for f in k.fields)


async def test_f6_at_80_columns_keeps_the_question_mark_on_its_line(store, clock) -> None:
    s = full_session()
    store.create(s)
    app = make_app(store, clock, session_ref=s.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")

        def shown() -> list[str]:
            box = app.screen.query_one("#grid-questions", Static)
            region = Region(0, 0, box.size.width, box.size.height)
            return [strip.text.strip() for strip in box.render_lines(region)]

        lines = await until(pilot, lambda: [x for x in shown() if "futur" in x])
        assert lines, shown()
        assert not [x for x in shown() if x[:1] in "?:;!»"], shown()


def test_f6_toasts_keep_the_number_with_n_degree() -> None:
    """F6's toasts write n°61 as the house does (n° 61 wrapped "l'item n°" then "61.")."""
    from sessions.i18n import t

    keys = ("added", "removed", "reason_saved", "err.no_item", "err.already", "err.not_on_grid")
    for key in keys:
        said = t(f"grid.{key}", "fr", number=61)
        assert "n°61" in said.lower(), said
