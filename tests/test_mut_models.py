"""Rules of the stored models, found by mutation testing (issue 18).

A session file is a contract: every key a model declares must load back as it
was saved, the defaults are what a new session starts from, and the numbers
outside ``sessions.core.limits`` are refused with the field's name.
"""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest
from pydantic import ValidationError

import sessions.models as models
from sessions.agenda.catalog import builtin_parts, find_template
from sessions.core.limits import MAX_MINUTES, MAX_SECONDS, MAX_YEAR
from sessions.models import (
    SCHEMA_VERSION,
    GridKind,
    Level,
    Participant,
    Phase,
    Session,
    TimerState,
)
from sessions.models.base import short_id
from sessions.models.capture import CaptureState
from sessions.models.format_parts import PARTS_AT_SCHEMA_5, TOP_N, FormatParts, add_format_parts
from sessions.models.session import SchemaTooNew, migrate
from sessions.models.vote import DEFAULT_DOTS, VoteState
from sessions.timer.position import State
from tests.conftest import build_session

DAY = dt.date(2026, 11, 22)
AT = "2026-11-22T09:30:00Z"


def test_every_name_the_models_package_exports_is_importable():
    names: dict[str, object] = {}
    exec("from sessions.models import *", names)  # the star import is the point
    assert set(models.__all__) <= set(names)
    assert all(getattr(models, name) is names[name] for name in models.__all__)


def full_document() -> dict:
    """A session document with every optional key of every model set away from its default."""
    doc = build_session().model_dump(mode="json")
    phase = doc["agenda"][0]
    phase.update(
        notes="Tour de parole",
        warn_minutes=2.0,
        turns=[{"label": "Groupe 1", "minutes": 3.0}],
        rotation={"every_minutes": 10.0, "label": "Changement de table"},
        actual_seconds=95.5,
        started_at=AT,
        ended_at=AT,
        extended_s=-60.0,
        turns_from={"kind": "solution", "minutes": 4.0, "edited": True},
    )
    doc["timer"].update(
        state="paused",
        elapsed_s=12.0,
        turn_elapsed_offset_s=4.5,
        planned_total_s=7200.0,
        finished_total_s=7300.0,
        session_started_mono=-3.0,
        session_started_boot="boot",
        bells=[f"{phase['id']}:end"],
    )
    author = doc["participants"][0]
    author.update(organisation="CAF", group="Table 2", present=False)
    doc["roles"] = {"animateur": "Ana", "second_animateur": "Bob", "rapporteur": "Cléo"}
    doc["ideas"] = [
        {
            "number": 1,
            "text": "Un guichet unique",
            "author_id": author["id"],
            "round": 1,
            "created_at": AT,
            "description": "Détail",
            "history": [{"text": "Guichet", "at": AT}],
            "deleted": True,
            "duplicate_of": None,
            "merged_into": None,
            "merged_from": [],
            "late": True,
        }
    ]
    doc["capture"].update(
        question="Quoi ?",
        rounds=2,
        current_round=2,
        current_index=1,
        draft="brouillon",
        turn_started_at=AT,
        turns=[
            {
                "participant_id": author["id"],
                "round": 1,
                "idea_number": 1,
                "started_at": AT,
                "ended_at": AT,
            }
        ],
    )
    doc["vote"].update(
        envelope=4, blind=True, revealed=True, counted=True, envelope_at_close=4, stacking=True
    )
    doc["grid"].update(
        kind="spread_founded",
        planned=True,
        items=[1],
        positions={"1": {"present": "faible", "future": "fort", "reason": "parce que"}},
    )
    doc["parts"].update(sheets=["action"], maps=["offre"], enjeux=True)
    return doc


def test_a_session_holding_every_key_loads_back_as_it_was_saved():
    doc = full_document()
    session = Session.model_validate(doc)
    again = json.loads(session.model_dump_json())
    assert Session.model_validate(again) == session
    phase = again["agenda"][0]
    assert phase["notes"] == doc["agenda"][0]["notes"]
    assert phase["rotation"]["every_minutes"] == doc["agenda"][0]["rotation"]["every_minutes"]
    assert phase["actual_seconds"] == doc["agenda"][0]["actual_seconds"]
    assert phase["turns_from"]["edited"] is True
    assert again["timer"]["turn_elapsed_offset_s"] == doc["timer"]["turn_elapsed_offset_s"]
    assert again["timer"]["planned_total_s"] == doc["timer"]["planned_total_s"]
    assert again["participants"][0]["group"] == doc["participants"][0]["group"]
    assert again["participants"][0]["present"] is False
    assert again["roles"]["rapporteur"] == doc["roles"]["rapporteur"]
    assert again["ideas"][0]["author_id"] == doc["participants"][0]["id"]
    assert again["ideas"][0]["deleted"] is True
    assert again["capture"]["turns"][0]["started_at"] is not None
    assert again["grid"]["positions"]["1"]["reason"] == "parce que"
    assert again["parts"]["sheets"] == ["action"]
    assert again["vote"]["counted"] is True


def test_a_minimal_document_gets_the_defaults_a_new_session_starts_from():
    session = Session.model_validate({"title": "Atelier", "date": DAY.isoformat()})
    assert session.schema_version == SCHEMA_VERSION
    assert session.timer.state == State.NOT_STARTED
    assert (session.timer.index, session.timer.turn_index) == (0, 0)  # the first phase, turn
    assert session.capture == CaptureState()
    # The tour de table starts at its first round, with the first person.
    assert (session.capture.current_round, session.capture.current_index) == (1, 0)
    assert session.capture.rounds == 3  # the method: one idea per turn, 3 turns at most
    assert session.capture.turns == []
    assert session.parts == FormatParts()
    assert session.parts.top == TOP_N
    assert (session.parts.sheets, session.parts.maps, session.parts.enjeux) == ([], [], False)
    vote = session.vote
    assert vote.per_person == DEFAULT_DOTS
    assert (vote.blind, vote.revealed, vote.counted) == (False, False, False)
    assert vote.envelope is None
    assert vote.rule == "envelope"
    assert session.horizon_year == DAY.year + 10


def test_a_dot_vote_gives_by_default_the_dots_the_guide_s_dot_vote_gives():
    """The guide's one dot vote: 'votez pour 3 solutions préférées' (its template says so)."""
    dots = VoteState(rule="dots")
    assert dots.per_person == find_template("divergence-convergence").parts.dots


def test_a_dot_vote_gives_at_least_one_dot_and_never_zero():
    assert VoteState(rule="dots", per_person=1).per_person == 1
    with pytest.raises(ValidationError, match="per_person"):
        VoteState(rule="dots", per_person=0)


def test_new_people_and_phases_get_prefixed_short_ids_and_are_present():
    person = Participant(name="Alice")
    assert person.present
    assert person.id.startswith("p") and len(person.id) == 1 + 6
    assert person.id != Participant(name="Alice").id
    phase = Phase(title="Accueil", minutes=5)
    assert phase.id.startswith("ph") and len(phase.id) == 2 + 6
    assert phase.notes == "" and phase.rotation is None and phase.actual_seconds is None
    assert short_id("x")[0] == "x" and int(short_id()[:6], 16) >= 0


@pytest.mark.parametrize("bad", [math.inf, -math.inf, math.nan])
def test_an_infinite_number_is_refused_with_its_field(bad):
    with pytest.raises(ValidationError, match="minutes"):
        Phase(title="x", minutes=bad)
    with pytest.raises(ValidationError, match="extended_s"):
        Phase(title="x", minutes=1, extended_s=bad)
    with pytest.raises(ValidationError, match="extra_s"):
        TimerState(extra_s=bad)


def test_the_bounds_of_a_file_s_numbers_are_included():
    assert Phase(title="x", minutes=MAX_MINUTES, actual_seconds=0.5).actual_seconds == 0.5
    assert TimerState(elapsed_s=0.25, extra_s=-MAX_SECONDS).elapsed_s == 0.25
    year = Session(title="x", date=DAY, horizon_year=MAX_YEAR + 100)
    assert year.horizon_year == MAX_YEAR + 100
    with pytest.raises(ValidationError, match="horizon_year"):
        Session(title="x", date=DAY, horizon_year=MAX_YEAR + 101)
    with pytest.raises(ValidationError, match="minutes"):
        Phase(title="x", minutes=MAX_MINUTES + 1)


def test_a_session_id_is_lowercase_letters_digits_dash_and_underscore():
    assert Session(title="x", date=DAY, id="a1_b-c").id == "a1_b-c"
    for bad in ("A1", "-a", "a b", "a" * 65):
        with pytest.raises(ValidationError, match="id"):
            Session(title="x", date=DAY, id=bad)


def test_stored_words_of_grids_and_levels_load_from_a_file():
    """Values in a file are a contract: older files hold these words."""
    doc = {
        "title": "x",
        "date": DAY.isoformat(),
        "grid": {
            "kind": "spread_founded",
            "positions": {"3": {"present": "faible", "future": "moyen"}, "4": {"present": "fort"}},
        },
    }
    grid = Session.model_validate(doc).grid
    assert grid.kind is GridKind.SPREAD_FOUNDED
    assert grid.positions[3].present is Level.LOW
    assert grid.positions[3].future is Level.MEDIUM
    assert grid.positions[4].present is Level.HIGH
    assert Session.model_validate({**doc, "grid": {}}).grid.kind is GridKind.IMPACT_MASTERY


# -- migrations ---------------------------------------------------------------------


@pytest.mark.parametrize("template", sorted(PARTS_AT_SCHEMA_5))
def test_an_older_file_of_a_builtin_template_gets_that_template_s_parts(template):
    old = {"title": "x", "date": DAY.isoformat(), "schema_version": 4, "template": template}
    session = Session.model_validate(migrate(dict(old)))
    # The parts the template declared at schema 5 (a migration is frozen with its schema;
    # divergence-convergence and atelier-thematique have offered more sheet kinds since).
    frozen = FormatParts(**PARTS_AT_SCHEMA_5[template]).model_dump(mode="json")
    assert session.parts.model_dump(mode="json") == frozen
    now = builtin_parts(template)
    assert set(frozen["sheets"]) <= set(now["sheets"])
    assert session.parts != FormatParts()


def test_a_file_that_already_has_parts_keeps_them():
    parts = {"top": 3, "sheets": [], "maps": [], "enjeux": False}
    doc = add_format_parts({"template": "enjeux-solutions", "parts": dict(parts)})
    assert doc["parts"] == parts
    doc = add_format_parts({"template": 12})
    assert doc["parts"] == FormatParts().model_dump(mode="json")


def test_migrate_runs_every_step_and_stamps_the_version():
    old = {"schema_version": 3, "grid_kind": "spread_founded", "template": "atelier-thematique"}
    doc = migrate(dict(old))
    assert doc["schema_version"] == SCHEMA_VERSION
    assert "grid_kind" not in doc
    assert doc["grid"] == {"kind": "spread_founded", "planned": True}
    assert doc["parts"]["sheets"] == PARTS_AT_SCHEMA_5["atelier-thematique"]["sheets"]


def test_migrate_refuses_a_version_that_is_not_a_number_or_is_newer():
    with pytest.raises(ValueError, match="not a number"):
        migrate({"schema_version": "7"})
    with pytest.raises(SchemaTooNew, match=str(SCHEMA_VERSION + 1)):
        migrate({"schema_version": SCHEMA_VERSION + 1})
    current = {"schema_version": SCHEMA_VERSION, "grid_kind": "x"}
    assert migrate(dict(current)) == current  # the current version: nothing rewritten


def test_the_idea_statuses_of_the_models_are_those_the_ranking_gives():
    """Two definitions of one set of words (``IdeaStatus``, ``ranking``'s constants) agree."""
    from sessions.models import IdeaStatus
    from sessions.vote import ranking

    words = {ranking.ACTIVE, ranking.STRUCK, ranking.MERGED, ranking.DELETED}
    assert {status.value for status in IdeaStatus} == words
    assert {status.name.lower() for status in IdeaStatus} == words
