"""``atelier serve``: the read-only follower in a browser, through textual-serve.

The end-to-end test starts the real server on a free loopback port and a real
headless Chromium (Debian's ``chromium``) driven over the DevTools protocol; it
checks the page receives the countdown and keeps a screenshot. It is skipped
when chromium or textual-serve is missing, and uses no network beyond loopback.
Set ``ATELIER_DOCS_SCREENSHOT=1`` to refresh ``docs/serve.png``.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import build_session

from sessions.capture import tour as capture
from sessions.core.clock import SystemClock
from sessions.storage.store import SessionStore
from sessions.timer import ops as timer_ops
from sessions.timer.position import Stamp
from tui.cli.commands import serve
from tui.cli.context import EXIT_ERROR
from tui.cli.main import main

ROOT = Path(__file__).resolve().parent.parent


def test_loopback_addresses() -> None:
    assert serve.is_loopback("127.0.0.1")
    assert serve.is_loopback("localhost")
    assert serve.is_loopback("::1")
    assert not serve.is_loopback("0.0.0.0")
    assert not serve.is_loopback("192.168.1.10")
    assert serve.public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert serve.public_url("::1", 8000) == "http://[::1]:8000"
    assert "0.0.0.0" not in serve.public_url("0.0.0.0", 8000)


def test_the_watch_command_is_quoted(store, session) -> None:
    from tui.cli.context import Context

    ctx = Context(data_dir=Path("/tmp/a folder"), lang="en")
    command = serve.watch_command(ctx, "/tmp/it's here.json", contrast=True)
    import shlex

    argv = shlex.split(command)
    assert argv[1:] == [
        "-m",
        "tui",
        "--data-dir",
        "/tmp/a folder",
        "--lang",
        "en",
        "watch",
        "/tmp/it's here.json",
        "--contrast",
    ]


def test_missing_textual_serve_says_how_to_install(store, session, capsys, monkeypatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "textual_serve" else real(name, *a),
    )
    code = main(["--data-dir", str(store.root), "serve", session.id])
    assert code == EXIT_ERROR
    err = capsys.readouterr().err
    # this project's extra from its own folder, never "atelier" from the public index
    assert f"-m pip install '{ROOT}[web]'" in err
    assert "'atelier[web]'" not in err


def test_the_install_hint_without_a_source_folder(monkeypatch) -> None:
    monkeypatch.setattr(serve, "_source_folder", lambda: None)
    assert serve.install_command().endswith("-m pip install textual-serve")


def test_a_busy_port_is_told_before_any_url(store, session, capsys, monkeypatch) -> None:
    server_module = pytest.importorskip("textual_serve.server")
    monkeypatch.setattr(server_module, "Server", _must_not_start)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code = main(["--data-dir", str(store.root), "serve", session.id, "--port", str(port)])
    assert code == EXIT_ERROR
    out, err = capsys.readouterr()
    assert out == "" and "http" not in err
    assert f"{port}" in err and "--port" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_busy_port_from_the_shell_exits_1_in_one_line(store, session) -> None:
    pytest.importorskip("textual_serve")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        argv = [sys.executable, "-m", "tui", "--data-dir", str(store.root), "--lang", "en"]
        done = subprocess.run(
            [*argv, "serve", session.id, "--port", str(port)], capture_output=True, timeout=60
        )
    assert done.returncode == EXIT_ERROR and done.stdout == b""
    assert done.stderr.decode().startswith(f"atelier: port {port} is already in use")


def _must_not_start(*args, **kwargs):  # type: ignore[no-untyped-def]
    raise AssertionError("the server must not start on a busy port")


def test_another_address_is_served_with_a_warning(store, session, capsys, monkeypatch) -> None:
    server_module = pytest.importorskip("textual_serve.server")
    started = {}

    class FakeServer:
        def __init__(self, command, host, port, title, public_url, templates_path) -> None:
            started.update(command=command, host=host, port=port, url=public_url)
            started["page"] = (Path(templates_path) / "app_index.html").read_text(encoding="utf-8")

        def serve(self) -> None:
            started["served"] = True

    monkeypatch.setattr(server_module, "Server", FakeServer)
    argv = ["--data-dir", str(store.root), "serve", session.id, "--host", "0.0.0.0"]
    assert main([*argv, "--port", str(_free_port())]) == 0
    out, err = capsys.readouterr()
    assert "0.0.0.0" in err and "ATTENTION" in err
    assert started["host"] == "0.0.0.0" and started["served"]
    assert "watch" in started["command"] and str(store.path_for(session.id)) in started["command"]
    # the page a browser gets speaks French, its "Session ended" too
    assert '<html lang="fr">' in started["page"] and "Le suivi est terminé." in started["page"]
    assert "Session ended" not in started["page"] and ">Restart<" not in started["page"]
    # loopback: no warning
    port = _free_port()
    assert main(["--data-dir", str(store.root), "serve", session.id, "--port", str(port)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and f"http://127.0.0.1:{port}" in out


def test_a_bad_port_is_refused(store, session, capsys) -> None:
    pytest.importorskip("textual_serve")
    assert main(["--data-dir", str(store.root), "serve", session.id, "--port", "70000"]) != 0
    assert "70000" in capsys.readouterr().err


# -- end to end: real server, real headless Chromium --------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_http(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.2)


async def _browse(url: str, want: list[re.Pattern[bytes]], seconds: float) -> tuple[bytes, bytes]:
    """Open ``url`` in headless Chromium; returns (bytes the page received, PNG)."""
    import aiohttp

    profile = tempfile.mkdtemp(prefix="atelier-chromium-")
    browser = subprocess.Popen(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--remote-debugging-port=0",
            "--window-size=1280,800",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        port_file = Path(profile) / "DevToolsActivePort"
        for _ in range(200):
            if port_file.exists() and port_file.read_text().strip():
                break
            await asyncio.sleep(0.05)
        devtools = port_file.read_text().split()[0]
        received = bytearray()
        async with aiohttp.ClientSession() as http:
            pages = await (await http.get(f"http://127.0.0.1:{devtools}/json/list")).json()
            ws_url = next(p for p in pages if p["type"] == "page")["webSocketDebuggerUrl"]
            async with http.ws_connect(ws_url, max_msg_size=0) as ws:
                counter = 0

                async def call(method: str, **params: object) -> dict:
                    nonlocal counter
                    counter += 1
                    wanted = counter
                    await ws.send_json({"id": wanted, "method": method, "params": params})
                    while True:
                        message = await ws.receive_json()
                        if message.get("method") == "Network.webSocketFrameReceived":
                            frame = message["params"]["response"]
                            data = frame["payloadData"]
                            received.extend(
                                base64.b64decode(data) if frame["opcode"] == 2 else data.encode()
                            )
                        if message.get("id") == wanted:
                            return message

                await call("Network.enable")
                await call("Page.enable")
                await call("Page.navigate", url=url)
                deadline = time.monotonic() + seconds
                while time.monotonic() < deadline:
                    if all(p.search(bytes(received)) for p in want):
                        break
                    await call("Runtime.evaluate", expression="1")
                    await asyncio.sleep(0.2)
                await asyncio.sleep(1.0)  # let the canvas paint the last frame
                await call("Runtime.evaluate", expression="1")
                shot = await call("Page.captureScreenshot", format="png")
                png = base64.b64decode(shot["result"]["data"])
        return bytes(received), png
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(browser.pid, signal.SIGTERM)
        browser.wait(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_the_browser_shows_the_countdown(tmp_path) -> None:
    pytest.importorskip("textual_serve")
    pytest.importorskip("aiohttp")
    store = SessionStore(tmp_path / "data", SystemClock())
    store.ensure()
    session = build_session(title="Atelier numérique - groupe A")
    store.create(session)
    clock = SystemClock()

    def begin(s) -> None:
        timer_ops.start(s, Stamp.of(clock))
        for text in ("Fibre partout", "Tiers-lieux", "Médiation numérique"):
            capture.add_idea(s, text, clock.now())

    store.transact(session.id, begin)
    minutes = int(session.agenda[0].minutes)
    port = _free_port()
    env = {**os.environ, "LANG": "fr_FR.UTF-8"}
    env.pop("ATELIER_HOME", None)
    server = subprocess.Popen(
        [
            sys.executable,
            *("-m", "tui", "--data-dir", str(store.root)),
            "serve",
            session.id,
            "--port",
            str(port),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        _wait_http(f"http://127.0.0.1:{port}/", 20)
        countdown = re.compile(rf"{minutes - 1:02d}:[0-5]\d".encode())
        want = [countdown, re.compile(b"En cours"), re.compile(b"Fibre partout")]
        received, png = asyncio.run(_browse(f"http://127.0.0.1:{port}/", want, 30))
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    for pattern in want:
        assert pattern.search(received), f"the page never received {pattern.pattern!r}"
    assert png.startswith(b"\x89PNG") and len(png) > 20_000  # a drawn page, not a blank one
    (tmp_path / "serve.png").write_bytes(png)
    if os.environ.get("ATELIER_DOCS_SCREENSHOT"):
        (ROOT / "docs" / "serve.png").write_bytes(png)
    assert store.load(session.id).revision == 2  # created, begun: the browser wrote nothing


def test_an_unknown_host_is_told_in_one_line(store, session, capsys, monkeypatch) -> None:
    server_module = pytest.importorskip("textual_serve.server")
    monkeypatch.setattr(server_module, "Server", _must_not_start)
    argv = ["--data-dir", str(store.root), "--lang", "en", "serve", session.id]
    assert main([*argv, "--host", "no-such-host.invalid"]) == EXIT_ERROR
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("atelier: cannot listen on no-such-host.invalid (")
