"""Parsing the command line and dispatching to the subcommand modules."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path

from sessions.i18n import LANGUAGES, resolve_language, set_language, t
from sessions.paths import default_data_dir
from sessions.storage.errors import (
    CorruptSessionError,
    LockedError,
    ReadOnlyError,
    SaveError,
    UnknownSessionError,
)
from tui import __version__
from tui.cli import commands
from tui.cli.context import (
    EXIT_CORRUPT,
    EXIT_ERROR,
    EXIT_LOCKED,
    EXIT_NOT_FOUND,
    Context,
)


def _prescan_lang(argv: Sequence[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="atelier", description=t("cli.description"))
    parser.add_argument("--version", action="version", version=f"atelier {__version__}")
    parser.add_argument(
        "--data-dir", type=Path, default=None, metavar="DIR", help=t("cli.opt.data_dir")
    )
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=t("cli.opt.lang"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title=t("cli.commands"))
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _prescan_lang(argv)
    set_language(resolve_language(lang if lang in LANGUAGES else None))
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = Context(data_dir=args.data_dir or default_data_dir(), lang=args.lang)
    handler = getattr(args, "func", None)
    if handler is None:
        from tui.cli.commands.open_ import run_app

        return run_app(ctx, None)
    try:
        return int(handler(args, ctx) or 0)
    except UnknownSessionError as exc:
        return ctx.unknown(exc)
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
        return 130
    except BrokenPipeError:  # `atelier list | head`
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
