"""argparse's own words (usage, help, errors) follow the interface's language."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from sessions.i18n import set_language
from tui.cli import argparse_fr
from tui.cli.main import main

ARGPARSE_SOURCE = Path(argparse.__file__).read_text(encoding="utf-8")


def _run(argv: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(argv)
    out, err = capsys.readouterr()
    return int(info.value.code or 0), out, err


def test_every_msgid_we_translate_is_one_argparse_asks_for() -> None:
    # A msgid that drifted from argparse's text would silently stay English.
    for msgid in list(argparse_fr.MSGIDS) + list(argparse_fr.PLURAL_MSGIDS):
        if msgid == "show program's version number and exit":
            continue  # not routed through gettext in 3.11: main passes help= itself
        assert repr(msgid)[1:-1] in ARGPARSE_SOURCE or msgid in ARGPARSE_SOURCE, msgid


def test_main_help_in_french(capsys, tmp_path) -> None:
    code, out, _ = _run(["--data-dir", str(tmp_path), "--help"], capsys)
    assert code == 0
    assert out.startswith("usage\u202f: atelier ")
    assert "afficher cette aide et quitter" in out
    assert "afficher le numéro de version et quitter" in out
    assert "show this help" not in out and "version number" not in out


def test_subcommand_help_in_french(capsys) -> None:
    code, out, _ = _run(["new", "--help"], capsys)
    assert code == 0
    assert out.startswith("usage\u202f: atelier new ")
    assert "afficher cette aide et quitter" in out


def test_positional_section_in_french(capsys) -> None:
    _, out, _ = _run(["timer", "--help"], capsys)
    assert "arguments positionnels\u202f:" in out  # the colon spaced as French writes it
    assert "positional arguments" not in out


def test_unknown_command_in_french(capsys) -> None:
    code, _, err = _run(["badcmd"], capsys)
    assert code == 2
    assert err.startswith("usage\u202f: atelier ")
    assert (
        "atelier\u202f: erreur\u202f: argument COMMAND\u202f: "
        "choix invalide\u202f: 'badcmd' (choisir parmi " in err
    )


def test_missing_required_in_french(capsys) -> None:
    code, _, err = _run(["new"], capsys)
    assert code == 2
    assert (
        "atelier new\u202f: erreur\u202f: les arguments suivants sont obligatoires\u202f: --title"
        in err
    )


def test_unrecognized_and_expected_one_in_french(capsys) -> None:
    _, _, err = _run(["list", "--bogus"], capsys)
    assert "erreur\u202f: arguments non reconnus\u202f: --bogus" in err
    _, _, err = _run(["new", "--title"], capsys)
    assert "erreur\u202f: argument --title\u202f: un argument attendu" in err


def test_invalid_int_in_french(capsys) -> None:
    _, _, err = _run(["serve", "x", "--port", "abc"], capsys)
    assert "argument --port\u202f: valeur int invalide\u202f: 'abc'" in err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--help"], "show this help message and exit"),
        (["new", "--help"], "usage: atelier new "),
        (["badcmd"], "atelier: error: argument COMMAND: invalid choice: 'badcmd' (choose from "),
        (["new"], "atelier new: error: the following arguments are required: --title"),
        (["list", "--bogus"], "error: unrecognized arguments: --bogus"),
        (["new", "--title"], "error: argument --title: expected one argument"),
        (["serve", "x", "--port", "abc"], "argument --port: invalid int value: 'abc'"),
    ],
)
def test_english_is_argparse_unchanged(capsys, argv, expected) -> None:
    _, out, err = _run(["--lang", "en", *argv], capsys)
    assert expected in out + err
    assert "usage: atelier" in out + err
    assert " : " not in re.sub(r"\(.*\)", "", (out + err).split("\n")[0])


def test_plural_expected_n_arguments_by_language() -> None:
    set_language("fr")
    one, other = "expected %s argument", "expected %s arguments"
    assert argparse_fr.ngettext(one, other, 0) == "%s argument attendu"
    assert argparse_fr.ngettext(one, other, 1) == "%s argument attendu"
    assert argparse_fr.ngettext("expected %s argument", "expected %s arguments", 2) == (
        "%s arguments attendus"
    )
    set_language("en")
    assert argparse_fr.ngettext("expected %s argument", "expected %s arguments", 0) == (
        "expected %s arguments"
    )
    assert argparse_fr.ngettext("expected %s argument", "expected %s arguments", 1) == (
        "expected %s argument"
    )


def test_unknown_msgid_stays_english() -> None:
    set_language("fr")
    assert argparse_fr.gettext("some newer argparse text") == "some newer argparse text"
    assert argparse_fr.ngettext("a %s thing", "%s things", 2) == "%s things"
