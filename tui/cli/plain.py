"""A plain command line read without argparse: ``[--data-dir D] [--lang L] COMMAND SESSION [FLAG]``.

``atelier open SESSION`` starts by building argparse's parser (and importing
argparse and gettext) for one word and a session: a few milliseconds before
the first frame, every time; ``atelier status SESSION --json``, run every
second by a status bar, would spend more on the parser than on the status.
Both read their plain form by hand here (``plain_args`` in their modules);
anything else (another option, an abbreviation, ``--``, ``-h``, a value
starting with ``-`` or empty, a language argparse would refuse, a missing or
second SESSION) gives None, and argparse reads the command line with its
usage, help and errors. Wherever this answers, it answers what argparse gives
(a test checks); ``add_session_command`` declares that form to argparse.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from sessions.i18n import LANGUAGES, t

TYPE_CHECKING = False  # not ``typing``'s: the command line stays light (see context.py)
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Mapping, Sequence

OPTIONS = ("--data-dir", "--lang")  # the main parser's options that take a value


def plain_command(
    argv: Sequence[str], command: str, flags: Sequence[str], func: Callable[..., int]
) -> SimpleNamespace | None:
    """argparse's namespace for ``command`` with one SESSION and ``flags`` (store_true), or None."""
    data_dir: Path | None = None
    lang: str | None = None
    items = iter(argv)
    for arg in items:
        name, equals, value = arg.partition("=")
        if name not in OPTIONS:
            break
        if not equals:
            value = next(items, "")
        if not value or value.startswith("-") or (name == "--lang" and value not in LANGUAGES):
            return None
        if name == "--lang":
            lang = value
        else:
            data_dir = Path(value)
    else:
        return None
    if arg != command:
        return None
    session: str | None = None
    given = dict.fromkeys(flags, False)
    for arg in items:
        if arg in given:
            given[arg] = True
        elif arg.startswith("-") or session is not None:
            return None
        else:
            session = arg
    if session is None:
        return None
    found = {flag[2:].replace("-", "_"): on for flag, on in given.items()}
    return SimpleNamespace(
        data_dir=data_dir, lang=lang, command=command, session=session, **found, func=func
    )


def add_session_command(
    sub: argparse._SubParsersAction,
    command: str,
    summary: str,
    flags: Mapping[str, str],
    func: Callable[..., int],
    session_help: str | None = None,
) -> None:
    """``COMMAND SESSION [FLAG]...`` for argparse; ``flags``: each flag's help (store_true)."""
    parser = sub.add_parser(command, help=summary)
    parser.add_argument("session", metavar="SESSION", help=session_help or t("cli.opt.session"))
    for flag, flag_help in flags.items():
        parser.add_argument(flag, action="store_true", help=flag_help)
    parser.set_defaults(func=func)
