"""``atelier serve SESSION``: the read-only follower in a web browser (textual-serve).

Each browser tab runs ``atelier watch SESSION`` on this machine through the
optional ``textual-serve`` package (``pip install 'atelier[web]'``). It listens
on the loopback address unless ``--host`` says otherwise, and then warns that
anyone who can reach the address sees the session.
"""

from __future__ import annotations

import argparse
import importlib.util
import ipaddress
import shlex
import socket
import sys

from sessions.i18n import t
from tui.cli.context import EXIT_ERROR, EXIT_USAGE, Context

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("serve", help=t("cli.serve.help"))
    parser.add_argument("session", metavar="SESSION", help=t("cli.opt.session"))
    parser.add_argument("--host", default=DEFAULT_HOST, help=t("cli.serve.host"))
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=t("cli.serve.port"))
    parser.add_argument("--contrast", action="store_true", help=t("cli.watch.contrast"))
    parser.set_defaults(func=run)


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def public_url(host: str, port: int) -> str:
    """The address a browser uses (a wildcard address is replaced by this machine's name)."""
    shown = socket.gethostname() if host in ("0.0.0.0", "::", "") else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


def watch_command(ctx: Context, path: str, contrast: bool) -> str:
    """The shell command textual-serve runs for each browser tab."""
    argv = [sys.executable, "-m", "tui", "--data-dir", str(ctx.data_dir)]
    if ctx.lang:
        argv += ["--lang", ctx.lang]
    argv += ["watch", path]
    if contrast:
        argv.append("--contrast")
    return shlex.join(argv)


def run(args: argparse.Namespace, ctx: Context) -> int:
    if importlib.util.find_spec("textual_serve") is None:
        ctx.error(t("cli.serve.missing"))
        return EXIT_ERROR
    if not 0 < args.port < 65536:
        ctx.error(t("cli.serve.bad_port", port=args.port))
        return EXIT_USAGE
    path = ctx.store.resolve(args.session)
    session = ctx.store.load(str(path))  # a corrupt file is reported here
    if not is_loopback(args.host):
        ctx.error(t("cli.serve.public", host=args.host))
    from textual_serve.server import Server

    url = public_url(args.host, args.port)
    server = Server(
        watch_command(ctx, str(path), args.contrast),
        host=args.host,
        port=args.port,
        title=f"atelier - {session.title}",
        public_url=url,
    )
    ctx.print(t("cli.serve.url", title=session.title, url=url))
    server.serve()
    return 0
