"""``atelier templates``: the agenda formats, built-in and the user's own."""

from __future__ import annotations

import argparse

from sessions.i18n import get_language, t
from sessions.i18n.formats import format_number
from tui.cli.context import Context


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("templates", help=t("cli.templates.help"))
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from sessions.agenda.catalog import all_templates, user_templates

    templates = all_templates(ctx.store.templates_dir)
    _good, errors = user_templates(ctx.store.templates_dir)
    for error in errors:
        ctx.error(t("cli.templates.bad_file", error=error))
    if args.json:
        ctx.print_json([template.as_json() for template in templates])
        return 0
    lang = get_language()
    for template in templates:
        total = format_number(template.total_minutes, lang)  # 7,5 in French
        ctx.print(f"{template.name:<30} {template.display_title(lang)}  ({total} min)")
        phases = " · ".join(
            f"{p.display_title(lang)} {format_number(p.minutes, lang)}" for p in template.phases
        )
        ctx.print(f"    {phases}")
    return 0
