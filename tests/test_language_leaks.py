"""Every screen in French shows none of Textual's or argparse's English words, and every
screen in English none of our French words (a session run in English: template texts too)."""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import re

import pytest
from conftest import PEOPLE
from textual.command import CommandList, CommandPalette
from textual.widgets import HelpPanel, Input

from sessions.agenda.catalog import builtin_templates, find_template
from sessions.capture import tour as capture
from sessions.core.factory import session_from_template
from sessions.core.settings import update_settings
from sessions.i18n import set_language
from sessions.people.names import parse_participants
from sessions.vote import envelope as vote
from tests.waits import palette_highlight, settled, until
from tui.app import make_app
from tui.cli.main import main

SIZE = (120, 40)
NOW = dt.datetime(2026, 11, 22, 14, 0, tzinfo=dt.UTC)

# Textual's and argparse's English: never on a French screen.
ENGLISH = (
    "Cursor up",
    "Cursor down",
    "Cursor left",
    "Scroll Up",
    "Scroll Down",
    "Scroll Home",
    "Copy selected text",
    "Paste text",
    "Focus Next",
    "Focus Previous",
    "Page Up",
    "Page Down",
    "Delete character",
    "Submit",
    "Show menu",
    "Search for commands",
    "No matches found",
    "Quit the application",
    "Screenshot",
    "Change theme",
    "Keys",
    "Theme",
    "Open the command",
    "Session ended",
    "Restart",
    "usage:",
    "options:",
    "show this help message",
    "invalid choice",
    "the following arguments are required",
    "unrecognized arguments",
    "expected one argument",
    "error:",
    "Errno",
    "No such file",
)
# Our French words, and the built-in templates' French texts: never on an English screen.
FRENCH = (
    "Quitter",
    "Aide",
    "Touches",
    "Rechercher",
    "Se déplacer",
    "Classement",
    "Matrice",
    "Déroulé",
    "Tour de table",
    "Compte-rendu",
    "Suppr",
    "n°",
    "Étape",
    "Enveloppe",
    "Annuler",
    "Rétablir",
    "Accueil",
    "Contraste",
    "Participants présents",
    "Valider",
    "Champ suivant",
    "Copier",
    "Coller",
    "Fermer",
)


def _template_french() -> set[str]:
    texts: set[str] = set()
    for template in builtin_templates():
        if template.question_en:
            texts.add(template.question)
        for phase in template.phases:
            if phase.title != phase.title_en:
                texts.add(phase.title)
            if phase.notes:
                texts.add(phase.notes)
    return texts


def screen_text(app) -> str:
    """What the terminal shows, line by line (read from Textual's own screenshot)."""
    svg = app.export_screenshot()
    rows: dict[str, list[str]] = {}
    for y, body in re.findall(r'<text[^>]*\by="([0-9.]+)"[^>]*>(.*?)</text>', svg, re.S):
        rows.setdefault(y, []).append(html.unescape(re.sub(r"<[^>]+>", "", body)))
    lines = ["".join(parts) for _, parts in sorted(rows.items(), key=lambda r: float(r[0]))]
    return "\n".join(lines).replace("\u00a0", " ")


def _found(words, text: str) -> list[str]:
    return [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]


def _workshop(store, lang: str):
    update_settings(store.root, guide_seen=True)
    set_language(lang)
    s = session_from_template(
        find_template("territoire-numerique-10-ans"),
        title="Atelier A",
        on=dt.date(2026, 11, 22),
        place="Tulle",
        participants=parse_participants(PEOPLE),
        language=lang,
    )
    for n in range(1, 13):
        capture.give_idea(s, f"idea {n}", NOW)
        vote.enter_hands(s, n, str(13 - n))
    vote.close_count(s)
    store.create(s)
    return s


# screen -> keys pressed from the session's overview (None: from the home screen)
WALK = {
    "home": None,
    "new_session": ("ctrl+x", "n"),
    "overview": (),
    "details": ("e",),
    "timer": ("f3",),
    "agenda_editor": ("f3", "e"),
    "projector": ("f3", "v"),
    "capture": ("f4",),
    "participants": ("f4", "ctrl+t"),
    "vote": ("f5",),
    "reveal": ("f5", "f12", "space", "space", "space"),
    "grid": ("f6",),
    "minutes": ("f7",),
    "help_capture": ("f4", "f1"),
    "help_vote": ("f5", "f1"),
    "help_grid": ("f6", "f1"),
    "help_minutes": ("f7", "f1"),
    "palette": ("ctrl+p",),
    "palette_none": ("ctrl+p", *"zzqqxx"),
    "keys_panel": ("f6", "ctrl+p", *"Touches", "enter"),
}


# screen -> the screen on top once its keys are pressed
SHOWN = {
    "home": "HomeScreen",
    "new_session": "NewSessionScreen",
    "overview": "OverviewScreen",
    "details": "DetailsForm",
    "timer": "TimerScreen",
    "agenda_editor": "AgendaEditorScreen",
    "projector": "ProjectorScreen",
    "capture": "CaptureScreen",
    "participants": "ParticipantsScreen",
    "vote": "VoteScreen",
    "reveal": "RevealScreen",
    "grid": "GridScreen",
    "minutes": "MinutesScreen",
    "help_capture": "HelpScreen",
    "help_vote": "HelpScreen",
    "help_grid": "HelpScreen",
    "help_minutes": "HelpScreen",
    "palette": "LocalCommandPalette",
    "palette_none": "LocalCommandPalette",
    "keys_panel": "GridScreen",
}


def _commands(app) -> list[str]:
    """The options the open palette lists (empty before its search has answered)."""
    listed = app.screen.query_one(CommandList)
    return [str(listed.get_option_at_index(i).id) for i in range(listed.option_count)]


def _drawn(app, name: str) -> bool:
    """The walk's last screen is on top, with what the assertion reads drawn on it."""
    if type(app.screen).__name__ != SHOWN[name] or not settled(app):
        return False
    if name == "palette":  # the search in a worker has listed the commands
        return bool(_commands(app))
    if name == "palette_none":  # shown by a timer, half a second after the search
        return CommandPalette._NO_MATCHES in _commands(app)
    if name == "keys_panel":
        return bool(app.screen.query(HelpPanel))
    if name == "reveal":
        return app.screen.shown == 3
    return True


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", list(WALK))
async def test_no_word_of_the_other_language_on_screen(store, clock, lang, name) -> None:
    session = _workshop(store, lang)
    pressed = WALK[name]
    if lang == "en" and name == "keys_panel":
        pressed = ("f6", "ctrl+p", *"Keys", "enter")
    app = make_app(store, clock, session_ref=None if pressed is None else session.id, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        start = "HomeScreen" if pressed is None else "OverviewScreen"
        await until(pilot, lambda: type(app.screen).__name__ == start and settled(app))
        for key in pressed or ():
            if key == "enter" and isinstance(app.screen, CommandPalette):
                # Enter before the search has answered would choose nothing.
                typed = app.screen.query_one(Input).value.casefold()
                await until(pilot, lambda typed=typed: typed in palette_highlight(app).casefold())
            await pilot.press(key)
            await until(pilot, lambda: settled(app))
        assert await until(pilot, lambda: _drawn(app, name)), [type(s) for s in app.screen_stack]
        text = screen_text(app)
    if lang == "fr":
        assert _found(ENGLISH, text) == [], text
    else:
        assert _found(FRENCH, text) == [], text
        assert [phrase for phrase in _template_french() if phrase in text] == [], text


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["new", "--help"], ["nope"], ["new"], ["serve", "x", "--port", "abc"]],
)
def test_the_command_line_in_french_has_no_english(argv, capsys, tmp_path) -> None:
    with contextlib.suppress(SystemExit):
        main(["--data-dir", str(tmp_path), *argv])
    out, err = capsys.readouterr()
    assert _found(ENGLISH, out + err) == [], out + err


def test_the_command_line_in_english_has_no_french(capsys, tmp_path) -> None:
    for argv in (["--help"], ["templates"], ["new", "--template", "nope", "--title", "x"]):
        with contextlib.suppress(SystemExit):
            main(["--data-dir", str(tmp_path), "--lang", "en", *argv])
    out, err = capsys.readouterr()
    assert _found(FRENCH, out + err) == []
    assert [phrase for phrase in _template_french() if phrase in out] == []
