"""``atelier --help`` lists its commands as one list: each said the same way, in each language."""

from __future__ import annotations

import re

import pytest

from tui.cli.main import main


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_command_in_the_list_reads_like_the_others(
    lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--lang", lang, "--help"])
    assert done.value.code == 0
    commands = dict(re.findall(r"^    ([a-z]+) +(\S.*)$", capsys.readouterr().out, flags=re.M))
    assert {"import", "export", "status", "new", "open"} <= commands.keys()
    capitalised = {name: text for name, text in commands.items() if not text[0].islower()}
    assert capitalised == {}  # "importer des idées", like "exporter le déroulé"
