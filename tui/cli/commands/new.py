"""``atelier new``: create a session from a template, then open it (or print where it is)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from sessions.i18n import get_language, t
from sessions.i18n.oserror import os_reason
from tui.cli.commands import new_from
from tui.cli.context import EXIT_INVALID, EXIT_NOT_FOUND, Context
from tui.cli.stdio import decode_text, is_stdio, read_input


def _date(value: str) -> dt.date:
    """AAAA-MM-JJ only (Python would take "2026W481" for a Monday): a usage error otherwise."""
    from sessions.core.dates import DateError, parse_date

    try:
        return parse_date(value, dt.date.today())
    except DateError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _read_agenda(name: Path):  # type: ignore[no-untyped-def]
    """The agenda file ``name`` (``-``: standard input), checked."""
    from sessions.agenda.toml_file import AgendaFileError, parse_agenda, read_agenda_file

    if not is_stdio(name):
        return read_agenda_file(name)
    try:
        text = decode_text(read_input(name))
    except ValueError as exc:
        raise AgendaFileError(f"-: {exc}") from exc
    return parse_agenda(text, "-")


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
    parser.add_argument("--minutes", default=None, metavar="M,M,...", help=t("cli.new.minutes"))
    new_from.add_options(parser)
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    parser.set_defaults(func=run, new_parser=parser)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from sessions.agenda.catalog import find_template
    from sessions.core.factory import session_from_template
    from sessions.core.text import clean_text
    from sessions.people.names import ParticipantLineError, parse_participants

    if is_stdio(args.agenda) and is_stdio(args.participants_file):
        args.new_parser.error(t("cli.stdin_once"))  # usage error: exit 2
    store = ctx.store
    agenda_file = None
    if args.agenda is not None:  # read before anything is created
        from sessions.agenda.toml_file import AgendaFileError

        try:
            agenda_file = _read_agenda(args.agenda)
        except AgendaFileError as exc:
            ctx.error(str(exc))
            missing = isinstance(exc.__cause__, FileNotFoundError)
            return EXIT_NOT_FOUND if missing else EXIT_INVALID
    elif args.template is None:
        args.new_parser.error(t("cli.new.need_template"))  # usage error: exit 2
    try:
        template = find_template(args.template, store.templates_dir) if args.template else None
    except KeyError as exc:
        ctx.error(str(exc))  # UnknownTemplateError: translated now, in the CLI's language
        return EXIT_NOT_FOUND
    template = template or agenda_file
    assert template is not None
    people = []
    if args.participants_file:
        try:
            people = parse_participants(decode_text(read_input(args.participants_file)))
        except ParticipantLineError as exc:
            ctx.error(f"{args.participants_file}:{exc.line_no}: {t('cli.bad_participant')}")
            return EXIT_INVALID
        except (OSError, ValueError) as exc:
            reason = os_reason(exc)
            ctx.error(t("cli.cannot_read", path=args.participants_file, reason=reason))
            return EXIT_NOT_FOUND if isinstance(exc, FileNotFoundError) else EXIT_INVALID
    title = clean_text(args.title)
    if not title:
        ctx.error(t("cli.new.empty_title"))
        return EXIT_INVALID
    minutes = None
    if args.minutes is not None:  # one per step, checked before anything is created
        from sessions.agenda.asked_minutes import parse_step_minutes
        from sessions.agenda.plan import PlanError

        steps = len(agenda_file.phases if agenda_file is not None else template.phases)
        try:
            minutes = parse_step_minutes(args.minutes, steps)
        except PlanError as exc:
            ctx.error(str(exc))
            return EXIT_INVALID
    sources = new_from.load_sources(args, ctx)  # an unknown one: exit 3, nothing created
    if args.with_participants:
        people = new_from.carried_participants(people, sources)
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
        from sessions.agenda.toml_file import use_agenda

        use_agenda(session, agenda_file)
    if minutes is not None:
        from sessions.agenda.asked_minutes import set_step_minutes

        set_step_minutes(session, minutes)
    taken = new_from.take_enjeux(session, sources) if sources else []
    path = store.create(session)
    if args.json:
        result: dict[str, object] = {"id": session.id, "path": str(path)}
        if sources:
            result["enjeux"] = [e.model_dump(mode="json") for e in session.enjeux]
        ctx.print_json(result)
    elif args.no_open:
        ctx.print(f"{session.id}\t{path}")
        if sources:
            new_from.report(ctx, taken)
    if args.no_open:
        return 0
    from tui.cli.commands.open_ import run_app

    return run_app(ctx, session.id)
