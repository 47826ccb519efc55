"""The people package (sessions/people/roster.py, roster_ops.py), issue 18 package pass.

The roster screen's changes: a pasted list adds only new names (case aside), a
person moves one place and stops at either end, a group and a name line are
cleaned, someone who gave an idea is never removed; each as an op recording
the list and the turn for ctrl+z, named and labelled like every op
(tests/op_rules.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from sessions.capture import tour
from sessions.core.ops import apply, undo
from sessions.i18n import t
from sessions.models import Participant
from sessions.people import roster, roster_ops
from sessions.people.roster import RosterError
from tests.conftest import build_session
from tests.op_rules import apply_recorded, check_labels, check_names

T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def _names(s) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.name for p in s.participants]


def test_roster_ops_are_named_and_labelled_like_every_op() -> None:
    check_names(roster_ops, {"people"})
    check_labels(roster_ops)


def test_a_pasted_list_adds_only_the_new_names_whatever_their_case() -> None:
    s = build_session()
    known = s.participants[0].name
    people = roster.parse_lines(f"{known.upper()}\nZoé Martin\nzoé martin\nYann Le Goff")
    before = _names(s)
    added = roster.add_people(s, people)
    assert added == 2
    assert _names(s) == [*before, "Zoé Martin", "Yann Le Goff"]
    assert roster.add_people(s, roster.parse_lines("Zoé Martin")) == 0


def test_a_bad_pasted_line_is_refused_naming_its_number() -> None:
    with pytest.raises(RosterError) as caught:
        roster.parse_lines("Zoé Martin\nYann (Mairie")
    assert caught.value.key == "people.err.line"
    assert caught.value.values["line"] == 2


def test_a_person_moves_one_place_and_stops_at_either_end() -> None:
    s = build_session()
    order = [p.id for p in s.participants]
    apply_recorded(s, roster_ops.MovePerson(participant_id=order[0], delta=1))
    assert [p.id for p in s.participants][:2] == [order[1], order[0]]
    roster.move(s, order[0], -5)
    assert [p.id for p in s.participants] == order
    roster.move(s, order[-1], 5)
    assert [p.id for p in s.participants] == order


def test_presence_group_and_name_changes_are_recorded_and_cleaned() -> None:
    s = build_session()
    pid = s.participants[1].id
    apply_recorded(s, roster_ops.SetPresent(participant_id=pid, present=False))
    assert pid not in [p.id for p in roster.present(s)]
    assert roster_ops.SetPresent(participant_id=pid).present is True  # the default: back
    apply_recorded(s, roster_ops.SetPresent(participant_id=pid))
    assert pid in [p.id for p in roster.present(s)]
    apply_recorded(s, roster_ops.SetGroup(participant_id=pid, group="  Groupe\tB "))
    assert s.participants[1].group == "Groupe B"
    step = apply_recorded(s, roster_ops.Rename(participant_id=pid, line="Léa Dupont (Mairie) [C]"))
    person = s.participants[1]
    assert (person.name, person.organisation, person.group) == ("Léa Dupont", "Mairie", "C")
    assert step.label() == t("people.undo.rename")
    with pytest.raises(RosterError) as caught:
        roster.rename(s, pid, "A\nB")
    assert caught.value.key == "people.err.one_line"


def test_adding_and_removing_people_is_recorded_and_undone() -> None:
    s = build_session()
    before = _names(s)
    newcomer = Participant(name="Zoé Martin")
    step = apply_recorded(s, roster_ops.AddPeople(people=(newcomer,)))
    assert _names(s) == [*before, "Zoé Martin"]
    undo(s, step)
    assert _names(s) == before
    apply_recorded(s, roster_ops.RemovePerson(participant_id=s.participants[-1].id))
    assert _names(s) == before[:-1]


def test_someone_who_gave_an_idea_is_never_removed() -> None:
    s = build_session()
    speaker = tour.current(s)
    tour.give_idea(s, "Un bus", T0)
    with pytest.raises(RosterError) as caught:
        apply(s, roster_ops.RemovePerson(participant_id=speaker.id))
    assert caught.value.key == "people.err.has_ideas"
    with pytest.raises(RosterError) as caught:
        roster.remove(s, "nobody")
    assert caught.value.key == "people.err.unknown"


def test_the_first_speaker_moved_down_keeps_the_turn() -> None:
    s = build_session()
    first = tour.current(s)
    assert s.capture.current_index == 0 and first == s.participants[0]
    roster.move(s, first.id, 1)
    assert tour.current(s) == first


def test_after_the_last_speaker_left_the_next_round_goes_on_in_order() -> None:
    s = build_session()
    people = tour.present(s)
    for n in range(len(people) - 1):
        tour.give_idea(s, f"idée {n}", T0)
    last = tour.current(s)
    assert last == people[-1]
    roster.set_present(s, last.id, False)
    assert (tour.current(s), s.capture.current_round) == (people[0], 2)
    tour.pass_turn(s, T0)
    assert (tour.current(s), s.capture.current_round) == (people[1], 2)
