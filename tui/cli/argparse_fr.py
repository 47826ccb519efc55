"""argparse speaks the interface's language.

argparse looks its words up through the module-level ``_`` and ``ngettext``
(``from gettext import gettext as _, ngettext``) at call time, so replacing
those two names routes every lookup through the message catalog, in the
language current when the text is built (help, usage or error). A msgid we do
not know (a newer Python's) comes back unchanged, in English.
"""

from __future__ import annotations

import argparse
import os
import sys

from sessions.i18n import get_language, t

# argparse's msgids (Python 3.11 argparse.py) -> catalog keys.
MSGIDS = {
    "usage: ": "argparse.usage",
    "argument %(argument_name)s: %(message)s": "argparse.argument_error",
    "positional arguments": "argparse.positionals",
    "options": "argparse.options",
    "show this help message and exit": "argparse.help",
    "show program's version number and exit": "argparse.version",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "not allowed with argument %s": "argparse.not_allowed_with",
    "ignored explicit argument %r": "argparse.ignored_explicit",
    "the following arguments are required: %s": "argparse.required",
    "one of the arguments %s is required": "argparse.one_of_required",
    "expected one argument": "argparse.expected_one",
    "expected at most one argument": "argparse.expected_at_most_one",
    "expected at least one argument": "argparse.expected_at_least_one",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "unexpected option string: %s": "argparse.unexpected_option",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "argparse.unknown_parser",
    "can't open '%(filename)s': %(error)s": "argparse.cannot_open",
    "%(prog)s: error: %(message)s\n": "argparse.error",
}

# ngettext's singular msgid -> catalog key stem (``.one`` / ``.other``).
PLURAL_MSGIDS = {"expected %s argument": "argparse.expected_n"}


def gettext(message: str) -> str:
    key = MSGIDS.get(message)
    return t(key) if key else message


def ngettext(singular: str, plural: str, n: int) -> str:
    stem = PLURAL_MSGIDS.get(singular)
    if stem is None:
        return singular if n == 1 else plural
    one = n <= 1 if get_language() == "fr" else n == 1
    return t(f"{stem}.one" if one else f"{stem}.other")


def install() -> None:
    """Route argparse's lookups through the catalog (idempotent)."""
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, without importing ``shutil``.

    argparse imports ``shutil`` (and with it ``zlib``, ``bz2``, ``lzma``) for
    this one number each time it builds a formatter, which ``add_argument``
    does: a few milliseconds of ``atelier status``, run every second.
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Width:
    """argparse's formatter, the terminal's width found without ``shutil``."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)  # type: ignore[call-arg]


class HelpFormatter(_Width, argparse.HelpFormatter):
    pass


class RawDescriptionHelpFormatter(_Width, argparse.RawDescriptionHelpFormatter):
    pass


class ArgumentParser(argparse.ArgumentParser):
    """argparse's parser with the formatter above by default (subcommands' parsers too)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
