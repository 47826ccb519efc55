"""Messages once built outside the catalog speak the interface's language."""

from __future__ import annotations

import errno
import json

import pytest

from sessions.i18n.oserror import os_message, os_reason
from sessions.storage.errors import CorruptSessionError
from sessions.storage.safe_storage import decode
from tui.cli.main import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_unknown_template_in_french_and_english(tmp_path, capsys) -> None:
    base = ("--data-dir", str(tmp_path), "new", "--template", "nope", "--title", "x", "--no-open")
    code, _, err = run(capsys, *base)
    unknown = "modèle inconnu\u202f: «\u202fnope\u202f»\u202f; modèles connus\u202f: "
    assert code != 0 and unknown in err
    assert "unknown template" not in err
    code, _, err = run(capsys, "--lang", "en", *base)
    assert "unknown template 'nope'; known: " in err


@pytest.mark.parametrize(
    ("raw", "french", "english"),
    [
        (b"  \n", "le fichier est vide", "the file is empty"),
        (b"\x00\x00", "octets nuls", "NUL bytes"),
        (b"\xff{}", "pas du texte UTF-8 (octet 0)", "not UTF-8 text (byte 0)"),
        (b"{not json", "JSON invalide à la ligne 1, colonne 2", "invalid JSON at line 1, column 2"),
        (b"[1]", "pas un fichier de session TinyDB", "not a TinyDB session file"),
    ],
)
def test_damaged_file_reasons_in_both_languages(tmp_path, raw, french, english) -> None:
    from sessions.i18n import set_language

    for lang, expected, foreign in (("fr", french, english), ("en", english, french)):
        set_language(lang)
        with pytest.raises(CorruptSessionError) as info:
            decode(raw, tmp_path / "s.json")
        assert expected in info.value.reason and foreign not in info.value.reason


def test_an_os_error_is_told_in_words() -> None:
    missing = FileNotFoundError(errno.ENOENT, "No such file or directory", "/a/b.json")
    assert os_reason(missing, "fr") == "fichier ou dossier introuvable"
    assert os_reason(missing, "en") == "no such file or directory"
    assert os_message(missing, "fr") == "/a/b.json: fichier ou dossier introuvable"
    denied = PermissionError(errno.EACCES, "Permission denied")
    assert os_reason(denied, "fr") == "permission refusée"
    assert "Errno" not in os_message(OSError(errno.ENOSPC, "No space left on device"), "fr")


def test_a_missing_file_in_a_french_sentence_has_no_english(tmp_path, capsys) -> None:
    run(
        capsys,
        "--data-dir",
        str(tmp_path),
        "new",
        "--template",
        "idees-recues",
        "--title",
        "x",
        "--no-open",
    )
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "list", "--json")
    ref = json.loads(out)[0]["id"]
    missing = tmp_path / "absent.csv"
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "import", "ideas", ref, str(missing))
    assert code != 0 and "fichier ou dossier introuvable" in err
    assert "No such file" not in err and "Errno" not in err
    code, _, err = run(
        capsys,
        "--data-dir",
        str(tmp_path),
        "new",
        "--agenda",
        str(tmp_path / "absent.toml"),
        "--title",
        "x",
        "--no-open",
    )
    assert "fichier ou dossier introuvable" in err and "No such file" not in err
