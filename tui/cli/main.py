"""Parsing the command line and dispatching to the subcommand modules."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from sessions.core.paths import default_data_dir
from sessions.i18n import LANGUAGES, resolve_language, set_language, t
from sessions.storage.errors import (
    CorruptSessionError,
    LockedError,
    NewerSessionError,
    ReadOnlyError,
    SaveError,
    UnknownSessionError,
)
from tui import __version__
from tui.cli import commands
from tui.cli.context import (
    EXIT_CORRUPT,
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_LOCKED,
    EXIT_NEWER,
    EXIT_NOT_FOUND,
    Context,
)

TYPE_CHECKING = False  # not ``typing``'s: ``atelier status`` stays light (see context.py)
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from types import SimpleNamespace


def _prescan_lang(argv: Sequence[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _prescan_command(argv: Sequence[str]) -> str | None:
    """The subcommand named in ``argv`` when it is plain to see, else None.

    Only ``--data-dir`` and ``--lang`` (with their value) may come before it;
    anything else (``--help``, an abbreviation, ``--``) gives None.
    """
    args = iter(argv)
    for arg in args:
        if arg in ("--data-dir", "--lang"):
            value = next(args, None)
            if value is None or value.startswith("-"):
                return None
        elif not arg.startswith(("--data-dir=", "--lang=")):
            return None if arg.startswith("-") else arg
    return None


def _command_names() -> list[str]:
    """The modules of ``commands/``, listed without ``pkgutil`` (it imports ``typing``)."""
    found = set()
    for folder in commands.__path__:
        for entry in os.listdir(folder):
            stem, dot, suffix = entry.partition(".")
            if dot and suffix in ("py", "pyc") and stem.isidentifier() and stem != "__init__":
                found.add(stem)
    return sorted(found)


def _command_modules(argv: Sequence[str] | None) -> list[str]:
    """The modules to register: the one named ``argv``'s command, or every one.

    Command ``x`` lives in ``commands/x.py`` or ``commands/x_.py``. Importing
    only that one spares ``atelier status`` (run every second by a status bar)
    a dozen modules whose parsers it would never use; its usage, help and
    errors are the same, since they never list the other subcommands.
    """
    names = _command_names()
    command = None if argv is None else _prescan_command(argv)
    if command is not None:
        for name in names:
            if name.rstrip("_") == command:
                return [name]
    return names


def _plain(argv: Sequence[str]) -> SimpleNamespace | None:
    """``atelier status``'s or ``open``'s arguments read without argparse, when plain.

    A status bar runs ``atelier status SESSION --json`` every second: building
    the parser costs more than the status itself; ``atelier open SESSION``
    would build it before its first frame. Anything but the plain form gives
    None, and argparse reads it as it reads every command (tests check that
    both read the same).
    """
    command = _prescan_command(argv)
    if command == "status":
        from tui.cli.commands.status import plain_args

        return plain_args(argv)
    if command == "open":  # before the first frame of ``atelier open`` (tui/cli/plain.py)
        from tui.cli.commands.open_ import plain_args as open_args

        return open_args(argv)
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given ``argv``, with only the subcommand it names when that is plain."""
    from tui.cli import argparse_fr  # and argparse: ``atelier status`` often does without

    argparse_fr.install()
    parser = argparse_fr.ArgumentParser(
        prog="atelier",
        description=t("cli.description"),
        epilog=t("cli.epilog"),
        formatter_class=argparse_fr.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"atelier {__version__}",
        help=t("argparse.version"),
    )
    parser.add_argument(
        "--data-dir", type=Path, default=None, metavar="DIR", help=t("cli.opt.data_dir")
    )
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=t("cli.opt.lang"))
    sub = parser.add_subparsers(
        dest="command",
        metavar="COMMAND",
        title=t("cli.commands"),
        parser_class=argparse_fr.ArgumentParser,
    )
    for name in _command_modules(argv):
        module = importlib.import_module(f"{commands.__name__}.{name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _prescan_lang(argv)
    set_language(resolve_language(lang if lang in LANGUAGES else None))
    args = _plain(argv) or build_parser(argv).parse_args(argv)
    ctx = Context(data_dir=args.data_dir or default_data_dir(), lang=args.lang)
    handler = getattr(args, "func", None)
    if handler is None:
        from tui.cli.commands.open_ import run_app

        return run_app(ctx, None)
    try:
        return int(handler(args, ctx) or 0)
    except UnknownSessionError as exc:
        return ctx.unknown(exc)
    except NewerSessionError as exc:  # not damaged: no backup offered, nothing touched
        ctx.error(t("cli.newer", path=exc.path, version=exc.version, ours=exc.ours))
        return EXIT_NEWER
    except CorruptSessionError as exc:
        ctx.error(t("cli.corrupt", path=exc.path, reason=exc.reason))
        if exc.backup:
            ctx.error(t("cli.backup_offer", backup=exc.backup))
        return EXIT_CORRUPT
    except (LockedError, ReadOnlyError) as exc:
        ctx.error(str(exc))
        return EXIT_LOCKED
    except SaveError as exc:
        ctx.error(t("cli.not_saved", reason=exc))
        return EXIT_ERROR
    except FileNotFoundError as exc:
        ctx.error(t("cli.file_not_found", path=exc.filename or exc))
        return EXIT_NOT_FOUND
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `atelier list | head`
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
