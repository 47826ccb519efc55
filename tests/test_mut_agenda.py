"""Agenda templates and agenda files (sessions/agenda catalog, toml_file, phase_kind), issue 18.

The templates a user drops in a folder, the built-ins they replace, the words in
each language, the JSON contract of ``atelier templates --json``, and an agenda
written as TOML then read back, with errors naming the file and the line.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib

import pytest

from sessions.agenda import catalog, toml_file
from sessions.agenda.catalog import (
    MAX_TEMPLATE_BYTES,
    Template,
    TemplateError,
    UnknownTemplateError,
    all_templates,
    builtin_parts,
    builtin_templates,
    find_template,
    in_language,
    parse_template,
    user_templates,
)
from sessions.agenda.phase_kind import PhaseKind
from sessions.agenda.toml_file import (
    AgendaFileError,
    export_agenda,
    parse_agenda,
    read_agenda_file,
    use_agenda,
)
from sessions.core.factory import session_from_template
from sessions.models import Phase, Rotation, Turn
from sessions.models.format_parts import FormatParts

MINIMAL = """
name = "{name}"
title = "Mon format"
title_en = "My format"
order = {order}
question = "Quelle question ?"
question_en = "Which question?"

[[phases]]
title = "Accueil"
title_en = "Welcome"
minutes = 10
notes = "Dire bonjour"
notes_en = "Say hello"
turns = [{{ label = "Tour", label_en = "Round", minutes = 2 }}]
rotation = {{ every_minutes = 5, label = "Changez", label_en = "Switch" }}

[[phases]]
title = "Pause"
kind = "break"
minutes = 7.5
"""


def _write(folder, name: str, text: str):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


# -- phase kinds -------------------------------------------------------------------


def test_phase_kinds_are_the_stored_words() -> None:
    assert [k.value for k in PhaseKind] == [
        "plenary",
        "divergence",
        "convergence",
        "restitution",
        "break",
    ]
    assert str(PhaseKind.BREAK) == "break" and PhaseKind("divergence") is PhaseKind.DIVERGENCE


# -- templates -----------------------------------------------------------------------


def test_in_language_english_only_when_asked_and_given() -> None:
    assert in_language("fr", "en", "en") == "en"
    assert in_language("fr", "", "en") == "fr"
    assert in_language("fr", "en", "fr") == "fr"


def test_a_template_in_each_language() -> None:
    tpl = parse_template(MINIMAL.format(name="mon-format", order=3), "x.toml")
    assert tpl.display_title("fr") == "Mon format" and tpl.display_title("en") == "My format"
    assert tpl.display_question("en") == "Which question?"
    assert tpl.total_minutes == 17.5
    fr, en = tpl.build_agenda("fr"), tpl.build_agenda("en")
    assert [p.title for p in fr] == ["Accueil", "Pause"]
    assert [p.title for p in en] == ["Welcome", "Pause"]
    assert fr[0].notes == "Dire bonjour" and en[0].notes == "Say hello"
    assert fr[0].turns == [Turn(label="Tour", minutes=2)]
    assert en[0].turns == [Turn(label="Round", minutes=2)]
    assert fr[0].rotation == Rotation(every_minutes=5, label="Changez")
    assert en[0].rotation == Rotation(every_minutes=5, label="Switch")
    assert fr[1].rotation is None and fr[1].kind == PhaseKind.BREAK
    assert fr[0].kind == PhaseKind.PLENARY
    assert fr[0].id != tpl.build_agenda("fr")[0].id  # fresh ids each time
    default = tpl.build_agenda()
    assert [p.model_dump(exclude={"id"}) for p in default] == [
        p.model_dump(exclude={"id"}) for p in fr
    ]


def test_as_json_contract() -> None:
    tpl = parse_template(MINIMAL.format(name="mon-format", order=3), "x.toml")
    data = tpl.as_json()
    assert data["name"] == "mon-format" and data["title"] == "Mon format"
    assert data["title_en"] == "My format" and data["builtin"] is True
    assert data["total_minutes"] == 17.5 and data["grid"] is None
    assert data["phases"][0] == {
        "title": "Accueil",
        "title_en": "Welcome",
        "kind": "plenary",
        "minutes": 10,
    }
    assert isinstance(data["phases"][0]["minutes"], int)
    assert data["phases"][1]["minutes"] == 7.5
    assert data["parts"] == tpl.parts.model_dump(mode="json")
    whole = parse_template(MINIMAL.format(name="w", order=1).replace("7.5", "8"), "w")
    assert whole.as_json()["total_minutes"] == 18
    assert isinstance(whole.as_json()["total_minutes"], int)
    assert whole.model_copy(update={"path": "/x/w.toml"}).as_json()["builtin"] is False


def test_parse_template_errors_name_the_file_and_the_field() -> None:
    with pytest.raises(TemplateError, match=r"^bad\.toml: "):
        parse_template("name = ", "bad.toml")
    with pytest.raises(TemplateError, match=r"^f\.toml: phases\.0\.minutes: "):
        parse_template('name = "a"\ntitle = "A"\n[[phases]]\ntitle = "P"\n', "f.toml")
    with pytest.raises(TemplateError, match=r"^f\.toml: name"):
        parse_template('title = "A"\n[[phases]]\ntitle = "P"\nminutes = 1\n', "f.toml")
    named = parse_template('title = "A"\n[[phases]]\ntitle="P"\nminutes=1\n', "f", "from-file")
    assert named.name == "from-file"
    kept = parse_template('name = "own"\ntitle = "A"\n[[phases]]\ntitle="P"\nminutes=1\n', "f", "x")
    assert kept.name == "own"


def test_builtins_sorted_by_order_then_name() -> None:
    found = builtin_templates()
    assert len(found) >= 7
    assert [(t.order, t.name) for t in found] == sorted((t.order, t.name) for t in found)
    assert all(t.path == "" for t in found)


def test_builtin_parts_copies_and_defaults() -> None:
    name = next(t.name for t in builtin_templates() if t.parts.sheets)
    parts = builtin_parts(name)
    assert parts == find_template(name).parts.format_parts().model_dump(mode="json")
    parts["sheets"].append("changed")
    assert "changed" not in builtin_parts(name)["sheets"]
    assert builtin_parts("no-such-template") == FormatParts().model_dump(mode="json")


def test_user_templates_read_the_good_and_report_the_bad(tmp_path) -> None:
    folder = tmp_path / "templates"
    assert user_templates(None) == ([], [])
    assert user_templates(folder) == ([], [])
    good = _write(folder, "b-mine", MINIMAL.format(name="b-mine", order=1))
    _write(folder, "a-bad", "name = ")
    (folder / "c-latin.toml").write_bytes(b'title = "\xe9t\xe9"\n')
    (folder / "d-dir.toml").mkdir()
    big = folder / "e-big.toml"
    big.write_text("#" * (MAX_TEMPLATE_BYTES + 1), encoding="utf-8")
    _write(folder, "f-nameless", 'title = "T"\n[[phases]]\ntitle = "P"\nminutes = 1\n')
    (folder / "notes.txt").write_text("not a template", encoding="utf-8")
    templates, errors = user_templates(folder)
    assert [t.name for t in templates] == ["b-mine", "f-nameless"]
    assert templates[0].path == str(good)
    assert len(errors) == 4
    said = [str(e) for e in errors]
    assert said[0].startswith(str(folder / "a-bad.toml"))
    assert said[1].startswith(str(folder / "c-latin.toml"))
    assert said[2].startswith(str(folder / "d-dir.toml"))
    assert said[3] == f"{big}: > {MAX_TEMPLATE_BYTES // 1024} KB"


def test_a_template_at_the_size_limit_is_read(tmp_path) -> None:
    folder = tmp_path / "t"
    text = MINIMAL.format(name="full", order=1)
    path = _write(folder, "full", text + "#" * (MAX_TEMPLATE_BYTES - len(text.encode())))
    assert os.path.getsize(path) == MAX_TEMPLATE_BYTES
    templates, errors = user_templates(folder)
    assert [t.name for t in templates] == ["full"] and errors == []


def test_a_user_template_replaces_the_builtin_of_its_name(tmp_path) -> None:
    first = builtin_templates()[0]
    folder = tmp_path / "templates"
    _write(folder, first.name, MINIMAL.format(name=first.name, order=first.order))
    _write(folder, "zz-last", MINIMAL.format(name="zz-last", order=1000))
    found = all_templates(folder)
    names = [t.name for t in found]
    assert names.count(first.name) == 1 and names[-1] == "zz-last"
    mine = find_template(first.name, folder)
    assert mine.title == "Mon format" and mine.path.endswith(f"{first.name}.toml")
    assert find_template(first.name).title == first.title
    assert len(found) == len(builtin_templates()) + 1
    assert [(t.order, t.name) for t in found] == sorted((t.order, t.name) for t in found)


def test_an_unknown_template_names_the_known_ones() -> None:
    with pytest.raises(UnknownTemplateError) as refused:
        find_template("nope")
    assert isinstance(refused.value, KeyError)
    assert refused.value.values["name"] == "nope"
    assert refused.value.values["known"] == ", ".join(t.name for t in all_templates())
    for lang in ("fr", "en"):  # the message names the unknown one and the known ones
        said = refused.value.message(lang)
        assert "nope" in said and "territoire-numerique-10-ans" in said


def test_template_parts_apply_to_a_session() -> None:
    tpl = parse_template(
        'name = "d"\ntitle = "D"\n[parts]\nvote = "dots"\ndots = 5\ntop = 4\n'
        'sheets = ["solution"]\nenjeux = true\n[[phases]]\ntitle = "P"\nminutes = 1\n',
        "d",
    )
    s = session_from_template(tpl, "T", dt.date(2026, 1, 1))
    assert s.vote.rule == "dots" and s.vote.per_person == 5
    assert s.parts.top == 4 and s.parts.sheets == ["solution"] and s.parts.enjeux is True
    assert s.parts.maps == []


# -- agenda files ---------------------------------------------------------------------


def _session():
    tpl = find_template("territoire-numerique-10-ans")
    s = session_from_template(tpl, "Atelier\nDeux", dt.date(2026, 1, 2))
    s.agenda = [
        Phase(title='Accueil "café"', minutes=10, notes="ligne\nsuivante", warn_minutes=2),
        Phase(
            title="Tables",
            kind=PhaseKind.DIVERGENCE,
            minutes=12.5,
            turns=[Turn(label="A", minutes=3), Turn(label="B", minutes=1.5)],
            rotation=Rotation(every_minutes=4, label="Tournez"),
        ),
        Phase(title="Fin", kind=PhaseKind.RESTITUTION, minutes=0),
    ]
    return s


def test_an_exported_agenda_reads_back_the_same() -> None:
    s = _session()
    text = export_agenda(s)
    assert text.startswith("# atelier agenda: Atelier Deux\n") and text.endswith("\n")
    data = tomllib.loads(text)
    assert data["name"] == s.template and data["title"] == s.title
    assert data["grid"] == s.grid.kind.value and data["question"] == s.question
    assert data["slot_minutes"] == s.slot_minutes
    assert "warn_minutes" not in data["phases"][1] and "notes" not in data["phases"][1]
    assert "turns" not in data["phases"][0] and "rotation" not in data["phases"][0]
    assert "minutes = 10\n" in text and "minutes = 12.5\n" in text
    tpl = parse_agenda(text, "a.toml")
    back = tpl.build_agenda()
    for got, want in zip(back, s.agenda, strict=True):
        assert got.model_dump(exclude={"id"}) == want.model_dump(exclude={"id"})
    assert tpl.grid == s.grid.kind.value


def test_export_names_the_agenda_from_the_template() -> None:
    s = _session()
    s.template = "Mon Format 2!"
    s.grid.planned = False
    s.slot_minutes = None
    s.question = ""
    text = export_agenda(s)
    data = tomllib.loads(text)
    assert data["name"] == "mon-format-2"
    assert "grid" not in data and "slot_minutes" not in data and "question" not in data
    s.template = "!!!"
    assert tomllib.loads(export_agenda(s))["name"] == "agenda"
    s.template = ""
    assert tomllib.loads(export_agenda(s))["name"] == "agenda"


def test_parse_agenda_defaults_name_and_title() -> None:
    tpl = parse_agenda('[[phases]]\ntitle = "P"\nminutes = 3\n', "f.toml", "from-file")
    assert tpl.name == "from-file" and tpl.title == "from-file"
    tpl = parse_agenda('title = "T"\n[[phases]]\ntitle = "P"\nminutes = 3\n', "f.toml")
    assert tpl.name == "agenda" and tpl.title == "T"


def test_parse_agenda_errors_name_the_line() -> None:
    with pytest.raises(AgendaFileError, match=r"^f\.toml:3: ") as refused:
        parse_agenda('title = "T"\n\nminutes = = 3\n', "f.toml")
    assert "(at line" not in str(refused.value)
    with pytest.raises(AgendaFileError, match=r"^f\.toml:1: no \[\[phases\]\] table$"):
        parse_agenda('title = "T"\n', "f.toml")
    with pytest.raises(AgendaFileError, match=r"^f\.toml:1: no \[\[phases\]\] table$"):
        parse_agenda('title = "T"\nphases = []\n', "f.toml")
    text = (
        'title = "T"\n\n[[phases]]\ntitle = "A"\nminutes = 1\n\n'
        '[[phases]]\ntitle = "B"\nminutes = -4\n'
    )
    with pytest.raises(AgendaFileError, match=r"^f\.toml:7: phase 2, minutes: "):
        parse_agenda(text, "f.toml")
    text = 'title = "T"\n\n[[phases]]\nminutes = 1\n'
    with pytest.raises(AgendaFileError, match=r"^f\.toml:3: phase 1, title: "):
        parse_agenda(text, "f.toml")
    text = 'title = "T"\n\n\nslot_minutes = -1\n[[phases]]\ntitle = "A"\nminutes = 1\n'
    with pytest.raises(AgendaFileError, match=r"^f\.toml:4: slot_minutes: "):
        parse_agenda(text, "f.toml")
    text = 'title = "T"\nphases = [1]\n'
    with pytest.raises(AgendaFileError, match=r"^f\.toml:1: phase 1: "):
        parse_agenda(text, "f.toml")


def test_an_error_without_a_key_line_is_said_at_line_1() -> None:
    text = 'title = "T"\n\n[parts]\nvote = "urne"\n\n[[phases]]\ntitle = "A"\nminutes = 1\n'
    with pytest.raises(AgendaFileError, match=r"^f\.toml:1: parts\.vote: "):
        parse_agenda(text, "f.toml")


def test_read_agenda_file_names_it_from_its_stem(tmp_path) -> None:
    path = tmp_path / "Mon Agenda (v2).toml"
    path.write_text('[[phases]]\ntitle = "P"\nminutes = 3\n', encoding="utf-8")
    assert read_agenda_file(path).name == "mon-agenda-v2"
    odd = tmp_path / "éé.toml"
    odd.write_text('[[phases]]\ntitle = "P"\nminutes = 3\n', encoding="utf-8")
    assert read_agenda_file(odd).name == "agenda"
    with pytest.raises(AgendaFileError, match=rf"^{tmp_path / 'missing.toml'}: "):
        read_agenda_file(tmp_path / "missing.toml")
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b'title = "\xe9"\n')
    with pytest.raises(AgendaFileError, match=rf"^{latin}: "):
        read_agenda_file(latin)


def test_use_agenda_takes_the_phases_and_the_slot_when_set() -> None:
    s = _session()
    s.slot_minutes = 20
    tpl = parse_agenda('[[phases]]\ntitle = "P"\nminutes = 3\n', "f")
    use_agenda(s, tpl)
    assert [p.title for p in s.agenda] == ["P"] and s.slot_minutes == 20
    use_agenda(s, parse_agenda('slot_minutes = 45\n[[phases]]\ntitle = "Q"\nminutes = 3\n', "f"))
    assert [p.title for p in s.agenda] == ["Q"] and s.slot_minutes == 45


def test_modules_keep_their_names() -> None:
    assert isinstance(find_template("territoire-numerique-10-ans"), Template)
    assert catalog.TemplateError is TemplateError and toml_file.AgendaFileError is AgendaFileError
