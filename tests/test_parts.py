"""The registry of a session's parts (``sessions.core.parts``) and the parts templates declare.

Every stored field of ``Session`` belongs to exactly one part; the hand lists
that used to say what a session is made of (undo, duplicate, ``atelier status``'s
light reader) agree with it; templates' ``[parts]`` tables reach new sessions,
and older files get the parts of their template.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest
from grid_examples import full_session

from sessions.agenda.catalog import (
    TemplateError,
    builtin_parts,
    builtin_templates,
    find_template,
    parse_template,
)
from sessions.core import parts as registry
from sessions.core.factory import session_from_template
from sessions.core.parts import PARTS, Duplicate, Undo, duplicate_session, owner
from sessions.models import Session
from sessions.models.format_parts import FormatParts
from sessions.models.session import migrate
from sessions.storage.store import SessionStore

ON = dt.date(2026, 11, 22)


def test_every_session_field_belongs_to_exactly_one_part() -> None:
    """A new ``Session`` field fails here until a part of ``sessions.core.parts`` owns it."""
    owned = Counter(field for part in PARTS for field in part.fields)
    assert sorted(f for f, n in owned.items() if n > 1) == []  # owned by two parts
    assert sorted(set(Session.model_fields) - set(owned)) == []  # owned by no part
    assert sorted(set(owned) - set(Session.model_fields)) == []  # a part names no field


def test_part_names_are_unique_and_owner_finds_each_field() -> None:
    assert len({p.name for p in PARTS}) == len(PARTS)
    for name in Session.model_fields:
        assert name in owner(name).fields
    with pytest.raises(KeyError):
        owner("no_such_field")


def test_every_reset_part_says_how_and_only_those() -> None:
    for part in PARTS:
        assert (part.reset is not None) == (part.duplicate is Duplicate.RESET), part.name


def test_undo_records_only_parts_declared_recorded() -> None:
    from sessions.core import undo

    assert registry.recorded_fields() == undo.PARTS  # what "nothing changed" compares
    assert {"participants", "ideas", "capture", "vote"} <= registry.recorded_fields()
    assert not registry.recorded_fields() & registry.fields_where(lambda p: p.undo is Undo.FILE)


def test_every_op_changes_only_parts_recorded_on_undo() -> None:
    """Ops (``sessions.core.ops``) declare the parts they touch: each is undone step by step."""
    import importlib

    from sessions.core.ops import OPS, PART_OF_SLOT

    modules = ("capture.capture_ops", "vote.vote_ops", "grid.grid_ops", "people.roster_ops")
    for module in (*modules, "sheets.sheet_ops"):
        importlib.import_module(f"sessions.{module}")
    assert OPS
    recorded = registry.recorded_fields()
    for name, op in OPS.items():
        assert op.parts <= recorded, name
    assert set(PART_OF_SLOT.values()) <= recorded


def test_the_light_status_reader_knows_every_field_of_the_registry() -> None:
    from sessions.timer.status_light import SESSION_FIELDS

    assert set(SESSION_FIELDS) == registry.fields_where(lambda p: True)


def test_minutes_builders_named_by_parts_exist() -> None:
    named = [ref for p in PARTS for ref in p.minutes + p.synthesis]
    assert named  # the parts do name their blocks
    for part in PARTS:
        for builder in part.minutes_builders() + part.synthesis_builders():
            assert callable(builder), part.name


def test_each_section_named_by_a_part_is_a_section_of_the_app() -> None:
    from tui.sections import SECTIONS

    modes = {s.mode for s in SECTIONS}
    assert {p.section for p in PARTS if p.section} <= modes


# -- duplicate, by the registry ---------------------------------------------------


def test_duplicate_copies_resets_or_starts_fresh_each_part_as_declared() -> None:
    source = full_session("idees-recues")
    source.vote.rule = "dots"
    source.vote.per_person = 4
    source.agenda[0].actual_seconds = 600.0
    source.capture.rounds = 2
    source.next_steps = "Relancer la mairie"
    copy = duplicate_session(source, "Groupe B")
    assert copy.title == "Groupe B"
    assert copy.id != source.id
    for part in PARTS:
        if part.duplicate is Duplicate.COPIED:
            for name in part.fields:
                if name != "title":
                    assert getattr(copy, name) == getattr(source, name), name
    assert copy.ideas == [] and copy.next_steps == "" and copy.revision == 0
    assert [p.title for p in copy.agenda] == [p.title for p in source.agenda]
    assert copy.agenda[0].actual_seconds is None
    assert copy.timer.state == "not_started"
    assert (copy.capture.question, copy.capture.rounds) == (source.capture.question, 2)
    assert copy.capture.turns == []
    assert (copy.vote.rule, copy.vote.per_person, copy.vote.tallies) == ("dots", 4, {})
    assert copy.grid.kind == source.grid.kind and copy.grid.positions == {}
    copy.participants[0].name = "Autre"  # a deep copy: the source keeps its own
    assert source.participants[0].name != "Autre"


def test_store_duplicate_follows_the_registry(tmp_path: Path, clock) -> None:
    store = SessionStore(tmp_path / "data", clock)
    store.ensure()
    source = session_from_template(find_template("divergence-convergence"), "Groupe A", ON)
    store.create(source)
    copy = store.duplicate(source.id)
    loaded = store.load(copy.id)
    assert loaded.parts == source.parts
    assert loaded.vote.rule == "dots"
    assert loaded.title == "Groupe A"


# -- the parts templates declare ----------------------------------------------------


def test_builtin_templates_declare_their_vote_rule_and_top() -> None:
    by_name = {t.name: t.parts for t in builtin_templates()}
    assert by_name["divergence-convergence"].vote == "dots"
    assert by_name["divergence-convergence"].dots == 3
    assert by_name["territoire-numerique-10-ans"].vote == "envelope"  # fiche outil n°1
    assert by_name["idees-recues"].vote == "envelope"  # fiche outil n°2
    assert {parts.top for parts in by_name.values()} == {10}


def test_a_new_session_gets_its_templates_parts() -> None:
    s = session_from_template(find_template("divergence-convergence"), "Groupe A", ON)
    assert s.parts.sheets == ["solution", "action", "conclusion"]
    assert (s.vote.rule, s.vote.per_person) == ("dots", 3)
    s = session_from_template(find_template("idees-recues"), "Groupe A", ON)
    assert s.parts == FormatParts()
    assert s.vote.rule == "envelope"


def test_a_user_template_declares_parts_as_data() -> None:
    text = """
name = "mine"
title = "Le mien"
[parts]
vote = "dots"
dots = 5
top = 7
sheets = ["action"]
maps = ["offre"]
enjeux = true
[[phases]]
title = "Tout"
minutes = 30
"""
    template = parse_template(text, "mine.toml")
    s = session_from_template(template, "Groupe A", ON)
    assert s.parts == FormatParts(top=7, sheets=["action"], maps=["offre"], enjeux=True)
    assert (s.vote.rule, s.vote.per_person) == ("dots", 5)
    assert template.as_json()["parts"]["top"] == 7
    saved = json.loads(s.model_dump_json())
    assert saved["parts"] == {
        "top": 7,
        "sheets": ["action"],
        "maps": ["offre"],
        "enjeux": True,
        "capture": "tour",  # schema 10: the tour de table unless the template says "free"
    }


def test_a_part_the_template_table_does_not_know_is_refused_with_its_name() -> None:
    text = 'name = "x"\ntitle = "X"\n[parts]\nvotes = "dots"\n'
    text += '[[phases]]\ntitle = "T"\nminutes = 5\n'
    with pytest.raises(TemplateError, match=r"x\.toml: parts\.votes"):
        parse_template(text, "x.toml")


def test_an_older_file_gets_the_parts_of_its_template() -> None:
    doc = {"schema_version": 1, "title": "A", "date": "2026-11-22"}
    migrated = migrate({**doc, "template": "divergence-convergence"})
    assert migrated["parts"]["sheets"] == ["solution", "action"]
    assert Session.model_validate(migrated).parts.sheets == ["solution", "action"]
    assert migrate({**doc, "template": "gone"})["parts"] == FormatParts().model_dump()
    assert migrate(dict(doc))["parts"] == FormatParts().model_dump()
    assert builtin_parts("ecosysteme-ressources")["maps"] == ["ressources"]
