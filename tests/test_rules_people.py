"""Rules of the participant list typed as ``Name (Organisation) [Group]``, one a line."""

from __future__ import annotations

import pytest

from sessions.people.names import ParticipantLineError, format_participant, parse_participants


def _triples(text: str) -> list[tuple[str, str, str]]:
    return [(p.name, p.organisation, p.group) for p in parse_participants(text)]


def test_name_organisation_and_group_are_read_and_trimmed() -> None:
    text = "Alice\n  Bob  ( Mairie )\nChloé (Asso) [ Vert ]\nDan [Bleu]\n"
    assert _triples(text) == [
        ("Alice", "", ""),
        ("Bob", "Mairie", ""),
        ("Chloé", "Asso", "Vert"),
        ("Dan", "", "Bleu"),
    ]


def test_blank_lines_and_comments_are_skipped() -> None:
    assert _triples("# invités\n\n   \nAlice\n  # pas moi\n") == [("Alice", "", "")]
    assert parse_participants("") == []


def test_a_line_that_is_not_a_participant_names_its_number() -> None:
    with pytest.raises(ParticipantLineError) as refused:
        parse_participants("Alice\n\nBob (a) (b)\n")
    assert refused.value.line_no == 3
    assert refused.value.line == "Bob (a) (b)"
    assert str(refused.value) == "line 3: 'Bob (a) (b)'"


def test_format_is_the_inverse_of_one_line() -> None:
    for line in ("Alice", "Bob (Mairie)", "Chloé (Asso) [Vert]", "Dan [Bleu]"):
        (person,) = parse_participants(line)
        assert format_participant(person) == line
