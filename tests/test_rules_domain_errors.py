"""Domain refusals are translated when shown, not in the language of the moment they were
raised (issue 13): each carries a catalog key and its values, and ``str()`` reads the
catalog then. Each test raises in French, switches to English, and reads the refusal.
"""

from __future__ import annotations

import ast
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from sessions.agenda import plan
from sessions.agenda.catalog import UnknownTemplateError, find_template
from sessions.capture import tour
from sessions.core.clock import FakeClock
from sessions.core.errors import DomainError
from sessions.core.numbers import NumberError, parse_number
from sessions.documents.imports import ImportFileError, decode
from sessions.grid import placement
from sessions.i18n import set_language, t
from sessions.models import Idea, Participant, Session
from sessions.people import roster
from sessions.sheets.catalog import FieldSpec, builtin_kinds
from sessions.sheets.rules import SheetError, _table, kind_or_refuse
from sessions.timer import ops as timer_ops
from sessions.timer.position import Stamp
from sessions.vote import envelope
from sessions.vote.errors import VoteError

ROOT = Path(__file__).resolve().parent.parent
T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def french_first():
    set_language("fr")
    yield
    set_language("fr")


def session() -> Session:
    s = Session(title="t", date=dt.date(2026, 11, 22))
    s.participants = [Participant(name="Anne")]
    s.ideas = [Idea(number=1, text="idée", created_at=T0)]
    return s


def raised_in_french(action: Callable[[], object], kind: type[Exception]) -> DomainError:
    set_language("fr")
    with pytest.raises(kind) as info:
        action()
    assert isinstance(info.value, DomainError) and isinstance(info.value, ValueError)
    return info.value


def read_after_switch(exc: DomainError) -> tuple[str, str]:
    french = str(exc)
    set_language("en")
    return french, str(exc)


def table_spec() -> FieldSpec:
    return next(f for k in builtin_kinds() for f in k.fields if f.type == "table")


CASES: dict[str, tuple[Callable[[], object], type[Exception]]] = {
    "timer": (lambda: timer_ops.pause(session(), Stamp.of(FakeClock())), timer_ops.TimerError),
    "plan": (lambda: plan.parse_minutes("12x"), plan.PlanError),
    "plan_remove": (lambda: plan.remove_phase(session(), 3), plan.PlanError),
    "grid": (lambda: placement.add_item(session(), 42), placement.GridError),
    "number": (lambda: parse_number("²"), NumberError),
    "vote": (lambda: envelope.set_envelope(session(), 0), VoteError),
    "capture": (lambda: tour.add_idea(session(), "   ", T0), tour.CaptureError),
    "roster": (lambda: roster.remove(session(), "nobody"), roster.RosterError),
    "import": (lambda: decode(b"\x00\x01binary\x00"), ImportFileError),
    "template": (lambda: find_template("nope"), UnknownTemplateError),
    "sheet": (lambda: kind_or_refuse("nope", "s1"), SheetError),
    "sheet_type": (lambda: _table(table_spec(), "x", "s1"), SheetError),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_refusal_raised_in_french_reads_in_english_once_the_language_switched(name) -> None:
    action, kind = CASES[name]
    exc = raised_in_french(action, kind)
    french, english = read_after_switch(exc)
    assert english == exc.message("en") and french == exc.message("fr")
    assert t(exc.key, "en").split("{")[0] in english  # the English sentence, read now
    assert english != french
    assert exc.args == (exc.key,)  # the key, not a sentence frozen in one language


def test_words_inside_a_refusal_are_translated_when_shown_too() -> None:
    exc = raised_in_french(lambda: _table(table_spec(), "x", "s1"), SheetError)
    french, english = read_after_switch(exc)
    assert "un tableau" in french and "a table" in english


def test_a_refusal_with_its_cause_translates_both_when_shown() -> None:
    exc = raised_in_french(lambda: plan.parse_minutes("1²"), plan.PlanError)
    assert isinstance(exc.because, NumberError)
    french, english = read_after_switch(exc)
    assert english.startswith(t("plan.bad_minutes", "en", value="1²"))
    assert english.endswith(exc.because.message("en"))
    assert french.endswith(exc.because.message("fr"))


def _raises_with_a_translation(tree: ast.AST) -> list[int]:
    """Lines of ``raise X(t(...))`` / ``raise X(f"{t(...)}")``: translated at raise time."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            for inner in ast.walk(node.exc):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Name)
                    and inner.func.id in ("t", "tn")
                ):
                    lines.append(node.lineno)
                    break
    return lines


# The reasons a damaged file is refused are still translated when raised: they travel as
# text into ``atelier list`` entries and the follower (left for the storage's owner).
NOT_YET = {
    "sessions/storage/safe_storage.py",
    "sessions/storage/session_file.py",
}


def test_no_domain_code_translates_a_refusal_when_raising_it() -> None:
    found = {}
    for path in sorted((ROOT / "sessions").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name in NOT_YET or name.startswith("sessions/i18n/"):
            continue
        lines = _raises_with_a_translation(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            found[name] = lines
    assert found == {}


def test_the_walk_finds_a_translation_at_raise_time() -> None:
    tree = ast.parse("def f():\n    raise ValueError(f\"{t('a')} b\")\n")
    assert _raises_with_a_translation(tree) == [2]
    assert _raises_with_a_translation(ast.parse("raise E('a.key', n=1)\n")) == []


def test_a_dot_vote_refusal_names_its_rule_in_the_language_shown() -> None:
    from conftest import build_session

    from sessions.models import HandTally
    from sessions.vote import dots

    s = build_session("divergence-convergence")  # a 3-dot vote, one dot per item at most
    assert dots.is_dots(s) and not s.vote.stacking
    exc = raised_in_french(lambda: dots.check_tally(s, 1, HandTally(hands=[2]), 8), VoteError)
    french, english = read_after_switch(exc)
    assert dots.describe(s, "fr") in french
    assert dots.describe(s, "en") in english and dots.describe(s, "fr") not in english
