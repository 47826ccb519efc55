"""``atelier serve SESSION``: the read-only follower in a web browser (textual-serve).

Each browser tab runs ``atelier watch SESSION`` on this machine through the
optional ``textual-serve`` package (the project's ``web`` extra: ``pip install '.[web]'``
from the source folder; ``install_command`` names that folder). It listens
on the loopback address unless ``--host`` says otherwise, and then warns that
anyone who can reach the address sees the session.
"""

from __future__ import annotations

import argparse
import errno
import importlib.util
import ipaddress
import shlex
import socket
import sys
from pathlib import Path

from sessions.i18n import t
from sessions.i18n.oserror import os_reason
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


def port_problem(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be listened on (the message to show), or None.

    Binds and closes a socket the way the server will (``SO_REUSEADDR``), so a
    busy port or an unknown address is told before any address is printed.
    """
    try:
        infos = socket.getaddrinfo(
            host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
    except OSError as exc:
        return t("cli.serve.bad_host", host=host, reason=os_reason(exc))
    for family, kind, proto, _name, address in infos:
        try:
            with socket.socket(family, kind, proto) as sock:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                sock.bind(address)
        except OSError as exc:
            key = "cli.serve.port_busy" if exc.errno == errno.EADDRINUSE else "cli.serve.bad_host"
            return t(key, port=port, host=host, reason=os_reason(exc))
    return None


def install_command(extra: str = "web", packages: str = "textual-serve") -> str:
    """A command that installs this project's ``extra`` (``web``) from its own source.

    A package called ``atelier`` on the public index is another project: the
    hint names the source folder (the one holding ``pyproject.toml`` beside
    the installed package, or the folder it was installed from), else only
    the missing ``packages``.
    """
    pip = f"{shlex.quote(sys.executable)} -m pip install"
    source = _source_folder()
    if source is not None:
        return f"{pip} {shlex.quote(f'{source}[{extra}]')}"
    return f"{pip} {packages}"


def _source_folder() -> Path | None:
    import tui

    root = Path(tui.__file__).resolve().parent.parent
    if (root / "pyproject.toml").is_file():
        return root
    try:
        import json
        from importlib.metadata import distribution
        from urllib.parse import unquote, urlparse

        direct = distribution("atelier").read_text("direct_url.json")
        url = json.loads(direct or "{}").get("url", "")
    except Exception:  # no metadata, another distribution: no folder
        return None
    parsed = urlparse(url)
    if parsed.scheme == "file" and Path(unquote(parsed.path), "pyproject.toml").is_file():
        return Path(unquote(parsed.path))
    return None


def run(args: argparse.Namespace, ctx: Context) -> int:
    if importlib.util.find_spec("textual_serve") is None:
        ctx.error(t("cli.serve.missing_from", command=install_command()))
        return EXIT_ERROR
    if not 0 < args.port < 65536:
        ctx.error(t("cli.serve.bad_port", port=args.port))
        return EXIT_USAGE
    path = ctx.store.resolve(args.session)
    session = ctx.store.load(str(path))  # a corrupt file is reported here
    problem = port_problem(args.host, args.port)
    if problem is not None:
        ctx.error(problem)
        return EXIT_ERROR
    if not is_loopback(args.host):
        ctx.error(t("cli.serve.public", host=args.host))
    import tempfile

    from textual_serve.server import Server

    from tui.serve_page import write_templates

    url = public_url(args.host, args.port)
    with tempfile.TemporaryDirectory(prefix="atelier-serve-") as folder:
        server = Server(
            watch_command(ctx, str(path), args.contrast),
            host=args.host,
            port=args.port,
            title=f"atelier - {session.title}",
            public_url=url,
            templates_path=write_templates(Path(folder)),  # its page in our language
        )
        ctx.print(t("cli.serve.url", title=session.title, url=url))
        server.serve()
    return 0
