"""``atelier new``: create a session from a template, then open it (or print where it is)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from sessions.i18n import get_language, t
from tui.cli.context import EXIT_INVALID, EXIT_NOT_FOUND, Context


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(t("cli.bad_date", value=value)) from exc


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("new", help=t("cli.new.help"))
    parser.add_argument("--template", default=None, metavar="NAME", help=t("cli.new.template"))
    parser.add_argument(
        "--agenda", type=Path, default=None, metavar="FILE", help=t("cli.new.agenda")
    )
    parser.add_argument("--title", required=True, help=t("cli.new.title"))
    parser.add_argument("--date", type=_date, default=None, help=t("cli.new.date"))
    parser.add_argument("--place", default="", help=t("cli.new.place"))
    parser.add_argument("--theme", default="", help=t("cli.new.theme"))
    parser.add_argument("--question", default=None, help=t("cli.new.question"))
    parser.add_argument(
        "--participants-file", type=Path, default=None, metavar="F", help=t("cli.new.participants")
    )
    parser.add_argument("--no-open", action="store_true", help=t("cli.new.no_open"))
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    parser.set_defaults(func=run, new_parser=parser)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from sessions.factory import session_from_template
    from sessions.people import ParticipantLineError, parse_participants
    from sessions.template_catalog import find_template
    from sessions.text import clean_text

    store = ctx.store
    agenda_file = None
    if args.agenda is not None:  # read before anything is created
        from sessions.agenda_toml import AgendaFileError, read_agenda_file

        try:
            agenda_file = read_agenda_file(args.agenda)
        except AgendaFileError as exc:
            ctx.error(str(exc))
            return EXIT_INVALID
    elif args.template is None:
        args.new_parser.error(t("cli.new.need_template"))  # usage error: exit 2
    try:
        template = find_template(args.template, store.templates_dir) if args.template else None
    except KeyError as exc:
        ctx.error(str(exc.args[0]))
        return EXIT_NOT_FOUND
    template = template or agenda_file
    assert template is not None
    people = []
    if args.participants_file:
        try:
            text = args.participants_file.read_text(encoding="utf-8")
            people = parse_participants(text)
        except (OSError, UnicodeDecodeError) as exc:
            ctx.error(t("cli.cannot_read", path=args.participants_file, reason=exc))
            return EXIT_INVALID
        except ParticipantLineError as exc:
            ctx.error(f"{args.participants_file}:{exc.line_no}: {t('cli.bad_participant')}")
            return EXIT_INVALID
    title = clean_text(args.title)
    if not title:
        ctx.error(t("cli.new.empty_title"))
        return EXIT_INVALID
    session = session_from_template(
        template,
        title=title,
        on=args.date or ctx.clock.now().astimezone().date(),
        place=clean_text(args.place),
        participants=people,
        language=ctx.lang or get_language(),
        theme=clean_text(args.theme),
        question=clean_text(args.question) if args.question is not None else None,
    )
    if agenda_file is not None:
        from sessions.agenda_toml import use_agenda

        use_agenda(session, agenda_file)
    path = store.create(session)
    if args.json:
        ctx.print_json({"id": session.id, "path": str(path)})
    elif args.no_open:
        ctx.print(f"{session.id}\t{path}")
    if args.no_open:
        return 0
    from tui.cli.commands.open_ import run_app

    return run_app(ctx, session.id)
